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
