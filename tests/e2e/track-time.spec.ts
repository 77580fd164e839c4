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

test('a track shows the same figure for the same setting on the home card, the track list, the track page and in catalog.json', async ({ page }) => {
	const figures = async (url: string) => {
		await page.goto(url);
		const out = new Map<string, string>();
		for (const t of catalog.tracks) out.set(t.profile, ((await page.locator(`[data-track-figure="${t.profile}"]`).textContent()) ?? '').replace(/\s+/g, ' ').trim());
		return out;
	};
	const home = await figures('./');
	const list = await figures('./parcours/');
	for (const t of catalog.tracks) {
		expect(list.get(t.profile), t.profile).toBe(home.get(t.profile));
		const text = home.get(t.profile)!;
		const rows = t.variants.length ? t.variants : [{ setting: null, modules: t.modules, durationMinutes: t.durationMinutes }];
		// The track page lists each setting with its own total: the card must say the same.
		await page.goto(`./parcours/${t.profile}/`);
		for (const r of rows) {
			const section = page.locator(`[data-variant="${r.setting ?? ''}"]`);
			const meta = ((await section.locator('p.meta').first().textContent()) ?? '').replace(/\s+/g, ' ');
			const total = parseMinutes(/Durée totale : (.+)$/.exec(meta.trim())![1]);
			expect(total, `${t.profile} ${r.setting ?? ''} track page`).toBe(r.durationMinutes);
			expect(meta).toContain(`${r.modules.length} modules`);
			const shown = r.setting ? /:\s*(\d+) modules?, ([^;.]+)/.exec(text.split(';').find((part) => part.includes(r.setting === 'ehpad' ? 'EHPAD' : r.setting === 'bloc' ? 'Bloc' : 'Service'))!)! : /(\d+) modules? · (.+)$/.exec(text)!;
			expect(Number(shown[1]), `${t.profile} ${r.setting ?? ''} card count`).toBe(r.modules.length);
			expect(parseMinutes(shown[2]), `${t.profile} ${r.setting ?? ''} card minutes`).toBe(r.durationMinutes);
		}
	}
});

test('a finished track leads to the attestation instead of « Commencer le parcours », and says where to go next', async ({ page }) => {
	const decideur = catalog.tracks.find((t) => t.profile === 'decideur')!;
	await page.goto('./parcours/decideur/');
	const start = page.locator('[data-variant=""] [data-track-start]');
	await expect(start).toHaveText('Commencer le parcours');
	// The decision-maker track contains or leads to the deployer obligations and the decision aid.
	const after = page.getByRole('region', { name: 'Après ce parcours' });
	await expect(after.getByRole('link', { name: 'Mon outil est-il à haut risque ?' })).toHaveAttribute('href', /pratique\/mon-outil-est-il-a-haut-risque\/$/);
	const listed = decideur.modules.includes('obligations-etablissement-deployeur') || (await after.getByRole('link', { name: /obligations de l'établissement déployeur/ }).count()) === 1;
	expect(listed).toBe(true);
	await complete(page, decideur.modules.slice(0, 1));
	await page.reload();
	await expect(start).toHaveText('Continuer le parcours');
	await expect(start).toHaveAttribute('href', new RegExp(`modules/${decideur.modules[1]}/$`));
	await complete(page, decideur.modules);
	await page.reload();
	await expect(start).toHaveText('Parcours terminé : voir mon attestation');
	await expect(page.locator('[data-track-next]')).toContainText('Parcours terminé');
	await start.click();
	await expect(page).toHaveURL(/attestation\/$/);
	await expect(page.locator('h1')).toContainText(/attestation/i);
});
