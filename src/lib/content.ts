/**
 * The curriculum as pages see it: Astro collections, validated across entries once per build.
 * A broken cross-reference (a track naming a missing module, a duplicate slug…) stops the build
 * with the file and the field named.
 */
import { getCollection, getEntry } from 'astro:content';
import {
	formatProblems,
	moduleMinutes,
	trackModuleIds,
	totalMinutes,
	validateCatalog,
	type ModuleEntry,
	type TrackEntry,
} from './catalog';
import type { CompetenceData, EstablishmentData, GlossaryData } from './schemas';
import { PROFILES, THEMES, type Profile } from './taxonomy';

export interface Curriculum {
	modules: ModuleEntry[];
	byId: Map<string, ModuleEntry>;
	minutes: Map<string, number>;
	tracks: TrackEntry[];
	glossary: { id: string; data: GlossaryData }[];
	competences: { id: string; data: CompetenceData }[];
	establishment: EstablishmentData;
}

let cached: Promise<Curriculum> | null = null;

export class ContentError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ContentError';
	}
}

async function load(): Promise<Curriculum> {
	const rawModules = await getCollection('modules');
	const modules: ModuleEntry[] = rawModules
		.map((e) => ({ id: e.id, file: e.filePath ?? e.id, data: e.data, body: e.body ?? '' }))
		.sort((a, b) => THEMES.indexOf(a.data.theme) - THEMES.indexOf(b.data.theme) || a.data.title.localeCompare(b.data.title, 'fr'));
	const tracks: TrackEntry[] = (await getCollection('tracks'))
		.map((e) => ({ id: e.id, file: e.filePath ?? e.id, data: e.data }))
		.sort((a, b) => PROFILES.indexOf(a.data.profile) - PROFILES.indexOf(b.data.profile));
	const glossary = (await getCollection('glossary'))
		.map((e) => ({ id: e.id, data: e.data }))
		.sort((a, b) => a.data.term.localeCompare(b.data.term, 'fr'));
	const competences = (await getCollection('competences')).map((e) => ({ id: e.id, data: e.data }));
	const est = await getEntry('establishment', 'etablissement');
	const problems = validateCatalog({ modules, tracks, glossary, competences });
	if (problems.length) {
		throw new ContentError(`Contenu invalide (${problems.length} problème(s)) :\n${formatProblems(problems)}`);
	}
	const byId = new Map(modules.map((m) => [m.id, m]));
	const minutes = new Map(modules.map((m) => [m.id, moduleMinutes(m)]));
	return {
		modules,
		byId,
		minutes,
		tracks,
		glossary,
		competences,
		establishment: est?.data ?? { name: '', dpo: '', securityLead: '', aiReferent: '', approvedTools: [], incidentProcedure: '', incidentContact: '', reviewers: [] },
	};
}

/** The validated curriculum (loaded once per build). */
export function curriculum(): Promise<Curriculum> {
	cached ??= load();
	return cached;
}

/** Module ids of a profile's track (default setting), in order. */
export function trackIds(c: Curriculum, profile: Profile): string[] {
	const t = c.tracks.find((x) => x.data.profile === profile);
	return t ? trackModuleIds(t.data) : [];
}

export function trackMinutes(c: Curriculum, ids: string[]): number {
	return totalMinutes(ids, c.minutes);
}

/** Today's date in the build's time zone, YYYY-MM-DD (for "under review" flags computed at build). */
export function buildDate(): string {
	return new Date().toISOString().slice(0, 10);
}
