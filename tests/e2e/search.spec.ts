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
