/**
 * The team picture, computed in the browser from many snapshots: counts by question, barriers
 * ranked, share of unapproved tools among tool users (shadow AI), positioning means, and the
 * modules to start with. Everything published goes through `suppress.ts` first; the raw counts
 * of hidden cells never leave this file (published cells carry `count: null`).
 *
 * Files come in batches (`addFiles`): each is parsed alone, so one bad file never spoils the
 * others, and a file whose snapshot id was already counted is skipped as a duplicate.
 */
import { THEMES, type Theme } from '../taxonomy';
import {
	AGE_BAND,
	APPROVAL,
	BARRIERS,
	PROFESSION,
	REGION,
	SECTOR,
	TOOLS,
	TRAINING_FORMAT,
	TRAINING_THEMES,
	USES,
	answerList,
	usesTools,
	type OptionDef,
	type QuestionDef,
	type QuestionId,
} from './questions';
import { recommendForBarriers, UNAPPROVED_TOOL_MODULES, type Recommendation } from './recommend';
import { parseSnapshot, SKIP_MESSAGES, type SkipReason, type Snapshot } from './snapshot';
import { MIN_GROUP, suppressBinary, suppressExclusive, type CellMark } from './suppress';

// ---------------------------------------------------------------- loading files

/** Most files taken in one session (a large team; far beyond any ward). */
export const MAX_FILES = 2000;

export interface SkippedFile {
	name: string;
	reason: SkipReason;
	/** French, short: why the file was skipped. */
	message: string;
}

export interface LoadState {
	snapshots: Snapshot[];
	/** Names of the counted files, parallel to `snapshots`. */
	names: string[];
	skipped: SkippedFile[];
}

/** A file as the page hands it over: its name, and its text or why it could not be read. */
export type IncomingFile = { name: string; text: string } | { name: string; skip: SkipReason };

export function emptyLoadState(): LoadState {
	return { snapshots: [], names: [], skipped: [] };
}

/** Adds a batch of files (pure: returns a new state). */
export function addFiles(state: LoadState, files: readonly IncomingFile[]): LoadState {
	const next: LoadState = { snapshots: [...state.snapshots], names: [...state.names], skipped: [...state.skipped] };
	const seen = new Set(next.snapshots.map((s) => s.id));
	for (const f of files) {
		const name = String(f.name).slice(0, 200);
		if (next.snapshots.length + next.skipped.length >= MAX_FILES) {
			next.skipped.push({ name, reason: 'too-many', message: SKIP_MESSAGES['too-many'](MAX_FILES) });
			continue;
		}
		if ('skip' in f) {
			next.skipped.push({ name, reason: f.skip, message: skipMessage(f.skip) });
			continue;
		}
		const r = parseSnapshot(f.text);
		if (!r.ok) {
			next.skipped.push({ name, reason: r.reason, message: r.message });
			continue;
		}
		if (seen.has(r.snapshot.id)) {
			next.skipped.push({ name, reason: 'duplicate', message: SKIP_MESSAGES.duplicate() });
			continue;
		}
		seen.add(r.snapshot.id);
		next.snapshots.push(r.snapshot);
		next.names.push(name);
	}
	return next;
}

/** The message of a reason found before parsing (size, read error). */
function skipMessage(reason: SkipReason): string {
	switch (reason) {
		case 'too-big':
			return SKIP_MESSAGES['too-big']();
		case 'too-many':
			return SKIP_MESSAGES['too-many'](MAX_FILES);
		case 'empty':
			return SKIP_MESSAGES.empty();
		default:
			return SKIP_MESSAGES.unreadable();
	}
}

/** Skipped files counted by reason, most frequent first. */
export function skippedByReason(skipped: readonly SkippedFile[]): { reason: SkipReason; count: number }[] {
	const m = new Map<SkipReason, number>();
	for (const s of skipped) m.set(s.reason, (m.get(s.reason) ?? 0) + 1);
	return [...m].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

// ---------------------------------------------------------------- published figures

export interface PublishedCell {
	id: string;
	label: string;
	/** Chart label (short). */
	short: string;
	mark: CellMark;
	/** Exact count when `mark` is `shown`; null otherwise. */
	count: number | null;
	/** What to print: « 12 », « < 5 », « masqué », « plus de 25 ». */
	display: string;
	/** Percentage of the base, one decimal, when both are public. */
	percent: number | null;
	/** For `near-total` cells with a public base: the count is above this. */
	above: number | null;
}

export interface PublishedDimension {
	/** Question id (`approval` also holds « uses no tool »). */
	id: string;
	title: string;
	kind: 'single' | 'multiple';
	/** People the question applies to, when public. */
	base: number | null;
	/** « 30 », « moins de 5 », « non publié ». */
	baseDisplay: string;
	/** True when the whole question is hidden. */
	withheld: boolean;
	cells: PublishedCell[];
	/** French note shown under the table. */
	note?: string;
}

export interface ShadowAi {
	/** Tool users, when public. */
	users: number | null;
	/** Share of tool users with at least one unapproved tool, 0–100 one decimal; null when not publishable. */
	unapprovedPercent: number | null;
	/** Share of tool users who do not know. */
	unknownPercent: number | null;
}

export interface PositioningMean {
	theme: Theme;
	label: string;
	/** Number of scores, as published (« 12 », « < 5 », « plus de 25 »). */
	countDisplay: string;
	/** Mean score 0–100 (integer) when at least k scores; null otherwise. */
	mean: number | null;
}

export interface TeamSummary {
	respondents: number;
	/** False below k respondents: nothing else is published. */
	enough: boolean;
	dimensions: PublishedDimension[];
	shadowAi: ShadowAi;
	positioning: PositioningMean[];
	/** Top barriers (ids, at least k respondents each, most named first), at most 3. */
	topBarriers: string[];
	/** Modules to start with, from the top barriers (and shadow AI when ≥ k use unapproved tools). */
	startModules: Recommendation[];
}

/** Display of a hidden or shown count. */
export function displayCount(mark: CellMark, count: number, base: number | null): string {
	switch (mark) {
		case 'shown':
			return String(count);
		case 'small':
			return `< ${MIN_GROUP}`;
		case 'near-total':
			return base !== null ? `plus de ${base - MIN_GROUP}` : 'masqué';
		case 'masked':
		case 'withheld':
			return 'masqué';
	}
}

function pct(part: number, whole: number): number {
	return Math.round((part / whole) * 1000) / 10;
}

function cell(o: OptionDef, mark: CellMark, count: number, base: number | null): PublishedCell {
	return {
		id: o.id,
		label: o.label,
		short: o.short ?? o.label,
		mark,
		count: mark === 'shown' ? count : null,
		display: displayCount(mark, count, base),
		percent: mark === 'shown' && base !== null && base > 0 ? pct(count, base) : null,
		above: mark === 'near-total' && base !== null ? base - MIN_GROUP : null,
	};
}

function baseDisplay(base: number, isPublic: boolean): string {
	if (base < MIN_GROUP) return `moins de ${MIN_GROUP}`;
	return isPublic ? String(base) : 'non publié';
}

/** A single-choice question over every respondent. */
function exclusiveDimension(q: QuestionDef, options: readonly OptionDef[], counts: number[], note?: string): PublishedDimension {
	const total = counts.reduce((a, b) => a + b, 0);
	const { marks, totalShown } = suppressExclusive(counts);
	const base = totalShown ? total : null;
	const d: PublishedDimension = {
		id: q.id,
		title: q.title,
		kind: 'single',
		base,
		baseDisplay: baseDisplay(total, totalShown),
		withheld: marks.every((m) => m === 'withheld'),
		cells: options.map((o, i) => cell(o, marks[i], counts[i], base)),
	};
	if (note) d.note = note;
	return d;
}

/**
 * Sort weight of a published cell: its count when shown, the base for every near-total cell
 * (their true order would be a hint), -1 for hidden ones.
 */
function rankWeight(mark: CellMark, count: number, base: number): number {
	if (mark === 'shown') return count;
	if (mark === 'near-total') return base;
	return -1;
}

/** A multiple-choice question: one yes/no split per option over `base` people. */
function binaryDimension(
	q: QuestionDef,
	options: readonly OptionDef[],
	counts: number[],
	base: number,
	basePublic: boolean,
	opts: { rank?: boolean; note?: string } = {},
): PublishedDimension {
	const marks = counts.map((c) => suppressBinary(c, base));
	const pub = basePublic && base >= MIN_GROUP ? base : null;
	let cells = options.map((o, i) => cell(o, marks[i], counts[i], pub));
	if (opts.rank) {
		// Most named first. Hidden small cells go after, in question order: their true order
		// would be a hint about their size. Exclusive options (« aucun ») close the list.
		const indexed = cells.map((c, i) => ({ c, i, w: rankWeight(marks[i], counts[i], base), excl: options[i].exclusive === true }));
		indexed.sort((a, b) => Number(a.excl) - Number(b.excl) || b.w - a.w || a.i - b.i);
		cells = indexed.map((x) => x.c);
	}
	const d: PublishedDimension = {
		id: q.id,
		title: q.title,
		kind: 'multiple',
		base: pub,
		baseDisplay: baseDisplay(base, basePublic),
		withheld: marks.every((m) => m === 'withheld'),
		cells,
	};
	if (opts.note) d.note = opts.note;
	return d;
}

function countSingle(snapshots: readonly Snapshot[], q: QuestionDef): number[] {
	return q.options.map((o) => snapshots.filter((s) => s.answers[q.id as QuestionId] === o.id).length);
}

function countMultiple(snapshots: readonly Snapshot[], q: QuestionDef, options: readonly OptionDef[]): number[] {
	return options.map((o) => snapshots.filter((s) => answerList(s.answers, q.id as QuestionId).includes(o.id)).length);
}

/** « Uses no AI tool », added to the approval question so that both add up to every respondent. */
export const NO_TOOL_OPTION: OptionDef = { id: 'aucun-outil', label: 'N’utilise aucun outil d’IA', short: 'Aucun outil' };

const THEME_LABELS: Record<Theme, string> = {
	usages: 'Usages',
	cybersecurite: 'Cybersécurité',
	reglementation: 'Réglementation',
};

/** How many top barriers feed the « modules to start with ». */
export const TOP_BARRIERS = 3;

/** The published team picture. */
export function summarize(snapshots: readonly Snapshot[]): TeamSummary {
	const n = snapshots.length;
	const empty: TeamSummary = {
		respondents: n,
		enough: false,
		dimensions: [],
		shadowAi: { users: null, unapprovedPercent: null, unknownPercent: null },
		positioning: [],
		topBarriers: [],
		startModules: [],
	};
	if (n < MIN_GROUP) return empty;

	const dimensions: PublishedDimension[] = [];
	for (const q of [PROFESSION, SECTOR, REGION, AGE_BAND]) dimensions.push(exclusiveDimension(q, q.options, countSingle(snapshots, q)));

	// Approval + « no tool »: exclusive, adds up to n.
	const users = snapshots.filter((s) => usesTools(s.answers));
	const approvalOptions = [...APPROVAL.options, NO_TOOL_OPTION];
	const approvalCounts = [...countSingle(users, APPROVAL), n - users.length];
	const approval = exclusiveDimension(
		APPROVAL,
		approvalOptions,
		approvalCounts,
		'Question posée aux personnes qui utilisent au moins un outil d’IA ; les autres sont comptées dans « N’utilise aucun outil d’IA ».',
	);
	const noToolCell = approval.cells[approval.cells.length - 1];
	// Tool users are public only when « no tool » is shown: they are then n minus a shown figure.
	const usersPublic = noToolCell.mark === 'shown';

	const toolOptions = TOOLS.options.filter((o) => !o.exclusive);
	dimensions.push(
		binaryDimension(TOOLS, toolOptions, countMultiple(snapshots, TOOLS, toolOptions), n, true, {
			note: 'Plusieurs réponses possibles : les pourcentages ne s’additionnent pas. Les personnes qui n’utilisent aucun outil sont comptées dans la question « Outils autorisés ».',
		}),
	);
	dimensions.push(approval);
	dimensions.push(
		binaryDimension(USES, USES.options, countMultiple(users, USES, USES.options), users.length, usersPublic, {
			note: 'Question posée aux personnes qui utilisent au moins un outil d’IA. Plusieurs réponses possibles.',
		}),
	);
	const barrierCounts = countMultiple(snapshots, BARRIERS, BARRIERS.options);
	dimensions.push(
		binaryDimension(BARRIERS, BARRIERS.options, barrierCounts, n, true, {
			rank: true,
			note: 'Classés du plus cité au moins cité. Plusieurs réponses possibles.',
		}),
	);
	dimensions.push(
		binaryDimension(TRAINING_THEMES, TRAINING_THEMES.options, countMultiple(snapshots, TRAINING_THEMES, TRAINING_THEMES.options), n, true, {
			note: 'Plusieurs réponses possibles.',
		}),
	);
	dimensions.push(exclusiveDimension(TRAINING_FORMAT, TRAINING_FORMAT.options, countSingle(snapshots, TRAINING_FORMAT)));

	// Shadow AI: published only from figures already shown.
	const cellOf = (id: string) => approval.cells.find((c) => c.id === id)!;
	const usersCount = usersPublic && users.length >= MIN_GROUP ? users.length : null;
	const share = (id: string) => {
		const c = cellOf(id);
		return usersCount !== null && c.count !== null ? pct(c.count, usersCount) : null;
	};
	const shadowAi: ShadowAi = { users: usersCount, unapprovedPercent: share('non'), unknownPercent: share('ne-sait-pas') };

	const positioning: PositioningMean[] = THEMES.map((theme) => {
		const values = snapshots.map((s) => s.positioning?.[theme]).filter((v): v is number => typeof v === 'number');
		const mark = suppressBinary(values.length, n);
		return {
			theme,
			label: THEME_LABELS[theme],
			countDisplay: displayCount(mark, values.length, n),
			mean: values.length >= MIN_GROUP ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null,
		};
	});

	const topBarriers = BARRIERS.options
		.map((o, i) => ({ id: o.id, w: rankWeight(suppressBinary(barrierCounts[i], n), barrierCounts[i], n), i, exclusive: o.exclusive === true }))
		.filter((b) => !b.exclusive && b.w >= MIN_GROUP)
		.sort((a, b) => b.w - a.w || a.i - b.i)
		.slice(0, TOP_BARRIERS)
		.map((b) => b.id);
	const unapproved = cellOf('non');
	const lead = unapproved.count !== null && unapproved.count >= MIN_GROUP
		? UNAPPROVED_TOOL_MODULES.map((moduleId) => ({ moduleId, because: ['outil-non-autorise'] }))
		: [];
	const startModules = recommendForBarriers(topBarriers, 6, lead);

	return { respondents: n, enough: true, dimensions, shadowAi, positioning, topBarriers, startModules };
}
