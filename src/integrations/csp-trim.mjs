/**
 * Trims each built page's CSP <meta> to the inline scripts and styles that page really has.
 *
 * Astro's CSP lists the hash of every script and style of the whole site on every page (about
 * 50 hashes, 2.7 KB that gzip cannot shrink, about 2 KB per page over the wire). External files
 * are already allowed by 'self'; only inline <script> and <style> elements need a hash. This
 * step recomputes, per page, the SHA-256 of the inline elements present and keeps exactly
 * those, which is both lighter and stricter. Runs at astro:build:done, after scorm() and before
 * serviceWorker() (whose precache revisions must see the final HTML).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;

/** sha256-… of a string, as a CSP source. */
export function cspHash(text) {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Text of every inline element `tag` (no src attribute for scripts), as in the HTML. */
export function inlineContents(html, tag) {
	const re = tag === 'script' ? /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi : /<style[^>]*>([\s\S]*?)<\/style>/gi;
	return [...html.matchAll(re)].map((m) => m[1]).filter((t) => t.length > 0);
}

/** The page's CSP with script-src / style-src hashes reduced to its own inline elements. */
export function trimCsp(html) {
	const m = html.match(META);
	if (!m) return html;
	const decoded = m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
	const keep = { 'script-src': new Set(inlineContents(html, 'script').map(cspHash)), 'style-src': new Set(inlineContents(html, 'style').map(cspHash)) };
	const directives = decoded.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
		const [name, ...sources] = d.split(/\s+/);
		if (!(name in keep)) return d;
		const kept = sources.filter((s) => !s.startsWith("'sha256-"));
		return [name, ...kept, ...keep[name]].join(' ');
	});
	const value = directives.join('; ').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
	return html.replace(META, `<meta http-equiv="content-security-policy" content="${value}">`);
}

function* htmlFiles(dir) {
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) yield* htmlFiles(p);
		else if (name.endsWith('.html')) yield p;
	}
}

export default function cspTrim() {
	return {
		name: 'pias-csp-trim',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				let n = 0;
				for (const file of htmlFiles(root)) {
					const html = readFileSync(file, 'utf8');
					const out = trimCsp(html);
					if (out !== html) {
						writeFileSync(file, out);
						n += 1;
					}
				}
				logger.info(`CSP trimmed to each page's inline elements on ${n} pages`);
			},
		},
	};
}
