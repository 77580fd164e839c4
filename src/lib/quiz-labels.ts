import { quizUnsavedLabels } from './quiz-unsaved-labels';

/** The strings the lesson script needs too (kept apart so that it does not ship the others). */
export const quizCoreLabels = {
	question: 'Question {{n}} sur {{total}}',
	validate: 'Valider ma réponse',
	next: 'Question suivante',
	finish: 'Voir mon résultat',
	chooseFirst: 'Choisissez au moins une réponse avant de valider.',
	correct: 'Bonne réponse.',
	incorrect: 'Réponse incorrecte.',
	rightAnswer: 'La bonne réponse : {{answer}}',
	score: 'Votre score : {{correct}} sur {{total}} ({{percent}} %).',
	passed: 'Module validé. Il est enregistré comme terminé dans votre progression.',
	failed: 'Pas encore : il faut 80 % pour valider. Relisez les explications puis réessayez.',
	best: 'Meilleur score enregistré : {{percent}} %.',
	earlier: 'Ce résultat a été obtenu sur une version précédente du module (version {{version}}).',
	memory: 'Votre navigateur ne permet pas d’enregistrer la progression (navigation privée ou stockage bloqué) : le quiz fonctionne, mais le résultat ne sera pas gardé après la fermeture de la page.',
} as const;

/** French strings for the quiz island, resolved at build and passed as props (no i18n runtime in the browser). */
export const quizLabels = {
	...quizCoreLabels,
	...quizUnsavedLabels,
	intro: 'Répondez aux questions, une par une : la correction et son explication s’affichent après chaque réponse. Il faut 80 % de bonnes réponses pour valider le module.',
	multipleRule: 'Question à réponses multiples : la réponse compte si vous cochez toutes les bonnes réponses et aucune mauvaise.',
	caseTag: 'Sur le cas pratique',
	single: 'Une seule réponse',
	multiple: 'Plusieurs réponses possibles',
	truefalse: 'Vrai ou faux',
	retry: 'Recommencer le quiz',
	showAnswer: 'Voir la réponse et l’explication',
	noJs: 'Le quiz interactif a besoin de JavaScript. Vous pouvez lire les questions et afficher les réponses ci-dessous.',
	answerIs: 'Réponse : {{answer}}',
	reviewLink: 'Voir ma progression',
	reviewLater: 'Les questions manquées reviendront dans « Mes révisions » à partir de demain, pour les revoir en quelques minutes.',
} as const;
export type QuizLabels = typeof quizLabels;
