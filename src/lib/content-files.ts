/**
 * Reads the content folder straight from disk (Node only), without Astro. Used by the content
 * tests, the freshness check and the search benchmark, which must not need a full build.
 * The site itself reads the same files through Astro's content collections.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';

export interface RawEntry {
	/** Path relative to the content folder. */
	file: string;
	data: Record<string, unknown>;
	body: string;
}

function walk(dir: string, ext: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir).sort()) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...walk(p, ext));
		else if (name.endsWith(ext)) out.push(p);
	}
	return out;
}

/** Splits an MDX file into YAML frontmatter and body. */
export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string } {
	const m = source.replace(/^\uFEFF/, '').match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
	if (!m) return { data: {}, body: source };
	return { data: (yaml.load(m[1]) as Record<string, unknown>) ?? {}, body: m[2] };
}

export function readModules(contentDir: string): RawEntry[] {
	return walk(join(contentDir, 'modules'), '.mdx').map((p) => {
		const { data, body } = splitFrontmatter(readFileSync(p, 'utf8'));
		return { file: relative(contentDir, p), data, body };
	});
}

export function readTracks(contentDir: string): RawEntry[] {
	return walk(join(contentDir, 'tracks'), '.yaml').map((p) => ({
		file: relative(contentDir, p),
		data: (yaml.load(readFileSync(p, 'utf8')) as Record<string, unknown>) ?? {},
		body: '',
	}));
}

/** Reads a YAML file shaped as { id: entry } (Astro's file() loader shape). */
export function readKeyed(contentDir: string, name: string): Array<{ id: string; data: Record<string, unknown> }> {
	const obj = (yaml.load(readFileSync(join(contentDir, name), 'utf8')) as Record<string, Record<string, unknown>>) ?? {};
	return Object.entries(obj).map(([id, data]) => ({ id, data }));
}
