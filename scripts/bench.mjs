#!/usr/bin/env node
/**
 * `npm run bench`: page weights and Lighthouse scores of the BUILT site. Builds nothing: it needs
 * `dist/` (or `--dir <folder>`, or $OUT_DIR), made by `npm run build`.
 *
 * 1. Serves the folder with the project's static server (scripts/serve.mjs) on 127.0.0.1 and a
 *    free port, under the base path the site was built for (read from index.html).
 * 2. Page weights, measured like tests/e2e/quality.spec.ts (service workers blocked, scroll to
 *    the bottom, one quiz question answered on the module page, gzip -9 of every body), against
 *    the same budgets: lesson page ≤ 34 KB in all (issue 13 asks 32), other module pages ≤ 31.5 KB of JavaScript and ≤ 100 KB of everything but images;
 *    pages where nothing interacts ≤ 10 KB of JavaScript. The home, a track and the search page
 *    are weighed for information.
 * 3. The service worker precache (dist/precache-report.json, and its gzip size over the wire).
 * 4. Lighthouse (mobile, simulated throttling) on the home, a track and a module page, median of
 *    3 runs each, against the targets: performance ≥ 95, accessibility 100, best practices 100,
 *    SEO ≥ 95. Lists the audits that cost points, and any request leaving the origin.
 *
 * Exit code: 1 when a page-weight budget fails, 2 when the build is missing; Lighthouse scores
 * never fail the run (they are noisy on a 2-core machine). Options: `--runs N` (default 3),
 * `--no-lighthouse`, `--save <folder>` (writes each Lighthouse result as JSON there),
 * `--cpu-multiplier N` (Lighthouse's CPU slowdown instead of 4×: on a host whose benchmark index
 * is far below 1000 the default over-throttles; the bench prints the calculator's suggestion).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readBuiltBase } from './release.mjs';
import { CATEGORIES, LEGACY_MODULE_PAGE, MODULE_PAGE, STATIC_PAGES, TARGETS, checkWeight, losingAudits, median, medianScores, outsideRequests, precacheUrls, suggestedCpuMultiplier, table, weightsReport } from './bench/report.mjs';
import { answerOneQuestion, scrollDown, weighPages } from './bench/weigh.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Lighthouse's own threshold for its "slower CPU than Lighthouse expects" warning. */
const SLOW_CPU_INDEX = 1000;

function parseArgs(argv) {
	const opts = { dir: process.env.OUT_DIR || 'dist', runs: 3, lighthouse: true, save: /** @type {string | null} */ (null), cpu: /** @type {number | null} */ (null) };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--dir') opts.dir = argv[++i];
		else if (a === '--runs') opts.runs = Math.max(1, Number(argv[++i]) || 3);
		else if (a === '--no-lighthouse') opts.lighthouse = false;
		else if (a === '--save') opts.save = argv[++i];
		else if (a === '--cpu-multiplier') opts.cpu = Number(argv[++i]) || null;
		else throw new Error(`Unknown option: ${a}`);
	}
	return opts;
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
	return new Promise((ok, ko) => {
		const s = createServer();
		s.unref();
		s.on('error', ko);
		s.listen(0, '127.0.0.1', () => {
			const addr = s.address();
			s.close(() => ok(typeof addr === 'object' && addr ? addr.port : 0));
		});
	});
}

/** Starts scripts/serve.mjs; resolves once it listens. */
function serve(dir, base, port) {
	return new Promise((ok, ko) => {
		const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), '--dir', dir, '--base', base, '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
		const timer = setTimeout(() => { child.kill(); ko(new Error('the static server did not start within 15 s')); }, 15_000);
		child.on('exit', (code) => { clearTimeout(timer); ko(new Error(`the static server exited (${code})`)); });
		child.stdout.on('data', (d) => {
			if (String(d).includes('Serving')) { clearTimeout(timer); ok(child); }
		});
	});
}

/** A track page of the build: the hospital doctor's if built, else the first one. */
function trackPage(dir) {
	const tracks = join(dir, 'parcours');
	if (!existsSync(tracks)) return null;
	const names = readdirSync(tracks).filter((n) => existsSync(join(tracks, n, 'index.html'))).sort();
	const pick = names.includes('praticien-hospitalier') ? 'praticien-hospitalier' : names[0];
	return pick ? `parcours/${pick}/` : null;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const dir = resolve(ROOT, opts.dir);
	const index = join(dir, 'index.html');
	if (!existsSync(index)) {
		console.error(`bench: no built site in ${dir}. Run "npm run build" first (the bench builds nothing).`);
		process.exit(2);
	}
	const base = readBuiltBase(readFileSync(index, 'utf8')) ?? '/';
	const port = await freePort();
	const server = await serve(dir, base, port);
	const baseURL = `http://127.0.0.1:${port}${base}`;
	const track = trackPage(dir);
	let failed = false;
	try {
		console.log(`Parcours IA Santé bench: ${dir} (base ${base}) served at ${baseURL}`);
		console.log(`Node ${process.version}, Chromium at ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}\n`);

		// 1. Page weights.
		const pages = [
			{ path: MODULE_PAGE, kind: 'lesson', interact: answerOneQuestion },
			{ path: LEGACY_MODULE_PAGE, kind: 'module', interact: answerOneQuestion },
			...STATIC_PAGES.map((p) => ({ path: p, kind: 'static', interact: scrollDown })),
			{ path: '', kind: 'info', interact: scrollDown },
			...(track ? [{ path: track, kind: 'info', interact: scrollDown }] : []),
			{ path: 'recherche/?q=rgpd', kind: 'info', interact: async (p) => { await p.locator('ol.results > li, .notice').first().waitFor(); } },
		].filter((p) => existsSync(join(dir, p.path.split('?')[0], 'index.html')));
		const { results, outside } = await weighPages(baseURL, pages);
		const rows = results.map((r, i) => checkWeight(r, pages[i].kind));
		const weights = weightsReport(rows);
		console.log('Page weights (the budgets of tests/e2e/quality.spec.ts)');
		console.log(weights.text);
		if (!pages.some((p) => p.kind === 'lesson')) console.log(`(no ${MODULE_PAGE} in this build: module budget not checked)`);
		console.log(outside.length ? `Requests leaving the origin: ${[...new Set(outside)].join(', ')}` : 'Requests leaving the origin: none');
		failed = !weights.ok;

		// 2. Service worker precache.
		const reportFile = join(dir, 'precache-report.json');
		if (existsSync(reportFile)) {
			const { count, bytes } = JSON.parse(readFileSync(reportFile, 'utf8'));
			const sw = existsSync(join(dir, 'sw.js')) ? readFileSync(join(dir, 'sw.js'), 'utf8') : '';
			const urls = precacheUrls(sw);
			const gz = urls.reduce((n, u) => n + (existsSync(join(dir, u)) ? gzipSync(readFileSync(join(dir, u)), { level: 6 }).length : 0), 0);
			console.log(`\nService worker precache: ${count} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes} bytes)${urls.length ? `, about ${(gz / 1024 / 1024).toFixed(2)} MiB gzip over the wire on a first visit (HTTPS only)` : ''}`);
		} else {
			console.log('\nService worker precache: no precache-report.json in this build');
		}

		// 3. Lighthouse.
		if (opts.lighthouse) {
			const { lighthouseRun } = await import('./bench/lighthouse.mjs');
			const targets = [
				{ label: 'home', path: '' },
				...(track ? [{ label: 'track', path: track }] : []),
				{ label: 'module', path: MODULE_PAGE },
			];
			const origin = new URL(baseURL).origin;
			const lines = [];
			/** @type {Map<string, { count: number, title: string, category: string, values: Set<string> }>} */
			const losing = new Map();
			const leaks = new Set();
			const warnings = new Set();
			/** @type {number[]} */
			const cpuIndexes = [];
			if (opts.save) mkdirSync(resolve(opts.save), { recursive: true });
			console.log(`\nLighthouse (mobile, simulated throttling, CPU slowdown ${opts.cpu ?? 4}×), ${opts.runs} run(s) per page…`);
			for (const t of targets) {
				const runs = [];
				for (let i = 0; i < opts.runs; i++) {
					const lhr = await lighthouseRun(`${baseURL}${t.path}`, opts.cpu);
					runs.push(lhr);
					if (opts.save) writeFileSync(join(resolve(opts.save), `${t.label}-${i + 1}.json`), JSON.stringify(lhr));
					for (const u of outsideRequests(lhr, origin)) leaks.add(u);
					for (const w of lhr.runWarnings ?? []) warnings.add(w);
					if (lhr.runtimeError) warnings.add(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
					for (const a of losingAudits(lhr)) {
						const key = `${t.label} ${a.id}`;
						const e = losing.get(key) ?? { count: 0, title: a.title, category: a.category, values: new Set() };
						e.count++;
						if (a.displayValue) e.values.add(a.displayValue);
						losing.set(key, e);
					}
				}
				const s = medianScores(runs);
				const metric = (id) => median(runs.map((r) => r.audits?.[id]?.numericValue));
				const fcp = metric('first-contentful-paint');
				const lcp = metric('largest-contentful-paint');
				const tbt = metric('total-blocking-time');
				const cls = metric('cumulative-layout-shift');
				const cpu = median(runs.map((r) => r.environment?.benchmarkIndex));
				if (cpu !== null) cpuIndexes.push(cpu);
				lines.push([
					`${t.label} /${t.path}`,
					...CATEGORIES.map((c) => `${s[c].median ?? '—'}${s[c].ok === false ? ' ✗' : ''} (${s[c].all.join('/')})`),
					fcp === null ? '—' : `${(fcp / 1000).toFixed(1)} s`,
					lcp === null ? '—' : `${(lcp / 1000).toFixed(1)} s`,
					tbt === null ? '—' : `${Math.round(tbt)} ms`,
					cls === null ? '—' : cls.toFixed(3),
					cpu === null ? '—' : String(Math.round(cpu)),
				]);
			}
			console.log(table(
				['page (median, runs)', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'CPU index'],
				[['target', ...CATEGORIES.map((c) => (TARGETS[c] === 100 ? '100' : `≥ ${TARGETS[c]}`)), '', '', '', '', '> 1000'], ...lines],
			));
			console.log('(✗ = median below target. Lighthouse is a benchmark here, not a gate.)');
			const slowest = cpuIndexes.length ? Math.min(...cpuIndexes) : null;
			if (slowest !== null && slowest < SLOW_CPU_INDEX && !opts.cpu) {
				console.log(
					`Slow or busy CPU: Lighthouse's benchmark index was ${Math.round(slowest)} (it expects > ${SLOW_CPU_INDEX} for its 4× CPU slowdown to model a mid-range phone). ` +
						'Main-thread times, TBT and so the performance score are inflated: compare them only between runs on the same, idle machine, ' +
						`or calibrate with --cpu-multiplier ${suggestedCpuMultiplier(median(cpuIndexes))} (Lighthouse's CPU throttling calculator for this index).`,
				);
			}
			if (losing.size) {
				console.log('\nAudits that cost points (page audit-id: runs, value — title):');
				for (const [key, e] of losing) console.log(`  ${key} [${e.category}]: ${e.count}/${opts.runs}${e.values.size ? `, ${[...e.values].join(' / ')}` : ''} — ${e.title}`);
			} else {
				console.log('\nNo audit cost points in any run.');
			}
			console.log(leaks.size ? `Requests leaving the origin during Lighthouse runs: ${[...leaks].join(', ')}` : 'Requests leaving the origin during Lighthouse runs: none');
			if (warnings.size) console.log(`Lighthouse warnings: ${[...warnings].join(' | ')}`);
		}
	} finally {
		server.kill();
	}
	console.log(failed ? '\nbench: page-weight budget FAILED' : '\nbench: page-weight budgets ok');
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(`bench: ${e instanceof Error ? e.stack : e}`);
	process.exit(2);
});
