/**
 * The lesson state inside SCORM 1.2's `cmi.suspend_data` (issue 13 item 12): round trip, what an
 * older reader does with it, the bridge saving and resuming it, and the size at the largest
 * lesson the catalogue allows: the most steps a lesson may have, every check answered with every
 * choice ticked, a case choice of the longest form, the quiz of the catalogue whose answers take
 * the most characters, and results for every module, all within 4,096 characters.
 */
import { describe, expect, it } from 'vitest';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_MAX, type ResumeResults } from '../../src/lib/scorm/suspend-data';
import { openSession, type Scorm12Api } from '../../src/lib/scorm/bridge';
import { encodeAnswer, normaliseSeed, AT_QUIZ, type LessonEntry } from '../../src/lib/lesson/state';
import { LESSON_STEPS } from '../../src/lib/schemas';
import { SETTINGS } from '../../src/lib/taxonomy';
import { loadContent } from './content-load';

const entry: LessonEntry = {
	cv: 2,
	at: 'voies-d-entree',
	far: 3,
	checks: { c1: 'b', c2: 'a.c' },
	choice: 'ehpad:b',
	quiz: { seed: 8812, answers: { q1: 'a', q4: 'a.b.c' } },
	t: 0,
};

function fakeApi(cmi: Record<string, string> = {}): Scorm12Api & { cmi: Record<string, string> } {
	const store: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted', ...cmi };
	return {
		cmi: store,
		LMSInitialize: () => 'true',
		LMSFinish: () => 'true',
		LMSGetValue: (el) => store[el] ?? '',
		LMSSetValue: (el, v) => {
			store[el] = v;
			return 'true';
		},
		LMSCommit: () => 'true',
		LMSGetLastError: () => '0',
	};
}

describe('lesson state in suspend data', () => {
	it('round-trips after the results, as ids and codes only', () => {
		const results = { 'injection-de-prompt': { best: 60, version: 2, passed: false } };
		const { data, droppedLessons } = encodeSuspendData(results, SUSPEND_DATA_MAX, { 'injection-de-prompt': entry });
		expect(data).toBe('p1;injection-de-prompt=60.2;~injection-de-prompt!2!voies-d-entree!3!c1=b,c2=a.c!ehpad:b!8812!q1=a,q4=a.b.c');
		expect(droppedLessons).toEqual([]);
		expect(decodeSuspendData(data)).toEqual({ results, lessons: { 'injection-de-prompt': entry } });
		// No choice, no quiz under way.
		const bare: LessonEntry = { cv: 1, at: '@case', far: 4, checks: {}, t: 0 };
		const d = encodeSuspendData({}, SUSPEND_DATA_MAX, { m: bare }).data;
		expect(d).toBe('p1;~m!1!@case!4!!!!');
		expect(decodeSuspendData(d)).toEqual({ results: {}, lessons: { m: bare } });
	});

	it('drops a bad lesson entry alone, keeps every result; today’s data without lessons reads as before', () => {
		expect(decodeSuspendData('p1;a=50.1*')).toEqual({ results: { a: { best: 50, version: 1, passed: true } } });
		for (const bad of ['~m!1!@case!4!!!', '~m!x!@case!4!!!!', '~m!1!<b>!4!!!!', '~m!1!@case!4!c1=<i>!!!', '~m!1!@case!4!!!!q1=a', '~M!1!@case!4!!!!']) {
			const d = decodeSuspendData(`p1;a=50.1;${bad}`);
			expect(d.results).toEqual({ a: { best: 50, version: 1, passed: false } });
			expect(d.lessons).toBeUndefined();
			expect(d.problem).toBe('damaged');
		}
	});

	it('an older reader (results only) keeps every result and drops the lesson entry alone', () => {
		// The reader of the previous package version, inlined: entries that are not results are dropped.
		const ENTRY = /^([a-z0-9-]{1,80})=(\d{1,3})\.([1-9]\d{0,8})(\*)?$/;
		const data = encodeSuspendData({ a: { best: 90, version: 1, passed: true } }, SUSPEND_DATA_MAX, { a: entry }).data;
		const parts = data.split(';').slice(1);
		expect(parts.filter((p) => ENTRY.test(p))).toEqual(['a=90.1*']);
		expect(parts.filter((p) => !ENTRY.test(p))).toHaveLength(1);
	});

	it('never gives up a result for a lesson: a lesson that does not fit is left out and named', () => {
		const results: ResumeResults = {};
		for (let i = 0; i < 400; i++) results[`module-${i}`] = { best: 100, version: 1, passed: true };
		const r = encodeSuspendData(results, SUSPEND_DATA_MAX, { 'module-1': entry });
		expect(r.data.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
		expect(r.droppedLessons).toEqual(['module-1']);
		expect(r.data).not.toContain('~');
	});

	it('the bridge saves the lesson, resumes it at the next launch, and keeps it next to a quiz result', () => {
		const api = fakeApi();
		const s1 = openSession(api, { moduleIds: ['injection-de-prompt'], versions: { 'injection-de-prompt': 2 } });
		expect(s1.saveLesson('injection-de-prompt', entry)).toBe(true);
		expect(s1.report('injection-de-prompt', { best: 60, version: 2, passed: false })).toBe(true);
		s1.finish();
		const s2 = openSession(fakeApi({ 'cmi.suspend_data': api.cmi['cmi.suspend_data'] }), { moduleIds: ['injection-de-prompt'] });
		expect(s2.resume.lessons).toEqual({ 'injection-de-prompt': entry });
		expect(s2.resume.results['injection-de-prompt']).toEqual({ best: 60, version: 2, passed: false });
		// Forgetting the lesson (e.g. the attempt restarted) leaves the result.
		expect(s2.saveLesson('injection-de-prompt', null)).toBe(true);
		expect(decodeSuspendData(s2.api.LMSGetValue('cmi.suspend_data'))).toEqual({ results: { 'injection-de-prompt': { best: 60, version: 2, passed: false } } });
		expect(() => s2.saveLesson('autre-module', entry)).toThrow(RangeError);
	});
});

describe('size at the largest lesson of the catalogue', () => {
	const { modules } = loadContent();
	const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
	const lessons = modules.filter((m) => m.data.steps);
	// Worst answer code of a question: every one of its choices ticked.
	const worstCode = (q: { choices: { id: string }[] }) => encodeAnswer(q.choices.map((c) => c.id));
	const questions = modules.flatMap((m) => m.data.quiz);
	const checks = lessons.flatMap((m) => m.data.steps!.flatMap((s) => (s.check ? [s.check] : [])));
	const quizText = (m: (typeof modules)[number]) => m.data.quiz.map((q) => `${q.id}=${worstCode(q)}`).join(',').length;

	it('fits in 4,096 characters with room to spare, and reads back whole', () => {
		expect(lessons.length).toBeGreaterThan(0);
		const moduleId = modules.map((m) => m.id).sort(byLength)[0];
		// The longest step ids of the catalogue, as many as a lesson may have.
		const stepIds = [...new Set(lessons.flatMap((m) => m.data.steps!.map((s) => s.id)))].sort(byLength);
		while (stepIds.length < LESSON_STEPS.max) stepIds.push(`${stepIds[0]}-${stepIds.length}`);
		const steps = stepIds.slice(0, LESSON_STEPS.max);
		// Every check answered (a check on every step but the last), the longest check ids with the longest codes.
		const checkIds = [...new Set(checks.map((c) => c.id))].sort(byLength);
		// Check ids are unique within a module only (c1, c2…): longer made-up ones where the catalogue has too few.
		while (checkIds.length < LESSON_STEPS.max - 1) checkIds.push(`${checkIds[0]}-${checkIds.length}`);
		const longestCheckCode = checks.map(worstCode).sort(byLength)[0];
		const answeredChecks = Object.fromEntries(checkIds.slice(0, LESSON_STEPS.max - 1).map((id) => [id, longestCheckCode]));
		// The case chosen in the longest setting's version, with the longest option id.
		const optionIds = modules.flatMap((m) => [...(m.data.case.options ?? []), ...m.data.case.variants.flatMap((v) => v.options ?? [])].map((o) => o.id));
		const choice = `${[...SETTINGS].sort(byLength)[0]}:${optionIds.sort(byLength)[0]}`;
		// The quiz of the catalogue whose answers take the most characters, every question answered, mid-attempt.
		const biggest = [...modules].sort((a, b) => quizText(b) - quizText(a))[0];
		const answers = Object.fromEntries(biggest.data.quiz.map((q) => [q.id, worstCode(q)]));
		const big: LessonEntry = {
			cv: Math.max(...modules.map((m) => m.data.version)),
			at: AT_QUIZ,
			far: steps.length + 1,
			checks: answeredChecks,
			choice,
			quiz: { seed: normaliseSeed(2_147_483_646), answers },
			t: 0,
		};
		// Results for every module of the catalogue, each at its longest (100 %, passed).
		const results: ResumeResults = Object.fromEntries(modules.map((m) => [m.id, { best: 100, version: m.data.version, passed: true }]));
		const r = encodeSuspendData(results, SUSPEND_DATA_MAX, { [moduleId]: big });
		console.log(`suspend data at the largest lesson: ${r.data.length} of ${SUSPEND_DATA_MAX} characters (${modules.length} results, ${biggest.data.quiz.length} quiz answers of « ${biggest.id} », ${Object.keys(answeredChecks).length} checks)`);
		expect(r.dropped).toEqual([]);
		expect(r.droppedLessons).toEqual([]);
		expect(r.data.length).toBeLessThanOrEqual(SUSPEND_DATA_MAX);
		expect(decodeSuspendData(r.data)).toEqual({ results, lessons: { [moduleId]: big } });
		// The whole picture: questions exist to be answered, and the quiz chosen is the catalogue's largest.
		expect(questions.length).toBeGreaterThan(0);
		expect(quizText(biggest)).toBe(Math.max(...modules.map(quizText)));
		expect(Object.keys(big.checks)).toHaveLength(LESSON_STEPS.max - 1);
	});
});
