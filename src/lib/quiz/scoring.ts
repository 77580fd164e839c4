/**
 * Quiz scoring, pure. A question counts as right only when the learner selected exactly the set
 * of right choices: one id for `single` and `truefalse`, every right id and no wrong one for
 * `multiple` (all-or-nothing, no partial credit, so guessing "tick everything" never pays).
 * A module is passed at PASS_MARK percent of right answers, on the exact ratio. The percentage
 * shown is rounded to the nearest (4/6 → 67 %), except that a failed score never shows as the
 * pass mark or above (79/99 shows 79 %, not 80 %).
 */
import type { QuestionType } from '../taxonomy';
import { percentOf } from '../format';

/** Percentage of right answers needed to pass a module (and mark it completed). */
export const PASS_MARK = 80;

/** The multiple-choice rule, as shown to learners above such questions. */
export const MULTIPLE_RULE_FR =
	'Question à réponses multiples : la réponse compte si vous cochez toutes les bonnes réponses et aucune mauvaise.';

/** The fields of a quiz question that scoring needs (a `Question` from the schemas fits). */
export interface ScorableQuestion {
	id: string;
	type: QuestionType;
	/** Ids of the right choices. */
	correct: readonly string[];
}

/** Selected choice ids by question id. */
export type Answers = Readonly<Record<string, readonly string[] | undefined>>;

/** Outcome of one quiz attempt. */
export interface QuizScore {
	/** Questions answered right. */
	correct: number;
	/** Questions in the quiz. */
	total: number;
	/** Integer 0–100, rounded down. */
	percent: number;
	/** percent >= PASS_MARK. */
	passed: boolean;
	/** Ids of the questions not answered right (unanswered ones included), in quiz order. */
	missed: string[];
}

/** True when `selectedIds` is exactly the set of right ids (order and duplicates do not matter). */
export function isCorrect(question: ScorableQuestion, selectedIds: readonly string[] | undefined): boolean {
	if (!Array.isArray(selectedIds) || question.correct.length === 0) return false;
	const selected = new Set(selectedIds);
	const right = new Set(question.correct);
	if (question.type !== 'multiple' && right.size !== 1) return false;
	if (selected.size !== right.size) return false;
	for (const id of selected) if (!right.has(id)) return false;
	return true;
}

/** Scores a whole quiz. An empty quiz scores 0 % and is not passed. */
export function scoreQuiz(questions: readonly ScorableQuestion[], answers: Answers): QuizScore {
	let correct = 0;
	const missed: string[] = [];
	for (const q of questions) {
		// Own properties only: a question id such as "constructor" must not read Object.prototype.
		const selected = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
		if (isCorrect(q, selected)) correct += 1;
		else missed.push(q.id);
	}
	const total = questions.length;
	const passed = total > 0 && correct * 100 >= PASS_MARK * total;
	const rounded = percentOf(correct, total);
	const percent = !passed && rounded >= PASS_MARK ? PASS_MARK - 1 : rounded;
	return { correct, total, percent, passed, missed };
}
