/**
 * Measured learning (issue 17): the three points of the before / end / 30-day view, kept in the
 * progress state (`measures`, optional, see `model.ts`) so they travel with export and import.
 * Pure: no storage, no DOM.
 *
 * ## Stored shape (inside the progress state, version 2)
 *
 * ```ts
 * measures: {
 *   before:    { on: '2026-11-02', themes: { usages: { c: 2, t: 4 }, cybersecurite: { c: 3, t: 4 }, reglementation: { c: 1, t: 4 } } },
 *   end:       { on: '2026-11-20', themes: { … } },   // « bilan de fin de parcours » (form B)
 *   retention: { on: '2026-12-21', themes: { … } },   // 30-day check (both forms)
 * }
 * ```
 *
 * `c` right answers out of `t` questions of the theme (integers, 0 ≤ c ≤ t ≤ MAX_QUESTIONS).
 * Absent when nothing was measured: a state without measures is stored exactly as before, so
 * today's stored values and older export files read unchanged. Reading is defensive: a point
 * that is not usable is dropped alone (and reported as damaged), the other points are kept.
 */
import { THEMES, type Theme } from '../taxonomy';
// A cycle with model.ts (which imports this file), safe: only functions, called after both load.
import { isIntInRange as isInt, isIsoDate as isDate, isPlainObject as isObj } from './model';

/** The three moments measured, in display order. */
export const MEASURE_KINDS = ['before', 'end', 'retention'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Most questions of one theme in one point (a form has 4; room for longer forms). */
export const MAX_QUESTIONS = 50;

export interface ThemeCount {
	/** Right answers. */
	c: number;
	/** Questions asked. */
	t: number;
}

export interface MeasurePoint {
	/** Day the test was submitted, YYYY-MM-DD (learner's clock). */
	on: string;
	themes: Record<Theme, ThemeCount>;
}

export type Measures = Partial<Record<MeasureKind, MeasurePoint>>;

/** A usable point, or null. Unknown extra fields are ignored. */
export function parsePoint(raw: unknown): MeasurePoint | null {
	if (!isObj(raw) || !isDate(raw.on) || !isObj(raw.themes)) return null;
	const themes = {} as Record<Theme, ThemeCount>;
	for (const th of THEMES) {
		const v = Object.hasOwn(raw.themes, th) ? raw.themes[th] : undefined;
		if (!isObj(v) || !isInt(v.t, 0, MAX_QUESTIONS) || !isInt(v.c, 0, v.t)) return null;
		themes[th] = { c: v.c, t: v.t };
	}
	return { on: raw.on, themes };
}

/**
 * Reads `measures` of a stored state: the usable points (fresh copies, keys in a fixed order)
 * and whether one was dropped. Unknown keys are ignored.
 */
export function parseMeasures(raw: unknown): [Measures, boolean] {
	if (!isObj(raw)) return [{}, raw !== undefined];
	const m = mergeMeasures(raw as Measures);
	return [m, MEASURE_KINDS.some((k) => raw[k] !== undefined && !m[k])];
}

/** True when no point is recorded. */
export function isEmptyMeasures(m: Measures | undefined): boolean {
	return !m || MEASURE_KINDS.every((k) => !m[k]);
}

/** The point kept when two differ: the later date (on the same day, `a`). */
const pick = (a: MeasurePoint | undefined, b: MeasurePoint | undefined) => (a && b ? (b.on > a.on ? b : a) : (a ?? b));

/**
 * Combines two devices' (or tabs') measures, point by point (the later of each); idempotent. The
 * result is a fresh copy with keys in a fixed order (stable serialisation, so an unchanged value
 * writes nothing).
 */
export function mergeMeasures(a: Measures | undefined, b?: Measures): Measures {
	const out: Measures = {};
	for (const kind of MEASURE_KINDS) {
		const p = parsePoint(pick(a?.[kind], b?.[kind]));
		if (p) out[kind] = p;
	}
	return out;
}
