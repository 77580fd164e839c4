// TEMPORARY STUB — to be replaced by the real French lunr searcher.
export interface SearchResult { ref: string; kind: 'module' | 'term'; id: string; title: string; summary?: string; theme?: string; profiles?: string[]; minutes?: number; snippet: { text: string; hit: boolean }[] }
export function createSearcher(_json: unknown) {
	return { search: (_q: string, _o: { theme?: string; profile?: string; limit?: number } = {}): SearchResult[] => [], suggest: (_q: string): string[] => [] };
}
