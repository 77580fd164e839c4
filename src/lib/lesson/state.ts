/**
 * Where a learner is in each lesson, so that any interruption (a call bell, a closed tab, a
 * dead battery, days off) resumes at the same place with every answer given. Pure: state in,
 * new state out, inputs never mutated; the store section is wired in `section.ts`.
 *
 * ## Stored shape (section `lesson`, version 1, key `pias:<ns>:lesson:v1`)
 *
 * ```ts
 * {
 *   v: 1,
 *   modules: {
 *     'injection-de-prompt': {
 *       cv: 2,                    // content version the answers were given on
 *       at: 'voies-d-entree',     // where the learner is: a step id, '@case' or '@quiz'
 *       far: 3,                   // furthest position reached, 0-based (steps, then case, then quiz)
 *       checks: { c1: 'b', c2: 'a.c' },   // step-check answers: choice ids joined by '.'
 *       choice: 'b',              // case option chosen (absent until chosen); 'ehpad:b' when
 *                                 // chosen in a nurse-setting version of the case (lesson/case.ts)
 *       quiz: { seed: 8812, answers: { q1: 'a', q4: 'a.b.c' } },  // current attempt (absent when none)
 *       t: 1764751200000,         // last change, ms since 1970 (orders two tabs' writes)
 *     },
 *   },
 * }
 * ```
 *
 * Only ids and short codes are kept, never text: about 150 bytes for a whole lesson. At most
 * MAX_LESSONS modules are kept (the least recently used are dropped first).
 *
 * ## Content changes
 *
 * Answers are tied to `cv`. When the module's version has moved on, `forVersion` drops the
 * answers (their questions may have changed) but keeps the position when its step still exists,
 * so the learner still resumes at the right place.
 *
 * ## Reading stored data (`parseLessons`)
 *
 * Never throws. A bad module entry is dropped alone, a bad answer inside one is dropped alone;
 * either reports `corrupt` so the store sets the original aside. A version above 1: `future`.
 *
 * ## Two tabs
 *
 * `mergeLessons` keeps, module by module, the entry changed last (`t`), so two tabs on two
 * different lessons both keep their place, and two tabs on one lesson agree on the latest.
 */
import { isId, isIntInRange, isPlainObject } from '../progress/model';
import type { SectionParse } from '../progress/store';
import { CASE_CHOICE } from './case';

export const LESSON_VERSION = 1;

/** Most lessons remembered. */
export const MAX_LESSONS = 60;

/** Position of the case and of the quiz in `at`. */
export const AT_CASE = '@case';
export const AT_QUIZ = '@quiz';

/** Choice ids joined by '.', e.g. `a` or `a.c`. */
const CODE = /^[a-z0-9-]{1,20}(?:\.[a-z0-9-]{1,20}){0,9}$/;

export interface QuizAttempt {
	/** Seed of this attempt's question and choice order. */
	seed: number;
	/** Answer code by question id. */
	answers: Record<string, string>;
}

export interface LessonEntry {
	cv: number;
	at: string;
	far: number;
	checks: Record<string, string>;
	choice?: string;
	quiz?: QuizAttempt;
	t: number;
}

export interface LessonsState {
	v: typeof LESSON_VERSION;
	modules: Record<string, LessonEntry>;
}

/** The lesson's outline as the page knows it: step ids in order. */
export interface LessonOutline {
	steps: readonly string[];
}

export function emptyLessons(): LessonsState {
	return { v: LESSON_VERSION, modules: {} };
}

/** Every position of a lesson, in order: its steps, then the case, then the quiz. */
export function positions(outline: LessonOutline): string[] {
	return [...outline.steps, AT_CASE, AT_QUIZ];
}

/** Index of a position (0-based), or -1 when it is not in this lesson. */
export function positionIndex(outline: LessonOutline, at: string): number {
	return positions(outline).indexOf(at);
}

/** Choice ids → code (sorted so the same answer always gives the same code). */
export function encodeAnswer(ids: readonly string[]): string {
	return [...new Set(ids)].sort().join('.');
}

/** Code → choice ids; an empty list for a bad code. */
export function decodeAnswer(code: string | undefined): string[] {
	return code && CODE.test(code) ? code.split('.') : [];
}

export function getLesson(state: LessonsState, moduleId: string): LessonEntry | undefined {
	return Object.hasOwn(state.modules, moduleId) ? state.modules[moduleId] : undefined;
}

function freshEntry(cv: number, outline: LessonOutline, now: number): LessonEntry {
	return { cv, at: outline.steps[0] ?? AT_CASE, far: 0, checks: {}, t: now };
}

/**
 * The entry to use for this content version: a fresh one when none is stored; when the content
 * changed, the answers are dropped but the position kept if its step still exists.
 */
export function forVersion(entry: LessonEntry | undefined, cv: number, outline: LessonOutline, now: number): LessonEntry {
	if (!entry) return freshEntry(cv, outline, now);
	if (entry.cv === cv) return entry;
	const i = positionIndex(outline, entry.at);
	const fresh = freshEntry(cv, outline, now);
	return i < 0 ? fresh : { ...fresh, at: entry.at, far: Math.max(i, Math.min(entry.far, positions(outline).length - 1)) };
}

function put(state: LessonsState, moduleId: string, entry: LessonEntry): LessonsState {
	const modules: Record<string, LessonEntry> = { ...state.modules, [moduleId]: entry };
	const ids = Object.keys(modules);
	if (ids.length > MAX_LESSONS) {
		ids.sort((a, b) => modules[a].t - modules[b].t);
		for (const id of ids.slice(0, ids.length - MAX_LESSONS)) delete modules[id];
	}
	return { v: LESSON_VERSION, modules };
}

/** Applies `fn` to the module's entry (created or brought to `cv` first) and stamps it. */
export function updateLesson(
	state: LessonsState,
	moduleId: string,
	cv: number,
	outline: LessonOutline,
	now: number,
	fn: (e: LessonEntry) => LessonEntry,
): LessonsState {
	if (!isId(moduleId)) return state;
	const before = forVersion(getLesson(state, moduleId), cv, outline, now);
	const after = fn(before);
	if (after === before && getLesson(state, moduleId) === before) return state;
	return put(state, moduleId, { ...after, t: Math.max(now, before.t) });
}

/** Moves to a position (a step id, AT_CASE or AT_QUIZ); `far` only grows. */
export function goTo(outline: LessonOutline, at: string) {
	return (e: LessonEntry): LessonEntry => {
		const i = positionIndex(outline, at);
		if (i < 0 || e.at === at) return e;
		return { ...e, at, far: Math.max(e.far, i) };
	};
}

/** Records a step-check answer (the first answer counts: a check is not retaken in place). */
export function answerCheck(checkId: string, ids: readonly string[]) {
	return (e: LessonEntry): LessonEntry => {
		if (!isId(checkId) || Object.hasOwn(e.checks, checkId) || ids.length === 0) return e;
		return { ...e, checks: { ...e.checks, [checkId]: encodeAnswer(ids) } };
	};
}

/**
 * Records the case option chosen (the first choice counts): an option id (`b`) for the base
 * case, or `ehpad:b` for an option of a setting version (`encodeCaseChoice` in case.ts).
 */
export function chooseOption(choice: string) {
	return (e: LessonEntry): LessonEntry => (e.choice !== undefined || !CASE_CHOICE.test(choice) ? e : { ...e, choice });
}

/** Starts a quiz attempt with its own order seed, unless one is under way. */
export function startQuiz(seed: number) {
	return (e: LessonEntry): LessonEntry =>
		e.quiz ? e : { ...e, quiz: { seed: normaliseSeed(seed), answers: {} } };
}

/** Records a quiz answer in the current attempt (starting one if needed). */
export function answerQuiz(questionId: string, ids: readonly string[], seed: number) {
	return (e: LessonEntry): LessonEntry => {
		if (!isId(questionId) || ids.length === 0) return e;
		const quiz = e.quiz ?? { seed: normaliseSeed(seed), answers: {} };
		if (Object.hasOwn(quiz.answers, questionId)) return e;
		return { ...e, quiz: { seed: quiz.seed, answers: { ...quiz.answers, [questionId]: encodeAnswer(ids) } } };
	};
}

/** Ends the current attempt (after it was scored and recorded): the next one gets a new order. */
export function endQuiz() {
	return (e: LessonEntry): LessonEntry => {
		if (!e.quiz) return e;
		const { quiz: _ended, ...rest } = e;
		return rest;
	};
}

/** Seeds are positive 31-bit integers. */
export function normaliseSeed(seed: number): number {
	const n = Math.abs(Math.floor(Number.isFinite(seed) ? seed : 1)) % 2_147_483_647;
	return n === 0 ? 1 : n;
}

// ---------------------------------------------------------------- order

/** mulberry32: a small, fast, well-spread PRNG; the same seed always gives the same order. */
function prng(seed: number): () => number {
	let a = normaliseSeed(seed);
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A copy of `items` in the order this seed gives (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	const next = prng(seed);
	for (let i = out.length - 1; i > 0; i -= 1) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * The order of one attempt: questions shuffled, and each question's choices shuffled with a
 * seed of their own. True/false keeps « Vrai » before « Faux » (readers expect it; swapping
 * it teaches nothing). Scoring uses ids, so any order scores the same.
 */
export function attemptOrder(
	questions: readonly { id: string; type: string; choices: readonly { id: string }[] }[],
	seed: number,
): { id: string; choices: string[] }[] {
	return shuffled(questions, seed).map((q, i) => ({
		id: q.id,
		choices: q.type === 'truefalse' ? q.choices.map((c) => c.id) : shuffled(q.choices.map((c) => c.id), seed + 7919 * (i + 1)),
	}));
}

// ---------------------------------------------------------------- summary

/** What the track page, home page and dashboard say of a lesson in progress. */
export interface LessonSummary {
	/** 1-based step the learner is at, or null when at the case or the quiz. */
	step: number | null;
	steps: number;
	at: 'step' | 'case' | 'quiz';
}

export function lessonSummary(entry: LessonEntry | undefined, outline: LessonOutline): LessonSummary | null {
	if (!entry) return null;
	const i = outline.steps.indexOf(entry.at);
	if (i >= 0) return { step: i + 1, steps: outline.steps.length, at: 'step' };
	if (entry.at === AT_CASE) return { step: null, steps: outline.steps.length, at: 'case' };
	if (entry.at === AT_QUIZ) return { step: null, steps: outline.steps.length, at: 'quiz' };
	return null;
}

// ---------------------------------------------------------------- merge and parse

/** Module by module, the entry changed last. */
export function mergeLessons(a: LessonsState, b: LessonsState): LessonsState {
	let out: LessonsState = { v: LESSON_VERSION, modules: { ...a.modules } };
	for (const id of Object.keys(b.modules)) {
		if (!isId(id)) continue;
		const mine = getLesson(a, id);
		const theirs = b.modules[id];
		if (!mine || theirs.t > mine.t) out = put(out, id, theirs);
	}
	return out;
}

function parseAnswers(raw: unknown): { value: Record<string, string>; damaged: boolean } {
	const value: Record<string, string> = {};
	if (!isPlainObject(raw)) return { value, damaged: raw !== undefined };
	let damaged = false;
	for (const [k, v] of Object.entries(raw)) {
		if (isId(k) && typeof v === 'string' && CODE.test(v)) value[k] = v;
		else damaged = true;
	}
	return { value, damaged };
}

function parseEntry(raw: unknown): { entry: LessonEntry; damaged: boolean } | null {
	if (!isPlainObject(raw)) return null;
	const { cv, at, far, checks, choice, quiz, t } = raw;
	if (!isIntInRange(cv, 1, Number.MAX_SAFE_INTEGER) || typeof at !== 'string' || !(isId(at) || at === AT_CASE || at === AT_QUIZ)) return null;
	if (!isIntInRange(far, 0, 50) || !isIntInRange(t, 0, Number.MAX_SAFE_INTEGER)) return null;
	const c = parseAnswers(checks);
	let damaged = c.damaged;
	const entry: LessonEntry = { cv, at, far, checks: c.value, t };
	if (choice !== undefined) {
		if (typeof choice === 'string' && CASE_CHOICE.test(choice)) entry.choice = choice;
		else damaged = true;
	}
	if (quiz !== undefined) {
		if (isPlainObject(quiz) && isIntInRange(quiz.seed, 1, 2_147_483_646)) {
			const a = parseAnswers(quiz.answers);
			damaged ||= a.damaged;
			entry.quiz = { seed: quiz.seed, answers: a.value };
		} else damaged = true;
	}
	return { entry, damaged };
}

/** Reads the stored section; never throws (see "Reading stored data" above). */
export function parseLessons(raw: unknown): SectionParse<LessonsState> {
	if (raw === undefined || raw === null) return { value: emptyLessons() };
	if (!isPlainObject(raw)) return { value: emptyLessons(), problem: 'corrupt' };
	if (raw.v !== LESSON_VERSION) {
		if (isIntInRange(raw.v, LESSON_VERSION + 1, Number.MAX_SAFE_INTEGER)) return { value: emptyLessons(), problem: 'future' };
		return { value: emptyLessons(), problem: 'corrupt' };
	}
	const state = emptyLessons();
	let damaged = !isPlainObject(raw.modules);
	const modules = isPlainObject(raw.modules) ? raw.modules : {};
	for (const id of Object.keys(modules)) {
		const parsed = isId(id) ? parseEntry(modules[id]) : null;
		if (!parsed) {
			damaged = true;
			continue;
		}
		damaged ||= parsed.damaged;
		state.modules[id] = parsed.entry;
	}
	return damaged ? { value: state, problem: 'corrupt' } : { value: state };
}

/** French words for where a learner is, for cards and links: « étape 3 sur 5 », « au cas pratique », « au quiz ». */
export function summaryLabel(summary: LessonSummary | null): string | null {
	if (!summary) return null;
	if (summary.at === 'step') return `étape ${summary.step} sur ${summary.steps}`;
	return summary.at === 'case' ? 'au cas pratique' : 'au quiz';
}

/** Step ids by module id, from a `data-lessons` JSON block; {} when missing or malformed. */
export function parseOutlines(text: string | null | undefined): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	try {
		const raw: unknown = JSON.parse(text ?? '{}');
		if (!isPlainObject(raw)) return out;
		for (const [id, steps] of Object.entries(raw)) {
			if (isId(id) && Array.isArray(steps) && steps.every((s) => isId(s))) out[id] = steps as string[];
		}
	} catch {
		// no outlines: cards simply do not name a step
	}
	return out;
}
