/**
 * The fixed vocabularies of the curriculum: themes, profiles, nurse settings, levels, question
 * types. Plain data, shared by the content schemas (build), the pages and the unit tests.
 */

/** The three themes of the curriculum, in display order. */
export const THEMES = ['usages', 'cybersecurite', 'reglementation'] as const;
export type Theme = (typeof THEMES)[number];

/** The five learner profiles, each with one track. */
export const PROFILES = [
	'praticien-hospitalier',
	'liberal',
	'infirmier',
	'decideur',
	'etudiant',
] as const;
export type Profile = (typeof PROFILES)[number];

/** Work settings a nurse can choose; each one adapts the nurse track. */
export const SETTINGS = ['ehpad', 'bloc', 'service'] as const;
export type Setting = (typeof SETTINGS)[number];

/** How far a module goes. */
export const LEVELS = ['decouverte', 'intermediaire', 'approfondi'] as const;
export type Level = (typeof LEVELS)[number];

/** Question kinds a quiz can hold. */
export const QUESTION_TYPES = ['single', 'multiple', 'truefalse'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Competence frameworks that modules may cite (only texts we can source). */
export const FRAMEWORKS = ['socle-numerique-2022', 'ai-act-art4', 'has-avec-2025'] as const;
export type Framework = (typeof FRAMEWORKS)[number];
