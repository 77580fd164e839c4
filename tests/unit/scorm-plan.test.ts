import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MASTERY_SCORE, PACKAGE_QUIZ_LABELS, pageFile, planInputFromCatalog, planPackages, SETTING_LABELS_FR } from '../../src/lib/scorm/plan';
import { PASS_MARK } from '../../src/lib/quiz/scoring';
import { quizLabels } from '../../src/lib/quiz-labels';
import { emptyState } from '../../src/lib/progress/model';
import { seedProgress, statusMessage } from '../../src/lib/scorm/client/resume';
import { memoryStorage } from '../../src/lib/scorm/client/memory-storage';

const input = {
	modules: [
		{ id: 'a', title: 'A', minutes: 10, version: 1 },
		{ id: 'b', title: 'B', minutes: 15, version: 2 },
		{ id: 'c', title: 'C', minutes: 20, version: 1 },
	],
	tracks: [{ profile: 'infirmier', title: 'Parcours infirmier·e', modules: ['b', 'a'], variants: [{ setting: 'ehpad', modules: ['b', 'c'] }] }],
};

describe('planPackages', () => {
	const plans = planPackages(input);
	it('one package per module, one per track and one per nurse setting', () => {
		expect(plans.map((p) => p.file)).toEqual(['module-a.zip', 'module-b.zip', 'module-c.zip', 'parcours-infirmier.zip', 'parcours-infirmier-ehpad.zip']);
	});
	it('tracks keep their order; durations add up; pages are named per module', () => {
		const t = plans.find((p) => p.file === 'parcours-infirmier.zip')!;
		expect(t).toMatchObject({ kind: 'track', identifier: 'pias-parcours-infirmier', modules: ['b', 'a'], minutes: 25, pages: { b: 'b.html', a: 'a.html' } });
		const v = plans.find((p) => p.file === 'parcours-infirmier-ehpad.zip')!;
		expect(v).toMatchObject({ setting: 'ehpad', title: 'Parcours infirmier·e — EHPAD et médico-social', modules: ['b', 'c'], minutes: 35 });
		expect(plans[0]).toMatchObject({ kind: 'module', identifier: 'pias-module-a', pages: { a: 'index.html' } });
		expect([pageFile('module', 'x'), pageFile('track', 'x')]).toEqual(['index.html', 'x.html']);
	});
	it('refuses a track naming an unknown module, or a module twice', () => {
		expect(() => planPackages({ ...input, tracks: [{ ...input.tracks[0], modules: ['zz'] }] })).toThrow(/unknown module "zz"/);
		expect(() => planPackages({ ...input, tracks: [{ ...input.tracks[0], modules: ['a', 'a'] }] })).toThrow(/twice/);
		expect(() => planPackages({ ...input, tracks: [{ ...input.tracks[0], modules: [] }] })).toThrow(/no module/);
	});
	it('reads its input from catalog.json (schemaVersion 1 or 2) and refuses anything else', () => {
		const cat = { schemaVersion: 1, modules: [{ slug: 'a', title: 'A', durationMinutes: 10, version: 1 }], tracks: [{ profile: 'p', title: 'P', modules: ['a'] }] };
		expect(planInputFromCatalog(cat)).toEqual({ modules: [{ id: 'a', title: 'A', minutes: 10, version: 1 }], tracks: [{ profile: 'p', title: 'P', modules: ['a'], variants: [] }] });
		expect(planInputFromCatalog({ ...cat, schemaVersion: 2 })).toEqual(planInputFromCatalog(cat));
		expect(() => planInputFromCatalog({ ...cat, schemaVersion: 3 })).toThrow();
		expect(() => planInputFromCatalog(null)).toThrow();
	});
});

describe('constants agree with the site', () => {
	it('mastery score is the quiz pass mark', () => {
		expect(MASTERY_SCORE).toBe(PASS_MARK);
	});
	it('setting labels are the site’s', () => {
		const fr = JSON.parse(readFileSync('src/i18n/fr.json', 'utf8'));
		for (const [k, v] of Object.entries(SETTING_LABELS_FR)) expect(v).toBe(fr[`setting.${k}`]);
	});
	it('package quiz labels override existing keys only', () => {
		for (const k of Object.keys(PACKAGE_QUIZ_LABELS)) expect(Object.keys(quizLabels)).toContain(k);
	});
});

describe('package page helpers', () => {
	it('seedProgress turns LMS results into store entries the quiz shows', () => {
		const s = seedProgress(emptyState(), { a: { best: 85, version: 2, passed: true }, b: { best: 40, version: 1, passed: false } }, '2026-11-28');
		expect(s.modules.a).toMatchObject({ status: 'completed', best: 85, attempts: 1, version: 2 });
		expect(s.modules.b).toMatchObject({ status: 'started', best: 40, attempts: 1 });
		// Seeding twice changes nothing (a reload of the page).
		expect(seedProgress(s, { a: { best: 85, version: 2, passed: true } }, '2026-11-28')).toBe(s);
	});

	const messages: { name: string; input: Parameters<typeof statusMessage>[0]; kind: string; text: RegExp }[] = [
		{ name: 'no LMS', input: { connected: false, error: null, results: {}, moduleId: 'a' }, kind: 'warn', text: /Aucune plateforme/ },
		{ name: 'refused', input: { connected: false, error: '201', results: {}, moduleId: 'a' }, kind: 'error', text: /code 201/ },
		{ name: 'connected, nothing yet', input: { connected: true, error: null, results: {}, moduleId: 'a' }, kind: 'info', text: /pas vos réponses/ },
		{ name: 'resumed, passed', input: { connected: true, error: null, results: { a: { best: 90, version: 1, passed: true } }, moduleId: 'a' }, kind: 'ok', text: /Module validé, meilleur score 90 %/ },
		{ name: 'resumed, not passed', input: { connected: true, error: null, results: { a: { best: 60, version: 1, passed: false } }, moduleId: 'a' }, kind: 'info', text: /60 %.*80 %/ },
	];
	for (const m of messages) {
		it(`statusMessage: ${m.name}`, () => {
			const r = statusMessage(m.input);
			expect(r.kind).toBe(m.kind);
			expect(r.text).toMatch(m.text);
		});
	}

	it('memoryStorage behaves like Web Storage', () => {
		const s = memoryStorage();
		s.setItem('k', 'v');
		s.setItem('j', 'w');
		expect([s.getItem('k'), s.getItem('none'), s.length, s.key(1), s.key(5)]).toEqual(['v', null, 2, 'j', null]);
		s.removeItem('k');
		expect([s.getItem('k'), s.length]).toEqual([null, 1]);
	});
});
