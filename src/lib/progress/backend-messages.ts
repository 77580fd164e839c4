/** What the learner is told when the shared-workstation backend is degraded (see backend.ts). */
import type { BackendProblem } from './backend';

export const BACKEND_MESSAGES: Record<BackendProblem, string> = {
	'session-unavailable':
		'Mode Poste partagé : ce navigateur ne permet pas de garder votre progression le temps de la session (stockage de session bloqué ou plein). Rien n’est enregistré sur cet ordinateur ; vos résultats ne durent que le temps de cette page : exportez-les depuis « Ma progression » avant de changer de page.',
	'flag-corrupt':
		'L’indicateur du mode Poste partagé de cet onglet est illisible : par prudence, cet onglet reste en mode Poste partagé (rien n’est enregistré sur cet ordinateur).',
};
