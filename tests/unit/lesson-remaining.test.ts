/** « Ce qu'il reste »: minutes left from the parts' exact minutes and the lesson state. */
import { describe, expect, it } from 'vitest';
import { minutesLeft, minutesLeftLabel, minutesAttr, type LessonMinutes } from '../../src/lib/lesson/remaining';
import type { LessonEntry } from '../../src/lib/lesson/state';

const parts: LessonMinutes = {
	steps: [
		{ id: 's1', check: 'c1', minutes: 1.5 },
		{ id: 's2', check: 'c2', minutes: 2.25 },
		{ id: 's3', minutes: 1 },
	],
	case: 2,
	quiz: [
		{ id: 'q1', minutes: 0.5 },
		{ id: 'q2', minutes: 0.75 },
	],
};
const e = (x: Partial<LessonEntry>): LessonEntry => ({ cv: 1, at: 's1', far: 0, checks: {}, t: 1, ...x });

describe('minutes left', () => {
	it('is everything before the learner starts', () => {
		expect(minutesLeft(parts, undefined, false)).toBe(8);
		expect(minutesLeft(parts, e({}), false)).toBe(8);
	});
	it('drops a step once its check is answered, the last step once passed, the case once chosen', () => {
		expect(minutesLeft(parts, e({ checks: { c2: 'a' } }), false)).toBe(5.75);
		// Moving on without answering leaves the step unfinished; the last step has no check.
		expect(minutesLeft(parts, e({ at: 's3', far: 2 }), false)).toBe(8);
		expect(minutesLeft(parts, e({ at: '@case', far: 3 }), false)).toBe(7);
		expect(minutesLeft(parts, e({ at: '@case', far: 3, choice: 'ehpad:b' }), false)).toBe(5);
	});
	it('counts the quiz questions not yet answered in the attempt under way, none once completed', () => {
		const all = e({ far: 4, checks: { c1: 'a', c2: 'b' }, choice: 'a' });
		expect(minutesLeft(parts, { ...all, quiz: { seed: 3, answers: { q2: 'a' } } }, false)).toBe(0.5);
		expect(minutesLeft(parts, all, false)).toBe(1.25);
		expect(minutesLeft(parts, all, true)).toBe(0);
		// A new attempt after completing: its questions count again.
		expect(minutesLeft(parts, { ...all, quiz: { seed: 3, answers: {} } }, true)).toBe(1.25);
	});
	it('says it in whole minutes, at least one, or that nothing is left', () => {
		expect(minutesLeftLabel(8.4)).toBe('Ce qu’il reste : environ 8 min');
		expect(minutesLeftLabel(0.2)).toBe('Ce qu’il reste : environ 1 min');
		expect(minutesLeftLabel(0)).toBe('Ce qu’il reste : rien, le module est terminé');
		expect(minutesAttr(1.23456)).toBe('1.23');
	});
});
