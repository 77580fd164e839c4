/**
 * Issue 15, item 4: « Poste partagé » on the built site. In that mode nothing personal is written
 * to localStorage, the progress lives for the browser session only, a banner says so on every
 * page, leaving offers the export code, switching on moves nothing, switching off asks first, and
 * after the session ends nothing is left in any storage apart from the site's own files and the
 * data-free "shared device" marker.
 */
import { expect, test, chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModules } from '../../src/lib/content-files';

// The pilot lesson: a step check and its quiz (the right answers read from the content file).
const lesson = readModules(join(process.cwd(), 'content')).find((m) => m.data.id === 'injection-de-prompt')!;
const QUIZ = String(lesson.data.id);
const QUIZ_TITLE = String(lesson.data.title);
const KEY = lesson.data.quiz as { id: string; correct: string[] }[];

/** Opens the lesson's quiz from its step list and passes it (every answer right). */
async function passLessonQuiz(page: Page): Promise<void> {
	await page.goto(`./modules/${QUIZ}/`);
	await page.locator('.lesson-toc').getByRole('link', { name: 'Quiz de validation' }).click();
	for (let n = 1; n <= KEY.length; n++) {
		const item = page.locator('.quiz-list > li.asked');
		await expect(item.locator('[data-kicker]')).toHaveText(`Question ${n} sur ${KEY.length}`);
		const id = (await item.getAttribute('data-quiz-item'))!;
		for (const c of KEY.find((x) => x.id === id)!.correct) await item.locator(`[data-choice="${c}"] input`).check();
		await item.locator('[data-validate]').click();
		await expect(item.locator('[data-feedback]')).toHaveText('Bonne réponse.');
		await page.getByRole('button', { name: n === KEY.length ? 'Voir mon résultat' : 'Question suivante' }).click();
	}
	await expect(page.locator('[data-score]')).toHaveText(`Votre score : ${KEY.length} sur ${KEY.length} (100 %).`);
}
const LESSON = 'injection-de-prompt';
const MARKER = 'pias-shared:/';
const DIST = process.env.E2E_DIST ?? 'dist';

const banner = (page: Page) => page.locator('[data-shared-banner]');
const completedRows = (page: Page) => page.locator('section[aria-labelledby="termines"] tbody tr');

/** Everything the origin keeps in the browser, as the page can see it. */
async function storages(page: Page) {
	return page.evaluate(async () => {
		const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)]));
		const cached: string[] = [];
		for (const name of await caches.keys()) {
			const c = await caches.open(name);
			for (const r of await c.keys()) cached.push(r.url);
		}
		const dbs = 'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name) : ['(cannot list)'];
		return { local: dump(localStorage), session: dump(sessionStorage), dbs, cached };
	});
}

/** A previous person's progress, as device mode wrote it. */
const SOMEONE = JSON.stringify({
	v: 2,
	profile: 'praticien-hospitalier',
	setting: null,
	modules: { 'comprendre-ia': { status: 'completed', best: 100, attempts: 1, lastVisit: '2026-12-01', completedOn: '2026-12-01', version: 1 } },
});

function launch(dir: string, baseURL: string): Promise<BrowserContext> {
	return chromium.launchPersistentContext(dir, {
		executablePath: process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		baseURL,
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		serviceWorkers: 'allow',
	});
}

test('a whole shared session: offer on the track page, step check and quiz, banner everywhere, second tab, export offered, nothing left after the session', async ({ baseURL }) => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'pias-shared-'));
	try {
		let context = await launch(dir, baseURL!);
		let page = context.pages()[0] ?? (await context.newPage());

		// First visit of a track page: the offer; accepting reloads the page in shared mode.
		await page.goto('./parcours/infirmier/');
		await expect(banner(page)).toBeHidden();
		const offer = page.locator('[data-shared-offer]');
		await expect(offer).toBeVisible();
		await offer.getByRole('button', { name: 'Oui : activer le mode Poste partagé' }).click();
		await expect(banner(page)).toBeVisible();
		await expect(banner(page)).toContainText('rien n’est enregistré sur cet ordinateur');
		await expect(offer).toBeHidden();
		await page.getByRole('button', { name: 'C’est mon parcours' }).click();

		// A step check of the pilot lesson, then a whole quiz of another module.
		await page.goto(`./modules/${LESSON}/`);
		await expect(banner(page)).toBeVisible();
		await page.locator('.step [data-q] input').first().check();
		await page.locator('.step [data-validate]').first().click();
		await expect(page.locator('.step [data-feedback]').first()).not.toBeEmpty();
		await passLessonQuiz(page);

		// The banner on several pages, with the way out under the site's base path.
		for (const p of ['', 'glossaire/', 'recherche/', 'pratique/', 'attestation/']) {
			await page.goto(`./${p}`);
			await expect(banner(page), p).toBeVisible();
		}
		await expect(banner(page).getByRole('link', { name: 'Terminer ma session ou quitter ce mode' })).toHaveAttribute('href', '/progression/#poste-partage');

		// The progress is there on /progression/, and it lives in the session only.
		await page.goto('./progression/');
		await expect(completedRows(page)).toHaveCount(1);
		await expect(completedRows(page).first()).toContainText(QUIZ_TITLE);
		let s = await storages(page);
		expect(s.local).toEqual({ [MARKER]: '1' });
		expect(Object.keys(s.session)).toEqual(expect.arrayContaining(['pias-shared:/', 'pias:/:progress:v2', 'pias:/:lesson:v1']));
		expect(s.session['pias:/:progress:v2']).toContain(QUIZ);
		expect(s.session['pias:/:progress:v2']).toContain('"profile":"infirmier"');

		// A second tab (a typed address: its own sessionStorage) opens in shared mode too, and
		// takes the progress of the open tab instead of anything in localStorage.
		const second = await context.newPage();
		await second.goto('./progression/');
		await expect(banner(second)).toBeVisible();
		await expect(completedRows(second)).toHaveCount(1);
		await second.close();

		// Leaving (end of session): the export code is offered first.
		await page.goto('./progression/#poste-partage');
		await page.getByRole('button', { name: 'Terminer ma session' }).click();
		const code = page.locator('#shared-export-code');
		await expect(code).toHaveValue(/^PIAS/);
		await expect(page.getByRole('button', { name: 'Effacer ma session' })).toBeVisible();

		// The session ends (the browser is closed without clicking anything).
		await page.evaluate(async () => {
			// The offline cache is complete before the browser closes, as on a real ward.
			await navigator.serviceWorker.ready;
		});
		await context.close();

		context = await launch(dir, baseURL!);
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto('./');
		s = await storages(page);
		expect(s.local, 'only the data-free marker stays in localStorage').toEqual({ [MARKER]: '1' });
		expect(Object.keys(s.session).filter((k) => k !== MARKER), 'nothing of the last session').toEqual([]);
		expect(s.dbs).toEqual([]);
		const origin = new URL(baseURL!).origin;
		expect(s.cached.length).toBeGreaterThan(0);
		for (const u of s.cached) {
			const url = new URL(u);
			expect(url.origin, u).toBe(origin);
			expect([...url.searchParams.keys()].filter((k) => k !== '__WB_REVISION__'), u).toEqual([]);
			const path = decodeURIComponent(url.pathname);
			expect(existsSync(join(DIST, path.endsWith('/') ? `${path}index.html` : path)), `${u} is a file of the built site`).toBe(true);
		}
		// The next person starts in shared mode, with nothing of the previous one.
		await expect(banner(page)).toBeVisible();
		await page.goto('./progression/');
		await expect(completedRows(page)).toHaveCount(0);
		await context.close();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('switching on moves nothing; switching off asks: discard keeps the device as it was, keep merges', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('./');
	await page.evaluate((v) => localStorage.setItem('pias:/:progress:v2', v), SOMEONE);
	await page.goto('./progression/');
	await expect(completedRows(page)).toHaveCount(1);
	const before = (await storages(page)).local;

	// On: the previous person's progress is neither shown nor copied.
	await page.locator('#poste-partage').getByText(/reste sur cet appareil, intacte/).scrollIntoViewIfNeeded();
	await page.getByRole('button', { name: 'Activer le mode Poste partagé' }).click();
	await expect(banner(page)).toBeVisible();
	await expect(completedRows(page)).toHaveCount(0);
	await expect(page.getByText('Comprendre', { exact: false }).locator('xpath=ancestor::tbody')).toHaveCount(0);
	let s = await storages(page);
	expect(s.local).toEqual({ ...before, [MARKER]: '1' });
	expect(s.session['pias:/:progress:v2'] ?? '').not.toContain('comprendre-ia');

	// A quiz in shared mode; localStorage is still exactly as before (plus the marker).
	await passLessonQuiz(page);
	s = await storages(page);
	expect(s.local).toEqual({ ...before, [MARKER]: '1' });

	// Off, discarding: the export code first, the warning about the device's own progress.
	await page.goto('./progression/#poste-partage');
	await page.getByRole('button', { name: 'Quitter le mode Poste partagé' }).click();
	await expect(page.locator('#shared-export-code')).toHaveValue(/^PIAS/);
	await expect(page.locator('[data-shared-step="leave"]')).toContainText('peut-être celle d’une autre personne');
	await page.getByRole('button', { name: 'Ne rien garder' }).click();
	await expect(banner(page)).toBeHidden();
	await expect(completedRows(page)).toHaveCount(1);
	s = await storages(page);
	expect(s.local).toEqual(before);
	expect(s.session).toEqual({});

	// On again, a quiz, off keeping it: merged with the device's progress.
	await page.getByRole('button', { name: 'Activer le mode Poste partagé' }).click();
	await expect(banner(page)).toBeVisible();
	await passLessonQuiz(page);
	await page.goto('./progression/#poste-partage');
	await page.getByRole('button', { name: 'Quitter le mode Poste partagé' }).click();
	await expect(page.locator('#shared-export-code')).toHaveValue(/^PIAS/);
	await page.getByRole('button', { name: 'Garder ma progression sur cet appareil' }).click();
	await expect(banner(page)).toBeHidden();
	await expect(completedRows(page)).toHaveCount(2);
	s = await storages(page);
	expect(s.local[MARKER]).toBeUndefined();
	expect(JSON.parse(s.local['pias:/:progress:v2']!).modules).toHaveProperty(QUIZ);
	expect(s.session).toEqual({});
});

test('ending a session in one tab ends it in the others; the next person finds the mode on and nothing else', async ({ page, context }) => {
	await page.goto('./progression/');
	await page.getByRole('button', { name: 'Activer le mode Poste partagé' }).click();
	await expect(banner(page)).toBeVisible();
	await passLessonQuiz(page);
	const other = await context.newPage();
	await other.goto('./progression/');
	await expect(completedRows(other)).toHaveCount(1);

	await page.goto('./progression/#poste-partage');
	await page.getByRole('button', { name: 'Terminer ma session' }).click();
	await expect(page.locator('#shared-export-code')).toHaveValue(/^PIAS/);
	await page.getByRole('button', { name: 'Effacer ma session' }).click();
	await expect(banner(page)).toBeVisible();
	await expect(completedRows(page)).toHaveCount(0);
	// The other tab reloads without the ended session's data.
	await expect(completedRows(other)).toHaveCount(0);
	await expect(banner(other)).toBeVisible();
	for (const p of [page, other]) {
		const s = await storages(p);
		expect(s.local).toEqual({ [MARKER]: '1' });
		expect(Object.keys(s.session).filter((k) => k !== MARKER && !k.endsWith(':probe'))).toEqual([]);
	}
});

test('a tab still in device mode is told when another tab switches the mode on', async ({ page, context }) => {
	await page.goto('./glossaire/');
	await expect(banner(page)).toBeHidden();
	const other = await context.newPage();
	await other.goto('./progression/');
	await other.getByRole('button', { name: 'Activer le mode Poste partagé' }).click();
	await expect(banner(other)).toBeVisible();
	await expect(banner(page)).toBeVisible();
	await expect(page.locator('[data-shared-other]')).toContainText('rechargez-la');
	await expect(page.locator('[data-shared-on]')).toBeHidden();
	await page.reload();
	await expect(page.locator('[data-shared-on]')).toBeVisible();
});

test('shared mode with sessionStorage blocked: a clear message on every page, nothing written to localStorage', async ({ page }) => {
	await page.goto('./');
	await page.evaluate((v) => {
		localStorage.setItem('pias:/:progress:v2', v);
		localStorage.setItem('pias-shared:/', '1');
	}, SOMEONE);
	await page.addInitScript(() => {
		Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
	});
	const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
	for (const p of ['', `modules/${QUIZ}/`]) {
		await page.goto(`./${p}`);
		await expect(page.locator('[data-shared-problem]')).toContainText('stockage de session bloqué ou plein');
	}
	await passLessonQuiz(page);
	await expect(page.getByText('Il est enregistré comme terminé')).toHaveCount(0);
	await page.goto('./progression/');
	// The previous person's progress is not shown, even now.
	await expect(completedRows(page)).toHaveCount(0);
	expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
});
