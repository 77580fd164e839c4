/**
 * « Mon outil est-il à haut risque ? » — AI Act decision aid for decision-makers.
 * Facts: facts.md §0, D2–D6 (dates as currently in force, postponed by Regulation (EU)
 * 2026/1744), D11 (Art. 5), D12–D13 (Art. 6, Annexes I and III), D14 (Art. 26), D15 (Art. 27),
 * D17 (Art. 50), D19 (penalties), E2–E3 (MDR rule 11), J1–J7 (Council release of 29 Jun 2026).
 * Verdicts: 'interdit' | 'haut-risque' | 'transparence' | 'hors-haut-risque' | 'minimal' | 'a-verifier'.
 */
import type { DecisionNode, DecisionOutcome, DecisionTree } from '../decision-trees';
import { AS_OF, SRC } from './sources';

/** The date lines, phrased once: they are the part most likely to change. */
export const DATES = {
	art5: 'Interdictions (art. 5) : applicables depuis le 2 février 2025.',
	art4: 'Maîtrise de l’IA (art. 4) : applicable depuis le 2 février 2025 ; le règlement (UE) 2026/1744 l’a reformulée en devoir de « prendre des mesures pour favoriser » la maîtrise de l’IA du personnel.',
	annex3: `Systèmes à haut risque de l’annexe III : obligations applicables au 2 décembre 2027, selon le règlement (UE) 2026/1744 qui les a reportées (dates en vigueur à la date du ${AS_OF}, d’après le communiqué du Conseil du 29 juin 2026 et des sources secondaires concordantes).`,
	annex1: `Systèmes à haut risque de l’annexe I, dont les dispositifs médicaux : obligations applicables au 2 août 2028, selon le règlement (UE) 2026/1744 qui les a reportées (dates en vigueur à la date du ${AS_OF}, d’après le communiqué du Conseil du 29 juin 2026 et des sources secondaires concordantes).`,
	art50: `Transparence (art. 50) : applicable depuis le 2 août 2026. Pour les systèmes génératifs mis sur le marché avant cette date, le délai laissé pour marquer les contenus synthétiques a pris fin le 2 décembre 2026.`,
} as const;

/** Art. 26 in a few lines (facts.md D14). */
export const DEPLOYER_DUTIES = {
	heading: 'Vos obligations de déployeur (art. 26), en résumé',
	items: [
		'Utiliser le système conformément à la notice du fournisseur (par. 1).',
		'Confier le contrôle humain à des personnes qui ont la compétence, la formation, l’autorité et le soutien nécessaires (par. 2).',
		'Veiller à ce que les données d’entrée que vous maîtrisez soient pertinentes et suffisamment représentatives (par. 4).',
		'Surveiller le fonctionnement, informer le fournisseur, suspendre l’utilisation en cas de risque et signaler les incidents graves (par. 5).',
		'Conserver les journaux générés automatiquement au moins six mois (par. 6).',
		'Informer les représentants du personnel et les salariés concernés avant la mise en service sur le lieu de travail (par. 7).',
		'Utiliser les informations du fournisseur pour l’analyse d’impact relative à la protection des données (par. 9).',
		'Pour les systèmes de l’annexe III qui prennent ou aident à prendre des décisions sur des personnes, informer ces personnes (par. 11).',
	],
};

const nodes: Record<string, DecisionNode> = {
	'pratique-interdite': {
		id: 'pratique-interdite',
		question: 'Le système relève-t-il d’une pratique interdite ?',
		help: 'L’article 5 interdit depuis le 2 février 2025, notamment : les techniques subliminales ou manipulatrices qui altèrent le comportement au risque de nuire ; l’exploitation des vulnérabilités liées à l’âge, au handicap ou à la situation sociale (pensez aux résidents d’EHPAD) ; la notation sociale ; la reconnaissance des émotions sur le lieu de travail ou dans l’enseignement, sauf pour des raisons médicales ou de sécurité (analyser les émotions du personnel soignant est donc interdit) ; la catégorisation biométrique qui déduit des caractéristiques sensibles ; la constitution de bases de reconnaissance faciale par moissonnage non ciblé d’images.',
		reference: 'Art. 5 du règlement (UE) 2024/1689',
		options: [
			{ id: 'oui', label: 'Oui, il fait l’une de ces choses', next: 'interdit' },
			{ id: 'non', label: 'Non, aucune de ces pratiques', next: 'dispositif-medical' },
			{ id: 'ne-sait-pas', label: 'Je ne sais pas', next: 'juriste-art5' },
		],
	},
	'dispositif-medical': {
		id: 'dispositif-medical',
		question: 'Est-ce un dispositif médical (ou le composant de sécurité d’un dispositif) qui passe devant un organisme notifié ?',
		help: 'Un logiciel à finalité médicale (diagnostic, prévention, surveillance, prédiction, traitement) est un dispositif médical. Selon la règle 11 du règlement (UE) 2017/745, un logiciel qui fournit des informations utilisées pour prendre des décisions diagnostiques ou thérapeutiques est au moins de classe IIa : son marquage CE passe par un organisme notifié, dont le numéro figure à côté du logo CE. L’article 6, paragraphe 1, et l’annexe I (section A, qui cite ce règlement) en font un système à haut risque. Un logiciel de classe I, auto-certifié, n’est pas concerné par cette voie.',
		reference: 'Art. 6, par. 1, et annexe I du règlement (UE) 2024/1689 ; règle 11 de l’annexe VIII du règlement (UE) 2017/745',
		options: [
			{ id: 'oui', label: 'Oui : dispositif médical de classe IIa, IIb ou III', hint: 'Marquage CE suivi du numéro d’un organisme notifié.', next: 'haut-risque-annexe1' },
			{ id: 'non', label: 'Non : ce n’est pas un dispositif médical, ou c’est un dispositif de classe I', next: 'annexe3' },
			{ id: 'ne-sait-pas', label: 'Je ne sais pas', next: 'verifier-classe' },
		],
	},
	annexe3: {
		id: 'annexe3',
		question: 'Le système sert-il à l’un des usages de l’annexe III ?',
		help: 'L’article 6, paragraphe 2, classe à haut risque les usages listés à l’annexe III. Ceux qui touchent le plus la santé (point 5) : (a) évaluer l’éligibilité aux prestations et services essentiels d’assistance publique, dont les soins de santé ; (c) évaluer les risques et fixer les prix en assurance vie et santé ; (d) évaluer et classer les appels d’urgence, répartir les secours, trier les patients en urgence. L’annexe III vise aussi la biométrie (point 1, dont la reconnaissance des émotions) et d’autres domaines comme l’emploi (point 4, par exemple le recrutement).',
		reference: 'Art. 6, par. 2, et annexe III du règlement (UE) 2024/1689',
		options: [
			{ id: '5a', label: 'Point 5(a) : décider de l’accès à des prestations publiques, dont les soins', next: 'question-6-3' },
			{ id: '5c', label: 'Point 5(c) : évaluer les risques ou les prix en assurance vie ou santé', next: 'question-6-3' },
			{ id: '5d', label: 'Point 5(d) : trier les patients ou les appels d’urgence', next: 'question-6-3' },
			{ id: 'autre-point', label: 'Un autre point de l’annexe III (biométrie, emploi…)', next: 'question-6-3' },
			{ id: 'aucun', label: 'Aucun de ces usages', next: 'question-transparence' },
		],
	},
	'question-6-3': {
		id: 'question-6-3',
		question: 'L’exception de l’article 6, paragraphe 3, s’applique-t-elle ?',
		help: 'Un système de l’annexe III n’est pas à haut risque s’il ne présente pas de risque important pour la santé, la sécurité ou les droits fondamentaux, parce qu’il se limite à : une tâche procédurale étroite ; améliorer le résultat d’une activité humaine déjà réalisée ; détecter des schémas de décision sans remplacer ni influencer l’évaluation humaine faite auparavant sans un examen humain approprié ; ou une tâche préparatoire. L’exception ne joue jamais si le système effectue un profilage de personnes. Le fournisseur qui l’invoque doit documenter son évaluation (art. 6, par. 4).',
		reference: 'Art. 6, par. 3 et 4, du règlement (UE) 2024/1689',
		options: [
			{ id: 'oui', label: 'Oui : une de ces tâches limitées, sans profilage, et le fournisseur l’a documenté', next: 'question-transparence-6-3' },
			{ id: 'non', label: 'Non, ou le système profile des personnes', next: 'haut-risque-annexe3' },
			{ id: 'ne-sait-pas', label: 'Je ne sais pas', hint: 'Dans le doute, on le traite comme à haut risque.', next: 'haut-risque-annexe3' },
		],
	},
	'question-transparence': {
		id: 'question-transparence',
		question: 'Le système est-il concerné par une obligation de transparence ?',
		help: 'Depuis le 2 août 2026, l’article 50 impose : que les personnes sachent qu’elles échangent avec une IA (agent conversationnel), sauf si c’est évident ; que les contenus synthétiques (texte, image, son, vidéo) soient marqués comme générés par une IA ; que les personnes exposées à un système de reconnaissance des émotions ou de catégorisation biométrique en soient informées ; que les hypertrucages et les textes générés publiés pour informer le public soient signalés, sauf relecture humaine sous responsabilité éditoriale.',
		reference: 'Art. 50 du règlement (UE) 2024/1689',
		options: [
			{ id: 'agent-conversationnel', label: 'Oui : il dialogue directement avec des personnes (agent conversationnel)', next: 'transparence' },
			{ id: 'contenu-synthetique', label: 'Oui : il génère des textes, images, sons ou vidéos', next: 'transparence' },
			{ id: 'emotions', label: 'Oui : il reconnaît des émotions ou catégorise des personnes à partir de données biométriques', next: 'emotions-haut-risque' },
			{ id: 'non', label: 'Non, aucun de ces cas', next: 'risque-minimal' },
		],
	},
	'question-transparence-6-3': {
		id: 'question-transparence-6-3',
		question: 'Le système dialogue-t-il avec des personnes ou génère-t-il des contenus ?',
		help: 'Même hors du haut risque, l’article 50 s’applique depuis le 2 août 2026 : informer les personnes qu’elles échangent avec une IA (sauf si c’est évident) et marquer les contenus synthétiques (texte, image, son, vidéo) comme générés par une IA.',
		reference: 'Art. 50 du règlement (UE) 2024/1689',
		options: [
			{ id: 'agent-conversationnel', label: 'Oui : il dialogue directement avec des personnes', next: 'exception-6-3-transparence' },
			{ id: 'contenu-synthetique', label: 'Oui : il génère des textes, images, sons ou vidéos', next: 'exception-6-3-transparence' },
			{ id: 'non', label: 'Non', next: 'exception-6-3' },
		],
	},
};

const LITERACY = 'Dans tous les cas, l’article 4 demande de prendre des mesures pour que le personnel qui utilise l’IA la maîtrise, et le RGPD s’applique dès que des données personnelles sont traitées.';

const outcomes: Record<string, DecisionOutcome> = {
	interdit: {
		id: 'interdit',
		verdict: 'interdit',
		verdictLabel: 'Pratique interdite',
		tone: 'error',
		summary: 'Ce système relève d’une pratique interdite par l’article 5 : il ne doit pas être mis en service, et s’il l’est déjà, il faut l’arrêter.',
		explanation: [
			'Les interdictions de l’article 5 s’appliquent depuis le 2 février 2025, à tous, fournisseurs comme déployeurs.',
			'Les amendes prévues sont les plus lourdes du règlement : jusqu’à 35 millions d’euros ou 7 % du chiffre d’affaires annuel mondial, le montant le plus élevé étant retenu (art. 99).',
		],
		actions: [
			'Suspendez le projet ou l’utilisation.',
			'Faites confirmer l’analyse par un juriste : les exceptions (raisons médicales ou de sécurité, par exemple) sont étroites.',
			'Informez votre DPO : une pratique interdite traite souvent des données sensibles.',
		],
		articles: ['Art. 5 (pratiques interdites)', 'Art. 99 (sanctions)'],
		dates: [DATES.art5],
		ask: ['legal', 'dpo', 'aiReferent'],
		sources: [SRC.aiAct],
	},
	'juriste-art5': {
		id: 'juriste-art5',
		verdict: 'a-verifier',
		verdictLabel: 'À vérifier avant tout déploiement',
		tone: 'warn',
		summary: 'Un doute sur l’article 5 se lève avant de déployer : c’est la seule question où une erreur rend l’usage illégal dès aujourd’hui.',
		explanation: [
			'Les interdictions s’appliquent depuis le 2 février 2025 et sont sanctionnées jusqu’à 35 millions d’euros ou 7 % du chiffre d’affaires annuel mondial (art. 99).',
			'Les cas qui demandent le plus d’attention en santé : l’analyse des émotions du personnel, et tout dispositif qui influence des personnes vulnérables (résidents, patients âgés).',
		],
		actions: [
			'Décrivez précisément ce que fait le système, à qui et dans quel but.',
			'Soumettez cette description à un juriste, puis reprenez ce parcours.',
		],
		articles: ['Art. 5 (pratiques interdites)', 'Art. 99 (sanctions)'],
		dates: [DATES.art5],
		ask: ['legal', 'dpo', 'provider'],
		sources: [SRC.aiAct],
	},
	'haut-risque-annexe1': {
		id: 'haut-risque-annexe1',
		verdict: 'haut-risque',
		verdictLabel: 'Haut risque (dispositif médical, annexe I)',
		tone: 'warn',
		summary: 'Système à haut risque par l’article 6, paragraphe 1 : c’est un dispositif médical qui passe devant un organisme notifié.',
		explanation: [
			'Le règlement sur les dispositifs médicaux (MDR) s’applique déjà : marquage CE, surveillance après commercialisation, matériovigilance.',
			'Les exigences du règlement sur l’IA pour ces systèmes s’y ajouteront au 2 août 2028 (date reportée par le règlement (UE) 2026/1744). Le fournisseur porte l’essentiel des obligations de conception ; l’établissement, déployeur, a les siennes (ci-dessous).',
			'Si l’outil interagit avec des personnes ou génère des contenus, l’article 50 s’applique en plus, depuis le 2 août 2026.',
			LITERACY,
		],
		details: [DEPLOYER_DUTIES],
		actions: [
			'Demandez au fournisseur la déclaration de conformité, la notice et son plan de mise en conformité avec le règlement sur l’IA.',
			'Désignez les personnes chargées du contrôle humain et prévoyez leur formation.',
			'Prévoyez dans le contrat la conservation des journaux et le signalement des incidents.',
		],
		articles: ['Art. 6, par. 1, et annexe I', 'Art. 26 (déployeurs)', 'Art. 50 (transparence)', 'Règle 11 de l’annexe VIII du règlement (UE) 2017/745'],
		dates: [DATES.annex1, DATES.art50, DATES.art4],
		ask: ['aiReferent', 'provider', 'dpo', 'legal'],
		sources: [SRC.aiAct, SRC.council2026, SRC.mdr],
	},
	'verifier-classe': {
		id: 'verifier-classe',
		verdict: 'a-verifier',
		verdictLabel: 'À vérifier : la classe du dispositif',
		tone: 'warn',
		summary: 'Impossible de conclure sans savoir si l’outil est un dispositif médical, et de quelle classe : demandez-le au fournisseur.',
		explanation: [
			'La déclaration de conformité UE et l’étiquetage indiquent la classe du dispositif ; le numéro de l’organisme notifié suit le marquage CE quand il y en a un.',
			'Un logiciel qui aide à des décisions diagnostiques ou thérapeutiques est au moins de classe IIa (règle 11) : s’il n’a pas de marquage CE, posez la question de sa qualification.',
		],
		actions: [
			'Demandez au fournisseur la déclaration de conformité UE et la finalité médicale revendiquée.',
			'Reprenez ce parcours avec la réponse.',
		],
		articles: ['Art. 6, par. 1, et annexe I', 'Règle 11 de l’annexe VIII du règlement (UE) 2017/745'],
		dates: [DATES.annex1],
		ask: ['provider', 'aiReferent'],
		sources: [SRC.mdr, SRC.aiAct],
	},
	'haut-risque-annexe3': {
		id: 'haut-risque-annexe3',
		verdict: 'haut-risque',
		verdictLabel: 'Haut risque (annexe III)',
		tone: 'warn',
		summary: 'Système à haut risque par l’article 6, paragraphe 2 : son usage figure à l’annexe III, et l’exception de l’article 6, paragraphe 3, ne s’applique pas.',
		explanation: [
			'Les obligations des systèmes à haut risque de l’annexe III s’appliqueront au 2 décembre 2027 (date reportée par le règlement (UE) 2026/1744). Une année de préparation n’est pas de trop : contrat, journaux, contrôle humain, formation.',
			'Un établissement public, ou privé chargé d’une mission de service public, doit en plus réaliser une analyse d’impact sur les droits fondamentaux avant la première utilisation (art. 27).',
			'Si l’outil interagit avec des personnes ou génère des contenus, l’article 50 s’applique en plus, depuis le 2 août 2026.',
			LITERACY,
		],
		details: [DEPLOYER_DUTIES],
		actions: [
			'Demandez au fournisseur la documentation de conformité prévue et son calendrier.',
			'Désignez les personnes chargées du contrôle humain, avec l’autorité de passer outre la proposition du système.',
			'Préparez l’analyse d’impact (RGPD) et, pour un établissement public, l’analyse d’impact sur les droits fondamentaux.',
		],
		articles: ['Art. 6, par. 2, et annexe III', 'Art. 26 (déployeurs)', 'Art. 27 (analyse d’impact sur les droits fondamentaux)', 'Art. 50 (transparence)'],
		dates: [DATES.annex3, DATES.art50, DATES.art4],
		ask: ['aiReferent', 'dpo', 'legal', 'provider'],
		sources: [SRC.aiAct, SRC.council2026],
	},
	'exception-6-3': {
		id: 'exception-6-3',
		verdict: 'hors-haut-risque',
		verdictLabel: 'Pas à haut risque (exception de l’art. 6, par. 3)',
		tone: 'info',
		summary: 'Le système relève de l’annexe III mais, limité à une tâche étroite ou préparatoire et sans profilage, il n’est pas à haut risque.',
		explanation: [
			'Le fournisseur qui invoque cette exception doit documenter son évaluation avant la mise sur le marché (art. 6, par. 4) : demandez-la et gardez-la.',
			'L’exception dépend de l’usage réel : si l’outil se met à influencer les décisions, ou à profiler des personnes, l’analyse est à refaire.',
			LITERACY,
		],
		actions: [
			'Obtenez du fournisseur son évaluation documentée.',
			'Vérifiez que l’usage prévu dans votre service reste limité à ce qu’elle décrit.',
			'Inscrivez l’outil dans l’inventaire des outils d’IA de l’établissement.',
		],
		articles: ['Art. 6, par. 3 et 4', 'Art. 4 (maîtrise de l’IA)'],
		dates: [DATES.art4],
		ask: ['aiReferent', 'provider'],
		sources: [SRC.aiAct],
	},
	'exception-6-3-transparence': {
		id: 'exception-6-3-transparence',
		verdict: 'transparence',
		verdictLabel: 'Pas à haut risque, mais transparence obligatoire',
		tone: 'info',
		summary: 'L’exception de l’article 6, paragraphe 3, écarte le haut risque, mais l’article 50 impose d’informer les personnes ou de marquer les contenus.',
		explanation: [
			'Le fournisseur doit documenter l’exception (art. 6, par. 4) : demandez son évaluation.',
			'Les personnes doivent savoir qu’elles échangent avec une IA, sauf si c’est évident, et les contenus synthétiques doivent être marqués comme générés par une IA (art. 50).',
			LITERACY,
		],
		actions: [
			'Obtenez l’évaluation documentée du fournisseur.',
			'Vérifiez que l’information des personnes et le marquage des contenus sont en place.',
		],
		articles: ['Art. 6, par. 3 et 4', 'Art. 50 (transparence)'],
		dates: [DATES.art50, DATES.art4],
		ask: ['aiReferent', 'provider'],
		sources: [SRC.aiAct],
	},
	transparence: {
		id: 'transparence',
		verdict: 'transparence',
		verdictLabel: 'Obligations de transparence (art. 50)',
		tone: 'info',
		summary: 'Pas à haut risque, mais soumis à l’article 50 : les personnes doivent savoir qu’elles ont affaire à une IA.',
		explanation: [
			'Le fournisseur d’un agent conversationnel doit faire en sorte que les personnes sachent qu’elles échangent avec une IA, sauf si c’est évident ; le fournisseur d’un système génératif doit marquer les contenus produits.',
			'L’établissement qui publie, pour informer le public, des textes générés par une IA doit le signaler, sauf s’ils ont été relus par un humain qui en porte la responsabilité éditoriale.',
			LITERACY,
		],
		actions: [
			'Vérifiez que l’outil annonce clairement qu’il est une IA (page d’accueil, premier message).',
			'Fixez une règle de relecture humaine pour les contenus publiés.',
		],
		articles: ['Art. 50 (transparence)', 'Art. 4 (maîtrise de l’IA)'],
		dates: [DATES.art50, DATES.art4],
		ask: ['aiReferent', 'provider'],
		sources: [SRC.aiAct, SRC.council2026],
	},
	'emotions-haut-risque': {
		id: 'emotions-haut-risque',
		verdict: 'haut-risque',
		verdictLabel: 'Haut risque (biométrie) et transparence',
		tone: 'warn',
		summary: 'La reconnaissance des émotions et la catégorisation biométrique figurent au point 1 de l’annexe III : le système est en principe à haut risque, et les personnes exposées doivent être informées.',
		explanation: [
			'Sur le lieu de travail, la reconnaissance des émotions est interdite sauf raisons médicales ou de sécurité (art. 5) : appliquée au personnel, revenez à la première question.',
			'Pour les patients, les obligations du haut risque de l’annexe III s’appliqueront au 2 décembre 2027 ; l’information des personnes exposées (art. 50, par. 3) s’applique depuis le 2 août 2026.',
			LITERACY,
		],
		details: [DEPLOYER_DUTIES],
		actions: [
			'Faites vérifier par un juriste qu’il ne s’agit pas d’une pratique interdite.',
			'Prévoyez l’information des personnes exposées et l’analyse d’impact (RGPD).',
		],
		articles: ['Annexe III, point 1', 'Art. 5 (pratiques interdites)', 'Art. 26 (déployeurs)', 'Art. 50, par. 3'],
		dates: [DATES.annex3, DATES.art50, DATES.art5],
		ask: ['legal', 'dpo', 'aiReferent'],
		sources: [SRC.aiAct, SRC.council2026],
	},
	'risque-minimal': {
		id: 'risque-minimal',
		verdict: 'minimal',
		verdictLabel: 'Risque minimal',
		tone: 'ok',
		summary: 'D’après vos réponses, le système n’est ni interdit, ni à haut risque, ni soumis à l’article 50 : le règlement ne lui impose pas d’obligation propre.',
		explanation: [
			'Le règlement ne s’arrête pas là pour autant : l’article 4 demande de prendre des mesures pour que le personnel maîtrise l’IA qu’il utilise.',
			'Le RGPD, le secret professionnel et les règles d’hébergement des données de santé s’appliquent comme pour tout logiciel.',
		],
		actions: [
			'Inscrivez l’outil dans l’inventaire des outils d’IA de l’établissement.',
			'Formez les utilisateurs à ses limites.',
			'Refaites l’analyse si l’usage change (nouvelle fonction, nouveau public).',
		],
		articles: ['Art. 4 (maîtrise de l’IA)'],
		dates: [DATES.art4],
		ask: ['aiReferent', 'dpo'],
		sources: [SRC.aiAct, SRC.council2026],
	},
};

export const highRiskTree: DecisionTree = {
	id: 'mon-outil-est-il-a-haut-risque',
	title: 'Mon outil est-il à haut risque ?',
	start: 'pratique-interdite',
	nodes,
	outcomes,
};

/** When to call a lawyer, whatever the outcome (shown on the page). */
export const ASK_A_LAWYER = [
	'Un doute sur une pratique interdite (art. 5) : c’est la seule qualification qui rend un usage illégal dès aujourd’hui.',
	'L’établissement développe l’outil, le modifie substantiellement ou le met en service sous son propre nom : il devient alors « fournisseur », avec d’autres obligations (art. 3 et 25).',
	'Le fournisseur invoque l’exception de l’article 6, paragraphe 3, pour un usage de l’annexe III.',
	'Un outil développé en interne a une finalité médicale (dispositif médical fabriqué par l’établissement).',
	'Le contrat ne dit rien des journaux, des incidents, de l’hébergement des données ou de la répartition des responsabilités.',
];
