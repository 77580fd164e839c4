import { describe, expect, it } from 'vitest';
import { offerText, pickFiveMinutes, reviewMinutes, reviewText, type FiveMinuteModule } from '../../src/lib/five-minutes';
import { AT_CASE, AT_QUIZ, emptyLessons, type LessonsState } from '../../src/lib/lesson/state';
import { loadContent } from './content-load';
import { lessonTimeOf, trackModuleIds } from '../../src/lib/catalog';

const mod = (title: string, steps: [string, number][]): FiveMinuteModule => ({
	title,
	steps: steps.map(([id, minutes]) => ({ id, title: `Titre ${id}`, minutes })),
	caseMinutes: 2.2,
	quizMinutes: 4.4,
});
const modules = { a: mod('Module A', [['a1', 1.6], ['a2', 2.4]]), b: mod('Module B', [['b1', 1.2]]) };
const at = (moduleId: string, position: string, choice?: string): LessonsState => ({
	...emptyLessons(),
	modules: { [moduleId]: { cv: 1, at: position, far: 1, checks: {}, t: 1, ...(choice ? { choice } : {}) } },
});

describe('« J’ai 5 minutes »', () => {
	it('serves the first step of the first module when nothing is started', () => {
		expect(pickFiveMinutes(['a', 'b'], modules, new Set(), emptyLessons())).toMatchObject({ kind: 'step', moduleId: 'a', stepId: 'a1', n: 1, count: 2, minutes: 2 });
	});
	it('serves the step the learner reached, then the case, then the quiz', () => {
		expect(pickFiveMinutes(['a'], modules, new Set(), at('a', 'a2'))).toMatchObject({ kind: 'step', stepId: 'a2', n: 2, minutes: 2 });
		expect(pickFiveMinutes(['a'], modules, new Set(), at('a', AT_CASE))).toMatchObject({ kind: 'case', minutes: 2 });
		expect(pickFiveMinutes(['a'], modules, new Set(), at('a', AT_CASE, 'b'))).toMatchObject({ kind: 'quiz', minutes: 4 });
		expect(pickFiveMinutes(['a'], modules, new Set(), at('a', AT_QUIZ))).toMatchObject({ kind: 'quiz' });
	});
	it('skips completed modules and modules not written as steps, and says when the track is done', () => {
		expect(pickFiveMinutes(['x', 'a', 'b'], modules, new Set(['a']), emptyLessons())).toMatchObject({ kind: 'step', moduleId: 'b' });
		expect(pickFiveMinutes(['a', 'b'], modules, new Set(['a', 'b']), emptyLessons())).toEqual({ kind: 'done' });
	});
	it('restarts at the first step when the stored place no longer exists in this version', () => {
		expect(pickFiveMinutes(['a'], modules, new Set(), at('a', 'removed-step'))).toMatchObject({ kind: 'step', stepId: 'a1', n: 1 });
	});
	it('says it in one plain sentence, with the minutes', () => {
		expect(offerText(pickFiveMinutes(['a'], modules, new Set(), at('a', 'a2')))).toBe('Étape 2 sur 2 de « Module A » : Titre a2 (environ 2 min).');
		expect(reviewText(0)).toBe('');
		expect(reviewText(1)).toBe('Et 1 question à revoir aujourd\'hui (environ 1 min).');
		expect(reviewText(4)).toBe('Et 4 questions à revoir aujourd\'hui (environ 3 min).');
		expect(reviewMinutes(0)).toBe(0);
	});
	it('on the real curriculum, every step of every lesson in a track fits a 5-minute break', () => {
		const { modules: all, tracks } = loadContent();
		const inTracks = new Set(tracks.flatMap((t) => [trackModuleIds(t.data), ...t.data.variants.map((v) => trackModuleIds(t.data, v.setting))].flat()));
		for (const m of all.filter((x) => inTracks.has(x.id))) {
			const time = lessonTimeOf(m);
			if (!time) continue;
			for (const s of time.steps) expect(s.minutes, `${m.id} ${s.id}`).toBeLessThanOrEqual(4);
			expect(time.case, `${m.id} case`).toBeLessThanOrEqual(5);
		}
	});
});
