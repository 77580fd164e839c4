/** French labels shared by the decision-path pages (resolved at build, passed as props). */
export const decisionLabels = {
	noJs: 'Ce parcours de décision a besoin de JavaScript. Sans JavaScript, les modules liés ci-dessus expliquent les mêmes règles.',
	question: 'Question {{n}}',
	next: 'Continuer',
	back: 'Question précédente',
	chooseFirst: 'Choisissez une réponse pour continuer (flèches haut et bas, puis Entrée).',
	answersTitle: 'Vos réponses',
	change: 'Modifier',
	verdict: 'Réponse',
	whatToDo: 'Que faire maintenant',
	dates: 'Dates applicables',
	articles: 'Articles et références',
	ask: 'Qui contacter',
	sources: 'Sources',
	restart: 'Recommencer',
	error: 'Ce parcours a rencontré une réponse inattendue.',
};
