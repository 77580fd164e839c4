/**
 * « L'instruction cachée » — pure logic of the simulation: the document model, how a line is
 * shown before and after the hidden text is revealed, checking the learner's choice, and the
 * progression through the steps of each document (a reducer: state + action → new state).
 *
 * Steps for each document: `lire` (the document as it looks on screen) → `reperer` (hidden text
 * revealed; pick the line that is an instruction to the assistant) → `sortie` (what the
 * assistant would have written had it obeyed) → `garde-fous` (why the safeguards matter).
 * After the last document the state is `done`.
 */

/** How an injected passage escapes the reader's eye. */
export type HiddenKind = 'texte-blanc' | 'petits-caracteres' | 'champ-masque';

/** How a line is laid out in the document. Titles and headings are not choices. */
export type LineStyle = 'title' | 'heading' | 'meta' | 'body' | 'result' | 'signature' | 'footer';

export interface DocLine {
	/** Unique within the document. */
	id: string;
	text: string;
	style: LineStyle;
	/** Set when the line cannot be seen (or hardly) on screen. */
	hidden?: HiddenKind;
	/** The one line that is an instruction aimed at the assistant. */
	injection?: boolean;
	/** For a plausible wrong choice: why this line is not the injected instruction. */
	decoy?: string;
}

/** One passage of the simulated assistant's output; `corrupted` marks what the injection dictated. */
export interface OutputPassage {
	text: string;
	corrupted?: boolean;
}

export interface HiddenInstructionScenario {
	id: string;
	/** Kind of document, e.g. « Compte rendu d'hospitalisation ». */
	kind: string;
	/** Where the document comes from and who uses the assistant. */
	context: string;
	/** What was asked of the assistant. */
	request: string;
	lines: DocLine[];
	/** How the instruction was hidden, shown once it is found. */
	technique: string;
	/** The simulated output of an assistant that obeyed the hidden instruction. */
	output: OutputPassage[];
	/** What a faithful summary would have said instead. */
	faithful: string;
	/** What could have happened had nobody checked. */
	harm: string;
	/** Safeguards specific to this document. */
	safeguards: string[];
}

/** How each hiding technique is named once revealed. */
export const HIDDEN_LABELS: Record<HiddenKind, string> = {
	'texte-blanc': 'texte caché : blanc sur fond blanc',
	'petits-caracteres': 'texte presque invisible : très petits caractères en pied de page',
	'champ-masque': 'texte caché : champ du fichier masqué à l’affichage et à l’impression',
};

/** Lines the learner can choose (titles and headings are not). */
export function isSelectable(line: DocLine): boolean {
	return line.style !== 'title' && line.style !== 'heading';
}

/**
 * How a line is shown before the reveal: `visible`, `tiny` (on screen but easy to miss: it
 * stays in the accessibility tree, as it is on screen for everyone), or `concealed` (in the
 * DOM but neither seen nor announced, so that screen-reader users get the same document as
 * sighted readers; the next step reveals it for everyone).
 */
export function displayMode(line: DocLine, revealed: boolean): 'visible' | 'tiny' | 'concealed' | 'revealed' {
	if (!line.hidden) return 'visible';
	if (revealed) return 'revealed';
	return line.hidden === 'petits-caracteres' ? 'tiny' : 'concealed';
}

/** Problems in a scenario (authored in code; checked by the unit tests). */
export function validateScenario(s: HiddenInstructionScenario): string[] {
	const problems: string[] = [];
	const ids = new Set<string>();
	for (const l of s.lines) {
		if (ids.has(l.id)) problems.push(`${s.id}: duplicate line id "${l.id}"`);
		ids.add(l.id);
		if (!l.text.trim()) problems.push(`${s.id}: line "${l.id}" is empty`);
		if (l.injection && !isSelectable(l)) problems.push(`${s.id}: injected line "${l.id}" is not selectable`);
		if (l.injection && l.decoy) problems.push(`${s.id}: injected line "${l.id}" also has decoy feedback`);
	}
	const injected = s.lines.filter((l) => l.injection);
	if (injected.length !== 1) problems.push(`${s.id}: ${injected.length} injected lines (expected exactly 1)`);
	if (injected.length === 1 && !injected[0].hidden) problems.push(`${s.id}: the injected line is not hidden`);
	if (!s.lines.some((l) => l.decoy)) problems.push(`${s.id}: no decoy line`);
	if (!s.output.some((p) => p.corrupted)) problems.push(`${s.id}: the output shows no corrupted passage`);
	if (s.safeguards.length === 0) problems.push(`${s.id}: no safeguards`);
	return problems;
}

export type SelectionStatus = 'none' | 'unknown' | 'correct' | 'decoy' | 'wrong';

export interface SelectionResult {
	status: SelectionStatus;
	/** French feedback, shown in the live region. */
	message: string;
}

/** Checks the line the learner picked. */
export function checkSelection(s: HiddenInstructionScenario, lineId: string | null): SelectionResult {
	if (!lineId) return { status: 'none', message: 'Choisissez d’abord la ligne qui vous paraît suspecte.' };
	const line = s.lines.find((l) => l.id === lineId && isSelectable(l));
	if (!line) return { status: 'unknown', message: 'Cette ligne ne fait pas partie du document. Choisissez une ligne de la liste.' };
	if (line.injection) {
		return {
			status: 'correct',
			message: `Bien vu : cette ligne s’adresse à l’assistant, pas au lecteur, et contredit le reste du document. ${s.technique}`,
		};
	}
	if (line.decoy) return { status: 'decoy', message: `Pas celle-ci. ${line.decoy}` };
	return {
		status: 'wrong',
		message: 'Pas celle-ci : cette ligne fait partie du contenu normal du document. Cherchez un passage qui s’adresse à l’assistant et qui était caché à l’écran.',
	};
}

export type Stage = 'lire' | 'reperer' | 'sortie' | 'garde-fous';

export const STAGES: readonly Stage[] = ['lire', 'reperer', 'sortie', 'garde-fous'];

export const STAGE_LABELS: Record<Stage, string> = {
	lire: 'Lire le document',
	reperer: 'Repérer la consigne cachée',
	sortie: 'Ce que l’assistant aurait produit',
	'garde-fous': 'Pourquoi les garde-fous comptent',
};

export interface HiddenInstructionState {
	/** Index of the current document. */
	index: number;
	stage: Stage;
	/** Line currently chosen in the `reperer` step. */
	selected: string | null;
	/** Result of the last check, shown as feedback. */
	result: SelectionResult | null;
	/** Checks made on the current document. */
	attempts: number;
	/** Per document: attempts needed to find the instruction (0 = not found yet). */
	found: number[];
	done: boolean;
}

export type HiddenInstructionAction =
	| { type: 'reveal' }
	| { type: 'conceal' }
	| { type: 'select'; lineId: string }
	| { type: 'check' }
	| { type: 'continue' }
	| { type: 'restart' };

export function initialState(count: number): HiddenInstructionState {
	return { index: 0, stage: 'lire', selected: null, result: null, attempts: 0, found: Array(count).fill(0), done: false };
}

/** True once the current document's instruction was found. */
export function isSolved(state: HiddenInstructionState): boolean {
	return (state.found[state.index] ?? 0) > 0;
}

/**
 * The next state. Actions that make no sense in the current step leave the state unchanged
 * (the same object), so a stray key press can never skip a step.
 */
export function reduce(
	state: HiddenInstructionState,
	action: HiddenInstructionAction,
	scenarios: readonly HiddenInstructionScenario[],
): HiddenInstructionState {
	if (action.type === 'restart') return initialState(scenarios.length);
	if (state.done) return state;
	const scenario = scenarios[state.index];
	if (!scenario) return state;
	switch (action.type) {
		case 'reveal':
			return state.stage === 'lire' ? { ...state, stage: 'reperer' } : state;
		case 'conceal':
			return state.stage === 'reperer' ? { ...state, stage: 'lire' } : state;
		case 'select':
			if (state.stage !== 'reperer' || isSolved(state)) return state;
			return { ...state, selected: action.lineId, result: null };
		case 'check': {
			if (state.stage !== 'reperer' || isSolved(state)) return state;
			const result = checkSelection(scenario, state.selected);
			if (result.status === 'none' || result.status === 'unknown') return { ...state, result };
			const attempts = state.attempts + 1;
			const found = result.status === 'correct' ? state.found.map((n, i) => (i === state.index ? attempts : n)) : state.found;
			return { ...state, result, attempts, found };
		}
		case 'continue':
			if (state.stage === 'reperer') return isSolved(state) ? { ...state, stage: 'sortie' } : state;
			if (state.stage === 'sortie') return { ...state, stage: 'garde-fous' };
			if (state.stage === 'garde-fous') {
				if (state.index + 1 >= scenarios.length) return { ...state, done: true };
				return { ...state, index: state.index + 1, stage: 'lire', selected: null, result: null, attempts: 0 };
			}
			return state;
	}
}

/** End-of-simulation summary. */
export function summary(state: HiddenInstructionState): { total: number; found: number; firstTry: number } {
	return {
		total: state.found.length,
		found: state.found.filter((n) => n > 0).length,
		firstTry: state.found.filter((n) => n === 1).length,
	};
}
