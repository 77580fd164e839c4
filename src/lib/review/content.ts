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
		/** The module's change log (only `version` and `questions` are used here). */
		changes?: readonly { version: number; questions: readonly string[] }[];
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
	/** Questions changed by each content version, when the module's change log names any. */
	changes?: { version: number; questions: string[] }[];
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
		...changedQuestions(m.data.changes),
	}));
}

function changedQuestions(changes: ReviewSourceModule['data']['changes']): { changes?: { version: number; questions: string[] }[] } {
	const list = (changes ?? []).filter((c) => c.questions.length > 0).map((c) => ({ version: c.version, questions: [...c.questions] }));
	return list.length ? { changes: list } : {};
}

/** Version and question ids by module id (from `reviewContent`): what `syncFromProgress` checks cards against. */
type IndexEntry = { version: number; questions: string[]; changes?: { version: number; questions: string[] }[] };

export function reviewIndex(modules: readonly ReviewModule[]): Record<string, IndexEntry> {
	const index: Record<string, IndexEntry> = {};
	for (const m of modules) {
		index[m.id] = { version: m.version, questions: m.questions.map((q) => q.id), ...(m.changes?.length ? { changes: m.changes } : {}) };
	}
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
	const index: Record<string, IndexEntry> = {};
	const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((q) => typeof q === 'string');
	for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
		if (typeof v !== 'object' || v === null) return null;
		const { version, questions, changes } = v as { version?: unknown; questions?: unknown; changes?: unknown };
		if (!Number.isInteger(version) || !isStrings(questions)) return null;
		if (id === '__proto__') return null;
		const entry: IndexEntry = { version: version as number, questions };
		if (changes !== undefined) {
			if (!Array.isArray(changes)) return null;
			const list: { version: number; questions: string[] }[] = [];
			for (const c of changes) {
				if (typeof c !== 'object' || c === null) return null;
				const { version: cv, questions: cq } = c as { version?: unknown; questions?: unknown };
				if (!Number.isInteger(cv) || !isStrings(cq)) return null;
				list.push({ version: cv as number, questions: cq });
			}
			entry.changes = list;
		}
		index[id] = entry;
	}
	return index;
}
