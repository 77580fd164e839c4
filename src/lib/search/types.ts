/**
 * The serialised search index shared by the builder (build-index.ts) and the searcher
 * (query.ts). Kept apart so the browser bundle imports no build code.
 *
 * Two files, so that the first search only waits for what ranks results:
 * - `search-index.json` (`SerializedSearchIndex`): the vocabulary, one sparse weight vector per
 *   document and field, what a result card shows, the phrases each document holds, the synonym
 *   groups, and where each word sits in a lesson's steps. Enough to rank and link every result.
 * - `search-text.json` (`SerializedSearchTexts`): the plain text of each document, used only to
 *   cut the ~25-word excerpts; the page asks for it alongside the index and shows the excerpts
 *   when it arrives.
 *
 * The weights are lunr's BM25 field weights (boosts applied) computed at build time; lunr's own
 * serialisation repeats every term and every document ref in each posting and stores term
 * positions we never read, so it is not shipped.
 */

/** Format version of both files; `createSearcher` rejects any other. */
export const SEARCH_INDEX_VERSION = 2;

/** Longest plain text kept per document for snippets (characters). */
export const SNIPPET_TEXT_MAX = 12000;

/** Fields of a document, in the order of `SerializedSearchIndex.vectors`. */
export const SEARCH_FIELDS = ['title', 'lead', 'body', 'theme'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Weights are stored as integers: `Math.round(weight * WEIGHT_SCALE)`. */
export const WEIGHT_SCALE = 100;

/** One lesson step of a module, as a result names it (« Étape 2 : … »). */
export interface SearchStep {
	id: string;
	title: string;
}

/** What the result list shows about a document; its place in `docs` is its ref. */
export interface SearchDoc {
	kind: 'module' | 'term';
	/** Module id or glossary term id. */
	id: string;
	/** Module title or term label. */
	title: string;
	/** Module summary, or term definition. */
	summary: string;
	theme?: string;
	profiles?: string[];
	/** Estimated minutes shown to learners (modules only). */
	minutes?: number;
	/** Lesson steps, in order (modules written as steps only). */
	steps?: SearchStep[];
	/**
	 * Where each word of the `lead` and `body` vectors sits, one character per vector entry, in
	 * the vectors' order: `0` outside any step (summary, objectives, key points, case), `1`… the
	 * 1-based step (digits then letters, base 36). Lessons only.
	 */
	at?: { lead: string; body: string };
}

/** The payload of `search-index.json`. */
export interface SerializedSearchIndex {
	v: typeof SEARCH_INDEX_VERSION;
	/** Fingerprint of this build's vocabulary and texts, repeated in search-text.json. */
	build: string;
	/** Index terms (folded French stems), sorted; a term's place is its id. */
	terms: string[];
	/**
	 * `vectors[field][doc]`: the document's terms in that field as a flat list of pairs
	 * `[term id − previous term id, round(weight × WEIGHT_SCALE)]`, by increasing term id.
	 */
	vectors: number[][][];
	docs: SearchDoc[];
	/** Synonym groups from the glossary: the term label (without its parenthesis) and its aliases. */
	synonyms: string[][];
	/**
	 * Multi-word synonyms (as index terms joined by a space) → the documents where their words
	 * follow each other (stop words aside), in the title or the text.
	 */
	phrases: Record<string, number[]>;
}

/** The payload of `search-text.json`. */
export interface SerializedSearchTexts {
	v: typeof SEARCH_INDEX_VERSION;
	/** The `build` of the index these texts belong to (a stale cached copy is refused). */
	build: string;
	/**
	 * Plain text of each document, by ref, capped at `SNIPPET_TEXT_MAX`: summary then body, key
	 * points and case for a module; the aliases for a term (its definition is already `summary`).
	 */
	texts: string[];
	/** Character ranges `[start, end]` of each lesson step in its module's text (lessons only). */
	spans: Array<Array<[number, number]> | null>;
}
