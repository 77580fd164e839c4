#!/usr/bin/env node
/**
 * `npm run bench:identifiers`: quality and speed of the "Puis-je coller ce texte ?" checker.
 *
 * Reads the annotated notes (tests/fixtures/notes/notes.json), runs findIdentifiers on each and
 * prints, per kind, the expected count, findings, precision, recall and exact-span count (the
 * matching rule lives in src/lib/practice/identifiers/evaluate.ts), then timings: the whole set,
 * a 100 KB text, and adversarial inputs (wall and CPU time: the machine may be busy). The
 * challenge notes (written after the checker) are reported too, without a gate. `--verbose`
 * lists every miss and false positive. Exits 1 when a kind of the reference set falls under
 * precision 0.9 or recall 0.95, or the CPU time of a 100 KB text exceeds 200 ms.
 *
 * The TypeScript sources use extensionless imports, which Node's type stripping cannot follow,
 * so they are first bundled with esbuild (installed with Astro) into node_modules/.cache/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = process.cwd();
const VERBOSE = process.argv.includes('--verbose');
const MIN_PRECISION = 0.9;
const MIN_RECALL = 0.95;
const BUDGET_100KB_MS = 200;

const cacheDir = join(ROOT, 'node_modules', '.cache', 'bench-identifiers');
mkdirSync(cacheDir, { recursive: true });
const entry = join(cacheDir, 'entry.mjs');
await build({
	stdin: {
		contents: [
			"export * from './src/lib/practice/identifiers';",
			"export { scoreNotes } from './src/lib/practice/identifiers/evaluate';",
		].join('\n'),
		resolveDir: ROOT,
		loader: 'ts',
		sourcefile: 'bench-entry.ts',
	},
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	outfile: entry,
	logLevel: 'warning',
});
const lib = await import(`${pathToFileURL(entry).href}?t=${Date.now()}`);

function ms(t0) {
	return Number(process.hrtime.bigint() - t0) / 1e6;
}
const pct = (x) => `${(x * 100).toFixed(1)} %`;

const fixtures = join(ROOT, 'tests', 'fixtures', 'notes');
const notes = JSON.parse(readFileSync(join(fixtures, 'notes.json'), 'utf8'));
const challenge = JSON.parse(readFileSync(join(fixtures, 'challenge.json'), 'utf8'));
const kinds = [...lib.IDENTIFIER_KINDS];

let t0 = process.hrtime.bigint();
const { byKind, misses } = lib.scoreNotes(notes, lib.findIdentifiers, kinds);
const setMs = ms(t0);

const trapOnly = notes.filter((n) => !n.expected.some((e) => e.kind !== 'limit'));
const trapFlagged = trapOnly.filter((n) => lib.findIdentifiers(n.text).length > 0);

console.log(`Identifier checker — ${notes.length} notes (${trapOnly.length} with no identifier)\n`);
const head = ['kind', 'expected', 'found', 'TP', 'FP', 'missed', 'exact', 'precision', 'recall'];
function table(byKind) {
	const rows = kinds.map((k) => {
		const s = byKind[k];
		return [
			k,
			s.expected,
			s.found,
			s.truePositives,
			s.falsePositives,
			s.missed,
			s.exact,
			pct(s.precision),
			pct(s.recall),
		];
	});
	const total = kinds.reduce(
		(a, k) => {
			const s = byKind[k];
			a.expected += s.expected;
			a.found += s.found;
			a.tp += s.truePositives;
			a.fp += s.falsePositives;
			a.missed += s.missed;
			a.exact += s.exact;
			return a;
		},
		{ expected: 0, found: 0, tp: 0, fp: 0, missed: 0, exact: 0 },
	);
	rows.push([
		'all',
		total.expected,
		total.found,
		total.tp,
		total.fp,
		total.missed,
		total.exact,
		pct(total.found ? total.tp / total.found : 1),
		pct(total.expected ? (total.expected - total.missed) / total.expected : 1),
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
	const line = (r) =>
		r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
	console.log(line(head));
	for (const r of rows) console.log(line(r));
}
table(byKind);
console.log(`\nTrap-only notes with at least one finding: ${trapFlagged.length} / ${trapOnly.length}`);
const limitCount = notes.reduce((a, n) => a + n.expected.filter((e) => e.kind === 'limit').length, 0);
console.log(`"limit" clues in the set (out of scope, not scored): ${limitCount}`);

function listMisses(misses) {
	if (VERBOSE || misses.length <= 20) {
		console.log(misses.length ? '\nMisses and false positives:' : '\nNo miss, no false positive.');
		for (const m of misses)
			console.log(`  ${m.type.padEnd(14)} ${m.note.padEnd(4)} ${m.kind.padEnd(9)} ${JSON.stringify(m.text)}`);
	} else {
		console.log(`\n${misses.length} misses and false positives (run with --verbose to list them).`);
	}
}
listMisses(misses);

// The challenge notes were written after the checker: an estimate on unseen phrasing, not a gate.
const ch = lib.scoreNotes(challenge, lib.findIdentifiers, kinds);
console.log(`\nChallenge set — ${challenge.length} notes written after the checker (reported, not gated)\n`);
table(ch.byKind);
listMisses(ch.misses);

// Timings
const sample = notes.map((n) => n.text).join('\n\n');
let big = '';
while (big.length < 100_000) big += sample + '\n\n';
big = big.slice(0, 100_000);
lib.findIdentifiers(big); // warm-up
/** Wall and CPU time of `fn`, in ms. CPU time is what the code costs; wall time adds machine load. */
function timed(fn) {
	const c0 = process.cpuUsage();
	const t0 = process.hrtime.bigint();
	fn();
	const wall = ms(t0);
	const cpu = process.cpuUsage(c0);
	return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}
const runs = Array.from({ length: 7 }, () => timed(() => lib.findIdentifiers(big)));
const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
const cpus = runs.map((r) => r.cpu).sort((a, b) => a - b);
const adversarial = {
	"'M. ' x 10 000": 'M. '.repeat(10_000),
	"'Dr A' x 10 000": 'Dr A'.repeat(10_000),
	'200 000 digits': '1'.repeat(200_000),
	"'1 ' x 50 000": '1 '.repeat(50_000),
	"'a.' x 50 000 + '@'": 'a.'.repeat(50_000) + '@',
	"'12 rue ' x 10 000": '12 rue '.repeat(10_000),
	"'né le ' x 10 000": 'né le '.repeat(10_000),
	"'Mme Jean-' x 10 000": 'Mme Jean-'.repeat(10_000),
	"'06 ' x 20 000": '06 '.repeat(20_000),
};
console.log(`\nTiming (wall = elapsed, cpu = this process; wall grows with machine load):`);
console.log(`  whole set, first run (cold): ${setMs.toFixed(1)} ms`);
console.log(
	`  100 KB of notes: median wall ${walls[3].toFixed(1)} ms (best ${walls[0].toFixed(1)}), median cpu ${cpus[3].toFixed(1)} ms; budget ${BUDGET_100KB_MS} ms`,
);
let slowest = 0;
for (const [label, text] of Object.entries(adversarial)) {
	const t = timed(() => lib.findIdentifiers(text));
	slowest = Math.max(slowest, t.cpu);
	console.log(
		`  ${label.padEnd(22)} ${String(text.length).padStart(7)} chars: wall ${t.wall.toFixed(1)} ms, cpu ${t.cpu.toFixed(1)} ms`,
	);
}

const failures = [];
for (const k of kinds) {
	const s = byKind[k];
	if (s.precision < MIN_PRECISION) failures.push(`${k} precision ${pct(s.precision)} < ${pct(MIN_PRECISION)}`);
	if (s.recall < MIN_RECALL) failures.push(`${k} recall ${pct(s.recall)} < ${pct(MIN_RECALL)}`);
}
if (cpus[3] > BUDGET_100KB_MS) failures.push(`100 KB median cpu ${cpus[3].toFixed(1)} ms > ${BUDGET_100KB_MS} ms`);
if (slowest > 4 * BUDGET_100KB_MS) failures.push(`an adversarial input took ${slowest.toFixed(1)} ms`);
if (failures.length) {
	console.log(`\nFAIL: ${failures.join('; ')}`);
	process.exit(1);
}
console.log('\nOK: every kind at precision ≥ 90 % and recall ≥ 95 %, timings within budget.');
