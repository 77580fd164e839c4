/**
 * The questionnaire definition, answer checking, the stored `survey` section and the
 * barrier → module mapping (checked against the real content folder).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readModules } from '../../src/lib/content-files';
import { checkAnswers, isAsked, QUESTIONS, REGION, APPROVAL, type Answers } from '../../src/lib/survey/questions';
import {
	BARRIER_MODULES,
	mappedModuleIds,
	recommendForAnswers,
	recommendForBarriers,
	unknownModuleIds,
} from '../../src/lib/survey/recommend';
import { parsePositioningScores, parseSurveyState } from '../../src/lib/survey/state';
import { moduleTargets, SurveyMappingError } from '../../src/lib/survey/targets';

const COMPLETE: Answers = {
	profession: 'infirmier',
	sector: 'ehpad-medico-social',
	region: 'bretagne',
	ageBand: '30-44',
	tools: ['chatbot'],
	approval: 'non',
	uses: ['rediger'],
	barriers: ['cybersecurite', 'formation'],
	trainingThemes: ['cybersecurite'],
	trainingFormat: 'mixte',
};

describe('questionnaire definition', () => {
	it('has ten questions with unique ids and unique option ids per question', () => {
		expect(QUESTIONS).toHaveLength(10);
		expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(10);
		for (const q of QUESTIONS) {
			expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(q.options.length);
			for (const o of q.options) expect(o.id, `${q.id}.${o.id}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		}
	});

	it('lists the 18 French regions, overseas included, plus « préfère ne pas dire »', () => {
		const ids = REGION.options.map((o) => o.id);
		expect(ids).toHaveLength(19);
		for (const overseas of ['guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte']) expect(ids).toContain(overseas);
		expect(ids).toContain('non-precise');
	});

	it('asks approval and uses only to tool users', () => {
		expect(isAsked(APPROVAL, { tools: ['aucun'] })).toBe(false);
		expect(isAsked(APPROVAL, {})).toBe(false);
		expect(isAsked(APPROVAL, { tools: ['transcription'] })).toBe(true);
	});
});

describe('checkAnswers', () => {
	const cases: Array<[string, Answers, Array<[string, string]>]> = [
		// everything answered
		['complete answers', COMPLETE, []],
		// no tool: approval and uses are not asked, so not missing
		['no tool, no approval', { ...COMPLETE, tools: ['aucun'], approval: undefined, uses: undefined }, []],
		// nothing at all: every question asked is missing (approval/uses are not asked yet)
		['empty', {}, ['profession', 'sector', 'region', 'ageBand', 'tools', 'barriers', 'trainingThemes', 'trainingFormat'].map((q) => [q, 'missing'])],
		// a tool but no approval and no use
		['tool without approval', { ...COMPLETE, approval: undefined, uses: [] }, [['approval', 'missing'], ['uses', 'missing']]],
		// « aucun » ticked with a tool
		['exclusive tools', { ...COMPLETE, tools: ['aucun', 'chatbot'] }, [['tools', 'exclusive']]],
		// « aucun frein » with a barrier
		['exclusive barriers', { ...COMPLETE, barriers: ['aucun', 'cout'] }, [['barriers', 'exclusive']]],
		// an unknown option counts as no answer
		['unknown option', { ...COMPLETE, profession: 'astronaute' }, [['profession', 'missing']]],
	];
	it.each(cases)('%s', (_name, input, expected) => {
		const { problems } = checkAnswers(input);
		expect(problems.map((p) => [p.question, p.kind])).toEqual(expected);
		for (const p of problems) expect(p.message).toMatch(/^(Choisissez|Cochez|«)/);
	});

	it('drops answers to questions not asked and sorts lists in option order', () => {
		const { answers } = checkAnswers({ ...COMPLETE, tools: ['aucun'], barriers: ['formation', 'cybersecurite'] });
		expect(answers.approval).toBeUndefined();
		expect(answers.uses).toBeUndefined();
		expect(answers.barriers).toEqual(['cybersecurite', 'formation']);
	});
});

describe('barrier → modules', () => {
	const onDisk = new Set(readModules(join(process.cwd(), 'content')).map((m) => String(m.data.id)));

	it('names only modules that exist in content/modules', () => {
		expect(onDisk.size).toBeGreaterThan(10);
		expect(unknownModuleIds(onDisk)).toEqual([]);
	});

	it('reports a module that does not exist (the build check can fail)', () => {
		const without = new Set([...onDisk].filter((id) => id !== 'supervision-humaine'));
		expect(unknownModuleIds(without)).toEqual(['supervision-humaine']);
	});

	it('covers every barrier option except « aucun »', () => {
		const barrierIds = QUESTIONS.find((q) => q.id === 'barriers')!.options.map((o) => o.id);
		for (const b of barrierIds) expect(Object.hasOwn(BARRIER_MODULES, b), b).toBe(true);
		for (const b of barrierIds.filter((x) => x !== 'aucun')) expect(BARRIER_MODULES[b].length, b).toBeGreaterThan(0);
		expect(mappedModuleIds()).toContain('ai-act-essentiel');
	});

	const cases: Array<[string, string[], string[]]> = [
		// one barrier: its modules in order
		['cybersecurity only', ['cybersecurite'], ['shadow-ia-fuites-donnees', 'hygiene-numerique-outils-ia', 'rgpd-donnees-sante']],
		// two barriers: interleaved, shared module (rgpd) listed once
		['cyber + rules', ['cybersecurite', 'regles'], ['shadow-ia-fuites-donnees', 'ai-act-essentiel', 'hygiene-numerique-outils-ia', 'rgpd-donnees-sante', 'responsabilite-erreur-ia']],
		// fear of being replaced
		['replacement', ['remplacement'], ['supervision-humaine', 'comprendre-ia', 'aide-decision-biais-automatisation']],
		// unknown and prototype names give nothing
		['unknown ids', ['meteo', 'constructor', '__proto__'], []],
	];
	it.each(cases)('%s', (_name, barriers, expected) => {
		expect(recommendForBarriers(barriers).map((r) => r.moduleId)).toEqual(expected);
	});

	it('keeps every reason of a shared module and caps the list', () => {
		const r = recommendForBarriers(['cybersecurite', 'regles', 'formation', 'remplacement'], 6);
		expect(r).toHaveLength(6);
		expect(new Set(r.map((x) => x.moduleId)).size).toBe(6);
		const shared = recommendForBarriers(['cybersecurite', 'regles']).find((x) => x.moduleId === 'rgpd-donnees-sante')!;
		expect(shared.because).toEqual(['cybersecurite', 'regles']);
	});

	it('puts the shadow-AI module first for someone using an unapproved tool', () => {
		const r = recommendForAnswers({ ...COMPLETE, approval: 'non', barriers: ['remplacement'] });
		expect(r[0]).toEqual({ moduleId: 'shadow-ia-fuites-donnees', because: ['outil-non-autorise'] });
		expect(r.map((x) => x.moduleId)).toContain('supervision-humaine');
		const approved = recommendForAnswers({ ...COMPLETE, approval: 'oui', barriers: ['remplacement'] });
		expect(approved[0].moduleId).toBe('supervision-humaine');
	});
});

describe('stored survey section', () => {
	const cases: Array<[string, unknown, unknown, boolean]> = [
		// nothing stored
		['undefined', undefined, { answers: {}, id: null }, false],
		// a string instead of an object
		['not an object', 'oops', { answers: {}, id: null }, true],
		// a good value comes back as stored
		['valid', { answers: { profession: 'medecin', tools: ['chatbot'] }, id: 'k3j9x2m4q8w7hbnc' }, { answers: { profession: 'medecin', tools: ['chatbot'] }, id: 'k3j9x2m4q8w7hbnc' }, false],
		// an unknown option is dropped, the rest kept, reported corrupt
		['unknown option', { answers: { profession: 'astronaute', sector: 'liberal' }, id: null }, { answers: { sector: 'liberal' }, id: null }, true],
		// an unknown question and a bad id
		['unknown question, bad id', { answers: { nom: 'Dupont' }, id: 'x' }, { answers: {}, id: null }, true],
		// one bad item in a list: the good ones stay
		['partly bad list', { answers: { barriers: ['cout', 42] } }, { answers: { barriers: ['cout'] }, id: null }, true],
	];
	it.each(cases)('%s', (_name, raw, value, corrupt) => {
		const r = parseSurveyState(raw);
		expect(r.value).toEqual(value);
		expect(r.problem === 'corrupt').toBe(corrupt);
	});

	it('reads positioning scores without ever reporting a problem', () => {
		expect(parsePositioningScores(undefined)).toEqual({ value: null });
		expect(parsePositioningScores('x')).toEqual({ value: null });
		expect(parsePositioningScores({ scores: { usages: 55, autre: 3 } })).toEqual({ value: { usages: 55 } });
		expect(parsePositioningScores({ scores: [] })).toEqual({ value: null });
	});
});

describe('build-time module targets', () => {
	const modules = readModules(join(process.cwd(), 'content'));
	const byId = new Map(modules.map((m) => [String(m.data.id), { data: { title: String(m.data.title) } }]));

	it('gives the title, minutes and URL of every mapped module under the base path', () => {
		const targets = moduleTargets(byId as never, new Map([['ai-act-essentiel', 12]]), '/formation-ia/');
		expect(Object.keys(targets).sort()).toEqual(mappedModuleIds());
		expect(targets['ai-act-essentiel']).toEqual({
			title: "L'essentiel du règlement européen sur l'IA (AI Act)",
			minutes: 12,
			url: '/formation-ia/modules/ai-act-essentiel/',
		});
	});

	it('stops the build with the missing ids named', () => {
		const without = new Map([...byId].filter(([id]) => id !== 'rgpd-donnees-sante' && id !== 'comprendre-ia'));
		expect(() => moduleTargets(without as never, new Map(), '/')).toThrow(/comprendre-ia, rgpd-donnees-sante/);
		expect(() => moduleTargets(without as never, new Map(), '/')).toThrow(SurveyMappingError);
	});
});
