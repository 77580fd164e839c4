/**
 * Small wording bugs a learner saw: a duration written twice, "résultat(s)", a stray separator
 * before a status, a missing space before a setting name, percentages rounded down.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMinutes } from '../../src/lib/format';
import { moduleVersion } from './helpers';

const KEY = 'pias:/:progress:v2';
const catalog = JSON.parse(readFileSync(join(process.cwd(), process.env.E2E_DIST ?? 'dist', 'catalog.json'), 'utf8')) as {
	tracks: { profile: string; modules: string[]; durationMinutes: number; variants: { setting: string; durationMinutes: number }[] }[];
};

test('track pages write the total duration once', async ({ page }) => {
	for (const t of catalog.tracks) {
		await page.goto(`./parcours/${t.profile}/`);
		const meta = page.locator('p.meta', { hasText: 'Durée totale' }).first();
		const minutes = t.variants.length ? t.variants[0].durationMinutes : t.durationMinutes;
		await expect(meta).toHaveText(new RegExp(`^\\d+ modules · Durée totale : ${formatMinutes(minutes)}$`));
	}
});

test('search: the count agrees in number with the results listed', async ({ page }) => {
	for (const q of ['rançongiciel', 'deepfake', 'zzzz rgpd']) {
		await page.goto(`./recherche/?q=${encodeURIComponent(q)}`);
		const heading = page.locator('h2.count');
		await expect(heading.or(page.getByText(/Aucun résultat/))).toBeVisible();
		if (!(await heading.count())) continue;
		const n = await page.locator('ol.results > li').count();
		await expect(heading).toHaveText(n === 1 ? `1 résultat pour « ${q} »` : `${n} résultats pour « ${q} »`);
	}
});

test('a module status reads « Terminé (83 %) », with no separator in its text', async ({ page }) => {
	const track = catalog.tracks.find((t) => t.profile === 'decideur')!;
	const id = track.modules[0];
	await page.goto('./');
	await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ v: 2, profile: null, setting: null, modules: { [id]: { status: 'completed', best: 83, attempts: 1, lastVisit: '2026-12-01', completedOn: '2026-12-01', version: moduleVersion(id) } } })] as const);
	await page.goto(`./parcours/${track.profile}/`);
	await expect(page.locator(`[data-module-id="${id}"] [data-status]`)).toHaveText('Terminé (83 %)');
	// 1 module of 5 is 20 %; of 12 it would be 8 % (rounded to the nearest, not down).
	await expect(page.locator('[data-track-percent]')).toContainText(`${Math.round(100 / track.modules.length)} % du parcours terminé`);
});

test('the dashboard names the nurse track and its setting with a space between them', async ({ page }) => {
	await page.goto('./');
	await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ v: 2, profile: 'infirmier', setting: 'ehpad', modules: {} })] as const);
	await page.goto('./progression/');
	const heading = page.locator('[data-track-summary="infirmier"] h3');
	await expect(heading).toContainText('Parcours infirmier·e (EHPAD et médico-social)');
});
