import { expect, test } from '@playwright/test';

/** Issue 16, item 10: queries and names never on the wire, in the browser's memory, or on paper. */

test('a search query stays after # and never reaches the server; old ?q= links are moved', async ({ page }) => {
	const sent: string[] = [];
	page.on('request', (r) => sent.push(r.url()));
	await page.goto('./parcours/');
	await page.locator('#site-search').fill('Mme Dupont diabète');
	await page.locator('#site-search').press('Enter');
	await expect(page).toHaveURL(/\/recherche\/#q=Mme\+Dupont\+diab%C3%A8te$/);
	await expect(page.locator('ol.results > li, .notice').first()).toBeVisible();
	expect(sent.filter((u) => /Dupont|diab/i.test(decodeURIComponent(u)))).toEqual([]);
	// The header box on the results page itself changes only the fragment: results follow.
	await page.locator('#site-search').fill('rançongiciel');
	await page.locator('#site-search').press('Enter');
	await expect(page).toHaveURL(/#q=ran%C3%A7ongiciel$/);
	await expect(page.locator('#q')).toHaveValue('rançongiciel');
	await expect(page.locator('ol.results > li').first().getByRole('heading')).toContainText(/hôpitaux|rançongiciel/i);
	// The page's own form, with a filter.
	await page.locator('#q').fill('données');
	await page.getByLabel('Thème').selectOption('cybersecurite');
	await page.locator('form.search button[type="submit"]').click();
	await expect(page).toHaveURL(/\/recherche\/#q=donn%C3%A9es&theme=cybersecurite$/);
	expect(sent.filter((u) => /[?&]q=/.test(u))).toEqual([]);
	// An old link still works and is moved after # at once.
	await page.goto('./recherche/?q=reglementation&theme=reglementation');
	await expect(page.locator('ol.results > li').first().getByRole('link')).toHaveAttribute('href', /modules\/ai-act-essentiel\/$/);
	await expect(page).toHaveURL(/\/recherche\/#q=reglementation&theme=reglementation$/);
	await page.reload();
	await expect(page.locator('ol.results > li').first().getByRole('link')).toHaveAttribute('href', /modules\/ai-act-essentiel\/$/);
});

test('fields where a name or clinical text may be typed have autocomplete and spell-check off', async ({ page }) => {
	const fields: Array<[string, string]> = [
		['parcours/', '#site-search'],
		['recherche/', '#q'],
		['attestation/', '#att-name'],
		['attestation/verifier/', '#v-name'],
		['pratique/puis-je-coller/', '#texte-a-verifier'],
	];
	for (const [path, sel] of fields) {
		await page.goto(`./${path}`);
		const el = page.locator(sel);
		await expect(el, `${path} ${sel}`).toHaveCount(1);
		await expect(el, `${path} ${sel}`).toHaveAttribute('autocomplete', 'off');
		expect(await el.evaluate((e) => (e as HTMLInputElement).spellcheck), `${path} ${sel}`).toBe(false);
	}
});

test('printing "Puis-je coller ?" leaves the pasted text and its copies out', async ({ page }) => {
	await page.goto('./pratique/puis-je-coller/');
	await expect(page.locator('[data-simulation][data-ready="true"]')).toBeVisible();
	const secret = 'Patiente Zoé Marchetti, née le 03/04/1951, NIR 2 51 04 75 123 456 78.';
	await page.getByLabel('Texte à vérifier').fill(secret);
	await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
	await expect(page.locator('[data-highlighted]')).toContainText('Marchetti');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByLabel('Texte à vérifier')).toBeHidden();
	await expect(page.locator('[data-highlighted]')).toBeHidden();
	await expect(page.locator('#texte-pseudonymise')).toBeHidden();
	await expect(page.locator('ol.findings')).toBeHidden();
	await expect(page.locator('[data-print-note]')).toBeVisible();
	const printed = await page.evaluate(() => document.body.innerText);
	expect(printed).not.toContain('Marchetti');
	expect(printed).not.toContain('1951');
	await page.emulateMedia({ media: 'screen' });
	await expect(page.locator('[data-highlighted]')).toBeVisible();
	await expect(page.locator('[data-print-note]')).toBeHidden();
});
