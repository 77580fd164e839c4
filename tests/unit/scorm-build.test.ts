/**
 * The packaging step on a tiny output folder (tests/fixtures/scorm/mini-dist): the real bundle
 * (Vite + Svelte), real zips, read back. The Astro build itself is covered by the e2e spec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { assemblePackage, buildScormPackages, bundleClient, type BuiltPackage, type ClientBundle } from '../../src/lib/scorm/build';
import { findAll, parseXml } from '../../src/lib/scorm/xml';
import { findOutsideRefs } from '../../src/lib/scorm/page';
import { planPackages } from '../../src/lib/scorm/plan';

let out = '';
let built: BuiltPackage[] = [];
let bundle: ClientBundle;
const silent = { info: () => {}, warn: () => {} };

beforeAll(async () => {
	out = mkdtempSync(join(tmpdir(), 'pias-scorm-'));
	cpSync('tests/fixtures/scorm/mini-dist', out, { recursive: true });
	bundle = await bundleClient(process.cwd());
	built = await buildScormPackages({ outDir: out, base: '/', root: process.cwd(), logger: silent, bundle });
}, 120_000);

afterAll(() => {
	if (out) rmSync(out, { recursive: true, force: true });
});

const read = (file: string) => unzipSync(readFileSync(join(out, 'scorm', file)));

describe('buildScormPackages', () => {
	it('writes one zip per module, per track and per setting, and removes the source pages', () => {
		expect(built.map((b) => b.path)).toEqual(['scorm/module-alpha.zip', 'scorm/module-beta.zip', 'scorm/parcours-infirmier.zip', 'scorm/parcours-infirmier-bloc.zip']);
		for (const b of built) expect(existsSync(join(out, b.path))).toBe(true);
		expect(existsSync(join(out, 'scorm/source'))).toBe(false);
	});

	it('lists every file of each zip in its manifest, and only files that exist', () => {
		for (const b of built) {
			const files = read(b.plan.file);
			const manifest = parseXml(strFromU8(files['imsmanifest.xml']));
			const listed = new Set(findAll(manifest, 'file').map((f) => f.attrs.href));
			expect([...listed].sort()).toEqual(Object.keys(files).filter((f) => f !== 'imsmanifest.xml').sort());
			for (const r of findAll(manifest, 'resource')) expect(files[r.attrs.href]).toBeDefined();
		}
	});

	it('track items follow the track order and launch their own page', () => {
		const manifest = parseXml(strFromU8(read('parcours-infirmier.zip')['imsmanifest.xml']));
		expect(findAll(manifest, 'resource').map((r) => r.attrs.href)).toEqual(['beta.html', 'alpha.html']);
		expect(findAll(manifest, 'item').map((i) => findAll(i, 'title')[0].text)).toEqual(['Bêta & co', "Alpha : l'essentiel"]);
	});

	it('package pages: relative assets, rewritten CSS url(), site links unwrapped, source links kept', () => {
		const files = read('module-alpha.zip');
		const html = strFromU8(files['index.html']);
		expect(html).toMatch(/<link rel="stylesheet" href="assets\/page-[0-9a-f]{8}\.css">/);
		expect(html).toContain('<script src="assets/pias-scorm.js" defer></script>');
		expect(html).toContain('<span class="site-link">un autre module</span>');
		expect(html).toContain('<a href="https://www.legifrance.gouv.fr/">la source</a>');
		expect(html).not.toContain('sha256-AAAA');
		const cssName = Object.keys(files).find((f) => /^assets\/page-.*\.css$/.test(f))!;
		const css = strFromU8(files[cssName]);
		const icon = /url\("([^"]+check\.svg)"\)/.exec(css)![1];
		expect(files[`assets/${icon}`]).toBeDefined();
		expect(css).toContain('.term{text-decoration-style:dotted}');
		expect(css).toContain('url("data:image/svg+xml,%3Csvg%3E")');
		const texts = Object.entries(files).filter(([p]) => /\.(html|css|js|svg)$/.test(p)).map(([path, b]) => ({ path, text: strFromU8(b) }));
		expect(findOutsideRefs(texts)).toEqual([]);
	});

	it('the package script carries the quiz without touching localStorage or the network', () => {
		const js = strFromU8(read('module-alpha.zip')['assets/pias-scorm.js']);
		expect(js.length).toBeGreaterThan(20_000);
		expect(js).toContain('data-pias-quiz');
		expect(js).not.toMatch(/localStorage|fetch\(|sendBeacon|import\(/);
		expect(js).toContain('LMSInitialize');
	});

	it('zips are reproducible (fixed dates, sorted entries)', async () => {
		const again = mkdtempSync(join(tmpdir(), 'pias-scorm-'));
		try {
			cpSync('tests/fixtures/scorm/mini-dist', again, { recursive: true });
			await buildScormPackages({ outDir: again, base: '/', root: process.cwd(), logger: silent, bundle });
			expect(readFileSync(join(again, 'scorm/module-beta.zip')).equals(readFileSync(join(out, 'scorm/module-beta.zip')))).toBe(true);
		} finally {
			rmSync(again, { recursive: true, force: true });
		}
	});

	it('works for a site built under a sub-path (hospital intranets)', async () => {
		const sub = mkdtempSync(join(tmpdir(), 'pias-scorm-'));
		try {
			cpSync('tests/fixtures/scorm/mini-dist', sub, { recursive: true });
			for (const id of ['alpha', 'beta']) {
				const f = join(sub, 'scorm/source', id, 'index.html');
				writeFileSync(f, readFileSync(f, 'utf8').replaceAll('href="/', 'href="/formation-ia/'));
			}
			const css = join(sub, '_astro/page.Ab12.css');
			writeFileSync(css, readFileSync(css, 'utf8').replace('url(/_astro/', 'url(/formation-ia/_astro/'));
			await buildScormPackages({ outDir: sub, base: '/formation-ia/', root: process.cwd(), logger: silent, bundle, keepSources: true });
			const files = unzipSync(readFileSync(join(sub, 'scorm/module-alpha.zip')));
			const html = strFromU8(files['index.html']);
			expect(html).toContain('<span class="site-link">un autre module</span>');
			expect(html).not.toContain('formation-ia');
			expect(Object.keys(files).some((f) => f.endsWith('-check.svg'))).toBe(true);
			// The same site without the sub-path in its links: packaging refuses what it cannot place.
			writeFileSync(css, readFileSync(css, 'utf8').replace('url(/formation-ia/_astro/', 'url(/elsewhere/'));
			await expect(buildScormPackages({ outDir: sub, base: '/formation-ia/', root: process.cwd(), logger: silent, bundle })).rejects.toThrow(/outside the site/);
		} finally {
			rmSync(sub, { recursive: true, force: true });
		}
	});
});

describe('assemblePackage refuses a package that would load from outside', () => {
	const plan = planPackages({ modules: [{ id: 'm', title: 'M', minutes: 1, version: 1 }], tracks: [] })[0];
	const page = (body: string) => ({ html: `<!doctype html><html><head><link rel="stylesheet" href="assets/x.css"></head><body><main>${body}</main></body></html>`, stylesheets: new Map([['assets/x.css', 'a{}']]), extra: new Map<string, Uint8Array>() });
	const base = { plan, titles: new Map([['m', 'M']]), bundle: { js: 'var a=1;', css: '' }, favicon: strToU8('<svg xmlns="http://www.w3.org/2000/svg"/>'), mtime: new Date('2026-11-28T12:00:00Z') };

	it('accepts a clean page', () => {
		const r = assemblePackage({ ...base, pages: new Map([['m', page('<p>ok</p>')]]) });
		expect(r.files[0]).toBe('imsmanifest.xml');
		expect(r.files).toContain('index.html');
	});
	it('throws on an outside image, naming the package and the file', () => {
		expect(() => assemblePackage({ ...base, pages: new Map([['m', page('<img src="https://tracker.example/p.gif" alt="">')]]) })).toThrow(/module-m\.zip[\s\S]*index\.html <img src>: https:\/\/tracker/);
	});
	it('throws on a network call in the script', () => {
		expect(() => assemblePackage({ ...base, bundle: { js: 'fetch("x")', css: '' }, pages: new Map([['m', page('')]]) })).toThrow(/js network/);
	});
});
