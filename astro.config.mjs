// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import scorm from './src/integrations/scorm.ts';
import serviceWorker from './src/integrations/service-worker.mjs';
import cspTrim from './src/integrations/csp-trim.mjs';

/**
 * BASE_PATH: the sub-path the site is served from (hospitals often host it under one, e.g.
 * /formation-ia/). Normalised to end with a slash so that `${import.meta.env.BASE_URL}page`
 * is always right. SITE_URL: the absolute origin, for what needs an absolute URL.
 */
const base = ('/' + (process.env.BASE_PATH || '/').replace(/^\/+/, '')).replace(/\/?$/, '/');
// No fallback origin: what needs an absolute URL is drawn from the page's own address instead.
const site = process.env.SITE_URL || undefined;

export default defineConfig({
	site,
	base,
	trailingSlash: 'ignore',
	output: 'static',
	outDir: process.env.OUT_DIR || './dist',
	// Build-level tests point each fixture build at its own cache so content stores never mix.
	cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
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
