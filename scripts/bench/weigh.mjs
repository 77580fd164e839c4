/**
 * Page weights measured like the Playwright budget tests (tests/e2e/quality.spec.ts): Debian's
 * Chromium through Playwright, service workers blocked, every response body gzipped at level 9,
 * after the page's interaction (scroll to the bottom; on the module page, answer one quiz
 * question). Also records any request that leaves the site's origin.
 */
import { gzipSync } from 'node:zlib';
import { chromium, devices } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Scroll to the bottom (lazy islands hydrate on visibility). */
export async function scrollDown(page) {
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
}

/** The module page interaction of quality.spec.ts: scroll, answer the first quiz question. */
export async function answerOneQuestion(page) {
	if (await page.locator('[data-lesson]').count()) {
		// A lesson: one step check, the case decided, one quiz question (as in quality.spec.ts).
		await page.locator('.step [data-q] input').first().check();
		await page.locator('.step [data-validate]').first().click();
		await page.locator('.lesson-toc a[href="#cas"]').click();
		await page.locator('[data-case] input').first().check();
		await page.getByRole('button', { name: 'Valider mon choix' }).click();
		await page.locator('.lesson-toc a[href="#quiz"]').click();
		await page.locator('.quiz-list > li.asked input').first().check();
		await page.locator('.quiz-list > li.asked [data-validate]').click();
		await page.locator('.quiz-list > li.asked [data-feedback]:not(:empty)').waitFor({ state: 'visible' });
		return;
	}
	await scrollDown(page);
	await page.getByRole('heading', { name: 'Quiz', exact: true }).scrollIntoViewIfNeeded();
	await page.locator('[data-quiz] fieldset input').first().check();
	await page.getByRole('button', { name: 'Valider ma réponse' }).click();
	await page.locator('[data-quiz] .feedback .notice').waitFor({ state: 'visible' });
}

/**
 * Weighs pages. `pages` = [{ path, interact }], `baseURL` ends with '/'. Returns, per page,
 * gzip bytes of JavaScript, of everything but images, of HTML and of CSS; plus outside requests.
 */
export async function weighPages(baseURL, pages) {
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROME_ARGS });
	const origin = new URL(baseURL).origin;
	/** @type {string[]} */
	const outside = [];
	const results = [];
	try {
		for (const { path, interact } of pages) {
			const context = await browser.newContext({ ...devices['Desktop Chrome'], baseURL, serviceWorkers: 'block', locale: 'fr-FR', timezoneId: 'Europe/Paris' });
			const page = await context.newPage();
			/** @type {{ url: string, type: string, gz: number }[]} */
			const bodies = [];
			/** @type {Promise<void>[]} */
			const pending = [];
			page.on('request', (r) => {
				const u = r.url();
				if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) outside.push(u);
			});
			page.on('response', (r) => {
				pending.push(
					r.body().then(
						(b) => { bodies.push({ url: r.url(), type: r.request().resourceType(), gz: gzipSync(b, { level: 9 }).length }); },
						() => {},
					),
				);
			});
			await page.goto(`./${path}`);
			await interact(page);
			await page.waitForLoadState('networkidle');
			await Promise.all(pending);
			const sum = (f) => bodies.filter(f).reduce((n, b) => n + b.gz, 0);
			results.push({
				path,
				js: sum((b) => b.type === 'script' || b.url.endsWith('.js')),
				all: sum((b) => b.type !== 'image'),
				html: sum((b) => b.type === 'document'),
				css: sum((b) => b.type === 'stylesheet'),
			});
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return { results, outside };
}
