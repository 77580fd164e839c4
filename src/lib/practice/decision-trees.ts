/**
 * Decision trees for the "learning by doing" simulations (« Puis-je utiliser cet outil ? »,
 * « Mon outil est-il à haut risque ? »). A tree is plain data: question nodes whose options
 * point to another node or to an outcome. Everything here is pure: the islands only render
 * what `walk` returns, and the unit tests check every tree with `validateTree` (no dead end,
 * no cycle, every node and outcome reachable).
 *
 * Node ids and outcome ids share one namespace, so an option's `next` is unambiguous.
 */

/** A source shown under a step or an outcome. `url` is absent for texts with no stable link. */
export interface SourceRef {
	label: string;
	url?: string;
	/** What the source supports, or how reliable it is (e.g. « source secondaire »). */
	note?: string;
}

/** People the learner can turn to. Resolved against the establishment settings by `whoToAsk`. */
export type Role = 'aiReferent' | 'dpo' | 'securityLead' | 'incidentContact' | 'legal' | 'provider' | 'manager';

/** One answer to a question. */
export interface DecisionOption {
	/** Unique within its node; used in paths and tests. */
	id: string;
	label: string;
	/** Optional precision shown under the label. */
	hint?: string;
	/** Id of the next node or of an outcome. */
	next: string;
}

/** A question. `help` explains why it is asked (with the article, where there is one). */
export interface DecisionNode {
	id: string;
	question: string;
	help: string;
	/** Short reference shown with the help, e.g. « Art. 5 du règlement (UE) 2024/1689 ». */
	reference?: string;
	options: DecisionOption[];
}

/** How an outcome is shown: the colour follows the verdict, and the text always says it. */
export type Tone = 'ok' | 'warn' | 'error' | 'info';

/** An end of the path. */
export interface DecisionOutcome {
	id: string;
	/** Machine-readable verdict, e.g. 'oui', 'oui-precautions', 'non', 'haut-risque'. */
	verdict: string;
	/** The verdict in words, shown large: « Non », « Oui, avec précautions »… */
	verdictLabel: string;
	tone: Tone;
	/** One sentence: the reason. */
	summary: string;
	/** Paragraphs that explain it. */
	explanation: string[];
	/** What to do now, in order. */
	actions: string[];
	/** Articles the verdict rests on, e.g. « Art. 6, par. 2, et annexe III ». */
	articles: string[];
	/** Dates that apply (already phrased, with their "as of" date when they may change). */
	dates?: string[];
	/** Extra lists shown under the explanation, e.g. the deployer's duties (art. 26). */
	details?: { heading: string; items: string[] }[];
	/** Who to ask, most useful first. */
	ask: Role[];
	sources: SourceRef[];
}

export interface DecisionTree {
	id: string;
	title: string;
	start: string;
	nodes: Record<string, DecisionNode>;
	outcomes: Record<string, DecisionOutcome>;
}

/** What follows an answer: another question, an outcome, or an error (unknown node or option). */
export type Step =
	| { kind: 'node'; node: DecisionNode }
	| { kind: 'outcome'; outcome: DecisionOutcome }
	| { kind: 'error'; message: string };

/** Resolves an id to a node or an outcome. */
export function resolve(tree: DecisionTree, id: string): Step {
	const node = tree.nodes[id];
	if (node) return { kind: 'node', node };
	const outcome = tree.outcomes[id];
	if (outcome) return { kind: 'outcome', outcome };
	return { kind: 'error', message: `« ${id} » n'existe pas dans l'arbre ${tree.id}.` };
}

/** The step after answering `answerId` to node `nodeId`. */
export function next(tree: DecisionTree, nodeId: string, answerId: string): Step {
	const node = tree.nodes[nodeId];
	if (!node) return { kind: 'error', message: `Question inconnue : « ${nodeId} ».` };
	const option = node.options.find((o) => o.id === answerId);
	if (!option) return { kind: 'error', message: `Réponse inconnue « ${answerId} » à la question « ${nodeId} ».` };
	return resolve(tree, option.next);
}

/** One answered question on a path. */
export interface AnsweredStep {
	node: DecisionNode;
	option: DecisionOption;
}

/** Where a list of answers leads from the start. */
export interface Walk {
	/** The questions answered, in order (answers past an outcome or an error are ignored). */
	answered: AnsweredStep[];
	/** The current question, the outcome reached, or an error. */
	current: Step;
}

/**
 * Follows `answers` (option ids, one per question) from the start node. Pure: the islands keep
 * only the list of answers, so "back" is dropping the last one and a reload can replay it.
 */
export function walk(tree: DecisionTree, answers: readonly string[]): Walk {
	const answered: AnsweredStep[] = [];
	let current = resolve(tree, tree.start);
	for (const answer of answers) {
		if (current.kind !== 'node') break;
		const option = current.node.options.find((o) => o.id === answer);
		if (!option) {
			current = { kind: 'error', message: `Réponse inconnue « ${answer} » à la question « ${current.node.id} ».` };
			break;
		}
		answered.push({ node: current.node, option });
		current = resolve(tree, option.next);
	}
	return { answered, current };
}

/** A complete path: the answers given and the outcome they lead to. */
export interface DecisionPath {
	answers: { nodeId: string; optionId: string }[];
	outcomeId: string;
}

/**
 * Every path from the start to an outcome (depth first, options in order). Stops at cycles and
 * unknown ids instead of looping: `validateTree` reports those.
 */
export function allPaths(tree: DecisionTree): DecisionPath[] {
	const paths: DecisionPath[] = [];
	const visit = (id: string, trail: { nodeId: string; optionId: string }[], onPath: Set<string>) => {
		if (tree.outcomes[id]) {
			paths.push({ answers: trail, outcomeId: id });
			return;
		}
		const node = tree.nodes[id];
		if (!node || onPath.has(id)) return;
		const inner = new Set(onPath).add(id);
		for (const o of node.options) visit(o.next, [...trail, { nodeId: id, optionId: o.id }], inner);
	};
	visit(tree.start, [], new Set());
	return paths;
}

/** Ids of the outcomes some path reaches. */
export function reachableOutcomes(tree: DecisionTree): Set<string> {
	return new Set(allPaths(tree).map((p) => p.outcomeId));
}

/** Ids of the nodes reachable from the start (the start included). */
export function reachableNodes(tree: DecisionTree): Set<string> {
	const seen = new Set<string>();
	const stack = [tree.start];
	while (stack.length) {
		const id = stack.pop() as string;
		if (seen.has(id) || !tree.nodes[id]) continue;
		seen.add(id);
		for (const o of tree.nodes[id].options) stack.push(o.next);
	}
	return seen;
}

/** A problem found in a tree, in English for developers (the tree is authored in code). */
export interface TreeProblem {
	kind: 'start' | 'dangling' | 'empty' | 'duplicate' | 'cycle' | 'unreachable' | 'id' | 'content';
	message: string;
}

/**
 * Checks a tree: the start exists; every option leads to a node or an outcome; no node without
 * options or with duplicate option ids; no id used for both a node and an outcome; keys match
 * ids; no cycle; every node and every outcome reachable; outcomes say something.
 */
export function validateTree(tree: DecisionTree): TreeProblem[] {
	const problems: TreeProblem[] = [];
	if (!tree.nodes[tree.start]) problems.push({ kind: 'start', message: `start "${tree.start}" is not a node` });
	for (const [key, node] of Object.entries(tree.nodes)) {
		if (node.id !== key) problems.push({ kind: 'id', message: `node key "${key}" holds id "${node.id}"` });
		if (tree.outcomes[key]) problems.push({ kind: 'id', message: `"${key}" is both a node and an outcome` });
		if (!node.question.trim() || !node.help.trim()) problems.push({ kind: 'content', message: `node "${key}" has no question or no help` });
		if (node.options.length < 2) problems.push({ kind: 'empty', message: `node "${key}" has fewer than two options` });
		const ids = new Set<string>();
		for (const o of node.options) {
			if (ids.has(o.id)) problems.push({ kind: 'duplicate', message: `node "${key}" repeats option "${o.id}"` });
			ids.add(o.id);
			if (!tree.nodes[o.next] && !tree.outcomes[o.next]) {
				problems.push({ kind: 'dangling', message: `option "${key}/${o.id}" leads to unknown "${o.next}"` });
			}
		}
	}
	for (const [key, outcome] of Object.entries(tree.outcomes)) {
		if (outcome.id !== key) problems.push({ kind: 'id', message: `outcome key "${key}" holds id "${outcome.id}"` });
		if (!outcome.summary.trim() || outcome.explanation.length === 0 || outcome.actions.length === 0 || outcome.sources.length === 0) {
			problems.push({ kind: 'content', message: `outcome "${key}" lacks a summary, an explanation, actions or sources` });
		}
	}
	// Cycles: depth-first search with colours (grey = on the current path).
	const colour = new Map<string, 'grey' | 'black'>();
	const dfs = (id: string, trail: string[]) => {
		const node = tree.nodes[id];
		if (!node) return;
		if (colour.get(id) === 'grey') {
			problems.push({ kind: 'cycle', message: `cycle: ${[...trail.slice(trail.indexOf(id)), id].join(' → ')}` });
			return;
		}
		if (colour.get(id) === 'black') return;
		colour.set(id, 'grey');
		for (const o of node.options) dfs(o.next, [...trail, id]);
		colour.set(id, 'black');
	};
	for (const id of Object.keys(tree.nodes)) dfs(id, []);
	const nodes = reachableNodes(tree);
	for (const id of Object.keys(tree.nodes)) {
		if (!nodes.has(id)) problems.push({ kind: 'unreachable', message: `node "${id}" cannot be reached from the start` });
	}
	const reached = new Set<string>();
	for (const id of nodes) for (const o of tree.nodes[id].options) if (tree.outcomes[o.next]) reached.add(o.next);
	for (const id of Object.keys(tree.outcomes)) {
		if (!reached.has(id)) problems.push({ kind: 'unreachable', message: `outcome "${id}" cannot be reached from the start` });
	}
	return problems;
}

/** The establishment settings the "who to ask" lines use (from `curriculum().establishment`). */
export interface Contacts {
	dpo?: string;
	securityLead?: string;
	aiReferent?: string;
	incidentContact?: string;
}

/** How each role is named, and what it is asked about. Neutral when the setting is empty. */
const ROLE_TEXT: Record<Role, { neutral: string; named: string; setting?: keyof Contacts }> = {
	aiReferent: {
		neutral: 'votre référent IA (à défaut, votre cadre ou la direction du numérique)',
		named: 'votre référent IA : {{name}}',
		setting: 'aiReferent',
	},
	dpo: { neutral: 'votre DPO (délégué à la protection des données)', named: 'votre DPO : {{name}}', setting: 'dpo' },
	securityLead: {
		neutral: 'votre RSSI (responsable de la sécurité des systèmes d’information)',
		named: 'votre RSSI : {{name}}',
		setting: 'securityLead',
	},
	incidentContact: {
		neutral: 'le contact prévu par la procédure d’incident de votre établissement',
		named: 'le contact incident de votre établissement : {{name}}',
		setting: 'incidentContact',
	},
	legal: { neutral: 'le service juridique de votre établissement, ou un avocat', named: '' },
	provider: { neutral: 'le fournisseur de l’outil (documentation, déclaration de conformité)', named: '' },
	manager: { neutral: 'votre cadre ou votre responsable de service', named: '' },
};

/** « Qui contacter » lines for `roles`, with the establishment's names where it gave them. */
export function whoToAsk(roles: readonly Role[], contacts: Contacts): string[] {
	return [...new Set(roles)].map((role) => {
		const r = ROLE_TEXT[role];
		const name = r.setting ? (contacts[r.setting] ?? '').trim() : '';
		return name ? r.named.replace('{{name}}', name) : r.neutral;
	});
}
