/**
 * Package pages, as text: take the `<main>` and the stylesheets of a rendered source page
 * (src/pages/scorm/_source.astro, routed as scorm/source/[id]), write them into a minimal page whose every URL is
 * relative, and check that a package loads nothing from outside itself. Pure string work, no
 * DOM: the input is HTML this project renders, so a few precise patterns are enough, and the
 * scanner below is the safety net that fails the build if one of them ever misses.
 *
 * Why a new page rather than the rendered one: Astro's pages carry absolute `/_astro/…` URLs,
 * island loaders with absolute `component-url`s and a CSP meta whose hashes cover inline
 * scripts; rewriting those scripts would break the hashes. The package page has no inline
 * script at all (the quiz props travel in a `data-props` attribute, the code in
 * `assets/pias-scorm.js`), so its CSP needs no hash: `script-src 'self'`.
 */

export interface StyleRef {
	kind: 'link' | 'inline';
	/** href of a `<link rel="stylesheet">`, or the text of a `<style>`. */
	value: string;
}

/** The inner HTML of the single `<main>` of a page (attributes of `<main>` returned apart). */
export function extractMain(html: string): { attrs: string; inner: string } {
	const open = /<main\b([^>]*)>/i.exec(html);
	const close = html.lastIndexOf('</main>');
	if (!open || close < open.index) throw new Error('No <main> element in the source page');
	if (html.indexOf('<main', open.index + 1) !== -1 && html.indexOf('<main', open.index + 1) < close) throw new Error('More than one <main> in the source page');
	return { attrs: open[1], inner: html.slice(open.index + open[0].length, close) };
}

/** Stylesheets of a page's `<head>`, in order: linked ones and inline `<style>` blocks. */
export function extractStyles(html: string): StyleRef[] {
	const head = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
	const out: StyleRef[] = [];
	const re = /<link\b([^>]*)>|<style\b[^>]*>([\s\S]*?)<\/style>/gi;
	for (let m = re.exec(head); m; m = re.exec(head)) {
		if (m[1] !== undefined) {
			const attrs = m[1];
			if (!/\brel=["']?stylesheet\b/i.test(attrs)) continue;
			const href = /\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
			if (href) out.push({ kind: 'link', value: decodeEntities(href[1] ?? href[2] ?? href[3]) });
		} else out.push({ kind: 'inline', value: m[2] });
	}
	return out;
}

/** Decodes the few entities Astro writes in attribute values. */
export function decodeEntities(value: string): string {
	return value.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" })[e]!);
}

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Rewrites every `url(…)` and `@import` of a stylesheet through `map` (which returns the new
 * URL, or throws for one that cannot be packaged). `data:` URLs and fragment-only ones stay.
 */
export function rewriteCssUrls(css: string, map: (url: string) => string): string {
	const keep = (u: string) => u.startsWith('data:') || u.startsWith('#') || u === '';
	let out = css.replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi, (m, a?: string, b?: string, c?: string) => {
		const u = a ?? b ?? c ?? '';
		return keep(u) ? m : `url("${map(u)}")`;
	});
	out = out.replace(/@import\s+(?:"([^"]*)"|'([^']*)')/gi, (m, a?: string, b?: string) => {
		const u = a ?? b ?? '';
		return keep(u) ? m : `@import "${map(u)}"`;
	});
	return out;
}

/**
 * Links whose href is rooted at the site (`/…`) point to pages a package does not hold: their
 * text stays, the link goes. Links to other sites (cited sources) and in-page anchors stay.
 */
export function unwrapRootedLinks(html: string): string {
	return html.replace(/<a\b([^>]*?)\bhref=(["'])\/(?!\/)[^"']*\2([^>]*)>([\s\S]*?)<\/a>/gi, (_m, _a, _q, _b, text: string) => `<span class="site-link">${text}</span>`);
}

export interface PackagePageInput {
	/** Document title. */
	title: string;
	/** Attributes of `<main>` (kept: they carry the module id and version). */
	mainAttrs: string;
	/** Inner HTML of `<main>`. */
	body: string;
	/** Stylesheets, relative to the page. */
	stylesheets: readonly string[];
	/** Classic scripts (deferred), relative to the page. */
	scripts: readonly string[];
	/** Favicon, relative to the page. */
	favicon: string;
}

/**
 * The CSP of package pages: only files of the package itself (`'self'` is the LMS's origin, from
 * which it serves the unzipped package), no inline script or style, no network request.
 */
export const PACKAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'";

/** A minimal, self-contained page: no site navigation, no search form, no service worker. */
export function packagePage(input: PackagePageInput): string {
	const e = escapeHtml;
	return [
		'<!doctype html>',
		'<html lang="fr" dir="ltr">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<meta http-equiv="content-security-policy" content="${PACKAGE_CSP}">`,
		'<meta name="referrer" content="no-referrer">',
		'<meta name="color-scheme" content="light dark">',
		`<title>${e(input.title)} — Parcours IA Santé</title>`,
		`<link rel="icon" href="${e(input.favicon)}" type="image/svg+xml">`,
		...input.stylesheets.map((s) => `<link rel="stylesheet" href="${e(s)}">`),
		...input.scripts.map((s) => `<script src="${e(s)}" defer></script>`),
		'</head>',
		'<body>',
		`<main${input.mainAttrs}>${input.body}</main>`,
		'</body>',
		'</html>',
		'',
	].join('\n');
}

// ------------------------------------------------------------------ self-containment check

/** One reference that would make a package load (or leave to) something outside itself. */
export interface OutsideRef {
	file: string;
	/** Where: `<tag attr>`, `css url()`, `js`… */
	where: string;
	value: string;
}

/** URLs that appear in the bundled JavaScript but are never loaded (namespaces, error docs). */
export const JS_URL_ALLOWLIST: readonly RegExp[] = [
	/^http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/)$/,
	/^https:\/\/svelte\.dev\/e\/[a-z_]*$/,
];

const URL_ATTRS = new Set(['src', 'href', 'srcset', 'poster', 'data', 'action', 'formaction', 'xlink:href', 'background', 'manifest', 'ping', 'longdesc', 'imagesrcset', 'component-url', 'renderer-url', 'before-hydration-url']);

/** An absolute (`scheme:`), protocol-relative (`//`) or site-rooted (`/`) URL. */
function isOutside(url: string): boolean {
	const u = url.trim();
	if (u.startsWith('/')) return true; // `/x` and `//host/x`
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1]?.toLowerCase();
	return scheme !== undefined && scheme !== 'data';
}

function cssRefs(file: string, css: string, where: string): OutsideRef[] {
	const out: OutsideRef[] = [];
	const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
	for (let m = re.exec(css); m; m = re.exec(css)) {
		const u = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
		if (isOutside(u)) out.push({ file, where, value: u });
	}
	return out;
}

function htmlRefs(file: string, html: string): OutsideRef[] {
	const out: OutsideRef[] = [];
	const tagRe = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
	for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
		const tag = m[1].toLowerCase();
		const attrRe = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
		const attrs: Record<string, string> = {};
		for (let a = attrRe.exec(m[2]); a; a = attrRe.exec(m[2])) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
		for (const [name, value] of Object.entries(attrs)) {
			if (name === 'style') out.push(...cssRefs(file, value, `<${tag} style>`));
			if (!URL_ATTRS.has(name)) continue;
			const urls = name.endsWith('srcset') ? value.split(',').map((p) => p.trim().split(/\s+/)[0]) : [value];
			for (const u of urls) {
				if (!isOutside(u)) continue;
				// A link the learner follows to a cited source may leave the package; a rooted one may not.
				const followable = (tag === 'a' || tag === 'area') && name === 'href';
				if (followable && /^(https?:|mailto:)/i.test(u.trim())) continue;
				out.push({ file, where: `<${tag} ${name}>`, value: u });
			}
		}
		if (tag === 'meta' && /refresh/i.test(attrs['http-equiv'] ?? '')) out.push({ file, where: '<meta refresh>', value: attrs.content ?? '' });
		if (tag === 'base') out.push({ file, where: '<base>', value: attrs.href ?? '' });
	}
	// Inline scripts and styles: a package page has no inline script; inline styles are checked.
	const blockRe = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;
	for (let m = blockRe.exec(html); m; m = blockRe.exec(html)) {
		if (m[1].toLowerCase() === 'style') out.push(...cssRefs(file, m[3], '<style>'));
		else if (m[3].trim() !== '') out.push({ file, where: '<script> inline', value: m[3].slice(0, 80) });
	}
	return out;
}

function jsRefs(file: string, js: string): OutsideRef[] {
	const out: OutsideRef[] = [];
	for (const m of js.matchAll(/(?:https?:)?\/\/[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'`)\\]*/g)) {
		// `//` after a word character is a comment or part of a regexp/path, not a URL start.
		const before = js[(m.index ?? 0) - 1] ?? '';
		if (!m[0].startsWith('http') && /[A-Za-z0-9:]/.test(before)) continue;
		if (!JS_URL_ALLOWLIST.some((re) => re.test(m[0]))) out.push({ file, where: 'js url', value: m[0] });
	}
	const network = /\b(fetch|importScripts|sendBeacon|XMLHttpRequest|WebSocket|EventSource)\b\s*\(|\bimport\s*\(|sourceMappingURL|navigator\.serviceWorker/g;
	for (const m of js.matchAll(network)) out.push({ file, where: 'js network', value: m[0] });
	return out;
}

/**
 * Every reference in a package's HTML, CSS and JavaScript that would load something from outside
 * the package (absolute, protocol-relative or site-rooted URLs; network calls in scripts). Links
 * (`<a href>`) to http(s) sources are allowed: following one is the learner's choice.
 */
export function findOutsideRefs(files: ReadonlyArray<{ path: string; text: string }>): OutsideRef[] {
	const out: OutsideRef[] = [];
	for (const f of files) {
		if (f.path.endsWith('.html')) out.push(...htmlRefs(f.path, f.text));
		else if (f.path.endsWith('.css')) out.push(...cssRefs(f.path, f.text, 'css'));
		else if (f.path.endsWith('.js')) out.push(...jsRefs(f.path, f.text));
		else if (f.path.endsWith('.svg')) out.push(...htmlRefs(f.path, f.text).filter((r) => !/^http:\/\/www\.w3\.org\//.test(r.value)));
	}
	return out;
}
