#!/usr/bin/env node
/**
 * `npm run bench:search`: size, speed and quality of the search against its budget
 * (search-index.json ≤ 120 KB gzipped, median query < 5 ms, top-3 accuracy at or above the
 * floor of scripts/bench/search-queries.json).
 *
 * Reads dist/search-index.json and dist/search-text.json when a build left them (unless
 * `--fresh`), else builds both from the content on disk. The TypeScript sources use extensionless
 * imports, which Node's type stripping cannot follow, so they are first bundled with esbuild
 * (installed with Astro) into node_modules/.cache/, where the bundle's bare imports (lunr,
 * astro/zod, js-yaml) still resolve.
 *
 * Prints: index and texts size, raw and gzip; first-search bytes (everything the search page
 * fetches on the first query: the searcher's JS chunks from dist/_astro when a build is there,
 * the index and the texts, gzip -9); load time (JSON.parse, then createSearcher); query time over
 * the `latency` queries, first pass on a fresh searcher (documents analysed on first use) and
 * then `ROUNDS` warm rounds (median, p95, max); top-3 accuracy on the `reference` and `learners`
 * sets, with each miss. Exits 1 when a target is missed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = 12;
const LOADS = 15;
const BUDGET_GZIP = 120 * 1024;
const BUDGET_MEDIAN_MS = 5;

/** The query sets (scripts/bench/search-queries.json): timed queries, and two sets with their expected module. */
const SETS = JSON.parse(readFileSync(join(ROOT, 'scripts', 'bench', 'search-queries.json'), 'utf8'));
const QUERIES = [...SETS.latency, 'x'.repeat(500)];

function ms(t0) {
	return Number(process.hrtime.bigint() - t0) / 1e6;
}
function quantile(sorted, q) {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const cacheDir = join(ROOT, 'node_modules', '.cache', 'bench-search');
mkdirSync(cacheDir, { recursive: true });
const entry = join(cacheDir, 'entry.mjs');
await build({
	stdin: {
		contents: [
			"export { buildSearch } from './src/lib/search/build-index';",
			"export { createSearcher } from './src/lib/search/query';",
			"export { topAccuracy } from './src/lib/search/accuracy';",
			"export { readModules, readKeyed } from './src/lib/content-files';",
			"export { moduleSchema, glossarySchema } from './src/lib/schemas';",
			"export { moduleMinutes } from './src/lib/catalog';",
		].join('\n'),
		resolveDir: ROOT,
		loader: 'ts',
		sourcefile: 'bench-entry.ts',
	},
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	packages: 'external',
	outfile: entry,
	logLevel: 'warning',
});
const lib = await import(pathToFileURL(entry).href);

function buildFromContent() {
	const dir = join(ROOT, 'content');
	const modules = lib.readModules(dir).map((raw) => {
		const data = lib.moduleSchema.parse(raw.data);
		return { id: data.id, file: raw.file, data, body: raw.body };
	});
	const glossary = lib.readKeyed(dir, 'glossary.yaml').map((g) => ({ id: g.id, data: lib.glossarySchema.parse(g.data) }));
	const minutes = new Map(modules.map((m) => [m.id, lib.moduleMinutes(m)]));
	const t0 = process.hrtime.bigint();
	const payload = lib.buildSearch({ modules, glossary, minutes });
	const built = `built in ${ms(t0).toFixed(0)} ms`;
	return {
		json: JSON.stringify(payload.index),
		textJson: JSON.stringify(payload.texts),
		source: `content/ (${modules.length} modules, ${glossary.length} terms; ${built})`,
	};
}

let json;
let textJson;
let source;
const DIST = join(ROOT, 'dist');
const distFile = join(DIST, 'search-index.json');
const distTexts = join(DIST, 'search-text.json');
if (!process.argv.includes('--fresh') && existsSync(distFile) && existsSync(distTexts)) {
	json = readFileSync(distFile, 'utf8');
	textJson = readFileSync(distTexts, 'utf8');
	source = DIST;
	try {
		if (!lib.createSearcher(JSON.parse(json)).useTexts(JSON.parse(textJson))) throw new Error('texts do not match the index');
	} catch (e) {
		console.warn(`${distFile} is not loadable (${e.message}): building from content instead.`);
		json = undefined;
	}
}
if (json === undefined) ({ json, textJson, source } = buildFromContent());

const parsed = JSON.parse(json);
const gzip = gzipSync(json, { level: 9 }).length;
const part = (o) => gzipSync(JSON.stringify(o), { level: 9 }).length;

// Load time: JSON.parse, then createSearcher (postings, fuzzy token set, synonym phrases).
const parseTimes = [];
const loadTimes = [];
for (let i = 0; i < LOADS; i++) {
	let t0 = process.hrtime.bigint();
	const data = JSON.parse(json);
	parseTimes.push(ms(t0));
	t0 = process.hrtime.bigint();
	lib.createSearcher(data);
	loadTimes.push(ms(t0));
}
parseTimes.sort((a, b) => a - b);
const firstLoad = loadTimes[0];
loadTimes.sort((a, b) => a - b);

// Queries: first pass on a fresh searcher, then warm rounds.
const searcher = lib.createSearcher(JSON.parse(json), JSON.parse(textJson));
const first = [];
for (const q of QUERIES) {
	const t0 = process.hrtime.bigint();
	searcher.search(q, { limit: 30 });
	first.push(ms(t0));
}
const warm = [];
let results = 0;
for (let r = 0; r < ROUNDS; r++) {
	for (const q of QUERIES) {
		const t0 = process.hrtime.bigint();
		results += searcher.search(q, { limit: 30 }).length;
		warm.push(ms(t0));
	}
}
first.sort((a, b) => a - b);
warm.sort((a, b) => a - b);
const median = quantile(warm, 0.5);

/**
 * The JS the first query loads: the chunk holding the searcher (a dynamic import of the search
 * island) and the chunks it imports that the island did not already load, from dist/_astro.
 */
function firstSearchChunks() {
	const dir = join(DIST, '_astro');
	if (!existsSync(dir)) return null;
	const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
	const read = (f) => readFileSync(join(dir, f), 'utf8');
	/** Chunks a file imports statically (`from "./x.js"`). */
	const imports = (f) => [...read(f).matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
	const closure = (root) => {
		const seen = new Set();
		const walk = (f) => {
			if (seen.has(f) || !files.includes(f)) return;
			seen.add(f);
			imports(f).forEach(walk);
		};
		walk(root);
		return seen;
	};
	const searcherChunk = files.find((f) => read(f).includes('search index: unexpected format or version'));
	const island = files.find((f) => /^Search\.[\w-]+\.js$/.test(f));
	if (!searcherChunk || !island) return null;
	// The island and what it imports statically are loaded with the page, before any query.
	const loaded = closure(island);
	const chunks = [...closure(searcherChunk)].filter((f) => !loaded.has(f));
	return { chunks, gzip: chunks.reduce((n, f) => n + gzipSync(read(f), { level: 9 }).length, 0) };
}
const js = source === DIST ? firstSearchChunks() : null;

const okSize = gzip <= BUDGET_GZIP;
const okSpeed = median < BUDGET_MEDIAN_MS;
const fmt = (xs) =>
	`median ${quantile(xs, 0.5).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms, max ${xs[xs.length - 1].toFixed(2)} ms`;
const parts = `terms ${kb(part(parsed.terms))}, vectors ${kb(part(parsed.vectors))}, docs ${kb(part(parsed.docs))}, synonyms ${kb(part(parsed.synonyms))}, phrases ${kb(part(parsed.phrases))}`;
const textGzip = gzipSync(textJson, { level: 9 }).length;
console.log(`Search index benchmark (Node ${process.version})`);
console.log(`  source        ${source}`);
console.log(`  size          ${kb(Buffer.byteLength(json))} raw, ${kb(gzip)} gzip -9 (${parts})`);
console.log(`                budget ${kb(BUDGET_GZIP)} gzip: ${okSize ? 'OK' : 'OVER'}`);
console.log(`  texts         ${kb(Buffer.byteLength(textJson))} raw, ${kb(textGzip)} gzip -9 (search-text.json: excerpts only, results do not wait for it)`);
if (js) {
	console.log(`  first search  ${kb(js.gzip + gzip + textGzip)} gzip fetched in all: JS ${kb(js.gzip)} (${js.chunks.join(', ')}) + index ${kb(gzip)} + texts ${kb(textGzip)}`);
	console.log(`                results show after JS + index: ${kb(js.gzip + gzip)}`);
} else {
	console.log(`  first search  ${kb(gzip + textGzip)} gzip for index + texts (build first to count the JS chunks too)`);
}
console.log(`  load          JSON.parse median ${quantile(parseTimes, 0.5).toFixed(1)} ms`);
console.log(`                createSearcher: first ${firstLoad.toFixed(1)} ms, median ${quantile(loadTimes, 0.5).toFixed(1)} ms (${LOADS} loads)`);
console.log(`  first pass    ${QUERIES.length} queries, fresh searcher: ${fmt(first)}`);
console.log(`  warm queries  ${warm.length} runs (${ROUNDS} × ${QUERIES.length}): ${fmt(warm)}`);
console.log(`                target median < ${BUDGET_MEDIAN_MS} ms: ${okSpeed ? 'OK' : 'OVER'}`);
console.log(`  results       ${(results / ROUNDS).toFixed(0)} per round (limit 30 per query)`);
let okAccuracy = true;
for (const name of ['reference', 'learners']) {
	const a = lib.topAccuracy(searcher, SETS[name]);
	const floor = SETS.floor[name];
	const ok = a.hits >= floor.hits && a.total === floor.of;
	okAccuracy &&= ok;
	console.log(
		`  top-3 ${name.padEnd(9)} ${a.hits}/${a.total} = ${(a.rate * 100).toFixed(1)} % (floor ${floor.hits}/${floor.of}: ${ok ? 'OK' : a.total !== floor.of ? 'SET CHANGED, measure again' : 'BELOW'})`,
	);
	for (const m of a.misses) console.log(`                miss « ${m.q} » → ${m.expected} (got ${m.got.join(', ') || 'nothing'})`);
}
process.exitCode = okSize && okSpeed && okAccuracy ? 0 : 1;
