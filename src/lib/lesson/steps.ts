/**
 * Lesson steps as authored: the body of a lesson module is a run of `<Step id="…">…</Step>`
 * blocks whose ids match the frontmatter `steps`, in order. Pure: used by the build checks, the
 * duration estimate, the search index and the SCORM packages, all from the raw MDX body.
 */
import { countWords, readableText } from '../duration';

/** One `<Step>` block of an MDX body. */
export interface StepBlock {
	id: string;
	/** The MDX source between the tags. */
	source: string;
	/** 1-based line of the opening tag, for error messages. */
	line: number;
}

const OPEN = /<Step\s+id=["']([^"']+)["']\s*>/g;

/**
 * The `<Step>` blocks of a body, in order. A block runs to its `</Step>`; a block with no closing
 * tag, or a step nested in another, is reported by `stepBodyProblems` rather than guessed.
 */
export function stepBlocks(body: string): StepBlock[] {
	const blocks: StepBlock[] = [];
	for (const m of body.matchAll(OPEN)) {
		const start = (m.index ?? 0) + m[0].length;
		const end = body.indexOf('</Step>', start);
		const source = end < 0 ? body.slice(start) : body.slice(start, end);
		blocks.push({ id: m[1], source, line: body.slice(0, m.index).split('\n').length });
	}
	return blocks;
}

/** Text outside every `<Step>` block (a lesson keeps all its prose inside steps). */
export function textOutsideSteps(body: string): string {
	return body
		.replace(/<Step\s[^>]*>[\s\S]*?<\/Step>/g, ' ')
		.replace(/^\s*(import|export)\s.*$/gm, ' ')
		.trim();
}

/** What is wrong between the frontmatter steps and the body's `<Step>` blocks (French, for authors). */
export function stepBodyProblems(body: string, stepIds: readonly string[]): { field: string; message: string }[] {
	const problems: { field: string; message: string }[] = [];
	const blocks = stepBlocks(body);
	const opens = blocks.length;
	const closes = (body.match(/<\/Step>/g) ?? []).length;
	if (opens !== closes) {
		problems.push({ field: 'body', message: `${opens} balise(s) <Step> ouvrante(s) pour ${closes} fermante(s) </Step>` });
	}
	for (const b of blocks) {
		if (/<Step\s/.test(b.source)) problems.push({ field: 'body', message: `étape « ${b.id} » (ligne ${b.line}) : une étape ne peut pas en contenir une autre` });
	}
	const bodyIds = blocks.map((b) => b.id);
	stepIds.forEach((id, i) => {
		if (!bodyIds.includes(id)) problems.push({ field: `steps[${i}].id`, message: `l’étape « ${id} » n’a pas de bloc <Step id="${id}"> dans le texte` });
	});
	blocks.forEach((b) => {
		if (!stepIds.includes(b.id)) problems.push({ field: 'body', message: `bloc <Step id="${b.id}"> (ligne ${b.line}) absent de « steps » dans l’en-tête` });
	});
	const common = bodyIds.filter((id) => stepIds.includes(id));
	const expected = stepIds.filter((id) => bodyIds.includes(id));
	if (common.join('|') !== expected.join('|')) {
		problems.push({ field: 'body', message: `les blocs <Step> ne suivent pas l’ordre de « steps » (${common.join(', ')})` });
	}
	const outside = countWords(readableText(textOutsideSteps(body)));
	if (outside > 0) problems.push({ field: 'body', message: `${outside} mot(s) hors de toute étape : dans une leçon, tout le texte appartient à une étape` });
	return problems;
}

/** Words a learner reads in one step block (MDX syntax stripped). */
export function stepWords(block: StepBlock): number {
	return countWords(readableText(block.source));
}

/** The anchor of a step on the module page (`#etape-<id>`). */
export function stepAnchor(id: string): string {
	return `etape-${id}`;
}
