/**
 * Sources cited by the simulations, written once. Every fact in the simulations' French text
 * comes from /work/shared/reference/facts.md (ids in comments) and these sources; the same
 * links are used by the modules.
 */
import type { SourceRef } from '../decision-trees';

export const AS_OF = '28 novembre 2026';

export const SRC = {
	aiAct: {
		label: 'Règlement (UE) 2024/1689 sur l’intelligence artificielle (EUR-Lex)',
		url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
	},
	// facts §0.1, D5–D6, J1–J3: dates from the Council release and concordant sources citing the OJ text.
	council2026: {
		label: 'Conseil de l’UE, communiqué du 29 juin 2026 « Artificial Intelligence: Council gives final green light to simplify and streamline rules » (copie publiée par pubaffairsbruxelles.eu)',
		url: 'https://www.pubaffairsbruxelles.eu/eu-institution-news/artificial-intelligence-council-gives-final-green-light-to-simplify-and-streamline-rules/',
		note: 'Dates reportées par le règlement (UE) 2026/1744, concordantes avec les sources qui citent les articles du texte publié au Journal officiel.',
	},
	// Issue 12, item 30: where the official text of 2026/1744 is.
	omnibus2026: {
		label: 'Règlement (UE) 2026/1744 du 8 juillet 2026 modifiant le règlement (UE) 2024/1689, JO du 24 juillet 2026 (EUR-Lex)',
		url: 'https://eur-lex.europa.eu/eli/reg/2026/1744/oj',
	},
	gdpr: {
		label: 'Règlement (UE) 2016/679 (RGPD), art. 9 (données de santé) et 33 (violation de données) (EUR-Lex)',
		url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
	},
	mdr: {
		label: 'Règlement (UE) 2017/745 relatif aux dispositifs médicaux, annexe VIII, règle 11 (EUR-Lex)',
		url: 'https://eur-lex.europa.eu/eli/reg/2017/745/oj',
	},
	csp: {
		label: 'Code de la santé publique, art. L1110-4 (secret), L1111-8 (hébergement des données de santé) et L4001-3 (information du patient) (Légifrance)',
		url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072665/',
	},
	// facts F10, J45–J47
	hds: {
		label: 'CMS Francis Lefebvre, « Nouveau référentiel de certification des hébergeurs de données de santé (HDS) »',
		url: 'https://cms.law/fr/fra/news-information/nouveau-referentiel-de-certification-des-hebergeurs-de-donnees-de-sante-hds',
		note: 'Arrêté du 26 avril 2024 (JO du 16 mai 2024) : stockage des données dans l’EEE. Source secondaire.',
	},
	// facts A6–A8
	hasGenAI: {
		label: 'HAS, « Premières clefs d’usage de l’IA générative en santé » (30 octobre 2025)',
		url: 'https://www.has-sante.fr/jcms/p_3703115/fr/premieres-clefs-d-usage-de-l-ia-generative-en-sante',
	},
	// facts B16
	franceNum: {
		label: 'France Num, « Prendre les précautions indispensables à un usage responsable et sécurisé » (fiche IA 4, mise à jour le 19 février 2025)',
		url: 'https://www.francenum.gouv.fr/guides-et-conseils/pilotage-de-lentreprise/gestion-traitement-et-analyse-des-donnees/prendre-les',
	},
	// facts B15
	wkShadow: {
		label: 'Wolters Kluwer Health, « Shadow AI: Providers are using unapproved tools to improve workflow » (janvier 2026)',
		url: 'https://www.wolterskluwer.com/en/expert-insights/shadow-ai-providers-are-using-unapproved-tools-to-improve-workflow',
		note: 'Enquête américaine commandée par un éditeur.',
	},
	// facts A11
	ecri: {
		label: 'ECRI, « Top 10 Health Technology Hazards for 2026 »',
		url: 'https://www.ecri.org/top-10-health-technology-hazards',
	},
	cnilBreach: {
		label: 'CNIL, « Notifier une violation de données personnelles »',
		url: 'https://www.cnil.fr/fr/notifier-une-violation-de-donnees-personnelles',
	},
	// facts B1–B2
	anssi: {
		label: 'ANSSI, « Recommandations de sécurité pour un système d’IA générative » (29 avril 2024)',
		url: 'https://cyber.gouv.fr/publications/recommandations-de-securite-pour-un-systeme-dia-generative',
	},
	// facts B4
	owasp2025: {
		label: 'OWASP, Top 10 for LLM Applications 2025 — LLM01 Prompt Injection',
		url: 'https://genai.owasp.org/resource/owasp-top-10-for-llm-applications-2025/',
	},
	// facts B5
	owasp2026: {
		label: 'OWASP, GenAI LLM Top 10 2026 (publié le 4 août 2026) — LLM01 Prompt Injection',
		url: 'https://genai.owasp.org/resource/owasp-genai-llm-top-10-2026/',
	},
	// facts B10
	clusmann: {
		label: 'Clusmann J. et al., « Prompt injection attacks on vision language models in oncology », Nature Communications 16, 1239 (2025)',
		url: 'https://doi.org/10.1038/s41467-024-55631-x',
	},
	// facts B11
	medrxivSurgery: {
		label: 'Prépublication medRxiv (2025) : injection de prompt sur des modèles d’aide à la décision chirurgicale à partir de vidéos',
		url: 'https://www.medrxiv.org/content/10.1101/2025.07.16.25331645',
		note: 'Prépublication non évaluée par les pairs.',
	},
} satisfies Record<string, SourceRef>;
