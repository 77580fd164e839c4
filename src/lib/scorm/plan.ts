/**
 * Which SCORM packages a build writes, and what each holds: one per module
 * (`scorm/module-<id>.zip`) and one per track (`scorm/parcours-<profile>.zip`, modules in track
 * order), plus one per nurse setting (`scorm/parcours-infirmier-<setting>.zip`). Pure: the
 * packaging step feeds it from `catalog.json`, the trainers' page from the curriculum, so both
 * list the same files.
 */

/** Output folder of the packages, relative to the site root. */
export const SCORM_DIR = 'scorm';

/** `adlcp:masteryscore` of every item: the site's pass mark (PASS_MARK in quiz/scoring.ts). */
export const MASTERY_SCORE = 80;

/** French names of the nurse settings, as the site shows them (src/i18n/fr.json `setting.*`). */
export const SETTING_LABELS_FR: Readonly<Record<string, string>> = {
	ehpad: 'EHPAD et médico-social',
	bloc: 'Bloc opératoire',
	service: 'Service de soins',
};

/** Quiz strings that differ inside a package (the site's say "in your progress"). */
export const PACKAGE_QUIZ_LABELS = {
	passed: 'Module validé : votre réussite est transmise à votre plateforme de formation si elle est connectée (voir en haut de page).',
} as const;

export interface PlanModule {
	id: string;
	title: string;
	/** Estimated minutes (reading + quiz). */
	minutes: number;
	/** Content version. */
	version: number;
}

export interface PlanTrack {
	profile: string;
	title: string;
	/** Module ids, in order (default list). */
	modules: readonly string[];
	/** Nurse settings: the track's list for each. */
	variants: readonly { setting: string; modules: readonly string[] }[];
}

export interface PackagePlan {
	/** File name inside `scorm/`, e.g. `module-comprendre-ia.zip`. */
	file: string;
	kind: 'module' | 'track';
	/** Manifest identifier (an XML NCName, stable across builds). */
	identifier: string;
	/** Organization title shown by the LMS. */
	title: string;
	profile?: string;
	setting?: string;
	/** Module ids in order; each is one SCO. */
	modules: string[];
	/** Sum of the modules' minutes. */
	minutes: number;
	/** Launch page of each module inside the zip. */
	pages: Record<string, string>;
}

/** Launch page of a module: `index.html` in its own package, `<id>.html` in a track's. */
export function pageFile(kind: PackagePlan['kind'], moduleId: string): string {
	return kind === 'module' ? 'index.html' : `${moduleId}.html`;
}

/** Every package of a build, modules first (catalogue order), then tracks (and their settings). */
export function planPackages(input: { modules: readonly PlanModule[]; tracks: readonly PlanTrack[] }): PackagePlan[] {
	const byId = new Map(input.modules.map((m) => [m.id, m]));
	const minutesOf = (ids: readonly string[]) => ids.reduce((n, id) => n + (byId.get(id)?.minutes ?? 0), 0);
	const check = (ids: readonly string[], where: string) => {
		for (const id of ids) if (!byId.has(id)) throw new Error(`${where}: unknown module "${id}"`);
		if (new Set(ids).size !== ids.length) throw new Error(`${where}: a module is listed twice`);
	};
	const plans: PackagePlan[] = input.modules.map((m) => ({
		file: `module-${m.id}.zip`,
		kind: 'module',
		identifier: `pias-module-${m.id}`,
		title: m.title,
		modules: [m.id],
		minutes: m.minutes,
		pages: { [m.id]: pageFile('module', m.id) },
	}));
	for (const t of input.tracks) {
		const lists: { setting?: string; ids: readonly string[] }[] = [{ ids: t.modules }, ...t.variants.map((v) => ({ setting: v.setting, ids: v.modules }))];
		for (const { setting, ids } of lists) {
			const suffix = setting ? `-${setting}` : '';
			check(ids, `track ${t.profile}${suffix}`);
			if (ids.length === 0) throw new Error(`track ${t.profile}${suffix}: no module`);
			plans.push({
				file: `parcours-${t.profile}${suffix}.zip`,
				kind: 'track',
				identifier: `pias-parcours-${t.profile}${suffix}`,
				title: setting ? `${t.title} — ${SETTING_LABELS_FR[setting] ?? setting}` : t.title,
				profile: t.profile,
				...(setting ? { setting } : {}),
				modules: [...ids],
				minutes: minutesOf(ids),
				pages: Object.fromEntries(ids.map((id) => [id, pageFile('track', id)])),
			});
		}
	}
	const files = new Set<string>();
	for (const p of plans) {
		if (files.has(p.file)) throw new Error(`Two packages named ${p.file}`);
		files.add(p.file);
	}
	return plans;
}

/** Reads the plan input from the public `catalog.json` (schemaVersion 1 or 2: 2 only adds lesson fields). */
export function planInputFromCatalog(catalog: unknown): { modules: PlanModule[]; tracks: PlanTrack[] } {
	const c = catalog as {
		schemaVersion?: number;
		modules?: { slug: string; title: string; durationMinutes: number; version: number }[];
		tracks?: { profile: string; title: string; modules: string[]; variants?: { setting: string; modules: string[] }[] }[];
	};
	if ((c?.schemaVersion !== 1 && c?.schemaVersion !== 2) || !Array.isArray(c.modules) || !Array.isArray(c.tracks)) throw new Error('catalog.json: schemaVersion 1 or 2 with modules and tracks expected');
	return {
		modules: c.modules.map((m) => ({ id: m.slug, title: m.title, minutes: m.durationMinutes, version: m.version })),
		tracks: c.tracks.map((t) => ({ profile: t.profile, title: t.title, modules: t.modules, variants: t.variants ?? [] })),
	};
}
