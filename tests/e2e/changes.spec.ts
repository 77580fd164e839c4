import { expect, test } from '@playwright/test';
import yaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The change log a learner can see (issue 12, item 30): from the footer, « Ce qui a changé »
 * lists a module correction with its date, its reason and its source, newest first, and links
 * to the module, whose page shows the same entry. The expected entry is read from the module's
 * source file, not written into the test.
 */

const MODULE_ID = 'ai-act-essentiel';

interface Change { date: string; version: number; summary: string; source?: string }

function moduleOf(id: string): { title: string; changes: Change[] } {
	const root = join(process.cwd(), 'content/modules');
	for (const dir of readdirSync(root)) {
		for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.mdx'))) {
			const fm = yaml.load(readFileSync(join(root, dir, f), 'utf8').split(/^---$/m)[1]) as { id: string; title: string; changes?: Change[] };
			if (fm.id === id) return { title: fm.title, changes: fm.changes ?? [] };
		}
	}
	throw new Error(`module ${id} not found`);
}

test('« Ce qui a changé » lists a dated module correction, reachable from the footer', async ({ page }) => {
	const mod = moduleOf(MODULE_ID);
	const latest = [...mod.changes].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
	expect(latest, 'the module must have a change entry').toBeDefined();

	await page.goto('./');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Ce qui a changé' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ce qui a changé' })).toBeVisible();

	const item = page.locator('.change-log > li').filter({ has: page.getByRole('link', { name: mod.title }) });
	await expect(item).toHaveCount(1);
	await expect(item).toContainText(latest.summary);
	await expect(item).toContainText(`version ${latest.version}`);
	await expect(item.locator('time')).toHaveAttribute('datetime', latest.date);
	if (latest.source) await expect(item).toContainText(latest.source);

	// Newest first: the dates on the page never go up.
	const dates = await page.locator('.change-log time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
	expect(dates.length).toBeGreaterThan(0);
	expect([...dates].sort().reverse()).toEqual(dates);

	await item.getByRole('link', { name: mod.title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(mod.title);
	const section = page.getByRole('region', { name: 'Ce qui a changé dans ce module' });
	await expect(section).toBeVisible();
	await expect(section).toContainText(latest.summary);
});

test('the method page says how content is checked and names no invented reviewer', async ({ page }) => {
	await page.goto('./');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Comment le contenu est vérifié' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Comment le contenu est écrit et vérifié' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Les sources d\'abord' })).toBeVisible();
	await expect(page.getByText('source secondaire', { exact: false }).first()).toBeVisible();
	// With the shipped settings (no reviewers), the page says so instead of listing names.
	await expect(page.getByText('Le site ne nomme pas de relecteurs individuels')).toBeVisible();
});
