/**
 * Small-group suppression for the team view: no group of fewer than five respondents is ever
 * shown, and none can be worked out by subtracting the figures shown from a total.
 *
 * ## Rules
 *
 * k = `MIN_GROUP` = 5.
 *
 * **Single-choice questions** (`suppressExclusive`): the cells are exclusive and add up to the
 * number of respondents N, which is always shown.
 *
 * 1. N < k: the whole question is withheld (« moins de 5 réponses »), total included.
 * 2. Primary suppression: a cell of 0 to 4 respondents is shown as « < 5 ». An empty cell is
 *    hidden like a small one: a printed 0 says something about every respondent (« nobody
 *    here uses an approved tool »), and a 0 that turns into « < 5 » after one late file tells
 *    which way that person answered (issue 16, item 9).
 * 3. Complementary suppression: while the hidden cells are not safe (below), the smallest
 *    shown non-empty cell is hidden too, shown as « masqué » (ties: the first in question
 *    order). With exactly one small cell this hides the next smallest, so N minus the shown
 *    cells no longer gives it.
 * 4. The hidden cells are safe when (a) together they hold at least k respondents (their sum,
 *    which anyone can compute as N minus the shown cells, is not itself a small group) and (b)
 *    no small cell can be computed exactly: knowing that each « < 5 » cell holds 0 to 4, each
 *    « masqué » cell at least k, and their sum, every small cell still has at least two
 *    possible values (`feasibleRange`).
 * 5. If no shown cell is left to hide and the cells are still not safe, every cell of the
 *    question is withheld (« masqué »), empty ones included; only N stays.
 *
 * **Multiple-choice questions** (`suppressBinary`): each option is its own yes/no split of the
 * people asked (the base). Counts do not add up to anything, so there is nothing to subtract
 * between options; but within one option, « named it » and « did not name it » are two groups:
 *
 * - base < k: the question is withheld;
 * - a count of 0 to 4: « < 5 » (0 is hidden too, for the reason of rule 2);
 * - a count within 4 of the base (0 to 4 people did not name it, so « everyone » too): « plus
 *   de base − 5 » (`near-total`), or « masqué » when the base itself is not public;
 * - otherwise the exact count.
 *
 * **Derived figures** (percentages, shadow-AI share, the tool users who form the base of the
 * usage question) are only published when they can be computed from figures already shown:
 * they then reveal nothing new.
 */

/** Smallest group ever shown. */
export const MIN_GROUP = 5;

/**
 * How a cell is published: `shown` (exact), `small` (« < 5 »), `masked` (hidden so that a
 * small cell cannot be worked out: « masqué »), `near-total` (« plus de … »), `withheld`
 * (the whole question is hidden).
 */
export type CellMark = 'shown' | 'small' | 'masked' | 'near-total' | 'withheld';

export interface ExclusiveSuppression {
	marks: CellMark[];
	/** False when the total itself is below k. */
	totalShown: boolean;
}

/** Bounds an outsider can infer for a hidden cell from its mark. */
function bounds(mark: CellMark, total: number, k: number): [number, number] {
	return mark === 'small' ? [0, k - 1] : [k, total];
}

/**
 * The values a hidden cell can take for someone who sees the published table: the shown cells,
 * the total, the marks, and the rules above. [min, max] inclusive.
 */
export function feasibleRange(counts: readonly number[], marks: readonly CellMark[], index: number, k = MIN_GROUP): [number, number] {
	const total = counts.reduce((a, b) => a + b, 0);
	const hidden = marks.map((m, i) => (m === 'small' || m === 'masked' ? i : -1)).filter((i) => i >= 0);
	const sum = hidden.reduce((a, i) => a + counts[i], 0);
	const [lo, hi] = bounds(marks[index], total, k);
	let othersLo = 0;
	let othersHi = 0;
	for (const j of hidden) {
		if (j === index) continue;
		const [l, h] = bounds(marks[j], total, k);
		othersLo += l;
		othersHi += h;
	}
	return [Math.max(lo, sum - othersHi), Math.min(hi, sum - othersLo)];
}

/** Rule 4: the hidden cells hold 0 or at least k people, and no small cell is determined. */
export function isProtected(counts: readonly number[], marks: readonly CellMark[], k = MIN_GROUP): boolean {
	const hidden = marks.map((m, i) => (m === 'small' || m === 'masked' ? i : -1)).filter((i) => i >= 0);
	if (hidden.length === 0) return true;
	const sum = hidden.reduce((a, i) => a + counts[i], 0);
	if (sum < k) return false;
	for (const i of hidden) {
		if (marks[i] !== 'small') continue;
		const [min, max] = feasibleRange(counts, marks, i, k);
		if (max - min < 1) return false;
	}
	return true;
}

/** Suppression for a single-choice question (rules 1–5). `counts` are in question order. */
export function suppressExclusive(counts: readonly number[], k = MIN_GROUP): ExclusiveSuppression {
	for (const c of counts) if (!Number.isInteger(c) || c < 0) throw new Error('counts must be non-negative integers');
	const total = counts.reduce((a, b) => a + b, 0);
	if (total < k) return { marks: counts.map(() => 'withheld'), totalShown: false };
	const marks: CellMark[] = counts.map((c) => (c < k ? 'small' : 'shown'));
	while (!isProtected(counts, marks, k)) {
		let next = -1;
		for (let i = 0; i < counts.length; i += 1) {
			if (marks[i] !== 'shown') continue;
			if (next === -1 || counts[i] < counts[next]) next = i;
		}
		if (next === -1) return { marks: counts.map(() => 'withheld'), totalShown: true };
		marks[next] = 'masked';
	}
	return { marks, totalShown: true };
}

/** Suppression for one option of a multiple-choice question (see the rules above). */
export function suppressBinary(count: number, base: number, k = MIN_GROUP): CellMark {
	if (!Number.isInteger(count) || !Number.isInteger(base) || count < 0 || count > base) {
		throw new Error('count must be an integer between 0 and the base');
	}
	if (base < k) return 'withheld';
	if (count < k) return 'small';
	if (base - count < k) return 'near-total';
	return 'shown';
}
