/**
 * Module change logs (issue 12, item 30): the catalogue check on `changes`, the site-wide log
 * order, and changed questions coming back in « Mes révisions » for learners who had passed
 * the module on an earlier version.
 */
import { describe, expect, it } from 'vitest';
import { changeProblems, type ModuleEntry } from '../../src/lib/catalog';
import { changeLog, sortChanges } from '../../src/lib/changes/log';
import { parseContentIndex, reviewContent, reviewIndex } from '../../src/lib/review/content';
import { emptyReview, parseReview, reenterChanged, syncFromProgress, type ContentIndex, type ProgressLike } from '../../src/lib/review/schedule';
import type { ModuleChange } from '../../src/lib/schemas';

function change(over: Partial<ModuleChange> = {}): ModuleChange {
	return { date: '2026-12-03', version: 2, summary: 'Une correction datée et sourcée.', questions: [], ...over };
}

/** A module entry with just what changeProblems reads. */
function entry(changes: ModuleChange[], over: { version?: number; reviewed?: string } = {}): ModuleEntry {
	const data = {
		version: over.version ?? 2,
		reviewed: over.reviewed ?? '2026-12-03',
		quiz: [{ id: 'q1' }, { id: 'q2' }],
		changes,
	} as unknown as ModuleEntry['data'];
	return { id: 'demo', file: 'content/modules/x/demo.mdx', data, body: '' };
}

describe('changeProblems', () => {
	it('accepts a consistent log', () => {
		expect(changeProblems(entry([change({ questions: ['q2'] })]))).toEqual([]);
	});

	it('names an entry announcing a version the module has not reached', () => {
		const p = changeProblems(entry([change({ version: 3 })]));
		expect(p).toHaveLength(1);
		expect(p[0].field).toBe('changes[0].version');
		expect(p[0].message).toContain('version 3');
	});

	it('names an entry dated after the review date', () => {
		const p = changeProblems(entry([change({ date: '2026-12-10' })]));
		expect(p.map((x) => x.field)).toEqual(['changes[0].date']);
	});

	it('names a question id that the quiz does not have', () => {
		const p = changeProblems(entry([change(), change({ questions: ['q1', 'q9'] })]));
		expect(p.map((x) => x.field)).toEqual(['changes[1].questions[1]']);
		expect(p[0].message).toContain('q9');
	});
});

describe('change log order', () => {
	it('sorts a module log newest first, then by version', () => {
		const list = sortChanges([change({ date: '2026-10-01', version: 2 }), change({ date: '2026-12-03', version: 3 }), change({ date: '2026-12-03', version: 4 })]);
		expect(list.map((c) => c.version)).toEqual([4, 3, 2]);
	});

	it('gathers every module, newest first, with the module title and path', () => {
		const log = changeLog([
			{ id: 'a', data: { title: 'Module A', changes: [change({ date: '2026-11-01' })] } },
			{ id: 'b', data: { title: 'Module B', changes: [change({ date: '2026-12-03' })] } },
			{ id: 'c', data: { title: 'Module C' } },
		]);
		expect(log.map((e) => [e.moduleId, e.date])).toEqual([
			['b', '2026-12-03'],
			['a', '2026-11-01'],
		]);
		expect(log[0].moduleTitle).toBe('Module B');
		expect(log[0].path).toBe('modules/b/');
	});
});

describe('changed questions come back in the review', () => {
	const today = '2026-12-04';
	const content: ContentIndex = {
		m: { version: 2, questions: ['q1', 'q2', 'q3'], changes: [{ version: 2, questions: ['q2', 'q3'] }] },
	};
	const passedOnV1: ProgressLike = { modules: { m: { attempts: 1, status: 'completed', version: 1, missed: [] } } };

	it('adds the changed questions for a learner who passed on an earlier version', () => {
		const s = reenterChanged(emptyReview(), passedOnV1, content, today);
		expect(s.cards.map((c) => [c.questionId, c.box, c.due, c.version])).toEqual([
			['q2', 1, '2026-12-05', 2],
			['q3', 1, '2026-12-05', 2],
		]);
		expect(s.changesSeen).toEqual({ m: 2 });
	});

	it('does it once: answering then syncing again does not bring them back', () => {
		const once = reenterChanged(emptyReview(), passedOnV1, content, today);
		const emptied = { ...once, cards: [] };
		expect(reenterChanged(emptied, passedOnV1, content, '2026-12-20')).toBe(emptied);
	});

	it('skips a learner who passed on the current version, or only started', () => {
		const current: ProgressLike = { modules: { m: { attempts: 1, status: 'completed', version: 2 } } };
		const started: ProgressLike = { modules: { m: { attempts: 1, status: 'started', version: 1 } } };
		expect(reenterChanged(emptyReview(), current, content, today).cards).toEqual([]);
		expect(reenterChanged(emptyReview(), started, content, today).cards).toEqual([]);
	});

	it('skips questions missed on the last attempt (already cards) and questions the content dropped', () => {
		const missedQ2: ProgressLike = { modules: { m: { attempts: 2, status: 'completed', version: 1, missed: ['q2'] } } };
		const dropped: ContentIndex = { m: { version: 2, questions: ['q1', 'q2'], changes: [{ version: 2, questions: ['q2', 'q3'] }] } };
		expect(reenterChanged(emptyReview(), missedQ2, content, today).cards.map((c) => c.questionId)).toEqual(['q3']);
		expect(reenterChanged(emptyReview(), passedOnV1, dropped, today).cards.map((c) => c.questionId)).toEqual(['q2']);
	});

	it('runs as part of syncFromProgress, and survives storage', () => {
		const s = syncFromProgress(emptyReview(), passedOnV1, content, today);
		expect(s.cards.map((c) => c.questionId)).toEqual(['q2', 'q3']);
		const back = parseReview(JSON.parse(JSON.stringify(s)));
		expect(back.problem).toBeUndefined();
		expect(back.value.changesSeen).toEqual({ m: 2 });
		expect(syncFromProgress(back.value, passedOnV1, content, today)).toBe(back.value);
	});

	it('reads review data written before changesSeen existed, and flags a bad entry', () => {
		expect(parseReview({ v: 1, cards: [], synced: {}, retired: 0 }).value.changesSeen).toBeUndefined();
		const bad = parseReview({ v: 1, cards: [], synced: {}, retired: 0, changesSeen: { m: 0, ok: 2 } });
		expect(bad.problem).toBe('corrupt');
		expect(bad.value.changesSeen).toEqual({ ok: 2 });
	});

	it('the built index carries the changed questions and reads back', () => {
		const mods = reviewContent([
			{
				id: 'm',
				data: {
					title: 'M',
					version: 2,
					changes: [{ version: 2, questions: ['q1'] }, { version: 2, questions: [] }],
					quiz: [{ id: 'q1', type: 'truefalse', prompt: 'P ?', choices: [], correct: ['vrai'], explanation: 'E.' }],
				},
			},
		]);
		const index = reviewIndex(mods);
		expect(index.m.changes).toEqual([{ version: 2, questions: ['q1'] }]);
		expect(parseContentIndex(JSON.stringify(index))).toEqual(index);
		expect(parseContentIndex(JSON.stringify({ m: { version: 2, questions: [], changes: [{ version: 'x' }] } }))).toBeNull();
	});
});
