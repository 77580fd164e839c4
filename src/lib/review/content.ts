/**
 * What the review needs from the built content, computed at build time: the quiz of every
 * module for the review page, and a compact index (version and question ids) for the sync
 * that the home badge runs. Pure: module entries in, plain JSON-ready data out.
 */
import { routes } from '../paths';
import type { QuestionType } from '../taxonomy';
import type { ContentIndex } from './schedule';

/** The module fields used here (a catalog `ModuleEntry` fits). */
export interface ReviewSourceModule {
	id: string;
	data: {
		title: string;
		version: number;
		quiz: readonly SourceQuestion[];
		/** Lesson steps: their checks are reviewed like quiz questions when missed. */
		steps?: readonly { check?: SourceQuestion }[];
	};
}

interface SourceQuestion {
	id: string;
	type: QuestionType;
	prompt: string;
	choices: readonly { id: string; text: string }[];
	correct: readonly string[];
	explanation: string;
}

/** One question as the review page asks it. */
export interface ReviewQuestion {
	id: string;
	type: QuestionType;
	prompt: string;
	choices: { id: string; text: string }[];
	correct: string[];
	explanation: string;
}

/** One module as the review page knows it. */
export interface ReviewModule {
	id: string;
	title: string;
	/** Site-relative path of the module page, e.g. `modules/x/` (the page adds the base). */
	path: string;
	version: number;
	questions: ReviewQuestion[];
}

/** Every module's quiz, then its step checks, in the given order, for the review page's data block. */
export function reviewContent(modules: readonly ReviewSourceModule[]): ReviewModule[] {
	return modules.map((m) => ({
		id: m.id,
		title: m.data.title,
		path: routes.module(m.id),
		version: m.data.version,
		questions: [...m.data.quiz, ...(m.data.steps ?? []).flatMap((s) => (s.check ? [s.check] : []))].map((q) => ({
			id: q.id,
			type: q.type,
			prompt: q.prompt,
			choices: q.choices.map((c) => ({ id: c.id, text: c.text })),
			correct: [...q.correct],
			explanation: q.explanation,
		})),
	}));
}

/** Version and question ids by module id (from `reviewContent`): what `syncFromProgress` checks cards against. */
export function reviewIndex(modules: readonly ReviewModule[]): Record<string, { version: number; questions: string[] }> {
	const index: Record<string, { version: number; questions: string[] }> = {};
	for (const m of modules) index[m.id] = { version: m.version, questions: m.questions.map((q) => q.id) };
	return index;
}

/**
 * Reads an index from a data attribute or a JSON block; null when it is missing or malformed
 * (the badge then counts without syncing rather than guessing).
 */
export function parseContentIndex(text: string | null | undefined): ContentIndex | null {
	if (!text) return null;
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
	const index: Record<string, { version: number; questions: string[] }> = {};
	for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
		if (typeof v !== 'object' || v === null) return null;
		const { version, questions } = v as { version?: unknown; questions?: unknown };
		if (!Number.isInteger(version) || !Array.isArray(questions) || !questions.every((q) => typeof q === 'string')) return null;
		if (id === '__proto__') return null;
		index[id] = { version: version as number, questions: questions as string[] };
	}
	return index;
}
