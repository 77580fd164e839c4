import { expect, test, type Page } from '@playwright/test';
import yaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Spaced review, end to end and by keyboard: fail a module quiz on purpose, find nothing due
 * the same day, then the next day answer a due question on /revisions/; the count goes down
 * and the new schedule survives a reload.
 *
 * The learner's clock is set with `page.clock.setFixedTime` (Date only; timers run normally),
 * first on the day of the quiz, then on the next day: a missed question is first due the day
 * after the miss. Nothing is pre-seeded: the review cards come from the real quiz attempt.
 */

const MODULE_ID = 'incident-ia-reagir-signaler';
const QUIZ_DAY = new Date('2026-12-01T10:00:00+01:00');
const NEXT_DAY = new Date('2026-12-02T10:00:00+01:00');
const REVIEW_KEY = 'pias:/:review:v1';

interface Question { id: string; type: 'single' | 'multiple' | 'truefalse'; prompt: string; choices?: { id: string; text: string }[]; correct: string[] }

/** The module's quiz from its source file (true/false questions get Vrai/Faux, as the schema does). */
function quizOf(id: string): Question[] {
	const root = join(process.cwd(), 'content/modules');
	for (const dir of readdirSync(root)) {
		for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.mdx'))) {
			const fm = yaml.load(readFileSync(join(root, dir, f), 'utf8').split(/^---$/m)[1]) as { id: string; quiz: Question[] };
			if (fm.id !== id) continue;
			return fm.quiz.map((q) => ({ ...q, choices: q.choices ?? [{ id: 'vrai', text: 'Vrai' }, { id: 'faux', text: 'Faux' }] }));
		}
	}
	throw new Error(`module ${id} not found`);
}

/** Ticks (Space) the given choices of the question on screen. */
async function choose(page: Page, q: Question, ids: string[]) {
	for (const id of ids) {
		const text = q.choices!.find((c) => c.id === id)!.text;
		const input = page.getByRole(q.type === 'multiple' ? 'checkbox' : 'radio', { name: text, exact: true });
		await input.press('Space');
		await expect(input).toBeChecked();
	}
}

test('a missed quiz question comes back the next day, and answering it is saved', async ({ page }) => {
	const quiz = quizOf(MODULE_ID);

	// 1. Day 1: fail the module quiz on purpose, every answer wrong, keyboard only.
	await page.clock.setFixedTime(QUIZ_DAY);
	// The module is a lesson: its quiz comes one question at a time, in a shuffled order.
	await page.goto(`modules/${MODULE_ID}/#quiz`);
	for (let n = 1; n <= quiz.length; n += 1) {
		const item = page.locator('.quiz-list > li.asked');
		await expect(item.locator('[data-kicker]')).toHaveText(`Question ${n} sur ${quiz.length}`);
		const id = (await item.getAttribute('data-quiz-item'))!;
		const asked = quiz.find((x) => x.id === id)!;
		const wrong = asked.choices!.find((c) => !asked.correct.includes(c.id))!;
		const input = item.getByRole(asked.type === 'multiple' ? 'checkbox' : 'radio', { name: wrong.text, exact: true });
		await input.press('Space');
		await expect(input).toBeChecked();
		await item.locator('[data-validate]').press('Enter');
		await expect(item.locator('[data-feedback]')).toContainText('Réponse incorrecte.');
		await page.getByRole('button', { name: n < quiz.length ? 'Question suivante' : 'Voir mon résultat' }).press('Enter');
	}
	await expect(page.getByText(`Votre score : 0 sur ${quiz.length} (0 %).`)).toBeVisible();

	// 2. Same day: the misses are scheduled for tomorrow, nothing is due yet.
	await page.goto('revisions/');
	await expect(page.getByRole('heading', { name: 'Rien à revoir aujourd’hui' })).toBeVisible();
	await expect(page.getByText('Prochaine question à revoir : le 2 décembre 2026.')).toBeVisible();
	await expect(page.getByText('À revoir aujourd’hui : 0')).toBeVisible();

	// 3. Next day: every missed question is due; a session holds at most 8.
	await page.clock.setFixedTime(NEXT_DAY);
	await page.reload();
	const total = quiz.length;
	await expect(page.getByText(`À revoir aujourd’hui : ${total}`)).toBeVisible();
	await expect(page.getByText(`Question 1 sur ${Math.min(total, 8)}`)).toBeVisible();

	// Answer the first due question right, by keyboard.
	const group = page.getByRole('group');
	const onScreen = (await group.textContent()) ?? '';
	const q = quiz.find((x) => onScreen.includes(x.prompt))!;
	expect(q, `question on screen: ${onScreen}`).toBeTruthy();
	await choose(page, q, q.correct);
	await page.getByRole('button', { name: 'Valider ma réponse' }).press('Enter');
	const feedback = page.getByRole('status').filter({ hasText: 'Bonne réponse.' });
	await expect(feedback).toContainText('Cette question reviendra dans 2 jours, le 4 décembre 2026.');
	await expect(page.getByText(`À revoir aujourd’hui : ${total - 1}`)).toBeVisible();
	await expect(page.getByRole('link', { name: /Revoir le module/ })).toHaveAttribute('href', new RegExp(`modules/${MODULE_ID}/$`));
	// The next question takes the focus, as in the module quiz.
	await page.getByRole('button', { name: 'Question suivante' }).press('Enter');
	await expect(page.locator('legend')).toBeFocused();
	await expect(page.getByText(`Question 2 sur ${Math.min(total, 8)}`)).toBeVisible();

	// 4. Reload: the count and the card's new box and date are kept.
	await page.reload();
	await expect(page.getByText(`À revoir aujourd’hui : ${total - 1}`)).toBeVisible();
	await expect(page.getByRole('group')).not.toContainText(q.prompt);
	const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), REVIEW_KEY))!);
	expect(stored.cards.find((c: { questionId: string }) => c.questionId === q.id)).toMatchObject({ moduleId: MODULE_ID, box: 2, due: '2026-12-04' });
	expect(stored.cards).toHaveLength(total);
});

test('without JavaScript the review page explains why it cannot run', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('revisions/');
	await expect(page.getByRole('heading', { level: 1, name: 'Mes révisions' })).toBeVisible();
	await expect(page.getByText(/Les révisions ont besoin de JavaScript/)).toBeVisible();
	await context.close();
});

test('a fresh learner sees an empty review with no next date', async ({ page }) => {
	await page.goto('revisions/');
	await expect(page.getByRole('heading', { name: 'Rien à revoir aujourd’hui' })).toBeVisible();
	await expect(page.getByText(/Aucune question en attente/)).toBeVisible();
	await expect(page.getByText(/ont besoin de JavaScript/)).toBeHidden();
});

test('the review page passes axe, empty and during a session, in both colour schemes', async ({ page }) => {
	const { default: AxeBuilder } = await import('@axe-core/playwright');
	const check = async (label: string) => {
		const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	};
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await page.goto('revisions/');
		await page.evaluate((key) => localStorage.removeItem(key), REVIEW_KEY);
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Rien à revoir aujourd’hui' })).toBeVisible();
		await check(`${colorScheme} empty`);
		// A due card, pre-seeded in storage, to check the question and its feedback.
		const q = quizOf(MODULE_ID)[0];
		await page.evaluate(
			([key, card]) => localStorage.setItem(key, JSON.stringify({ v: 1, cards: [card], synced: {}, retired: 0 })),
			[REVIEW_KEY, { moduleId: MODULE_ID, questionId: q.id, box: 1, due: '2020-01-01', version: 1, added: '2020-01-01' }] as const,
		);
		await page.reload();
		await choose(page, q, q.correct);
		await page.getByRole('button', { name: 'Valider ma réponse' }).press('Enter');
		await expect(page.getByText('Question maîtrisée').or(page.getByText('Cette question reviendra'))).toBeVisible();
		await check(`${colorScheme} session`);
	}
});
