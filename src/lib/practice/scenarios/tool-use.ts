/**
 * « Puis-je utiliser cet outil ? » — shadow AI decision path for every professional.
 * Facts: facts.md A8 (HAS: output is a proposal, no secret médical in prompts), A11 (ECRI),
 * B14–B16 (shadow AI, France Num), E5 (consumer chatbots are not medical devices), F6
 * (L4001-3), F9–F11 (HDS, EEA storage, consumer chatbots and patient data).
 * Verdicts: 'oui' | 'oui-precautions' | 'non'.
 */
import type { DecisionNode, DecisionOutcome, DecisionTree } from '../decision-trees';
import { SRC } from './sources';

const DATA_HELP =
	'Une donnée identifiante permet de reconnaître le patient : nom, date de naissance, numéro de sécurité sociale ou de dossier, adresse, photo… mais aussi une combinaison de détails (âge, commune, date d’admission, maladie rare). Les données de santé sont des données sensibles (RGPD, art. 9), couvertes par le secret professionnel.';

const CLINICAL_HELP =
	'Une décision clinique, c’est un diagnostic, le choix d’un traitement, une posologie, l’orientation d’un patient. Pour la HAS, ce que produit une IA générative est une proposition : c’est vous qui décidez, après avoir vérifié (chiffres, unités, noms de médicaments).';

function clinicalNode(id: string, yes: string, no: string): DecisionNode {
	return {
		id,
		question: 'L’outil va-t-il servir à une décision clinique ?',
		help: CLINICAL_HELP,
		reference: 'HAS, « Premières clefs d’usage de l’IA générative en santé » (2025)',
		options: [
			{ id: 'oui', label: 'Oui : diagnostic, traitement, posologie, orientation d’un patient', next: yes },
			{ id: 'non', label: 'Non : rédaction, reformulation, organisation, documentation générale', next: no },
		],
	};
}

function dataOptions(none: string, nonId: string, id: string) {
	return [
		{ id: 'aucune', label: 'Aucune donnée de patient', hint: 'Par exemple : reformuler une procédure, préparer une formation.', next: none },
		{
			id: 'non-identifiantes',
			label: 'Des éléments cliniques non identifiants',
			hint: 'Par exemple : « femme de 70 ans, insuffisance rénale », sans nom, date ni détail rare.',
			next: nonId,
		},
		{ id: 'identifiantes', label: 'Des données identifiantes d’un patient', hint: 'Nom, date de naissance, numéro de dossier, compte rendu complet…', next: id },
	];
}

const nodes: Record<string, DecisionNode> = {
	approuve: {
		id: 'approuve',
		question: 'L’outil que vous voulez utiliser est-il approuvé par votre établissement ?',
		help: 'Un outil approuvé a été examiné par l’établissement (DPO, RSSI, direction du numérique) : contrat, hébergement, usages et données permis. Utiliser un outil non approuvé, par exemple un compte personnel sur un agent conversationnel grand public, c’est de la « shadow IA » : les données sortent de l’établissement sans que personne ne l’ait vérifié. Dans le doute, considérez que l’outil n’est pas approuvé.',
		reference: 'Shadow IA : l’usage d’outils non validés par l’établissement',
		options: [
			{ id: 'oui', label: 'Oui, il figure parmi les outils approuvés', hint: 'Ou il est fourni par l’établissement pour cet usage.', next: 'donnees-approuve' },
			{ id: 'non', label: 'Non : compte personnel, outil gratuit grand public, extension de navigateur…', next: 'donnees-non-approuve' },
			{ id: 'ne-sait-pas', label: 'Je ne sais pas', hint: 'Dans le doute, on le traite comme un outil non approuvé.', next: 'donnees-non-approuve' },
		],
	},
	'donnees-approuve': {
		id: 'donnees-approuve',
		question: 'Quelles données allez-vous saisir dans l’outil ?',
		help: DATA_HELP,
		reference: 'RGPD, art. 9 ; code de la santé publique, art. L1110-4',
		options: dataOptions('decision-approuve', 'decision-approuve', 'hebergement'),
	},
	hebergement: {
		id: 'hebergement',
		question: 'Où l’outil héberge-t-il ces données ?',
		help: 'Quiconque héberge des données de santé pour le compte d’un établissement ou d’un professionnel doit être certifié « hébergeur de données de santé » (HDS, art. L1111-8 du code de la santé publique). Depuis le référentiel HDS de 2024, les données doivent être stockées dans l’Espace économique européen (EEE). L’autorisation de l’outil ou son contrat doit le dire ; sinon, votre DPO le sait.',
		reference: 'Code de la santé publique, art. L1111-8 ; référentiel HDS (arrêté du 26 avril 2024)',
		options: [
			{ id: 'hds-eee', label: 'Chez un hébergeur certifié HDS, dans l’EEE', hint: 'C’est écrit dans l’autorisation de l’outil ou dans son contrat.', next: 'decision-approuve-donnees' },
			{ id: 'ne-sait-pas', label: 'Je ne sais pas', next: 'non-verifier-hebergement' },
			{ id: 'hors-eee', label: 'Hors de l’EEE, ou sans certification HDS', next: 'non-hebergement' },
		],
	},
	'decision-approuve': clinicalNode('decision-approuve', 'precautions-decision', 'oui-approuve'),
	'decision-approuve-donnees': clinicalNode('decision-approuve-donnees', 'precautions-donnees-decision', 'precautions-donnees'),
	'donnees-non-approuve': {
		id: 'donnees-non-approuve',
		question: 'Quelles données allez-vous saisir dans l’outil ?',
		help: `${DATA_HELP} Avec un outil non approuvé, vous ne savez ni où vont les données ni si elles serviront à entraîner le modèle.`,
		reference: 'RGPD, art. 9 ; code de la santé publique, art. L1110-4',
		options: dataOptions('decision-non-approuve', 'decision-non-approuve-elements', 'non-shadow-identifiant'),
	},
	'decision-non-approuve': clinicalNode('decision-non-approuve', 'non-decision-outil-non-valide', 'precautions-non-approuve'),
	'decision-non-approuve-elements': clinicalNode('decision-non-approuve-elements', 'non-decision-outil-non-valide', 'precautions-non-identifiant'),
};

const VERIFY =
	'Relisez le résultat avant de l’utiliser : une IA générative peut inventer (« hallucination »). La HAS demande de vérifier systématiquement, surtout les chiffres, les unités et les noms de médicaments.';

const outcomes: Record<string, DecisionOutcome> = {
	'oui-approuve': {
		id: 'oui-approuve',
		verdict: 'oui',
		verdictLabel: 'Oui',
		tone: 'ok',
		summary: 'Oui : l’outil est approuvé, et vous n’y mettez aucune donnée identifiante, pour un usage qui n’est pas une décision clinique.',
		explanation: [
			'C’est le type d’usage pour lequel un établissement approuve un outil. Restez dans les usages prévus : la liste des outils approuvés indique ce qui est permis.',
			VERIFY,
		],
		actions: [
			'Restez dans les usages et les données prévus par l’autorisation de l’outil.',
			'Relisez et corrigez le texte produit : vous en restez l’auteur.',
			'Une réponse étrange ou inquiétante ? Signalez-la à votre référent IA.',
		],
		articles: ['HAS : démarche A.V.E.C. (Apprendre, Vérifier, Estimer, Communiquer)'],
		ask: ['aiReferent'],
		sources: [SRC.hasGenAI],
	},
	'precautions-decision': {
		id: 'precautions-decision',
		verdict: 'oui-precautions',
		verdictLabel: 'Oui, avec précautions',
		tone: 'warn',
		summary: 'Oui, avec précautions : l’outil est approuvé, mais pour une décision clinique sa réponse n’est qu’une proposition, que vous vérifiez.',
		explanation: [
			'Pour la HAS, le contenu produit par une IA générative est une proposition : vous gardez la décision et la responsabilité.',
			'Vérifiez chaque élément dans une source de référence (recommandation, résumé des caractéristiques du produit, protocole du service) avant d’agir, en particulier les chiffres, les unités et les noms de médicaments.',
			'Si l’outil est un dispositif médical qui repose sur un apprentissage à partir de données massives, le patient doit en être informé (art. L4001-3 du code de la santé publique).',
		],
		actions: [
			'Vérifiez la réponse dans une source de référence avant de décider.',
			'Notez dans le dossier ce sur quoi votre décision repose.',
			'Informez le patient quand la loi le demande, et dès qu’il le souhaite.',
		],
		articles: ['HAS, guide sur l’IA générative (2025)', 'Code de la santé publique, art. L4001-3'],
		ask: ['aiReferent', 'manager'],
		sources: [SRC.hasGenAI, SRC.csp],
	},
	'precautions-donnees': {
		id: 'precautions-donnees',
		verdict: 'oui-precautions',
		verdictLabel: 'Oui, avec précautions',
		tone: 'warn',
		summary: 'Oui, avec précautions : l’outil est approuvé et hébergé comme il faut, à condition que son autorisation couvre ces données et que vous n’y mettiez que le nécessaire.',
		explanation: [
			'Un hébergement certifié HDS dans l’EEE est une condition, pas un blanc-seing : l’autorisation de l’outil doit prévoir des données patient pour cet usage.',
			'Ne saisissez que ce qui est nécessaire à la tâche (minimisation, RGPD art. 5) : le nom ou la date de naissance sont souvent inutiles.',
			VERIFY,
		],
		actions: [
			'Vérifiez dans la liste des outils approuvés que les données patient sont permises pour cet usage.',
			'Retirez ce qui n’est pas nécessaire (nom, date de naissance, numéro de dossier) : la simulation « Puis-je coller ce texte ? » vous y aide.',
			'Relisez le résultat avant de l’intégrer au dossier.',
		],
		articles: ['RGPD, art. 5 et 9', 'Code de la santé publique, art. L1110-4 et L1111-8'],
		ask: ['dpo', 'aiReferent'],
		sources: [SRC.gdpr, SRC.csp, SRC.hds],
	},
	'precautions-donnees-decision': {
		id: 'precautions-donnees-decision',
		verdict: 'oui-precautions',
		verdictLabel: 'Oui, avec précautions',
		tone: 'warn',
		summary: 'Oui, avec précautions : outil approuvé et hébergement conforme, mais vous limitez les données au nécessaire et la réponse reste une proposition que vous vérifiez.',
		explanation: [
			'L’autorisation de l’outil doit prévoir des données patient pour cet usage ; n’en saisissez que le nécessaire (RGPD, art. 5).',
			'Pour une décision clinique, la réponse n’est qu’une proposition (HAS) : vérifiez-la dans une source de référence, vous gardez la décision.',
			'Si l’outil est un dispositif médical qui repose sur un apprentissage à partir de données massives, le patient doit en être informé (art. L4001-3 du code de la santé publique).',
		],
		actions: [
			'Vérifiez que l’autorisation couvre les données patient pour cet usage.',
			'Ne saisissez que le nécessaire.',
			'Vérifiez la réponse avant de décider, et notez sur quoi repose votre décision.',
		],
		articles: ['RGPD, art. 5 et 9', 'Code de la santé publique, art. L1111-8 et L4001-3'],
		ask: ['dpo', 'aiReferent', 'manager'],
		sources: [SRC.hasGenAI, SRC.gdpr, SRC.csp],
	},
	'non-verifier-hebergement': {
		id: 'non-verifier-hebergement',
		verdict: 'non',
		verdictLabel: 'Non, pas avant vérification',
		tone: 'error',
		summary: 'Non, pas tant que vous ne savez pas où vont les données : faites vérifier l’hébergement avant d’y saisir des données identifiantes.',
		explanation: [
			'Des données de santé identifiantes ne peuvent être confiées qu’à un hébergeur certifié HDS (art. L1111-8 du code de la santé publique), qui les stocke dans l’EEE depuis le référentiel de 2024.',
			'Un outil approuvé pour certains usages ne l’est pas forcément pour des données patient.',
		],
		actions: [
			'En attendant, n’utilisez l’outil qu’avec des données non identifiantes.',
			'Demandez à votre DPO si l’outil est autorisé pour des données patient et où elles sont hébergées.',
		],
		articles: ['Code de la santé publique, art. L1111-8', 'RGPD, art. 9'],
		ask: ['dpo', 'aiReferent'],
		sources: [SRC.csp, SRC.hds],
	},
	'non-hebergement': {
		id: 'non-hebergement',
		verdict: 'non',
		verdictLabel: 'Non',
		tone: 'error',
		summary: 'Non : des données de santé identifiantes ne doivent pas partir chez un hébergeur non certifié HDS ou hors de l’EEE.',
		explanation: [
			'L’hébergement de données de santé pour le compte d’un établissement ou d’un professionnel exige un hébergeur certifié HDS (art. L1111-8 du code de la santé publique).',
			'Le référentiel HDS de 2024 impose un stockage dans l’Espace économique européen.',
			'Même approuvé pour d’autres usages, l’outil ne l’est donc pas pour ces données.',
		],
		actions: [
			'Retirez toute donnée identifiante, ou utilisez un autre outil approuvé pour des données patient.',
			'Signalez à votre DPO que l’outil est utilisé, ou proposé, avec des données patient : son autorisation devra peut-être être revue.',
		],
		articles: ['Code de la santé publique, art. L1111-8', 'RGPD, art. 9'],
		ask: ['dpo', 'securityLead', 'aiReferent'],
		sources: [SRC.csp, SRC.hds, SRC.gdpr],
	},
	'non-shadow-identifiant': {
		id: 'non-shadow-identifiant',
		verdict: 'non',
		verdictLabel: 'Non',
		tone: 'error',
		summary: 'Non : coller des données patient identifiantes dans un outil non approuvé, c’est faire sortir des données de santé de l’établissement.',
		explanation: [
			'Un agent conversationnel grand public n’est en général ni certifié HDS ni lié à votre établissement par un contrat : la saisie enfreint le plus souvent l’obligation d’hébergement HDS, les conditions de l’article 9 du RGPD et le secret professionnel.',
			'Ce que vous tapez dans un outil en ligne grand public peut servir à entraîner ses modèles (France Num). La HAS demande de ne pas y mettre d’informations couvertes par le secret médical.',
			'Une certification HDS de l’éditeur ne suffit pas : sans autorisation de l’établissement, personne n’a vérifié le contrat ni l’usage.',
		],
		actions: [
			'Ne collez pas ces données. Utilisez un outil approuvé, ou retirez tout ce qui permet de reconnaître le patient.',
			'Si c’est déjà fait, prévenez sans attendre votre DPO : l’établissement doit notifier une violation de données à la CNIL dans les 72 heures, sauf si elle ne présente pas de risque pour les personnes (RGPD, art. 33).',
			'Parlez à votre référent IA du besoin qui vous a poussé vers cet outil : c’est ainsi qu’un outil approuvé peut être mis à disposition.',
		],
		articles: ['RGPD, art. 9 et 33', 'Code de la santé publique, art. L1110-4 et L1111-8'],
		ask: ['dpo', 'incidentContact', 'aiReferent'],
		sources: [SRC.gdpr, SRC.csp, SRC.hasGenAI, SRC.franceNum, SRC.cnilBreach],
	},
	'non-decision-outil-non-valide': {
		id: 'non-decision-outil-non-valide',
		verdict: 'non',
		verdictLabel: 'Non, pas pour décider',
		tone: 'error',
		summary: 'Non : ne fondez pas une décision clinique sur un outil qui n’est ni validé pour cela ni approuvé par l’établissement.',
		explanation: [
			'Les agents conversationnels grand public ne sont pas des dispositifs médicaux marqués CE et ne sont pas validés pour un usage clinique. Pour 2026, l’ECRI classe le mauvais usage des chatbots d’IA au premier rang des dangers liés aux technologies de santé.',
			'Même sans donnée patient, la réponse peut être fausse et convaincante : pour la HAS, c’est une proposition à vérifier.',
		],
		actions: [
			'Cherchez la réponse dans une source de référence : recommandation, résumé des caractéristiques du produit, protocole du service, avis d’un collègue.',
			'Si un tel outil vous manque, dites-le à votre référent IA : l’établissement peut en évaluer et en approuver un.',
		],
		articles: ['HAS, guide sur l’IA générative (2025)'],
		ask: ['aiReferent', 'manager'],
		sources: [SRC.ecri, SRC.hasGenAI],
	},
	'precautions-non-approuve': {
		id: 'precautions-non-approuve',
		verdict: 'oui-precautions',
		verdictLabel: 'Oui, avec précautions',
		tone: 'warn',
		summary: 'Oui, avec précautions : sans aucune donnée patient ni information confidentielle, et hors décision clinique, le risque est limité.',
		explanation: [
			'« Aucune donnée », c’est rien sur un patient, mais aussi rien de confidentiel sur l’établissement : codes d’accès, organisation de la sécurité, informations internes.',
			'Ce que vous tapez dans un outil grand public peut servir à entraîner ses modèles (France Num).',
			'Un outil approuvé reste préférable : l’établissement le connaît et peut vous aider en cas de problème.',
		],
		actions: [
			'Relisez avant de coller : aucun nom, aucune date, aucun identifiant, rien d’interne.',
			'Relisez le résultat : il peut contenir des erreurs.',
			'Signalez votre besoin au référent IA : un outil approuvé pourra peut-être y répondre.',
		],
		articles: ['France Num, fiche IA 4', 'HAS, guide sur l’IA générative (2025)'],
		ask: ['aiReferent'],
		sources: [SRC.franceNum, SRC.hasGenAI, SRC.wkShadow],
	},
	'precautions-non-identifiant': {
		id: 'precautions-non-identifiant',
		verdict: 'oui-precautions',
		verdictLabel: 'Oui, avec beaucoup de précautions',
		tone: 'warn',
		summary: 'Oui, avec beaucoup de précautions : seulement si les éléments sont vraiment non identifiants ; un outil approuvé serait préférable.',
		explanation: [
			'Des éléments « anonymes » suffisent parfois à reconnaître un patient quand ils se combinent : âge, commune, date d’hospitalisation, maladie rare, profession. Retirez-les.',
			'La HAS demande de ne pas mettre d’informations couvertes par le secret médical dans une IA générative ; France Num rappelle que ce qui est saisi peut servir à l’entraînement.',
			'Le résultat reste une proposition, à relire.',
		],
		actions: [
			'Passez le texte dans « Puis-je coller ce texte ? » pour repérer les identifiants les plus courants, puis relisez-le vous-même : l’outil ne repère pas tout.',
			'Préférez un outil approuvé par l’établissement ; à défaut, parlez-en à votre référent IA.',
		],
		articles: ['RGPD, art. 9', 'Code de la santé publique, art. L1110-4'],
		ask: ['aiReferent', 'dpo'],
		sources: [SRC.hasGenAI, SRC.franceNum, SRC.gdpr],
	},
};

export const toolUseTree: DecisionTree = {
	id: 'puis-je-utiliser-cet-outil',
	title: 'Puis-je utiliser cet outil ?',
	start: 'approuve',
	nodes,
	outcomes,
};
