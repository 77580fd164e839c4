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

/** How sound a case option is: its feedback says why. */
export const VERDICTS = ['sound', 'partial', 'risky'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One thing the learner could do in a case, with its own feedback. */
export const caseOptionSchema = z.object({
	/** Stable id within the case (a, b, c…), recorded as the learner's choice. */
	id: z.string().regex(/^[a-z0-9-]{1,20}$/, 'identifiant d’option attendu (ex. « a »)'),
	/** What the learner would do, in the first person or as an action. */
	text: z.string().min(5),
	/** sound: the right move; partial: sound but incomplete; risky: a mistake people make. */
	verdict: z.enum(VERDICTS),
	/** Why this choice is sound or risky (shown once chosen). */
	feedback: z.string().min(20),
});

/** Checks shared by a case and its setting variants: 3 or 4 options, one sound at least, unique ids. */
function refineOptions(options: { id: string; verdict: Verdict }[] | undefined, ctx: z.RefinementCtx): void {
	if (!options) return;
	if (options.length < 3 || options.length > 4) {
		ctx.addIssue({ code: 'custom', path: ['options'], message: 'un cas à décider propose 3 ou 4 options' });
	}
	const ids = options.map((o) => o.id);
	if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'identifiants d’option en double' });
	if (!options.some((o) => o.verdict === 'sound')) {
		ctx.addIssue({ code: 'custom', path: ['options'], message: 'au moins une option doit être « sound » (la bonne décision)' });
	}
}

/** A nurse-setting version of a case (EHPAD, operating room, ward differ). */
export const caseVariantSchema = z
	.object({
		setting: z.enum(SETTINGS),
		title: z.string().min(3).optional(),
		situation: z.string().min(40),
		/** The question put to the learner; defaults to the case's. */
		question: z.string().min(5).optional(),
		options: z.array(caseOptionSchema).optional(),
		debrief: z.string().min(40).optional(),
	})
	.superRefine((v, ctx) => refineOptions(v.options, ctx));

/**
 * A case study tied to one profile (and, for nurses, optionally a setting). With `options`, the
 * case is a decision: the situation first, the learner picks what they would do, reads that
 * option's feedback, then the debrief. Without options (modules not yet converted to lessons) the
 * debrief follows the situation.
 */
export const caseSchema = z
	.object({
		title: z.string().min(3),
		profile: z.enum(PROFILES),
		setting: z.enum(SETTINGS).optional(),
		/** The situation, told as it happens on the ward or in the practice. */
		situation: z.string().min(40),
		/** The question put to the learner (« Que faites-vous ? » when absent). */
		question: z.string().min(5).optional(),
		/** 3 or 4 things the learner could do, each with its feedback. */
		options: z.array(caseOptionSchema).optional(),
		/** What to do, or the questions to think about, with the reasoning. */
		debrief: z.string().min(40),
		/** Setting versions of the case, shown to nurses of that setting. */
		variants: z.array(caseVariantSchema).default([]),
	})
	.superRefine((c, ctx) => {
		refineOptions(c.options, ctx);
		const settings = c.variants.map((v) => v.setting);
		if (new Set(settings).size !== settings.length) {
			ctx.addIssue({ code: 'custom', path: ['variants'], message: 'deux variantes pour le même lieu d’exercice' });
		}
		c.variants.forEach((v, i) => {
			if (v.options === undefined && c.options === undefined) return;
			if (v.options !== undefined && c.options === undefined) {
				ctx.addIssue({ code: 'custom', path: ['variants', i, 'options'], message: 'une variante à décider suppose un cas à décider (options)' });
			}
		});
	});
export type CaseData = z.output<typeof caseSchema>;
export type CaseOption = z.output<typeof caseOptionSchema>;

/**
 * A lesson step ("étape"): one idea, about 1 to 3 minutes. Its text is the MDX body between
 * `<Step id="…">` and `</Step>`; the title and the check live here so that they are validated,
 * scored and listed (catalogue, SCORM, search) without parsing the body.
 */
export const stepSchema = z.object({
	/** Stable id within the module (kept when the wording changes): anchors `#etape-<id>`. */
	id: slugSchema,
	/** Says the idea (« Une consigne cachée se lit comme un ordre »), not « Introduction ». */
	title: z.string().min(5).max(120),
	/** One retrieval question, required on every step but the last. */
	check: questionSchema.optional(),
	/** True when the check is one of the module's three « L'essentiel en 2 minutes » questions. */
	essential: z.boolean().default(false),
});
export type StepData = z.output<typeof stepSchema>;
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
		/**
		 * Lesson steps, in order (4 to 7). Absent on modules still written as one long read. Each
		 * id must match a `<Step id="…">` of the body, in the same order (checked across the body
		 * by `validateCatalog`).
		 */
		steps: z.array(stepSchema).optional(),
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
		if (m.steps) refineSteps(m, ctx);
		if (m.prerequisites.includes(m.id)) {
			ctx.addIssue({ code: 'custom', path: ['prerequisites'], message: 'un module ne peut pas être son propre prérequis' });
		}
	});
export type ModuleData = z.output<typeof moduleSchema>;

/** Lesson rules one module can be checked for alone (the body is checked by `validateCatalog`). */
function refineSteps(
	m: { steps?: { id: string; check?: { id: string; prompt: string }; essential: boolean }[]; quiz: { id: string; prompt: string }[]; case: { options?: unknown[] } },
	ctx: z.RefinementCtx,
): void {
	const steps = m.steps ?? [];
	if (steps.length < 4 || steps.length > 7) {
		ctx.addIssue({ code: 'custom', path: ['steps'], message: `une leçon compte 4 à 7 étapes (ici ${steps.length})` });
	}
	const ids = steps.map((s) => s.id);
	const quizPrompts = new Set(m.quiz.map((q) => normalisePrompt(q.prompt)));
	const quizIds = new Set(m.quiz.map((q) => q.id));
	const checkIds: string[] = [];
	steps.forEach((s, i) => {
		if (ids.indexOf(s.id) !== i) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `étape « ${s.id} » en double` });
		const last = i === steps.length - 1;
		if (!last && !s.check) {
			ctx.addIssue({ code: 'custom', path: ['steps', i, 'check'], message: `l’étape « ${s.id} » doit finir par une question de vérification` });
		}
		if (last && s.check) {
			ctx.addIssue({ code: 'custom', path: ['steps', i, 'check'], message: `la dernière étape (« ${s.id} ») ne porte pas de vérification : le cas pratique suit` });
		}
		if (s.essential && !s.check) {
			ctx.addIssue({ code: 'custom', path: ['steps', i, 'essential'], message: `l’étape « ${s.id} » est marquée essentielle sans question` });
		}
		if (s.check) {
			if (checkIds.includes(s.check.id) || quizIds.has(s.check.id)) {
				ctx.addIssue({ code: 'custom', path: ['steps', i, 'check', 'id'], message: `identifiant « ${s.check.id} » déjà pris (vérifications et quiz ont des identifiants distincts)` });
			}
			checkIds.push(s.check.id);
			if (quizPrompts.has(normalisePrompt(s.check.prompt))) {
				ctx.addIssue({ code: 'custom', path: ['steps', i, 'check', 'prompt'], message: `la vérification de « ${s.id} » reprend une question du quiz` });
			}
		}
	});
	const essentials = steps.filter((s) => s.essential).length;
	const wanted = Math.min(3, checkIds.length);
	if (essentials !== wanted) {
		ctx.addIssue({ code: 'custom', path: ['steps'], message: `marquez ${wanted} vérifications « essential » pour « L’essentiel en 2 minutes » (ici ${essentials})` });
	}
	if (!m.case.options) {
		ctx.addIssue({ code: 'custom', path: ['case', 'options'], message: 'dans une leçon, le cas est une décision : ajoutez 3 ou 4 options' });
	}
}

/** Lower-case, accents and punctuation folded: two prompts that differ only by those are the same. */
export function normalisePrompt(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

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
	/**
	 * Where the track leads once done: practice tools (a path under the site, e.g.
	 * `pratique/mon-outil-est-il-a-haut-risque/`) or modules outside the track, each with why.
	 */
	next: z
		.array(
			z
				.object({
					module: slugSchema.optional(),
					page: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*\/$/, 'chemin du site, sans / au début, terminé par /').optional(),
					title: z.string().min(3),
					why: z.string().min(10),
				})
				.refine((x) => !!x.module !== !!x.page, 'un module ou une page, pas les deux'),
		)
		.default([]),
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
