/**
 * Reading-time estimate used everywhere a duration is shown: words ÷ 200 per minute for what
 * the learner reads, plus 0.75 minute per quiz question. Authors declare a duration too; the
 * content tests keep it within ±25 % of this estimate.
 */

export const WORDS_PER_MINUTE = 200;
export const MINUTES_PER_QUESTION = 0.75;

/** Strips MDX syntax that is not read (imports, exports, JSX tags, markdown marks, URLs). */
export function readableText(mdx: string): string {
	return mdx
		.replace(/^\s*(import|export)\s.*$/gm, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/[#*_>`|[\]{}]/g, ' ');
}

/** Counts words the way a reader does: runs of letters or digits, apostrophes kept inside words. */
export function countWords(text: string): number {
	const m = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
	return m ? m.length : 0;
}

/** Exact estimate in minutes (not rounded). */
export function estimateMinutesExact(words: number, questionCount: number): number {
	return words / WORDS_PER_MINUTE + questionCount * MINUTES_PER_QUESTION;
}

/** Estimate in whole minutes, at least 1. */
export function estimateMinutes(words: number, questionCount: number): number {
	return Math.max(1, Math.round(estimateMinutesExact(words, questionCount)));
}

/** The words a learner reads in a module: body, case, key points. */
export function moduleWordCount(body: string, data: { case: { situation: string; debrief: string }; keyPoints: string[] }): number {
	return (
		countWords(readableText(body)) +
		countWords(data.case.situation) +
		countWords(data.case.debrief) +
		data.keyPoints.reduce((n, k) => n + countWords(k), 0)
	);
}

// ---------------------------------------------------------------- lessons

/**
 * Reading rate for lessons, in words per minute. Adults read English non-fiction silently at
 * 238 wpm on average, most between 175 and 300 (Brysbaert, Journal of Memory and Language 2019,
 * meta-analysis of 190 studies); simple standardised texts read aloud in 17 languages, French
 * included, average 184 ± 29 wpm (IReST, Trauzettel-Klosinski & Dietz, IOVS 2012). Our readers
 * read legal and medical French carefully, often on a phone and between two tasks: we take
 * 150 wpm, below the usual adult range, so that a step announced as 2 minutes takes 2 minutes.
 */
export const LESSON_WORDS_PER_MINUTE = 150;
/**
 * Seconds to choose an answer once a question is read. A question costs what is read (prompt and
 * choices, then the explanation after answering) at the lesson rate, plus this. Cross-check:
 * college students answering online multiple-choice questions took 39 s per question on average,
 * less in formative quizzes than in unit tests (Kennette & McGuckin, « Best Practice for Online
 * Tests: How Long Do Students Actually Need? », Teaching & Learning Inquiry 13, 2025,
 * doi:10.20343/teachlearninqu.13.35); a typical 60-word question here comes to 34 s before its
 * explanation.
 */
export const SECONDS_TO_ANSWER = 10;
/** The case: besides reading it (options and one feedback included), time to weigh the options. */
export const MINUTES_TO_DECIDE = 0.5;

/** What a question is made of, for its time. */
export interface TimedQuestion {
	prompt: string;
	choices: { text: string }[];
	explanation: string;
}

/** Minutes of one question (a step check or a quiz question): read, choose, read the explanation. */
export function questionMinutes(q: TimedQuestion): number {
	const read = countWords(q.prompt) + q.choices.reduce((n, c) => n + countWords(c.text), 0);
	return (read + countWords(q.explanation)) / LESSON_WORDS_PER_MINUTE + SECONDS_TO_ANSWER / 60;
}

/** Minutes of one step: its prose at the lesson rate, plus its check. */
export function stepMinutesExact(words: number, check?: TimedQuestion | null): number {
	return words / LESSON_WORDS_PER_MINUTE + (check ? questionMinutes(check) : 0);
}

/** What a lesson's time is made of, in exact minutes (rounded only for display). */
export interface LessonTime {
	steps: { id: string; minutes: number }[];
	case: number;
	quiz: number;
	total: number;
}

/** The words of a decision case: situation, question, every option (feedback read for one), debrief. */
export function caseWords(c: { situation: string; question?: string; options?: { text: string; feedback: string }[]; debrief: string }): number {
	const options = c.options ?? [];
	const feedback = options.length ? options.reduce((n, o) => n + countWords(o.feedback), 0) / options.length : 0;
	return (
		countWords(c.situation) +
		countWords(c.question ?? '') +
		options.reduce((n, o) => n + countWords(o.text), 0) +
		feedback +
		countWords(c.debrief)
	);
}

/** A lesson's time: each step (prose and check), the case, the quiz. */
export function lessonTime(
	steps: { id: string; words: number; check?: TimedQuestion | null }[],
	caseWordCount: number,
	quiz: TimedQuestion[],
): LessonTime {
	const s = steps.map((x) => ({ id: x.id, minutes: stepMinutesExact(x.words, x.check) }));
	const c = caseWordCount / LESSON_WORDS_PER_MINUTE + MINUTES_TO_DECIDE;
	const q = quiz.reduce((n, x) => n + questionMinutes(x), 0);
	return { steps: s, case: c, quiz: q, total: s.reduce((n, x) => n + x.minutes, 0) + c + q };
}

/** Whole minutes for display, at least 1. */
export function displayMinutes(exact: number): number {
	return Math.max(1, Math.round(exact));
}
