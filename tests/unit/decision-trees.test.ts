import { describe, expect, it } from 'vitest';
import {
	allPaths,
	next,
	reachableNodes,
	reachableOutcomes,
	validateTree,
	walk,
	whoToAsk,
	type DecisionTree,
} from '../../src/lib/practice/decision-trees';
import { toolUseTree } from '../../src/lib/practice/scenarios/tool-use';
import { highRiskTree, DATES } from '../../src/lib/practice/scenarios/high-risk';

const TREES: [string, DecisionTree][] = [
	['puis-je-utiliser-cet-outil', toolUseTree],
	['mon-outil-est-il-a-haut-risque', highRiskTree],
];

describe.each(TREES)('tree %s', (_name, tree) => {
	it('passes validation: no dangling option, no cycle, nothing unreachable', () => {
		expect(validateTree(tree)).toEqual([]);
	});

	it('reaches every outcome (every leaf is reachable)', () => {
		expect([...reachableOutcomes(tree)].sort()).toEqual(Object.keys(tree.outcomes).sort());
	});

	it('reaches every question node', () => {
		expect([...reachableNodes(tree)].sort()).toEqual(Object.keys(tree.nodes).sort());
	});

	it('has no dead end: every option of every node resolves to a node or an outcome', () => {
		for (const node of Object.values(tree.nodes)) {
			for (const o of node.options) expect(next(tree, node.id, o.id).kind, `${node.id}/${o.id}`).not.toBe('error');
		}
	});

	it('walks every enumerated path to its outcome, and each path is finite and loop-free', () => {
		const paths = allPaths(tree);
		expect(paths.length).toBeGreaterThanOrEqual(Object.keys(tree.outcomes).length);
		for (const p of paths) {
			const w = walk(tree, p.answers.map((a) => a.optionId));
			expect(w.current.kind).toBe('outcome');
			if (w.current.kind === 'outcome') expect(w.current.outcome.id).toBe(p.outcomeId);
			const visited = p.answers.map((a) => a.nodeId);
			expect(new Set(visited).size).toBe(visited.length);
		}
	});

	it('gives every outcome a verdict, a reason, actions, sources and someone to ask', () => {
		for (const o of Object.values(tree.outcomes)) {
			expect(o.verdictLabel.length, o.id).toBeGreaterThan(0);
			expect(o.summary.length, o.id).toBeGreaterThan(20);
			expect(o.actions.length, o.id).toBeGreaterThan(0);
			expect(o.sources.length, o.id).toBeGreaterThan(0);
			expect(o.ask.length, o.id).toBeGreaterThan(0);
			for (const s of o.sources) if (s.url) expect(s.url, o.id).toMatch(/^https:\/\//);
		}
	});
});

describe('« Puis-je utiliser cet outil ? » verdicts', () => {
	// [answers, expected outcome id, expected verdict], one comment per case.
	const cases: [string, string[], string, string][] = [
		// Approved tool, no patient data, drafting: the ordinary approved use.
		['approved, no data, not clinical', ['oui', 'aucune', 'non'], 'oui-approuve', 'oui'],
		// Approved tool, non-identifying elements, drafting: still fine.
		['approved, non-identifying, not clinical', ['oui', 'non-identifiantes', 'non'], 'oui-approuve', 'oui'],
		// Approved tool used for a clinical decision: only a proposal to verify.
		['approved, no data, clinical', ['oui', 'aucune', 'oui'], 'precautions-decision', 'oui-precautions'],
		// Approved tool, identifying data, HDS in the EEA, drafting.
		['approved, identifying, HDS EEA, not clinical', ['oui', 'identifiantes', 'hds-eee', 'non'], 'precautions-donnees', 'oui-precautions'],
		// Same, for a clinical decision.
		['approved, identifying, HDS EEA, clinical', ['oui', 'identifiantes', 'hds-eee', 'oui'], 'precautions-donnees-decision', 'oui-precautions'],
		// Approved tool but nobody knows where identifying data go: not before checking.
		['approved, identifying, hosting unknown', ['oui', 'identifiantes', 'ne-sait-pas'], 'non-verifier-hebergement', 'non'],
		// Identifying data hosted outside the EEA or without HDS: no.
		['approved, identifying, outside EEA', ['oui', 'identifiantes', 'hors-eee'], 'non-hebergement', 'non'],
		// Shadow AI with identifying patient data: the classic leak.
		['unapproved, identifying', ['non', 'identifiantes'], 'non-shadow-identifiant', 'non'],
		// "I don't know" counts as unapproved.
		['unknown approval, identifying', ['ne-sait-pas', 'identifiantes'], 'non-shadow-identifiant', 'non'],
		// Unapproved tool to decide clinically, even without data: no.
		['unapproved, no data, clinical', ['non', 'aucune', 'oui'], 'non-decision-outil-non-valide', 'non'],
		['unapproved, non-identifying, clinical', ['non', 'non-identifiantes', 'oui'], 'non-decision-outil-non-valide', 'non'],
		// Unapproved tool, nothing about patients, drafting: limited risk.
		['unapproved, no data, not clinical', ['non', 'aucune', 'non'], 'precautions-non-approuve', 'oui-precautions'],
		// Unapproved tool, non-identifying elements, drafting: many precautions.
		['unapproved, non-identifying, not clinical', ['ne-sait-pas', 'non-identifiantes', 'non'], 'precautions-non-identifiant', 'oui-precautions'],
	];
	it.each(cases)('%s', (_label, answers, outcomeId, verdict) => {
		const w = walk(toolUseTree, answers);
		expect(w.current.kind).toBe('outcome');
		if (w.current.kind !== 'outcome') return;
		expect(w.current.outcome.id).toBe(outcomeId);
		expect(w.current.outcome.verdict).toBe(verdict);
		expect(w.answered).toHaveLength(answers.length);
	});

	it('asks about hosting only when identifying data go into an approved tool', () => {
		const withHosting = allPaths(toolUseTree).filter((p) => p.answers.some((a) => a.nodeId === 'hebergement'));
		expect(withHosting.length).toBe(4);
		for (const p of withHosting) expect(p.answers.slice(0, 2).map((a) => a.optionId)).toEqual(['oui', 'identifiantes']);
	});
});

describe('« Mon outil est-il à haut risque ? » verdicts', () => {
	const cases: [string, string[], string, string][] = [
		// Art. 5: emotion recognition of staff, manipulation… prohibited.
		['prohibited practice', ['oui'], 'interdit', 'interdit'],
		// Unsure about Art. 5: lawyer before anything else.
		['unsure about Art. 5', ['ne-sait-pas'], 'juriste-art5', 'a-verifier'],
		// Class IIa AI fracture detection (rule 11): Art. 6(1) + Annex I.
		['medical device with a notified body', ['non', 'oui'], 'haut-risque-annexe1', 'haut-risque'],
		// Unknown device class: ask the provider.
		['unknown device class', ['non', 'ne-sait-pas'], 'verifier-classe', 'a-verifier'],
		// Emergency triage tool, no 6(3) exception: Annex III 5(d).
		['emergency triage', ['non', 'non', '5d', 'non'], 'haut-risque-annexe3', 'haut-risque'],
		// Health insurance pricing, unsure about 6(3): treated as high-risk.
		['insurance pricing, unsure about 6(3)', ['non', 'non', '5c', 'ne-sait-pas'], 'haut-risque-annexe3', 'haut-risque'],
		// Annex III use limited to a preparatory task, no chatbot: out of high-risk.
		['Annex III with the 6(3) exception', ['non', 'non', '5a', 'oui', 'non'], 'exception-6-3', 'hors-haut-risque'],
		// Same, but the tool talks to people: Art. 50 on top.
		['6(3) exception, chatbot', ['non', 'non', '5a', 'oui', 'agent-conversationnel'], 'exception-6-3-transparence', 'transparence'],
		// A patient-facing chatbot outside Annex III: transparency only.
		['chatbot outside Annex III', ['non', 'non', 'aucun', 'agent-conversationnel'], 'transparence', 'transparence'],
		// A text generator: marking of synthetic content.
		['content generator', ['non', 'non', 'aucun', 'contenu-synthetique'], 'transparence', 'transparence'],
		// Emotion recognition missed at the Annex III question: still high-risk (point 1).
		['emotion recognition', ['non', 'non', 'aucun', 'emotions'], 'emotions-haut-risque', 'haut-risque'],
		// An OR scheduling add-on with none of the above: minimal risk.
		['nothing applies', ['non', 'non', 'aucun', 'non'], 'risque-minimal', 'minimal'],
	];
	it.each(cases)('%s', (_label, answers, outcomeId, verdict) => {
		const w = walk(highRiskTree, answers);
		expect(w.current.kind).toBe('outcome');
		if (w.current.kind !== 'outcome') return;
		expect(w.current.outcome.id).toBe(outcomeId);
		expect(w.current.outcome.verdict).toBe(verdict);
	});

	it('states the postponed high-risk dates as of 28 November 2026, with the Council source', () => {
		expect(DATES.annex3).toContain('2 décembre 2027');
		expect(DATES.annex1).toContain('2 août 2028');
		for (const d of [DATES.annex3, DATES.annex1]) {
			expect(d).toContain('à la date du 28 novembre 2026');
			expect(d).toContain('2026/1744');
		}
		const a3 = highRiskTree.outcomes['haut-risque-annexe3'];
		expect(a3.dates).toContain(DATES.annex3);
		expect(a3.sources.some((s) => s.url?.includes('council-gives-final-green-light'))).toBe(true);
		expect(highRiskTree.outcomes['haut-risque-annexe1'].dates).toContain(DATES.annex1);
		// Deployer duties (Art. 26) come with every high-risk outcome.
		for (const o of Object.values(highRiskTree.outcomes).filter((x) => x.verdict === 'haut-risque')) {
			expect(o.details?.[0]?.heading, o.id).toMatch(/art\. 26/);
		}
	});

	it('explains every step with its article', () => {
		for (const n of Object.values(highRiskTree.nodes)) expect(n.reference, n.id).toMatch(/Art\./);
	});
});

describe('walk and next on bad input', () => {
	it('reports an unknown answer instead of guessing', () => {
		const w = walk(toolUseTree, ['peut-etre']);
		expect(w.current.kind).toBe('error');
		expect(w.answered).toHaveLength(0);
	});
	it('ignores answers given after an outcome', () => {
		const w = walk(highRiskTree, ['oui', 'non', 'non']);
		expect(w.current.kind).toBe('outcome');
		expect(w.answered).toHaveLength(1);
	});
	it('starts at the first question with no answers', () => {
		const w = walk(highRiskTree, []);
		expect(w.current.kind === 'node' && w.current.node.id).toBe('pratique-interdite');
	});
	it('next() rejects unknown nodes and options', () => {
		expect(next(toolUseTree, 'nope', 'oui').kind).toBe('error');
		expect(next(toolUseTree, 'approuve', 'nope').kind).toBe('error');
		expect(next(toolUseTree, 'approuve', 'oui').kind).toBe('node');
	});
});

describe('validateTree catches broken trees', () => {
	const outcome = (id: string) => ({
		id, verdict: 'x', verdictLabel: 'X', tone: 'ok' as const, summary: 'Une raison assez longue pour être lue.', explanation: ['e'], actions: ['a'], articles: [], ask: ['dpo' as const], sources: [{ label: 's' }],
	});
	const q = (id: string, ...targets: string[]) => ({ id, question: 'Q ?', help: 'Aide.', options: targets.map((t, i) => ({ id: `o${i}`, label: t, next: t })) });
	const cases: [string, DecisionTree, string][] = [
		// An option pointing nowhere is a dead end.
		['dangling option', { id: 't', title: 't', start: 'a', nodes: { a: q('a', 'end', 'missing') }, outcomes: { end: outcome('end') } }, 'dangling'],
		// a → b → a never ends.
		['cycle', { id: 't', title: 't', start: 'a', nodes: { a: q('a', 'b', 'end'), b: q('b', 'a', 'end') }, outcomes: { end: outcome('end') } }, 'cycle'],
		// An outcome no option leads to.
		['unreachable outcome', { id: 't', title: 't', start: 'a', nodes: { a: q('a', 'end', 'end') }, outcomes: { end: outcome('end'), lost: outcome('lost') } }, 'unreachable'],
		// A node no path reaches.
		['unreachable node', { id: 't', title: 't', start: 'a', nodes: { a: q('a', 'end', 'end'), z: q('z', 'end', 'end') }, outcomes: { end: outcome('end') } }, 'unreachable'],
		// A start that is not a node.
		['missing start', { id: 't', title: 't', start: 'x', nodes: { a: q('a', 'end', 'end') }, outcomes: { end: outcome('end') } }, 'start'],
		// A node and an outcome sharing an id makes `next` ambiguous.
		['id collision', { id: 't', title: 't', start: 'a', nodes: { a: q('a', 'a', 'end') }, outcomes: { end: outcome('end'), a: outcome('a') } }, 'id'],
		// A question with a single option is not a question.
		['one option', { id: 't', title: 't', start: 'a', nodes: { a: q('a', 'end') }, outcomes: { end: outcome('end') } }, 'empty'],
	];
	it.each(cases)('%s', (_label, tree, kind) => {
		expect(validateTree(tree).map((p) => p.kind)).toContain(kind);
	});
	it('allPaths stops at a cycle instead of looping', () => {
		const tree = cases[1][1];
		expect(allPaths(tree).every((p) => p.outcomeId === 'end')).toBe(true);
	});
});

describe('whoToAsk', () => {
	it('uses neutral wording when the establishment left a field empty', () => {
		expect(whoToAsk(['dpo', 'securityLead', 'aiReferent'], {})).toEqual([
			'votre DPO (délégué à la protection des données)',
			'votre RSSI (responsable de la sécurité des systèmes d’information)',
			'votre référent IA (à défaut, votre cadre ou la direction du numérique)',
		]);
	});
	it('names the people the establishment gave, and trims blanks', () => {
		expect(whoToAsk(['dpo', 'securityLead', 'incidentContact'], { dpo: 'dpo@ch-exemple.fr', securityLead: '  ', incidentContact: 'Poste 4321' })).toEqual([
			'votre DPO : dpo@ch-exemple.fr',
			'votre RSSI (responsable de la sécurité des systèmes d’information)',
			'le contact incident de votre établissement : Poste 4321',
		]);
	});
	it('lists each role once, in the order given', () => {
		expect(whoToAsk(['legal', 'legal', 'provider'], {})).toHaveLength(2);
	});
});
