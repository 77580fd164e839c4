/**
 * Astro integration that writes the SCORM 1.2 packages (see src/lib/scorm/build.ts) once the
 * site is built. Register it BEFORE any integration that lists the output's files (service
 * worker precache, sitemap…): it removes the packages' source pages (`scorm/source/`) from the
 * output. Loaded natively by Node with astro.config.mjs: `.ts` imports, erasable syntax only.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildScormPackages, SOURCE_DIR } from '../lib/scorm/build.ts';
import { SCORM_DIR } from '../lib/scorm/plan.ts';

export default function scorm(): AstroIntegration {
	let base = '/';
	let root = '';
	return {
		name: 'pias-scorm',
		hooks: {
			// The package pages' sources: rendered by the build, turned into packages, then removed.
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: `/${SCORM_DIR}/${SOURCE_DIR}/[id]`, entrypoint: new URL('../pages/scorm/_source.astro', import.meta.url), prerender: true });
			},
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				await buildScormPackages({ outDir: fileURLToPath(dir), base, root, logger });
			},
		},
	};
}
