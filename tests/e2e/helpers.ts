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
