/**
 * What the module page needs to draw a lesson, computed once per page at build time and shared
 * with the `<Step>` blocks of the MDX body through `Astro.locals` (the body only says
 * `<Step id="…">`; titles, checks and minutes come from the validated frontmatter).
 */
import { displayMinutes, type LessonTime } from '../duration';
import type { Question, StepData } from '../schemas';
import { stepAnchor } from './steps';

export interface StepView {
	id: string;
	/** 1-based position. */
	n: number;
	title: string;
	anchor: string;
	/** Rounded minutes shown next to the title. */
	minutes: number;
	/** Exact minutes (for « Ce qu'il reste »). */
	exact: number;
	check?: Question;
	last: boolean;
}

export interface LessonView {
	moduleId: string;
	steps: StepView[];
	count: number;
}

export function lessonView(moduleId: string, steps: readonly StepData[], time: LessonTime): LessonView {
	const minutes = new Map(time.steps.map((s) => [s.id, s.minutes]));
	return {
		moduleId,
		count: steps.length,
		steps: steps.map((s, i) => ({
			id: s.id,
			n: i + 1,
			title: s.title,
			anchor: stepAnchor(s.id),
			minutes: displayMinutes(minutes.get(s.id) ?? 1),
			exact: minutes.get(s.id) ?? 1,
			check: s.check,
			last: i === steps.length - 1,
		})),
	};
}

/** Key under which the module page leaves the lesson view in `Astro.locals`. */
export const LESSON_LOCAL = 'piasLesson';
