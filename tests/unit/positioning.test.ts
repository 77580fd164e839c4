/**
 * Positioning test: scoring by theme, recommendations (track order, no track, themes answered
 * right), the stored result (defensive parsing, store round trip), the checks of the questions
 * file, and the real content/positionnement.yaml against the curriculum.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
	formatPositioningProblems,
	gapModules,
	makeResult,
	parsePositioning,
	positioningSection,
	recommend,
	recommendByTrack,
	scoreByTheme,
	validatePositioningFile,
	questionsFor,
	AUDIENCES,
	type DisplayQuestion,
	type PositioningResult,
} from '../../src/lib/positioning';
import { createProgressStore, type StorageLike } from '../../src/lib/progress/store';
import { questionSchema } from '../../src/lib/schemas';
import { trackModuleIds } from '../../src/lib/catalog';
import { THEMES } from '../../src/lib/taxonomy';
import { loadContent } from './content-load';

// ---------------------------------------------------------------- fixtures

const q = (
	id: string,
	theme: DisplayQuestion['theme'],
	modules: string[],
	type: DisplayQuestion['type'] = 'single',
	correct: string[] = ['a'],
): DisplayQuestion => ({
	id,
	theme,
	modules,
	type,
	correct,
	prompt: `Question ${id}`,
	explanation: 'Parce que.',
	difficulty: 1,
	source: 'Source de test, 2026',
	choices:
		type === 'truefalse'
			? [
					{ id: 'vrai', text: 'Vrai' },
					{ id: 'faux', text: 'Faux' },
				]
			: [
					{ id: 'a', text: 'A' },
					{ id: 'b', text: 'B' },
					{ id: 'c', text: 'C' },
				],
});

/** Two questions per theme; modules named after their theme. */
const QS: DisplayQuestion[] = [
	q('u1', 'usages', ['u-gen', 'u-base']),
	q('u2', 'usages', ['u-bias'], 'truefalse', ['faux']),
	q('c1', 'cybersecurite', ['c-shadow']),
	q('c2', 'cybersecurite', ['c-inject', 'c-secure'], 'multiple', ['a', 'c']),
	q('r1', 'reglementation', ['r-act', 'r-deploy']),
	q('r2', 'reglementation', ['r-gdpr'], 'truefalse', ['faux']),
];
const ALL_RIGHT = { u1: ['a'], u2: ['faux'], c1: ['a'], c2: ['a', 'c'], r1: ['a'], r2: ['faux'] };
const TRACK = ['u-base', 'u-gen', 'c-secure', 'r-gdpr', 'u-bias', 'c-shadow', 'r-act'];

// ---------------------------------------------------------------- scoring

describe('scoreByTheme', () => {
	const cases: Array<[string, Record<string, string[]>, Record<string, [number, number, number]>]> = [
		// every answer right: 100 % everywhere
		['all right', ALL_RIGHT, { usages: [2, 2, 100], cybersecurite: [2, 2, 100], reglementation: [2, 2, 100] }],
		// nothing answered: unanswered counts as wrong
		['nothing answered', {}, { usages: [0, 2, 0], cybersecurite: [0, 2, 0], reglementation: [0, 2, 0] }],
		// one wrong per theme: 50 %
		['one wrong per theme', { ...ALL_RIGHT, u1: ['b'], c1: ['c'], r2: ['vrai'] }, { usages: [1, 2, 50], cybersecurite: [1, 2, 50], reglementation: [1, 2, 50] }],
		// multiple-answer questions are all-or-nothing
		['multiple subset is wrong', { ...ALL_RIGHT, c2: ['a'] }, { usages: [2, 2, 100], cybersecurite: [1, 2, 50], reglementation: [2, 2, 100] }],
		// answers to unknown question ids change nothing
		['unknown ids ignored', { ...ALL_RIGHT, zz: ['a'], constructor: ['a'] }, { usages: [2, 2, 100], cybersecurite: [2, 2, 100], reglementation: [2, 2, 100] }],
	];
	it.each(cases)('%s', (_name, answers, expected) => {
		const s = scoreByTheme(QS, answers);
		for (const t of THEMES) expect([s[t].correct, s[t].total, s[t].percent], t).toEqual(expected[t]);
	});

	it('rounds down and gives 0 % to a theme without questions', () => {
		const three = [q('a1', 'usages', ['m']), q('a2', 'usages', ['m']), q('a3', 'usages', ['m'])];
		const s = scoreByTheme(three, { a1: ['a'], a2: ['a'] });
		// 2/3 = 66.67 % shows as 67 (rounded to the nearest)
		expect(s.usages).toEqual({ correct: 2, total: 3, percent: 67 });
		expect(s.cybersecurite).toEqual({ correct: 0, total: 0, percent: 0 });
	});
});

// ---------------------------------------------------------------- recommendations

describe('recommend', () => {
	const cases: Array<[string, Record<string, string[]>, string[] | null | undefined, string[]]> = [
		// everything right: nothing to recommend
		['all right → nothing', ALL_RIGHT, TRACK, []],
		// everything right, no track: still nothing
		['all right, no track → nothing', ALL_RIGHT, null, []],
		// usages all right, the other themes missed: no usages module even though the track has them
		['one theme all right → nothing of that theme', { u1: ['a'], u2: ['faux'] }, TRACK, ['c-secure', 'r-gdpr', 'c-shadow', 'r-act']],
		// wrong answers map to their modules, returned in track order (not question order)
		['wrong answers → modules in track order', { ...ALL_RIGHT, u2: ['vrai'], u1: ['b'], r1: ['c'] }, TRACK, ['u-base', 'u-gen', 'u-bias', 'r-act']],
		// a module tied to a missed question but absent from the track is left out
		['modules outside the track left out', { ...ALL_RIGHT, r1: ['b'] }, TRACK, ['r-act']],
		// no track (null): every module of the missed questions, in question order
		['no track (null) → question order', { ...ALL_RIGHT, r2: ['vrai'], u1: ['c'] }, null, ['u-gen', 'u-base', 'r-gdpr']],
		// no track (undefined) behaves the same
		['no track (undefined) → question order', { ...ALL_RIGHT, c2: ['a'] }, undefined, ['c-inject', 'c-secure']],
		// answers keyed by unknown question ids are ignored (the real questions count as unanswered)
		['unknown question ids ignored', { x1: ['a'], u1x: ['a'], ...ALL_RIGHT, c1: ['b'] }, TRACK, ['c-shadow']],
		// an empty track recommends nothing, even with gaps
		['empty track → nothing', {}, [], []],
		// a track listing a module twice yields it once
		['duplicates in the track collapse', { ...ALL_RIGHT, c1: ['b'] }, ['c-shadow', 'u-gen', 'c-shadow'], ['c-shadow']],
	];
	it.each(cases)('%s', (_name, answers, track, expected) => {
		expect(recommend({ questions: QS, answers, trackModuleIds: track })).toEqual(expected);
	});

	it('gapModules lists each module once, in question order', () => {
		const twice = [...QS, q('u3', 'usages', ['u-gen', 'u-extra'])];
		expect(gapModules(twice, { ...ALL_RIGHT, u1: ['b'] })).toEqual(['u-gen', 'u-base', 'u-extra']);
	});
});

// ---------------------------------------------------------------- stored result

const GOOD: PositioningResult = {
	takenOn: '2026-11-28',
	answers: { u1: ['a'], c2: ['a', 'c'] },
	scores: { usages: 50, cybersecurite: 50, reglementation: 0 },
};

describe('parsePositioning', () => {
	const cases: Array<[string, unknown, PositioningResult | null, 'corrupt' | undefined]> = [
		// nothing stored: no result, no problem
		['undefined', undefined, null, undefined],
		['null', null, null, undefined],
		// a well-formed value comes back unchanged
		['valid', GOOD, GOOD, undefined],
		// unknown extra fields are ignored, not reported
		['extra fields ignored', { ...GOOD, note: 'x' }, GOOD, undefined],
		// not an object
		['string', 'bonjour', null, 'corrupt'],
		['number', 42, null, 'corrupt'],
		['array', [GOOD], null, 'corrupt'],
		// impossible or missing date
		['bad date', { ...GOOD, takenOn: '2026-02-30' }, null, 'corrupt'],
		['missing date', { answers: GOOD.answers, scores: GOOD.scores }, null, 'corrupt'],
		// scores: missing theme, out of range, fraction, string, not an object
		['score missing a theme', { ...GOOD, scores: { usages: 50, cybersecurite: 50 } }, null, 'corrupt'],
		['score above 100', { ...GOOD, scores: { ...GOOD.scores, usages: 101 } }, null, 'corrupt'],
		['score fraction', { ...GOOD, scores: { ...GOOD.scores, usages: 50.5 } }, null, 'corrupt'],
		['score as text', { ...GOOD, scores: { ...GOOD.scores, usages: '50' } }, null, 'corrupt'],
		['scores not an object', { ...GOOD, scores: [50, 50, 0] }, null, 'corrupt'],
		// answers not an object
		['answers not an object', { ...GOOD, answers: 'a' }, null, 'corrupt'],
		// one bad answer entry is dropped alone, the rest kept, and the damage reported
		['bad answer entry dropped', { ...GOOD, answers: { ...GOOD.answers, 'Bad Id': ['a'], r1: 'a', r2: [], u2: [3] } }, GOOD, 'corrupt'],
		// duplicate choice ids are collapsed
		['duplicate choices collapsed', { ...GOOD, answers: { u1: ['a', 'a'], c2: ['a', 'c'] } }, GOOD, undefined],
	];
	it.each(cases)('%s', (_name, raw, value, problem) => {
		const r = parsePositioning(raw);
		expect(r.value).toEqual(value);
		expect(r.problem).toBe(problem);
	});

	it('a "__proto__" key from JSON is dropped and pollutes nothing', () => {
		const r = parsePositioning(JSON.parse('{"takenOn":"2026-11-28","answers":{"__proto__":["a"],"u1":["a"]},"scores":{"usages":0,"cybersecurite":0,"reglementation":0}}'));
		expect(r.problem).toBe('corrupt');
		expect(r.value?.answers).toEqual({ u1: ['a'] });
		expect(({} as Record<string, unknown>).u1).toBeUndefined();
	});
});

describe('makeResult', () => {
	it('keeps known questions and choices and stores percent by theme', () => {
		const r = makeResult(QS, { u1: ['a'], u2: ['vrai'], c2: ['a', 'c', 'zz'], zz: ['a'], r1: [] }, '2026-11-28');
		expect(r).toEqual({
			takenOn: '2026-11-28',
			// unknown question "zz", unknown choice "zz" and the empty answer are left out
			answers: { u1: ['a'], u2: ['vrai'], c2: ['a', 'c'] },
			scores: { usages: 50, cybersecurite: 50, reglementation: 0 },
			// the questions asked (they depend on the profile), so the result is recomputed on them
			asked: ['u1', 'u2', 'c1', 'c2', 'r1', 'r2'],
		});
		// what is stored reads back as it is
		expect(parsePositioning(JSON.parse(JSON.stringify(r)))).toEqual({ value: r });
	});

	it('refuses an impossible date', () => {
		expect(() => makeResult(QS, {}, '28/11/2026')).toThrow(RangeError);
	});
});

/** Map-backed Storage. */
class MemStorage implements StorageLike {
	data = new Map<string, string>();
	get length() {
		return this.data.size;
	}
	key(i: number) {
		return [...this.data.keys()][i] ?? null;
	}
	getItem(k: string) {
		return this.data.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		this.data.set(k, v);
	}
	removeItem(k: string) {
		this.data.delete(k);
	}
}
const KEY = 'pias:/:positioning:v1';
const openStore = (storage: StorageLike) => createProgressStore({ storage, namespace: '/', today: () => '2026-11-28' });

describe('positioning store section', () => {
	it('saves under pias:<ns>:positioning:v1 and a new page load reads it back', () => {
		const storage = new MemStorage();
		const sec = positioningSection(openStore(storage));
		expect(sec.key).toBe(KEY);
		expect(sec.get()).toBeNull();
		sec.set(GOOD);
		expect(JSON.parse(storage.getItem(KEY)!)).toEqual(GOOD);
		expect(positioningSection(openStore(storage)).get()).toEqual(GOOD);
	});

	it('registers the section once per store', () => {
		const store = openStore(new MemStorage());
		expect(positioningSection(store)).toBe(positioningSection(store));
	});

	it('a corrupted stored value is read as "no result", set aside and reported', () => {
		const storage = new MemStorage();
		storage.setItem(KEY, '{"takenOn":"hier","scores":');
		const store = openStore(storage);
		const sec = positioningSection(store);
		expect(sec.get()).toBeNull();
		expect(sec.backups().map((b) => b.raw)).toEqual(['{"takenOn":"hier","scores":']);
		expect(store.notices.map((n) => n.message).join(' ')).toContain('votre test de positionnement');
	});
});

// ---------------------------------------------------------------- file checks

const parseQuestion = (x: unknown) => questionSchema.safeParse(x);
const THEMES_OF = new Map([
	['m-u', 'usages'],
	['m-c', 'cybersecurite'],
	['m-r', 'reglementation'],
]);
const raw = (over: Record<string, unknown>[] = []) => ({
	version: 1,
	reviewed: '2026-11-28',
	questions: [
		{ id: 'qa', theme: 'usages', difficulty: 1, source: 'Source de test, 2026', modules: ['m-u'], type: 'truefalse', prompt: 'Une question ?', correct: ['vrai'], explanation: 'Une explication assez longue.' },
		{ id: 'qb', theme: 'cybersecurite', difficulty: 1, source: 'Source de test, 2026', modules: ['m-c'], type: 'truefalse', prompt: 'Une question ?', correct: ['faux'], explanation: 'Une explication assez longue.' },
		{ id: 'qc', theme: 'reglementation', difficulty: 1, source: 'Source de test, 2026', modules: ['m-r'], type: 'truefalse', prompt: 'Une question ?', correct: ['vrai'], explanation: 'Une explication assez longue.' },
		...over,
	],
});

describe('validatePositioningFile', () => {
	it('accepts a well-formed file and fills true/false choices', () => {
		const { file, problems } = validatePositioningFile(raw(), { parseQuestion, moduleThemes: THEMES_OF });
		expect(problems).toEqual([]);
		expect(file?.questions.map((x) => x.id)).toEqual(['qa', 'qb', 'qc']);
		expect(file?.questions[0].choices.map((c) => c.id)).toEqual(['vrai', 'faux']);
	});

	const bad: Array<[string, unknown, string, string]> = [
		// a module id that does not exist is named, with the question
		['unknown module', raw([{ id: 'qd', theme: 'usages', difficulty: 1, source: 'Source de test, 2026', modules: ['nope'], type: 'truefalse', prompt: 'Une question ?', correct: ['vrai'], explanation: 'Une explication assez longue.' }]), 'qd', 'le module « nope » n\'existe pas'],
		// a module of another theme would break "a theme all right brings none of its modules"
		['module of another theme', raw([{ id: 'qd', theme: 'usages', difficulty: 1, source: 'Source de test, 2026', modules: ['m-r'], type: 'truefalse', prompt: 'Une question ?', correct: ['vrai'], explanation: 'Une explication assez longue.' }]), 'qd', 'thème « reglementation »'],
		// no module at all
		['no module', raw([{ id: 'qd', theme: 'usages', difficulty: 1, source: 'Source de test, 2026', modules: [], type: 'truefalse', prompt: 'Une question ?', correct: ['vrai'], explanation: 'Une explication assez longue.' }]), 'qd', 'au moins un module'],
		// unknown theme
		['unknown theme', raw([{ id: 'qd', theme: 'ethique', difficulty: 1, source: 'Source de test, 2026', modules: ['m-u'], type: 'truefalse', prompt: 'Une question ?', correct: ['vrai'], explanation: 'Une explication assez longue.' }]), 'qd', 'thème attendu'],
		// the quiz schema's own checks apply (right answer must be a choice)
		['schema error', raw([{ id: 'qd', theme: 'usages', difficulty: 1, source: 'Source de test, 2026', modules: ['m-u'], type: 'single', prompt: 'Une question ?', choices: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], correct: ['z'], explanation: 'Une explication assez longue.' }]), 'qd', 'correct'],
		// duplicate question ids
		['duplicate id', raw([{ id: 'qa', theme: 'usages', difficulty: 1, source: 'Source de test, 2026', modules: ['m-u'], type: 'truefalse', prompt: 'Une question ?', correct: ['vrai'], explanation: 'Une explication assez longue.' }]), 'qa', 'en double'],
	];
	it.each(bad)('%s', (_name, input, qid, text) => {
		const { file, problems } = validatePositioningFile(input, { parseQuestion, moduleThemes: THEMES_OF });
		expect(file).toBeNull();
		const msg = formatPositioningProblems(problems);
		expect(msg).toContain('content/positionnement.yaml');
		expect(msg).toContain(`question « ${qid} »`);
		expect(msg).toContain(text);
	});

	it('refuses a file without a theme, or without questions', () => {
		const noRegl = { ...raw(), questions: raw().questions.slice(0, 2) };
		expect(formatPositioningProblems(validatePositioningFile(noRegl, { parseQuestion, moduleThemes: THEMES_OF }).problems)).toContain('reglementation');
		expect(validatePositioningFile({ version: 1, reviewed: '2026-11-28', questions: [] }, { parseQuestion, moduleThemes: THEMES_OF }).file).toBeNull();
		expect(validatePositioningFile('questions: []', { parseQuestion, moduleThemes: THEMES_OF }).file).toBeNull();
	});
});

// ---------------------------------------------------------------- the real content

describe('content/positionnement.yaml', () => {
	const content = loadContent();
	const moduleThemes = new Map(content.modules.map((m) => [m.id, m.data.theme as string]));
	const data = yaml.load(readFileSync(join(process.cwd(), 'content/positionnement.yaml'), 'utf8'));
	const { file, problems } = validatePositioningFile(data, { parseQuestion, moduleThemes });
	const questions = file?.questions ?? [];

	it('validates against the quiz schema and the curriculum (every module exists, same theme)', () => {
		expect(formatPositioningProblems(problems)).toBe('');
		expect(file).not.toBeNull();
		for (const x of questions) for (const m of x.modules) expect(moduleThemes.get(m), `${x.id} → ${m}`).toBe(x.theme);
	});

	it('asks every audience 12 questions, 4 per theme, mixing the three question types', () => {
		for (const a of AUDIENCES) {
			const asked = questionsFor(questions, a);
			expect(asked, a).toHaveLength(12);
			for (const t of THEMES) expect(asked.filter((x) => x.theme === t), `${a} ${t}`).toHaveLength(4);
		}
		for (const type of ['single', 'multiple', 'truefalse'] as const) expect(questions.some((x) => x.type === type), type).toBe(true);
	});

	it('spreads the single-choice keys (no position holds more than half)', () => {
		const singles = questions.filter((x) => x.type === 'single');
		const counts = new Map<number, number>();
		for (const x of singles) {
			const pos = x.choices.findIndex((c) => c.id === x.correct[0]);
			counts.set(pos, (counts.get(pos) ?? 0) + 1);
		}
		for (const [pos, n] of counts) expect(n, `position ${pos}`).toBeLessThanOrEqual(singles.length / 2);
	});

	it('gives every track (and nurse setting) something to recommend when all answers are wrong', () => {
		for (const tr of content.tracks) {
			for (const setting of [null, ...tr.data.variants.map((v) => v.setting)]) {
				const ids = trackModuleIds(tr.data, setting);
				const recs = recommend({ questions, answers: {}, trackModuleIds: ids });
				expect(recs.length, `${tr.data.profile} ${setting ?? ''}`).toBeGreaterThan(0);
				// in track order
				expect(recs).toEqual(ids.filter((id) => recs.includes(id)));
			}
		}
	});

	it('ties each module through a question whose explanation is substantial', () => {
		for (const x of questions) expect(x.explanation.length, x.id).toBeGreaterThan(150);
	});
});

describe('recommendations come from the learner’s own track first', () => {
	const content = loadContent();
	const moduleThemes = Object.fromEntries(content.modules.map((m) => [m.id, m.data.theme as string]));
	const data = yaml.load(readFileSync(join(process.cwd(), 'content/positionnement.yaml'), 'utf8'));
	const { file } = validatePositioningFile(data, { parseQuestion, moduleThemes: new Map(Object.entries(moduleThemes)) });
	const questions = file!.questions;
	const student = content.tracks.find((t) => t.data.profile === 'etudiant')!;
	const studentIds = trackModuleIds(student.data);
	// A student who answers 2 of 4 cyber questions (the two whose tied modules are not in her track), the rest right.
	const cyber = questions.filter((x) => x.theme === 'cybersecurite');
	const outsideTrack = cyber.filter((x) => !x.modules.some((m) => studentIds.includes(m)));
	const answers = Object.fromEntries(questions.map((x) => [x.id, outsideTrack.slice(0, 2).includes(x) ? x.choices.filter((c) => !x.correct.includes(c.id)).slice(0, 1).map((c) => c.id) : x.correct]));

	it('a student who misses cyber questions gets the cyber modules of her track, in track order', () => {
		expect(outsideTrack.length).toBeGreaterThanOrEqual(2);
		// The old rule gave her no module of her track.
		expect(recommend({ questions, answers, trackModuleIds: studentIds })).toEqual([]);
		const r = recommendByTrack({ questions, answers, trackModuleIds: studentIds, moduleThemes });
		const cyberInTrack = studentIds.filter((id) => moduleThemes[id] === 'cybersecurite');
		expect(cyberInTrack.length).toBeGreaterThan(0);
		expect(r.inTrack).toEqual(cyberInTrack);
		expect(r.outside.length).toBeLessThanOrEqual(3);
		for (const id of r.outside) expect(studentIds).not.toContain(id);
	});
	it('keeps only the tied modules when the track has some for the missed theme', () => {
		const tiedQ = cyber.find((x) => x.modules.some((m) => studentIds.includes(m)))!;
		const a2 = { ...Object.fromEntries(questions.map((x) => [x.id, x.correct])), [tiedQ.id]: [] };
		const r = recommendByTrack({ questions, answers: a2, trackModuleIds: studentIds, moduleThemes });
		expect(r.inTrack).toEqual(studentIds.filter((id) => tiedQ.modules.includes(id)));
	});
	it('recommends nothing when every answer is right, and everything tied without a track', () => {
		const right = Object.fromEntries(questions.map((x) => [x.id, x.correct]));
		expect(recommendByTrack({ questions, answers: right, trackModuleIds: studentIds, moduleThemes })).toEqual({ inTrack: [], outside: [] });
		expect(recommendByTrack({ questions, answers, trackModuleIds: null, moduleThemes }).outside).toEqual(gapModules(questions, answers));
	});
});
