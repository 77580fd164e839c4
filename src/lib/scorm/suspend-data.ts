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
 */

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

export interface DecodedSuspend {
	results: ResumeResults;
	/** `unknown`: not our format (or from a newer package); `damaged`: some entries were dropped. */
	problem?: 'unknown' | 'damaged';
}

export interface EncodedSuspend {
	data: string;
	/** Module ids left out to stay within the limit. */
	dropped: string[];
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
	for (const part of raw.slice(SUSPEND_PREFIX.length).split(';').slice(1)) {
		const m = ENTRY.exec(part);
		const best = m ? Number(m[2]) : NaN;
		if (!m || best > 100 || Object.hasOwn(results, m[1])) {
			damaged = true;
			continue;
		}
		results[m[1]] = { best, version: Number(m[3]), passed: m[4] === '*' };
	}
	return damaged ? { results, problem: 'damaged' } : { results };
}

/**
 * Writes results as `cmi.suspend_data`, at most `max` characters. Entries are written in id
 * order (stable output); invalid ids or results are left out and listed in `dropped`.
 */
export function encodeSuspendData(results: Readonly<ResumeResults>, max = SUSPEND_DATA_MAX): EncodedSuspend {
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
	return { data: SUSPEND_PREFIX + kept.map(([id, r]) => entryText(id, r)).join(''), dropped };
}

/** Keeps the better of two results for one module: higher score, passed never undone. */
export function mergeResult(a: ModuleResult | undefined, b: ModuleResult): ModuleResult {
	if (!a) return { ...b };
	const better = b.best > a.best ? b : a;
	return { best: better.best, version: better.version, passed: a.passed || b.passed };
}
