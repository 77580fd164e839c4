/** Every page of the built site, read from the output folder (the sitemap of what was built). */
import { readdirSync, statSync } from 'node:fs';
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
