import { describe, expect, it } from 'vitest';
import { extractMain, extractStyles, findOutsideRefs, packagePage, rewriteCssUrls, unwrapRootedLinks, PACKAGE_CSP } from '../../src/lib/scorm/page';

const source = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>x</title>
<link rel="stylesheet" href="/base/_astro/a.B1.css"><style>.x{color:red}</style><link rel="icon" href="/base/favicon.svg">
<link rel=stylesheet href='/base/_astro/b.css'><meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-x'"></head>
<body><header>nav</header><main id="contenu" data-module="m"><p>Hello <a href="/base/modules/y/">y</a></p></main><script type="module" src="/base/_astro/c.js"></script></body></html>`;

describe('reading the source page', () => {
	it('extracts the <main> and its attributes', () => {
		expect(extractMain(source)).toEqual({ attrs: ' id="contenu" data-module="m"', inner: '<p>Hello <a href="/base/modules/y/">y</a></p>' });
	});
	it('refuses a page without <main> or with two', () => {
		expect(() => extractMain('<body><div></div></body>')).toThrow();
		expect(() => extractMain('<main>a</main><main>b</main>')).toThrow();
	});
	it('lists the stylesheets of <head> in order (links and inline), not the icon', () => {
		expect(extractStyles(source)).toEqual([
			{ kind: 'link', value: '/base/_astro/a.B1.css' },
			{ kind: 'inline', value: '.x{color:red}' },
			{ kind: 'link', value: '/base/_astro/b.css' },
		]);
	});
});

describe('rewriting', () => {
	it('maps url() and @import, keeps data: and fragments', () => {
		const css = `@import "/base/x.css";a{background:url(/base/i.svg)}b{background:url('data:image/png;base64,AA')}c{mask:url("#m")}d{background:url( "rel.png" )}`;
		expect(rewriteCssUrls(css, (u) => `MAPPED(${u})`)).toBe(
			`@import "MAPPED(/base/x.css)";a{background:url("MAPPED(/base/i.svg)")}b{background:url('data:image/png;base64,AA')}c{mask:url("#m")}d{background:url("MAPPED(rel.png)")}`,
		);
	});
	it('unwraps site-rooted links, keeps outside links and anchors', () => {
		const html = '<a href="/m/">site</a> <a class="s" href="https://legifrance.gouv.fr/x">source</a> <a href="#terme-ia">IA</a> <a href="//cdn.example/x">cdn</a>';
		expect(unwrapRootedLinks(html)).toBe('<span class="site-link">site</span> <a class="s" href="https://legifrance.gouv.fr/x">source</a> <a href="#terme-ia">IA</a> <a href="//cdn.example/x">cdn</a>');
	});
});

describe('packagePage', () => {
	const html = packagePage({ title: 'T <1>', mainAttrs: ' data-module="m"', body: '<p>b</p>', stylesheets: ['assets/a.css'], scripts: ['assets/s.js'], favicon: 'favicon.svg' });
	it('has only external, relative scripts and styles, and a strict CSP', () => {
		expect(html).toContain('<script src="assets/s.js" defer></script>');
		expect(html).toContain('<link rel="stylesheet" href="assets/a.css">');
		expect(html).toContain(PACKAGE_CSP);
		expect(html).toContain('<title>T &lt;1&gt; — Parcours IA Santé</title>');
		expect(/<script(?![^>]*\bsrc=)[^>]*>/.test(html)).toBe(false);
		expect(html).not.toMatch(/serviceWorker|<nav|<form/);
		expect(findOutsideRefs([{ path: 'index.html', text: html }])).toEqual([]);
	});
});

describe('findOutsideRefs: what a package may not load', () => {
	const flagged: { name: string; path: string; text: string }[] = [
		{ name: 'outside script', path: 'a.html', text: '<script src="https://cdn.example/x.js"></script>' },
		{ name: 'site-rooted stylesheet', path: 'a.html', text: '<link rel="stylesheet" href="/_astro/a.css">' },
		{ name: 'protocol-relative image', path: 'a.html', text: '<img src="//cdn.example/i.png" alt="">' },
		{ name: 'srcset with an outside candidate', path: 'a.html', text: '<img srcset="a.png 1x, https://x.example/b.png 2x" alt="">' },
		{ name: 'astro island loader', path: 'a.html', text: '<astro-island component-url="/_astro/Quiz.js"></astro-island>' },
		{ name: 'site-rooted link (a page the package lacks)', path: 'a.html', text: '<a href="/progression/">p</a>' },
		{ name: 'inline script', path: 'a.html', text: '<script>navigator.serviceWorker.register("/sw.js")</script>' },
		{ name: 'meta refresh', path: 'a.html', text: '<meta http-equiv="refresh" content="0;url=https://x.example">' },
		{ name: 'base element', path: 'a.html', text: '<base href="https://x.example/">' },
		{ name: 'inline style url', path: 'a.html', text: '<div style="background:url(https://x.example/i.png)"></div>' },
		{ name: 'css url', path: 'a.css', text: 'a{background:url(/i.png)}' },
		{ name: 'css @import', path: 'a.css', text: '@import "https://fonts.example/css";' },
		{ name: 'js outside url', path: 'a.js', text: 'var u="https://cdn.example/lib.js";' },
		{ name: 'js fetch', path: 'a.js', text: 'fetch(u)' },
		{ name: 'js dynamic import', path: 'a.js', text: 'import("./chunk.js")' },
		{ name: 'js source map', path: 'a.js', text: '//# sourceMappingURL=a.js.map' },
		{ name: 'js beacon', path: 'a.js', text: 'navigator.sendBeacon(u,d)' },
	];
	for (const c of flagged) {
		it(`flags: ${c.name}`, () => {
			expect(findOutsideRefs([{ path: c.path, text: c.text }]).length).toBeGreaterThan(0);
		});
	}

	const allowed: { name: string; path: string; text: string }[] = [
		// Cited sources stay as plain links the learner may follow.
		{ name: 'https source link', path: 'a.html', text: '<a href="https://www.legifrance.gouv.fr/x" rel="external">Légifrance</a>' },
		{ name: 'relative assets', path: 'a.html', text: '<link rel="stylesheet" href="assets/a.css"><script src="assets/s.js" defer></script><link rel="icon" href="favicon.svg">' },
		{ name: 'anchors', path: 'a.html', text: '<a href="#terme-ia">IA</a>' },
		{ name: 'data: image', path: 'a.css', text: 'a{background:url("data:image/svg+xml,%3Csvg%3E")}' },
		{ name: 'JSON props in a data attribute', path: 'a.html', text: '<div data-props="{&quot;base&quot;:&quot;./&quot;}"></div>' },
		// Namespace URIs and Svelte's error links are strings, never requests.
		{ name: 'svg namespace in js', path: 'a.js', text: 'createElementNS("http://www.w3.org/2000/svg","svg")' },
		{ name: 'svelte error link', path: 'a.js', text: 'throw Error(`https://svelte.dev/e/effect_orphan`)' },
		{ name: 'regexp with //', path: 'a.js', text: 'a.replace(/\\/\\//g,"")' },
		{ name: 'svg favicon', path: 'favicon.svg', text: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>' },
	];
	for (const c of allowed) {
		it(`allows: ${c.name}`, () => {
			expect(findOutsideRefs([{ path: c.path, text: c.text }])).toEqual([]);
		});
	}
});
