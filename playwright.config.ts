import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * End-to-end tests drive the real built site (astro preview) in a real Chromium: Debian's
 * package when present (CI installs it), else a Playwright-managed browser if one is installed.
 * Two servers (a plain static server, as on an intranet): the site built at the root, and the
 * same site built under a sub-path. `npm test` builds both first.
 */
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Ports and output folders can be moved (E2E_PORT, E2E_DIST…) so that several people can run
// the end-to-end tests on one machine without sharing a server.
const port = Number(process.env.E2E_PORT ?? 4321);
const portBase = Number(process.env.E2E_PORT_BASE ?? port + 1);
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
	webServer: [
		{ command: `node scripts/serve.mjs --dir ${dist} --port ${port}`, url: ROOT_URL, reuseExistingServer: !process.env.CI, timeout: 60_000 },
		...(onlyRoot
			? []
			: [{ command: `node scripts/serve.mjs --dir ${distBase} --base /formation-ia/ --port ${portBase}`, url: BASE_URL_SUB, reuseExistingServer: !process.env.CI, timeout: 60_000 }]),
	],
});
