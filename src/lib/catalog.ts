/**
 * The curriculum as one consistent object: modules, tracks (with the nurse settings resolved),
 * glossary and competences, plus the cross-reference checks zod cannot make on one entry alone.
 * Pure: the pages feed it from Astro collections, the tests from the files on disk.
 */
import { caseWords, displayMinutes, estimateMinutes, lessonTime, moduleWordCount, type LessonTime } from './duration';
import { stepBlocks, stepBodyProblems, stepWords } from './lesson/steps';
import type { CompetenceData, GlossaryData, ModuleData, TrackData } from './schemas';
import type { Profile, Setting } from './taxonomy';

export interface ModuleEntry {
	/** The stable id (= slug). */
	id: string;
	/** Source file, relative to the project, for error messages. */
	file: string;
	data: ModuleData;
	body: string;
}
export interface TrackEntry {
	id: string;
	file: string;
	data: TrackData;
}
export interface KeyedEntry<T> {
	id: string;
	data: T;
}

export interface ContentProblem {
	file: string;
	field: string;
	message: string;
}

/** Formats problems the way the build prints them: one line each, file → field: message. */
export function formatProblems(problems: ContentProblem[]): string {
	return problems.map((p) => `  ${p.file} → ${p.field} : ${p.message}`).join('\n');
}

/** Checks what one entry cannot check alone: references between entries, duplicates, cycles. */
export function validateCatalog(input: {
	modules: ModuleEntry[];
	tracks: TrackEntry[];
	glossary: KeyedEntry<GlossaryData>[];
	competences: KeyedEntry<CompetenceData>[];
	glossaryFile?: string;
}): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const byId = new Map<string, ModuleEntry>();
	for (const m of input.modules) {
		const other = byId.get(m.id);
		if (other) {
			problems.push({ file: m.file, field: 'id', message: `identifiant « ${m.id} » déjà utilisé par ${other.file} (slug en double)` });
		} else byId.set(m.id, m);
	}
	const competenceIds = new Set(input.competences.map((c) => c.id));
	for (const m of input.modules) {
		m.data.prerequisites.forEach((p, i) => {
			if (!byId.has(p)) problems.push({ file: m.file, field: `prerequisites[${i}]`, message: `le module « ${p} » n'existe pas` });
		});
		m.data.competences.forEach((c, i) => {
			if (!competenceIds.has(c)) problems.push({ file: m.file, field: `competences[${i}]`, message: `la compétence « ${c} » n'existe pas` });
		});
		if (!m.data.profiles.includes(m.data.case.profile)) {
			problems.push({ file: m.file, field: 'case.profile', message: `le cas concerne « ${m.data.case.profile} », absent des profils du module` });
		}
		if (m.data.steps) {
			for (const p of stepBodyProblems(m.body, m.data.steps.map((x) => x.id))) problems.push({ file: m.file, ...p });
			m.data.case.variants.forEach((v, i) => {
				if (!m.data.profiles.includes('infirmier')) {
					problems.push({ file: m.file, field: `case.variants[${i}]`, message: 'une variante de lieu d’exercice suppose un module du profil « infirmier »' });
				}
				if (v.options && m.data.case.options) {
					const ids = m.data.case.options.map((o) => o.id).join('|');
					if (v.options.map((o) => o.id).join('|') !== ids) {
						problems.push({ file: m.file, field: `case.variants[${i}].options`, message: 'une variante garde les mêmes identifiants d’options que le cas (a, b, c…)' });
					}
				}
			});
		}
		for (const link of moduleLinks(m.body)) {
			if (!byId.has(link)) problems.push({ file: m.file, field: 'body', message: `lien vers le module « ${link} », qui n'existe pas` });
		}
		problems.push(...changeProblems(m));
	}
	// Prerequisite cycles would make "what to take first" impossible.
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (id: string, path: string[]): void => {
		if (state.get(id) === 'done') return;
		if (state.get(id) === 'visiting') {
			const m = byId.get(id)!;
			problems.push({ file: m.file, field: 'prerequisites', message: `cycle de prérequis : ${[...path, id].join(' → ')}` });
			return;
		}
		state.set(id, 'visiting');
		for (const p of byId.get(id)?.data.prerequisites ?? []) if (byId.has(p)) visit(p, [...path, id]);
		state.set(id, 'done');
	};
	for (const id of byId.keys()) visit(id, []);

	const profiles = new Set<string>();
	for (const t of input.tracks) {
		if (profiles.has(t.data.profile)) problems.push({ file: t.file, field: 'profile', message: `deux parcours pour le profil « ${t.data.profile} »` });
		profiles.add(t.data.profile);
		t.data.modules.forEach((id, i) => {
			if (!byId.has(id)) problems.push({ file: t.file, field: `modules[${i}]`, message: `le module « ${id} » n'existe pas` });
		});
		t.data.variants.forEach((v, vi) => {
			v.add.forEach((id, i) => {
				if (!byId.has(id)) problems.push({ file: t.file, field: `variants[${vi}].add[${i}]`, message: `le module « ${id} » n'existe pas` });
			});
			v.remove.forEach((id, i) => {
				if (!t.data.modules.includes(id)) problems.push({ file: t.file, field: `variants[${vi}].remove[${i}]`, message: `le module « ${id} » n'est pas dans ce parcours` });
			});
		});
	}
	const gfile = input.glossaryFile ?? 'content/glossary.yaml';
	for (const g of input.glossary) {
		g.data.modules.forEach((id, i) => {
			if (!byId.has(id)) problems.push({ file: gfile, field: `${g.id}.modules[${i}]`, message: `le module « ${id} » n'existe pas` });
		});
	}
	return problems;
}

/**
 * Checks a module's change log against the module itself: an entry cannot announce a version
 * the module has not reached, nor point at a quiz question that does not exist.
 */
export function changeProblems(m: ModuleEntry): ContentProblem[] {
	const problems: ContentProblem[] = [];
	// Quiz questions and lesson step checks both come back in the review, so both may be named.
	const quizIds = new Set([...m.data.quiz.map((q) => q.id), ...(m.data.steps ?? []).flatMap((s) => (s.check ? [s.check.id] : []))]);
	(m.data.changes ?? []).forEach((c, i) => {
		if (c.version > m.data.version) {
			problems.push({ file: m.file, field: `changes[${i}].version`, message: `version ${c.version} supérieure à la version du module (${m.data.version})` });
		}
		if (c.date > m.data.reviewed) {
			problems.push({ file: m.file, field: `changes[${i}].date`, message: `date ${c.date} postérieure à la date de relecture (${m.data.reviewed})` });
		}
		c.questions.forEach((q, j) => {
			if (!quizIds.has(q)) problems.push({ file: m.file, field: `changes[${i}].questions[${j}]`, message: `la question « ${q} » n'existe ni dans le quiz ni dans les étapes` });
		});
	});
	return problems;
}

/** Module ids linked from an MDX body through <ModuleLink id="…">. */
export function moduleLinks(body: string): string[] {
	return [...body.matchAll(/<ModuleLink\s+[^>]*id=["']([^"']+)["']/g)].map((m) => m[1]);
}

/** Glossary ids referenced from an MDX body through <Term id="…">. */
export function termLinks(body: string): string[] {
	return [...body.matchAll(/<Term\s+[^>]*id=["']([^"']+)["']/g)].map((m) => m[1]);
}

/** The time of a lesson module, step by step (null for a module not written as steps). */
export function lessonTimeOf(m: Pick<ModuleEntry, 'body' | 'data'>): LessonTime | null {
	if (!m.data.steps) return null;
	const words = new Map(stepBlocks(m.body).map((b) => [b.id, stepWords(b)]));
	return lessonTime(
		m.data.steps.map((s) => ({ id: s.id, words: words.get(s.id) ?? 0, check: s.check ?? null })),
		caseWords(m.data.case),
		m.data.quiz,
	);
}

/**
 * Estimated minutes for one module, the figure shown to learners everywhere: a lesson's steps,
 * case and quiz (see `lessonTime`), or reading + quiz for a module not yet written as steps.
 */
export function moduleMinutes(m: Pick<ModuleEntry, 'body' | 'data'>): number {
	const lesson = lessonTimeOf(m);
	if (lesson) return displayMinutes(lesson.total);
	return estimateMinutes(moduleWordCount(m.body, m.data), m.data.quiz.length);
}

/** The module ids of a track, for a nurse setting if one is chosen. */
export function trackModuleIds(track: TrackData, setting?: Setting | null): string[] {
	const variant = setting ? track.variants.find((v) => v.setting === setting) : undefined;
	if (!variant) return [...track.modules];
	const kept = track.modules.filter((id) => !variant.remove.includes(id));
	return [...kept, ...variant.add.filter((id) => !kept.includes(id))];
}

/**
 * The figures a track shows wherever it is listed (home card, track list, track page, dashboard):
 * one per nurse setting when the track has settings (the base list is never shown on its own),
 * else one for the track. Same input, same figure everywhere.
 */
export function trackFigures(track: TrackData, minutesById: Map<string, number>): { setting: Setting | null; count: number; minutes: number }[] {
	const settings: (Setting | null)[] = track.variants.length ? track.variants.map((v) => v.setting) : [null];
	return settings.map((setting) => {
		const ids = trackModuleIds(track, setting);
		return { setting, count: ids.length, minutes: totalMinutes(ids, minutesById) };
	});
}

/** Total estimated minutes of a list of modules. */
export function totalMinutes(ids: string[], minutesById: Map<string, number>): number {
	return ids.reduce((n, id) => n + (minutesById.get(id) ?? 0), 0);
}

/**
 * Previous and next module within a track, so a module page can show both without a server.
 * Returns null when the module is not in the track.
 */
export function neighbours(ids: string[], id: string): { previous: string | null; next: string | null } | null {
	const i = ids.indexOf(id);
	if (i < 0) return null;
	return { previous: i > 0 ? ids[i - 1] : null, next: i < ids.length - 1 ? ids[i + 1] : null };
}

/** The profile's track, if any. */
export function trackFor(tracks: TrackEntry[], profile: Profile): TrackEntry | undefined {
	return tracks.find((t) => t.data.profile === profile);
}
