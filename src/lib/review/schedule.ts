/**
 * Spaced review of missed quiz questions: a Leitner system, pure (state in, new state out;
 * inputs are never mutated). No storage, no DOM: `section.ts` wires it into the progress store.
 *
 * ## How questions move
 *
 * Each missed question becomes a card in box 1. A card in box n is due INTERVALS[n - 1] days
 * after it was put there: 1, 2, 4, 8 then 16 days. A right answer moves it up one box (and
 * pushes its due date accordingly); a wrong answer sends it back to box 1, due the next day.
 * A right answer in box 5 retires the card: the question has come back right five times over
 * about a month (1 + 2 + 4 + 8 + 16 = 31 days), it leaves the review.
 *
 * A card enters due the day after the miss, never the same day: reviewing at once would be
 * rereading, not spacing. Sessions hold at most SESSION_SIZE cards (8 questions at about 35
 * seconds each: a 5-minute break), the oldest due first.
 *
 * ## Stored shape (section `review`, version 1)
 *
 * ```ts
 * {
 *   v: 1,
 *   cards: [{
 *     moduleId: 'shadow-ia-fuites-donnees', // module slug
 *     questionId: 'q2',                      // question id within the module
 *     box: 1,                                // 1–5
 *     due: '2026-11-29',                     // first day the card may be asked, YYYY-MM-DD
 *     version: 1,                            // module content version the question was missed on
 *     added: '2026-11-28',                   // day it (last) entered box 1 from a quiz miss
 *   }],
 *   synced: { 'shadow-ia-fuites-donnees': 3 }, // quiz attempts already turned into cards, by module
 *   retired: 4,                             // cards retired so far (a count, for the summary)
 *   changesSeen: { 'ai-act-essentiel': 2 },  // optional: changed questions already brought back, by module
 * }
 * ```
 *
 * ## Where cards come from (`syncFromProgress`)
 *
 * The quiz island records `missed` (question ids missed on the last attempt) and `attempts` in
 * the progress state; it knows nothing of reviews. Whenever the review page or the home badge
 * loads, modules whose attempt count differs from `synced` have had a new attempt since the
 * last sync: their missed questions become (or go back to) box-1 cards. Running the sync again
 * changes nothing, so a question missed once is not reset to box 1 on every page load.
 *
 * ## Content changes
 *
 * Cards whose module or question no longer exists in the built content are dropped at sync
 * (`pruneCards`). A card keeps the content version it was missed on, so the page can say when
 * the module has changed since; a new miss on newer content updates it.
 *
 * When a module's new version changed some questions (its `changes[].questions`), a learner
 * who had passed the module on an earlier version gets those questions back as box-1 cards
 * (`reenterChanged`), except the ones missed on the last attempt (already cards). The
 * optional `changesSeen` map (module id → content version already handled) keeps this from
 * happening twice; data written before it existed simply lacks it.
 *
 * ## Reading stored data (`parseReview`)
 *
 * Never throws. Nothing stored: the empty state. A bad card (wrong id, box, date, version) or
 * a duplicate is dropped alone, a bad `synced` entry too, a bad `retired` becomes 0: the rest
 * is kept and the value reported `corrupt` so the store sets the original aside. A version
 * above 1: `future`, the empty state in its place. Anything else: `corrupt`, the empty state.
 */
import { addDays, isId, isIntInRange, isIsoDate, isPlainObject } from '../progress/model';
import type { SectionParse } from '../progress/store';

/** Version of the `review` section (key suffix `:review:v1`). */
export const REVIEW_VERSION = 1;

/** Days before a card of box n (index n - 1) is due again. */
export const INTERVALS = [1, 2, 4, 8, 16] as const;

/** Highest box; a right answer there retires the card. */
export const MAX_BOX = INTERVALS.length;

/** Cards per session: about 5 minutes at 35 seconds a question. */
export const SESSION_SIZE = 8;

/** Most cards kept (27 modules of about 7 questions fit many times over). */
export const MAX_CARDS = 1000;

/** Identifies a card: one question of one module. */
export interface CardKey {
	moduleId: string;
	questionId: string;
}

/** A question to review. */
export interface ReviewCard extends CardKey {
	/** Leitner box, 1–MAX_BOX. */
	box: number;
	/** First day the card may be asked, YYYY-MM-DD. */
	due: string;
	/** Module content version the question was missed on. */
	version: number;
	/** Day the card (last) entered box 1 from a quiz miss, YYYY-MM-DD. */
	added: string;
}

/** The whole review state. */
export interface ReviewState {
	v: typeof REVIEW_VERSION;
	cards: ReviewCard[];
	/** Quiz attempts already turned into cards, by module id. */
	synced: Record<string, number>;
	/** Cards retired so far. */
	retired: number;
	/** Module content version whose changed questions were already brought back, by module id (optional). */
	changesSeen?: Record<string, number>;
}

/** A missed question to add, with the module content version it was missed on. */
export interface MissedItem extends CardKey {
	version: number;
}

/** What the built content holds, by module id: current version and question ids. */
export type ContentIndex = Readonly<
	Record<
		string,
		{
			readonly version: number;
			readonly questions: readonly string[];
			/** Questions changed by each content version (from the module's `changes`), when any. */
			readonly changes?: readonly { readonly version: number; readonly questions: readonly string[] }[];
		}
	>
>;

/** The quiz facts sync needs from the progress state (a `ProgressState` fits). */
export interface ProgressLike {
	modules: Readonly<Record<string, { attempts: number; missed?: readonly string[]; status?: string; version?: number }>>;
}

export interface SessionOptions {
	/** Most cards in the session (default SESSION_SIZE). */
	maxCards?: number;
}

// ---------------------------------------------------------------- helpers

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

function sameCard(a: CardKey, b: CardKey): boolean {
	return a.moduleId === b.moduleId && a.questionId === b.questionId;
}

function assertDate(today: string): void {
	if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${String(today)}`);
}

/** Days a card waits after being put in `box`. */
export function intervalFor(box: number): number {
	return INTERVALS[Math.min(MAX_BOX, Math.max(1, box)) - 1];
}

// ---------------------------------------------------------------- state

/** A learner with nothing to review. */
export function emptyReview(): ReviewState {
	return { v: REVIEW_VERSION, cards: [], synced: {}, retired: 0 };
}

/** The card of a question, or undefined (retired or never missed). */
export function findCard(state: ReviewState, key: CardKey): ReviewCard | undefined {
	return state.cards.find((c) => sameCard(c, key));
}

/**
 * Adds missed questions as box-1 cards due tomorrow. A question already in the review goes
 * back to box 1 (it was just missed again) and takes the new content version; a retired
 * question comes back. Items with a bad id or version are ignored; duplicates count once.
 */
export function addMissed(state: ReviewState, items: readonly MissedItem[], today: string): ReviewState {
	assertDate(today);
	const due = addDays(today, intervalFor(1));
	let cards = state.cards;
	let changed = false;
	for (const item of items) {
		if (!isId(item.moduleId) || !isId(item.questionId) || !isIntInRange(item.version, 1, Number.MAX_SAFE_INTEGER)) continue;
		const fresh: ReviewCard = { moduleId: item.moduleId, questionId: item.questionId, box: 1, due, version: item.version, added: today };
		const i = cards.findIndex((c) => sameCard(c, item));
		if (i >= 0) {
			const old = cards[i];
			if (old.box === 1 && old.due === due && old.version === item.version && old.added === today) continue;
			cards = cards.map((c, j) => (j === i ? fresh : c));
		} else {
			if (cards.length >= MAX_CARDS) continue;
			cards = [...cards, fresh];
		}
		changed = true;
	}
	return changed ? { ...state, cards } : state;
}

/**
 * Records an answer to a card: right moves it up a box (due after that box's interval), or
 * retires it when it was in the last box; wrong sends it back to box 1, due tomorrow. An
 * unknown card leaves the state as it is.
 */
export function answer(state: ReviewState, key: CardKey, correct: boolean, today: string): ReviewState {
	assertDate(today);
	const i = state.cards.findIndex((c) => sameCard(c, key));
	if (i < 0) return state;
	const card = state.cards[i];
	if (correct && card.box >= MAX_BOX) {
		return { ...state, cards: state.cards.filter((_, j) => j !== i), retired: state.retired + 1 };
	}
	const box = correct ? card.box + 1 : 1;
	const moved: ReviewCard = { ...card, box, due: addDays(today, intervalFor(box)) };
	return { ...state, cards: state.cards.map((c, j) => (j === i ? moved : c)) };
}

/** Cards due on `today` or before: the oldest due first, then the lower box, then the order they were added in. */
export function due(state: ReviewState, today: string): ReviewCard[] {
	assertDate(today);
	// Array.prototype.sort is stable: equal cards keep their insertion (quiz) order.
	return state.cards.filter((c) => c.due <= today).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.box - b.box));
}

/** How many cards are due on `today`. */
export function dueCount(state: ReviewState, today: string): number {
	assertDate(today);
	return state.cards.reduce((n, c) => (c.due <= today ? n + 1 : n), 0);
}

/** The cards of one short session (at most `maxCards`, default SESSION_SIZE), in `due` order. */
export function session(state: ReviewState, today: string, options: SessionOptions = {}): ReviewCard[] {
	const max = options.maxCards ?? SESSION_SIZE;
	const n = Number.isInteger(max) && max > 0 ? max : SESSION_SIZE;
	return due(state, today).slice(0, n);
}

/** The earliest due date among all cards, or null when there is nothing left to review. */
export function nextDue(state: ReviewState): string | null {
	let min: string | null = null;
	for (const c of state.cards) if (min === null || c.due < min) min = c.due;
	return min;
}

/**
 * The earliest due date strictly after `today` (when the learner can come back once today's
 * cards are done), or null.
 */
export function nextDueAfter(state: ReviewState, today: string): string | null {
	let min: string | null = null;
	for (const c of state.cards) if (c.due > today && (min === null || c.due < min)) min = c.due;
	return min;
}

/**
 * Drops cards whose module or question is no longer in the content, and `synced` marks of
 * removed modules. Returns the same object when nothing goes.
 */
export function pruneCards(state: ReviewState, content: ContentIndex): ReviewState {
	const exists = (c: CardKey) => own(content, c.moduleId)?.questions.includes(c.questionId) === true;
	const cards = state.cards.every(exists) ? state.cards : state.cards.filter(exists);
	const ids = Object.keys(state.synced);
	const keep = ids.filter((id) => own(content, id) !== undefined);
	if (cards === state.cards && keep.length === ids.length) return state;
	const synced: Record<string, number> = {};
	for (const id of keep) synced[id] = state.synced[id];
	return { ...state, cards, synced };
}

/**
 * Brings the review up to date with the progress state (see "Where cards come from"): the
 * missed questions of each module attempted since the last sync become box-1 cards, tagged
 * with the module's current content version; questions the content no longer has are
 * skipped; then cards of removed content are pruned. Idempotent.
 */
export function syncFromProgress(state: ReviewState, progress: ProgressLike, content: ContentIndex, today: string): ReviewState {
	assertDate(today);
	let next = state;
	for (const moduleId of Object.keys(progress.modules)) {
		const entry = progress.modules[moduleId];
		const mod = own(content, moduleId);
		if (!mod || !isIntInRange(entry.attempts, 0, Number.MAX_SAFE_INTEGER)) continue;
		if (own(next.synced, moduleId) === entry.attempts) continue;
		const items = (entry.missed ?? [])
			.filter((q) => mod.questions.includes(q))
			.map((questionId) => ({ moduleId, questionId, version: mod.version }));
		next = addMissed(next, items, today);
		next = { ...next, synced: { ...next.synced, [moduleId]: entry.attempts } };
	}
	return pruneCards(reenterChanged(next, progress, content, today), content);
}

/**
 * Brings back the questions a newer content version changed, for learners who had passed the
 * module on an earlier version (see "Content changes"). They become box-1 cards due tomorrow,
 * tagged with the current version; questions missed on the last attempt and questions the
 * content no longer has are skipped. Each module version is handled once (`changesSeen`).
 * Idempotent; returns the same object when nothing changes.
 */
export function reenterChanged(state: ReviewState, progress: ProgressLike, content: ContentIndex, today: string): ReviewState {
	assertDate(today);
	let next = state;
	for (const moduleId of Object.keys(progress.modules)) {
		const entry = progress.modules[moduleId];
		const mod = own(content, moduleId);
		if (!mod || !mod.changes?.length || entry.status !== 'completed') continue;
		if (!isIntInRange(entry.version, 1, Number.MAX_SAFE_INTEGER) || entry.version >= mod.version) continue;
		const seen = own(next.changesSeen ?? {}, moduleId) ?? 0;
		if (seen >= mod.version) continue;
		const from = Math.max(seen, entry.version);
		const missed = entry.missed ?? [];
		const wanted = new Set<string>();
		for (const change of mod.changes) {
			if (change.version <= from || change.version > mod.version) continue;
			for (const q of change.questions) if (mod.questions.includes(q) && !missed.includes(q)) wanted.add(q);
		}
		const items = [...wanted].map((questionId) => ({ moduleId, questionId, version: mod.version }));
		next = addMissed(next, items, today);
		next = { ...next, changesSeen: { ...(next.changesSeen ?? {}), [moduleId]: mod.version } };
	}
	return next;
}

// ---------------------------------------------------------------- stored data

function parseCard(raw: unknown): ReviewCard | null {
	if (!isPlainObject(raw)) return null;
	const { moduleId, questionId, box, due: dueOn, version, added } = raw;
	if (!isId(moduleId) || !isId(questionId)) return null;
	if (!isIntInRange(box, 1, MAX_BOX) || !isIntInRange(version, 1, Number.MAX_SAFE_INTEGER)) return null;
	if (!isIsoDate(dueOn) || !isIsoDate(added)) return null;
	return { moduleId, questionId, box, due: dueOn, version, added };
}

/** Reads what JSON.parse gave back from storage; never throws, always returns a usable state. */
export function parseReview(raw: unknown): SectionParse<ReviewState> {
	if (raw === undefined || raw === null) return { value: emptyReview() };
	if (!isPlainObject(raw)) return { value: emptyReview(), problem: 'corrupt' };
	if (raw.v !== REVIEW_VERSION) {
		if (isIntInRange(raw.v, REVIEW_VERSION + 1, Number.MAX_SAFE_INTEGER)) return { value: emptyReview(), problem: 'future' };
		return { value: emptyReview(), problem: 'corrupt' };
	}
	const value = emptyReview();
	let damaged = false;

	if (Array.isArray(raw.cards)) {
		for (const item of raw.cards) {
			const card = parseCard(item);
			if (!card || value.cards.length >= MAX_CARDS || findCard(value, card)) {
				damaged = true;
				continue;
			}
			value.cards.push(card);
		}
	} else if (raw.cards !== undefined) damaged = true;

	if (isPlainObject(raw.synced)) {
		for (const id of Object.keys(raw.synced)) {
			const n = raw.synced[id];
			// The id check also keeps "__proto__" (an own key after JSON.parse) from being assigned.
			if (isId(id) && isIntInRange(n, 0, Number.MAX_SAFE_INTEGER)) value.synced[id] = n;
			else damaged = true;
		}
	} else if (raw.synced !== undefined) damaged = true;

	if (isIntInRange(raw.retired, 0, Number.MAX_SAFE_INTEGER)) value.retired = raw.retired;
	else if (raw.retired !== undefined) damaged = true;

	if (isPlainObject(raw.changesSeen)) {
		const seen: Record<string, number> = {};
		for (const id of Object.keys(raw.changesSeen)) {
			const n = raw.changesSeen[id];
			if (isId(id) && isIntInRange(n, 1, Number.MAX_SAFE_INTEGER)) seen[id] = n;
			else damaged = true;
		}
		value.changesSeen = seen;
	} else if (raw.changesSeen !== undefined) damaged = true;

	return damaged ? { value, problem: 'corrupt' } : { value };
}
