import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { moduleVersion } from './helpers';

/**
 * Measured learning (issue 17) on the built site: the positioning test (form A) as a nursing
 * student, a completed track seeded in storage, the « bilan de fin de parcours » (form B) offered
 * on the home page, the clock moved 30 days with Playwright's clock, the retention check offered
 * on the home page and /revisions/, then /progression/: the chart's text alternative and the
 * table hold the numbers the learner saw on each result page. Then the clock moved backwards.
 * And a learner who skipped the positioning test gets the end test alone, said plainly.
 */

interface RawQuestion {
	id: string;
	theme: 'usages' | 'cybersecurite' | 'reglementation';
	type: 'single' | 'multiple' | 'truefalse';
	audiences?: string[];
	choices?: { id: string; text: string }[];
	correct: string[];
	prompt: string;
}
const read = (p: string) => readFileSync(join(process.cwd(), p), 'utf8');
const load = (f: string) =>
	(yaml.load(read(f)) as { questions: RawQuestion[] }).questions.map((q) => ({
		...q,
		choices: q.choices ?? [
			{ id: 'vrai', text: 'Vrai' },
			{ id: 'faux', text: 'Faux' },
		],
	}));
const ALL = [...load('content/positionnement.yaml'), ...load('content/positionnement-b.yaml')];
const studentTrack = (yaml.load(read('content/tracks/etudiant.yaml')) as { modules: string[] }).modules;
const PROGRESS_KEY = 'pias:/:progress:v2';
const THEMES = ['usages', 'cybersecurite', 'reglementation'] as const;
const THEME_LABEL = { usages: "Utiliser l'IA dans le soin", cybersecurite: "Cyber-risques de l'IA", reglementation: 'Réglementation' } as const;

async function expectNoAxeViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Answers every question fieldset of the page: finds each question by its prompt in the two
 * forms, then ticks the right answer when `right(q)` says so, a wrong one otherwise. Returns the
 * questions in page order.
 */
async function answerAll(page: Page, selector: string, right: (q: RawQuestion, i: number) => boolean): Promise<RawQuestion[]> {
	const sets = page.locator(selector);
	const n = await sets.count();
	const seen: RawQuestion[] = [];
	for (let i = 0; i < n; i += 1) {
		const set = sets.nth(i);
		const prompt = (await set.locator('.prompt').first().innerText()).trim();
		const q = ALL.find((x) => x.prompt.trim() === prompt);
		expect(q, prompt).toBeTruthy();
		const ids = right(q!, i) ? q!.correct : [q!.choices.find((c) => !q!.correct.includes(c.id))!.id];
		for (const id of ids) await set.getByLabel(q!.choices.find((c) => c.id === id)!.text, { exact: true }).check();
		seen.push(q!);
	}
	return seen;
}

/** The table cells of the before / end / 30-day view, by row then column kind. */
async function tableCells(page: Page, scope: string): Promise<Record<string, Record<string, string>>> {
	return page.locator(`${scope} [data-measure-table] tbody tr`).evaluateAll((rows) =>
		Object.fromEntries(
			rows.map((r) => [
				(r as HTMLElement).dataset.row,
				Object.fromEntries([...r.querySelectorAll('td')].map((td) => [(td as HTMLElement).dataset.kind, td.textContent!.trim()])),
			]),
		),
	);
}

/** Seeds every module of the student track as completed on `on` (storage, as an import would). */
async function completeTrack(page: Page, on: string): Promise<void> {
	const versions = Object.fromEntries(studentTrack.map((id) => [id, moduleVersion(id)]));
	await page.evaluate(
		({ key, ids, on, versions }) => {
			const s = JSON.parse(localStorage.getItem(key) ?? '{"v":2,"profile":null,"setting":null,"modules":{}}');
			s.profile = 'etudiant';
			for (const id of ids) s.modules[id] = { status: 'completed', best: 100, attempts: 1, lastVisit: on, version: versions[id], completedOn: on };
			localStorage.setItem(key, JSON.stringify(s));
		},
		{ key: PROGRESS_KEY, ids: studentTrack, on, versions },
	);
}

test('before, end of track and 30 days later: the learner sees the same numbers on each result page and on /progression/', async ({ page }) => {
	test.setTimeout(180_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.clock.install({ time: new Date('2026-12-10T09:00:00') });

	// 1. Positioning (form A), as a nursing student: usages 2/4, cyber 1/4, réglementation 3/4.
	await page.goto('./positionnement/');
	await page.getByRole('radio', { name: 'Étudiant·e en santé' }).check();
	const missPlan: Record<string, number> = { usages: 2, cybersecurite: 3, reglementation: 1 };
	const missedSoFar: Record<string, number> = { usages: 0, cybersecurite: 0, reglementation: 0 };
	const asked = await answerAll(page, 'fieldset.question', (q) => {
		if (missedSoFar[q.theme] < missPlan[q.theme]) {
			missedSoFar[q.theme] += 1;
			return false;
		}
		return true;
	});
	expect(asked).toHaveLength(12);
	// A student is not asked about the certification of hosting providers; she gets the variant.
	expect(asked.map((q) => q.id)).not.toContain('reglementation-hebergement-hds');
	expect(asked.map((q) => q.id)).toContain('reglementation-article-9-soin');
	await page.getByRole('button', { name: 'Voir mes résultats' }).click();
	await expect(page.getByRole('heading', { name: 'Vos résultats', level: 2 })).toBeFocused();
	const before: Record<string, string> = {};
	for (const th of THEMES) before[th] = (await page.locator(`[data-theme-score="${th}"] strong`).innerText()).trim();
	expect(before).toEqual({ usages: '2 sur 4 (50 %)', cybersecurite: '1 sur 4 (25 %)', reglementation: '3 sur 4 (75 %)' });

	// 2. The track completed (seeded in storage): the home page offers the end test.
	await completeTrack(page, '2026-12-10');
	await page.goto('./');
	const offer = page.locator('[data-measure-offer="end"]');
	await expect(offer).toBeVisible();
	await expectNoAxeViolations(page);
	await offer.getByRole('link', { name: 'Faire le bilan de fin de parcours' }).click();
	await expect(page).toHaveURL(/\/bilan\/$/);
	await expect(page.locator('[data-before="yes"]')).toContainText('10 décembre 2026');
	await expectNoAxeViolations(page);

	// 3. End test (form B): usages 4/4, cyber 3/4, réglementation 3/4.
	let cyberMissed = false;
	let reglMissed = false;
	const endQs = await answerAll(page, 'fieldset.question', (q) => {
		if (q.theme === 'cybersecurite' && !cyberMissed) return !(cyberMissed = true);
		if (q.theme === 'reglementation' && !reglMissed) return !(reglMissed = true);
		return true;
	});
	expect(endQs).toHaveLength(12);
	expect(endQs.every((q) => q.id.startsWith('b-'))).toBe(true);
	expect(endQs.map((q) => q.id)).toContain('b-reglementation-pseudonymisation');
	await page.getByRole('button', { name: 'Voir mon résultat' }).click();
	await expect(page.getByRole('heading', { name: 'Votre bilan de fin de parcours' })).toBeFocused();
	const endView = await tableCells(page, '[data-measure-results]');
	expect(endView.usages).toEqual({ before: '2 sur 4 (50 %)', end: '4 sur 4 (100 %)' });
	expect(endView.cybersecurite).toEqual({ before: '1 sur 4 (25 %)', end: '3 sur 4 (75 %)' });
	expect(endView.overall).toEqual({ before: '6 sur 12 (50 %)', end: '10 sur 12 (83 %)' });
	for (const th of THEMES) expect(endView[th].before).toBe(before[th]);
	await expect(page.locator('[data-gain]')).toHaveText('Progression sur l’ensemble : 50 % avant, 83 % en fin de parcours.');
	// Weak themes (under 75 %): none here except… réglementation is 75 %: nothing to review.
	await expect(page.getByText(/Aucun thème sous 75 %/)).toBeVisible();
	await expectNoAxeViolations(page);

	// Before 30 days: no retention offer, and the check says when it opens.
	await page.goto('./');
	await expect(page.locator('[data-measure-offer]')).toBeHidden();
	await page.goto('./bilan/rappel/');
	await expect(page.locator('[data-measure-state="not-yet"]')).toContainText('9 janvier 2027');
	await expect(page.locator('[data-measure-state="not-yet"]')).toContainText('(dans 30 jours)');

	// 4. Thirty days later (Playwright's clock): the home page and /revisions/ offer the retention check.
	await page.clock.setSystemTime(new Date('2027-01-10T09:00:00'));
	await page.goto('./');
	await expect(page.locator('[data-measure-offer="retention"]')).toBeVisible();
	await page.goto('./revisions/');
	const revOffer = page.locator('[data-measure-offer="retention"]');
	await expect(revOffer).toBeVisible();
	await expectNoAxeViolations(page);
	await revOffer.getByRole('link', { name: 'Faire le rappel à 30 jours' }).click();
	await expect(page).toHaveURL(/\/bilan\/rappel\/$/);
	await expectNoAxeViolations(page);

	// 5. Retention check: about 6 questions from both forms; the first one missed.
	const retQs = await answerAll(page, 'fieldset.question', (_q, i) => i !== 0);
	expect(retQs).toHaveLength(6);
	expect(new Set(retQs.map((q) => (q.id.startsWith('b-') ? 'b' : 'a'))).size).toBe(2);
	for (const th of THEMES) expect(retQs.some((q) => q.theme === th), th).toBe(true);
	await page.getByRole('button', { name: 'Voir mon résultat' }).click();
	await expect(page.getByRole('heading', { name: 'Votre rappel à 30 jours' })).toBeFocused();
	const retView = await tableCells(page, '[data-measure-results]');
	const retCount = (th: string) => retQs.filter((q) => q.theme === th).length;
	const firstTheme = retQs[0].theme;
	for (const th of THEMES) {
		const t = retCount(th);
		const c = t - (th === firstTheme ? 1 : 0);
		expect(retView[th].retention).toBe(`${c} sur ${t} (${Math.round((c * 100) / t)} %)`);
		expect(retView[th].before).toBe(endView[th].before);
		expect(retView[th].end).toBe(endView[th].end);
	}
	expect(retView.overall.retention).toBe('5 sur 6 (83 %)');
	await expectNoAxeViolations(page);

	// 6. /progression/: the chart's text alternative and the table hold the same numbers.
	await page.goto('./progression/');
	const progress = '[data-measure-progress]';
	await expect(page.locator(progress)).toBeVisible();
	const table = await tableCells(page, progress);
	for (const row of [...THEMES, 'overall']) {
		expect(table[row].before).toBe(retView[row].before);
		expect(table[row].end).toBe(retView[row].end);
		expect(table[row].retention).toBe(retView[row].retention);
	}
	const alt = await page.locator(`${progress} [role="img"]`).getAttribute('aria-label');
	const pct = (cell: string) => /\((\d+) %\)/.exec(cell)![1];
	for (const row of [...THEMES, 'overall'] as const) {
		const name = row === 'overall' ? 'Ensemble' : THEME_LABEL[row];
		expect(alt).toContain(`${name} : Avant ${pct(table[row].before)} %, Fin ${pct(table[row].end)} %, 30 jours ${pct(table[row].retention)} %.`);
	}
	await expect(page.locator('[data-measure-offer]')).toBeHidden();
	await expectNoAxeViolations(page);

	// Kept in the progress state: small, and nothing else sent anywhere.
	const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), PROGRESS_KEY);
	expect(Object.keys(stored.measures)).toEqual(['before', 'end', 'retention']);
	expect(JSON.stringify(stored.measures).length).toBeLessThan(400);

	// 7. The clock moved backwards: nothing breaks, nothing is offered, the numbers stay.
	await page.clock.setSystemTime(new Date('2026-11-01T09:00:00'));
	await page.goto('./');
	await expect(page.locator('[data-measure-offer]')).toBeHidden();
	await page.goto('./bilan/rappel/');
	await expect(page.getByRole('heading', { name: 'Votre rappel à 30 jours' })).toBeVisible();
	await page.goto('./progression/');
	expect(await tableCells(page, progress)).toEqual(table);
	expect(errors).toEqual([]);
});

test('a learner who skipped the positioning test gets the end test alone, said plainly', async ({ page }) => {
	test.setTimeout(90_000);
	await page.clock.install({ time: new Date('2026-12-10T09:00:00') });
	await page.goto('./bilan/');
	await expect(page.locator('[data-measure-state="no-track"]')).toBeVisible();
	await completeTrack(page, '2026-12-09');
	// One module left: the end test waits.
	await page.evaluate(
		({ key, id }) => {
			const s = JSON.parse(localStorage.getItem(key)!);
			s.modules[id].status = 'started';
			delete s.modules[id].completedOn;
			localStorage.setItem(key, JSON.stringify(s));
		},
		{ key: PROGRESS_KEY, id: studentTrack[studentTrack.length - 1] },
	);
	await page.reload();
	await expect(page.locator('[data-measure-state="not-complete"]')).toContainText(`${studentTrack.length - 1} sur ${studentTrack.length}`);
	await completeTrack(page, '2026-12-09');
	await page.reload();
	await expect(page.locator('form [data-before="no"]')).toHaveText(/Vous n’avez pas passé le test de positionnement/);
	await expectNoAxeViolations(page);
	await answerAll(page, 'fieldset.question', () => true);
	await page.getByRole('button', { name: 'Voir mon résultat' }).click();
	await expect(page.getByRole('heading', { name: 'Votre bilan de fin de parcours' })).toBeFocused();
	await expect(page.locator('[data-measure-results] [data-before="no"]')).toHaveText(/Sans test de positionnement, il n’y a pas d’« avant »/);
	const view = await tableCells(page, '[data-measure-results]');
	expect(view.overall).toEqual({ before: 'non passé', end: '12 sur 12 (100 %)' });
	await expect(page.locator('[data-gain]')).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.goto('./progression/');
	const alt = await page.locator('[data-measure-progress] [role="img"]').getAttribute('aria-label');
	expect(alt).toContain('Ensemble : Avant non passé, Fin 100 %, 30 jours non passé.');
	expect((await tableCells(page, '[data-measure-progress]')).overall).toEqual({ before: 'non passé', end: '12 sur 12 (100 %)', retention: 'non passé' });
});
