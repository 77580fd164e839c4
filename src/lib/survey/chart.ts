/**
 * Geometry of the plain inline SVG bar charts of the team view (no chart library): one row per
 * answer, the label on its own line above a horizontal bar, the published figure after the bar.
 * Hidden cells get no bar, only their text (« < 5 », « masqué »); a near-total cell (« plus de
 * 25 ») gets a bar up to its lower bound, drawn hatched. Pure: the island renders the result.
 */
import type { PublishedCell, PublishedDimension } from './aggregate';

export const CHART_WIDTH = 520;
const LABEL_LINE = 20;
const BAR_HEIGHT = 18;
const ROW_GAP = 12;
const VALUE_SPACE = 100;
const PAD = 4;
/** Longest label drawn in full (about the width of the chart at 14 px). */
export const MAX_LABEL_CHARS = 60;

export interface ChartBar {
	key: string;
	label: string;
	display: string;
	/** Baseline of the label text. */
	labelY: number;
	barY: number;
	barHeight: number;
	/** 0 for hidden cells. */
	barWidth: number;
	/** True for a near-total bar drawn up to its lower bound. */
	lowerBound: boolean;
	valueX: number;
	valueY: number;
}

export interface ChartLayout {
	width: number;
	height: number;
	bars: ChartBar[];
}

/** A label cut to `max` characters with an ellipsis. */
export function truncateLabel(label: string, max = MAX_LABEL_CHARS): string {
	const chars = [...label];
	return chars.length <= max ? label : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Lays out a dimension's cells. */
export function layoutBarChart(cells: readonly PublishedCell[], width = CHART_WIDTH): ChartLayout {
	const values = cells.map((c) => (c.count !== null ? c.count : c.above !== null ? c.above : 0));
	const max = Math.max(1, ...values);
	const track = width - VALUE_SPACE - PAD;
	const rowHeight = LABEL_LINE + BAR_HEIGHT + ROW_GAP;
	const bars = cells.map((c, i): ChartBar => {
		const top = PAD + i * rowHeight;
		const barWidth = values[i] > 0 ? Math.max(2, Math.round((values[i] / max) * track)) : 0;
		return {
			key: c.id,
			label: truncateLabel(c.short),
			display: c.display,
			labelY: top + 15,
			barY: top + LABEL_LINE,
			barHeight: BAR_HEIGHT,
			barWidth,
			lowerBound: c.count === null && c.above !== null,
			valueX: PAD + barWidth + 8,
			valueY: top + LABEL_LINE + 14,
		};
	});
	return { width, height: PAD * 2 + cells.length * rowHeight - ROW_GAP, bars };
}

/**
 * The chart's accessible name: what it shows, how many people, the three largest published
 * figures, and where the full figures are.
 */
export function chartSummary(d: PublishedDimension): string {
	const shown = d.cells
		.filter((c) => c.count !== null || c.above !== null)
		.map((c) => ({ c, v: c.count ?? c.above! + 1 }))
		.sort((a, b) => b.v - a.v)
		.slice(0, 3)
		.map(({ c }) => `${c.short} : ${c.display}`);
	const who = d.base !== null ? `${d.base} personnes` : d.baseDisplay === 'non publié' ? 'effectif non publié' : `${d.baseDisplay} personnes`;
	const lead = `${d.title} : diagramme en barres, ${who}.`;
	const top = shown.length > 0 ? ` Les plus fréquents : ${shown.join(' ; ')}.` : ' Aucun chiffre publiable.';
	return `${lead}${top} Tous les chiffres sont dans le tableau qui suit.`;
}
