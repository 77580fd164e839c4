#!/usr/bin/env node
/**
 * `npm test`: every runner, one summary. The type check (astro check: .astro, .ts and .svelte;
 * any error or warning fails), unit tests (vitest), then the two production builds (root and
 * sub-path), then the end-to-end tests (Playwright) against them, on free ports (never 4321,
 * which `npm start` may hold). Prints each runner's duration, then one plain line
 * `N passed, N failed` adding up every runner's counts, which CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const tmp = join(process.cwd(), 'test-results');
mkdirSync(tmp, { recursive: true });
let passed = 0;
let failed = 0;
let broken = false;

const durations = [];
function run(cmd, args, env = {}, label = `${cmd} ${args.join(' ')}`) {
	console.log(`\n$ ${cmd} ${args.join(' ')}`);
	const start = Date.now();
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	durations.push([label, Date.now() - start, r.status ?? 1]);
	return r.status ?? 1;
}
const fmt = (ms) => `${Math.floor(ms / 60_000)} min ${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')} s`;
const startAll = Date.now();

// 0. Type check: any error or warning fails (one failure in the count).
const cStatus = run('npx', ['astro', 'check', '--minimumFailingSeverity', 'warning'], { ASTRO_TELEMETRY_DISABLED: '1' }, 'astro check');
if (cStatus === 0) passed += 1;
else failed += 1;

// 1. Unit, content and build-level tests.
const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
const vStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {}, 'vitest (unit, content, build)');
if (existsSync(vitestJson)) {
	const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
	passed += v.numPassedTests ?? 0;
	failed += (v.numFailedTests ?? 0) + (v.numFailedTestSuites && !v.numFailedTests ? v.numFailedTestSuites : 0);
} else if (vStatus !== 0) broken = true;

// 2. Builds: at the root and under a sub-path, as hospitals host it.
const b1 = run('npx', ['astro', 'build'], { OUT_DIR: 'dist', ASTRO_TELEMETRY_DISABLED: '1' }, 'astro build (root)');
const b2 = b1 === 0 ? run('npx', ['astro', 'build'], { OUT_DIR: 'dist-base', BASE_PATH: '/formation-ia/', ASTRO_TELEMETRY_DISABLED: '1' }, 'astro build (/formation-ia/)') : 1;
if (b1 !== 0 || b2 !== 0) {
	console.error('\nBuild failed: end-to-end tests not run.');
	failed += 1;
} else {
	// 3. End-to-end tests in Chromium.
	const pwJson = join(tmp, 'playwright.json');
	rmSync(pwJson, { force: true });
	// No E2E_PORT: playwright.config.ts picks two free ports.
	const pStatus = run('npx', ['playwright', 'test'], { PW_JSON: pwJson, CI: process.env.CI ?? 'true' }, 'playwright (end-to-end)');
	if (existsSync(pwJson)) {
		const p = JSON.parse(readFileSync(pwJson, 'utf8'));
		passed += p.stats?.expected ?? 0;
		passed += p.stats?.flaky ?? 0;
		failed += p.stats?.unexpected ?? 0;
		if (pStatus !== 0 && !(p.stats?.unexpected > 0)) failed += 1;
	} else if (pStatus !== 0) failed += 1;
}

if (broken) failed += 1;
console.log('\nDurations:');
for (const [label, ms, status] of durations) console.log(`  ${label.padEnd(32)} ${fmt(ms).padStart(11)}${status === 0 ? '' : '  (failed)'}`);
console.log(`  ${'total'.padEnd(32)} ${fmt(Date.now() - startAll).padStart(11)}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
