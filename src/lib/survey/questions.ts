/**
 * The « état des lieux » questionnaire: ten closed questions (about three minutes) asking who
 * uses AI in care, how, whether the tools are approved, what holds people back and which
 * training they want. It mirrors, at the scale of one team, the national survey of the Hub
 * France IA working group « Mettre l'IA au service de la santé » (by profession, sector,
 * region; barriers; generational gap).
 *
 * Only closed answers: every answer is an option id from the lists below, so an answer (and
 * a snapshot built from it) can never carry free text, a name or a date.
 *
 * Plain data and pure functions: used by the page (build), the islands (browser), the
 * snapshot validator and the unit tests.
 */

/** One answer option. `id` is stable (it is what snapshots store); `label` is shown. */
export interface OptionDef {
	readonly id: string;
	/** French label shown in the questionnaire, tables and CSV. */
	readonly label: string;
	/** Shorter label for charts, when `label` is long. */
	readonly short?: string;
	/** Cannot be ticked together with another option (« Aucun… »). */
	readonly exclusive?: boolean;
}

export type QuestionKind = 'single' | 'multiple';

export interface QuestionDef {
	readonly id: string;
	readonly kind: QuestionKind;
	/** The question as asked (fieldset legend). */
	readonly legend: string;
	/** Short name for charts, tables and CSV (« Métier »). */
	readonly title: string;
	/** Help shown under the legend. */
	readonly hint?: string;
	readonly options: readonly OptionDef[];
	/** Asked only to people who use at least one AI tool (see `isAsked`). */
	readonly toolUsersOnly?: boolean;
	/** Laid out in columns (long lists). */
	readonly columns?: boolean;
}

export const PROFESSION: QuestionDef = {
	id: 'profession',
	kind: 'single',
	legend: 'Quel est votre métier ?',
	title: 'Métier',
	columns: true,
	options: [
		{ id: 'medecin', label: 'Médecin' },
		{ id: 'infirmier', label: 'Infirmier·e' },
		{ id: 'aide-soignant', label: 'Aide-soignant·e' },
		{ id: 'cadre-sante', label: 'Cadre de santé' },
		{ id: 'pharmacien', label: 'Pharmacien·ne' },
		{ id: 'sage-femme', label: 'Sage-femme' },
		{ id: 'manipulateur-radio', label: 'Manipulateur·rice radio' },
		{ id: 'secretaire-medicale', label: 'Secrétaire médical·e' },
		{ id: 'direction-administration', label: 'Direction, administration' },
		{ id: 'etudiant', label: 'Étudiant·e' },
		{ id: 'autre', label: 'Autre métier' },
	],
};

export const SECTOR: QuestionDef = {
	id: 'sector',
	kind: 'single',
	legend: 'Où exercez-vous principalement ?',
	title: 'Secteur',
	options: [
		{ id: 'hopital-public', label: 'Hôpital public (CHU, centre hospitalier)', short: 'Hôpital public' },
		{ id: 'clinique-privee', label: 'Clinique ou hôpital privé', short: 'Clinique privée' },
		{ id: 'ehpad-medico-social', label: 'EHPAD et médico-social' },
		{ id: 'liberal', label: 'Exercice libéral (cabinet, maison de santé)', short: 'Exercice libéral' },
		{ id: 'institut-formation', label: 'Institut de formation ou université', short: 'Institut de formation' },
	],
};

export const REGION: QuestionDef = {
	id: 'region',
	kind: 'single',
	legend: 'Dans quelle région exercez-vous ?',
	title: 'Région',
	columns: true,
	options: [
		{ id: 'auvergne-rhone-alpes', label: 'Auvergne-Rhône-Alpes' },
		{ id: 'bourgogne-franche-comte', label: 'Bourgogne-Franche-Comté' },
		{ id: 'bretagne', label: 'Bretagne' },
		{ id: 'centre-val-de-loire', label: 'Centre-Val de Loire' },
		{ id: 'corse', label: 'Corse' },
		{ id: 'grand-est', label: 'Grand Est' },
		{ id: 'hauts-de-france', label: 'Hauts-de-France' },
		{ id: 'ile-de-france', label: 'Île-de-France' },
		{ id: 'normandie', label: 'Normandie' },
		{ id: 'nouvelle-aquitaine', label: 'Nouvelle-Aquitaine' },
		{ id: 'occitanie', label: 'Occitanie' },
		{ id: 'pays-de-la-loire', label: 'Pays de la Loire' },
		{ id: 'provence-alpes-cote-d-azur', label: 'Provence-Alpes-Côte d’Azur' },
		{ id: 'guadeloupe', label: 'Guadeloupe' },
		{ id: 'martinique', label: 'Martinique' },
		{ id: 'guyane', label: 'Guyane' },
		{ id: 'la-reunion', label: 'La Réunion' },
		{ id: 'mayotte', label: 'Mayotte' },
		{ id: 'non-precise', label: 'Je préfère ne pas le dire', short: 'Non précisée' },
	],
};

export const AGE_BAND: QuestionDef = {
	id: 'ageBand',
	kind: 'single',
	legend: 'Quelle est votre tranche d’âge ?',
	title: 'Tranche d’âge',
	hint: 'Des tranches larges, pour repérer un éventuel écart entre générations sans vous identifier.',
	options: [
		{ id: 'moins-30', label: 'Moins de 30 ans' },
		{ id: '30-44', label: '30 à 44 ans' },
		{ id: '45-59', label: '45 à 59 ans' },
		{ id: '60-plus', label: '60 ans et plus' },
		{ id: 'non-precise', label: 'Je préfère ne pas le dire', short: 'Non précisée' },
	],
};

export const TOOLS: QuestionDef = {
	id: 'tools',
	kind: 'multiple',
	legend: 'Quels outils d’intelligence artificielle utilisez-vous dans votre travail ?',
	title: 'Outils d’IA utilisés',
	hint: 'Plusieurs réponses possibles. Comptez aussi les usages occasionnels.',
	options: [
		{ id: 'aucun', label: 'Aucun outil d’IA', exclusive: true },
		{
			id: 'chatbot',
			label: 'Un assistant conversationnel généraliste (ChatGPT, Le Chat, Copilot, Gemini…)',
			short: 'Assistant conversationnel généraliste',
		},
		{ id: 'transcription', label: 'Transcription ou dictée automatique (compte rendu de consultation…)', short: 'Transcription, dictée' },
		{ id: 'imagerie', label: 'Analyse d’images médicales (radiologie, dermatologie…)', short: 'Analyse d’images médicales' },
		{ id: 'aide-decision', label: 'Aide à la décision clinique (scores, alertes, prescription)', short: 'Aide à la décision clinique' },
		{ id: 'autre', label: 'Un autre outil d’IA' },
	],
};

export const APPROVAL: QuestionDef = {
	id: 'approval',
	kind: 'single',
	legend: 'Ces outils sont-ils autorisés par votre établissement ou votre structure ?',
	title: 'Outils autorisés',
	hint: 'Autorisé : fourni ou validé par l’établissement (direction, service informatique, DPO). En libéral : proposé dans un cadre connu, par exemple votre logiciel métier ou un fournisseur sous contrat.',
	toolUsersOnly: true,
	options: [
		{ id: 'oui', label: 'Oui, tous' },
		{ id: 'non', label: 'Non, au moins un ne l’est pas' },
		{ id: 'ne-sait-pas', label: 'Je ne sais pas' },
	],
};

export const USES: QuestionDef = {
	id: 'uses',
	kind: 'multiple',
	legend: 'À quoi vous servent ces outils ?',
	title: 'Usages',
	hint: 'Plusieurs réponses possibles.',
	toolUsersOnly: true,
	options: [
		{ id: 'rediger', label: 'Rédiger, reformuler ou résumer des documents', short: 'Rédiger, résumer' },
		{ id: 'comptes-rendus', label: 'Comptes rendus, transmissions, dictée', short: 'Comptes rendus, transmissions' },
		{ id: 'information', label: 'Chercher une information médicale ou réglementaire', short: 'Chercher une information' },
		{ id: 'diagnostic', label: 'Aide au diagnostic ou à la lecture d’images', short: 'Aide au diagnostic' },
		{ id: 'organisation', label: 'Organisation, planning, logistique' },
		{ id: 'patients', label: 'Expliquer ou traduire pour les patients', short: 'Expliquer, traduire pour les patients' },
		{ id: 'apprendre', label: 'Me former, réviser', short: 'Se former' },
		{ id: 'administratif', label: 'Tâches administratives, codage, facturation', short: 'Tâches administratives' },
		{ id: 'autre', label: 'Autre usage' },
	],
};

export const BARRIERS: QuestionDef = {
	id: 'barriers',
	kind: 'multiple',
	legend: 'Qu’est-ce qui vous freine dans l’usage de l’IA ?',
	title: 'Freins',
	hint: 'Plusieurs réponses possibles.',
	options: [
		{ id: 'cybersecurite', label: 'Cybersécurité et protection des données' },
		{ id: 'formation', label: 'Pas de formation' },
		{ id: 'regles', label: 'Règles peu claires (AI Act, RGPD, responsabilité)', short: 'Règles peu claires' },
		{ id: 'personnel', label: 'Pas de personnel qualifié pour accompagner', short: 'Pas de personnel qualifié' },
		{ id: 'remplacement', label: 'Peur d’être remplacé·e par la machine', short: 'Peur d’être remplacé·e' },
		{ id: 'outils-inadaptes', label: 'Outils pas adaptés à ma pratique', short: 'Outils pas adaptés' },
		{ id: 'cout', label: 'Coût' },
		{ id: 'fiabilite', label: 'Doutes sur la fiabilité des résultats', short: 'Doutes sur la fiabilité' },
		{ id: 'aucun', label: 'Aucun frein particulier', exclusive: true },
	],
};

export const TRAINING_THEMES: QuestionDef = {
	id: 'trainingThemes',
	kind: 'multiple',
	legend: 'Sur quoi aimeriez-vous être formé·e ?',
	title: 'Formation souhaitée',
	hint: 'Plusieurs réponses possibles.',
	options: [
		{ id: 'usages', label: 'Bien utiliser l’IA dans le soin', short: 'Usages de l’IA' },
		{ id: 'cybersecurite', label: 'Repérer les cyber-risques de l’IA', short: 'Cyber-risques' },
		{ id: 'reglementation', label: 'Connaître les règles (AI Act, RGPD, responsabilité)', short: 'Réglementation' },
		{ id: 'aucun', label: 'Aucun besoin pour l’instant', exclusive: true },
	],
};

export const TRAINING_FORMAT: QuestionDef = {
	id: 'trainingFormat',
	kind: 'single',
	legend: 'Quel format de formation vous conviendrait le mieux ?',
	title: 'Format souhaité',
	options: [
		{ id: 'court-en-ligne', label: 'Modules courts en ligne (10 à 15 minutes)', short: 'Modules courts en ligne' },
		{ id: 'atelier', label: 'Atelier en équipe, en présentiel', short: 'Atelier en équipe' },
		{ id: 'mixte', label: 'Les deux : modules en ligne puis atelier', short: 'Les deux' },
		{ id: 'sans-preference', label: 'Sans préférence' },
	],
};

/** The questionnaire, in the order asked. */
export const QUESTIONS: readonly QuestionDef[] = [
	PROFESSION,
	SECTOR,
	REGION,
	AGE_BAND,
	TOOLS,
	APPROVAL,
	USES,
	BARRIERS,
	TRAINING_THEMES,
	TRAINING_FORMAT,
];

export type QuestionId =
	| 'profession'
	| 'sector'
	| 'region'
	| 'ageBand'
	| 'tools'
	| 'approval'
	| 'uses'
	| 'barriers'
	| 'trainingThemes'
	| 'trainingFormat';

/** Answers by question id: an option id (single) or a list of option ids (multiple). */
export type Answers = { [K in QuestionId]?: string | string[] };

/** Looks a question up by id; undefined for anything else (never reads Object.prototype). */
export function questionById(id: string): QuestionDef | undefined {
	return QUESTIONS.find((q) => q.id === id);
}

/** The option of a question, or undefined. */
export function optionOf(q: QuestionDef, id: string): OptionDef | undefined {
	return q.options.find((o) => o.id === id);
}

/** The label of an option (its id when unknown, which the validators never let through). */
export function optionLabel(q: QuestionDef, id: string, short = false): string {
	const o = optionOf(q, id);
	return o ? (short && o.short) || o.label : id;
}

/** Reads an answer as a list (single answers become a one-item list; nothing gives []). */
export function answerList(answers: Answers, id: QuestionId): string[] {
	const v = answers[id];
	if (v === undefined) return [];
	return Array.isArray(v) ? [...v] : [v];
}

/** True when the person named at least one AI tool (not « Aucun outil »). */
export function usesTools(answers: Answers): boolean {
	return answerList(answers, 'tools').some((t) => t !== 'aucun');
}

/** Whether a question is asked, given the answers so far (approval and uses need a tool). */
export function isAsked(q: QuestionDef, answers: Answers): boolean {
	return !q.toolUsersOnly || usesTools(answers);
}

export interface AnswerProblem {
	question: QuestionId;
	kind: 'missing' | 'exclusive';
	/** French, for the error summary and the fieldset. */
	message: string;
}

function missingMessage(q: QuestionDef): string {
	return q.kind === 'single' ? 'Choisissez une réponse.' : 'Cochez au moins une réponse.';
}

function exclusiveMessage(exclusive: OptionDef): string {
	return `« ${exclusive.label} » ne peut pas être coché avec une autre réponse : décochez l’un ou l’autre.`;
}

/**
 * Checks answers as the form submits them. Every asked question needs an answer; an exclusive
 * option cannot be ticked with another. Returns the problems in question order (empty when the
 * answers can be saved) and the answers to keep: known options only, questions not asked
 * dropped, lists in option order without repeats.
 */
export function checkAnswers(input: Answers): { problems: AnswerProblem[]; answers: Answers } {
	const answers: Answers = {};
	const problems: AnswerProblem[] = [];
	// Tools first: whether approval and uses are asked depends on them.
	const ordered = [...QUESTIONS].sort((a, b) => (a.id === 'tools' ? -1 : b.id === 'tools' ? 1 : 0));
	for (const q of ordered) {
		const id = q.id as QuestionId;
		if (!isAsked(q, answers)) continue;
		const given = new Set(answerList(input, id));
		const kept = q.options.filter((o) => given.has(o.id)).map((o) => o.id);
		if (q.kind === 'single') {
			if (kept.length === 1) answers[id] = kept[0];
			else problems.push({ question: id, kind: 'missing', message: missingMessage(q) });
			continue;
		}
		if (kept.length === 0) {
			problems.push({ question: id, kind: 'missing', message: missingMessage(q) });
			continue;
		}
		const exclusive = q.options.find((o) => o.exclusive && kept.includes(o.id));
		if (exclusive && kept.length > 1) {
			problems.push({ question: id, kind: 'exclusive', message: exclusiveMessage(exclusive) });
			continue;
		}
		answers[id] = kept;
	}
	const order = QUESTIONS.map((q) => q.id);
	problems.sort((a, b) => order.indexOf(a.question) - order.indexOf(b.question));
	const sorted: Answers = {};
	for (const id of order as QuestionId[]) if (answers[id] !== undefined) sorted[id] = answers[id];
	return { problems, answers: sorted };
}

/** True when `checkAnswers` finds nothing to fix. */
export function isComplete(answers: Answers): boolean {
	return checkAnswers(answers).problems.length === 0;
}
