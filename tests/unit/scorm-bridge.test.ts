import { describe, expect, it } from 'vitest';
import {
	DEFAULT_MASTERY,
	findApi,
	findApiFrom,
	lessonStatus,
	mergeStatus,
	openSession,
	parseMastery,
	scoreOf,
	ScormError,
	type Scorm12Api,
	type WindowLike,
} from '../../src/lib/scorm/bridge';
import { SUSPEND_DATA_MAX } from '../../src/lib/scorm/suspend-data';

/** A SCORM 1.2 runtime that records every call, with an initial cmi store. */
function fakeApi(initial: Record<string, string> = {}, options: { initResult?: string; initError?: string; refuse?: string[] } = {}) {
	const cmi: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted', 'cmi.core.entry': 'ab-initio', ...initial };
	const calls: string[] = [];
	let error = '0';
	const api: Scorm12Api = {
		LMSInitialize(arg) {
			calls.push(`LMSInitialize(${JSON.stringify(arg)})`);
			error = options.initError ?? '0';
			return options.initResult ?? 'true';
		},
		LMSFinish(arg) {
			calls.push(`LMSFinish(${JSON.stringify(arg)})`);
			return 'true';
		},
		LMSGetValue(el) {
			return cmi[el] ?? '';
		},
		LMSSetValue(el, value) {
			calls.push(`set ${el}=${value}`);
			if (options.refuse?.includes(el)) return 'false';
			cmi[el] = value;
			return 'true';
		},
		LMSCommit(arg) {
			calls.push(`LMSCommit(${JSON.stringify(arg)})`);
			return 'true';
		},
		LMSGetLastError() {
			return error;
		},
	};
	return { api, cmi, calls };
}

/** A chain of frames: chain[0] is the page, each next one its parent; the top is its own parent. */
function frames(depth: number, apiAt: number | null, api: unknown): WindowLike[] {
	const wins: WindowLike[] = Array.from({ length: depth + 1 }, () => ({}));
	wins.forEach((w, i) => {
		w.parent = wins[i + 1] ?? w;
	});
	if (apiAt !== null) wins[apiAt].API = api;
	return wins;
}

describe('findApi: the standard search through parents, then the opener', () => {
	const { api } = fakeApi();
	const cases: { name: string; depth: number; at: number | null; found: boolean }[] = [
		// The API on the page itself (a SCO launched in a new window that hosts it).
		{ name: 'on the window itself', depth: 0, at: 0, found: true },
		// Moodle: the SCO in an iframe of the player page.
		{ name: 'one parent up', depth: 1, at: 1, found: true },
		// Nested framesets: the standard climbs at most 7 parents.
		{ name: 'seven parents up (the limit)', depth: 9, at: 7, found: true },
		{ name: 'eight parents up (beyond the limit)', depth: 9, at: 8, found: false },
		{ name: 'nowhere', depth: 3, at: null, found: false },
	];
	for (const c of cases) {
		it(c.name, () => {
			const wins = frames(c.depth, c.at, api);
			expect(findApi(wins[0])).toBe(c.found ? api : null);
		});
	}

	it('falls back to the opener and its parents (SCO launched in a pop-up)', () => {
		const lms = frames(2, 2, api);
		const popup: WindowLike = { opener: lms[0] };
		popup.parent = popup;
		expect(findApi(popup)).toBe(api);
	});

	it('prefers the parents over the opener', () => {
		const other = fakeApi().api;
		const wins = frames(1, 1, api);
		wins[0].opener = { API: other };
		expect(findApi(wins[0])).toBe(api);
	});

	it('skips a cross-origin frame that throws and keeps climbing', () => {
		const top: WindowLike = { API: api };
		top.parent = top;
		const foreign = {
			get API(): unknown {
				throw new DOMException('Blocked a frame', 'SecurityError');
			},
			parent: top,
		};
		const page: WindowLike = { parent: foreign };
		expect(findApi(page)).toBe(api);
	});

	it('ignores an `API` that is not a SCORM 1.2 API (e.g. a SCORM 2004 one or another global)', () => {
		const wins = frames(1, 1, { Initialize() {}, Terminate() {} });
		expect(findApiFrom(wins[0])).toBeNull();
	});

	it('stops when a window has no parent property', () => {
		expect(findApiFrom({})).toBeNull();
	});
});

describe('openSession: initialise, report, commit, finish', () => {
	it('first launch: LMSInitialize(""), incomplete + location, LMSCommit("")', () => {
		const { api, calls } = fakeApi({ 'cmi.student_data.mastery_score': '80' });
		const s = openSession(api, { moduleIds: ['comprendre-ia'] });
		expect(calls).toEqual(['LMSInitialize("")', 'set cmi.core.lesson_status=incomplete', 'set cmi.core.lesson_location=comprendre-ia', 'LMSCommit("")']);
		expect(s.status()).toBe('incomplete');
		expect(s.resume.results).toEqual({});
	});

	it('a passed quiz: min, max, raw, status, location, suspend data, then one commit', () => {
		const { api, calls, cmi } = fakeApi({ 'cmi.student_data.mastery_score': '80' });
		const s = openSession(api, { moduleIds: ['comprendre-ia'] });
		calls.length = 0;
		expect(s.report('comprendre-ia', { best: 90, version: 2, passed: true })).toBe(true);
		expect(calls).toEqual([
			'set cmi.core.score.min=0',
			'set cmi.core.score.max=100',
			'set cmi.core.score.raw=90',
			'set cmi.core.lesson_status=passed',
			'set cmi.core.lesson_location=comprendre-ia',
			'set cmi.suspend_data=p1;comprendre-ia=90.2*',
			'LMSCommit("")',
		]);
		expect(cmi['cmi.core.lesson_status']).toBe('passed');
	});

	it('a failed quiz reports failed, a later pass reports passed, a worse attempt never downgrades', () => {
		const { api, cmi } = fakeApi({ 'cmi.student_data.mastery_score': '80' });
		const s = openSession(api, { moduleIds: ['m'] });
		s.report('m', { best: 60, version: 1, passed: false });
		expect([cmi['cmi.core.lesson_status'], cmi['cmi.core.score.raw']]).toEqual(['failed', '60']);
		s.report('m', { best: 100, version: 1, passed: true });
		expect([cmi['cmi.core.lesson_status'], cmi['cmi.core.score.raw']]).toEqual(['passed', '100']);
		// The page reports the best score; a stale lower one must not lower what the LMS holds.
		s.report('m', { best: 40, version: 1, passed: false });
		expect([cmi['cmi.core.lesson_status'], cmi['cmi.core.score.raw']]).toEqual(['passed', '100']);
	});

	it('uses the mastery score the LMS gives (a trainer may set 70)', () => {
		const { api, cmi } = fakeApi({ 'cmi.student_data.mastery_score': '70' });
		openSession(api, { moduleIds: ['m'] }).report('m', { best: 75, version: 1, passed: false });
		expect(cmi['cmi.core.lesson_status']).toBe('passed');
	});

	it('without a mastery score from the LMS, the manifest one (80) applies', () => {
		const { api, cmi } = fakeApi({ 'cmi.student_data.mastery_score': '' });
		const s = openSession(api, { moduleIds: ['m'] });
		expect(s.resume.mastery).toBe(DEFAULT_MASTERY);
		s.report('m', { best: 75, version: 1, passed: false });
		expect(cmi['cmi.core.lesson_status']).toBe('failed');
	});

	it('finish: exit=suspend then LMSFinish(""), once, and nothing after it', () => {
		const { api, calls } = fakeApi();
		const s = openSession(api, { moduleIds: ['m'] });
		calls.length = 0;
		s.finish();
		s.finish(); // pagehide then unload
		expect(calls).toEqual(['set cmi.core.exit=suspend', 'LMSFinish("")']);
		expect(s.report('m', { best: 100, version: 1, passed: true })).toBe(false);
		expect(calls).toHaveLength(2);
	});

	it('a refused LMSInitialize throws a ScormError with the LMS error code', () => {
		const { api } = fakeApi({}, { initResult: 'false', initError: '201' });
		expect(() => openSession(api, { moduleIds: ['m'] })).toThrow(ScormError);
		try {
			openSession(api, { moduleIds: ['m'] });
		} catch (e) {
			expect((e as ScormError).code).toBe('201');
		}
	});

	it('"already initialised" (101) leaves a usable session', () => {
		const { api } = fakeApi({}, { initResult: 'false', initError: '101' });
		expect(openSession(api, { moduleIds: ['m'] }).status()).toBe('incomplete');
	});

	it('report returns false when the LMS refuses a value, and still commits', () => {
		const { api, calls } = fakeApi({}, { refuse: ['cmi.suspend_data'] });
		const s = openSession(api, { moduleIds: ['m'] });
		expect(s.report('m', { best: 100, version: 1, passed: true })).toBe(false);
		expect(calls.at(-1)).toBe('LMSCommit("")');
	});

	it('refuses a module that is not in the SCO', () => {
		const { api } = fakeApi();
		expect(() => openSession(api, { moduleIds: ['m'] }).report('other', { best: 1, version: 1, passed: false })).toThrow(RangeError);
	});
});

describe('openSession: resume when reopened', () => {
	it('reads results from cmi.suspend_data and the location, and does not reset the status', () => {
		const { api, calls } = fakeApi({
			'cmi.core.lesson_status': 'passed',
			'cmi.core.lesson_location': 'm',
			'cmi.core.entry': 'resume',
			'cmi.suspend_data': 'p1;m=85.3*',
			'cmi.core.score.raw': '85',
		});
		const s = openSession(api, { moduleIds: ['m'], versions: { m: 3 } });
		expect(s.resume).toMatchObject({ location: 'm', status: 'passed', entry: 'resume', results: { m: { best: 85, version: 3, passed: true } } });
		expect(s.status()).toBe('passed');
		expect(calls).toEqual(['LMSInitialize("")', 'LMSCommit("")']);
	});

	it('keeps earlier results when a new attempt is lower', () => {
		const { api, cmi } = fakeApi({ 'cmi.core.lesson_status': 'passed', 'cmi.suspend_data': 'p1;m=85.1*', 'cmi.student_data.mastery_score': '80' });
		openSession(api, { moduleIds: ['m'] }).report('m', { best: 50, version: 1, passed: false });
		expect(cmi['cmi.suspend_data']).toBe('p1;m=85.1*');
		expect(cmi['cmi.core.score.raw']).toBe('85');
	});

	it('falls back to the score the LMS kept when the suspend data is gone', () => {
		const { api } = fakeApi({ 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '60', 'cmi.suspend_data': '' });
		expect(openSession(api, { moduleIds: ['m'], versions: { m: 2 } }).resume.results).toEqual({ m: { best: 60, version: 2, passed: false } });
	});

	it('flags suspend data written by another tool, and starts from nothing rather than misreading it', () => {
		const { api } = fakeApi({ 'cmi.suspend_data': 'viewed=1,2,3|lastviewedslide=3' });
		const s = openSession(api, { moduleIds: ['m'] });
		expect(s.resume.problem).toBe('unknown');
		expect(s.resume.results).toEqual({});
	});

	it('writes suspend data within SCORM 1.2 limit even for a SCO with many modules', () => {
		const ids = Array.from({ length: 120 }, (_, i) => `${'module-au-nom-vraiment-tres-long-'.repeat(2)}${i}`);
		const { api, cmi } = fakeApi();
		const s = openSession(api, { moduleIds: ids });
		for (const id of ids) s.report(id, { best: 90, version: 1, passed: true });
		expect(cmi['cmi.suspend_data'].length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
		expect(cmi['cmi.suspend_data'].length).toBeGreaterThan(SUSPEND_DATA_MAX - 80);
	});
});

describe('status and score rules', () => {
	const cases: { name: string; results: Record<string, { best: number; version: number; passed: boolean }>; ids: string[]; mastery: number | null; status: string; score: number | null }[] = [
		// Nothing tried yet.
		{ name: 'no attempt', results: {}, ids: ['a'], mastery: 80, status: 'incomplete', score: null },
		// Exactly the mastery score passes (≥, as the quiz does).
		{ name: 'at the mastery score', results: { a: { best: 80, version: 1, passed: true } }, ids: ['a'], mastery: 80, status: 'passed', score: 80 },
		{ name: 'below it', results: { a: { best: 79, version: 1, passed: false } }, ids: ['a'], mastery: 80, status: 'failed', score: 79 },
		// Several modules in one SCO: passed only when all are; the score is the weakest one.
		{ name: 'two modules, one missing', results: { a: { best: 100, version: 1, passed: true } }, ids: ['a', 'b'], mastery: 80, status: 'incomplete', score: 0 },
		{ name: 'two modules, one weak', results: { a: { best: 100, version: 1, passed: true }, b: { best: 60, version: 1, passed: false } }, ids: ['a', 'b'], mastery: 80, status: 'failed', score: 60 },
		// No mastery score at all: completed/incomplete, as SCORM 1.2 asks.
		{ name: 'no mastery, passed quiz', results: { a: { best: 90, version: 1, passed: true } }, ids: ['a'], mastery: null, status: 'completed', score: 90 },
		{ name: 'no mastery, failed quiz', results: { a: { best: 50, version: 1, passed: false } }, ids: ['a'], mastery: null, status: 'incomplete', score: 50 },
	];
	for (const c of cases) {
		it(c.name, () => {
			expect(lessonStatus(c.results, c.ids, c.mastery)).toBe(c.status);
			expect(scoreOf(c.results, c.ids)).toBe(c.score);
		});
	}

	it('mergeStatus never downgrades', () => {
		expect(mergeStatus('passed', 'failed')).toBe('passed');
		expect(mergeStatus('completed', 'incomplete')).toBe('completed');
		expect(mergeStatus('failed', 'passed')).toBe('passed');
		expect(mergeStatus('not attempted', 'incomplete')).toBe('incomplete');
		// An unknown value from the LMS is replaced.
		expect(mergeStatus('weird', 'incomplete')).toBe('incomplete');
	});

	it('parseMastery', () => {
		expect([parseMastery(''), parseMastery('80'), parseMastery('72.5'), parseMastery('abc'), parseMastery('120')]).toEqual([null, 80, 72.5, null, null]);
	});
});
