import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../../scripts/free-port.mjs';

/**
 * Issue 16, item 5: a site update accepted in one tab must not reload another tab mid-quiz. A
 * private copy of the built site is served, so that its service worker can really change while
 * two tabs of one browser profile are open.
 */
test.use({ serviceWorkers: 'allow' });

let dir = '';
let server: ChildProcess | undefined;
let origin = '';

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'pias-sw-'));
	cpSync(process.env.E2E_DIST ?? 'dist', dir, { recursive: true });
	const [port] = await freePorts(1);
	origin = `http://127.0.0.1:${port}`;
	server = spawn(process.execPath, ['scripts/serve.mjs', '--dir', dir, '--port', String(port)], { stdio: 'ignore' });
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${origin}/`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the copy of the site did not start');
});

test.afterAll(() => {
	server?.kill();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

async function controlled(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
	});
}

test('accepting an update in one tab reloads that tab only; the other keeps its lesson answers and says a new version is active', async ({ context }) => {
	test.setTimeout(90_000);
	const one = await context.newPage();
	await one.goto(`${origin}/`);
	await controlled(one);
	const two = await context.newPage();
	await two.goto(`${origin}/modules/comprendre-ia/`);
	await controlled(two);

	// Tab 2: the learner is mid-lesson (the first step's check answered, the rest to come).
	const step = two.locator('.lesson-part').first();
	await expect(step.locator('fieldset input').first()).toBeEnabled();
	await step.locator('fieldset input').first().evaluate((el: HTMLInputElement) => el.click());
	await step.locator('[data-validate]').evaluate((el: HTMLButtonElement) => el.click());
	const feedback = step.locator('[data-feedback]');
	await expect(feedback).not.toBeEmpty();
	await two.evaluate(() => ((window as unknown as { keptPage: boolean }).keptPage = true));

	// A new version of the site is published: both tabs offer the reload.
	appendFileSync(join(dir, 'sw.js'), '\n// a new version\n');
	await one.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	const bannerOne = one.locator('[data-sw-update]');
	const bannerTwo = two.locator('[data-sw-update]');
	await expect(bannerOne).toContainText('Une nouvelle version du site est disponible.');
	await expect(bannerTwo).toContainText('Une nouvelle version du site est disponible.');

	// Tab 1 accepts: it reloads under the new worker.
	let navigationsOfTwo = 0;
	two.on('framenavigated', (frame) => {
		if (frame === two.mainFrame()) navigationsOfTwo++;
	});
	await one.evaluate(() => ((window as unknown as { keptPage: boolean }).keptPage = true));
	const reloaded = one.waitForEvent('load');
	await bannerOne.getByRole('button', { name: 'Recharger la page' }).evaluate((el: HTMLButtonElement) => el.click());
	await reloaded;
	expect(await one.evaluate(() => (window as unknown as { keptPage?: boolean }).keptPage)).toBeUndefined();
	await expect(one.locator('[data-sw-update]')).toBeHidden();

	// Tab 2 has not reloaded (the new worker controls it by now): same page, same answer, and
	// the notice says the new version is active.
	await two.waitForTimeout(1500);
	expect(navigationsOfTwo).toBe(0);
	expect(await two.evaluate(() => (window as unknown as { keptPage?: boolean }).keptPage)).toBe(true);
	await expect(feedback).not.toBeEmpty();
	await expect(bannerTwo).toContainText('Une nouvelle version du site est active');
	await expect(bannerTwo).toContainText('quand vous aurez fini');

	// When its learner is done, the button reloads tab 2.
	const reloadedTwo = two.waitForEvent('load');
	await bannerTwo.getByRole('button', { name: 'Recharger la page' }).evaluate((el: HTMLButtonElement) => el.click());
	await reloadedTwo;
	expect(await two.evaluate(() => (window as unknown as { keptPage?: boolean }).keptPage)).toBeUndefined();
	await expect(two.locator('[data-sw-update]')).toBeHidden();
});
