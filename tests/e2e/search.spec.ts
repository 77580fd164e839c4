import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('type in the header box, see results, open one — keyboard only', async ({ page }) => {
	const searchIndexLoads: string[] = [];
	page.on('request', (r) => { if (r.url().includes('search-index.json')) searchIndexLoads.push(r.url()); });
	await page.goto('./parcours/');
	expect(searchIndexLoads).toEqual([]);
	// "/" focuses the header search box.
	await page.keyboard.press('/');
	await expect(page.locator('#site-search')).toBeFocused();
	await page.keyboard.type('rançongiciel');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/recherche\/#q=ran%C3%A7ongiciel$/);
	const results = page.locator('ol.results > li');
	await expect(results.first()).toBeVisible();
	await expect(results.first().getByRole('heading')).toContainText(/hôpitaux|rançongiciel/i);
	await expect(results.first().locator('mark').first()).toBeVisible();
	await expect(page.locator('[role="status"][aria-live="polite"]').last()).toContainText(/résultat/);
	// Keyboard: Tab through the form to the first result link and open it.
	const firstLink = results.first().getByRole('link');
	const href = await firstLink.getAttribute('href');
	for (let i = 0; i < 40 && !(await firstLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(firstLink).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$'));
});

test('a results page can be linked to and reloaded, with filters', async ({ page }) => {
	await page.goto('./recherche/?q=reglementation');
	const results = page.locator('ol.results > li');
	await expect(results.first()).toBeVisible();
	await expect(results.first().getByRole('link')).toHaveAttribute('href', /modules\/ai-act-essentiel\/$/);
	await page.reload();
	await expect(results.first().getByRole('link')).toHaveAttribute('href', /modules\/ai-act-essentiel\/$/);
	await page.goto('./recherche/?q=AI%20Act');
	await expect(results.first().getByRole('link')).toHaveAttribute('href', /modules\/ai-act-essentiel\/$/);
	await page.goto('./recherche/?q=halucination');
	await expect(results.first().getByRole('link')).toHaveAttribute('href', /modules\/ia-generative-quotidien\/$/);
	// Theme filter keeps only that theme's modules.
	await page.goto('./recherche/?q=donn%C3%A9es&theme=cybersecurite');
	await expect(results.first()).toBeVisible();
	const badges = await results.locator('.badge').allTextContents();
	expect(badges.every((b) => /Cybersécurité/.test(b))).toBe(true);
	await expect(page.getByLabel('Thème')).toHaveValue('cybersecurite');
});

test('glossary hits show the definition; an empty result suggests terms', async ({ page }) => {
	await page.goto('./recherche/?q=pseudonymisation');
	const term = page.locator('ol.results > li', { has: page.locator('.badge', { hasText: 'Glossaire' }) }).first();
	await expect(term).toBeVisible();
	await expect(term.locator('p').nth(1)).not.toBeEmpty();
	await page.goto('./recherche/?q=zzqxw');
	await expect(page.locator('.notice').getByText(/Aucun résultat/)).toBeVisible();
	await expect(page.getByRole('link', { name: /glossaire/ })).toBeVisible();
	// lunr syntax characters never break the page.
	for (const q of ['AI:Act', 'rgpd~2', '+-*^', '"""']) {
		await page.goto(`./recherche/?q=${encodeURIComponent(q)}`);
		await expect(page.locator('h1')).toHaveText('Recherche');
		await expect(page.getByText(/n’a pas pu se charger/)).toHaveCount(0);
	}
});

test('the "/" shortcut can be turned off and never fires while typing in a field', async ({ page }) => {
	await page.goto('./progression/');
	await page.getByLabel(/Raccourci clavier/).uncheck();
	await page.goto('./glossaire/');
	await page.keyboard.press('/');
	await expect(page.locator('#site-search')).not.toBeFocused();
	await page.goto('./progression/');
	await page.getByLabel(/Raccourci clavier/).check();
	await page.getByLabel('Ou coller un code de progression').focus();
	await page.keyboard.press('/');
	await expect(page.getByLabel('Ou coller un code de progression')).toHaveValue('/');
});

test('a result that matched a lesson step says which step and opens the lesson at that step', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
	await page.goto('./recherche/');
	await page.getByLabel('Rechercher', { exact: true }).fill('injection indirecte');
	await page.getByLabel('Rechercher', { exact: true }).press('Enter');
	await expect(page).toHaveURL(/recherche\/#q=injection\+indirecte$/);
	const first = page.locator('ol.results > li').first();
	await expect(first.getByRole('heading')).toContainText('injection de prompt');
	await expect(first.locator('.step-hit')).toHaveText(/^Étape 2\u00a0: L'injection indirecte arrive par ce que l'IA lit pour vous$/);
	const link = first.getByRole('link');
	await expect(link).toHaveAttribute('href', /\/modules\/injection-de-prompt\/#etape-directe-indirecte$/);
	await expect(link).toHaveAccessibleDescription(/Étape 2/);
	// The excerpt comes from the texts file, from inside that step.
	await expect(first.locator('.snippet mark').first()).toHaveText(/injection indirecte/i);
	expect(fetched.some((p) => p.endsWith('/search-text.json'))).toBe(true);
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(r.violations.map((v) => v.id), colorScheme).toEqual([]);
	}
	await link.click();
	await expect(page).toHaveURL(/\/modules\/injection-de-prompt\/#etape-directe-indirecte$/);
	const step = page.locator('#etape-directe-indirecte');
	await expect(step).toBeVisible();
	await expect(step.getByRole('heading', { level: 2 })).toHaveText("L'injection indirecte arrive par ce que l'IA lit pour vous");
	await expect(step.locator('.step-kicker')).toContainText('Étape 2 sur 5');
	// The lesson shows one step at a time: the first step is not the one on screen.
	await expect(page.locator('#etape-consigne-cachee')).toBeHidden();
	await expect(step).toBeInViewport();
});

test('a query the module title answers links the module page, not a step', async ({ page }) => {
	await page.goto('./recherche/#q=injection%20de%20prompt');
	const first = page.locator('ol.results > li').first();
	await expect(first.getByRole('link')).toHaveAttribute('href', /\/modules\/injection-de-prompt\/$/);
	await expect(first.locator('.step-hit')).toHaveCount(0);
});
