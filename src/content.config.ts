/**
 * Content collections. Everything lives under the top-level `content/` folder (or the folder
 * named by CONTENT_DIR, which the build-level tests point at broken fixtures).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
	competenceSchema,
	establishmentSchema,
	glossarySchema,
	moduleSchema,
	trackSchema,
} from './lib/schemas';

const root = (process.env.CONTENT_DIR || './content').replace(/\/$/, '');

/**
 * Module slugs come from the frontmatter `id`, never from the file path. Two files claiming
 * the same id stop the build with both names (Astro alone would keep one of them silently).
 */
const claimed = new Map<string, string>();
const idFromData = ({ data, entry }: { data: Record<string, unknown>; entry: string }) => {
	const id = typeof data.id === 'string' && data.id ? data.id : entry.replace(/\.[^.]+$/, '');
	const other = claimed.get(id);
	if (other && other !== entry && existsSync(join(root, 'modules', other))) {
		throw new Error(
			`[modules] identifiant en double : « ${id} » est déclaré par ${root}/modules/${other} et par ${root}/modules/${entry} (champ id). Chaque module doit avoir un id unique.`,
		);
	}
	claimed.set(id, entry);
	return id;
};

const modules = defineCollection({
	loader: glob({ pattern: '**/*.mdx', base: `${root}/modules`, generateId: idFromData }),
	schema: moduleSchema,
});

const tracks = defineCollection({
	loader: glob({
		pattern: '*.yaml',
		base: `${root}/tracks`,
		generateId: ({ data, entry }) => (typeof data.profile === 'string' ? data.profile : entry),
	}),
	schema: trackSchema,
});

const glossary = defineCollection({
	loader: file(`${root}/glossary.yaml`),
	schema: glossarySchema,
});

const competences = defineCollection({
	loader: file(`${root}/competences.yaml`),
	schema: competenceSchema,
});

const establishment = defineCollection({
	loader: file(`${root}/etablissement.yaml`),
	schema: establishmentSchema,
});

export const collections = { modules, tracks, glossary, competences, establishment };
