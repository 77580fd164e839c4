/**
 * `cmi.suspend_data` codec: the compact resume data a package keeps in the LMS (SCORM 1.2 gives
 * a SCO one CMIString4096 for this). Pure, no DOM.
 *
 * ## Format (version 1)
 *
 * `p1` then one `;<moduleId>=<best>.<version>` per module, `*` at the end when the module's quiz
 * was passed: `p1;comprendre-ia=85.2*;rgpd-donnees-sante=60.1`.
 *
 * - `best`: best quiz score, integer 0–100; `version`: content version it was earned on.
 * - Nothing else is kept: no answers, no question ids, no dates, no name.
 * - Reading is tolerant: an entry that does not parse is dropped alone; data that does not start
 *   with `p1` (another tool's, or a newer format) gives an empty result flagged `unknown`, never
 *   a misread one.
 * - Writing never exceeds `SUSPEND_DATA_MAX` characters: when the entries do not all fit, passed
 *   modules are kept first, then the best scores; the modules that did not fit are returned so
 *   the caller can say so. (An id is at most 80 characters, so about 45 modules always fit.)
 *
 * ## Lesson state (same version, issue 13 item 12)
 *
 * After the results, one `;~…` entry per lesson in progress keeps the learner's place and answers
 * (the `lesson` section of the progress store, `lesson/state.ts`), so that a package resumes at
 * the same step with the same answers, like the site:
 *
 * `;~<moduleId>!<cv>!<at>!<far>!<checks>!<choice>!<seed>!<answers>`, e.g.
 * `;~injection-de-prompt!2!voies-d-entree!3!c1=b,c2=a.c!ehpad:b!8812!q1=a,q4=a.b.c`
 *
 * `checks` and `answers` are `id=code` pairs joined by `,` (codes as in the store: choice ids
 * joined by `.`); `choice`, `seed` and `answers` are empty when there are none. Only ids and
 * codes: no text, no time. An older reader drops these entries alone (flagged `damaged`) and
 * keeps every result. Results always come first: a lesson entry that would not fit is left out
 * (listed in `droppedLessons`), never a result.
 */
import { parseLessons, type LessonEntry } from '../lesson/state';

/** SCORM 1.2 limit of `cmi.suspend_data` (CMIString4096). */
export const SUSPEND_DATA_MAX = 4096;

/** Marker and version of the format. */
export const SUSPEND_PREFIX = 'p1';

/** Result of one module as kept in the LMS. */
export interface ModuleResult {
	/** Best quiz score, integer 0–100. */
	best: number;
	/** Content version the best score was earned on (positive integer). */
	version: number;
	/** The quiz was passed (at least once). */
	passed: boolean;
}

/** Results by module id. */
export type ResumeResults = Record<string, ModuleResult>;

/** Lesson state by module id (the store's `lesson` entries; `t` is not kept, read back as 0). */
export type ResumeLessons = Record<string, LessonEntry>;

export interface DecodedSuspend {
	results: ResumeResults;
	/** Lessons in progress (absent when none). */
	lessons?: ResumeLessons;
	/** `unknown`: not our format (or from a newer package); `damaged`: some entries were dropped. */
	problem?: 'unknown' | 'damaged';
}

export interface EncodedSuspend {
	data: string;
	/** Module ids left out to stay within the limit. */
	dropped: string[];
	/** Module ids whose lesson state was left out (too long, or not valid). */
	droppedLessons: string[];
}

const pairs = (o: Record<string, string>) => Object.entries(o).map(([k, v]) => `${k}=${v}`).join(',');

/** One lesson entry as text (`;~…`), or null when it is not valid (checked by the store's own parser). */
export function lessonEntryText(id: string, e: LessonEntry): string | null {
	const check = parseLessons({ v: 1, modules: { [id]: { ...e, t: 0 } } });
	if (check.problem || !Object.hasOwn(check.value.modules, id)) return null;
	const q = e.quiz;
	return `;~${id}!${e.cv}!${e.at}!${e.far}!${pairs(e.checks)}!${e.choice ?? ''}!${q ? q.seed : ''}!${q ? pairs(q.answers) : ''}`;
}

function readPairs(s: string): Record<string, string> | null {
	const out: Record<string, string> = {};
	if (s === '') return out;
	for (const part of s.split(',')) {
		const i = part.indexOf('=');
		if (i <= 0) return null;
		const k = part.slice(0, i);
		if (Object.hasOwn(out, k)) return null;
		out[k] = part.slice(i + 1);
	}
	return out;
}

/** Reads one `~…` entry (without the `;`); null when it does not parse or does not validate. */
function readLessonEntry(part: string): [string, LessonEntry] | null {
	const f = part.slice(1).split('!');
	if (f.length !== 8) return null;
	const [id, cv, at, far, checks, choice, seed, answers] = f;
	const c = readPairs(checks);
	const a = readPairs(answers);
	if (!c || !a || !/^\d{1,15}$/.test(cv) || !/^\d{1,2}$/.test(far) || (seed !== '' && !/^\d{1,10}$/.test(seed))) return null;
	if (seed === '' && answers !== '') return null;
	const raw: Record<string, unknown> = { cv: Number(cv), at, far: Number(far), checks: c, t: 0 };
	if (choice !== '') raw.choice = choice;
	if (seed !== '') raw.quiz = { seed: Number(seed), answers: a };
	const parsed = parseLessons({ v: 1, modules: { [id]: raw } });
	if (parsed.problem || !Object.hasOwn(parsed.value.modules, id)) return null;
	return [id, parsed.value.modules[id]];
}

const ENTRY = /^([a-z0-9-]{1,80})=(\d{1,3})\.([1-9]\d{0,8})(\*)?$/;

/** True for a result that can be written (integers in range). */
export function isValidResult(r: ModuleResult): boolean {
	return Number.isInteger(r.best) && r.best >= 0 && r.best <= 100 && Number.isInteger(r.version) && r.version >= 1 && r.version <= 999_999_999;
}

function entryText(id: string, r: ModuleResult): string {
	return `;${id}=${r.best}.${r.version}${r.passed ? '*' : ''}`;
}

/** Reads `cmi.suspend_data`. Empty or missing data gives no results and no problem. */
export function decodeSuspendData(raw: string | null | undefined): DecodedSuspend {
	const results: ResumeResults = {};
	if (!raw) return { results };
	if (raw !== SUSPEND_PREFIX && !raw.startsWith(`${SUSPEND_PREFIX};`)) return { results, problem: 'unknown' };
	let damaged = false;
	let lessons: ResumeLessons | undefined;
	for (const part of raw.slice(SUSPEND_PREFIX.length).split(';').slice(1)) {
		if (part.startsWith('~')) {
			const l = readLessonEntry(part);
			if (!l || (lessons && Object.hasOwn(lessons, l[0]))) damaged = true;
			else (lessons ??= {})[l[0]] = l[1];
			continue;
		}
		const m = ENTRY.exec(part);
		const best = m ? Number(m[2]) : NaN;
		if (!m || best > 100 || Object.hasOwn(results, m[1])) {
			damaged = true;
			continue;
		}
		results[m[1]] = { best, version: Number(m[3]), passed: m[4] === '*' };
	}
	const out: DecodedSuspend = lessons ? { results, lessons } : { results };
	return damaged ? { ...out, problem: 'damaged' } : out;
}

/**
 * Writes results as `cmi.suspend_data`, at most `max` characters. Entries are written in id
 * order (stable output); invalid ids or results are left out and listed in `dropped`.
 */
export function encodeSuspendData(results: Readonly<ResumeResults>, max = SUSPEND_DATA_MAX, lessons: Readonly<ResumeLessons> = {}): EncodedSuspend {
	const dropped: string[] = [];
	const candidates: [string, ModuleResult][] = [];
	for (const [id, r] of Object.entries(results)) {
		if (/^[a-z0-9-]{1,80}$/.test(id) && isValidResult(r)) candidates.push([id, r]);
		else dropped.push(id);
	}
	// Priority when space runs out: passed modules, then higher scores, then id order.
	candidates.sort(([ia, a], [ib, b]) => Number(b.passed) - Number(a.passed) || b.best - a.best || (ia < ib ? -1 : 1));
	let length = SUSPEND_PREFIX.length;
	const kept: [string, ModuleResult][] = [];
	for (const [id, r] of candidates) {
		const n = entryText(id, r).length;
		if (length + n <= max) {
			kept.push([id, r]);
			length += n;
		} else dropped.push(id);
	}
	kept.sort(([a], [b]) => (a < b ? -1 : 1));
	// Lessons after every result, most recently changed first, each only if it fits whole.
	const droppedLessons: string[] = [];
	let tail = '';
	for (const [id, e] of Object.entries(lessons).sort(([, a], [, b]) => b.t - a.t)) {
		const text = /^[a-z0-9-]{1,80}$/.test(id) ? lessonEntryText(id, e) : null;
		if (text && length + text.length <= max) {
			tail += text;
			length += text.length;
		} else droppedLessons.push(id);
	}
	return { data: SUSPEND_PREFIX + kept.map(([id, r]) => entryText(id, r)).join('') + tail, dropped, droppedLessons };
}

/** Keeps the better of two results for one module: higher score, passed never undone. */
export function mergeResult(a: ModuleResult | undefined, b: ModuleResult): ModuleResult {
	if (!a) return { ...b };
	const better = b.best > a.best ? b : a;
	return { best: better.best, version: better.version, passed: a.passed || b.passed };
}
