/**
 * French strings of the two survey islands, resolved at build and passed as props (no i18n
 * runtime in the browser). `{{name}}` placeholders are filled with `fill`.
 */
import { BARRIERS } from './questions';

export const surveyLabels = {
	noJs: 'Le questionnaire a besoin de JavaScript pour enregistrer vos réponses dans ce navigateur. Vous pouvez lire les questions ci-dessous.',
	questionCount: 'Question {{n}} sur {{total}}',
	toolsFollowUp: 'Si vous cochez un outil, deux questions s’ajoutent juste après celle-ci.',
	required: 'Toutes les questions appellent une réponse ; certaines proposent « Je préfère ne pas le dire ».',
	submit: 'Enregistrer mes réponses',
	errorTitleOne: 'Il manque 1 réponse',
	errorTitleMany: 'Il manque {{count}} réponses',
	errorIntro: 'Complétez ces questions, puis enregistrez à nouveau :',
	saved: 'Vos réponses sont enregistrées dans ce navigateur, sur cet appareil uniquement. Rien n’a été envoyé.',
	memory:
		'Votre navigateur ne permet pas d’enregistrer (navigation privée ou stockage bloqué) : vos réponses seront perdues à la fermeture de la page. Vous pouvez quand même télécharger le fichier anonyme ci-dessous.',
	resultsTitle: 'Vos réponses',
	recoTitle: 'Les modules à suivre en premier',
	recoIntro: 'Nos suggestions, d’après les freins que vous avez cités :',
	recoNone: 'Vous n’avez cité aucun frein : commencez par le parcours qui correspond à votre métier.',
	recoBecause: 'Répond à : {{reasons}}',
	recoTracks: 'Voir les parcours',
	minutes: '{{minutes}} min',
	shareTitle: 'Partager vos réponses de façon anonyme',
	shareIntro:
		'Votre cadre ou votre service de formation veut connaître les besoins de l’équipe avant de choisir quoi enseigner ? Vous pouvez lui remettre un petit fichier anonyme. Il ne contient ni nom, ni date, ni texte libre : seulement les cases que vous avez cochées, en catégories larges. Voici exactement ce qu’il contient.',
	shareListTitle: 'Contenu du fichier, en clair',
	shareRawTitle: 'Contenu du fichier, tel qu’il sera enregistré (JSON)',
	shareRawLabel: 'Contenu brut du fichier',
	includePositioning: 'Inclure mes scores de positionnement par thème (arrondis à la dizaine)',
	download: 'Télécharger le fichier anonyme',
	downloadDone: 'Fichier {{name}} préparé : votre navigateur l’enregistre dans vos téléchargements.',
	shareHow:
		'Déposez-le là où votre formateur le demande (dossier partagé, clé USB…). Le formateur ne voit que des totaux : aucun groupe de moins de 5 personnes n’est affiché.',
	edit: 'Modifier mes réponses',
	clear: 'Effacer mes réponses de ce navigateur',
	cleared: 'Vos réponses ont été effacées de ce navigateur.',
	reasonUnapproved: 'outil d’IA non autorisé ou dont vous ne savez pas s’il l’est',
} as const;
export type SurveyLabels = typeof surveyLabels;

export const trainerLabels = {
	noJs: 'Cette page a besoin de JavaScript : les fichiers sont lus et additionnés dans votre navigateur, sans rien envoyer.',
	dropTitle: 'Déposer les fichiers de l’équipe',
	dropHint: 'Glissez-déposez ici les fichiers « etat-des-lieux-ia-….json », ou choisissez-les (plusieurs à la fois). Ils sont lus dans ce navigateur : rien n’est envoyé.',
	choose: 'Choisir des fichiers d’état des lieux',
	dropHere: 'Déposez les fichiers ici',
	readingOne: 'Lecture d’un fichier…',
	reading: 'Lecture de {{count}} fichiers…',
	// {{files}}, {{skipped}}, {{answers}}: the pieces below, singular up to 1 as in French.
	readDone: '{{files}} : {{added}} pris en compte, {{skipped}}. Total : {{answers}}.',
	filesOne: '{{count}} fichier lu',
	filesMany: '{{count}} fichiers lus',
	skippedOne: '{{count}} ignoré',
	skippedMany: '{{count}} ignorés',
	answersOne: '{{count}} réponse',
	answersMany: '{{count}} réponses',
	clear: 'Retirer tous les fichiers',
	cleared: 'Tous les fichiers ont été retirés.',
	keyFigures: 'Chiffres clés',
	respondents: 'Réponses prises en compte',
	skipped: 'Fichiers ignorés',
	skippedTitle: 'Fichiers ignorés et pourquoi',
	skippedFile: 'Fichier',
	skippedReason: 'Raison',
	tooFew: 'Il faut au moins 5 réponses pour afficher des résultats : en dessous, chacun pourrait être reconnu.',
	summaryTitle: 'Synthèse pour la réunion d’équipe',
	printedOn: 'Parcours IA Santé — état des lieux de l’équipe, imprimé le {{date}}',
	topBarriers: 'Freins les plus cités',
	noTopBarrier: 'Aucun frein n’est cité par au moins 5 personnes.',
	shadowTitle: 'Outils non autorisés (shadow IA)',
	shadowShare: '{{percent}} % des personnes qui utilisent un outil d’IA en utilisent au moins un que l’établissement n’a pas autorisé ({{users}} utilisateurs).',
	shadowUnknown: '{{percent}} % ne savent pas si leurs outils sont autorisés.',
	shadowHidden: 'Part non publiée : au moins un des chiffres nécessaires concerne moins de 5 personnes.',
	startTitle: 'Modules à proposer en premier',
	startNone: 'Pas encore de frein cité par au moins 5 personnes : commencez par le parcours de chaque métier.',
	because: 'Répond à : {{reasons}}',
	positioningTitle: 'Positionnement moyen par thème',
	positioningTheme: 'Thème',
	positioningCount: 'Scores reçus',
	positioningMean: 'Score moyen sur 100',
	positioningHidden: 'non calculé (moins de 5 scores)',
	positioningNone: 'Aucun fichier ne contient de score de positionnement (ils ne sont présents que si la personne a fait le positionnement et a choisi de les inclure).',
	detailTitle: 'Détail par question',
	answer: 'Réponse',
	count: 'Nombre',
	percent: 'Part',
	total: 'Total',
	asked: 'Personnes interrogées',
	caption: '{{title}} ({{base}} personnes)',
	csv: 'Télécharger le tableau (CSV)',
	print: 'Imprimer la synthèse',
	republishWarning: 'Vous avez déjà publié ce tableau (CSV ou impression) avec {{published}} réponses. Depuis, {{added}} réponse(s) ajoutée(s) et {{removed}} retirée(s) : en comparant les deux versions, on pourrait retrouver ce qu’ont répondu ces quelques personnes.',
	republishAdvice: 'Attendez d’avoir au moins 5 réponses de plus avant de publier à nouveau, ou ne diffusez qu’une seule version (détruisez l’ancienne). Le dossier où arrivent les fichiers doit être protégé en écriture, pour qu’on ne puisse pas y glisser de faux fichiers.',
	legend: '« < 5 » : de 0 à 4 personnes (un zéro est caché aussi, car « personne » dit quelque chose de chacun). « masqué » : chiffre caché pour qu’on ne puisse pas retrouver un petit groupe par soustraction. « plus de N » : presque tout le monde, sauf moins de 5 personnes.',
	unapprovedReason: 'outils non autorisés (shadow IA)',
} as const;
export type TrainerLabels = typeof trainerLabels;

/** Reasons a module is recommended, for both islands and the CSV. */
export function reasonLabels(): Record<string, string> {
	const out: Record<string, string> = { 'outil-non-autorise': trainerLabels.unapprovedReason };
	for (const o of BARRIERS.options) {
		const l = o.short ?? o.label;
		out[o.id] = l.charAt(0).toLowerCase() + l.slice(1);
	}
	return out;
}
