// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import scorm from './src/integrations/scorm.ts';
import serviceWorker from './src/integrations/service-worker.mjs';
import cspTrim from './src/integrations/csp-trim.mjs';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * BASE_PATH: the sub-path the site is served from (hospitals often host it under one, e.g.
 * /formation-ia/). Normalised to end with a slash so that `${import.meta.env.BASE_URL}page`
 * is always right. SITE_URL: the absolute origin, for what needs an absolute URL.
 */
const base = ('/' + (process.env.BASE_PATH || '/').replace(/^\/+/, '')).replace(/\/?$/, '/');
// No fallback origin: what needs an absolute URL is drawn from the page's own address instead.
const site = process.env.SITE_URL || undefined;

/**
 * The content layer keeps parsed entries in `<cacheDir>/data-store.json` and does not notice a
 * change to the schemas that src/content.config.ts imports: after such a change (a new track
 * field, say) it served entries without the field. Drop the store when the schema files change.
 */
const cacheDir = process.env.ASTRO_CACHE_DIR || './node_modules/.astro';
{
	const hash = createHash('sha256');
	for (const f of ['src/content.config.ts', 'src/lib/schemas.ts', 'src/lib/taxonomy.ts']) hash.update(existsSync(f) ? readFileSync(f) : '');
	const digest = hash.digest('hex');
	const stamp = join(cacheDir, 'schemas.sha256');
	if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== digest) {
		rmSync(join(cacheDir, 'data-store.json'), { force: true });
		mkdirSync(cacheDir, { recursive: true });
		writeFileSync(stamp, digest);
	}
}

export default defineConfig({
	site,
	base,
	trailingSlash: 'ignore',
	output: 'static',
	outDir: process.env.OUT_DIR || './dist',
	// Build-level tests point each fixture build at its own cache so content stores never mix.
	cacheDir,
	// Fail the build on two entries or routes with the same slug instead of silently keeping one.
	prerenderConflictBehavior: 'error',
	// scorm() must run before serviceWorker(): it removes its temporary source pages first;
	// cspTrim() rewrites each page's CSP before the service worker records the final HTML.
	integrations: [mdx(), svelte(), scorm(), cspTrim(), serviceWorker()],
	// Astro hashes every inline script and style into script-src / style-src. The other
	// directives close the remaining channels to another origin (fetch, beacons, images,
	// prefetch, frames, WebSockets, plugins, <base>, form posts). frame-ancestors cannot be set
	// from a <meta>: the server kits in deploy/ send it as a header (see deploy/README.md).
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"connect-src 'self'",
				"img-src 'self' data:",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
		},
	},
	// Shiki writes inline styles, which the CSP would block; Prism uses classes.
	markdown: { syntaxHighlight: 'prism' },
	build: { format: 'directory', inlineStylesheets: 'auto' },
	// Scoped styles as a class rather than a data-astro-cid-* attribute on every element: lighter pages.
	scopedStyleStrategy: 'class',
	devToolbar: { enabled: false },
	vite: {
		build: {
			rolldownOptions: {
				onLog(level, log, handler) {
					// MDX entries all trigger this harmless notice about Astro's head-injection directive.
					if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
					handler(level, log);
				},
			},
		},
		optimizeDeps: { include: ['lunr', 'lunr-languages/lunr.stemmer.support.js', 'lunr-languages/lunr.fr.js'] },
	},
});
