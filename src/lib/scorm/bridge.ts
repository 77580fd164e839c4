/**
 * SCORM 1.2 bridge: finds the LMS's runtime API, opens the session, reports the quiz result
 * (status, score, location, resume data) and closes the session. Plain TypeScript: windows and
 * the API are passed in, nothing is read from `window` at import time, so it runs in node tests
 * against a fake API. Only package pages load it; with no API found it does nothing.
 *
 * ## What is written, and nothing else
 *
 * | element                     | value                                                           |
 * |-----------------------------|-----------------------------------------------------------------|
 * | `cmi.core.lesson_status`    | `incomplete` on first launch; `passed`/`failed` against the mastery score once the quiz is taken (`completed` when the LMS gives no mastery score and the quiz was passed); never downgraded |
 * | `cmi.core.score.min`/`max`  | 0 / 100                                                         |
 * | `cmi.core.score.raw`        | best quiz score (several modules in one SCO: the weakest one, so the LMS's own "raw ≥ mastery" check agrees with "every module passed") |
 * | `cmi.core.lesson_location`  | id of the module being taken                                    |
 * | `cmi.suspend_data`          | results per module, then the lesson state (step reached, check answers, case choice, quiz answers so far), see `suspend-data.ts` (≤ 4,096 characters) |
 * | `cmi.core.exit`             | `suspend`, so the LMS hands the data back at the next launch    |
 *
 * No interactions, no time, no learner data are sent; the only answers kept are the lesson
 * state's short codes (`b`, `a.c`), so that the package resumes where the learner left.
 *
 * ## Sequence
 *
 * `openSession`: `LMSInitialize("")`, read status, location, suspend data, score and mastery
 * score, set `incomplete` + location on a first launch and `LMSCommit("")`. `report` after each
 * quiz: set the elements above, then `LMSCommit("")`. `saveLesson` after each lesson action:
 * `cmi.suspend_data` and `cmi.core.lesson_location`, then `LMSCommit("")`. `finish` (pagehide/unload), once:
 * `cmi.core.exit`, then `LMSFinish("")`.
 */
import { decodeSuspendData, encodeSuspendData, mergeResult, SUSPEND_DATA_MAX, type ModuleResult, type ResumeLessons, type ResumeResults } from './suspend-data';
import type { LessonEntry } from '../lesson/state';

/** The SCORM 1.2 runtime API (RTE 3.3); every value is a string. */
export interface Scorm12Api {
	LMSInitialize(arg: string): string;
	LMSFinish(arg: string): string;
	LMSGetValue(element: string): string;
	LMSSetValue(element: string, value: string): string;
	LMSCommit(arg: string): string;
	LMSGetLastError(): string | number;
	LMSGetErrorString?(code: string | number): string;
}

/** The parts of a window the API search reads. Any of them may throw (cross-origin frames). */
export interface WindowLike {
	API?: unknown;
	parent?: WindowLike | null;
	opener?: WindowLike | null;
}

/** Most parent frames climbed from a window, as in ADL's reference algorithm. */
export const MAX_PARENT_HOPS = 7;

/** Mastery score written in the manifests and used when the LMS gives none. */
export const DEFAULT_MASTERY = 80;

export type LessonStatus = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';

const STATUSES: readonly string[] = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'];

function isApi(value: unknown): value is Scorm12Api {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'].every((k) => typeof v[k] === 'function');
}

function read<T>(get: () => T): T | undefined {
	try {
		return get();
	} catch {
		return undefined; // a cross-origin frame: not ours to read
	}
}

/** Looks for `API` on `win` and up to `maxHops` of its parents. */
export function findApiFrom(win: WindowLike | null | undefined, maxHops = MAX_PARENT_HOPS): Scorm12Api | null {
	let current = win;
	for (let hops = 0; current; hops += 1) {
		const here = current;
		const api = read(() => here.API);
		if (isApi(api)) return api;
		if (hops >= maxHops) return null;
		const parent = read(() => here.parent);
		if (!parent || parent === here) return null;
		current = parent;
	}
	return null;
}

/** The standard's search: the window and its parents, then the opener and its parents. */
export function findApi(win: WindowLike): Scorm12Api | null {
	const found = findApiFrom(win);
	if (found) return found;
	const opener = read(() => win.opener);
	return opener ? findApiFrom(opener) : null;
}

/** Rank of a status, to never report a worse one than the LMS already holds. */
function rank(status: string): number {
	switch (status) {
		case 'passed':
		case 'completed':
			return 3;
		case 'failed':
			return 2;
		case 'incomplete':
		case 'browsed':
			return 1;
		default:
			return 0;
	}
}

/**
 * The status of a SCO holding `moduleIds`. With a mastery score: passed when every module's best
 * reaches it, failed once every module was tried, incomplete before. Without one (the LMS gave
 * none): completed once every quiz was passed, incomplete before.
 */
export function lessonStatus(results: Readonly<ResumeResults>, moduleIds: readonly string[], mastery: number | null): LessonStatus {
	const own = moduleIds.map((id) => (Object.hasOwn(results, id) ? results[id] : undefined));
	if (mastery === null) return own.every((r) => r?.passed) ? 'completed' : 'incomplete';
	if (own.every((r) => r && r.best >= mastery)) return 'passed';
	return own.every((r) => r) ? 'failed' : 'incomplete';
}

/** The score reported for `moduleIds`: the weakest best score; null before any attempt. */
export function scoreOf(results: Readonly<ResumeResults>, moduleIds: readonly string[]): number | null {
	const own = moduleIds.map((id) => (Object.hasOwn(results, id) ? results[id] : undefined));
	if (own.every((r) => !r)) return null;
	return Math.min(...own.map((r) => r?.best ?? 0));
}

/** Keeps the better of the LMS's status and ours. */
export function mergeStatus(current: string, next: LessonStatus): LessonStatus {
	return rank(next) >= rank(current) || !STATUSES.includes(current) ? next : (current as LessonStatus);
}

/** Reads `cmi.student_data.mastery_score`: a number 0–100, or null when the LMS gives none. */
export function parseMastery(raw: string): number | null {
	if (raw.trim() === '') return null;
	const n = Number(raw);
	return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

export interface SessionOptions {
	/** Modules this SCO holds (one for every package built here). */
	moduleIds: readonly string[];
	/** Current content version of each module (defaults to 1). */
	versions?: Readonly<Record<string, number>>;
}

/** What the LMS gave back at launch. */
export interface ResumeState {
	/** Results per module (from suspend data, else from a score the LMS kept). */
	results: ResumeResults;
	/** Lesson state per module (step, answers, case choice, quiz so far), {} when none. */
	lessons: ResumeLessons;
	/** `cmi.core.lesson_location` (a module id), '' when none. */
	location: string;
	/** `cmi.core.lesson_status` as the LMS had it. */
	status: string;
	/** `cmi.core.entry`: 'resume' when the learner comes back to a suspended attempt. */
	entry: string;
	/** Mastery score in force. */
	mastery: number | null;
	/** The suspend data was not ours or partly unreadable. */
	problem?: 'unknown' | 'damaged';
}

export interface ScormSession {
	readonly api: Scorm12Api;
	readonly resume: ResumeState;
	/** Current results (resume data plus this session's attempts). */
	results(): ResumeResults;
	/** Status last reported. */
	status(): LessonStatus;
	/** Records a quiz result and commits; returns false when the LMS refused a value. */
	report(moduleId: string, result: ModuleResult): boolean;
	/**
	 * Keeps a lesson's state (or forgets it, with null) in the suspend data and commits; false
	 * when the LMS refused a value or the state did not fit in the 4,096 characters.
	 */
	saveLesson(moduleId: string, entry: LessonEntry | null): boolean;
	/** Current lesson states. */
	lessons(): ResumeLessons;
	/** Ends the session (once): `cmi.core.exit` then `LMSFinish("")`. */
	finish(): void;
	readonly finished: boolean;
}

export class ScormError extends Error {
	/** The LMS's error code (`LMSGetLastError`). */
	readonly code: string;
	constructor(message: string, code: string) {
		super(message);
		this.name = 'ScormError';
		this.code = code;
	}
}

function lastError(api: Scorm12Api): string {
	try {
		return String(api.LMSGetLastError() ?? '0');
	} catch {
		return '0';
	}
}

/**
 * Initialises the session and reads the resume data. Throws a `ScormError` when the LMS refuses
 * `LMSInitialize` (except "already initialised", error 101, which leaves a usable session).
 */
export function openSession(api: Scorm12Api, options: SessionOptions): ScormSession {
	const ids = [...options.moduleIds];
	if (ids.length === 0) throw new RangeError('A SCO holds at least one module');
	const init = String(api.LMSInitialize(''));
	if (init !== 'true') {
		const code = lastError(api);
		if (code !== '101') throw new ScormError(`LMSInitialize refused (error ${code})`, code);
	}
	const get = (el: string): string => {
		try {
			const v = api.LMSGetValue(el);
			return typeof v === 'string' ? v : v == null ? '' : String(v);
		} catch {
			return '';
		}
	};
	const status = get('cmi.core.lesson_status');
	const decoded = decodeSuspendData(get('cmi.suspend_data'));
	const results: ResumeResults = { ...decoded.results };
	const lessons: ResumeLessons = Object.fromEntries(Object.entries(decoded.lessons ?? {}).filter(([id]) => ids.includes(id)));
	const mastery = parseMastery(get('cmi.student_data.mastery_score')) ?? DEFAULT_MASTERY;
	// Suspend data lost but a score kept (older package, LMS reset): resume from the score.
	const raw = get('cmi.core.score.raw');
	if (ids.length === 1 && !Object.hasOwn(results, ids[0]) && raw.trim() !== '' && Number.isFinite(Number(raw))) {
		const best = Math.max(0, Math.min(100, Math.round(Number(raw))));
		results[ids[0]] = { best, version: options.versions?.[ids[0]] ?? 1, passed: status === 'passed' || status === 'completed' || best >= mastery };
	}
	const resume: ResumeState = {
		results: { ...results },
		lessons: { ...lessons },
		location: get('cmi.core.lesson_location'),
		status,
		entry: get('cmi.core.entry'),
		mastery,
		...(decoded.problem ? { problem: decoded.problem } : {}),
	};

	let current: LessonStatus = (STATUSES.includes(status) ? status : 'not attempted') as LessonStatus;
	let finished = false;

	const set = (el: string, value: string): boolean => {
		try {
			return String(api.LMSSetValue(el, value)) === 'true';
		} catch {
			return false;
		}
	};
	const commit = (): boolean => {
		try {
			return String(api.LMSCommit('')) === 'true';
		} catch {
			return false;
		}
	};

	// First launch: the learner has started. A location is set at once so the LMS can show where they are.
	if (rank(current) === 0) {
		current = 'incomplete';
		set('cmi.core.lesson_status', current);
	}
	if (!ids.includes(resume.location)) set('cmi.core.lesson_location', ids[0]);
	commit();

	const suspendData = () => encodeSuspendData(results, SUSPEND_DATA_MAX, lessons);

	return {
		api,
		resume,
		results: () => ({ ...results }),
		lessons: () => ({ ...lessons }),
		status: () => current,
		get finished() {
			return finished;
		},
		report(moduleId, result) {
			if (finished) return false;
			if (!ids.includes(moduleId)) throw new RangeError(`Module ${moduleId} is not part of this SCO`);
			results[moduleId] = mergeResult(Object.hasOwn(results, moduleId) ? results[moduleId] : undefined, result);
			current = mergeStatus(current, lessonStatus(results, ids, mastery));
			const score = scoreOf(results, ids);
			let ok = true;
			// min and max before raw: some LMSs check raw against them.
			ok = set('cmi.core.score.min', '0') && ok;
			ok = set('cmi.core.score.max', '100') && ok;
			if (score !== null) ok = set('cmi.core.score.raw', String(score)) && ok;
			ok = set('cmi.core.lesson_status', current) && ok;
			ok = set('cmi.core.lesson_location', moduleId) && ok;
			ok = set('cmi.suspend_data', suspendData().data) && ok;
			return commit() && ok;
		},
		saveLesson(moduleId, entry) {
			if (finished) return false;
			if (!ids.includes(moduleId)) throw new RangeError(`Module ${moduleId} is not part of this SCO`);
			if (entry) lessons[moduleId] = entry;
			else delete lessons[moduleId];
			const encoded = suspendData();
			let ok = !encoded.droppedLessons.includes(moduleId);
			ok = set('cmi.suspend_data', encoded.data) && ok;
			ok = set('cmi.core.lesson_location', moduleId) && ok;
			return commit() && ok;
		},
		finish() {
			if (finished) return;
			finished = true;
			set('cmi.core.exit', 'suspend');
			try {
				api.LMSFinish('');
			} catch {
				// the LMS frame may already be gone; nothing more can be done
			}
		},
	};
}
