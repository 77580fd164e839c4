/**
 * The positioning test (« test de positionnement », /positionnement/), pure: scoring by theme,
 * module recommendations, the stored result and the checks of `content/positionnement.yaml`.
 * No DOM, no storage, no zod here (the island imports this file; the page passes the zod
 * question parser in, so the schema library never reaches the browser).
 *
 * ## Stored result (store section `positioning`, key `pias:<ns>:positioning:v1`)
 *
 * ```ts
 * {
 *   takenOn: '2026-11-28',                    // day the test was submitted (learner's time zone)
 *   answers: { 'cyber-shadow-ia': ['a'] },    // selected choice ids by question id (unanswered: absent)
 *   scores: { usages: 75, cybersecurite: 100, reglementation: 50 },  // percent by theme, 0–100
 * }
 * ```
 *
 * `scores` is read by other pages (team snapshot): keep its shape. Nothing stored → `null`.
 * Reading is defensive (`parsePositioning`): a value that is not an object, or whose date or
 * scores are unusable, gives `null` and `problem: 'corrupt'` (the store sets the raw value
 * aside); bad entries of `answers` are dropped alone (also reported as corrupt); unknown extra
 * fields are ignored.
 */
import { isCorrect, type Answers, type ScorableQuestion } from './quiz/scoring';
import { isId, isIntInRange, isIsoDate, isPlainObject } from './progress/model';
import type { ProgressStore, Section, SectionParse } from './progress/store';
import { PROFILES, THEMES, type Profile, type Theme } from './taxonomy';
import { percentOf } from './format';

/** Version of the `positioning` store section (key suffix `:positioning:v1`). */
export const POSITIONING_VERSION = 1;

/** Path of the questions file, for error messages. */
export const POSITIONING_FILE = 'content/positionnement.yaml';

/** Most answers kept from storage, and most choice ids per answer. */
const MAX_ANSWERS = 200;
const MAX_CHOICES = 20;

/** A positioning question: a quiz question plus its theme and the modules that teach it. */
export interface PositioningQuestion extends ScorableQuestion {
	theme: Theme;
	/** Module ids whose content answers the question (all of the question's theme). */
	modules: readonly string[];
}

/** A question as shown to the learner. */
export interface DisplayQuestion extends PositioningQuestion {
	prompt: string;
	choices: { id: string; text: string }[];
	correct: string[];
	explanation: string;
	modules: string[];
	/** 1 easy, 2 medium, 3 hard (the parallel forms keep the same spread per theme). */
	difficulty: Difficulty;
	/** Asked only to these audiences; absent: to everyone. */
	audiences?: Audience[];
	/** Where the facts come from, and the module that teaches them. */
	source: string;
}

/** Difficulty levels of a question. */
export const DIFFICULTIES = [1, 2, 3] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Who a question is for: a profile, or `sans-profil` (a learner who chose no track). */
export const AUDIENCES = [...PROFILES, 'sans-profil'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The audience of a learner. */
export function audienceOf(profile: Profile | null | undefined): Audience {
	return profile && (PROFILES as readonly string[]).includes(profile) ? profile : 'sans-profil';
}

/** The questions of a form asked to an audience, in file order. */
export function questionsFor<Q extends { audiences?: readonly string[] }>(questions: readonly Q[], audience: Audience): Q[] {
	return questions.filter((q) => !q.audiences || q.audiences.includes(audience));
}

export interface ThemeScore {
	/** Questions of the theme answered right. */
	correct: number;
	/** Questions of the theme. */
	total: number;
	/** Integer 0–100, rounded down; 0 when the theme has no question. */
	percent: number;
}

export type ThemeScores = Record<Theme, ThemeScore>;

/** What is kept in the browser after a test. */
export interface PositioningResult {
	/** YYYY-MM-DD. */
	takenOn: string;
	/** Selected choice ids by question id. */
	answers: Record<string, string[]>;
	/** Percent of right answers by theme. */
	scores: Record<Theme, number>;
	/** Ids of the questions asked (they depend on the profile); absent in results stored before issue 17. */
	asked?: string[];
}

function selectedFor(answers: Answers, id: string): readonly string[] | undefined {
	// Own properties only: an id such as "constructor" must not reach Object.prototype.
	return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

/** Right answers, total and percent for each of the three themes (unanswered counts as wrong). */
export function scoreByTheme(questions: readonly PositioningQuestion[], answers: Answers): ThemeScores {
	const scores = Object.fromEntries(THEMES.map((t) => [t, { correct: 0, total: 0, percent: 0 }])) as ThemeScores;
	for (const q of questions) {
		const s = scores[q.theme];
		if (!s) continue;
		s.total += 1;
		if (isCorrect(q, selectedFor(answers, q.id))) s.correct += 1;
	}
	for (const t of THEMES) {
		const s = scores[t];
		s.percent = percentOf(s.correct, s.total);
	}
	return scores;
}

/** Ids of the questions not answered right, in question order. */
export function missedQuestions(questions: readonly PositioningQuestion[], answers: Answers): string[] {
	return questions.filter((q) => !isCorrect(q, selectedFor(answers, q.id))).map((q) => q.id);
}

/**
 * Modules tied to the questions not answered right, in question order, without duplicates.
 * A theme answered entirely right has no missed question, so it brings none of its modules
 * (the content checks make every module of a question belong to the question's theme).
 */
export function gapModules(questions: readonly PositioningQuestion[], answers: Answers): string[] {
	const out = new Set<string>();
	for (const q of questions) {
		if (isCorrect(q, selectedFor(answers, q.id))) continue;
		for (const m of q.modules) out.add(m);
	}
	return [...out];
}

/**
 * The modules to take next: those of the learner's track that address a gap, in track order.
 * Without a track (null or undefined), every module tied to a missed question, in question
 * order (questions are grouped by theme: usages, cybersécurité, réglementation).
 */
export function recommend(input: {
	questions: readonly PositioningQuestion[];
	answers: Answers;
	trackModuleIds?: readonly string[] | null;
}): string[] {
	const gaps = gapModules(input.questions, input.answers);
	if (!input.trackModuleIds) return gaps;
	const wanted = new Set(gaps);
	return [...new Set(input.trackModuleIds.filter((id) => wanted.has(id)))];
}

/**
 * Recommendations from the learner's own track first. `inTrack`: the modules of the track, in
 * track order, tied to a missed question; and, for a theme with missed questions none of whose
 * tied modules is in the track, the track's modules of that theme (a student who misses cyber
 * questions gets the cyber modules of her track even when the questions name modules written
 * for other audiences). `outside`: the other modules tied to
 * missed questions, at most `maxOutside` (default 3), for going further. Without a track,
 * `inTrack` is empty and `outside` holds every gap module (uncapped), as `recommend` does.
 */
export function recommendByTrack(input: {
	questions: readonly PositioningQuestion[];
	answers: Answers;
	trackModuleIds?: readonly string[] | null;
	/** Theme of each module of the curriculum. */
	moduleThemes: Readonly<Record<string, string>>;
	maxOutside?: number;
}): { inTrack: string[]; outside: string[] } {
	const gaps = gapModules(input.questions, input.answers);
	if (!input.trackModuleIds) return { inTrack: [], outside: gaps };
	const track = new Set(input.trackModuleIds);
	const missed = input.questions.filter((q) => !isCorrect(q, selectedFor(input.answers, q.id)));
	const uncovered = new Set(THEMES.filter((t) => missed.some((q) => q.theme === t) && !missed.some((q) => q.theme === t && q.modules.some((m) => track.has(m)))) as string[]);
	const tied = new Set(gaps);
	const themeOf = (id: string) => (Object.hasOwn(input.moduleThemes, id) ? input.moduleThemes[id] : undefined);
	const inTrack = [...new Set(input.trackModuleIds.filter((id) => tied.has(id) || uncovered.has(themeOf(id) ?? '')))];
	const outside = gaps.filter((id) => !inTrack.includes(id)).slice(0, input.maxOutside ?? 3);
	return { inTrack, outside };
}

/** Keeps the answers to known questions, with choice ids that exist, deduplicated. */
export function cleanAnswers(questions: readonly DisplayQuestion[], answers: Answers): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const q of questions) {
		const sel = selectedFor(answers, q.id);
		if (!Array.isArray(sel)) continue;
		const ids = new Set(q.choices.map((c) => c.id));
		const kept = [...new Set(sel.filter((id) => ids.has(id)))];
		if (kept.length > 0) out[q.id] = kept;
	}
	return out;
}

/** The value to store once the learner submits the test. */
export function makeResult(questions: readonly DisplayQuestion[], answers: Answers, today: string): PositioningResult {
	if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${String(today)}`);
	const kept = cleanAnswers(questions, answers);
	const scores = scoreByTheme(questions, kept);
	return {
		takenOn: today,
		answers: kept,
		scores: Object.fromEntries(THEMES.map((t) => [t, scores[t].percent])) as Record<Theme, number>,
		asked: questions.map((q) => q.id),
	};
}

/** Reads a stored result; never throws. See the file comment for the rules. */
export function parsePositioning(raw: unknown): SectionParse<PositioningResult | null> {
	if (raw === undefined || raw === null) return { value: null };
	if (!isPlainObject(raw)) return { value: null, problem: 'corrupt' };
	const { takenOn, answers, scores } = raw;
	if (!isIsoDate(takenOn) || !isPlainObject(answers) || !isPlainObject(scores)) return { value: null, problem: 'corrupt' };
	const cleanScores = {} as Record<Theme, number>;
	for (const t of THEMES) {
		const v = Object.hasOwn(scores, t) ? scores[t] : undefined;
		if (!isIntInRange(v, 0, 100)) return { value: null, problem: 'corrupt' };
		cleanScores[t] = v;
	}
	let damaged = false;
	const cleanAnswered: Record<string, string[]> = {};
	const entries = Object.entries(answers);
	if (entries.length > MAX_ANSWERS) damaged = true;
	for (const [qid, sel] of entries.slice(0, MAX_ANSWERS)) {
		if (!isId(qid) || !Array.isArray(sel) || sel.length === 0 || sel.length > MAX_CHOICES || !sel.every(isId)) {
			damaged = true;
			continue;
		}
		cleanAnswered[qid] = [...new Set(sel as string[])];
	}
	const value: PositioningResult = { takenOn, answers: cleanAnswered, scores: cleanScores };
	if (raw.asked !== undefined) {
		if (Array.isArray(raw.asked) && raw.asked.length <= MAX_ANSWERS && raw.asked.every(isId)) value.asked = [...new Set(raw.asked as string[])];
		else damaged = true;
	}
	return damaged ? { value, problem: 'corrupt' } : { value };
}

const sections = new WeakMap<ProgressStore, Section<PositioningResult | null>>();

/**
 * The `positioning` section of a page's store, registered once per store (a store refuses a
 * second registration of the same name, so every island of a page goes through here).
 */
export function positioningSection(store: ProgressStore): Section<PositioningResult | null> {
	let s = sections.get(store);
	if (!s) {
		s = store.section('positioning', parsePositioning, POSITIONING_VERSION, { label: 'votre test de positionnement' });
		sections.set(store, s);
	}
	return s;
}

// ---------------------------------------------------------------- the questions file

/** What a zod `safeParse` returns, reduced to what the checks read. */
export type QuestionParse =
	| { success: true; data: { id: string; type: DisplayQuestion['type']; prompt: string; choices: { id: string; text: string }[]; correct: string[]; explanation: string } }
	| { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };

export interface PositioningProblem {
	/** Question id (or `#n`, its position, when it has none); null for the whole file. */
	question: string | null;
	field: string;
	message: string;
}

export interface PositioningFile {
	version: number;
	reviewed: string;
	nextReview: string | null;
	questions: DisplayQuestion[];
}

const asDate = (v: unknown): unknown => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v);

/**
 * Checks the parsed YAML of the questions file: every question passes `parseQuestion` (the
 * module quiz schema), has a known theme and at least one module, every module exists and
 * belongs to the question's theme, ids are unique, and every theme has a question.
 * `moduleThemes` maps each module id of the curriculum to its theme.
 */
export function validatePositioningFile(
	raw: unknown,
	opts: { parseQuestion: (q: unknown) => QuestionParse; moduleThemes: ReadonlyMap<string, string> },
): { file: PositioningFile | null; problems: PositioningProblem[] } {
	const problems: PositioningProblem[] = [];
	const fileProblem = (field: string, message: string) => problems.push({ question: null, field, message });
	if (!isPlainObject(raw)) {
		fileProblem('(fichier)', 'le fichier doit contenir un objet avec une liste « questions »');
		return { file: null, problems };
	}
	const version = raw.version;
	if (!isIntInRange(version, 1, 10_000)) fileProblem('version', 'entier positif attendu');
	const reviewed = asDate(raw.reviewed);
	if (!isIsoDate(reviewed)) fileProblem('reviewed', 'date attendue au format AAAA-MM-JJ');
	const nextReview = raw.nextReview === undefined ? null : asDate(raw.nextReview);
	if (nextReview !== null && !isIsoDate(nextReview)) fileProblem('nextReview', 'date attendue au format AAAA-MM-JJ');
	else if (nextReview !== null && isIsoDate(reviewed) && nextReview <= reviewed) fileProblem('nextReview', 'nextReview doit suivre reviewed');
	if (!Array.isArray(raw.questions) || raw.questions.length === 0) {
		fileProblem('questions', 'liste de questions attendue (au moins une)');
		return { file: null, problems };
	}

	const questions: DisplayQuestion[] = [];
	const seen = new Set<string>();
	raw.questions.forEach((q: unknown, i: number) => {
		const label = isPlainObject(q) && typeof q.id === 'string' && q.id ? q.id : `#${i + 1}`;
		const add = (field: string, message: string) => problems.push({ question: label, field, message });
		if (!isPlainObject(q)) {
			add('(question)', 'objet attendu');
			return;
		}
		const { theme, modules, difficulty, audiences, source, ...rest } = q;
		if (!(DIFFICULTIES as readonly unknown[]).includes(difficulty)) add('difficulty', 'difficulté attendue : 1 (facile), 2 (moyenne) ou 3 (difficile)');
		if (typeof source !== 'string' || source.trim().length < 10) add('source', 'source attendue : éditeur, titre et date, et le module qui l’enseigne');
		let audienceIds: Audience[] | undefined;
		if (audiences !== undefined) {
			if (!Array.isArray(audiences) || audiences.length === 0 || !audiences.every((a) => (AUDIENCES as readonly unknown[]).includes(a))) {
				add('audiences', `liste attendue parmi : ${AUDIENCES.join(', ')}`);
			} else audienceIds = [...new Set(audiences as Audience[])];
		}
		const themeOk = (THEMES as readonly unknown[]).includes(theme);
		if (!themeOk) add('theme', `thème attendu : ${THEMES.join(', ')}`);
		let moduleIds: string[] = [];
		if (!Array.isArray(modules) || modules.length === 0) add('modules', 'au moins un module attendu');
		else {
			moduleIds = modules.filter((m): m is string => typeof m === 'string');
			if (moduleIds.length !== modules.length) add('modules', 'identifiants de modules attendus (texte)');
			if (new Set(moduleIds).size !== moduleIds.length) add('modules', 'module en double');
			moduleIds.forEach((m, j) => {
				const mt = opts.moduleThemes.get(m);
				if (mt === undefined) add(`modules[${j}]`, `le module « ${m} » n'existe pas`);
				else if (themeOk && mt !== theme) add(`modules[${j}]`, `le module « ${m} » est du thème « ${mt} », pas « ${String(theme)} »`);
			});
		}
		const parsed = opts.parseQuestion(rest);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) add(issue.path.map(String).join('.') || '(question)', issue.message);
			return;
		}
		if (seen.has(parsed.data.id)) add('id', `identifiant « ${parsed.data.id} » en double`);
		seen.add(parsed.data.id);
		if (!themeOk) return;
		const d = parsed.data;
		questions.push({
			id: d.id,
			type: d.type,
			prompt: d.prompt,
			choices: d.choices.map((c) => ({ id: c.id, text: c.text })),
			correct: [...d.correct],
			explanation: d.explanation,
			theme: theme as Theme,
			modules: moduleIds,
			difficulty: difficulty as Difficulty,
			...(audienceIds ? { audiences: audienceIds } : {}),
			source: source as string,
		});
	});
	if (problems.length === 0) {
		for (const t of THEMES) {
			if (!questions.some((q) => q.theme === t)) fileProblem('questions', `aucune question pour le thème « ${t} »`);
		}
	}
	if (problems.length > 0) return { file: null, problems };
	return {
		file: { version: version as number, reviewed: reviewed as string, nextReview: nextReview as string | null, questions },
		problems,
	};
}

/** One line per problem, naming the file, the question and the field, as the build prints it. */
export function formatPositioningProblems(problems: readonly PositioningProblem[], file = POSITIONING_FILE): string {
	return problems
		.map((p) => `  ${file} → ${p.question === null ? '' : `question « ${p.question} » → `}${p.field} : ${p.message}`)
		.join('\n');
}

// ---------------------------------------------------------------- UI strings

/** French strings of the island, resolved at build and passed as props. */
export const positioningLabels = {
	profileLegend: 'Votre parcours (facultatif)',
	profileHint: 'Pour vous recommander les modules de votre parcours, dans son ordre. Vous pourrez en changer sur la page des parcours.',
	settingLegend: 'Votre lieu d’exercice',
	noProfile: 'Je ne choisis pas maintenant',
	currentTrack: 'Votre parcours : {{track}}. Les recommandations suivront son ordre.',
	changeTrack: 'Changer de parcours',
	question: 'Question {{n}} sur {{total}}',
	single: 'Une seule réponse.',
	multiple: 'Plusieurs réponses possibles : la réponse compte si vous cochez toutes les bonnes réponses et aucune mauvaise.',
	truefalse: 'Vrai ou faux.',
	submit: 'Voir mes résultats',
	missingOne: 'Vous n’avez pas répondu à une question :',
	missingMany: 'Vous n’avez pas répondu à {{count}} questions :',
	missingThen: 'Répondez-y, ou choisissez à nouveau « Voir mes résultats » : une question sans réponse comptera comme un point à revoir.',
	questionRef: 'question {{n}}',
	resultsTitle: 'Vos résultats',
	takenOn: 'Test passé le {{date}}. Ce résultat n’est enregistré que dans ce navigateur.',
	themeScore: '{{correct}} sur {{total}} ({{percent}} %)',
	recommendedTitle: 'Vos modules recommandés',
	recommendedIntro: 'Les modules de votre parcours qui traitent des points manqués, ou de leur thème, dans l’ordre du parcours « {{track}} » :',
	recommendedNoTrack: 'Les modules qui traitent des questions manquées :',
	noTrackHint: 'Choisissez votre parcours pour obtenir ces recommandations dans l’ordre de votre métier.',
	allRight: 'Toutes vos réponses sont justes : aucun point faible repéré. Poursuivez votre parcours à votre rythme ; les modules approfondissent chaque thème.',
	noneInTrack: 'Votre parcours ne comporte pas de module sur les points manqués. Les modules ci-dessous les traitent.',
	outsideTitle: 'Pour aller plus loin, hors de votre parcours',
	goTrack: 'Aller à mon parcours',
	goTracks: 'Voir les parcours',
	minutes: '{{minutes}} min',
	detailTitle: 'Le détail, question par question',
	yourAnswer: 'Votre réponse : {{answer}}',
	noAnswer: 'Votre réponse : aucune',
	rightAnswer: 'Bonne réponse : {{answer}}',
	right: 'Juste',
	wrong: 'À revoir',
	taughtIn: 'Pour en savoir plus :',
	retake: 'Refaire le test',
	backToResult: 'Revenir à mon résultat',
	erase: 'Effacer ce résultat',
	erased: 'Votre résultat a été effacé de ce navigateur.',
	memory: 'Votre navigateur ne permet pas d’enregistrer le résultat (navigation privée ou stockage bloqué) : le test fonctionne, mais le résultat sera perdu à la fermeture de la page.',
} as const;
export type PositioningLabels = typeof positioningLabels;
