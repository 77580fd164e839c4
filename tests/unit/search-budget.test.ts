/**
 * The search index's budget (issue 15): at most 120 KB gzip for what the first search must wait
 * for, and top-3 accuracy never below the floor measured before the index was slimmed, on both
 * query sets of scripts/bench/search-queries.json. The index is built here from the files on
 * disk, as the build does, and round-tripped through JSON, as the browser gets it.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import queries from '../../scripts/bench/search-queries.json';
import { moduleMinutes } from '../../src/lib/catalog';
import { topAccuracy, type ExpectedQuery } from '../../src/lib/search/accuracy';
import { buildSearch } from '../../src/lib/search/build-index';
import { createSearcher } from '../../src/lib/search/query';
import { loadContent } from './content-load';

const BUDGET_GZIP = 120 * 1024;

const { modules, glossary } = loadContent();
const built = buildSearch({ modules, glossary, minutes: new Map(modules.map((m) => [m.id, moduleMinutes(m)])) });
const json = JSON.stringify(built.index);
const searcher = createSearcher(JSON.parse(json), JSON.parse(JSON.stringify(built.texts)));

describe('search index budget', () => {
	it(`search-index.json is at most ${BUDGET_GZIP / 1024} KB gzip`, () => {
		const size = gzipSync(json, { level: 9 }).length;
		expect(size).toBeGreaterThan(10 * 1024); // a real index, not an empty one
		expect(size).toBeLessThanOrEqual(BUDGET_GZIP);
	});

	it.each(['reference', 'learners'] as const)('top-3 accuracy on the %s set stays at or above its floor', (set) => {
		const cases = queries[set] as ExpectedQuery[];
		const floor = queries.floor[set];
		// The floor was measured on this exact set: a changed set needs a new measure.
		expect(cases).toHaveLength(floor.of);
		expect(cases.length).toBeGreaterThanOrEqual(40);
		for (const c of cases) expect(modules.map((m) => m.id), c.q).toContain(c.expected);
		const a = topAccuracy(searcher, cases);
		expect(a.hits, JSON.stringify(a.misses, null, 1)).toBeGreaterThanOrEqual(floor.hits);
	});
});
