/**
 * Progress model: reading stored data (bad parts dropped one by one), migration from the v1
 * prototype, the pure transitions, merging and track summaries.
 */
import { describe, expect, it } from 'vitest';
import {
	emptyState,
	getEntry,
	isEarnedOnEarlierVersion,
	isIsoDate,
	mergeStates,
	migrate,
	parseStoredState,
	readSetAside,
	recordAttempt,
	recordVisit,
	setProfile,
	trackProgress,
	UNKNOWN_DATE,
	type ModuleProgress,
	type ProgressState,
} from '../../src/lib/progress/model';

const D1 = '2026-11-01';
const D2 = '2026-11-15';
const D3 = '2026-11-28';

/** A module entry with defaults. */
function entry(over: Partial<ModuleProgress> = {}): ModuleProgress {
	return { status: 'started', best: 0, attempts: 0, lastVisit: D1, version: 1, ...over };
}

/** A state holding the given modules. */
function stateWith(modules: Record<string, ModuleProgress>, over: Partial<ProgressState> = {}): ProgressState {
	return { ...emptyState(), ...over, modules };
}

/** Freezes deeply, so a transition that mutates its input throws. */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const v of Object.values(value)) deepFreeze(v);
		Object.freeze(value);
	}
	return value;
}

describe('isIsoDate', () => {
	it.each([
		// a normal date
		['2026-11-28', true],
		// leap day of a leap year
		['2024-02-29', true],
		// leap day of a common year
		['2026-02-29', false],
		// day 31 of a 30-day month
		['2026-04-31', false],
		// month 13
		['2026-13-01', false],
		// wrong format
		['28/11/2026', false],
		// a timestamp is not a date
		['2026-11-28T10:00:00Z', false],
		// before 1970
		['1969-12-31', false],
		// not a string
		[20261128, false],
	])('%s → %s', (value, expected) => {
		expect(isIsoDate(value)).toBe(expected);
	});
});

describe('parseStoredState', () => {
	const valid = stateWith({ 'module-a': entry({ status: 'completed', best: 90, attempts: 2, completedOn: D1, missed: ['q2'] }) }, { profile: 'infirmier', setting: 'bloc' });

	const cases: Array<[string, unknown, ProgressState, 'corrupt' | 'future' | undefined]> = [
		// nothing stored yet
		['undefined', undefined, emptyState(), undefined],
		// JSON "null"
		['null', null, emptyState(), undefined],
		// a valid v2 state comes back unchanged
		['valid v2', valid, valid, undefined],
		// a string, a number, an array: not a state
		['a string', 'hello', emptyState(), 'corrupt'],
		['a number', 42, emptyState(), 'corrupt'],
		['an array', [valid], emptyState(), 'corrupt'],
		// an object without any version field
		['no version', { modules: {} }, emptyState(), 'corrupt'],
		// v as a string is not v2
		['v as string', { ...valid, v: '2' }, emptyState(), 'corrupt'],
		// written by a newer site: set aside, not misread
		['future v3', { ...valid, v: 3 }, emptyState(), 'future'],
		// one bad entry is dropped, the good one kept
		[
			'one entry out of range',
			{ ...valid, modules: { ...valid.modules, 'module-b': entry({ best: 101 }) } },
			valid,
			'corrupt',
		],
		// a bad module id is dropped
		['bad module id', { ...valid, modules: { ...valid.modules, 'Module B!': entry() } }, valid, 'corrupt'],
		// a wrong optional field is dropped, its entry kept
		[
			'bad missed list',
			{ ...valid, modules: { 'module-a': { ...valid.modules['module-a'], missed: ['<b>'] } } },
			stateWith({ 'module-a': entry({ status: 'completed', best: 90, attempts: 2, completedOn: D1 }) }, { profile: 'infirmier', setting: 'bloc' }),
			'corrupt',
		],
		// a completion date on a started module is dropped
		[
			'completedOn on a started module',
			{ ...emptyState(), modules: { m: entry({ completedOn: D1 }) } },
			stateWith({ m: entry() }),
			'corrupt',
		],
		// an impossible date drops the entry
		['impossible lastVisit', { ...emptyState(), modules: { m: entry({ lastVisit: '2026-02-30' }) } }, emptyState(), 'corrupt'],
		// an unknown profile becomes null, the rest is kept
		['unknown profile', { ...valid, profile: 'chirurgien' }, { ...valid, profile: null }, 'corrupt'],
		// modules not an object
		['modules is an array', { ...emptyState(), modules: [] }, emptyState(), 'corrupt'],
		// extra fields (from a later v2 revision) are ignored quietly
		['extra fields ignored', { ...valid, theme: 'dark' }, valid, undefined],
	];
	it.each(cases)('%s', (_name, raw, state, problem) => {
		const r = parseStoredState(raw);
		expect(r.state).toEqual(state);
		expect(r.problem).toBe(problem);
	});

	// Issue 16 item 4: a completed entry with one bad field used to be dropped whole, losing the
	// completion from the dashboard and the attestation. It is now kept, the field repaired,
	// and still reported as corrupt (so the store sets the raw value aside).
	const done = entry({ status: 'completed', best: 90, attempts: 2, lastVisit: D2, completedOn: D1, version: 3, missed: ['q2'] });
	it.each<[string, Record<string, unknown>, Partial<ModuleProgress>]>([
		['attempts "x"', { attempts: 'x' }, { attempts: 1 }],
		['attempts -1', { attempts: -1 }, { attempts: 1 }],
		['best "x"', { best: 'x' }, { best: 0 }],
		['best 101', { best: 101 }, { best: 0 }],
		['lastVisit "2026-02-30"', { lastVisit: '2026-02-30' }, { lastVisit: D1 }],
		['lastVisit missing', { lastVisit: undefined }, { lastVisit: D1 }],
		['version 0', { version: 0 }, { version: 1 }],
		['missed with a bad id', { missed: ['q2', '<b>', 'q7'] }, { missed: ['q2', 'q7'] }],
		['completedOn "hier"', { completedOn: 'hier' }, { completedOn: undefined, lastVisit: D2 }],
	])('a stored completed entry with %s keeps its completion', (_name, patch, fixed) => {
		const raw = { ...emptyState(), modules: { 'module-a': { ...done, ...patch }, 'module-b': entry() } };
		const r = parseStoredState(JSON.parse(JSON.stringify(raw)));
		expect(r.problem).toBe('corrupt');
		const expected: Record<string, unknown> = { ...done, ...fixed };
		for (const k of Object.keys(expected)) if (expected[k] === undefined) delete expected[k];
		expect(getEntry(r.state, 'module-a')).toEqual(expected);
		expect(getEntry(r.state, 'module-b')).toEqual(entry());
		expect(trackProgress(r.state, ['module-a', 'module-b'], {}).done).toBe(1);
	});

	it('a completed entry with a bad lastVisit and no completion date gets the unknown date', () => {
		const r = parseStoredState({ ...emptyState(), modules: { m: { status: 'completed', best: 80, attempts: 1, lastVisit: 42, version: 1 } } });
		expect(r.problem).toBe('corrupt');
		expect(getEntry(r.state, 'm')).toEqual({ status: 'completed', best: 80, attempts: 1, lastVisit: UNKNOWN_DATE, version: 1 });
	});

	// Issue 16 item 3: dates after today (a clock once ahead) are neither refused nor dropped.
	it('stored dates ahead of today are kept as they are, without a problem', () => {
		const ahead = stateWith({ m: entry({ status: 'completed', best: 90, attempts: 1, lastVisit: '2026-12-18', completedOn: '2026-12-18' }) });
		expect(parseStoredState(JSON.parse(JSON.stringify(ahead)))).toEqual({ state: ahead });
	});

	it('drops an own "__proto__" key from JSON.parse without touching any prototype', () => {
		const raw = JSON.parse('{"v":2,"profile":null,"setting":null,"modules":{"__proto__":{"polluted":true},"m":{"status":"started","best":0,"attempts":0,"lastVisit":"2026-11-01","version":1}}}');
		const r = parseStoredState(raw);
		expect(r.problem).toBe('corrupt');
		expect(Object.keys(r.state.modules)).toEqual(['m']);
		expect(Object.getPrototypeOf(r.state.modules)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('never throws, even on a getter that throws', () => {
		const hostile = { v: 2, get modules(): never { throw new Error('boom'); } };
		expect(parseStoredState(hostile)).toEqual({ state: emptyState(), problem: 'corrupt' });
	});
});

describe('migrate from v1', () => {
	const cases: Array<[string, unknown, ProgressState, 'corrupt' | undefined]> = [
		// completed with a score, a started one with a score only, the save date used for visits
		[
			'completed and started modules',
			{ version: 1, completed: ['module-a'], scores: { 'module-a': 90, 'module-b': 40 }, profile: 'liberal', updated: D2 },
			stateWith(
				{
					'module-a': { status: 'completed', best: 90, attempts: 1, lastVisit: D2, version: 1 },
					'module-b': { status: 'started', best: 40, attempts: 1, lastVisit: D2, version: 1 },
				},
				{ profile: 'liberal' },
			),
			undefined,
		],
		// completed without a score: best 0, never an invented score; no date: UNKNOWN_DATE
		[
			'completed without score or date',
			{ version: 1, completed: ['module-a'], scores: {} },
			stateWith({ 'module-a': { status: 'completed', best: 0, attempts: 1, lastVisit: UNKNOWN_DATE, version: 1 } }),
			undefined,
		],
		// a fractional v1 score is rounded down
		[
			'fractional score',
			{ version: 1, completed: [], scores: { m: 79.9 } },
			stateWith({ m: { status: 'started', best: 79, attempts: 1, lastVisit: UNKNOWN_DATE, version: 1 } }),
			undefined,
		],
		// bad parts dropped one by one: a bad id, a bad score, an unknown profile
		[
			'bad parts dropped',
			{ version: 1, completed: ['ok', '<img>'], scores: { ok: 'lots', other: 55, bad: -3 }, profile: 'sorcier' },
			stateWith({
				ok: { status: 'completed', best: 0, attempts: 1, lastVisit: UNKNOWN_DATE, version: 1 },
				other: { status: 'started', best: 55, attempts: 1, lastVisit: UNKNOWN_DATE, version: 1 },
			}),
			'corrupt',
		],
		// an empty v1 object migrates to the empty state
		['empty v1', { version: 1 }, emptyState(), undefined],
	];
	it.each(cases)('%s', (_name, raw, state, problem) => {
		const r = migrate(raw);
		expect(r.state).toEqual(state);
		expect(r.problem).toBe(problem);
		// parseStoredState takes the same path
		expect(parseStoredState(raw)).toEqual(r);
	});

	it('a module changed since v1 is flagged, not lost', () => {
		const { state } = migrate({ version: 1, completed: ['m'], scores: { m: 85 } });
		const e = getEntry(state, 'm');
		expect(e?.status).toBe('completed');
		expect(isEarnedOnEarlierVersion(e, 3)).toBe(true);
		expect(isEarnedOnEarlierVersion(e, 1)).toBe(false);
	});
});

describe('recordVisit', () => {
	it.each<[string, ProgressState, string, number, string, ProgressState]>([
		// first visit creates a started entry
		['first visit', emptyState(), 'm', 2, D1, stateWith({ m: entry({ version: 2 }) })],
		// a later visit only moves lastVisit (version and best untouched)
		['later visit', stateWith({ m: entry({ best: 60, attempts: 1 }) }), 'm', 3, D2, stateWith({ m: entry({ best: 60, attempts: 1, lastVisit: D2 }) })],
		// a visit to a completed module keeps it completed
		[
			'completed stays completed',
			stateWith({ m: entry({ status: 'completed', best: 100, completedOn: D1 }) }),
			'm',
			1,
			D3,
			stateWith({ m: entry({ status: 'completed', best: 100, completedOn: D1, lastVisit: D3 }) }),
		],
		// an invalid module id changes nothing
		['invalid id', emptyState(), '<script>', 1, D1, emptyState()],
	])('%s', (_name, state, id, version, today, expected) => {
		expect(recordVisit(deepFreeze(state), id, version, today)).toEqual(expected);
	});

	it('returns the same object when nothing changes (no write needed)', () => {
		const s = stateWith({ m: entry({ lastVisit: D2 }) });
		expect(recordVisit(s, 'm', 1, D2)).toBe(s);
	});

	it('refuses an invalid date rather than storing it', () => {
		expect(() => recordVisit(emptyState(), 'm', 1, '28/11/2026')).toThrow(RangeError);
	});
});

describe('recordAttempt', () => {
	type Result = { percent: number; passed: boolean; missed?: string[] };
	it.each<[string, ProgressState, number, Result, ModuleProgress]>([
		// first attempt, failed: started, best kept, missed recorded
		['first attempt failed', emptyState(), 1, { percent: 40, passed: false, missed: ['q1', 'q3'] }, entry({ best: 40, attempts: 1, lastVisit: D2, missed: ['q1', 'q3'] })],
		// first attempt passed: completed today, on this version
		['first attempt passed', emptyState(), 2, { percent: 80, passed: true, missed: ['q5'] }, entry({ status: 'completed', best: 80, attempts: 1, lastVisit: D2, completedOn: D2, version: 2, missed: ['q5'] })],
		// a failed attempt never un-completes, and keeps the best and its version
		[
			'failed after completion',
			stateWith({ m: entry({ status: 'completed', best: 90, attempts: 1, completedOn: D1 }) }),
			2,
			{ percent: 20, passed: false, missed: ['q1'] },
			entry({ status: 'completed', best: 90, attempts: 2, lastVisit: D2, completedOn: D1, version: 1, missed: ['q1'] }),
		],
		// an improved best moves the version to the current one
		[
			'improved best on a newer version',
			stateWith({ m: entry({ status: 'completed', best: 80, attempts: 1, completedOn: D1 }) }),
			2,
			{ percent: 100, passed: true, missed: [] },
			entry({ status: 'completed', best: 100, attempts: 2, lastVisit: D2, completedOn: D1, version: 2 }),
		],
		// passing again without improving leaves the earlier version (still flagged)
		[
			'pass without improvement',
			stateWith({ m: entry({ status: 'completed', best: 100, attempts: 1, completedOn: D1 }) }),
			2,
			{ percent: 80, passed: true },
			entry({ status: 'completed', best: 100, attempts: 2, lastVisit: D2, completedOn: D1, version: 1 }),
		],
		// first completion without a better score (best came from elsewhere) still moves the version
		[
			'first completion, no improvement',
			stateWith({ m: entry({ best: 90, attempts: 3 }) }),
			4,
			{ percent: 85, passed: true },
			entry({ status: 'completed', best: 90, attempts: 4, lastVisit: D2, completedOn: D2, version: 4 }),
		],
		// a started module failing again on a newer version without improving keeps its version
		['fail, no improvement', stateWith({ m: entry({ best: 60, attempts: 1 }) }), 2, { percent: 40, passed: false }, entry({ best: 60, attempts: 2, lastVisit: D2, version: 1 })],
		// visited on version 1, first attempt (0 %) on version 2: no earlier result to flag
		['first attempt after a visit', stateWith({ m: entry({ version: 1 }) }), 2, { percent: 0, passed: false }, entry({ attempts: 1, lastVisit: D2, version: 2 })],
		// attempts stop at 10 000
		['attempts capped', stateWith({ m: entry({ attempts: 10_000 }) }), 1, { percent: 0, passed: false }, entry({ attempts: 10_000, lastVisit: D2 })],
		// an out-of-range percent is clamped, a fraction rounded down
		['percent clamped', emptyState(), 1, { percent: 140.5, passed: false }, entry({ best: 100, attempts: 1, lastVisit: D2 })],
		['percent NaN', emptyState(), 1, { percent: Number.NaN, passed: false }, entry({ attempts: 1, lastVisit: D2 })],
		// missed: deduped, invalid ids dropped, at most 50
		[
			'missed cleaned',
			emptyState(),
			1,
			{ percent: 0, passed: false, missed: ['q1', 'q1', '<b>', ...Array.from({ length: 60 }, (_, i) => `x${i}`)] },
			entry({ attempts: 1, lastVisit: D2, missed: ['q1', ...Array.from({ length: 49 }, (_, i) => `x${i}`)] }),
		],
	])('%s', (_name, state, version, result, expected) => {
		const next = recordAttempt(deepFreeze(state), 'm', version, result, D2);
		expect(getEntry(next, 'm')).toEqual(expected);
	});

	it('ignores an invalid module id', () => {
		const s = emptyState();
		expect(recordAttempt(s, 'Bad Id', 1, { percent: 100, passed: true }, D2)).toBe(s);
	});
});

describe('setProfile', () => {
	it.each<[string, Parameters<typeof setProfile>[1], Parameters<typeof setProfile>[2], Pick<ProgressState, 'profile' | 'setting'>]>([
		// a nurse with a setting
		['nurse in EHPAD', 'infirmier', 'ehpad', { profile: 'infirmier', setting: 'ehpad' }],
		// back to no profile
		['cleared', null, null, { profile: null, setting: null }],
		// unknown values (from untyped callers) become null
		['unknown values', 'pirate' as never, 'lune' as never, { profile: null, setting: null }],
	])('%s', (_name, profile, setting, expected) => {
		expect(setProfile(deepFreeze(emptyState()), profile, setting)).toMatchObject(expected);
	});
});

describe('mergeStates', () => {
	it.each<[string, ModuleProgress, ModuleProgress, ModuleProgress]>([
		// completed beats started even with a lower best; attempts max; dates combined
		[
			'completed beats started',
			entry({ status: 'started', best: 70, attempts: 5, lastVisit: D3 }),
			entry({ status: 'completed', best: 80, attempts: 1, lastVisit: D1, completedOn: D1, version: 2 }),
			entry({ status: 'completed', best: 80, attempts: 5, lastVisit: D3, completedOn: D1, version: 2 }),
		],
		// both completed: the higher best with its version and missed; earliest completion
		[
			'higher best wins',
			entry({ status: 'completed', best: 80, attempts: 2, lastVisit: D2, completedOn: D2, version: 1, missed: ['q1'] }),
			entry({ status: 'completed', best: 100, attempts: 1, lastVisit: D3, completedOn: D3, version: 3 }),
			entry({ status: 'completed', best: 100, attempts: 2, lastVisit: D3, completedOn: D2, version: 3 }),
		],
		// a tie keeps the first state's entry
		[
			'tie keeps a',
			entry({ best: 50, version: 1, missed: ['q2'] }),
			entry({ best: 50, version: 2, lastVisit: D2 }),
			entry({ best: 50, version: 1, lastVisit: D2, missed: ['q2'] }),
		],
	])('%s', (_name, a, b, expected) => {
		const merged = mergeStates(deepFreeze(stateWith({ m: a })), deepFreeze(stateWith({ m: b })));
		expect(getEntry(merged, 'm')).toEqual(expected);
		// the winner is the same whichever side it comes from (except on ties)
		if (_name !== 'tie keeps a') expect(getEntry(mergeStates(stateWith({ m: b }), stateWith({ m: a })), 'm')).toEqual(expected);
	});

	it('keeps the modules of both sides', () => {
		const merged = mergeStates(stateWith({ a: entry() }), stateWith({ b: entry({ best: 10 }) }));
		expect(Object.keys(merged.modules).sort()).toEqual(['a', 'b']);
	});

	it('is idempotent', () => {
		const s = stateWith({ a: entry({ status: 'completed', best: 90, completedOn: D1 }), b: entry({ best: 20 }) }, { profile: 'decideur' });
		expect(mergeStates(s, s)).toEqual(s);
	});

	it.each<[string, Partial<ProgressState>, Partial<ProgressState>, Pick<ProgressState, 'profile' | 'setting'>]>([
		// this device's profile wins
		['a has a profile', { profile: 'liberal' }, { profile: 'infirmier', setting: 'bloc' }, { profile: 'liberal', setting: null }],
		// no profile here: take the imported one with its setting
		['a has none', {}, { profile: 'infirmier', setting: 'bloc' }, { profile: 'infirmier', setting: 'bloc' }],
		// same profile, setting only on the other side
		['same profile, setting from b', { profile: 'infirmier' }, { profile: 'infirmier', setting: 'ehpad' }, { profile: 'infirmier', setting: 'ehpad' }],
	])('profile: %s', (_name, a, b, expected) => {
		expect(mergeStates(stateWith({}, a), stateWith({}, b))).toMatchObject(expected);
	});
});

describe('isEarnedOnEarlierVersion', () => {
	it.each<[string, ModuleProgress | undefined, number, boolean]>([
		// earned on the current version
		['same version', entry({ version: 2 }), 2, false],
		// the module changed since
		['earlier version', entry({ version: 1 }), 2, true],
		// earned on a newer deployment than this one: not "earlier"
		['newer version', entry({ version: 3 }), 2, false],
		// no entry, nothing to flag
		['no entry', undefined, 2, false],
	])('%s', (_name, e, current, expected) => {
		expect(isEarnedOnEarlierVersion(e, current)).toBe(expected);
	});
});

describe('trackProgress', () => {
	const minutes = { a: 10, b: 12, c: 8, d: 15 };
	it.each<[string, ProgressState, string[], ReturnType<typeof trackProgress>]>([
		// nothing done: next is the first module
		['fresh', emptyState(), ['a', 'b', 'c'], { done: 0, total: 3, percent: 0, minutesLeft: 30, nextModuleId: 'a' }],
		// next is the first not completed in track order, even if a later one is completed
		[
			'gap in the track',
			stateWith({ a: entry({ status: 'completed' }), c: entry({ status: 'completed' }), b: entry({ best: 50 }) }),
			['a', 'b', 'c', 'd'],
			{ done: 2, total: 4, percent: 50, minutesLeft: 27, nextModuleId: 'b' },
		],
		// all done
		[
			'all done',
			stateWith({ a: entry({ status: 'completed' }), b: entry({ status: 'completed', version: 1 }) }),
			['a', 'b'],
			{ done: 2, total: 2, percent: 100, minutesLeft: 0, nextModuleId: null },
		],
		// 1 of 3 is 33, 2 of 3 is 67 (rounded to the nearest)
		['rounding', stateWith({ a: entry({ status: 'completed' }) }), ['a', 'b', 'c'], { done: 1, total: 3, percent: 33, minutesLeft: 20, nextModuleId: 'b' }],
		['rounding up', stateWith({ a: entry({ status: 'completed' }), b: entry({ status: 'completed' }) }), ['a', 'b', 'c'], { done: 2, total: 3, percent: 67, minutesLeft: 8, nextModuleId: 'c' }],
		// an empty track
		['empty track', emptyState(), [], { done: 0, total: 0, percent: 0, minutesLeft: 0, nextModuleId: null }],
		// a module without declared minutes counts 0 minutes
		['unknown minutes', emptyState(), ['zz'], { done: 0, total: 1, percent: 0, minutesLeft: 0, nextModuleId: 'zz' }],
	])('%s', (_name, state, ids, expected) => {
		expect(trackProgress(state, ids, minutes)).toEqual(expected);
		// The pages build their minutes as a Map: the same result (bug: "environ 0 min restantes").
		expect(trackProgress(state, ids, new Map(Object.entries(minutes)))).toEqual(expected);
	});
});

describe('readSetAside (restoring a set-aside copy, issue 16 item 4)', () => {
	it('recovers the readable part of a damaged copy, completed entry repaired', () => {
		const raw = JSON.stringify({ v: 2, profile: 'infirmier', setting: null, modules: { a: { status: 'completed', best: 90, attempts: 'x', lastVisit: D1, completedOn: D1, version: 1 }, b: { status: 'started', best: -1 } } });
		expect(readSetAside(raw)).toEqual(stateWith({ a: entry({ status: 'completed', best: 90, attempts: 1, completedOn: D1 }) }, { profile: 'infirmier' }));
	});
	it.each([
		// not JSON
		['{"v":2,"modules":{'],
		// written by a newer site
		['{"v":7,"modules":{"a":{}}}'],
		// nothing readable
		['{"v":2,"modules":{"a":{"status":"x"}}}'],
	])('%s → null', (raw) => {
		expect(readSetAside(raw)).toBeNull();
	});
});
