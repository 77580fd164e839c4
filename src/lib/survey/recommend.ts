/**
 * From the barriers a person (or a team) named to the modules that address them. A plain
 * mapping, checked at build time against the curriculum (`unknownModuleIds`): a renamed or
 * removed module stops the build instead of leaving a dead recommendation.
 */
import { answerList, type Answers } from './questions';

/** Barrier id → module ids, most useful first. `aucun` (no barrier) maps to nothing. */
export const BARRIER_MODULES: Readonly<Record<string, readonly string[]>> = {
	cybersecurite: ['shadow-ia-fuites-donnees', 'hygiene-numerique-outils-ia', 'rgpd-donnees-sante'],
	formation: ['comprendre-ia', 'ia-generative-quotidien', 'ia-sante-france'],
	regles: ['ai-act-essentiel', 'rgpd-donnees-sante', 'responsabilite-erreur-ia'],
	personnel: ['gouvernance-ia-etablissement', 'evaluer-solution-ia', 'securiser-projet-ia'],
	remplacement: ['supervision-humaine', 'comprendre-ia', 'aide-decision-biais-automatisation'],
	'outils-inadaptes': ['evaluer-solution-ia', 'acheter-contractualiser-ia', 'biais-equite-donnees'],
	cout: ['evaluer-solution-ia', 'acheter-contractualiser-ia', 'gouvernance-ia-etablissement'],
	fiabilite: ['ia-generative-quotidien', 'aide-decision-biais-automatisation', 'biais-equite-donnees'],
	aucun: [],
};

/**
 * Shown first to someone who uses a tool their establishment has not approved (or does not
 * know whether it has): the shadow-AI module.
 */
export const UNAPPROVED_TOOL_MODULES: readonly string[] = ['shadow-ia-fuites-donnees', 'hygiene-numerique-outils-ia'];

/** Most modules recommended at once. */
export const MAX_RECOMMENDED = 6;

export interface Recommendation {
	moduleId: string;
	/** Barrier ids this module answers, in the order they were given; `outil-non-autorise` for the shadow-AI case. */
	because: string[];
}

/** Modules of a barrier (none for an unknown id: never reads Object.prototype). */
export function modulesForBarrier(barrier: string): readonly string[] {
	return Object.hasOwn(BARRIER_MODULES, barrier) ? BARRIER_MODULES[barrier] : [];
}

/**
 * Modules for a list of barriers, interleaved so that each barrier gets its best module before
 * any barrier gets a second one; duplicates merged (with every reason kept), at most `max`.
 */
export function recommendForBarriers(barriers: readonly string[], max = MAX_RECOMMENDED, lead: Recommendation[] = []): Recommendation[] {
	const out: Recommendation[] = lead.map((r) => ({ moduleId: r.moduleId, because: [...r.because] }));
	const lists = barriers.map((b) => ({ barrier: b, ids: modulesForBarrier(b) }));
	const depth = Math.max(0, ...lists.map((l) => l.ids.length));
	for (let i = 0; i < depth; i += 1) {
		for (const { barrier, ids } of lists) {
			const id = ids[i];
			if (id === undefined) continue;
			const existing = out.find((r) => r.moduleId === id);
			if (existing) {
				if (!existing.because.includes(barrier)) existing.because.push(barrier);
			} else if (out.length < max) out.push({ moduleId: id, because: [barrier] });
		}
	}
	// Reasons in the order the barriers were given (the lead's own reasons first).
	const rank = (b: string) => (barriers.includes(b) ? barriers.indexOf(b) : -1);
	for (const r of out) r.because.sort((a, b) => rank(a) - rank(b));
	return out.slice(0, max);
}

/** Recommendations for one person's answers: shadow-AI first when relevant, then their barriers. */
export function recommendForAnswers(answers: Answers, max = MAX_RECOMMENDED): Recommendation[] {
	const approval = answerList(answers, 'approval')[0];
	const lead =
		approval === 'non' || approval === 'ne-sait-pas'
			? UNAPPROVED_TOOL_MODULES.map((moduleId) => ({ moduleId, because: ['outil-non-autorise'] }))
			: [];
	const barriers = answerList(answers, 'barriers').filter((b) => b !== 'aucun');
	return recommendForBarriers(barriers, max, lead);
}

/** Every module id the mapping names, sorted. */
export function mappedModuleIds(): string[] {
	return [...new Set([...Object.values(BARRIER_MODULES).flat(), ...UNAPPROVED_TOOL_MODULES])].sort();
}

/** The mapped ids missing from `known` (the curriculum's module ids); empty when all exist. */
export function unknownModuleIds(known: { has(id: string): boolean }): string[] {
	return mappedModuleIds().filter((id) => !known.has(id));
}
