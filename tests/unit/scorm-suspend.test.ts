import { describe, expect, it } from 'vitest';
import { decodeSuspendData, encodeSuspendData, mergeResult, SUSPEND_DATA_MAX } from '../../src/lib/scorm/suspend-data';

describe('suspend data codec', () => {
	it('round-trips results in a compact, readable form', () => {
		const results = { 'rgpd-donnees-sante': { best: 60, version: 1, passed: false }, 'comprendre-ia': { best: 85, version: 2, passed: true } };
		const { data, dropped } = encodeSuspendData(results);
		expect(data).toBe('p1;comprendre-ia=85.2*;rgpd-donnees-sante=60.1');
		expect(dropped).toEqual([]);
		expect(decodeSuspendData(data)).toEqual({ results });
	});

	const decodeCases: { name: string; raw: string | null; results: Record<string, unknown>; problem?: string }[] = [
		// First launch: the LMS returns an empty string.
		{ name: 'empty', raw: '', results: {} },
		{ name: 'null', raw: null, results: {} },
		// No module yet, but ours.
		{ name: 'prefix only', raw: 'p1', results: {} },
		// Another authoring tool's data, or a newer format: never misread.
		{ name: 'foreign data', raw: 'viewed=1,2|x', results: {}, problem: 'unknown' },
		{ name: 'newer format', raw: 'p2;a=1.1', results: {}, problem: 'unknown' },
		// One bad entry is dropped alone.
		{ name: 'score above 100', raw: 'p1;a=101.1;b=50.1', results: { b: { best: 50, version: 1, passed: false } }, problem: 'damaged' },
		{ name: 'bad id', raw: 'p1;A B=50.1;b=50.1*', results: { b: { best: 50, version: 1, passed: true } }, problem: 'damaged' },
		{ name: 'version 0', raw: 'p1;a=50.0', results: {}, problem: 'damaged' },
		{ name: 'duplicate id keeps the first', raw: 'p1;a=50.1;a=90.1*', results: { a: { best: 50, version: 1, passed: false } }, problem: 'damaged' },
		// Prototype pollution attempt: a plain id, stored as an own property.
		{ name: '__proto__ is not an id', raw: 'p1;__proto__=50.1', results: {}, problem: 'damaged' },
	];
	for (const c of decodeCases) {
		it(`decodes: ${c.name}`, () => {
			const d = decodeSuspendData(c.raw);
			expect(d.results).toEqual(c.results);
			expect(d.problem).toBe(c.problem);
		});
	}

	it('leaves out invalid results instead of writing them', () => {
		const { data, dropped } = encodeSuspendData({ ok: { best: 50, version: 1, passed: false }, bad: { best: 150, version: 1, passed: false }, 'Bad Id': { best: 1, version: 1, passed: false } });
		expect(data).toBe('p1;ok=50.1');
		expect(dropped.sort()).toEqual(['Bad Id', 'bad']);
	});

	it('never exceeds 4,096 characters: passed modules first, then the best scores', () => {
		const results: Record<string, { best: number; version: number; passed: boolean }> = {};
		for (let i = 0; i < 200; i += 1) {
			const id = `m${String(i).padStart(3, '0')}-${'x'.repeat(60)}`;
			results[id] = { best: i % 101, version: 1, passed: i % 2 === 0 && i % 101 >= 80 };
		}
		const { data, dropped } = encodeSuspendData(results);
		expect(data.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
		expect(dropped.length).toBeGreaterThan(0);
		const kept = decodeSuspendData(data).results;
		expect(Object.keys(kept).length + dropped.length).toBe(200);
		// Every passed module fits and is kept.
		for (const [id, r] of Object.entries(results)) if (r.passed) expect(kept[id]).toEqual(r);
		// Among the others, nothing kept scores lower than something dropped.
		const keptFailed = Object.values(kept).filter((r) => !r.passed).map((r) => r.best);
		const droppedBest = Math.max(...dropped.map((id) => results[id].best));
		expect(Math.min(...keptFailed)).toBeGreaterThanOrEqual(droppedBest);
	});

	it('fills up to the limit exactly when entries fit exactly', () => {
		// 'p1' + n entries of `;<id>=100.1*` (id of 80 chars → 88 chars each).
		const results: Record<string, { best: number; version: number; passed: boolean }> = {};
		for (let i = 0; i < 60; i += 1) results[`${String(i).padStart(2, '0')}${'a'.repeat(78)}`] = { best: 100, version: 1, passed: true };
		const max = 2 + 88 * 10;
		const { data, dropped } = encodeSuspendData(results, max);
		expect(data.length).toBe(max);
		expect(dropped).toHaveLength(50);
	});

	it('mergeResult keeps the best score and never undoes a pass', () => {
		expect(mergeResult(undefined, { best: 40, version: 1, passed: false })).toEqual({ best: 40, version: 1, passed: false });
		expect(mergeResult({ best: 90, version: 1, passed: true }, { best: 50, version: 2, passed: false })).toEqual({ best: 90, version: 1, passed: true });
		expect(mergeResult({ best: 50, version: 1, passed: false }, { best: 90, version: 2, passed: true })).toEqual({ best: 90, version: 2, passed: true });
	});
});
