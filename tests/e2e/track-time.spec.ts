/**
 * The remaining time a learner reads on each track page and on /progression/ is the sum of the
 * durations of the modules not yet completed, as the built catalogue (catalog.json) lists them.
 * (Bug: it read "environ 0 min restantes" everywhere.)
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleVersion } from './helpers';

const KEY = 'pias:/:progress:v2';

interface Catalog {
	modules: { slug: string; title: string; durationMinutes: number }[];
	tracks: { profile: string; modules: string[]; durationMinutes: number; variants: { setting: string; modules: string[]; durationMinutes: number }[] }[];
}
const catalog = JSON.parse(readFileSync(join(process.cwd(), process.env.E2E_DIST ?? 'dist', 'catalog.json'), 'utf8')) as Catalog;
const minutesOf = new Map(catalog.modules.map((m) => [m.slug, m.durationMinutes]));
const sum = (ids: readonly string[]) => ids.reduce((n, id) => n + minutesOf.get(id)!, 0);

/** The modules the page lists first: the first setting of a track with settings, else the track. */
const shownModules = (t: Catalog['tracks'][number]) => (t.variants.length ? t.variants[0].modules : t.modules);

/** '1 h 05 min' → 65, '40 min' → 40, '2 h' → 120. */
function parseMinutes(text: string): number {
	const m = /(?:(\d+)\s*h)?\s*(?:(\d+)\s*min)?/.exec(text.trim());
	if (!m || (!m[1] && !m[2])) throw new Error(`not a duration: ${text}`);
	return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

async function complete(page: Page, ids: string[]): Promise<void> {
	const versions = Object.fromEntries(ids.map((id) => [id, moduleVersion(id)]));
	await page.evaluate(
		([k, vs]) => {
			const modules = Object.fromEntries(
				Object.entries(vs as Record<string, number>).map(([id, version]) => [id, { status: 'completed', best: 100, attempts: 1, lastVisit: '2026-12-01', completedOn: '2026-12-01', version }]),
			);
			localStorage.setItem(k as string, JSON.stringify({ v: 2, profile: null, setting: null, modules }));
		},
		[KEY, versions] as const,
	);
}

test('catalogue: each track lists its modules and its duration is their sum', () => {
	expect(catalog.tracks.length).toBeGreaterThanOrEqual(5);
	for (const t of catalog.tracks) {
		expect(t.modules.length).toBeGreaterThan(0);
		expect(t.durationMinutes).toBe(sum(t.modules));
		for (const v of t.variants) expect(v.durationMinutes).toBe(sum(v.modules));
	}
});

for (const track of catalog.tracks) {
	test(`track page ${track.profile}: the minutes left are the sum of the modules not yet done`, async ({ page }) => {
		const ids = shownModules(track);
		const total = sum(ids);
		expect(total).toBeGreaterThan(0);
		await page.goto(`./parcours/${track.profile}/`);
		const line = page.locator('[data-track-percent]');
		await expect(line).toContainText(`environ ${total} min restantes`);
		await expect(line).toContainText(`0 % du parcours terminé (0 module sur ${ids.length})`);
		// Complete the first two modules: their minutes leave the count.
		await complete(page, ids.slice(0, 2));
		await page.reload();
		const left = total - sum(ids.slice(0, 2));
		await expect(line).toContainText(`environ ${left} min restantes`);
		await expect(line).toContainText(`(2 modules sur ${ids.length})`);
		await expect(line).toContainText(`${Math.round((200) / ids.length)} % du parcours terminé`);
	});
}

test('/progression/: every track shows the minutes left, read back from the page', async ({ page }) => {
	await page.goto('./progression/');
	for (const track of catalog.tracks) {
		const card = page.locator(`[data-track-summary="${track.profile}"]`);
		await expect(card).toContainText('de formation restante');
		const text = (await card.textContent())!;
		const shown = /environ (.+?) de formation restante/.exec(text)![1];
		expect(parseMinutes(shown), `${track.profile}: "${shown}"`).toBe(sum(shownModules(track)));
	}
	// One module of the decision-maker track done: that track's time drops by its minutes.
	const decideur = catalog.tracks.find((t) => t.profile === 'decideur') ?? catalog.tracks[0];
	const first = shownModules(decideur)[0];
	await complete(page, [first]);
	await page.reload();
	const card = page.locator(`[data-track-summary="${decideur.profile}"]`);
	await expect(card).toContainText('1 module terminé');
	const shown = /environ (.+?) de formation restante/.exec((await card.textContent())!)![1];
	expect(parseMinutes(shown)).toBe(sum(shownModules(decideur)) - minutesOf.get(first)!);
});
