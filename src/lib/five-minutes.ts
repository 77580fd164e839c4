/**
 * « J'ai 5 minutes »: what a learner with one short break can finish, taken from their own
 * track. The next unfinished step of the first unfinished module (a step is 1 to 3 minutes), or
 * its case when the steps are done, or its quiz when only the quiz is left (answers are kept one
 * by one, so an interrupted quiz is not lost); plus the review questions due, which also fit.
 *
 * Plain data in, plain data out: the home page reads the progress and the lesson state and
 * renders the offer as text.
 */
import { AT_CASE, AT_QUIZ, type LessonsState, getLesson } from './lesson/state';

/** What the page embeds for each lesson module: steps (id, title, minutes), case and quiz minutes. */
export interface FiveMinuteModule {
	title: string;
	steps: { id: string; title: string; minutes: number }[];
	caseMinutes: number;
	quizMinutes: number;
}

export type FiveMinuteOffer =
	| { kind: 'step'; moduleId: string; moduleTitle: string; stepId: string; stepTitle: string; n: number; count: number; minutes: number }
	| { kind: 'case'; moduleId: string; moduleTitle: string; minutes: number }
	| { kind: 'quiz'; moduleId: string; moduleTitle: string; minutes: number }
	| { kind: 'done' };

/** About one minute per review question: short questions, already met once. */
export const MINUTES_PER_REVIEW = 0.75;

/**
 * The offer for a track (module ids in order). Modules already completed are skipped, and so are
 * modules not written as steps (nothing short to serve). `completed` holds completed module ids.
 */
export function pickFiveMinutes(
	trackIds: readonly string[],
	modules: Readonly<Record<string, FiveMinuteModule>>,
	completed: ReadonlySet<string>,
	lessons: LessonsState,
): FiveMinuteOffer {
	for (const id of trackIds) {
		if (completed.has(id) || !Object.hasOwn(modules, id)) continue;
		const m = modules[id];
		if (!m.steps.length) continue;
		const entry = getLesson(lessons, id);
		const at = entry?.at ?? m.steps[0].id;
		const i = m.steps.findIndex((s) => s.id === at);
		if (i >= 0) {
			const s = m.steps[i];
			return { kind: 'step', moduleId: id, moduleTitle: m.title, stepId: s.id, stepTitle: s.title, n: i + 1, count: m.steps.length, minutes: minutesShown(s.minutes) };
		}
		if (at === AT_CASE && !entry?.choice) return { kind: 'case', moduleId: id, moduleTitle: m.title, minutes: minutesShown(m.caseMinutes) };
		if (at === AT_CASE || at === AT_QUIZ) return { kind: 'quiz', moduleId: id, moduleTitle: m.title, minutes: minutesShown(m.quizMinutes) };
		// A position this version of the module no longer has: start it again at its first step.
		const s = m.steps[0];
		return { kind: 'step', moduleId: id, moduleTitle: m.title, stepId: s.id, stepTitle: s.title, n: 1, count: m.steps.length, minutes: minutesShown(s.minutes) };
	}
	return { kind: 'done' };
}

/** Whole minutes as shown on the page, at least 1. */
export function minutesShown(exact: number): number {
	return Math.max(1, Math.round(exact));
}

/** Minutes the due review questions take, as shown (0 when none is due). */
export function reviewMinutes(dueQuestions: number): number {
	return dueQuestions > 0 ? minutesShown(dueQuestions * MINUTES_PER_REVIEW) : 0;
}

/** The offer as one plain French sentence (text only, never HTML). */
export function offerText(offer: FiveMinuteOffer): string {
	switch (offer.kind) {
		case 'step':
			return `Étape ${offer.n} sur ${offer.count} de « ${offer.moduleTitle} » : ${offer.stepTitle} (environ ${offer.minutes} min).`;
		case 'case':
			return `Le cas à décider de « ${offer.moduleTitle} » (environ ${offer.minutes} min).`;
		case 'quiz':
			return `Le quiz de « ${offer.moduleTitle} » (environ ${offer.minutes} min ; chaque réponse est gardée si vous êtes appelé·e).`;
		case 'done':
			return 'Votre parcours est terminé : les questions à revoir entretiennent ce que vous avez appris.';
	}
}

/** The text of the review part: '' when nothing is due. */
export function reviewText(dueQuestions: number): string {
	if (dueQuestions <= 0) return '';
	const q = dueQuestions > 1 ? `${dueQuestions} questions à revoir` : '1 question à revoir';
	return `Et ${q} aujourd'hui (environ ${reviewMinutes(dueQuestions)} min).`;
}
