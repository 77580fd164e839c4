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

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isDate = (v: unknown): v is string => {
	if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '1970-01-01';
};

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

/** Reads `measures` of a stored state: the usable points, and whether anything was dropped. */
export function parseMeasures(raw: unknown): { measures: Measures; damaged: boolean } {
	if (raw === undefined) return { measures: {}, damaged: false };
	if (!isObj(raw)) return { measures: {}, damaged: true };
	const measures: Measures = {};
	let damaged = false;
	for (const k of Object.keys(raw)) if (!(MEASURE_KINDS as readonly string[]).includes(k)) damaged = true;
	for (const kind of MEASURE_KINDS) {
		if (!Object.hasOwn(raw, kind)) continue;
		const p = parsePoint(raw[kind]);
		if (p) measures[kind] = p;
		else damaged = true;
	}
	return { measures, damaged };
}

/** True when no point is recorded. */
export function isEmptyMeasures(m: Measures | undefined): boolean {
	return !m || MEASURE_KINDS.every((k) => m[k] === undefined);
}

/** A copy with keys in a fixed order (stable serialisation, so unchanged values write nothing). */
export function normaliseMeasures(m: Measures): Measures {
	const out: Measures = {};
	for (const kind of MEASURE_KINDS) {
		const p = m[kind];
		if (!p) continue;
		out[kind] = { on: p.on, themes: Object.fromEntries(THEMES.map((th) => [th, { c: p.themes[th].c, t: p.themes[th].t }])) as Record<Theme, ThemeCount> };
	}
	return out;
}

function rightTotal(p: MeasurePoint): number {
	return THEMES.reduce((n, th) => n + p.themes[th].c, 0);
}

/** The point kept when two differ: the later date; on the same day the better score, then a stable order. */
function pick(a: MeasurePoint | undefined, b: MeasurePoint | undefined): MeasurePoint | undefined {
	if (!a) return b;
	if (!b) return a;
	if (a.on !== b.on) return a.on > b.on ? a : b;
	const ra = rightTotal(a);
	const rb = rightTotal(b);
	if (ra !== rb) return ra > rb ? a : b;
	return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/** Combines two devices' (or tabs') measures, point by point; commutative and idempotent. */
export function mergeMeasures(a: Measures | undefined, b: Measures | undefined): Measures {
	const out: Measures = {};
	for (const kind of MEASURE_KINDS) {
		const p = pick(a?.[kind], b?.[kind]);
		if (p) out[kind] = p;
	}
	return normaliseMeasures(out);
}
