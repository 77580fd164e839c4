/** Home page: "Reprendre où vous en étiez" names the module by its title, never by its id. */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleVersion } from './helpers';

const KEY = 'pias:/:progress:v2';
const catalog = JSON.parse(readFileSync(join(process.cwd(), process.env.E2E_DIST ?? 'dist', 'catalog.json'), 'utf8')) as {
	modules: { slug: string; title: string }[];
	tracks: { profile: string; modules: string[] }[];
};
const titleOf = (id: string) => catalog.modules.find((m) => m.slug === id)!.title;

test('a module opened without a chosen track: the home page shows its title', async ({ page }) => {
	const id = catalog.modules[0].slug;
	await page.goto(`./modules/${id}/`);
	await expect(page.locator('h1')).toBeVisible();
	await expect.poll(() => page.evaluate((k) => Object.keys(JSON.parse(localStorage.getItem(k) ?? '{"modules":{}}').modules), KEY)).toContain(id);
	await page.goto('./');
	const link = page.locator('#resume [data-resume-link]');
	await expect(link).toHaveText(titleOf(id));
	await expect(link).toHaveAttribute('href', `/modules/${id}/`);
	await expect(page.locator('#resume')).not.toContainText(id);
});

test('a chosen track all done and a module opened outside it: the home page shows that module’s title', async ({ page }) => {
	const track = catalog.tracks.find((t) => t.profile === 'decideur')!;
	const outside = catalog.modules.find((m) => !track.modules.includes(m.slug))!.slug;
	await page.goto('./');
	const done = Object.fromEntries(track.modules.map((id) => [id, { status: 'completed', best: 100, attempts: 1, lastVisit: '2026-12-01', completedOn: '2026-12-01', version: moduleVersion(id) }]));
	const started = { [outside]: { status: 'started', best: 0, attempts: 0, lastVisit: '2026-12-02', version: moduleVersion(outside) } };
	await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ v: 2, profile: 'decideur', setting: null, modules: { ...done, ...started } })] as const);
	await page.reload();
	const link = page.locator('#resume [data-resume-link]');
	await expect(link).toHaveText(titleOf(outside));
	await expect(page.locator('#resume')).not.toContainText(outside);
});
