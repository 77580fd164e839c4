/**
 * Spaced review (Leitner) schedule: box transitions, due ordering, session size, sync from the
 * progress state (idempotent, new attempts only), removed questions, kept content versions,
 * and stored data that is damaged or from a newer site.
 */
import { describe, expect, it } from 'vitest';
import {
	addMissed,
	answer,
	due,
	dueCount,
	emptyReview,
	findCard,
	INTERVALS,
	MAX_BOX,
	MAX_CARDS,
	nextDue,
	nextDueAfter,
	parseReview,
	pruneCards,
	session,
	SESSION_SIZE,
	syncFromProgress,
	type ContentIndex,
	type ReviewCard,
	type ReviewState,
} from '../../src/lib/review/schedule';

const TODAY = '2026-11-28';
const card = (over: Partial<ReviewCard> = {}): ReviewCard => ({
	moduleId: 'm1',
	questionId: 'q1',
	box: 1,
	due: TODAY,
	version: 1,
	added: '2026-11-27',
	...over,
});
const stateOf = (cards: ReviewCard[], over: Partial<ReviewState> = {}): ReviewState => ({ ...emptyReview(), cards, ...over });
const CONTENT: ContentIndex = {
	m1: { version: 2, questions: ['q1', 'q2', 'q3'] },
	m2: { version: 1, questions: ['q1', 'q2'] },
};

describe('intervals', () => {
	it('are the documented 1, 2, 4, 8, 16 days over five boxes', () => {
		expect([...INTERVALS]).toEqual([1, 2, 4, 8, 16]);
		expect(MAX_BOX).toBe(5);
	});
});

describe('answer: box transitions', () => {
	const cases: Array<{ name: string; box: number; correct: boolean; box2: number | 'retired'; due2: string }> = [
		// A right answer in box 1 moves the card to box 2, due 2 days later.
		{ name: 'box 1 right', box: 1, correct: true, box2: 2, due2: '2026-11-30' },
		// Box 2 right: box 3, due 4 days later.
		{ name: 'box 2 right', box: 2, correct: true, box2: 3, due2: '2026-12-02' },
		// Box 3 right: box 4, due 8 days later.
		{ name: 'box 3 right', box: 3, correct: true, box2: 4, due2: '2026-12-06' },
		// Box 4 right: box 5, due 16 days later (across a month end).
		{ name: 'box 4 right', box: 4, correct: true, box2: 5, due2: '2026-12-14' },
		// Box 5 right: the card is retired (passed the last box).
		{ name: 'box 5 right', box: 5, correct: true, box2: 'retired', due2: '' },
		// A wrong answer in box 1 keeps it in box 1, due tomorrow.
		{ name: 'box 1 wrong', box: 1, correct: false, box2: 1, due2: '2026-11-29' },
		// A wrong answer in box 3 sends it back to box 1, due tomorrow.
		{ name: 'box 3 wrong', box: 3, correct: false, box2: 1, due2: '2026-11-29' },
		// A wrong answer in the last box also starts over.
		{ name: 'box 5 wrong', box: 5, correct: false, box2: 1, due2: '2026-11-29' },
	];
	for (const c of cases) {
		it(c.name, () => {
			const before = stateOf([card({ box: c.box }), card({ questionId: 'q2' })]);
			const after = answer(before, { moduleId: 'm1', questionId: 'q1' }, c.correct, TODAY);
			const moved = findCard(after, { moduleId: 'm1', questionId: 'q1' });
			if (c.box2 === 'retired') {
				expect(moved).toBeUndefined();
				expect(after.retired).toBe(1);
			} else {
				expect(moved).toMatchObject({ box: c.box2, due: c.due2, version: 1, added: '2026-11-27' });
				expect(after.retired).toBe(0);
			}
			// The other card and the input are untouched.
			expect(findCard(after, { moduleId: 'm1', questionId: 'q2' })).toEqual(card({ questionId: 'q2' }));
			expect(before.cards[0].box).toBe(c.box);
		});
	}

	it('leaves the state as it is for an unknown card', () => {
		const s = stateOf([card()]);
		expect(answer(s, { moduleId: 'm9', questionId: 'q1' }, true, TODAY)).toBe(s);
	});

	it('retires a card after five right answers in a row, about a month later', () => {
		let s = addMissed(emptyReview(), [{ moduleId: 'm1', questionId: 'q1', version: 1 }], TODAY);
		let day = TODAY;
		const days: string[] = [];
		for (let i = 0; i < 5; i += 1) {
			day = findCard(s, { moduleId: 'm1', questionId: 'q1' })!.due;
			days.push(day);
			s = answer(s, { moduleId: 'm1', questionId: 'q1' }, true, day);
		}
		expect(days).toEqual(['2026-11-29', '2026-12-01', '2026-12-05', '2026-12-13', '2026-12-29']);
		expect(s.cards).toEqual([]);
		expect(s.retired).toBe(1);
	});

	it('refuses a malformed date instead of scheduling nonsense', () => {
		expect(() => answer(stateOf([card()]), card(), true, '28/11/2026')).toThrow(RangeError);
	});
});

describe('addMissed', () => {
	const cases: Array<{ name: string; before: ReviewCard[]; expected: Partial<ReviewCard>[] }> = [
		// A new miss becomes a box-1 card due tomorrow, with its content version.
		{ name: 'new card', before: [], expected: [{ questionId: 'q1', box: 1, due: '2026-11-29', version: 3, added: TODAY }] },
		// A card already in box 4 that is missed again goes back to box 1 with the new version.
		{ name: 'missed again', before: [card({ box: 4, due: '2026-12-20', version: 1 })], expected: [{ questionId: 'q1', box: 1, due: '2026-11-29', version: 3, added: TODAY }] },
	];
	for (const c of cases) {
		it(c.name, () => {
			const s = addMissed(stateOf(c.before), [{ moduleId: 'm1', questionId: 'q1', version: 3 }], TODAY);
			expect(s.cards).toHaveLength(c.expected.length);
			c.expected.forEach((e, i) => expect(s.cards[i]).toMatchObject(e));
		});
	}

	it('ignores bad ids and versions, counts duplicates once, returns the same object when nothing changes', () => {
		const s = addMissed(
			emptyReview(),
			[
				{ moduleId: 'm1', questionId: 'q1', version: 1 },
				{ moduleId: 'm1', questionId: 'q1', version: 1 },
				{ moduleId: '__proto__', questionId: 'q1', version: 1 },
				{ moduleId: 'm1', questionId: 'Q 2', version: 1 },
				{ moduleId: 'm1', questionId: 'q3', version: 0 },
			],
			TODAY,
		);
		expect(s.cards.map((c) => c.questionId)).toEqual(['q1']);
		expect(addMissed(s, [{ moduleId: 'm1', questionId: 'q1', version: 1 }], TODAY)).toBe(s);
	});

	it('stops at MAX_CARDS', () => {
		const full = stateOf(Array.from({ length: MAX_CARDS }, (_, i) => card({ questionId: `q${i}` })));
		expect(addMissed(full, [{ moduleId: 'm2', questionId: 'q1', version: 1 }], TODAY).cards).toHaveLength(MAX_CARDS);
	});
});

describe('due, session, counts', () => {
	const s = stateOf([
		card({ moduleId: 'a', questionId: 'q1', box: 3, due: '2026-11-27' }),
		card({ moduleId: 'b', questionId: 'q1', box: 1, due: '2026-11-29' }), // not due yet
		card({ moduleId: 'c', questionId: 'q1', box: 2, due: '2026-11-20' }),
		card({ moduleId: 'd', questionId: 'q1', box: 1, due: '2026-11-27' }),
		card({ moduleId: 'e', questionId: 'q1', box: 1, due: '2026-11-27' }),
		card({ moduleId: 'f', questionId: 'q1', box: 1, due: TODAY }),
	]);

	it('orders due cards oldest due first, then lower box, then insertion order', () => {
		// c (20th) · d, e (27th, box 1, in insertion order) · a (27th, box 3) · f (today); b not due.
		expect(due(s, TODAY).map((c) => c.moduleId)).toEqual(['c', 'd', 'e', 'a', 'f']);
		expect(dueCount(s, TODAY)).toBe(5);
		expect(dueCount(s, '2026-11-01')).toBe(0);
	});

	const sizes: Array<{ name: string; cards: number; max?: number; expected: number }> = [
		// Default session: SESSION_SIZE (8) cards, about five minutes.
		{ name: 'default size', cards: 20, expected: SESSION_SIZE },
		// Fewer due cards than the size: all of them.
		{ name: 'fewer than the size', cards: 3, expected: 3 },
		// An explicit size is honoured.
		{ name: 'explicit size', cards: 20, max: 5, expected: 5 },
		// A nonsense size falls back to the default.
		{ name: 'zero falls back', cards: 20, max: 0, expected: SESSION_SIZE },
		// Nothing due: an empty session.
		{ name: 'nothing due', cards: 0, expected: 0 },
	];
	for (const c of sizes) {
		it(`session: ${c.name}`, () => {
			const st = stateOf(Array.from({ length: c.cards }, (_, i) => card({ questionId: `q${i}`, due: '2026-11-01' })));
			const got = session(st, TODAY, c.max === undefined ? {} : { maxCards: c.max });
			expect(got).toHaveLength(c.expected);
			expect(got).toEqual(due(st, TODAY).slice(0, c.expected));
		});
	}

	it('gives the next due date, overall and after today', () => {
		expect(nextDue(s)).toBe('2026-11-20');
		expect(nextDueAfter(s, TODAY)).toBe('2026-11-29');
		expect(nextDue(emptyReview())).toBeNull();
		expect(nextDueAfter(stateOf([card()]), TODAY)).toBeNull();
	});
});

describe('syncFromProgress', () => {
	const progress = (attempts: number, missed?: string[]) => ({ modules: { m1: { attempts, ...(missed ? { missed } : {}) } } });

	it('turns the missed questions of a new attempt into box-1 cards with the current content version', () => {
		const s = syncFromProgress(emptyReview(), progress(1, ['q1', 'q3']), CONTENT, TODAY);
		expect(s.cards).toEqual([
			{ moduleId: 'm1', questionId: 'q1', box: 1, due: '2026-11-29', version: 2, added: TODAY },
			{ moduleId: 'm1', questionId: 'q3', box: 1, due: '2026-11-29', version: 2, added: TODAY },
		]);
		expect(s.synced).toEqual({ m1: 1 });
	});

	it('is idempotent: the same attempt never resets a card that has moved on', () => {
		let s = syncFromProgress(emptyReview(), progress(1, ['q1']), CONTENT, TODAY);
		s = answer(s, { moduleId: 'm1', questionId: 'q1' }, true, '2026-11-29');
		expect(syncFromProgress(s, progress(1, ['q1']), CONTENT, '2026-11-30')).toBe(s);
	});

	it('resets a card to box 1 when a later attempt misses it again, and brings back a retired one', () => {
		const s = stateOf([card({ box: 4, due: '2026-12-20' })], { synced: { m1: 1 }, retired: 1 });
		const after = syncFromProgress(s, progress(2, ['q1', 'q2']), CONTENT, TODAY);
		expect(after.cards.map((c) => [c.questionId, c.box, c.due])).toEqual([
			['q1', 1, '2026-11-29'],
			['q2', 1, '2026-11-29'],
		]);
		expect(after.synced.m1).toBe(2);
	});

	it('skips missed ids the content no longer has, and modules it does not know', () => {
		const s = syncFromProgress(
			emptyReview(),
			{ modules: { m1: { attempts: 1, missed: ['q1', 'q9'] }, gone: { attempts: 1, missed: ['q1'] } } },
			CONTENT,
			TODAY,
		);
		expect(s.cards.map((c) => `${c.moduleId}/${c.questionId}`)).toEqual(['m1/q1']);
		expect(s.synced).toEqual({ m1: 1 });
	});

	it('marks a passed attempt (no missed) as synced without adding cards', () => {
		const s = syncFromProgress(emptyReview(), progress(3), CONTENT, TODAY);
		expect(s.cards).toEqual([]);
		expect(s.synced).toEqual({ m1: 3 });
	});
});

describe('content changes', () => {
	it('drops cards whose question or module was removed, keeps the others as they are', () => {
		const kept = card({ moduleId: 'm2', questionId: 'q2', box: 3, version: 1 });
		const s = stateOf([card({ questionId: 'q7' }), kept, card({ moduleId: 'old' })], { synced: { m2: 1, old: 4 } });
		const after = pruneCards(s, CONTENT);
		expect(after.cards).toEqual([kept]);
		expect(after.synced).toEqual({ m2: 1 });
		expect(pruneCards(after, CONTENT)).toBe(after);
	});

	it('keeps the content version a card was missed on, through answers and syncs on newer content', () => {
		// m1 is now at version 2; the card was missed on version 1.
		let s = stateOf([card({ version: 1 })], { synced: { m1: 1 } });
		s = answer(s, { moduleId: 'm1', questionId: 'q1' }, true, TODAY);
		s = syncFromProgress(s, { modules: { m1: { attempts: 1, missed: ['q1'] } } }, CONTENT, TODAY);
		expect(findCard(s, { moduleId: 'm1', questionId: 'q1' })).toMatchObject({ box: 2, version: 1 });
	});
});

describe('parseReview', () => {
	const good = { v: 1, cards: [card(), card({ questionId: 'q2', box: 5 })], synced: { m1: 2 }, retired: 3 };
	const cases: Array<{ name: string; raw: unknown; problem?: 'corrupt' | 'future'; cards: number; synced?: Record<string, number>; retired?: number }> = [
		// Nothing stored: the empty state, no problem.
		{ name: 'undefined', raw: undefined, cards: 0 },
		{ name: 'null', raw: null, cards: 0 },
		// A good value comes back whole.
		{ name: 'valid', raw: good, cards: 2, synced: { m1: 2 }, retired: 3 },
		// Not an object at all.
		{ name: 'a string', raw: 'cards', problem: 'corrupt', cards: 0 },
		{ name: 'an array', raw: [card()], problem: 'corrupt', cards: 0 },
		// No version, or a version that is not ours.
		{ name: 'no version', raw: { cards: [card()] }, problem: 'corrupt', cards: 0 },
		{ name: 'version 0', raw: { ...good, v: 0 }, problem: 'corrupt', cards: 0 },
		// Written by a newer site: set aside, never misread.
		{ name: 'future version', raw: { ...good, v: 2 }, problem: 'future', cards: 0 },
		// One bad card among good ones: only it goes.
		{ name: 'box 6', raw: { ...good, cards: [card(), card({ questionId: 'q2', box: 6 })] }, problem: 'corrupt', cards: 1, synced: { m1: 2 }, retired: 3 },
		{ name: 'box 0.5', raw: { ...good, cards: [card({ box: 0.5 })] }, problem: 'corrupt', cards: 0, retired: 3 },
		{ name: 'impossible date', raw: { ...good, cards: [card({ due: '2026-02-30' })] }, problem: 'corrupt', cards: 0 },
		{ name: 'bad question id', raw: { ...good, cards: [card({ questionId: '<img>' })] }, problem: 'corrupt', cards: 0 },
		{ name: 'version 0 card', raw: { ...good, cards: [card({ version: 0 })] }, problem: 'corrupt', cards: 0 },
		{ name: 'card is null', raw: { ...good, cards: [null, card()] }, problem: 'corrupt', cards: 1 },
		// The same question twice: the first is kept.
		{ name: 'duplicate card', raw: { ...good, cards: [card({ box: 2 }), card({ box: 4 })] }, problem: 'corrupt', cards: 1 },
		// Cards not a list.
		{ name: 'cards an object', raw: { ...good, cards: { 0: card() } }, problem: 'corrupt', cards: 0, synced: { m1: 2 } },
		// A bad sync mark goes alone; "__proto__" is never assigned.
		{ name: 'bad synced', raw: JSON.parse('{"v":1,"cards":[],"synced":{"m1":-1,"__proto__":3,"m2":4},"retired":0}'), problem: 'corrupt', cards: 0, synced: { m2: 4 } },
		{ name: 'synced a list', raw: { ...good, synced: [1] }, problem: 'corrupt', cards: 2, synced: {} },
		// A bad count becomes 0.
		{ name: 'retired NaN', raw: { ...good, retired: 'NaN' }, problem: 'corrupt', cards: 2, retired: 0 },
		// Missing optional parts are not damage.
		{ name: 'bare version', raw: { v: 1 }, cards: 0, synced: {}, retired: 0 },
	];
	for (const c of cases) {
		it(c.name, () => {
			const r = parseReview(c.raw);
			expect(r.problem).toBe(c.problem);
			expect(r.value.v).toBe(1);
			expect(r.value.cards).toHaveLength(c.cards);
			if (c.synced) expect(r.value.synced).toEqual(c.synced);
			if (c.retired !== undefined) expect(r.value.retired).toBe(c.retired);
			expect(Object.getPrototypeOf(r.value.synced)).toBe(Object.prototype);
		});
	}

	it('keeps at most MAX_CARDS cards and reports the rest', () => {
		const raw = { v: 1, cards: Array.from({ length: MAX_CARDS + 3 }, (_, i) => card({ questionId: `q${i}` })) };
		const r = parseReview(raw);
		expect(r.value.cards).toHaveLength(MAX_CARDS);
		expect(r.problem).toBe('corrupt');
	});

	it('never throws, whatever JSON gives back', () => {
		for (const raw of [0, true, '', [], {}, { v: '1' }, { v: 1, cards: [1, 'a', [], {}] }, { v: 1, synced: null }]) {
			expect(() => parseReview(raw)).not.toThrow();
		}
	});
});
