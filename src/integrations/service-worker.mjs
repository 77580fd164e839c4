/**
 * Generates the service worker after the build with workbox-build: it precaches the whole
 * site (pages, assets, icons, manifest, search index, catalogue) so every page, the quizzes and
 * the search work offline once the learner has visited the site. SCORM zips stay out (they are
 * for LMS upload, not for reading). A new worker waits until the learner accepts the reload
 * offered by the page, so an open quiz never loses files it still needs.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

export default function serviceWorker() {
	return {
		name: 'pias-service-worker',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const { generateSW } = await import('workbox-build');
				const root = fileURLToPath(dir);
				const { count, size, warnings } = await generateSW({
					globDirectory: root,
					swDest: join(root, 'sw.js'),
					globPatterns: ['**/*.{html,js,css,json,svg,png,webmanifest,woff2}'],
					globIgnores: ['scorm/**', 'sw.js', 'precache-report.json', '**/*.map'],
					maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
					inlineWorkboxRuntime: true,
					mode: 'production',
					sourcemap: false,
					skipWaiting: false,
					clientsClaim: true,
					cleanupOutdatedCaches: true,
					// `/recherche/?q=…` (any query) is served from the precached page.
					ignoreURLParametersMatching: [/.*/],
					directoryIndex: 'index.html',
					navigateFallback: null,
				});
				for (const w of warnings) logger.warn(w);
				writeFileSync(join(root, 'precache-report.json'), JSON.stringify({ count, bytes: size }, null, 2));
				logger.info(`service worker: ${count} files precached, ${(size / 1024).toFixed(0)} KiB`);
			},
		},
	};
}
