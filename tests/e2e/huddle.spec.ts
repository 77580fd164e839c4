import { expect, test, type Page } from '@playwright/test';
import yaml from 'js-yaml';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Team huddle kit: a printed sheet hides the site navigation, shows the key points and carries
 * a QR code (at least 3 cm) that decodes to the module's absolute URL as the build wrote it;
 * every sheet fits on one A4 page; the reflex cards print as three A6 pages with the
 * establishment's contacts or neutral wording.
 */

const MODULE_ID = 'incident-ia-reagir-signaler';

interface Frontmatter { id: string; keyPoints: string[]; case: { title: string } }

/** Frontmatter of every module on disk (the source of truth, not what the page says). */
function modules(): Frontmatter[] {
	const root = join(process.cwd(), 'content/modules');
	return readdirSync(root).flatMap((dir) =>
		readdirSync(join(root, dir))
			.filter((f) => f.endsWith('.mdx'))
			.map((f) => yaml.load(readFileSync(join(root, dir, f), 'utf8').split(/^---$/m)[1]) as Frontmatter),
	);
}

/** Page sizes (PDF points) of a printed page, one entry per page. */
async function printedPages(page: Page): Promise<string[]> {
	const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
	const count = (pdf.match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
	const boxes = [...pdf.matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((m) =>
		m[1].trim().split(/\s+/).slice(2).map((n) => Math.round(Number(n))).join('x'),
	);
	// Chromium writes one MediaBox per page; anything else means this reading is wrong.
	expect(boxes).toHaveLength(count);
	return boxes;
}

const A4 = '595x842';
const A6 = '298x420';

test('a huddle sheet prints without navigation, with the key points and a QR code to the module', async ({ page, baseURL }) => {
	const mod = modules().find((m) => m.id === MODULE_ID)!;
	await page.emulateMedia({ media: 'print' });
	await page.goto(`animation/${MODULE_ID}/`);

	// Site chrome and breadcrumb are not printed.
	await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
	await expect(page.getByRole('navigation', { name: "Fil d'Ariane" })).toBeHidden();
	await expect(page.getByRole('search')).toBeHidden();
	await expect(page.getByRole('contentinfo')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Imprimer cette fiche' })).toBeHidden();

	// What the team needs is printed.
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'À retenir' })).toBeVisible();
	for (const point of mod.keyPoints) await expect(page.getByText(point, { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: `Le cas : ${mod.case.title}` })).toBeVisible();
	const questions = page.getByRole('heading', { name: 'Questions pour la discussion' }).locator('xpath=following-sibling::ol[1]/li');
	await expect(questions).toHaveCount(3);
	await expect(questions.last()).toContainText('Dans notre service, qui contacter si… ?');
	await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();

	// The QR code: at least 3 cm wide on paper (96 CSS px per inch), and it decodes to the
	// module's address on this very server (the page's own origin and base path), whatever
	// SITE_URL the build had: a sheet printed from a copied dist/ must open this site.
	const expected = new URL(`modules/${MODULE_ID}/`, baseURL).href;
	expect(expected).not.toContain('localhost:4321');
	const qr = page.getByRole('img', { name: `Code QR vers le module : ${expected}` });
	await expect(qr).toBeVisible();
	const box = (await qr.boundingBox())!;
	expect(box.width).toBeGreaterThanOrEqual((3 / 2.54) * 96);
	expect(box.height).toBeGreaterThanOrEqual((3 / 2.54) * 96);
	const png = PNG.sync.read(await qr.screenshot());
	const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
	expect(decoded?.data).toBe(expected);
	// The printed caption gives the same address for those without a phone.
	await expect(page.getByRole('link', { name: expected })).toBeVisible();
});

test('every huddle sheet fits on one A4 page', async ({ page }) => {
	test.setTimeout(120_000);
	const ids = modules().map((m) => m.id);
	expect(ids.length).toBeGreaterThan(0);
	for (const id of ids) {
		await page.goto(`animation/${id}/`);
		expect(await printedPages(page), id).toEqual([A4]);
	}
});

test('the index links every sheet and the reflex cards', async ({ page }) => {
	const mods = modules();
	await page.goto('animation/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Animer une séance d'équipe");
	for (const m of mods) await expect(page.locator(`a[href$="animation/${m.id}/"]`), m.id).toHaveCount(1);
	await page.getByRole('link', { name: /Fiches réflexes/ }).click();
	await expect(page).toHaveURL(/animation\/fiches-reflexes\/$/);
});

test('reflex cards print as three A6 pages, with the establishment contacts or neutral wording', async ({ page }) => {
	const settings = (yaml.load(readFileSync(join(process.cwd(), 'content/etablissement.yaml'), 'utf8')) as { etablissement: Record<string, string> }).etablissement;
	await page.goto('animation/fiches-reflexes/');
	const titles = ["Incident impliquant un outil d'IA : que faire ?", 'Avant de coller un texte dans une IA', 'Un courriel ou un appel vous semble suspect'];
	for (const title of titles) await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();

	const incident = page.getByRole('article', { name: titles[0] });
	await expect(incident).toContainText('L1111-8-2');
	await expect(incident).toContainText('art. 33 du RGPD');
	await expect(incident).toContainText('72 heures');
	if (settings.dpo?.trim()) await expect(incident).toContainText(settings.dpo.trim());
	else await expect(incident).toContainText('le DPO de votre établissement');
	if (settings.incidentContact?.trim()) await expect(incident).toContainText(settings.incidentContact.trim());
	else await expect(incident).toContainText('à noter ici');

	expect(await printedPages(page)).toEqual([A6, A6, A6]);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
});

test('the huddle pages pass axe (WCAG 2.1 A and AA)', async ({ page }) => {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	for (const path of ['animation/', `animation/${MODULE_ID}/`, 'animation/fiches-reflexes/']) {
		await page.goto(path);
		const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	}
});
