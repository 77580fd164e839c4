/**
 * Pure helpers of the package page: turning the LMS's resume data into the progress store's
 * state (so the quiz shows the best score kept by the LMS) and the French status line.
 */
import { recordAttempt } from '../../progress/model';
import type { ProgressState } from '../../progress/model';
import type { ResumeResults } from '../suspend-data';

/**
 * Adds the LMS's results to a progress state: each module gets its best score, content version
 * and status (completed when passed), as one earlier attempt. Results already better in the
 * state are kept.
 */
export function seedProgress(state: ProgressState, results: Readonly<ResumeResults>, today: string): ProgressState {
	let next = state;
	for (const [id, r] of Object.entries(results)) {
		const existing = next.modules[id];
		if (existing && existing.best >= r.best && (existing.status === 'completed' || !r.passed)) continue;
		next = recordAttempt(next, id, r.version, { percent: r.best, passed: r.passed }, today);
	}
	return next;
}

export interface StatusInput {
	/** A session with the LMS is open. */
	connected: boolean;
	/** Error code when the LMS refused the session. */
	error: string | null;
	results: Readonly<ResumeResults>;
	moduleId: string;
}

/** The status line at the top of a package page (notice kind + French text). */
export function statusMessage(input: StatusInput): { kind: 'info' | 'ok' | 'warn' | 'error'; text: string } {
	if (input.error) {
		return { kind: 'error', text: `Votre plateforme de formation a refusé la connexion (code ${input.error}) : le module fonctionne, mais votre résultat risque de ne pas être enregistré. Prévenez votre formateur ou votre formatrice.` };
	}
	if (!input.connected) {
		return { kind: 'warn', text: 'Aucune plateforme de formation (LMS) n’a été détectée : le module et son quiz fonctionnent, mais votre résultat ne sera pas enregistré.' };
	}
	const r = Object.hasOwn(input.results, input.moduleId) ? input.results[input.moduleId] : undefined;
	if (r?.passed) return { kind: 'ok', text: `Module validé, meilleur score ${r.best} % : c’est ce qu’enregistre votre plateforme de formation.` };
	if (r) return { kind: 'info', text: `Meilleur score enregistré par votre plateforme de formation : ${r.best} %. Il faut 80 % pour valider le module.` };
	return { kind: 'info', text: 'Connecté à votre plateforme de formation : après le quiz, votre statut et votre score lui sont transmis (rien d’autre : pas vos réponses).' };
}
