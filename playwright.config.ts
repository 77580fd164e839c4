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
export const ROOT_URL = 'http://127.0.0.1:4321/';
export const BASE_URL_SUB = 'http://127.0.0.1:4322/formation-ia/';

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
		timezoneId: 'Europe/Paris',
		trace: 'off',
	},
	projects: [
		{ name: 'root', testIgnore: /base-path\.spec\.ts/, use: { baseURL: ROOT_URL } },
		{ name: 'base-path', testMatch: /base-path\.spec\.ts/, use: { baseURL: BASE_URL_SUB } },
	],
	webServer: [
		{ command: 'node scripts/serve.mjs --dir dist --port 4321', url: ROOT_URL, reuseExistingServer: !process.env.CI, timeout: 60_000 },
		{ command: 'node scripts/serve.mjs --dir dist-base --base /formation-ia/ --port 4322', url: BASE_URL_SUB, reuseExistingServer: !process.env.CI, timeout: 60_000 },
	],
});
