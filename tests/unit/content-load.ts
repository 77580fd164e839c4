/**
 * Loads the real content folder through the same schemas the build uses, for the content tests.
 */
import { join } from 'node:path';
import { readKeyed, readModules, readTracks } from '../../src/lib/content-files';
import { competenceSchema, glossarySchema, moduleSchema, trackSchema } from '../../src/lib/schemas';
import type { ModuleEntry, TrackEntry } from '../../src/lib/catalog';

export const CONTENT_DIR = join(process.cwd(), 'content');

export function loadContent(dir = CONTENT_DIR) {
	const schemaErrors: string[] = [];
	const modules: ModuleEntry[] = [];
	for (const raw of readModules(dir)) {
		const r = moduleSchema.safeParse(raw.data);
		if (!r.success) {
			schemaErrors.push(`${raw.file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
			continue;
		}
		modules.push({ id: r.data.id, file: `content/${raw.file}`, data: r.data, body: raw.body });
	}
	const tracks: TrackEntry[] = [];
	for (const raw of readTracks(dir)) {
		const r = trackSchema.safeParse(raw.data);
		if (!r.success) {
			schemaErrors.push(`${raw.file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
			continue;
		}
		tracks.push({ id: r.data.profile, file: `content/${raw.file}`, data: r.data });
	}
	const glossary = readKeyed(dir, 'glossary.yaml').map((g) => {
		const r = glossarySchema.safeParse(g.data);
		if (!r.success) schemaErrors.push(`glossary.yaml ${g.id}: ${r.error.message}`);
		return { id: g.id, data: r.success ? r.data : (g.data as never) };
	});
	const competences = readKeyed(dir, 'competences.yaml').map((c) => {
		const r = competenceSchema.safeParse(c.data);
		if (!r.success) schemaErrors.push(`competences.yaml ${c.id}: ${r.error.message}`);
		return { id: c.id, data: r.success ? r.data : (c.data as never) };
	});
	return { modules, tracks, glossary, competences, schemaErrors };
}
