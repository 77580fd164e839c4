/**
 * The active lesson, driven in the built site at 390 × 844 (a phone on a break), keyboard only
 * where the learner answers: one step at a time, checks with their explanation, the case
 * decided before its debrief, the shuffled quiz, exact resume after the page was closed, two
 * tabs, the listen control (stubbed voices: a local French voice, then only a network voice),
 * print and no-JavaScript reading, and axe on every new state in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readModules } from '../../src/lib/content-files';
import { answerFieldsetByKeyboard } from './helpers';

const ID = 'injection-de-prompt';
const URL = `modules/${ID}/`;
const mod = readModules(join(process.cwd(), 'content')).find((m) => m.data.id === ID)!;
interface Q { id: string; type: string; choices?: { id: string; text: string }[]; correct: string[]; explanation: string; prompt: string }
const steps = mod.data.steps as { id: string; title: string; check?: Q }[];
const quiz = mod.data.quiz as Q[];
const caseOptions = (mod.data.case as { options: unknown }).options as { id: string; text: string; verdict: string; feedback: string }[];

test.use({ viewport: { width: 390, height: 844 } });

/** Selects choices of the question in `scope` with the keyboard, then validates with Enter (shared helper). */
const answerByKeyboard = answerFieldsetByKeyboard;

const wrongOf = (q: Q) => [(q.choices ?? [{ id: 'vrai', text: '' }, { id: 'faux', text: '' }]).find((c) => !q.correct.includes(c.id))!.id];

async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('one step at a time, checks explained, exact resume of step, checks and quiz answers after the page was closed', async ({ page, context }) => {
	await page.goto(URL);
	const status = page.locator('[data-lesson-status]');
	await expect(status).toHaveText(`Étape 1 sur ${steps.length}`);
	await expect(page.locator('.lesson-part:visible')).toHaveCount(1);
	await expect(page.getByRole('heading', { level: 2, name: steps[0].title })).toBeVisible();

	// Check 1 right, check 2 wrong: each says so and shows its explanation, already on the page.
	const c1 = page.locator(`#etape-${steps[0].id} [data-q]`);
	await answerByKeyboard(page, c1, steps[0].check!.type, steps[0].check!.correct);
	await expect(c1.locator('[data-feedback]')).toHaveText('Bonne réponse.');
	await expect(c1.getByText(steps[0].check!.explanation)).toBeVisible();
	await page.getByRole('button', { name: `Étape 2 sur ${steps.length} →` }).press('Enter');
	await expect(status).toHaveText(`Étape 2 sur ${steps.length}`);
	await expect(page.getByRole('heading', { level: 2, name: steps[1].title })).toBeFocused();
	const c2 = page.locator(`#etape-${steps[1].id} [data-q]`);
	await answerByKeyboard(page, c2, steps[1].check!.type, wrongOf(steps[1].check!));
	await expect(c2.locator('[data-feedback]')).toContainText('Réponse incorrecte. La bonne réponse :');

	// Close the page at step 2 and come back: same step, the resume link says which.
	await page.close();
	const again = await context.newPage();
	await again.goto(URL);
	await expect(again.locator('[data-resume-link]')).toHaveText(`Reprendre à l’étape 2 sur ${steps.length}`);
	await expect(again.locator('[data-lesson-status]')).toHaveText(`Étape 2 sur ${steps.length}`);
	await expect(again.locator(`#etape-${steps[1].id} [data-feedback]`)).toContainText('Réponse incorrecte');

	// Jump to the quiz from the step list, answer two questions, close, reopen.
	await again.locator('.lesson-toc').getByRole('link', { name: 'Quiz de validation' }).press('Enter');
	await expect(again.locator('[data-lesson-status]')).toHaveText('Quiz de validation');
	const answered: string[] = [];
	for (let n = 1; n <= 2; n++) {
		const item = again.locator('.quiz-list > li.asked');
		await expect(item.locator('[data-kicker]')).toHaveText(`Question ${n} sur ${quiz.length}`);
		const id = await item.getAttribute('data-quiz-item');
		const q = quiz.find((x) => x.id === id)!;
		await answerByKeyboard(again, item.locator('fieldset'), q.type, q.correct);
		await expect(item.locator('[data-feedback]')).toHaveText('Bonne réponse.');
		answered.push(id!);
		await again.getByRole('button', { name: 'Question suivante' }).press('Enter');
	}
	await again.close();
	const third = await context.newPage();
	await third.goto(URL);
	await expect(third.locator('[data-resume-link]')).toHaveText('Reprendre le quiz (2 réponses gardées)');
	await expect(third.locator('.quiz-list > li.asked [data-kicker]')).toHaveText(`Question 3 sur ${quiz.length}`);
	for (const id of answered) await expect(third.locator(`[data-quiz-item="${id}"] [data-feedback]`)).toHaveText('Bonne réponse.');
	// And the step checks are still answered.
	await expect(third.locator(`#etape-${steps[0].id} [data-feedback]`)).toHaveText('Bonne réponse.');

	// Finish: the score the learner sees is computed from the answers given (all right here).
	for (let n = 3; n <= quiz.length; n++) {
		const item = third.locator('.quiz-list > li.asked');
		const id = (await item.getAttribute('data-quiz-item'))!;
		const key = quiz.find((x) => x.id === id)!;
		await answerByKeyboard(third, item.locator('fieldset'), key.type, n === quiz.length ? wrongOf(key) : key.correct);
		await third.getByRole('button', { name: n === quiz.length ? 'Voir mon résultat' : 'Question suivante' }).press('Enter');
	}
	const percent = Math.floor(((quiz.length - 1) / quiz.length) * 100);
	await expect(third.locator('[data-score]')).toHaveText(`Votre score : ${quiz.length - 1} sur ${quiz.length} (${percent} %).`);
	await expect(third.locator('[data-result] [data-verdict]')).toHaveText(percent >= 80 ? /Module validé/ : /Pas encore/);
	// The missed check and quiz question are announced for the review.
	await expect(third.locator('[data-review-later]')).toBeVisible();
});

test('the case is decided first; the chosen option gets its own feedback, then the debrief; the choice is kept', async ({ page }) => {
	await page.goto(`${URL}#cas`);
	await expect(page.locator('[data-lesson-status]')).toHaveText('Cas pratique');
	const debrief = page.getByRole('heading', { name: 'Débriefing' });
	await expect(debrief).toBeHidden();
	const risky = caseOptions.find((o) => o.verdict === 'risky')!;
	await page.getByRole('radio', { name: risky.text }).check();
	await page.getByRole('button', { name: 'Valider mon choix' }).click();
	const feedback = page.locator('[data-case-feedback]');
	await expect(feedback).toContainText('Décision risquée');
	await expect(feedback).toContainText(risky.feedback);
	await expect(debrief).toBeVisible();
	await page.reload();
	await expect(page.getByRole('radio', { name: risky.text })).toBeChecked();
	await expect(page.locator('[data-case-feedback]')).toContainText(risky.feedback);
});

test('two tabs on one lesson: answers from both are kept, and each tab shows the other’s', async ({ context }) => {
	const a = await context.newPage();
	const b = await context.newPage();
	await a.goto(URL);
	await b.goto(`${URL}#etape-${steps[1].id}`);
	await answerByKeyboard(a, a.locator(`#etape-${steps[0].id} [data-q]`), steps[0].check!.type, steps[0].check!.correct);
	await answerByKeyboard(b, b.locator(`#etape-${steps[1].id} [data-q]`), steps[1].check!.type, steps[1].check!.correct);
	// Each tab receives the other's answer without reloading.
	await expect(b.locator(`#etape-${steps[0].id} [data-feedback]`)).toHaveText('Bonne réponse.');
	await expect(a.locator(`#etape-${steps[1].id} [data-feedback]`)).toHaveText('Bonne réponse.');
	const c = await context.newPage();
	await c.goto(`${URL}#etape-${steps[0].id}`);
	await expect(c.locator(`#etape-${steps[0].id} [data-feedback]`)).toHaveText('Bonne réponse.');
	await expect(c.locator(`#etape-${steps[1].id} [data-feedback]`)).toHaveText('Bonne réponse.');
});

const stubVoices = (local: boolean) => {
	const calls: string[] = [];
	(window as unknown as { __speech: string[] }).__speech = calls;
	const voice = { lang: 'fr-FR', localService: local, name: local ? 'Voix locale' : 'Voix en ligne', voiceURI: 'x', default: true };
	const synth = {
		getVoices: () => [voice],
		speak: (u: { text: string }) => calls.push(`speak:${u.text.slice(0, 60)}`),
		pause: () => calls.push('pause'),
		resume: () => calls.push('resume'),
		cancel: () => calls.push('cancel'),
		addEventListener: () => {},
		speaking: false,
		paused: false,
	};
	Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
	(window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class { text: string; voice: unknown; lang = ''; onend: unknown = null; constructor(t: string) { this.text = t; } };
};

test('listen: offered with a local French voice, reads the step, pauses and resumes; never starts by itself', async ({ page }) => {
	await page.addInitScript(stubVoices, true);
	await page.goto(URL);
	const listen = page.locator(`#etape-${steps[0].id} [data-listen]`);
	await expect(listen).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { __speech: string[] }).__speech)).toEqual([]);
	await listen.click();
	await expect(listen).toHaveText('Mettre en pause');
	const calls = await page.evaluate(() => (window as unknown as { __speech: string[] }).__speech);
	expect(calls.some((c) => c.startsWith(`speak:${steps[0].title.slice(0, 40)}`))).toBe(true);
	await listen.click();
	await expect(listen).toHaveText('Reprendre la lecture');
	await listen.click();
	await expect(listen).toHaveText('Mettre en pause');
	expect(await page.evaluate(() => (window as unknown as { __speech: string[] }).__speech)).toContain('resume');
});

test('listen: absent when the only French voice is a network voice (the text would leave the device)', async ({ page }) => {
	await page.addInitScript(stubVoices, false);
	await page.goto(URL);
	await expect(page.locator('[data-listen]:visible')).toHaveCount(0);
});

test('without JavaScript every step, check, the case options and the quiz are readable, answers behind disclosures', async ({ browser }) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
	const page = await ctx.newPage();
	await page.goto(URL);
	for (const s of steps) await expect(page.getByRole('heading', { level: 2, name: s.title })).toBeVisible();
	await expect(page.locator('.step [data-q]')).toHaveCount(steps.filter((s) => s.check).length);
	for (const o of caseOptions) await expect(page.getByText(o.text, { exact: true }).first()).toBeVisible();
	await expect(page.locator('[data-case] summary', { hasText: 'Pourquoi ?' })).toHaveCount(caseOptions.length);
	await expect(page.getByText('Voir le débriefing')).toBeVisible();
	await expect(page.getByText(caseOptions[0].feedback)).toBeHidden();
	await page.locator('[data-case] summary').first().click();
	await expect(page.getByText(caseOptions[0].feedback)).toBeVisible();
	await expect(page.locator('.quiz-list > li')).toHaveCount(quiz.length);
	// A <noscript> note (Playwright disables script execution, not the parser's scripting flag, so
	// the note is read from the markup rather than seen).
	expect(await page.locator('#quiz noscript').innerHTML()).toContain('Le quiz interactif a besoin de JavaScript');
	await ctx.close();
});

test('with JavaScript, no "needs JavaScript" notice and no answer can be revealed before the lesson is ready', async ({ page }) => {
	await page.goto(URL);
	await expect(page.getByText('Le quiz interactif a besoin de JavaScript', { exact: false })).toBeHidden();
	await expect(page.locator(`#etape-${steps[0].id} [data-answer] summary`)).toBeHidden();
});

test('print shows every step with its check answered and explained, and no controls', async ({ page }) => {
	await page.goto(URL);
	await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
	await page.emulateMedia({ media: 'print' });
	for (const s of steps) await expect(page.getByRole('heading', { level: 2, name: s.title })).toBeVisible();
	for (const s of steps.filter((x) => x.check)) await expect(page.getByText(s.check!.explanation)).toBeVisible();
	await expect(page.locator('[data-next]')).toBeHidden();
	await expect(page.locator('.lesson-toc')).toBeHidden();
});

test('the site header takes at most an eighth of a 390 × 844 screen', async ({ page }) => {
	await page.goto(URL);
	const h = await page.locator('body > header').first().boundingBox();
	expect(h!.height).toBeLessThanOrEqual(844 / 8);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`axe on every lesson state, ${scheme}`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto(URL);
		expect(await axe(page), 'step').toEqual([]);
		await page.locator(`#etape-${steps[0].id} input`).first().check();
		await page.locator(`#etape-${steps[0].id} [data-validate]`).click();
		expect(await axe(page), 'answered check').toEqual([]);
		await page.goto(`${URL}#cas`);
		await page.locator('[data-case] input').first().check();
		await page.getByRole('button', { name: 'Valider mon choix' }).click();
		await expect(page.locator('[data-case-feedback]')).not.toBeEmpty();
		expect(await axe(page), 'case feedback').toEqual([]);
		await page.goto(`${URL}#quiz`);
		await expect(page.locator('.quiz-list > li.asked')).toHaveCount(1);
		expect(await axe(page), 'quiz').toEqual([]);
		await page.goto(`modules/${ID}/essentiel/`);
		expect(await axe(page), 'recap').toEqual([]);
	});
}

test('progress shows: the track card, the home link and « Ma progression » name the step reached', async ({ page }) => {
	await page.goto(`${URL}#etape-${steps[2].id}`);
	await expect(page.locator('[data-lesson-status]')).toHaveText(`Étape 3 sur ${steps.length}`);
	await page.goto('parcours/praticien-hospitalier/');
	await expect(page.locator(`[data-module-id="${ID}"] [data-status]`)).toHaveText(`En cours (étape 3 sur ${steps.length})`);
	await page.goto('progression/');
	const row = page.getByRole('row', { name: new RegExp(String(mod.data.title).slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
	await expect(row).toContainText(`En cours (étape 3 sur ${steps.length})`);
	await expect(row).toContainText('pas encore de quiz');
	await page.goto('./');
	await expect(page.locator('[data-resume-link]')).toHaveText(`${mod.data.title} (étape 3 sur ${steps.length})`);
});
