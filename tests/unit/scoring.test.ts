/**
 * Quiz scoring: the all-or-nothing rule for multiple-answer questions, the 80 % pass mark and
 * the rounding (down, so a near miss never shows as a pass).
 */
import { describe, expect, it } from 'vitest';
import { isCorrect, MULTIPLE_RULE_FR, PASS_MARK, scoreQuiz, type ScorableQuestion } from '../../src/lib/quiz/scoring';

const single: ScorableQuestion = { id: 'q1', type: 'single', correct: ['b'] };
const truefalse: ScorableQuestion = { id: 'q2', type: 'truefalse', correct: ['faux'] };
const multiple: ScorableQuestion = { id: 'q3', type: 'multiple', correct: ['a', 'c'] };

describe('isCorrect', () => {
	const cases: Array<[string, ScorableQuestion, string[] | undefined, boolean]> = [
		// single: the one right id
		['single, right choice', single, ['b'], true],
		// single: a wrong choice
		['single, wrong choice', single, ['a'], false],
		// single: two choices sent (a tampered form) is never right, even with the right one in it
		['single, right plus wrong', single, ['b', 'a'], false],
		// single: the same id twice is still one choice
		['single, right id repeated', single, ['b', 'b'], true],
		// nothing selected
		['single, empty selection', single, [], false],
		// no answer recorded at all
		['single, undefined selection', single, undefined, false],
		// true/false behaves like single
		['truefalse, right', truefalse, ['faux'], true],
		['truefalse, wrong', truefalse, ['vrai'], false],
		// multiple: exactly the right set, in any order
		['multiple, exact set', multiple, ['c', 'a'], true],
		// multiple: one right answer missing
		['multiple, subset', multiple, ['a'], false],
		// multiple: every right answer plus a wrong one
		['multiple, superset', multiple, ['a', 'b', 'c'], false],
		// multiple: ticking everything never pays
		['multiple, all choices', multiple, ['a', 'b', 'c', 'd'], false],
		// multiple: right count, wrong ids
		['multiple, same size wrong set', multiple, ['a', 'b'], false],
		// a malformed question with no right answer is never right
		['no right answer defined', { id: 'q9', type: 'multiple', correct: [] }, [], false],
	];
	it.each(cases)('%s', (_name, q, selected, expected) => {
		expect(isCorrect(q, selected)).toBe(expected);
	});
});

describe('scoreQuiz', () => {
	const five: ScorableQuestion[] = [
		{ id: 'q1', type: 'single', correct: ['a'] },
		{ id: 'q2', type: 'single', correct: ['a'] },
		{ id: 'q3', type: 'truefalse', correct: ['vrai'] },
		{ id: 'q4', type: 'multiple', correct: ['a', 'b'] },
		{ id: 'q5', type: 'single', correct: ['a'] },
	];
	const allRight = { q1: ['a'], q2: ['a'], q3: ['vrai'], q4: ['a', 'b'], q5: ['a'] };

	const cases: Array<[string, ScorableQuestion[], Record<string, string[]>, { correct: number; total: number; percent: number; passed: boolean; missed: string[] }]> = [
		// every answer right
		['5/5', five, allRight, { correct: 5, total: 5, percent: 100, passed: true, missed: [] }],
		// 4/5 = 80 %: exactly the pass mark passes
		['4/5 passes at 80 %', five, { ...allRight, q4: ['a'] }, { correct: 4, total: 5, percent: 80, passed: true, missed: ['q4'] }],
		// 3/5 = 60 %
		['3/5 fails', five, { ...allRight, q1: ['b'], q5: [] }, { correct: 3, total: 5, percent: 60, passed: false, missed: ['q1', 'q5'] }],
		// unanswered questions count as missed
		['no answers', five, {}, { correct: 0, total: 5, percent: 0, passed: false, missed: ['q1', 'q2', 'q3', 'q4', 'q5'] }],
		// an empty quiz is never passed
		['empty quiz', [], {}, { correct: 0, total: 0, percent: 0, passed: false, missed: [] }],
	];
	it.each(cases)('%s', (_name, questions, answers, expected) => {
		expect(scoreQuiz(questions, answers)).toEqual(expected);
	});

	it('a failed score never shows the pass mark: 79.8 % shows 79 and fails', () => {
		// 79 right out of 99 = 79.8 %.
		const qs: ScorableQuestion[] = Array.from({ length: 99 }, (_, i) => ({ id: `q${i}`, type: 'single', correct: ['a'] }));
		const answers = Object.fromEntries(qs.slice(0, 79).map((q) => [q.id, ['a']]));
		expect(scoreQuiz(qs, answers)).toMatchObject({ correct: 79, percent: 79, passed: false });
	});

	it('rounds to the nearest: 2/3 is 67, 4/6 is 67, 1/3 is 33, 5/6 is 83', () => {
		const qs = (n: number): ScorableQuestion[] => Array.from({ length: n }, (_, i) => ({ id: `q${i}`, type: 'single', correct: ['a'] }));
		const right = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, ['a']]));
		expect(scoreQuiz(qs(3), right(2)).percent).toBe(67);
		expect(scoreQuiz(qs(6), right(4)).percent).toBe(67);
		expect(scoreQuiz(qs(3), right(1)).percent).toBe(33);
		expect(scoreQuiz(qs(6), right(5))).toMatchObject({ percent: 83, passed: true });
	});

	it('passes on the exact ratio: 4/5 is 80 and passes', () => {
		const qs: ScorableQuestion[] = [1, 2, 3, 4, 5].map((i) => ({ id: `q${i}`, type: 'single', correct: ['a'] }));
		expect(scoreQuiz(qs, { q1: ['a'], q2: ['a'], q3: ['a'], q4: ['a'] })).toMatchObject({ percent: 80, passed: true });
	});

	it('reads only own answers: a question id "constructor" does not see Object.prototype', () => {
		const qs: ScorableQuestion[] = [{ id: 'constructor', type: 'single', correct: ['a'] }];
		expect(scoreQuiz(qs, {})).toMatchObject({ correct: 0, missed: ['constructor'] });
	});
});

describe('constants', () => {
	it('pass mark and the French multiple-answer rule', () => {
		expect(PASS_MARK).toBe(80);
		expect(MULTIPLE_RULE_FR).toBe(
			'Question à réponses multiples : la réponse compte si vous cochez toutes les bonnes réponses et aucune mauvaise.',
		);
	});
});
