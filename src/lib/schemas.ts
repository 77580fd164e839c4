/**
 * Zod schemas of the content collections. Kept apart from `src/content.config.ts` so that unit
 * tests can check them without running Astro. Messages are French where an author reads them
 * in a failed build; field paths are always given so the error names the field.
 */
import { z } from 'astro/zod';
import { FRAMEWORKS, LEVELS, PROFILES, SETTINGS, THEMES } from './taxonomy';

/** Stable identifiers: lowercase ASCII words joined by hyphens (they become URL slugs). */
export const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'identifiant attendu : minuscules, chiffres et tirets (ex. « ia-generative »)');

/**
 * YAML turns unquoted dates into Date objects and bare years into numbers: bring both back to
 * the string the author wrote, so dates never drift with time zones.
 */
const asDateString = (v: unknown) =>
	v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v;

/** An ISO calendar date written as YYYY-MM-DD (kept as a string: no time zone drift). */
export const isoDateSchema = z.preprocess(
	asDateString,
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ')
		.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'date invalide'),
);

/** A cited source. `date` is the publication (or last update) date, `primary` marks official texts. */
export const sourceSchema = z.object({
	/** Who published it (EUR-Lex, Légifrance, HAS, CNIL, ANSSI…). */
	publisher: z.string().min(2),
	/** Title as published. */
	title: z.string().min(3),
	/** Where to read it: a well-formed https URL. */
	url: z.url({ protocol: /^https$/, message: 'URL https attendue' }),
	/** Publication or last-update date, YYYY-MM-DD, YYYY-MM or YYYY. */
	date: z.preprocess(asDateString, z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date attendue : AAAA, AAAA-MM ou AAAA-MM-JJ')),
	/** True for a primary text (law, regulation, official guidance, peer-reviewed paper). */
	primary: z.boolean(),
	/** Optional note: what the source supports, or why a secondary source is used. */
	note: z.string().optional(),
});
export type Source = z.output<typeof sourceSchema>;

/** One answer option. `id` is stable across content versions (a, b, c…). */
export const choiceSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/, 'identifiant de réponse attendu (ex. « a »)'),
	text: z.string().min(1),
});

const TRUE_FALSE_CHOICES = [
	{ id: 'vrai', text: 'Vrai' },
	{ id: 'faux', text: 'Faux' },
];

/**
 * A quiz question. `correct` lists the ids of the right choices: exactly one for `single` and
 * `truefalse`, one or more for `multiple`. True/false questions get the choices « vrai » and
 * « faux » when none are given.
 */
export const questionSchema = z
	.object({
		/** Stable id within the module, kept when the wording changes (q1, q2…). */
		id: slugSchema,
		type: z.enum(['single', 'multiple', 'truefalse']),
		/** The question as asked. */
		prompt: z.string().min(5),
		choices: z.array(choiceSchema).optional(),
		correct: z.array(z.string()).min(1, 'une question doit avoir au moins une bonne réponse'),
		/** Why the right answer is right (shown after answering). */
		explanation: z.string().min(10),
		/** True when the question is about the module's case study. */
		aboutCase: z.boolean().default(false),
	})
	.transform((q) => ({
		...q,
		choices: q.choices ?? (q.type === 'truefalse' ? TRUE_FALSE_CHOICES : []),
	}))
	.superRefine((q, ctx) => {
		const ids = q.choices.map((c) => c.id);
		if (q.type !== 'truefalse' && q.choices.length < 2) {
			ctx.addIssue({ code: 'custom', path: ['choices'], message: 'au moins deux réponses possibles' });
		}
		if (new Set(ids).size !== ids.length) {
			ctx.addIssue({ code: 'custom', path: ['choices'], message: 'identifiants de réponse en double' });
		}
		for (const c of q.correct) {
			if (!ids.includes(c)) {
				ctx.addIssue({
					code: 'custom',
					path: ['correct'],
					message: `la bonne réponse « ${c} » ne correspond à aucune réponse proposée`,
				});
			}
		}
		if ((q.type === 'single' || q.type === 'truefalse') && q.correct.length !== 1) {
			ctx.addIssue({ code: 'custom', path: ['correct'], message: 'une question à choix unique a exactement une bonne réponse' });
		}
	});
export type Question = z.output<typeof questionSchema>;

/** A case study tied to one profile (and, for nurses, optionally a setting). */
export const caseSchema = z.object({
	title: z.string().min(3),
	profile: z.enum(PROFILES),
	setting: z.enum(SETTINGS).optional(),
	/** The situation, told as it happens on the ward or in the practice. */
	situation: z.string().min(40),
	/** What to do, or the questions to think about, with the reasoning. */
	debrief: z.string().min(40),
});

/**
 * One dated entry of a module's change log, shown on the module page and on « Ce qui a changé ».
 * The catalogue check (`validateCatalog`) makes sure `version` does not exceed the module's
 * version and that every id in `questions` exists in its quiz.
 */
export const changeSchema = z.object({
	/** Day the change was published, YYYY-MM-DD. */
	date: isoDateSchema,
	/** Module version that carries the change (at most the module's current `version`). */
	version: z.number().int().min(1),
	/** What changed and why, in French, for the reader. */
	summary: z.string().min(10),
	/** Quiz question ids whose wording or answer changed: they come back in « Mes révisions ». */
	questions: z.array(slugSchema).default([]),
	/** Short reference to the source behind the change (publisher, text, date). */
	source: z.string().min(3).optional(),
});
export type ModuleChange = z.output<typeof changeSchema>;

/** Frontmatter of a training module (one MDX file each). */
export const moduleSchema = z
	.object({
		/** Stable id, independent of the file path; becomes the URL slug. */
		id: slugSchema,
		title: z.string().min(5),
		/** One or two sentences shown on cards and in search results. */
		summary: z.string().min(30).max(320),
		theme: z.enum(THEMES),
		/** Who the module is written for. */
		profiles: z.array(z.enum(PROFILES)).min(1),
		/** Nurse settings this module is specific to (empty: every setting). */
		settings: z.array(z.enum(SETTINGS)).default([]),
		/** Declared reading + quiz time, 5 to 15 minutes. */
		durationMinutes: z.number().int().min(1).max(60),
		level: z.enum(LEVELS),
		objectives: z.array(z.string().min(5)).min(3, 'au moins 3 objectifs'),
		/** Module ids to take first. */
		prerequisites: z.array(slugSchema).default([]),
		keyPoints: z.array(z.string().min(5)).min(1),
		case: caseSchema,
		sources: z.array(sourceSchema).min(1),
		/** Date the content was last checked against its sources. */
		reviewed: isoDateSchema,
		/** Date by which it must be checked again (rules change). */
		nextReview: isoDateSchema.optional(),
		/** Competence ids (see content/competences.yaml). */
		competences: z.array(slugSchema).default([]),
		/** Glossary term ids the module uses (linked from the page). */
		glossary: z.array(slugSchema).default([]),
		/** Content version; bump it when the quiz or the substance changes. */
		version: z.number().int().min(1),
		quiz: z.array(questionSchema).min(1, 'le quiz doit avoir au moins une question'),
		/** Dated change log, any order (pages sort it newest first); empty for a first version. */
		changes: z.array(changeSchema).default([]),
	})
	.superRefine((m, ctx) => {
		const ids = m.quiz.map((q) => q.id);
		ids.forEach((id, i) => {
			if (ids.indexOf(id) !== i) {
				ctx.addIssue({ code: 'custom', path: ['quiz', i, 'id'], message: `identifiant de question « ${id} » en double` });
			}
		});
		if (m.nextReview && m.nextReview <= m.reviewed) {
			ctx.addIssue({ code: 'custom', path: ['nextReview'], message: 'nextReview doit suivre reviewed' });
		}
		if (m.prerequisites.includes(m.id)) {
			ctx.addIssue({ code: 'custom', path: ['prerequisites'], message: 'un module ne peut pas être son propre prérequis' });
		}
	});
export type ModuleData = z.output<typeof moduleSchema>;

/** How a nurse setting changes the nurse track: modules added after an anchor, or swapped. */
export const trackVariantSchema = z.object({
	setting: z.enum(SETTINGS),
	/** Modules appended to the track for this setting. */
	add: z.array(slugSchema).default([]),
	/** Modules removed from the track for this setting. */
	remove: z.array(slugSchema).default([]),
	/** Short text telling the nurse what changes for this setting. */
	note: z.string().min(10),
});

/** A track: the ordered modules of one profile. */
export const trackSchema = z.object({
	profile: z.enum(PROFILES),
	title: z.string().min(5),
	/** Who the track is for, in plain words. */
	audience: z.string().min(10),
	/** What the learner can do after it. */
	goal: z.string().min(10),
	/** Other professions this track suits. */
	alsoFor: z.array(z.string()).default([]),
	modules: z.array(slugSchema).min(1),
	variants: z.array(trackVariantSchema).default([]),
});
export type TrackData = z.output<typeof trackSchema>;

/** A glossary term. Aliases double as search synonyms. */
export const glossarySchema = z.object({
	term: z.string().min(2),
	definition: z.string().min(20),
	aliases: z.array(z.string().min(2)).default([]),
	/** Module ids where the term matters. */
	modules: z.array(slugSchema).default([]),
});
export type GlossaryData = z.output<typeof glossarySchema>;

/** A competence from a citable framework. */
export const competenceSchema = z.object({
	framework: z.enum(FRAMEWORKS),
	label: z.string().min(5),
	/** Where the framework can be read. */
	source: sourceSchema,
});
export type CompetenceData = z.output<typeof competenceSchema>;

/** The establishment settings a hospital edits before building. Neutral defaults. */
export const establishmentSchema = z.object({
	name: z.string().default(''),
	dpo: z.string().default(''),
	securityLead: z.string().default(''),
	aiReferent: z.string().default(''),
	approvedTools: z
		.array(z.object({ name: z.string().min(1), uses: z.string().default(''), dataAllowed: z.string().default('') }))
		.default([]),
	incidentProcedure: z.string().default(''),
	incidentContact: z.string().default(''),
	/** People or roles of the establishment who reread the content for local use (optional; shown on « Comment nous travaillons »). */
	reviewers: z.array(z.object({ name: z.string().min(1), role: z.string().default('') })).default([]),
});
export type EstablishmentData = z.output<typeof establishmentSchema>;
