/**
 * Learner progress: the versioned state kept in the browser and its pure transitions (state in,
 * new state out; inputs are never mutated). No storage, no DOM: see `store.ts` for persistence
 * and `transfer.ts` for export and import.
 *
 * ## Stored shape (version 2, current)
 *
 * ```ts
 * {
 *   v: 2,
 *   profile: 'infirmier' | … | null,      // chosen track, null until chosen
 *   setting: 'ehpad' | 'bloc' | 'service' | null,  // nurse setting, null when none
 *   modules: {
 *     'ia-generative-quotidien': {
 *       status: 'started' | 'completed',  // completed once a quiz attempt passed; never undone
 *       best: 85,                         // best quiz score, integer 0–100
 *       attempts: 2,                      // quiz attempts, integer 0–10 000
 *       lastVisit: '2026-11-28',          // last time the module page or quiz was used
 *       completedOn: '2026-11-20',        // first pass (absent while started, or unknown)
 *       version: 1,                       // content version the best score was earned on
 *       missed: ['q2', 'q5'],             // questions missed on the last attempt (≤ 50, optional)
 *     },
 *   },
 *   measures: { before: {…}, end: {…}, retention: {…} },  // optional, see `measures.ts` (issue 17)
 * }
 * ```
 *
 * Module ids and question ids are slugs (`^[a-z0-9-]{1,80}$`). Read entries with `getEntry`:
 * `modules` is a plain object, so `modules['constructor']` would otherwise reach
 * Object.prototype.
 *
 * ## Content versions
 *
 * Authors bump a module's `version` when its quiz or substance changes. A result earned on an
 * earlier version is kept as it is (status, best, dates) and flagged by
 * `isEarnedOnEarlierVersion`, so the UI can say "obtenu sur une version précédente" and invite a
 * new attempt; it is never dropped, and never presented as a result on the current version.
 * `version` moves only when the best score improves or the module is first completed.
 *
 * ## Migration cases (`parseStoredState`, `migrate`)
 *
 * - Nothing stored (undefined or null): the empty state, no problem.
 * - Version 1, the early prototype (kept under `…:progress:v1`):
 *   `{ version: 1, completed: string[], scores: Record<id, number>, profile?: string, updated?: 'YYYY-MM-DD' }`.
 *   Each id in `completed` becomes a completed entry, each other id in `scores` a started one.
 *   `best` is the v1 score (0 when unknown: a score is never invented), `attempts` is 1 (v1 did
 *   not count them, but every v1 entry came from at least one attempt), `version` is 1 (content
 *   versions start at 1, so a module changed since is flagged, not misapplied), `lastVisit` is
 *   `updated` or UNKNOWN_DATE, `completedOn` is left out (v1 did not record it). A v1 profile
 *   is kept when it is still a known profile; v1 had no setting.
 * - Version 2: validated entry by entry (`checkEntry`). A completed entry is never dropped for
 *   one bad field: the field is repaired to a safe default and the completion kept. A started
 *   entry with a wrong required field, or any entry with a wrong id or status, is dropped alone
 *   and the rest kept; optional fields that are wrong (`missed`, `completedOn`) are dropped (or
 *   cut to their valid ids) and their entry kept. `measures` was added later without a version
 *   change: a stored v2 value without it (the format before issue 17) reads as before, with no
 *   measure; an unusable point of it is dropped alone (see `measures.ts`). Dates after today are kept as they are (a
 *   clock once ahead must not lose a result). Any repair or drop reports `problem: 'corrupt'` so
 *   the store sets the raw value aside.
 * - A version above 2 (written by a newer site): `problem: 'future'`, the empty state in its
 *   place; the store sets the raw value aside rather than reading it wrongly.
 * - Anything else (not an object, no version, unknown shape): `problem: 'corrupt'`.
 */
import { PROFILES, SETTINGS, type Profile, type Setting } from '../taxonomy';
import { percentOf } from '../format';
import { mergeMeasures, parseMeasures, type Measures } from './measures';

/** Current schema version of the progress state. */
export const PROGRESS_VERSION = 2;

/** Date recorded when the real one is unknown (entries migrated from v1 without `updated`). */
export const UNKNOWN_DATE = '1970-01-01';

/** Most attempts counted per module (more are not recorded). */
export const MAX_ATTEMPTS = 10_000;

/** Most question ids kept in `missed`. */
export const MAX_MISSED = 50;

/** Ids of modules and questions. */
export const ID_PATTERN = /^[a-z0-9-]{1,80}$/;

/** `completed` once a quiz attempt passed; it never goes back to `started`. */
export type ModuleStatus = 'started' | 'completed';

/** Progress on one module. */
export interface ModuleProgress {
	status: ModuleStatus;
	/** Best quiz score, integer 0–100. */
	best: number;
	/** Quiz attempts, integer 0–MAX_ATTEMPTS. */
	attempts: number;
	/** Last visit, YYYY-MM-DD. */
	lastVisit: string;
	/** First pass, YYYY-MM-DD; absent while started (or unknown after a v1 migration). */
	completedOn?: string;
	/** Content version the best score was earned on (positive integer). */
	version: number;
	/** Question ids missed on the last attempt, at most MAX_MISSED. */
	missed?: string[];
}

/** The whole progress state, version 2. */
export interface ProgressState {
	v: typeof PROGRESS_VERSION;
	profile: Profile | null;
	setting: Setting | null;
	modules: Record<string, ModuleProgress>;
	/** Before / end / 30-day results (issue 17); absent while none is recorded. */
	measures?: Measures;
}

/** The prototype's shape (version 1), only ever read to be migrated. */
export interface ProgressStateV1 {
	version: 1;
	/** Ids of passed modules. */
	completed: string[];
	/** Best score by module id, 0–100. */
	scores: Record<string, number>;
	/** Profile id. */
	profile?: string;
	/** Date of the last save, YYYY-MM-DD. */
	updated?: string;
}

/** What was wrong with stored data: unreadable (`corrupt`) or written by a newer site (`future`). */
export type StoredProblem = 'corrupt' | 'future';

/** Result of reading stored data: always a usable state. */
export interface ParsedState {
	state: ProgressState;
	problem?: StoredProblem;
}

/** Result of a quiz attempt, as recorded. */
export interface AttemptResult {
	percent: number;
	passed: boolean;
	missed?: readonly string[];
}

/** Summary of a track for the progress page and the track header. */
export interface TrackProgress {
	/** Modules of the track completed. */
	done: number;
	/** Modules in the track. */
	total: number;
	/** done / total, integer 0–100 rounded down. */
	percent: number;
	/** Declared minutes of the modules not completed yet. */
	minutesLeft: number;
	/** First module of the track not completed yet, null when all are. */
	nextModuleId: string | null;
}

// ---------------------------------------------------------------- small checks

/** Own-property lookup that never reaches Object.prototype. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** True for a plain JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A module or question id: a slug of 1 to 80 characters. */
export function isId(value: unknown): value is string {
	return typeof value === 'string' && ID_PATTERN.test(value);
}

/** An integer within [min, max] (NaN, Infinity and fractions are not). */
export function isIntInRange(value: unknown, min: number, max: number): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** A real calendar date written YYYY-MM-DD, years 1970–9999 (2026-02-30 is refused). */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (y < 1970 || mo < 1 || mo > 12 || d < 1) return false;
	return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Adds days to a YYYY-MM-DD date (UTC arithmetic, no time-zone drift). */
export function addDays(date: string, days: number): string {
	const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
	return new Date(t).toISOString().slice(0, 10);
}

/** One of the five learner profiles. */
export function isProfile(value: unknown): value is Profile {
	return (PROFILES as readonly unknown[]).includes(value);
}

/** One of the nurse settings. */
export function isSetting(value: unknown): value is Setting {
	return (SETTINGS as readonly unknown[]).includes(value);
}

/** Dedupes ids, keeps valid ones, at most MAX_MISSED. */
function cleanMissed(ids: readonly unknown[]): string[] {
	return [...new Set(ids.filter(isId))].slice(0, MAX_MISSED);
}

function assertDate(today: string): void {
	if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${String(today)}`);
}

// ---------------------------------------------------------------- state

/** A new learner's state. */
export function emptyState(): ProgressState {
	return { v: PROGRESS_VERSION, profile: null, setting: null, modules: {} };
}

/** The entry of a module, or undefined (own properties only). */
export function getEntry(state: ProgressState, moduleId: string): ModuleProgress | undefined {
	return own(state.modules, moduleId);
}

/** A field of a module entry that can be wrong on its own. */
export type EntryField = 'status' | 'best' | 'attempts' | 'lastVisit' | 'completedOn' | 'version' | 'missed';

/** Result of `checkEntry`: the entry to keep (null when it cannot be kept) and the fields found wrong. */
export interface CheckedEntry {
	entry: ModuleProgress | null;
	/** Fields that were wrong: repaired in `entry`, or the reason it is null. */
	bad: EntryField[];
}

/**
 * Validates one v2 entry field by field. A completed entry keeps its completion whatever else
 * is wrong: a bad `best` becomes 0, bad `attempts` 1 (a pass needs an attempt), a bad `version`
 * 1 (so a changed module flags the result rather than presenting it as current), a bad
 * `lastVisit` the completion date (or UNKNOWN_DATE). A started entry with a bad required field
 * is not kept (there is little to keep, and no result to vouch for). On any entry a bad
 * `completedOn` is left out (also on a started one), and `missed` keeps its valid ids only.
 * Dates ahead of today are not checked here: the store keeps them, the import brings them back.
 */
export function checkEntry(raw: unknown, maxVersion: number = Number.MAX_SAFE_INTEGER): CheckedEntry {
	if (!isPlainObject(raw)) return { entry: null, bad: ['status'] };
	const { status, best, attempts, lastVisit, completedOn, version, missed } = raw;
	if (status !== 'started' && status !== 'completed') return { entry: null, bad: ['status'] };
	const completed = status === 'completed';
	const bad: EntryField[] = [];
	const okBest = isIntInRange(best, 0, 100);
	const okAttempts = isIntInRange(attempts, 0, MAX_ATTEMPTS);
	const okVisit = isIsoDate(lastVisit);
	const okVersion = isIntInRange(version, 1, maxVersion);
	if (!okBest) bad.push('best');
	if (!okAttempts) bad.push('attempts');
	if (!okVisit) bad.push('lastVisit');
	if (!okVersion) bad.push('version');
	if (!completed && bad.length > 0) return { entry: null, bad };
	const okCompletedOn = completed && isIsoDate(completedOn);
	const entry: ModuleProgress = {
		status,
		best: okBest ? best : 0,
		attempts: okAttempts ? attempts : 1,
		lastVisit: okVisit ? lastVisit : okCompletedOn ? completedOn : UNKNOWN_DATE,
		version: okVersion ? version : 1,
	};
	if (completedOn !== undefined) {
		if (okCompletedOn) entry.completedOn = completedOn;
		else bad.push('completedOn');
	}
	if (missed !== undefined) {
		const list = Array.isArray(missed) ? cleanMissed(missed) : [];
		if (!Array.isArray(missed) || missed.length > MAX_MISSED || !missed.every(isId)) bad.push('missed');
		if (list.length > 0) entry.missed = list;
	}
	return { entry, bad };
}

/** Validates a v2 object, dropping bad parts one by one. */
function parseV2(obj: Record<string, unknown>): ParsedState {
	const state = emptyState();
	let damaged = false;
	if (obj.profile !== null && obj.profile !== undefined) {
		if (isProfile(obj.profile)) state.profile = obj.profile;
		else damaged = true;
	}
	if (obj.setting !== null && obj.setting !== undefined) {
		if (isSetting(obj.setting)) state.setting = obj.setting;
		else damaged = true;
	}
	if (obj.modules !== undefined && !isPlainObject(obj.modules)) damaged = true;
	const modules = isPlainObject(obj.modules) ? obj.modules : {};
	for (const id of Object.keys(modules)) {
		// The id check also keeps "__proto__" (an own key after JSON.parse) from being assigned.
		const parsed = isId(id) ? checkEntry(modules[id]) : null;
		if (!parsed?.entry) {
			damaged = true;
			continue;
		}
		if (parsed.bad.length > 0) damaged = true;
		state.modules[id] = parsed.entry;
	}
	const [measures, dropped] = parseMeasures(obj.measures);
	if (dropped) damaged = true;
	if (Object.keys(measures).length > 0) state.measures = measures;
	return damaged ? { state, problem: 'corrupt' } : { state };
}

/** Turns a v1 object into a v2 state (see "Migration cases" above). */
function migrateV1(obj: Record<string, unknown>): ParsedState {
	const state = emptyState();
	let damaged = false;
	const date = isIsoDate(obj.updated) ? obj.updated : UNKNOWN_DATE;
	if (obj.updated !== undefined && !isIsoDate(obj.updated)) damaged = true;
	if (isProfile(obj.profile)) state.profile = obj.profile;
	else if (obj.profile !== undefined && obj.profile !== null) damaged = true;

	const scores = isPlainObject(obj.scores) ? obj.scores : {};
	if (obj.scores !== undefined && !isPlainObject(obj.scores)) damaged = true;
	const completed = Array.isArray(obj.completed) ? obj.completed : [];
	if (obj.completed !== undefined && !Array.isArray(obj.completed)) damaged = true;

	const scoreOf = (id: string): number | undefined => {
		const s = own(scores, id);
		if (s === undefined) return undefined;
		if (typeof s === 'number' && Number.isFinite(s) && s >= 0 && s <= 100) return Math.floor(s);
		damaged = true;
		return undefined;
	};
	for (const id of completed) {
		if (!isId(id)) {
			damaged = true;
			continue;
		}
		state.modules[id] = { status: 'completed', best: scoreOf(id) ?? 0, attempts: 1, lastVisit: date, version: 1 };
	}
	for (const id of Object.keys(scores)) {
		if (getEntry(state, id)) continue;
		if (!isId(id)) {
			damaged = true;
			continue;
		}
		const best = scoreOf(id);
		if (best === undefined) continue;
		state.modules[id] = { status: 'started', best, attempts: 1, lastVisit: date, version: 1 };
	}
	return damaged ? { state, problem: 'corrupt' } : { state };
}

/**
 * Brings any stored object to the current version. Same contract as `parseStoredState` (never
 * throws); kept as its own name for the import path and for readers looking for "migrate".
 */
export function migrate(obj: unknown): ParsedState {
	if (!isPlainObject(obj)) return { state: emptyState(), problem: 'corrupt' };
	if ('v' in obj) {
		if (obj.v === PROGRESS_VERSION) return parseV2(obj);
		if (isIntInRange(obj.v, PROGRESS_VERSION + 1, Number.MAX_SAFE_INTEGER)) {
			return { state: emptyState(), problem: 'future' };
		}
		return { state: emptyState(), problem: 'corrupt' };
	}
	if (obj.version === 1) return migrateV1(obj);
	return { state: emptyState(), problem: 'corrupt' };
}

/** Reads what JSON.parse gave back from storage; never throws, always returns a usable state. */
export function parseStoredState(raw: unknown): ParsedState {
	if (raw === undefined || raw === null) return { state: emptyState() };
	try {
		return migrate(raw);
	} catch {
		// Only reachable with exotic objects (getters, proxies); stored JSON never gets here.
		return { state: emptyState(), problem: 'corrupt' };
	}
}

/**
 * What can be recovered from a value the store set aside (the raw stored string): the readable
 * part of a damaged value, repaired as `parseStoredState` does, or null when nothing can be
 * read (not JSON, written by a newer site, or no module in it). Meant to be merged into the
 * current state, never to replace it.
 */
export function readSetAside(raw: string): ProgressState | null {
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return null;
	}
	const { state, problem } = parseStoredState(data);
	if (problem === 'future' || Object.keys(state.modules).length === 0) return null;
	return state;
}

// ---------------------------------------------------------------- transitions

function withEntry(state: ProgressState, moduleId: string, entry: ModuleProgress): ProgressState {
	return { ...state, modules: { ...state.modules, [moduleId]: entry } };
}

/**
 * Notes a visit to a module page: creates a started entry (best 0, no attempt) the first time,
 * otherwise only moves `lastVisit`. Returns the same object when nothing changes.
 */
export function recordVisit(state: ProgressState, moduleId: string, version: number, today: string): ProgressState {
	assertDate(today);
	if (!isId(moduleId) || !isIntInRange(version, 1, Number.MAX_SAFE_INTEGER)) return state;
	const entry = getEntry(state, moduleId);
	if (!entry) return withEntry(state, moduleId, { status: 'started', best: 0, attempts: 0, lastVisit: today, version });
	if (entry.lastVisit === today) return state;
	return withEntry(state, moduleId, { ...entry, lastVisit: today });
}

/**
 * Records a quiz attempt. The best score is kept; the module becomes completed on its first
 * pass and stays completed whatever later attempts give; `version` moves only when the best
 * improves or on the first completion (or on the first attempt after visits only, when there
 * was no result yet); `missed` is replaced by this attempt's.
 */
export function recordAttempt(
	state: ProgressState,
	moduleId: string,
	version: number,
	result: AttemptResult,
	today: string,
): ProgressState {
	assertDate(today);
	if (!isId(moduleId) || !isIntInRange(version, 1, Number.MAX_SAFE_INTEGER)) return state;
	const percent = Number.isFinite(result.percent) ? Math.min(100, Math.max(0, Math.floor(result.percent))) : 0;
	const passed = result.passed === true;
	const prev: ModuleProgress = getEntry(state, moduleId) ?? {
		status: 'started',
		best: 0,
		attempts: 0,
		lastVisit: today,
		version,
	};
	const improved = percent > prev.best;
	const firstCompletion = passed && prev.status !== 'completed';
	const next: ModuleProgress = {
		status: passed || prev.status === 'completed' ? 'completed' : 'started',
		best: Math.max(prev.best, percent),
		attempts: Math.min(MAX_ATTEMPTS, prev.attempts + 1),
		lastVisit: today,
		// A visit-only entry (no attempt yet) has no result to attribute to its older version.
		version: improved || firstCompletion || prev.attempts === 0 ? version : prev.version,
	};
	const completedOn = prev.completedOn ?? (firstCompletion ? today : undefined);
	if (completedOn !== undefined) next.completedOn = completedOn;
	const missed = cleanMissed(result.missed ?? []);
	if (missed.length > 0) next.missed = missed;
	return withEntry(state, moduleId, next);
}

/** Sets the chosen profile and nurse setting; unknown values become null. */
export function setProfile(state: ProgressState, profile: Profile | null, setting: Setting | null): ProgressState {
	const p = isProfile(profile) ? profile : null;
	const s = isSetting(setting) ? setting : null;
	if (state.profile === p && state.setting === s) return state;
	return { ...state, profile: p, setting: s };
}

/** Completed beats started, then the higher best; a tie keeps `a`. */
function better(a: ModuleProgress, b: ModuleProgress): ModuleProgress {
	if (a.status !== b.status) return a.status === 'completed' ? a : b;
	return b.best > a.best ? b : a;
}

function mergeEntries(a: ModuleProgress, b: ModuleProgress): ModuleProgress {
	const win = better(a, b);
	const merged: ModuleProgress = {
		status: win.status,
		best: win.best,
		attempts: Math.max(a.attempts, b.attempts),
		lastVisit: a.lastVisit >= b.lastVisit ? a.lastVisit : b.lastVisit,
		version: win.version,
	};
	const dates = [a, b]
		.filter((e) => e.status === 'completed' && e.completedOn !== undefined)
		.map((e) => e.completedOn as string)
		.sort();
	if (win.status === 'completed' && dates.length > 0) merged.completedOn = dates[0];
	if (win.missed && win.missed.length > 0) merged.missed = [...win.missed];
	return merged;
}

/**
 * Combines two states (this device and an import, or two tabs): every module of either, each
 * with the better result (completed beats started, then the higher best, with that result's
 * version and missed questions), the most attempts, the earliest completion date and the latest
 * visit. The profile of `a` wins when set.
 */
export function mergeStates(a: ProgressState, b: ProgressState): ProgressState {
	const modules: Record<string, ModuleProgress> = {};
	// Only slug keys are copied: an unvalidated "__proto__" key must never be assigned.
	for (const id of Object.keys(a.modules)) if (isId(id)) modules[id] = a.modules[id];
	for (const id of Object.keys(b.modules)) {
		if (!isId(id)) continue;
		const mine = own(modules, id);
		const theirs = b.modules[id];
		modules[id] = mine ? mergeEntries(mine, theirs) : theirs;
	}
	const profile = a.profile ?? b.profile;
	const setting = a.setting ?? (b.profile === profile ? b.setting : null);
	const merged: ProgressState = { v: PROGRESS_VERSION, profile, setting, modules };
	const measures = mergeMeasures(a.measures, b.measures);
	if (Object.keys(measures).length > 0) merged.measures = measures;
	return merged;
}

/** True when the entry's best result was earned on an earlier version of the module's content. */
export function isEarnedOnEarlierVersion(entry: ModuleProgress | undefined, currentVersion: number): boolean {
	return entry !== undefined && entry.version < currentVersion;
}

/**
 * Where the learner stands in a track: modules in track order, declared minutes by module id.
 * Completed modules count as done even when earned on an earlier content version.
 */
export function trackProgress(
	state: ProgressState,
	moduleIds: readonly string[],
	minutesById: Readonly<Record<string, number>> | ReadonlyMap<string, number>,
): TrackProgress {
	const ids = [...new Set(moduleIds)];
	let done = 0;
	let minutesLeft = 0;
	let nextModuleId: string | null = null;
	for (const id of ids) {
		if (getEntry(state, id)?.status === 'completed') {
			done += 1;
			continue;
		}
		const minutes = minutesById instanceof Map ? minutesById.get(id) : own(minutesById as Readonly<Record<string, number>>, id);
		if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0) minutesLeft += minutes;
		nextModuleId ??= id;
	}
	const total = ids.length;
	return { done, total, percent: percentOf(done, total), minutesLeft, nextModuleId };
}
