import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Module files on disk: the catalogue must list exactly these. */
function moduleFileCount(): number {
	const root = join(process.cwd(), 'content/modules');
	return readdirSync(root).reduce((n, d) => n + readdirSync(join(root, d)).filter((f) => f.endsWith('.mdx')).length, 0);
}

test('home → choose a profile → first module → next module', async ({ page }) => {
	await page.goto('./');
	await expect(page).toHaveTitle(/Parcours IA Santé/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.getByRole('link', { name: /Parcours infirmier/i }).first().click();
	await expect(page).toHaveURL(/parcours\/infirmier\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/infirmier/i);
	await expect(page.getByText(/Durée totale/).first()).toBeVisible();

	const firstList = page.locator('[data-module-list]').first();
	const ids = (await firstList.getAttribute('data-module-list'))!.split(' ');
	expect(ids.length).toBeGreaterThanOrEqual(6);
	await page.getByRole('link', { name: 'Commencer le parcours' }).first().click();
	await expect(page).toHaveURL(new RegExp(`modules/${ids[0]}/$`));
	await expect(page.getByRole('heading', { name: 'Objectifs' })).toBeVisible();
	// A lesson shows one part at a time: its step list leads to the steps, the case and the quiz.
	await expect(page.locator('[data-lesson-status]')).toHaveText(/^Étape 1 sur \d+$/);
	await expect(page.locator('.lesson-toc').getByRole('link', { name: /^Cas pratique/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'À retenir' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();

	const nav = page.locator('.track-nav[data-profile="infirmier"]').first();
	await nav.getByRole('link', { name: /Module suivant/ }).click();
	await expect(page).toHaveURL(new RegExp(`modules/${ids[1]}/$`));
	await expect(page.locator('.track-nav[data-profile="infirmier"]').first().getByRole('link', { name: /Module précédent/ })).toHaveAttribute('href', new RegExp(`modules/${ids[0]}/$`));
});

test('every route of the brief answers with a unique, descriptive title', async ({ page }) => {
	const paths = ['', 'parcours/', 'parcours/praticien-hospitalier/', 'parcours/liberal/', 'parcours/infirmier/', 'parcours/decideur/', 'parcours/etudiant/', 'themes/usages/', 'themes/cybersecurite/', 'themes/reglementation/', 'glossaire/', 'recherche/', 'progression/', 'a-propos/', 'mentions-legales/', 'accessibilite/', 'referentiels/', 'positionnement/', 'attestation/', 'attestation/verifier/', 'pratique/', 'pratique/instruction-cachee/', 'pratique/puis-je-coller/', 'pratique/puis-je-utiliser-cet-outil/', 'pratique/mon-outil-est-il-a-haut-risque/'];
	const titles = new Set<string>();
	for (const p of paths) {
		const res = await page.goto(`./${p}`);
		expect(res?.status(), p).toBe(200);
		const title = await page.title();
		expect(titles.has(title), `duplicate title ${title}`).toBe(false);
		titles.add(title);
		await expect(page.locator('h1')).toHaveCount(1);
	}
});

test('catalog.json lists every module and track, with URLs that open this site', async ({ request, baseURL }) => {
	const res = await request.get('catalog.json');
	expect(res.ok()).toBe(true);
	const cat = await res.json();
	expect(cat.schemaVersion).toBe(2);
	expect(cat.modules).toHaveLength(moduleFileCount());
	expect(cat.tracks.map((t: { profile: string }) => t.profile).sort()).toEqual(['decideur', 'etudiant', 'infirmier', 'liberal', 'praticien-hospitalier']);
	// Built without SITE_URL (as here): URLs relative to catalog.json's own address, never a
	// build machine's localhost; with SITE_URL they are absolute.
	const catalogUrl = new URL('catalog.json', baseURL);
	expect(JSON.stringify(cat)).not.toContain('localhost');
	expect(new URL(cat.url, catalogUrl).href).toBe(new URL('./', catalogUrl).href);
	for (const m of cat.modules) {
		expect(m.url).toMatch(process.env.SITE_URL ? /^https?:\/\/.+\/modules\/[a-z0-9-]+\/$/ : /^modules\/[a-z0-9-]+\/$/);
		expect(m.quizQuestionCount).toBeGreaterThanOrEqual(5);
		expect(m.sources.length).toBeGreaterThanOrEqual(2);
		// schemaVersion 2: a lesson lists its steps; their minutes, the case and the quiz make the
		// module's figure (rounded), and every step anchor exists on the module page.
		expect(['lesson', 'reading']).toContain(m.format);
		if (m.format === 'lesson') {
			expect(m.steps.length).toBeGreaterThanOrEqual(4);
			const sum = m.steps.reduce((n: number, s: { minutes: number }) => n + s.minutes, 0) + m.caseMinutes + m.quizMinutes;
			expect(Math.abs(Math.max(1, Math.round(sum)) - m.durationMinutes), m.slug).toBeLessThanOrEqual(1);
		} else expect(m.steps).toEqual([]);
	}
	const lesson = cat.modules.find((m: { format: string }) => m.format === 'lesson');
	const html = await (await request.get(new URL(lesson.url, catalogUrl).href)).text();
	for (const s of lesson.steps) expect(html, s.anchor).toContain(`id="${s.anchor}"`);
	// Every module page named in the catalogue exists on this server.
	for (const m of cat.modules.slice(0, 30)) {
		const r = await request.get(new URL(m.url, catalogUrl).href);
		expect(r.status(), m.slug).toBe(200);
	}
});

test('an unknown address shows the French 404 page', async ({ page }) => {
	const res = await page.goto('./cette-page-n-existe-pas/');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
});
