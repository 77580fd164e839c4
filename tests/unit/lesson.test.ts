/**
 * The lesson engine's pure parts: the resume model (`state.ts`), the attempt order (shuffled,
 * stable, scored by ids), the section in the real progress store over stored data of today's
 * format, the step blocks of an MDX body, the lesson rules of the schema, and the lesson time.
 */
import { describe, expect, it } from 'vitest';
import {
	AT_CASE,
	AT_QUIZ,
	answerCheck,
	answerQuiz,
	attemptOrder,
	chooseOption,
	decodeAnswer,
	encodeAnswer,
	endQuiz,
	getLesson,
	goTo,
	lessonSummary,
	MAX_LESSONS,
	mergeLessons,
	parseLessons,
	shuffled,
	startQuiz,
	updateLesson,
	emptyLessons,
	type LessonsState,
} from '../../src/lib/lesson/state';
import { lessonSection } from '../../src/lib/lesson/section';
import { stepBlocks, stepBodyProblems } from '../../src/lib/lesson/steps';
import { createProgressStore } from '../../src/lib/progress/store';
import { MapStorage } from './map-storage';
import { scoreQuiz } from '../../src/lib/quiz/scoring';
import { moduleSchema } from '../../src/lib/schemas';
import { lessonTime, questionMinutes, LESSON_WORDS_PER_MINUTE, SECONDS_TO_ANSWER } from '../../src/lib/duration';
import { loadContent } from './content-load';
import { lessonTimeOf, moduleMinutes } from '../../src/lib/catalog';

const OUTLINE = { steps: ['s1', 's2', 's3', 's4', 's5'] };
const T0 = 1_764_750_000_000;
const up = (s: LessonsState, fn: Parameters<typeof updateLesson>[5], t = T0, cv = 2) => updateLesson(s, 'injection-de-prompt', cv, OUTLINE, t, fn);

describe('resume model', () => {
	it('keeps the step reached, every check answer, the case choice and the quiz answers so far', () => {
		let s = emptyLessons();
		s = up(s, answerCheck('c1', ['b']));
		s = up(s, goTo(OUTLINE, 's2'));
		s = up(s, answerCheck('c2', ['c', 'a']));
		s = up(s, goTo(OUTLINE, 's3'));
		s = up(s, chooseOption('d'));
		s = up(s, startQuiz(42));
		s = up(s, answerQuiz('q3', ['a'], 99));
		s = up(s, answerQuiz('q1', ['b', 'c'], 99), T0 + 5);
		const e = getLesson(s, 'injection-de-prompt')!;
		expect(e).toMatchObject({ cv: 2, at: 's3', far: 2, checks: { c1: 'b', c2: 'a.c' }, choice: 'd', quiz: { seed: 42, answers: { q3: 'a', q1: 'b.c' } }, t: T0 + 5 });
		// What goes to storage is ids and short codes only.
		expect(JSON.stringify(s).length).toBeLessThan(220);
		expect(lessonSummary(e, OUTLINE)).toEqual({ step: 3, steps: 5, at: 'step' });
	});

	it('counts the first answer of a check and the first case choice; far only grows', () => {
		let s = up(emptyLessons(), answerCheck('c1', ['a']));
		s = up(s, answerCheck('c1', ['b']));
		s = up(s, chooseOption('a'));
		s = up(s, chooseOption('b'));
		s = up(s, goTo(OUTLINE, AT_QUIZ));
		s = up(s, goTo(OUTLINE, 's1'));
		expect(getLesson(s, 'injection-de-prompt')).toMatchObject({ checks: { c1: 'a' }, choice: 'a', at: 's1', far: 6 });
		expect(up(s, goTo(OUTLINE, 'unknown'))).toBe(s);
	});

	it('drops the answers but keeps the place when the content version moves on', () => {
		let s = up(emptyLessons(), answerCheck('c1', ['a']), T0, 1);
		s = up(s, goTo(OUTLINE, 's4'), T0, 1);
		s = up(s, (e) => e, T0 + 1, 2);
		expect(getLesson(s, 'injection-de-prompt')).toMatchObject({ cv: 2, at: 's4', checks: {} });
	});

	it('ends an attempt so that the next one gets a new order', () => {
		let s = up(emptyLessons(), startQuiz(7));
		s = up(s, answerQuiz('q1', ['a'], 7));
		s = up(s, endQuiz());
		expect(getLesson(s, 'injection-de-prompt')!.quiz).toBeUndefined();
		s = up(s, startQuiz(8));
		expect(getLesson(s, 'injection-de-prompt')!.quiz).toEqual({ seed: 8, answers: {} });
	});

	it('keeps at most MAX_LESSONS modules, the least recent dropped first', () => {
		let s = emptyLessons();
		for (let i = 0; i < MAX_LESSONS + 3; i++) s = updateLesson(s, `m${i}`, 1, OUTLINE, T0 + i, goTo(OUTLINE, 's2'));
		expect(Object.keys(s.modules)).toHaveLength(MAX_LESSONS);
		expect(getLesson(s, 'm0')).toBeUndefined();
		expect(getLesson(s, `m${MAX_LESSONS + 2}`)).toBeDefined();
	});

	it('merges two tabs module by module, the latest change winning', () => {
		const a = updateLesson(emptyLessons(), 'x', 1, OUTLINE, T0 + 10, goTo(OUTLINE, 's3'));
		const b = updateLesson(updateLesson(emptyLessons(), 'x', 1, OUTLINE, T0, goTo(OUTLINE, 's2')), 'y', 1, OUTLINE, T0, goTo(OUTLINE, 's4'));
		const m = mergeLessons(a, b);
		expect(getLesson(m, 'x')!.at).toBe('s3');
		expect(getLesson(m, 'y')!.at).toBe('s4');
	});

	it('encodes answers as sorted codes and refuses bad codes', () => {
		expect(encodeAnswer(['c', 'a', 'c'])).toBe('a.c');
		expect(decodeAnswer('a.c')).toEqual(['a', 'c']);
		expect(decodeAnswer('<img>')).toEqual([]);
		expect(decodeAnswer(undefined)).toEqual([]);
	});
});

describe('attempt order', () => {
	const QUIZ = [
		{ id: 'q1', type: 'single' as const, choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], correct: ['b'] },
		{ id: 'q2', type: 'truefalse' as const, choices: [{ id: 'vrai' }, { id: 'faux' }], correct: ['faux'] },
		{ id: 'q3', type: 'multiple' as const, choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], correct: ['a', 'c'] },
		{ id: 'q4', type: 'single' as const, choices: [{ id: 'a' }, { id: 'b' }], correct: ['a'] },
		{ id: 'q5', type: 'single' as const, choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], correct: ['c'] },
	];

	it('is the same for the same seed, a permutation, and varies across seeds', () => {
		const one = attemptOrder(QUIZ, 1234);
		expect(attemptOrder(QUIZ, 1234)).toEqual(one);
		expect(one.map((o) => o.id).sort()).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
		const orders = new Set(Array.from({ length: 40 }, (_, i) => attemptOrder(QUIZ, i + 1).map((o) => o.id).join()));
		expect(orders.size).toBeGreaterThan(10);
		const firstChoice = new Set(Array.from({ length: 40 }, (_, i) => attemptOrder(QUIZ, i + 1).find((o) => o.id === 'q3')!.choices[0]));
		expect(firstChoice.size).toBeGreaterThan(2);
	});

	it('keeps « Vrai » before « Faux »', () => {
		for (let seed = 1; seed < 30; seed++) expect(attemptOrder(QUIZ, seed).find((o) => o.id === 'q2')!.choices).toEqual(['vrai', 'faux']);
	});

	it('scores the same whatever the order (scoring reads ids)', () => {
		const answers = { q1: ['b'], q2: ['vrai'], q3: ['c', 'a'], q4: ['a'], q5: ['c'] };
		for (let seed = 1; seed < 20; seed++) {
			const ordered = attemptOrder(QUIZ, seed).map((o) => QUIZ.find((q) => q.id === o.id)!);
			expect(scoreQuiz(ordered, answers)).toMatchObject({ correct: 4, total: 5, percent: 80, passed: true });
		}
	});

	it('shuffles without losing or adding items', () => {
		expect(shuffled([1, 2, 3, 4, 5, 6], 99).sort()).toEqual([1, 2, 3, 4, 5, 6]);
	});
});

describe('stored lessons', () => {
	it('reads a good value, drops a bad entry alone and reports it, flags a future version', () => {
		const good = { v: 1, modules: { x: { cv: 1, at: 's2', far: 1, checks: { c1: 'a' }, t: 5 } } };
		expect(parseLessons(good)).toEqual({ value: good });
		const bad = parseLessons({ v: 1, modules: { x: good.modules.x, y: { cv: 'deux' }, z: { ...good.modules.x, checks: { c1: '<script>' } } } });
		expect(bad.problem).toBe('corrupt');
		expect(Object.keys(bad.value.modules).sort()).toEqual(['x', 'z']);
		expect(bad.value.modules.z.checks).toEqual({});
		expect(parseLessons({ v: 2, modules: {} }).problem).toBe('future');
		expect(parseLessons('nope').problem).toBe('corrupt');
		expect(parseLessons(undefined)).toEqual({ value: emptyLessons() });
		expect(parseLessons({ v: 1, modules: { x: { ...good.modules.x, at: AT_CASE } } }).value.modules.x.at).toBe(AT_CASE);
	});

	it('adds to stored progress of today’s format without touching it, and resumes after a reload', () => {
		const storage = new MapStorage();
		const today = { v: 2, profile: 'infirmier', setting: 'ehpad', modules: { 'comprendre-ia': { status: 'completed', best: 83, attempts: 2, lastVisit: '2026-11-30', completedOn: '2026-11-30', version: 1, missed: ['q4'] } } };
		storage.setItem('pias:/:progress:v2', JSON.stringify(today));
		const before = storage.getItem('pias:/:progress:v2');
		const store = createProgressStore({ storage, namespace: '/', today: () => '2026-12-03' });
		lessonSection(store).update((s) => updateLesson(s, 'injection-de-prompt', 2, OUTLINE, T0, goTo(OUTLINE, 's3')));
		expect(storage.getItem('pias:/:progress:v2')).toBe(before);
		expect(store.progress.get().modules['comprendre-ia'].best).toBe(83);
		const again = createProgressStore({ storage, namespace: '/', today: () => '2026-12-03' });
		expect(getLesson(lessonSection(again).get(), 'injection-de-prompt')!.at).toBe('s3');
		expect(storage.getItem('pias:/:lesson:v1')).toContain('"at":"s3"');
	});

	it('lets two tabs’ answers add up on one lesson', () => {
		const storage = new MapStorage();
		const tab1 = createProgressStore({ storage, namespace: '/', today: () => '2026-12-03' });
		const tab2 = createProgressStore({ storage, namespace: '/', today: () => '2026-12-03' });
		lessonSection(tab1).update((s) => updateLesson(s, 'm', 1, OUTLINE, T0, answerCheck('c1', ['a'])));
		lessonSection(tab2).update((s) => updateLesson(s, 'm', 1, OUTLINE, T0 + 1, answerCheck('c2', ['b'])));
		const again = createProgressStore({ storage, namespace: '/', today: () => '2026-12-03' });
		expect(getLesson(lessonSection(again).get(), 'm')!.checks).toEqual({ c1: 'a', c2: 'b' });
	});
});

describe('step blocks', () => {
	const body = 'import X from "y";\n\n<Step id="un">\n\nUn texte.\n\n</Step>\n\n<Step id="deux">\n\nDeux.\n\n</Step>\n';
	it('reads the blocks in order with their line', () => {
		expect(stepBlocks(body).map((b) => [b.id, b.line])).toEqual([['un', 3], ['deux', 9]]);
		expect(stepBodyProblems(body, ['un', 'deux'])).toEqual([]);
	});
	it('names a missing block, an undeclared block, the wrong order, text outside steps, an unclosed tag', () => {
		const msgs = (b: string, ids: string[]) => stepBodyProblems(b, ids).map((p) => p.message).join(' | ');
		expect(msgs(body, ['un', 'deux', 'trois'])).toContain('« trois » n’a pas de bloc');
		expect(msgs(body, ['un'])).toContain('<Step id="deux">');
		expect(msgs(body, ['deux', 'un'])).toContain('ne suivent pas l’ordre');
		expect(msgs(`${body}\nUn mot perdu.`, ['un', 'deux'])).toContain('hors de toute étape');
		expect(msgs('<Step id="un">\n\nTexte', ['un'])).toContain('1 balise(s) <Step> ouvrante(s) pour 0');
	});
});

describe('lesson rules of the schema', () => {
	const [mod] = loadContent().modules.filter((m) => m.id === 'injection-de-prompt');
	const raw = () => JSON.parse(JSON.stringify(mod.data));
	const issues = (d: unknown) => {
		const r = moduleSchema.safeParse(d);
		return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
	};
	it('accepts the pilot and refuses a step without its check, a reused quiz prompt, a case without options', () => {
		expect(issues(raw())).toEqual([]);
		const noCheck = raw();
		delete noCheck.steps[1].check;
		noCheck.steps[1].essential = false;
		expect(issues(noCheck).join()).toContain('doit finir par une question de vérification');
		const copy = raw();
		copy.steps[0].check.prompt = copy.quiz[0].prompt;
		expect(issues(copy).join()).toContain('reprend une question du quiz');
		const noOptions = raw();
		delete noOptions.case.options;
		expect(issues(noOptions).join()).toContain('le cas est une décision');
		const three = raw();
		three.steps = three.steps.slice(0, 3);
		expect(issues(three).join()).toContain('4 à 7 étapes');
	});
});

describe('lesson time', () => {
	it('adds reading at the lesson rate, the checks, the case and the quiz', () => {
		// 10 words read before answering, 5 after: 15 words at the lesson rate plus the answer time.
		const check = { prompt: 'Que faites-vous en premier ?', choices: [{ text: 'Je vérifie' }, { text: 'Je signale' }, { text: 'Rien' }], explanation: 'On signale avant tout le reste.' };
		expect(questionMinutes(check)).toBeCloseTo(15 / LESSON_WORDS_PER_MINUTE + SECONDS_TO_ANSWER / 60);
		const t = lessonTime([{ id: 'a', words: 300, check }, { id: 'b', words: 150 }], 150, [check, check]);
		expect(t.steps[0].minutes).toBeCloseTo(300 / LESSON_WORDS_PER_MINUTE + questionMinutes(check));
		expect(t.steps[1].minutes).toBeCloseTo(1);
		expect(t.quiz).toBeCloseTo(2 * questionMinutes(check));
		expect(t.total).toBeCloseTo(t.steps[0].minutes + t.steps[1].minutes + t.case + t.quiz);
	});
	it('is what the pilot shows, within the 5-15 minutes a module should take', () => {
		const [m] = loadContent().modules.filter((x) => x.id === 'injection-de-prompt');
		const lt = lessonTimeOf(m)!;
		expect(lt.steps).toHaveLength(5);
		expect(moduleMinutes(m)).toBe(Math.max(1, Math.round(lt.total)));
		expect(moduleMinutes(m)).toBeGreaterThanOrEqual(5);
		expect(moduleMinutes(m)).toBeLessThanOrEqual(15);
	});
});
