/**
 * The `review` section in the real progress store (over a Map-backed storage): key layout,
 * sync from quiz attempts recorded by the quiz, answers persisted across a "reload", corrupted
 * stored data set aside with a French notice, one handle per store; plus the build-time content
 * helpers (`reviewContent`, `reviewIndex`, `parseContentIndex`).
 */
import { describe, expect, it } from 'vitest';
import { createProgressStore, type StorageLike } from '../../src/lib/progress/store';
import { MapStorage } from './map-storage';
import { parseContentIndex, reviewContent, reviewIndex, type ReviewSourceModule } from '../../src/lib/review/content';
import { reviewSection, syncReview } from '../../src/lib/review/section';
import { answer, dueCount, findCard } from '../../src/lib/review/schedule';

const MODULES: ReviewSourceModule[] = [
	{
		id: 'shadow-ia',
		data: {
			title: 'Shadow IA',
			version: 2,
			quiz: [
				{ id: 'q1', type: 'single', prompt: 'Qu’est-ce que la shadow IA ?', choices: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], correct: ['b'], explanation: 'Parce que B.' },
				{ id: 'q2', type: 'truefalse', prompt: 'Retirer le nom suffit.', choices: [{ id: 'vrai', text: 'Vrai' }, { id: 'faux', text: 'Faux' }], correct: ['faux'], explanation: 'Faux : recoupements.' },
			],
		},
	},
];
const INDEX = reviewIndex(reviewContent(MODULES));
const KEY = 'pias:/:review:v1';

function storeOn(storage: StorageLike, today: string) {
	return createProgressStore({ storage, namespace: '/', today: () => today });
}

describe('review section', () => {
	it('turns a failed quiz attempt into cards due the next day, saved under pias:/:review:v1', () => {
		const storage = new MapStorage();
		const store = storeOn(storage, '2026-11-28');
		store.recordAttempt('shadow-ia', 2, { percent: 50, passed: false, missed: ['q2'] });
		const s = syncReview(store, INDEX, '2026-11-28');
		expect(s.cards).toEqual([{ moduleId: 'shadow-ia', questionId: 'q2', box: 1, due: '2026-11-29', version: 2, added: '2026-11-28' }]);
		expect(JSON.parse(storage.getItem(KEY)!)).toEqual(s);
		expect(dueCount(s, '2026-11-28')).toBe(0);
		expect(dueCount(s, '2026-11-29')).toBe(1);
	});

	it('keeps an answer after a reload, and a second sync of the same attempt changes nothing', () => {
		const storage = new MapStorage();
		const first = storeOn(storage, '2026-11-28');
		first.recordAttempt('shadow-ia', 2, { percent: 50, passed: false, missed: ['q2'] });
		syncReview(first, INDEX, '2026-11-28');

		const nextDay = storeOn(storage, '2026-11-29');
		const section = reviewSection(nextDay);
		syncReview(nextDay, INDEX, '2026-11-29');
		section.update((s) => answer(s, { moduleId: 'shadow-ia', questionId: 'q2' }, true, '2026-11-29'));

		const reloaded = storeOn(storage, '2026-11-29');
		const after = syncReview(reloaded, INDEX, '2026-11-29');
		expect(findCard(after, { moduleId: 'shadow-ia', questionId: 'q2' })).toMatchObject({ box: 2, due: '2026-12-01' });
		expect(dueCount(after, '2026-11-29')).toBe(0);
	});

	it('returns the same handle for the same store (the section is registered once)', () => {
		const store = storeOn(new MapStorage(), '2026-11-28');
		expect(reviewSection(store)).toBe(reviewSection(store));
	});

	it('sets corrupted stored reviews aside and says so in French, keeping what was readable', () => {
		const storage = new MapStorage();
		storage.setItem(KEY, JSON.stringify({ v: 1, cards: [{ moduleId: 'shadow-ia', questionId: 'q1', box: 9, due: 'x', version: 1, added: 'y' }, { moduleId: 'shadow-ia', questionId: 'q2', box: 2, due: '2026-11-30', version: 2, added: '2026-11-20' }] }));
		const store = storeOn(storage, '2026-11-28');
		const section = reviewSection(store);
		expect(section.get().cards.map((c) => c.questionId)).toEqual(['q2']);
		expect(store.notices.find((n) => n.section === 'review')?.message).toMatch(/vos révisions/);
		expect(section.backups()).toHaveLength(1);
	});

	it('reads text that is not JSON as empty and never throws', () => {
		const storage = new MapStorage();
		storage.setItem(KEY, '{not json');
		const store = storeOn(storage, '2026-11-28');
		expect(reviewSection(store).get().cards).toEqual([]);
		expect(store.notices.some((n) => n.kind === 'corrupt' && n.section === 'review')).toBe(true);
	});
});

describe('review content', () => {
	it('embeds what the page asks and checks, and nothing else', () => {
		const [m] = reviewContent(MODULES);
		expect(m).toEqual({
			id: 'shadow-ia',
			title: 'Shadow IA',
			path: 'modules/shadow-ia/',
			version: 2,
			questions: [
				{ id: 'q1', type: 'single', prompt: 'Qu’est-ce que la shadow IA ?', choices: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], correct: ['b'], explanation: 'Parce que B.' },
				{ id: 'q2', type: 'truefalse', prompt: 'Retirer le nom suffit.', choices: [{ id: 'vrai', text: 'Vrai' }, { id: 'faux', text: 'Faux' }], correct: ['faux'], explanation: 'Faux : recoupements.' },
			],
		});
		expect(INDEX).toEqual({ 'shadow-ia': { version: 2, questions: ['q1', 'q2'] } });
	});

	const cases: Array<{ name: string; text: string | null | undefined; ok: boolean }> = [
		// The attribute the home page writes: a valid index.
		{ name: 'valid', text: JSON.stringify(INDEX), ok: true },
		// Missing attribute or empty text: no index (the badge counts without syncing).
		{ name: 'missing', text: undefined, ok: false },
		{ name: 'empty', text: '', ok: false },
		// Malformed: never a half-read index.
		{ name: 'not JSON', text: '{', ok: false },
		{ name: 'an array', text: '[]', ok: false },
		{ name: 'bad version', text: '{"m":{"version":"1","questions":[]}}', ok: false },
		{ name: 'bad questions', text: '{"m":{"version":1,"questions":[1]}}', ok: false },
		{ name: '__proto__ key', text: '{"__proto__":{"version":1,"questions":[]}}', ok: false },
	];
	for (const c of cases) {
		it(`parseContentIndex: ${c.name}`, () => {
			const got = parseContentIndex(c.text);
			if (c.ok) expect(got).toEqual(INDEX);
			else expect(got).toBeNull();
		});
	}
});
