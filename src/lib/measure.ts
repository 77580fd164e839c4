/**
 * Measured learning (issue 17), pure: the two parallel forms of the positioning test (form A
 * before, form B at the end of the track), the 30-day retention check drawn from both, and the
 * before / end / 30-day view. No DOM, no storage, no zod (islands import this file).
 *
 * - The positioning test (/positionnement/) asks form A; its result is also recorded as the
 *   `before` point of the progress state (see `progress/measures.ts`).
 * - Once every module of the learner's track is completed, /bilan/ offers form B (`end`).
 * - RETENTION_DAYS after the track was completed (the latest completion date of its modules),
 *   /bilan/rappel/ offers about RETENTION_SIZE questions from both forms, more of them in the
 *   learner's weak themes (`retention`).
 *
 * Dates are the learner's own (YYYY-MM-DD, local clock). A clock moved backwards never breaks
 * anything: day counts are clamped at 0, so a check simply is not due yet.
 */
import { isCorrect, type Answers } from './quiz/scoring';
import { audienceOf, questionsFor, scoreByTheme, AUDIENCES, type Audience, type DisplayQuestion, type PositioningResult } from './positioning';
import { isEmptyMeasures, mergeMeasures, MEASURE_KINDS, type MeasureKind, type MeasurePoint, type Measures, type ThemeCount } from './progress/measures';
import type { ProgressState } from './progress/model';
import { THEMES, type Profile, type Theme } from './taxonomy';
import { percentOf } from './format';

export { audienceOf, questionsFor };

/** Days after the track's completion when the retention check opens. */
export const RETENTION_DAYS = 30;

/** Questions of the retention check. */
export const RETENTION_SIZE = 6;

/** Below this percent a theme is weak: its track modules are suggested for review. */
export const WEAK_THRESHOLD = 75;

export type FormId = 'a' | 'b';

/** A question of one of the two forms. */
export interface FormQuestion extends DisplayQuestion {
	form: FormId;
}

// ---------------------------------------------------------------- points

/** The point of a submitted test: right answers and questions by theme. */
export function pointFrom(questions: readonly DisplayQuestion[], answers: Answers, on: string): MeasurePoint {
	const s = scoreByTheme(questions, answers);
	return { on, themes: Object.fromEntries(THEMES.map((t) => [t, { c: s[t].correct, t: s[t].total }])) as Record<Theme, ThemeCount> };
}

/** The `before` point of a positioning result stored before measures existed (or on another tab). */
export function pointFromPositioning(result: PositioningResult | null, formA: readonly DisplayQuestion[]): MeasurePoint | null {
	if (!result) return null;
	const asked = result.asked ? formA.filter((q) => result.asked!.includes(q.id)) : questionsFor(formA, 'sans-profil');
	if (asked.length === 0) return null;
	return pointFrom(asked, result.answers, result.takenOn);
}

export interface Score {
	c: number;
	t: number;
	/** Integer 0–100 (`percentOf`); 0 without questions. */
	percent: number;
}

const score = (c: number, t: number): Score => ({ c, t, percent: percentOf(c, t) });

/** Right answers over all themes. */
export function overallOf(point: MeasurePoint): Score {
	let c = 0;
	let t = 0;
	for (const th of THEMES) {
		c += point.themes[th].c;
		t += point.themes[th].t;
	}
	return score(c, t);
}

export function themeScore(point: MeasurePoint, theme: Theme): Score {
	return score(point.themes[theme].c, point.themes[theme].t);
}

/** One line of the before / end / 30-day view: a theme, or everything (`overall`). */
export interface MeasureRow {
	id: Theme | 'overall';
	values: Record<MeasureKind, Score | null>;
	/** Percentage points gained from before to end (null when either is missing). */
	gain: number | null;
	/** Percentage points from end to 30 days (null when either is missing). */
	retained: number | null;
}

/** The rows of the view, themes first then overall; a point not taken gives null cells. */
export function measureRows(measures: Measures | undefined): MeasureRow[] {
	const m = measures ?? {};
	const row = (id: Theme | 'overall'): MeasureRow => {
		const values = Object.fromEntries(
			MEASURE_KINDS.map((k) => {
				const p = m[k];
				return [k, p ? (id === 'overall' ? overallOf(p) : themeScore(p, id)) : null];
			}),
		) as Record<MeasureKind, Score | null>;
		// A theme with no question in a point (impossible with the shipped forms) has no percent to compare.
		const usable = (s: Score | null) => (s && s.t > 0 ? s : null);
		const b = usable(values.before);
		const e = usable(values.end);
		const r = usable(values.retention);
		return { id, values, gain: b && e ? e.percent - b.percent : null, retained: e && r ? r.percent - e.percent : null };
	};
	return [...THEMES.map(row), row('overall')];
}

/** Themes under WEAK_THRESHOLD in a point, weakest first (ties in theme order). */
export function weakThemes(point: MeasurePoint | null | undefined, threshold = WEAK_THRESHOLD): Theme[] {
	if (!point) return [];
	return THEMES.filter((t) => point.themes[t].t > 0 && percentOf(point.themes[t].c, point.themes[t].t) < threshold).sort(
		(a, b) => themeScore(point, a).percent - themeScore(point, b).percent || THEMES.indexOf(a) - THEMES.indexOf(b),
	);
}

/** Modules of the track to review for the weak themes, in track order. */
export function reviewModules(trackIds: readonly string[], moduleThemes: Readonly<Record<string, string>>, weak: readonly Theme[]): string[] {
	const w = new Set<string>(weak);
	return [...new Set(trackIds.filter((id) => Object.hasOwn(moduleThemes, id) && w.has(moduleThemes[id])))];
}

// ---------------------------------------------------------------- dates and track

/** Whole days from `from` to `to` (YYYY-MM-DD), never negative: a clock moved back gives 0. */
export function daysBetween(from: string, to: string): number {
	const a = Date.parse(`${from}T00:00:00Z`);
	const b = Date.parse(`${to}T00:00:00Z`);
	if (!Number.isFinite(a) || !Number.isFinite(b)) return 0;
	return Math.max(0, Math.round((b - a) / 86_400_000));
}

/** Adds days to a YYYY-MM-DD date. */
export function plusDays(date: string, days: number): string {
	const t = Date.parse(`${date}T00:00:00Z`);
	if (!Number.isFinite(t)) return date;
	return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** The part of a module entry read here. */
interface EntryLike {
	status: string;
	completedOn?: string;
}

export interface TrackStatus {
	done: number;
	total: number;
	complete: boolean;
	/** Latest known completion date of the track's modules, when complete; null otherwise or unknown. */
	completedOn: string | null;
}

/** Where the learner stands in a track, from the progress state's modules. */
export function trackStatus(modules: Readonly<Record<string, EntryLike>>, trackIds: readonly string[]): TrackStatus {
	const ids = [...new Set(trackIds)];
	let done = 0;
	let last: string | null = null;
	for (const id of ids) {
		const e = Object.hasOwn(modules, id) ? modules[id] : undefined;
		if (e?.status !== 'completed') continue;
		done += 1;
		// 1970-01-01 stands for an unknown date (entries migrated from the prototype).
		if (e.completedOn && e.completedOn > '1970-01-01' && (!last || e.completedOn > last)) last = e.completedOn;
	}
	const complete = ids.length > 0 && done === ids.length;
	return { done, total: ids.length, complete, completedOn: complete ? last : null };
}

export type RetentionState = 'no-track' | 'not-complete' | 'not-yet' | 'due' | 'done';

export interface RetentionStatus {
	state: RetentionState;
	/** Day the check opens (null while the track is not complete). */
	dueOn: string | null;
	/** Days until it opens, 0 once due. */
	daysLeft: number;
}

/**
 * Whether the 30-day check is offered. Counted from the track's completion date, or from the end
 * test when no completion date is known. Done once a retention point exists dated on or after
 * the day it opened (a point from an earlier round does not count).
 */
export function retentionStatus(input: { track: TrackStatus | null; measures: Measures | undefined; today: string }): RetentionStatus {
	const { track, measures, today } = input;
	if (!track) return { state: 'no-track', dueOn: null, daysLeft: 0 };
	if (!track.complete) return { state: 'not-complete', dueOn: null, daysLeft: 0 };
	const from = track.completedOn ?? measures?.end?.on ?? null;
	if (!from) return { state: 'not-complete', dueOn: null, daysLeft: 0 };
	const dueOn = plusDays(from, RETENTION_DAYS);
	const r = measures?.retention;
	if (r && r.on >= dueOn) return { state: 'done', dueOn, daysLeft: 0 };
	const elapsed = daysBetween(from, today);
	if (elapsed >= RETENTION_DAYS) return { state: 'due', dueOn, daysLeft: 0 };
	return { state: 'not-yet', dueOn, daysLeft: RETENTION_DAYS - elapsed };
}

// ---------------------------------------------------------------- drawing the retention check

/** A small deterministic generator (mulberry32) seeded from a string. */
function rng(seed: string): () => number {
	let h = 1779033703 ^ seed.length;
	for (let i = 0; i < seed.length; i += 1) {
		h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
		h = (h << 13) | (h >>> 19);
	}
	let a = h >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * How many questions of each theme the retention check asks: at least one per theme (when the
 * pool has one), the rest given one by one to the theme with the highest weight per question
 * already given, where a theme's weight grows with its weakness (1 + missed share × 3) in the
 * reference point (the end test, else the positioning test; equal weights without either).
 */
export function retentionAllocation(pool: readonly { theme: Theme }[], reference: MeasurePoint | null, size = RETENTION_SIZE): Record<Theme, number> {
	const available = Object.fromEntries(THEMES.map((t) => [t, pool.filter((q) => q.theme === t).length])) as Record<Theme, number>;
	const weight = (t: Theme) => {
		if (!reference || reference.themes[t].t === 0) return 1;
		return 1 + (1 - reference.themes[t].c / reference.themes[t].t) * 3;
	};
	const alloc = Object.fromEntries(THEMES.map((t) => [t, 0])) as Record<Theme, number>;
	let left = Math.min(size, pool.length);
	for (const t of THEMES) {
		if (left > 0 && available[t] > 0) {
			alloc[t] = 1;
			left -= 1;
		}
	}
	while (left > 0) {
		let best: Theme | null = null;
		for (const t of THEMES) {
			if (alloc[t] >= available[t]) continue;
			if (best === null || weight(t) / (alloc[t] + 1) > weight(best) / (alloc[best] + 1)) best = t;
		}
		if (best === null) break;
		alloc[best] += 1;
		left -= 1;
	}
	return alloc;
}

/**
 * The retention questions for an audience: drawn from both forms with `retentionAllocation`,
 * alternating forms within a theme, in a stable order for a given seed (the track's completion
 * date), grouped by theme. The same inputs always give the same questions, so a reload
 * before submitting shows the same check.
 */
export function pickRetention(input: {
	questions: readonly FormQuestion[];
	audience: Audience;
	reference: MeasurePoint | null;
	seed: string;
	size?: number;
}): FormQuestion[] {
	const pool = questionsFor(input.questions, input.audience);
	const alloc = retentionAllocation(pool, input.reference, input.size ?? RETENTION_SIZE);
	const next = rng(`${input.seed}|${input.audience}`);
	const out: FormQuestion[] = [];
	for (const t of THEMES) {
		const byForm = (['a', 'b'] as const).map((f) =>
			pool
				.filter((q) => q.theme === t && q.form === f)
				.map((q) => ({ q, r: next() }))
				.sort((x, y) => x.r - y.r)
				.map((x) => x.q),
		);
		const start = next() < 0.5 ? 0 : 1;
		const picked: FormQuestion[] = [];
		for (let i = 0; picked.length < alloc[t] && i < 2 * pool.length; i += 1) {
			const list = byForm[(start + i) % 2];
			const q = list.shift();
			if (q) picked.push(q);
		}
		out.push(...picked);
	}
	return out;
}

// ---------------------------------------------------------------- keeping the forms parallel

/** Sorted difficulties of each theme of the questions asked to an audience. */
export function formProfile(questions: readonly DisplayQuestion[], audience: Audience): Record<Theme, number[]> {
	const asked = questionsFor(questions, audience);
	return Object.fromEntries(THEMES.map((t) => [t, asked.filter((q) => q.theme === t).map((q) => q.difficulty).sort()])) as Record<Theme, number[]>;
}

/**
 * What makes two forms not parallel, in French, one line per problem (empty when parallel):
 * for every audience, the same number of questions per theme with the same difficulties, at
 * least `minQuestions` questions; no question id or prompt shared between the forms.
 */
export function parallelProblems(a: readonly DisplayQuestion[], b: readonly DisplayQuestion[], minQuestions = 12): string[] {
	const out: string[] = [];
	for (const aud of AUDIENCES) {
		const pa = formProfile(a, aud);
		const pb = formProfile(b, aud);
		const na = questionsFor(a, aud).length;
		const nb = questionsFor(b, aud).length;
		if (na < minQuestions) out.push(`forme A, public « ${aud} » : ${na} questions, au moins ${minQuestions} attendues`);
		if (nb < minQuestions) out.push(`forme B, public « ${aud} » : ${nb} questions, au moins ${minQuestions} attendues`);
		for (const t of THEMES) {
			if (pa[t].join(',') !== pb[t].join(',')) {
				out.push(`public « ${aud} », thème « ${t} » : difficultés [${pa[t].join(', ')}] en forme A, [${pb[t].join(', ')}] en forme B`);
			}
		}
	}
	const idsA = new Set(a.map((q) => q.id));
	const promptsA = new Set(a.map((q) => q.prompt.trim().toLowerCase()));
	for (const q of b) {
		if (idsA.has(q.id)) out.push(`question « ${q.id} » dans les deux formes`);
		else if (promptsA.has(q.prompt.trim().toLowerCase())) out.push(`question « ${q.id} » : même énoncé qu'une question de la forme A`);
	}
	return out;
}

// ---------------------------------------------------------------- the learner's track

/** The module ids of a learner's track (nurse setting variant when chosen), or null without a profile. */
export function learnerTrackIds(
	tracks: Readonly<Record<string, { ids: string[]; variants: Record<string, string[]> }>>,
	profile: Profile | null,
	setting: string | null,
): string[] | null {
	if (!profile || !Object.hasOwn(tracks, profile)) return null;
	const tr = tracks[profile];
	return (setting && Object.hasOwn(tr.variants, setting) ? tr.variants[setting] : null) ?? tr.ids;
}

/** Right and wrong per question of a submitted check, for the detail view. */
export function verdicts(questions: readonly DisplayQuestion[], answers: Answers): Record<string, boolean> {
	return Object.fromEntries(questions.map((q) => [q.id, isCorrect(q, Object.hasOwn(answers, q.id) ? answers[q.id] : undefined)]));
}

// ---------------------------------------------------------------- transitions of the progress state

/** Removes a before / end / 30-day point (the learner erased that result). */
export function removeMeasure(state: ProgressState, kind: MeasureKind): ProgressState {
	if (!state.measures?.[kind]) return state;
	const rest = { ...state.measures };
	delete rest[kind];
	const next: ProgressState = { ...state };
	if (isEmptyMeasures(rest)) delete next.measures;
	else next.measures = mergeMeasures(rest);
	return next;
}

/** Records a before / end / 30-day point (replacing the previous one of that kind). */
export function setMeasure(state: ProgressState, kind: MeasureKind, point: MeasurePoint): ProgressState {
	return { ...state, measures: mergeMeasures({ ...(state.measures ?? {}), [kind]: point }) };
}
