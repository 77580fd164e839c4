/**
 * SCORM 1.2 packages in a real LMS runtime: a module package is unzipped, served under an
 * LMS-like path next to a test "LMS" page whose `window.API` is scorm-again's Scorm12API, and
 * opened in an iframe, as Moodle does. The quiz is passed with the keyboard; the runtime must
 * have recorded the session (initialise, score, status, commit, finish), and reopening the
 * package with the saved data must resume it. Also: every package of the build is
 * self-contained (no outside or site-rooted URL) and its manifest is well-formed XML that lists
 * exactly the files of the zip.
 *
 * Needs a build with the packages: E2E_DIST (default `dist`)/scorm/*.zip.
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { createRequire } from 'node:module';
import { unzipSync, strFromU8 } from 'fflate';
import { findOutsideRefs } from '../../src/lib/scorm/page';

const require = createRequire(import.meta.url);
const DIST = process.env.E2E_DIST ?? 'dist';
const SCORM_DIR = join(DIST, 'scorm');
const MODULE = 'comprendre-ia';
const CONTENT_PATH = '/lms/content/123/';
const SCORM_AGAIN = require.resolve('scorm-again/scorm12/min');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

function zips(): string[] {
	return readdirSync(SCORM_DIR).filter((f) => f.endsWith('.zip')).sort();
}

function unzip(file: string): Record<string, Uint8Array> {
	return unzipSync(readFileSync(join(SCORM_DIR, file)));
}

/** The test LMS: one page, scorm-again as `window.API`, the package in an iframe. */
const PLAYER = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>LMS de test</title>
<script src="scorm12.min.js"></script>
<script src="player.js"></script></head>
<body><h1>LMS de test</h1><iframe id="sco" title="Contenu SCORM" src="about:blank" width="1000" height="900"></iframe></body></html>`;

const PLAYER_JS = `
window.lmsLog = [];
window.startLms = function (cmi, src) {
	var api = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
	if (cmi) api.loadFromJSON(cmi);
	['LMSInitialize', 'LMSCommit', 'LMSFinish'].forEach(function (name) {
		api.on(name, function () { window.lmsLog.push([name]); });
	});
	api.on('LMSSetValue.cmi.*', function (el, value) { window.lmsLog.push(['LMSSetValue', el, String(value)]); });
	window.lmsLog.length = 0;
	window.API = api;
	document.getElementById('sco').src = src;
};
window.savedCmi = function () { var o = window.API.renderCMIToJSONObject(); return o.cmi || o; };
`;

/** Serves the test LMS and the unzipped package from memory, on the test server's origin. */
async function serveLms(page: Page, files: Record<string, Uint8Array>) {
	await page.route('**/lms/**', async (route) => {
		const path = new URL(route.request().url()).pathname;
		if (path === '/lms/player.html') return route.fulfill({ body: PLAYER, contentType: TYPES['.html'] });
		if (path === '/lms/player.js') return route.fulfill({ body: PLAYER_JS, contentType: TYPES['.js'] });
		if (path === '/lms/scorm12.min.js') return route.fulfill({ body: readFileSync(SCORM_AGAIN, 'utf8'), contentType: TYPES['.js'] });
		if (path.startsWith(CONTENT_PATH)) {
			const rel = decodeURIComponent(path.slice(CONTENT_PATH.length)) || 'index.html';
			const body = files[rel];
			if (body) return route.fulfill({ body: Buffer.from(body), contentType: TYPES[extname(rel)] ?? 'application/octet-stream' });
		}
		return route.fulfill({ status: 404, body: 'not found' });
	});
}

async function packageFrame(page: Page): Promise<Frame> {
	await expect.poll(() => page.frames().some((f) => f.url().includes(CONTENT_PATH))).toBe(true);
	const frame = page.frames().find((f) => f.url().includes(CONTENT_PATH))!;
	await frame.waitForLoadState('load');
	return frame;
}

async function activeElementIs(frame: Frame, el: import('@playwright/test').ElementHandle): Promise<boolean> {
	return frame.evaluate((e) => document.activeElement === e, el);
}

/** Answers the package's quiz with the keyboard: Tab, arrows, Space, Enter. */
async function passQuizByKeyboard(page: Page, frame: Frame) {
	const props = JSON.parse((await frame.locator('[data-pias-quiz]').getAttribute('data-props'))!);
	const questions = props.questions as { id: string; type: string; choices: { id: string }[]; correct: string[] }[];
	expect(questions.length).toBeGreaterThanOrEqual(5);
	const quiz = frame.locator('[data-quiz]');
	await expect(quiz).toBeVisible();
	// Like the quiz does after each question: focus on the question's legend.
	await quiz.locator('legend').focus();
	for (const [n, q] of questions.entries()) {
		await expect(quiz.locator('legend .counter')).toContainText(`Question ${n + 1} sur ${questions.length}`);
		const inputs = quiz.locator('.choices input');
		const count = await inputs.count();
		await page.keyboard.press('Tab');
		if (q.type === 'multiple') {
			for (let i = 0; i < count; i += 1) {
				expect(await activeElementIs(frame, (await inputs.nth(i).elementHandle())!)).toBe(true);
				if (q.correct.includes(await inputs.nth(i).getAttribute('value') as string)) await page.keyboard.press('Space');
				await page.keyboard.press('Tab');
			}
		} else {
			const values = await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
			const target = values.indexOf(q.correct[0]);
			expect(target).toBeGreaterThanOrEqual(0);
			if (target === 0) await page.keyboard.press('Space');
			for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
			await page.keyboard.press('Tab');
		}
		const button = quiz.getByRole('button', { name: 'Valider ma réponse' });
		expect(await activeElementIs(frame, (await button.elementHandle())!)).toBe(true);
		await page.keyboard.press('Enter');
		await expect(quiz.getByText('Bonne réponse.')).toBeVisible();
		await page.keyboard.press('Enter'); // "Question suivante" or "Voir mon résultat"
	}
	await expect(quiz.getByText(/Votre score : \d+ sur \d+ \(100 %\)/)).toBeVisible();
}

test.describe('SCORM packages', () => {
	test.beforeAll(() => {
		if (!existsSync(SCORM_DIR)) throw new Error(`${SCORM_DIR} not found: build the site with the SCORM integration first`);
	});

	test('a module package reports to the LMS runtime and resumes from its saved data', async ({ page }) => {
		const files = unzip(`module-${MODULE}.zip`);
		const errors: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(e.message));
		const outside: string[] = [];
		page.on('request', (r) => {
			const u = new URL(r.url());
			if (u.protocol.startsWith('http') && !u.pathname.startsWith('/lms/')) outside.push(r.url());
		});
		await serveLms(page, files);
		await page.goto('/lms/player.html');
		await page.evaluate(({ src }) => (window as any).startLms({ student_data: { mastery_score: '80' }, core: { student_id: 'u1', student_name: 'Test, Lea' } }, src), { src: `${CONTENT_PATH}index.html` });
		const frame = await packageFrame(page);

		await expect(frame.locator('[data-lms-status]')).toContainText('Connecté à votre plateforme de formation');
		let log = await page.evaluate(() => (window as any).lmsLog as string[][]);
		expect(log[0]).toEqual(['LMSInitialize']);
		expect(log).toContainEqual(['LMSSetValue', 'cmi.core.lesson_status', 'incomplete']);
		expect(log).toContainEqual(['LMSSetValue', 'cmi.core.lesson_location', MODULE]);

		await passQuizByKeyboard(page, frame);
		await expect(frame.locator('[data-lms-status]')).toContainText('Module validé, meilleur score 100 %');
		log = await page.evaluate(() => (window as any).lmsLog as string[][]);
		const afterQuiz = log.findIndex((e) => e[1] === 'cmi.core.score.raw');
		expect(afterQuiz).toBeGreaterThan(0);
		expect(log).toContainEqual(['LMSSetValue', 'cmi.core.score.raw', '100']);
		expect(log).toContainEqual(['LMSSetValue', 'cmi.core.score.min', '0']);
		expect(log).toContainEqual(['LMSSetValue', 'cmi.core.score.max', '100']);
		expect(log).toContainEqual(['LMSSetValue', 'cmi.core.lesson_status', 'passed']);
		expect(log.slice(afterQuiz).some((e) => e[0] === 'LMSCommit')).toBe(true);
		// Nothing but status, score, location, resume data (and exit, at the end) is written.
		const written = new Set(log.filter((e) => e[0] === 'LMSSetValue').map((e) => e[1]));
		expect([...written].sort()).toEqual(['cmi.core.lesson_location', 'cmi.core.lesson_status', 'cmi.core.score.max', 'cmi.core.score.min', 'cmi.core.score.raw', 'cmi.suspend_data']);

		// Leaving the page ends the session.
		await page.evaluate(() => ((document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'));
		await expect.poll(() => page.evaluate(() => (window as any).lmsLog.some((e: string[]) => e[0] === 'LMSFinish'))).toBe(true);
		log = await page.evaluate(() => (window as any).lmsLog as string[][]);
		expect(log).toContainEqual(['LMSSetValue', 'cmi.core.exit', 'suspend']);
		const saved = await page.evaluate(() => (window as any).savedCmi());
		expect(saved.core.lesson_status).toBe('passed');
		expect(String(saved.core.score.raw)).toBe('100');
		expect(saved.core.lesson_location).toBe(MODULE);
		expect(saved.suspend_data).toMatch(new RegExp(`^p1;${MODULE}=100\\.\\d+\\*$`));

		// Reopen with what the LMS kept: the page resumes (best score, status), nothing is downgraded.
		await page.evaluate(({ cmi, src }) => (window as any).startLms(cmi, src), {
			cmi: { suspend_data: saved.suspend_data, student_data: { mastery_score: '80' }, core: { lesson_status: saved.core.lesson_status, lesson_location: saved.core.lesson_location, entry: 'resume', score: { raw: String(saved.core.score.raw) } } },
			src: `${CONTENT_PATH}index.html?reprise`,
		});
		const again = await packageFrame(page);
		await expect(again.locator('[data-lms-status]')).toContainText('Module validé, meilleur score 100 %');
		await expect(again.locator('[data-best]')).toContainText('Meilleur score enregistré : 100 %');
		log = await page.evaluate(() => (window as any).lmsLog as string[][]);
		expect(log[0]).toEqual(['LMSInitialize']);
		expect(log.some((e) => e[1] === 'cmi.core.lesson_status' && e[2] !== 'passed')).toBe(false);

		expect(errors).toEqual([]);
		expect(outside).toEqual([]);
	});

	test('a track package: each module is its own SCO, launched from its own page', async ({ page }) => {
		const catalog = JSON.parse(readFileSync(join(DIST, 'catalog.json'), 'utf8'));
		const track = catalog.tracks.find((t: { profile: string }) => t.profile === 'decideur');
		const second = track.modules[1] as string;
		const files = unzip('parcours-decideur.zip');
		for (const id of track.modules) expect(files[`${id}.html`], id).toBeDefined();
		await serveLms(page, files);
		await page.goto('/lms/player.html');
		await page.evaluate(({ src }) => (window as any).startLms({ student_data: { mastery_score: '80' } }, src), { src: `${CONTENT_PATH}${second}.html` });
		const frame = await packageFrame(page);
		await expect(frame.locator('[data-pias-package]')).toHaveAttribute('data-module', second);
		await expect(frame.locator('[data-lms-status]')).toContainText('Connecté');
		await expect(frame.getByRole('button', { name: 'Valider ma réponse' })).toBeVisible();
		const log = await page.evaluate(() => (window as any).lmsLog as string[][]);
		expect(log[0]).toEqual(['LMSInitialize']);
		expect(log).toContainEqual(['LMSSetValue', 'cmi.core.lesson_location', second]);
	});

	test('without an LMS the package page still works and says results are not recorded', async ({ page }) => {
		const files = unzip(`module-${MODULE}.zip`);
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		await serveLms(page, files);
		await page.goto(`${CONTENT_PATH}index.html`);
		await expect(page.locator('[data-lms-status]')).toContainText('Aucune plateforme de formation');
		await expect(page.getByRole('button', { name: 'Valider ma réponse' })).toBeVisible();
		// No site navigation, no search form, no service worker.
		await expect(page.locator('header nav, form[role="search"], #site-search')).toHaveCount(0);
		expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
		expect(errors).toEqual([]);
	});

	test('every package is self-contained: no outside or site-rooted URL in HTML, CSS or JS', () => {
		const names = zips();
		expect(names.length).toBeGreaterThanOrEqual(6);
		const problems: string[] = [];
		for (const name of names) {
			const files = unzip(name);
			const texts = Object.entries(files)
				.filter(([p]) => /\.(html|css|js|svg)$/.test(p))
				.map(([path, bytes]) => ({ path, text: strFromU8(bytes) }));
			expect(texts.some((t) => t.path.endsWith('.html'))).toBe(true);
			for (const r of findOutsideRefs(texts)) problems.push(`${name} ${r.file} ${r.where} ${r.value}`);
			for (const t of texts.filter((x) => x.path.endsWith('.html'))) {
				// Belt and braces, independent of the scanner: no astro-island, no /_astro/, no rooted attribute.
				if (/<astro-island|\/_astro\//.test(t.text)) problems.push(`${name} ${t.path} astro runtime URL`);
				for (const m of t.text.matchAll(/\s(?:src|href|action|srcset)="(\/[^"]*)"/g)) problems.push(`${name} ${t.path} rooted ${m[1]}`);
				if (/serviceWorker/.test(t.text)) problems.push(`${name} ${t.path} service worker`);
			}
		}
		expect(problems).toEqual([]);
	});

	test('every manifest parses (DOMParser) and lists exactly the files of its zip, items in order', async ({ page }) => {
		await page.goto('./');
		const catalog = JSON.parse(readFileSync(join(DIST, 'catalog.json'), 'utf8'));
		for (const name of zips()) {
			const files = unzip(name);
			const xml = strFromU8(files['imsmanifest.xml']);
			const parsed = await page.evaluate((text) => {
				const doc = new DOMParser().parseFromString(text, 'application/xml');
				if (doc.getElementsByTagName('parsererror').length > 0) return null;
				const CP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
				const ADL = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
				return {
					items: [...doc.getElementsByTagNameNS(CP, 'item')].map((i) => ({ ref: i.getAttribute('identifierref'), mastery: i.getElementsByTagNameNS(ADL, 'masteryscore')[0]?.textContent })),
					resources: [...doc.getElementsByTagNameNS(CP, 'resource')].map((r) => ({ id: r.getAttribute('identifier'), type: r.getAttribute('type'), scormtype: r.getAttributeNS(ADL, 'scormtype'), href: r.getAttribute('href') })),
					files: [...doc.getElementsByTagNameNS(CP, 'file')].map((f) => f.getAttribute('href')!),
				};
			}, xml);
			expect(parsed, `${name}: manifest not well-formed`).not.toBeNull();
			const inZip = Object.keys(files).filter((f) => f !== 'imsmanifest.xml').sort();
			expect([...new Set(parsed!.files)].sort(), name).toEqual(inZip);
			for (const r of parsed!.resources) expect([r.type, r.scormtype], name).toEqual(['webcontent', 'sco']);
			for (const i of parsed!.items) expect(i.mastery, name).toBe('80');
			const ids = parsed!.items.map((i) => i.ref!.replace(/^res-/, ''));
			const m = /^parcours-([a-z-]+?)(?:-(ehpad|bloc|service))?\.zip$/.exec(name);
			if (m) {
				const track = catalog.tracks.find((t: { profile: string }) => t.profile === m[1]);
				const expected = m[2] ? track.variants.find((v: { setting: string }) => v.setting === m[2]).modules : track.modules;
				expect(ids, name).toEqual(expected);
			} else expect(ids, name).toEqual([name.replace(/^module-|\.zip$/g, '')]);
		}
	});

	test('the trainers’ page explains the packages and links to every one of them and to catalog.json', async ({ page, request }) => {
		await page.goto('./formateurs/');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Formateurs');
		await expect(page.getByText('« Paquetage SCORM »').first()).toBeVisible();
		await expect(page.getByRole('heading', { name: /Ce que la plateforme enregistre/ })).toBeVisible();
		await expect(page.getByText(/sans aucune requête vers l’extérieur/)).toBeVisible();
		const links = page.locator('a[data-package]');
		const linked = (await links.evaluateAll((els) => els.map((e) => e.getAttribute('data-package')!))).sort();
		expect(linked).toEqual(zips());
		for (const a of await links.all()) {
			const res = await request.get((await a.getAttribute('href'))!);
			expect(res.status(), await a.getAttribute('href') ?? '').toBe(200);
			expect(res.headers()['content-type']).toContain('zip');
		}
		const catalog = await request.get((await page.locator('a[data-catalog]').getAttribute('href'))!);
		expect(catalog.ok()).toBe(true);
		const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
	});

	test('a package page is accessible (axe) and reflows at 320 px', async ({ page }) => {
		await serveLms(page, unzip(`module-${MODULE}.zip`));
		await page.setViewportSize({ width: 320, height: 800 });
		await page.goto(`${CONTENT_PATH}index.html`);
		await expect(page.getByRole('button', { name: 'Valider ma réponse' })).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
	});
});
