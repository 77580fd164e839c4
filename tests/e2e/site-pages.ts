/** Every page of the built site, read from the output folder (the sitemap of what was built). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function builtPages(dist = process.env.E2E_DIST ?? 'dist'): string[] {
	const root = join(process.cwd(), dist);
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const p = join(dir, name);
			if (statSync(p).isDirectory()) {
				if (name === '_astro' || name === 'scorm') continue;
				walk(p);
			} else if (name === 'index.html') {
				const rel = relative(root, dir).split(sep).join('/');
				out.push(rel ? `${rel}/` : '');
			}
		}
	};
	walk(root);
	return out.sort();
}

/**
 * One built page per page template (a file under src/pages): a page whose own `.astro` file
 * exists is its own template; the pages a dynamic route (`[slug].astro`…) builds share one,
 * represented by the first of them. Used to run the costlier checks (dark theme, 320 px) once
 * per template while the light-theme pass covers every page.
 */
export function templatePages(pages: readonly string[] = builtPages(), srcPages = join(process.cwd(), 'src', 'pages')): string[] {
	const byTemplate = new Map<string, string>();
	for (const p of pages) {
		const rel = p.replace(/\/$/, '');
		const own = rel === '' ? ['index.astro'] : [`${rel}.astro`, `${rel}/index.astro`];
		let key = own.find((f) => existsSync(join(srcPages, f)));
		if (!key) {
			const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
			const dir = join(srcPages, parent);
			const dynamic = existsSync(dir) ? readdirSync(dir).find((f) => /^\[.+\]\.astro$/.test(f)) : undefined;
			key = dynamic ? `${parent}/${dynamic}` : `other:${rel}`;
		}
		if (!byTemplate.has(key)) byTemplate.set(key, p);
	}
	return [...byTemplate.values()].sort();
}
