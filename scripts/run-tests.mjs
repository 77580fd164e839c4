#!/usr/bin/env node
/**
 * `npm test`: every runner, one summary. Unit tests (vitest), then the two production builds
 * (root and sub-path), then the end-to-end tests (Playwright) against them. Ends with one plain
 * line `N passed, N failed` adding up every runner's counts, which CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const tmp = join(process.cwd(), 'test-results');
mkdirSync(tmp, { recursive: true });
let passed = 0;
let failed = 0;
let broken = false;

function run(cmd, args, env = {}) {
	console.log(`\n$ ${cmd} ${args.join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return r.status ?? 1;
}

// 1. Unit, content and build-level tests.
const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
const vStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
	const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
	passed += v.numPassedTests ?? 0;
	failed += (v.numFailedTests ?? 0) + (v.numFailedTestSuites && !v.numFailedTests ? v.numFailedTestSuites : 0);
} else if (vStatus !== 0) broken = true;

// 2. Builds: at the root and under a sub-path, as hospitals host it.
const b1 = run('npx', ['astro', 'build'], { OUT_DIR: 'dist' });
const b2 = b1 === 0 ? run('npx', ['astro', 'build'], { OUT_DIR: 'dist-base', BASE_PATH: '/formation-ia/' }) : 1;
if (b1 !== 0 || b2 !== 0) {
	console.error('\nBuild failed: end-to-end tests not run.');
	failed += 1;
} else {
	// 3. End-to-end tests in Chromium.
	const pwJson = join(tmp, 'playwright.json');
	rmSync(pwJson, { force: true });
	const pStatus = run('npx', ['playwright', 'test'], { PW_JSON: pwJson, CI: process.env.CI ?? 'true' });
	if (existsSync(pwJson)) {
		const p = JSON.parse(readFileSync(pwJson, 'utf8'));
		passed += p.stats?.expected ?? 0;
		passed += p.stats?.flaky ?? 0;
		failed += p.stats?.unexpected ?? 0;
		if (pStatus !== 0 && !(p.stats?.unexpected > 0)) failed += 1;
	} else if (pStatus !== 0) failed += 1;
}

if (broken) failed += 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
