/**
 * The serialised search index shared by the builder (build-index.ts) and the searcher
 * (query.ts). Kept apart so the browser bundle imports no build code.
 */

/** Format version of the serialised index; `createSearcher` rejects any other. */
export const SEARCH_INDEX_VERSION = 1;

/** Longest plain text kept per document for snippets (characters). */
export const SNIPPET_TEXT_MAX = 12000;

/** What the result list shows about a document, keyed by lunr ref. */
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
	/**
	 * Plain text for snippets, capped at `SNIPPET_TEXT_MAX`: summary then body, key points and
	 * case for a module; the aliases for a term (its definition is already `summary`).
	 */
	text: string;
}

/** The payload of `search-index.json`. */
export interface SerializedSearchIndex {
	v: typeof SEARCH_INDEX_VERSION;
	/** `lunr.Index#toJSON()`. */
	index: object;
	docs: Record<string, SearchDoc>;
	/** Synonym groups from the glossary: the term label (without its parenthesis) and its aliases. */
	synonyms: string[][];
}
