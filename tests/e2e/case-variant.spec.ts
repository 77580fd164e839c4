/**
 * Case variants by nurse setting (issue 14 item 5), on a FIXTURE build: the real content folder
 * copied, with one EHPAD variant added to the prompt-injection pilot's case
 * (tests/fixtures/case-variant.ts; content itself gets its variants from the content authors).
 * The fixture site is built once here and served to the browser through request routing, so no
 * extra port is needed. An EHPAD nurse decides on the EHPAD version and resumes on it; others
 * get the base case; without JavaScript the variant is readable behind « Version EHPAD »; print
 * shows every version.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { readModules } from '../../src/lib/content-files';
import { EHPAD_VARIANT, VARIANT_FILE, VARIANT_MODULE, withEhpadVariant } from '../fixtures/case-variant';

const URL = `modules/${VARIANT_MODULE}/`;
const base = readModules(join(process.cwd(), 'content')).find((m) => m.data.id === VARIANT_MODULE)!.data.case as {
	title: string;
	situation: string;
	options: { id: string; text: string; feedback: string }[];
};
let dir = '';
let dist = '';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 390, height: 844 } });

test.beforeAll(async () => {
	test.setTimeout(300_000);
	dir = mkdtempSync(join(tmpdir(), 'pias-variant-'));
	cpSync(join(process.cwd(), 'content'), join(dir, 'content'), { recursive: true });
	const file = join(dir, 'content', VARIANT_FILE);
	writeFileSync(file, withEhpadVariant(readFileSync(file, 'utf8')));
	dist = join(dir, 'dist');
	const r = spawnSync('npx', ['astro', 'build'], {
		encoding: 'utf8',
		env: { ...process.env, CONTENT_DIR: join(dir, 'content'), OUT_DIR: dist, ASTRO_CACHE_DIR: join(dir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' },
		timeout: 280_000,
	});
	if (r.status !== 0) throw new Error(`fixture build failed:\n${r.stdout}\n${r.stderr}`);
});

test.afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Serves the fixture build for every request to the test's origin (a tiny static server in the browser's network layer). */
async function serveFixture(context: BrowserContext, baseURL: string): Promise<void> {
	const origin = new globalThis.URL(baseURL).origin;
	await context.route((u) => u.origin === origin, async (route) => {
		let path = decodeURIComponent(new globalThis.URL(route.request().url()).pathname);
		let file = join(dist, path);
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
		const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' }[extname(file)] ?? 'application/octet-stream';
		path = file;
		return route.fulfill({ path, contentType: type });
	});
}

/** Chooses the nurse setting on the nurse track page, as a learner does (and waits until it is saved). */
async function chooseSetting(page: Page, label: RegExp, setting: string): Promise<void> {
	await page.goto('parcours/infirmier/');
	await expect(page.locator('[data-choose-profile]')).toBeVisible(); // the page script is running
	await page.getByRole('radio', { name: label }).check();
	// The first setting is preselected (checking it again changes nothing): « C'est mon parcours » saves it.
	await page.locator('[data-choose-profile]').click();
	await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('pias:/:progress:v2') ?? '{}').setting)).toBe(setting);
}

test('an EHPAD nurse decides on the EHPAD version, gets its feedback and debrief, and resumes on it exactly', async ({ page, context, baseURL }) => {
	await serveFixture(context, baseURL!);
	await chooseSetting(page, /EHPAD/, 'ehpad');
	await page.goto(`${URL}#cas`);
	await expect(page.locator('[data-lesson-status]')).toHaveText('Cas pratique');
	await expect(page.getByRole('heading', { level: 2, name: EHPAD_VARIANT.title })).toBeVisible();
	await expect(page.getByText('Cas pratique · Infirmier·e — EHPAD et médico-social')).toBeVisible();
	await expect(page.getByText(EHPAD_VARIANT.situation)).toBeVisible();
	await expect(page.getByText(base.situation)).toBeHidden();
	await expect(page.getByText('Version EHPAD')).toBeHidden();
	await expect(page.getByText(EHPAD_VARIANT.question)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Débriefing' })).toBeHidden();

	// Keyboard only: focus the first option, arrow down to « b », Tab to the button, Enter.
	const sound = EHPAD_VARIANT.options.find((o) => o.verdict === 'sound')!;
	const options = page.locator('.case-version.active [data-case] input');
	await expect(options).toHaveCount(EHPAD_VARIANT.options.length);
	await options.first().focus();
	await page.keyboard.press('Space');
	for (let i = 0; i < EHPAD_VARIANT.options.indexOf(sound); i++) await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: sound.text })).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Valider mon choix' })).toBeFocused();
	await page.keyboard.press('Enter');
	const feedback = page.locator('.case-version.active [data-case-feedback]');
	await expect(feedback).toContainText('Décision sûre');
	await expect(feedback).toContainText(sound.feedback);
	await expect(page.getByText(EHPAD_VARIANT.debrief)).toBeVisible();
	const stored = await page.evaluate(() => localStorage.getItem('pias:/:lesson:v1'));
	expect(JSON.parse(stored!).modules['injection-de-prompt'].choice).toBe(`ehpad:${sound.id}`);
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);

	// Later the nurse moves to the operating room: the case she decided stays the one she sees.
	await chooseSetting(page, /Bloc opératoire/, 'bloc');
	await page.goto(URL);
	await expect(page.locator('[data-resume-link]')).toHaveText('Reprendre au cas pratique');
	await expect(page.getByRole('heading', { level: 2, name: EHPAD_VARIANT.title })).toBeVisible();
	await expect(page.getByRole('radio', { name: sound.text })).toBeChecked();
	await expect(page.locator('.case-version.active [data-case-feedback]')).toContainText(sound.feedback);
	await expect(page.getByText(base.situation)).toBeHidden();
});

test('a nurse of another setting, and a learner with no setting, decide on the base case', async ({ page, context, baseURL }) => {
	await serveFixture(context, baseURL!);
	await page.goto(`${URL}#cas`);
	await expect(page.getByRole('heading', { level: 2, name: base.title })).toBeVisible();
	await expect(page.getByText(base.situation)).toBeVisible();
	await expect(page.getByText(EHPAD_VARIANT.situation)).toBeHidden();
	await expect(page.getByText('Version EHPAD')).toBeHidden();

	await chooseSetting(page, /Service de soins/, 'service');
	await page.goto(`${URL}#cas`);
	await expect(page.getByText(base.situation)).toBeVisible();
	await expect(page.getByText(EHPAD_VARIANT.situation)).toBeHidden();
	await page.getByRole('radio', { name: base.options[1].text }).check();
	await page.getByRole('button', { name: 'Valider mon choix' }).click();
	await expect(page.locator('.case-version.active [data-case-feedback]')).toContainText(base.options[1].feedback);
	const stored = await page.evaluate(() => localStorage.getItem('pias:/:lesson:v1'));
	expect(JSON.parse(stored!).modules['injection-de-prompt'].choice).toBe(base.options[1].id);
});

test('without JavaScript the base case shows and the EHPAD version is readable behind « Version EHPAD »', async ({ browser, baseURL }) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, baseURL });
	await serveFixture(ctx, baseURL!);
	const page = await ctx.newPage();
	await page.goto(URL);
	await expect(page.getByText(base.situation)).toBeVisible();
	const summary = page.getByText('Version EHPAD', { exact: true });
	await expect(summary).toBeVisible();
	await expect(page.getByText(EHPAD_VARIANT.situation)).toBeHidden();
	await summary.click();
	await expect(page.getByText(EHPAD_VARIANT.situation)).toBeVisible();
	for (const o of EHPAD_VARIANT.options) await expect(page.getByText(o.text, { exact: true })).toBeVisible();
	await ctx.close();
});

test('print shows every version of the case', async ({ page, context, baseURL }) => {
	await serveFixture(context, baseURL!);
	await chooseSetting(page, /EHPAD/, 'ehpad');
	await page.goto(URL);
	await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByText(base.situation)).toBeVisible();
	await expect(page.getByText(EHPAD_VARIANT.situation)).toBeVisible();
	await expect(page.getByText(EHPAD_VARIANT.debrief)).toBeVisible();
	await expect(page.getByText('Version EHPAD', { exact: true })).toBeVisible();
});
