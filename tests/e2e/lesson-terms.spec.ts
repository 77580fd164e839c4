/**
 * Glossary words in place (issue 13 item 7): in a lesson, a glossary word opens its definition
 * right where it is, by keyboard (Enter or Space), takes the focus, closes with Escape or
 * « Fermer » and gives the focus back; a screen reader hears a button that is expanded or
 * collapsed. The definition is fetched only when asked. Without JavaScript the word is a link to
 * the glossary entry.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { readKeyed, readModules } from '../../src/lib/content-files';
import { stepBlocks } from '../../src/lib/lesson/steps';

const ID = 'injection-de-prompt';
const URL = `modules/${ID}/`;
const content = join(process.cwd(), 'content');
const mod = readModules(content).find((m) => m.data.id === ID)!;
// The first step whose text holds a glossary word, and that word.
const found = stepBlocks(mod.body)
	.map((b) => ({ step: b.id, m: /<Term\s+id="([^"]+)">([^<]+)<\/Term>/.exec(b.source) }))
	.find((x) => x.m)!;
const termId = found.m![1];
const word = found.m![2];
const glossary = readKeyed(content, 'glossary.yaml').find((g) => g.id === termId)!.data as { term: string; definition: string };

test.use({ viewport: { width: 390, height: 844 } });

test('a glossary word opens its definition in place, by keyboard, and Escape gives the focus back', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (r) => { if (/glossaire\/[^/]+\.json$/.test(r.url())) fetched.push(r.url()); });
	await page.goto(`${URL}#etape-${found.step}`);
	const link = page.locator(`#etape-${found.step} a[data-term="${termId}"]`).first();
	await expect(link).toHaveAttribute('role', 'button');
	await expect(link).toHaveAttribute('aria-expanded', 'false');
	expect(fetched).toEqual([]);

	await link.focus();
	await page.keyboard.press('Enter');
	const box = page.getByRole('group', { name: `Définition : ${glossary.term}` });
	await expect(box).toBeVisible();
	await expect(box).toContainText(glossary.definition);
	await expect(box).toBeFocused();
	await expect(link).toHaveAttribute('aria-expanded', 'true');
	expect(new globalThis.URL(page.url()).pathname).toMatch(new RegExp(`/modules/${ID}/$`));
	expect(fetched).toHaveLength(1);
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);

	await page.keyboard.press('Escape');
	await expect(box).toHaveCount(0);
	await expect(link).toBeFocused();
	await expect(link).toHaveAttribute('aria-expanded', 'false');

	// Space opens it too; Tab reaches the glossary link, then « Fermer ».
	await page.keyboard.press('Space');
	await expect(box).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(box.getByRole('link', { name: 'Voir dans le glossaire' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(box.getByRole('button', { name: 'Fermer' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(box).toHaveCount(0);
	await expect(link).toBeFocused();
});

test('without JavaScript a glossary word links to its glossary entry', async ({ browser, baseURL }) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await ctx.newPage();
	await page.goto(URL);
	const link = page.getByRole('link', { name: word, exact: true }).first();
	await expect(link).toHaveAttribute('href', new RegExp(`glossaire/#${termId}$`));
	await link.click();
	await expect(page).toHaveURL(new RegExp(`glossaire/#${termId}$`));
	await expect(page.locator(`[id="${termId}"]`)).toContainText(glossary.term);
	await ctx.close();
});
