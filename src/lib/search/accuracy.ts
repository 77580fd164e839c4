/**
 * Top-3 accuracy of the searcher on a set of queries with their expected module, for
 * `npm run bench:search` and the unit test that holds the floor (scripts/bench/search-queries.json).
 */
import type { Searcher, SearchOptions } from './query';

/** A query and the module a learner expects among the first results. */
export interface ExpectedQuery {
	q: string;
	expected: string;
	options?: SearchOptions;
}

export interface Accuracy {
	hits: number;
	total: number;
	/** hits / total, 0 for an empty set. */
	rate: number;
	/** The queries whose expected module is not in the first `n` modules, with what came instead. */
	misses: Array<{ q: string; expected: string; got: string[] }>;
}

/** Share of queries whose expected module is among the first `n` modules of the results (terms aside). */
export function topAccuracy(searcher: Searcher, cases: readonly ExpectedQuery[], n = 3): Accuracy {
	const misses: Accuracy['misses'] = [];
	for (const c of cases) {
		const got = searcher
			.search(c.q, { limit: 30, ...c.options })
			.filter((r) => r.kind === 'module')
			.slice(0, n)
			.map((r) => r.id);
		if (!got.includes(c.expected)) misses.push({ q: c.q, expected: c.expected, got });
	}
	const hits = cases.length - misses.length;
	return { hits, total: cases.length, rate: cases.length ? hits / cases.length : 0, misses };
}
