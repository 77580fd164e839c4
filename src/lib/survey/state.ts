/**
 * What the questionnaire keeps in the browser: the `survey` section of the progress store
 * (key `pias:<ns>:survey:v1`), and a read-only view of the `positioning` section written by
 * the positioning page.
 *
 * ## Stored shape (`survey`, version 1)
 *
 * ```ts
 * { answers: { profession: 'infirmier', tools: ['chatbot'], … },  // option ids only
 *   id: 'k3j9x2m4q8w7hbnc' | null }                               // snapshot id, drawn at first save
 * ```
 *
 * Cases (`parseSurveyState`): nothing stored gives the empty state; not an object is corrupt;
 * an unknown question, option or a bad id is dropped and reported as corrupt (the store sets the
 * raw value aside), the rest is kept. Answers are saved only once complete, so what is read back
 * is normally complete; a partial value (after a drop) simply asks the missing questions again.
 */
import { isPlainObject } from '../progress/model';
import type { SectionParse } from '../progress/store';
import { optionOf, QUESTIONS, type Answers, type QuestionId } from './questions';
import { isSnapshotId } from './snapshot';

/** Name and version of the store section. */
export const SURVEY_SECTION = 'survey';
export const SURVEY_VERSION = 1;
/** French noun phrase for the store's notices. */
export const SURVEY_LABEL = 'vos réponses au questionnaire';

/** Name, version and label of the positioning section (owned by the positioning page). */
export const POSITIONING_SECTION = 'positioning';
export const POSITIONING_VERSION = 1;
export const POSITIONING_LABEL = 'votre positionnement';

export interface SurveyState {
	answers: Answers;
	/** Random snapshot id, drawn when the answers are first saved; null before. */
	id: string | null;
}

export function emptySurveyState(): SurveyState {
	return { answers: {}, id: null };
}

/** Reads the stored `survey` value; never throws, never invents an answer. */
export function parseSurveyState(raw: unknown): SectionParse<SurveyState> {
	const value = emptySurveyState();
	if (raw === undefined || raw === null) return { value };
	if (!isPlainObject(raw)) return { value, problem: 'corrupt' };
	let corrupt = false;
	if (raw.id !== undefined && raw.id !== null) {
		if (isSnapshotId(raw.id)) value.id = raw.id;
		else corrupt = true;
	}
	const answers = raw.answers;
	if (answers !== undefined) {
		if (!isPlainObject(answers)) corrupt = true;
		else {
			for (const key of Object.keys(answers)) if (!QUESTIONS.some((q) => q.id === key)) corrupt = true;
			for (const q of QUESTIONS) {
				const id = q.id as QuestionId;
				if (!Object.hasOwn(answers, id)) continue;
				const v = answers[id];
				if (q.kind === 'single') {
					if (typeof v === 'string' && optionOf(q, v)) value.answers[id] = v;
					else corrupt = true;
				} else if (Array.isArray(v)) {
					const kept = q.options.filter((o) => v.includes(o.id)).map((o) => o.id);
					if (kept.length !== v.length) corrupt = true;
					if (kept.length > 0) value.answers[id] = kept;
				} else corrupt = true;
			}
		}
	}
	return corrupt ? { value, problem: 'corrupt' } : { value };
}

/** Positioning scores as this page reads them: by theme, any number (checked when exported). */
export type RawPositioning = Partial<Record<string, unknown>> | null;

/**
 * A read-only parser for the `positioning` section, registered by the questionnaire page only
 * to read `{ scores: { usages?, cybersecurite?, reglementation? } }`. It never reports a
 * problem: the section belongs to the positioning page, and this page must neither set its
 * value aside nor raise a notice about it. Anything unexpected reads as « no scores ».
 */
export function parsePositioningScores(raw: unknown): SectionParse<RawPositioning> {
	if (!isPlainObject(raw) || !isPlainObject(raw.scores)) return { value: null };
	const scores: Record<string, unknown> = {};
	for (const theme of ['usages', 'cybersecurite', 'reglementation']) {
		if (Object.hasOwn(raw.scores, theme)) scores[theme] = raw.scores[theme];
	}
	return { value: scores };
}
