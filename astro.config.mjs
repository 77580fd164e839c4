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
 * Two scripts as one file each (issue 13 item 11: the lesson page's weight): the lesson page's
 * script, and the site script every page loads (BaseLayout). Left alone, the bundler splits
 * what they share with other pages' scripts (the progress store, the lesson model, scoring, the
 * search URL helpers…) into a dozen small chunks, each compressed and fetched on its own: about
 * 3 KB gzip more than the same code in one file. Every module under src/lib/ that one of these
 * scripts reaches gets its own copy (id suffixed `?bundle=<name>`), so it lands in that script's
 * entry chunk or in its lazy chunks. Nothing else on a lesson page uses the progress store, and
 * the site script holds no shared state, so no module state is duplicated on a page. Build
 * only: dev serves modules as they are.
 * @returns {import('vite').Plugin}
 */
function ownBundles() {
	/** @type {[string, RegExp][]} */
	const ENTRIES = [
		['lesson', /[\\/]src[\\/]lib[\\/]client[\\/]lesson\.ts$/],
		['layout', /[\\/]src[\\/]layouts[\\/]BaseLayout\.astro\?astro&type=script/],
	];
	return {
		name: 'pias-own-bundles',
		enforce: 'pre',
		apply: 'build',
		async resolveId(source, importer, options) {
			if (!importer) return null;
			const marked = /\?bundle=([a-z]+)$/.exec(importer);
			const name = marked?.[1] ?? ENTRIES.find(([, re]) => re.test(importer))?.[0];
			if (!name) return null;
			const r = await this.resolve(source, marked ? importer.slice(0, marked.index) : importer, { ...options, skipSelf: true });
			if (!r || r.external || r.id.includes('?') || !/[\\/]src[\\/]lib[\\/]/.test(r.id)) return null;
			return `${r.id}?bundle=${name}`;
		},
	};
}

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
	// Every stylesheet inline: a lesson page's CSS compresses with its HTML (about 1 KB gzip less
	// than two separate files, issue 13 item 11); offline, the service worker holds the pages anyway.
	build: { format: 'directory', inlineStylesheets: 'always' },
	// Scoped styles as a class rather than a data-astro-cid-* attribute on every element: lighter pages.
	scopedStyleStrategy: 'class',
	devToolbar: { enabled: false },
	vite: {
		plugins: [ownBundles()],
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
