/**
 * Shared helpers for the end-to-end tests: the real quiz answers, read from the content files
 * on disk (the page never ships them in a way a test could rely on), and a keyboard-only way
 * to answer a module's quiz.
 */
import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readModules } from '../../src/lib/content-files';

export interface QuizKey {
	id: string;
	type: 'single' | 'multiple' | 'truefalse';
	choices: string[];
	correct: string[];
}

const modules = readModules(join(process.cwd(), 'content'));

export function quizKey(moduleId: string): QuizKey[] {
	const m = modules.find((x) => x.data.id === moduleId);
	if (!m) throw new Error(`no module ${moduleId}`);
	return (m.data.quiz as Array<{ id: string; type: QuizKey['type']; choices?: { id: string }[]; correct: string[] }>).map((q) => ({
		id: q.id,
		type: q.type,
		choices: q.choices ? q.choices.map((c) => c.id) : ['vrai', 'faux'],
		correct: q.correct,
	}));
}

export function moduleVersion(moduleId: string): number {
	return Number(modules.find((x) => x.data.id === moduleId)!.data.version);
}

export function allModuleIds(): string[] {
	return modules.map((m) => String(m.data.id));
}

/**
 * Answers the quiz of the current module page with the keyboard only: Tab/arrow keys to reach
 * choices, Space to tick, Enter on the button. `wrong` answers that many questions wrongly.
 */
export async function answerQuizByKeyboard(page: Page, moduleId: string, wrong = 0): Promise<void> {
	const key = quizKey(moduleId);
	if ((await page.locator('[data-lesson]').count()) > 0) return answerLessonQuizByKeyboard(page, key, wrong);
	const quiz = page.locator(`[data-quiz="${moduleId}"]`);
	await page.getByRole('heading', { name: 'Quiz', exact: true }).scrollIntoViewIfNeeded();
	await expect(quiz).toBeVisible();
	for (let i = 0; i < key.length; i++) {
		const q = key[i];
		const target = i < wrong ? [q.choices.find((c) => !q.correct.includes(c))!] : q.correct;
		const inputs = quiz.locator('fieldset input');
		await expect(inputs).toHaveCount(q.choices.length);
		// The first question: focus its first choice. Later ones: focus is on the new question's
		// legend, and Tab reaches the first choice.
		if (i === 0) await inputs.first().focus();
		else await page.keyboard.press('Tab');
		await expect(inputs.first()).toBeFocused();
		if (q.type === 'multiple') {
			for (let c = 0; c < q.choices.length; c++) {
				if (target.includes(q.choices[c])) await page.keyboard.press('Space');
				if (c < q.choices.length - 1) await page.keyboard.press('Tab');
			}
		} else {
			const index = q.choices.indexOf(target[0]);
			if (index === 0) await page.keyboard.press('Space');
			for (let c = 0; c < index; c++) await page.keyboard.press('ArrowDown');
		}
		// Tab out of the choices to the button, then Enter: validate, then Enter again: next.
		await page.keyboard.press('Tab');
		await expect(quiz.getByRole('button', { name: 'Valider ma réponse' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(quiz.locator('.feedback .notice')).toBeVisible();
		await page.keyboard.press('Enter');
	}
	await expect(quiz.getByText(/Votre score/)).toBeVisible();
}

/** Keyboard only, in a lesson's question: Tab from the legend into the choices, arrows/Space, Tab to « Valider », Enter. */
export async function answerFieldsetByKeyboard(page: Page, fieldset: ReturnType<Page['locator']>, type: string, want: string[]): Promise<void> {
	const ids = await fieldset.locator('[data-choice]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.choice!));
	const first = fieldset.locator('input').first();
	await expect(first).toBeEnabled();
	await fieldset.locator('legend').focus();
	await page.keyboard.press('Tab');
	await expect(first).toBeFocused();
	if (type === 'multiple') {
		for (let i = 0; i < ids.length; i++) {
			if (want.includes(ids[i])) await page.keyboard.press('Space');
			await page.keyboard.press('Tab');
		}
	} else {
		const k = ids.indexOf(want[0]);
		if (k === 0) await page.keyboard.press('Space');
		for (let i = 0; i < k; i++) await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Tab');
	}
	await expect(fieldset.locator('[data-validate]')).toBeFocused();
	await page.keyboard.press('Enter');
}

/**
 * A module written as a lesson: reach its quiz from the step list, then answer the questions in
 * the order the page asks them (shuffled per attempt), the first `wrong` ones wrongly.
 */
async function answerLessonQuizByKeyboard(page: Page, key: QuizKey[], wrong: number): Promise<void> {
	await page.locator('.lesson-toc').getByRole('link', { name: 'Quiz de validation' }).press('Enter');
	await expect(page.locator('[data-lesson-status]')).toHaveText('Quiz de validation');
	// A quiz already finished on this device shows its result first: start a new attempt.
	const retry = page.locator('[data-result]:visible').getByRole('button', { name: 'Recommencer le quiz' });
	if ((await retry.count()) > 0) await retry.press('Enter');
	for (let n = 1; n <= key.length; n++) {
		const item = page.locator('.quiz-list > li.asked');
		await expect(item.locator('[data-kicker]')).toHaveText(`Question ${n} sur ${key.length}`);
		const id = await item.getAttribute('data-quiz-item');
		const q = key.find((x) => x.id === id)!;
		const want = n <= wrong ? [q.choices.find((c) => !q.correct.includes(c))!] : q.correct;
		await answerFieldsetByKeyboard(page, item.locator('fieldset'), q.type, want);
		await expect(item.locator('[data-feedback]')).not.toBeEmpty();
		await page.getByRole('button', { name: n === key.length ? 'Voir mon résultat' : 'Question suivante' }).press('Enter');
	}
	await expect(page.locator('[data-score]')).toBeVisible();
}
