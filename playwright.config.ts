import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * End-to-end tests drive the real built site (astro preview) in a real Chromium: Debian's
 * package when present (CI installs it), else a Playwright-managed browser if one is installed.
 * Two servers (a plain static server, as on an intranet): the site built at the root, and the
 * same site built under a sub-path. `npm test` builds both first.
 */
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The servers listen on free ports the system picks (never 4321, which `npm start` may hold),
// unless E2E_PORT / E2E_PORT_BASE say otherwise. Chosen once in the main process and passed to
// the workers through the environment, so every process agrees. Output folders can be moved too
// (E2E_DIST…), so that several people can run the tests on one machine.
if (!process.env.E2E_PORT) {
	const [a, b] = execFileSync(process.execPath, ['scripts/free-port.mjs', '2'], { encoding: 'utf8' }).trim().split('\n');
	process.env.E2E_PORT = a;
	process.env.E2E_PORT_BASE ??= b;
}
process.env.E2E_PORT_BASE ??= String(Number(process.env.E2E_PORT) + 1);
const reuse = !process.env.CI && process.env.E2E_REUSE === '1';
const port = Number(process.env.E2E_PORT);
const portBase = Number(process.env.E2E_PORT_BASE);
const dist = process.env.E2E_DIST ?? 'dist';
const distBase = process.env.E2E_DIST_BASE ?? 'dist-base';
const onlyRoot = process.env.E2E_ONLY_ROOT === '1';
export const ROOT_URL = `http://127.0.0.1:${port}/`;
export const BASE_URL_SUB = `http://127.0.0.1:${portBase}/formation-ia/`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.PW_JSON ? [['list'], ['json', { outputFile: process.env.PW_JSON }]] : [['list']],
	use: {
		...devices['Desktop Chrome'],
		launchOptions: { executablePath, args },
		locale: 'fr-FR',
		// Most tests do not need the service worker, and each new context would otherwise
		// precache the whole site (4 MB) in the background: the offline tests opt back in.
		serviceWorkers: 'block',
		timezoneId: 'Europe/Paris',
		trace: 'off',
	},
	projects: [
		{ name: 'root', testIgnore: /base-path\.spec\.ts/, use: { baseURL: ROOT_URL } },
		...(onlyRoot ? [] : [{ name: 'base-path', testMatch: /base-path\.spec\.ts/, use: { baseURL: BASE_URL_SUB } }]),
	],
	// Reuse a server only on ports given explicitly (a server you started for the tests yourself).
	webServer: [
		{ command: `node scripts/serve.mjs --dir ${dist} --port ${port}`, url: ROOT_URL, reuseExistingServer: reuse, timeout: 60_000 },
		...(onlyRoot
			? []
			: [{ command: `node scripts/serve.mjs --dir ${distBase} --base /formation-ia/ --port ${portBase}`, url: BASE_URL_SUB, reuseExistingServer: reuse, timeout: 60_000 }]),
	],
});
