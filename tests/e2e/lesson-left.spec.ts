/**
 * « Ce qu'il reste » (issue 14 item 3): the lesson shows the minutes left, the sum of its
 * unfinished steps, case and quiz questions as the build computes them from the content
 * (lessonTimeOf, questionMinutes), and the figure follows the learner as they advance.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readModules } from '../../src/lib/content-files';
import { lessonTimeOf } from '../../src/lib/catalog';
import { displayMinutes, questionMinutes, type TimedQuestion } from '../../src/lib/duration';
import { minutesAttr } from '../../src/lib/lesson/remaining';
import { moduleSchema } from '../../src/lib/schemas';

const ID = 'shadow-ia-fuites-donnees';
const URL = `modules/${ID}/`;
const mod = readModules(join(process.cwd(), 'content')).find((m) => m.data.id === ID)!;
// Through the build's own schema (true/false questions get their « Vrai » / « Faux » choices there).
const data = moduleSchema.parse(mod.data);
const time = lessonTimeOf({ body: mod.body, data })!;
const steps = data.steps!;
const quiz: (TimedQuestion & { id: string })[] = data.quiz;
// The page carries each part's exact minutes to two decimals (minutesAttr); the sums use the same.
const r = (x: number) => Number(minutesAttr(x));
const stepMin = new Map(time.steps.map((s) => [s.id, r(s.minutes)]));
const quizMin = new Map(quiz.map((q) => [q.id, r(questionMinutes(q))]));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test.use({ viewport: { width: 390, height: 844 } });

async function shownMinutes(page: Page): Promise<number> {
	const text = await page.locator('[data-lesson-left]').textContent();
	const m = /Ce qu’il reste : environ (\d+) min/.exec(text ?? '');
	expect(m, `« ${text} »`).not.toBeNull();
	return Number(m![1]);
}

test('the minutes left are the sum of what is unfinished, and follow the learner', async ({ page }) => {
	await page.goto(URL);
	await expect(page.locator('[data-lesson-left]')).toBeVisible();
	// Each step shows its own minutes.
	for (const [i, s] of steps.entries()) {
		await expect(page.locator(`#etape-${s.id} .step-kicker`)).toHaveText(`Étape ${i + 1} sur ${steps.length} · environ ${displayMinutes(time.steps[i].minutes)} min`);
	}
	let left = sum([...stepMin.values()]) + r(time.case) + sum([...quizMin.values()]);
	expect(await shownMinutes(page)).toBe(displayMinutes(left));
	expect(displayMinutes(left)).toBe(displayMinutes(time.total));

	// Answer the first two checks: their steps are done.
	for (const s of steps.slice(0, 2)) {
		if (s !== steps[0]) await page.locator('[data-next]').click();
		const q = page.locator(`#etape-${s.id} .step-check [data-q]`);
		await q.locator(`input[value="${s.check!.correct[0]}"]`).check();
		await q.locator('[data-validate]').click();
		await expect(q.locator('[data-feedback]')).not.toBeEmpty();
		left -= stepMin.get(s.id)!;
		await expect.poll(() => shownMinutes(page)).toBe(displayMinutes(left));
	}

	// Jump to the case from the step list: a step without a check (the last) counts as done once
	// passed; the steps with an unanswered check still count. Then decide the case.
	await page.locator('[data-toc="@case"] a').click();
	for (const s of steps.filter((x) => !x.check)) left -= stepMin.get(s.id)!;
	await expect.poll(() => shownMinutes(page)).toBe(displayMinutes(left));
	await page.locator('.case-version.active [data-case] input').first().check();
	await page.getByRole('button', { name: 'Valider mon choix' }).click();
	left -= r(time.case);
	await expect.poll(() => shownMinutes(page)).toBe(displayMinutes(left));

	// One quiz question answered: its minutes go; a reload keeps the figure.
	await page.locator('[data-toc="@quiz"] a').click();
	const asked = page.locator('.quiz-list > li.asked');
	const qid = await asked.getAttribute('data-quiz-item');
	await asked.locator('input').first().check();
	await asked.locator('[data-validate]').click();
	left -= quizMin.get(qid!)!;
	await expect.poll(() => shownMinutes(page)).toBe(displayMinutes(left));
	await page.reload();
	expect(await shownMinutes(page)).toBe(displayMinutes(left));
});
