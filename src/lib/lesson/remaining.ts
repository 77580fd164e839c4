/**
 * « Ce qu'il reste » (issue 14 item 3): the minutes left in a lesson, from the exact minutes the
 * build computed for each part (`lessonTime` in duration.ts), so that the figure always agrees
 * with the one the module, the track and the home page show. Pure.
 *
 * What counts as done:
 * - a step with a check: its check answered (checks are formative, but answering is the sign the
 *   step was worked through); a step without a check (the last one): the learner moved past it;
 * - the case: an option chosen;
 * - the quiz: each question answered in the attempt under way; every question once the module
 *   is completed and no new attempt is under way.
 */
import { displayMinutes } from '../duration';
import type { LessonEntry } from './state';

export interface LessonMinutes {
	/** Steps in order, with the id of their check (absent on the last step) and exact minutes. */
	steps: { id: string; check?: string; minutes: number }[];
	case: number;
	/** Each quiz question's exact minutes. */
	quiz: { id: string; minutes: number }[];
}

/** Exact minutes left. */
export function minutesLeft(parts: LessonMinutes, entry: LessonEntry | undefined, completed: boolean): number {
	let left = 0;
	parts.steps.forEach((s, i) => {
		const done = s.check ? !!entry && Object.hasOwn(entry.checks, s.check) : !!entry && entry.far > i;
		if (!done) left += s.minutes;
	});
	if (!entry?.choice) left += parts.case;
	const answers = entry?.quiz?.answers;
	if (answers) {
		for (const q of parts.quiz) if (!Object.hasOwn(answers, q.id)) left += q.minutes;
	} else if (!completed) {
		for (const q of parts.quiz) left += q.minutes;
	}
	return left;
}

/** What the page says: « Ce qu’il reste : environ 9 min », or that nothing is left. */
export function minutesLeftLabel(exact: number): string {
	return exact <= 0 ? 'Ce qu’il reste : rien, le module est terminé' : `Ce qu’il reste : environ ${displayMinutes(exact)} min`;
}

/** Keeps a build-time figure short in the HTML (two decimals are plenty for a sum of minutes). */
export function minutesAttr(exact: number): string {
	return String(Math.round(exact * 100) / 100);
}

