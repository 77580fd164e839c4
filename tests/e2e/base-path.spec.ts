import { expect, test } from '@playwright/test';

/**
 * The same site built with BASE_PATH=/formation-ia/ (see playwright.config.ts): every link,
 * asset, island and catalogue URL stays under the sub-path, as on a hospital intranet.
 */
const BASE = '/formation-ia/';

test('every link, asset and request stays under the base path', async ({ page }) => {
	const outside: string[] = [];
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (u.protocol.startsWith('http') && !u.pathname.startsWith(BASE)) outside.push(r.url());
	});
	for (const p of ['', 'parcours/infirmier/', 'modules/injection-de-prompt/', 'glossaire/', 'recherche/?q=rgpd']) {
		await page.goto(`./${p}`);
		await page.waitForLoadState('networkidle');
		const hrefs = await page.locator('a[href], link[href], script[src], img[src]').evaluateAll((els) =>
			els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
		);
		for (const h of hrefs) {
			if (/^(https?:|mailto:|#|data:)/.test(h)) continue;
			expect(h.startsWith(BASE), `${p}: ${h}`).toBe(true);
		}
	}
	expect(outside).toEqual([]);
});

test('navigating from the home page to a module works under the sub-path', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('link', { name: /Parcours décideur/i }).first().click();
	await expect(page).toHaveURL(new RegExp(`${BASE}parcours/decideur/$`));
	await page.getByRole('link', { name: 'Commencer le parcours' }).first().click();
	await expect(page).toHaveURL(new RegExp(`${BASE}modules/[a-z0-9-]+/$`));
	await expect(page.getByRole('heading', { name: 'Objectifs' })).toBeVisible();
});

test('the end-of-track review is offered and opens under the sub-path (issue 17)', async ({ page }) => {
	await page.goto('./');
	// A completed student track, as an import would leave it, under this base path's own key.
	const ids = ['comprendre-ia', 'ia-generative-quotidien', 'aide-decision-biais-automatisation', 'biais-equite-donnees', 'shadow-ia-fuites-donnees', 'hygiene-numerique-outils-ia', 'rgpd-donnees-sante', 'ai-act-essentiel'];
	await page.evaluate((ids) => {
		const modules = Object.fromEntries(ids.map((id) => [id, { status: 'completed', best: 100, attempts: 1, lastVisit: '2026-12-01', version: 1, completedOn: '2026-12-01' }]));
		localStorage.setItem('pias:/formation-ia/:progress:v2', JSON.stringify({ v: 2, profile: 'etudiant', setting: null, modules }));
	}, ids);
	await page.reload();
	const link = page.locator('[data-measure-offer="end"] a');
	await expect(link).toHaveAttribute('href', `${BASE}bilan/`);
	await link.click();
	await expect(page).toHaveURL(new RegExp(`${BASE}bilan/$`));
	await expect(page.locator('fieldset.question')).toHaveCount(12);
	for (const h of await page.locator('[data-measure] a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) expect(h.startsWith(BASE), h).toBe(true);
	await page.goto('./bilan/rappel/');
	await expect(page.locator('[data-measure-state="not-yet"], [data-measure-state="not-complete"], fieldset.question').first()).toBeVisible();
});

test('a search result opens the lesson step it matched, under the sub-path', async ({ page }) => {
	await page.goto('./recherche/#q=injection%20indirecte');
	const link = page.locator('ol.results > li').first().getByRole('link');
	await expect(link).toHaveAttribute('href', `${BASE}modules/injection-de-prompt/#etape-directe-indirecte`);
	await link.click();
	await expect(page).toHaveURL(new RegExp(`${BASE}modules/injection-de-prompt/#etape-directe-indirecte$`));
	await expect(page.locator('#etape-directe-indirecte').getByRole('heading', { level: 2 })).toBeInViewport();
	await expect(page.locator('#etape-consigne-cachee')).toBeHidden();
});

test('catalogue URLs carry the base path', async ({ request, baseURL }) => {
	const cat = await (await request.get('catalog.json')).json();
	// Relative to catalog.json when built without SITE_URL: resolved, they stay under the sub-path.
	const from = new URL('catalog.json', baseURL);
	for (const m of cat.modules) expect(new URL(m.url, from).pathname.startsWith(`${BASE}modules/`)).toBe(true);
	for (const t of cat.tracks) expect(new URL(t.url, from).pathname.startsWith(`${BASE}parcours/`)).toBe(true);
	expect((await request.get(new URL(cat.modules[0].url, from).href)).ok()).toBe(true);
});

test.describe('offline under the sub-path', () => {
test.use({ serviceWorkers: 'allow' });
test('the service worker is scoped to the sub-path and serves the pages', async ({ page, context }) => {
	await page.goto('./');
	const scope = await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		return reg.scope;
	});
	expect(new URL(scope).pathname).toBe(BASE);
	await context.setOffline(true);
	for (const p of ['parcours/infirmier/', 'modules/ai-act-essentiel/', 'glossaire/', 'recherche/?q=rgpd']) {
		const res = await page.goto(`./${p}`);
		expect(res?.ok(), p).toBe(true);
		await expect(page.locator('h1'), p).toBeVisible();
	}
	await expect(page.locator('ol.results > li').first()).toBeVisible();
	// The excerpts' texts are precached too.
	await expect(page.locator('ol.results .snippet mark').first()).toBeVisible();
	await context.setOffline(false);
});
});

test('a glossary word of a lesson opens its definition in place, fetched under the sub-path', async ({ page }) => {
	const requests: string[] = [];
	page.on('request', (r) => requests.push(new URL(r.url()).pathname));
	await page.goto('./modules/injection-de-prompt/');
	const word = page.locator('.lesson-part.current a[data-term]').first();
	await word.click();
	const box = page.getByRole('group', { name: /^Définition : / });
	await expect(box).toBeFocused();
	await expect(box).not.toContainText('Chargement');
	await expect(box).not.toContainText('n’a pas pu être chargée');
	const json = requests.filter((p) => p.endsWith('.json') && p.includes('/glossaire/'));
	expect(json).toHaveLength(1);
	expect(json[0].startsWith(`${BASE}glossaire/`)).toBe(true);
});

test('« Poste partagé » under the sub-path: its own flag and marker, the banner links under it, nothing else in localStorage', async ({ page, context }) => {
	await page.goto('./parcours/infirmier/');
	await page.getByRole('button', { name: 'Oui : activer le mode Poste partagé' }).click();
	const banner = page.locator('[data-shared-banner]');
	await expect(banner).toBeVisible();
	await expect(banner.getByRole('link', { name: 'Terminer ma session ou quitter ce mode' })).toHaveAttribute('href', `${BASE}progression/#poste-partage`);
	await page.getByRole('button', { name: 'C’est mon parcours' }).click();
	await expect(page.getByRole('button', { name: 'C’est votre parcours (gardé pour cette session)' })).toBeVisible();
	const dump = () => page.evaluate(() => ({
		local: Object.fromEntries(Object.entries(localStorage)),
		session: Object.keys(sessionStorage).sort(),
	}));
	const s = await dump();
	expect(s.local).toEqual({ [`pias-shared:${BASE}`]: '1' });
	expect(s.session).toEqual([`pias-shared:${BASE}`, `pias:${BASE}:progress:v2`]);
	// A second tab of the session opens in shared mode and takes this tab's progress.
	const other = await context.newPage();
	await other.goto('./parcours/infirmier/');
	await expect(other.locator('[data-shared-banner]')).toBeVisible();
	await expect(other.getByRole('button', { name: 'C’est votre parcours (gardé pour cette session)' })).toBeVisible();
});
