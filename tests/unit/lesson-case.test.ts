/**
 * Case variants by nurse setting (issue 14 item 5): which version a learner sees, how the choice
 * is recorded (version + option, unambiguous), and that stored lessons of today's lesson:v1
 * format keep their meaning. The variant is a test fixture (tests/fixtures/case-variant.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSetting, caseVersions, decodeCaseChoice, encodeCaseChoice, versionToShow, VARIANT_LABEL } from '../../src/lib/lesson/case';
import { chooseOption, emptyLessons, getLesson, parseLessons, updateLesson } from '../../src/lib/lesson/state';
import { lessonSection } from '../../src/lib/lesson/section';
import { createProgressStore } from '../../src/lib/progress/store';
import { splitFrontmatter } from '../../src/lib/content-files';
import { moduleSchema } from '../../src/lib/schemas';
import { validateCatalog } from '../../src/lib/catalog';
import { EHPAD_VARIANT, VARIANT_FILE, withEhpadVariant } from '../fixtures/case-variant';
import { MapStorage } from './map-storage';
import { loadContent, CONTENT_DIR } from './content-load';

const source = readFileSync(join(CONTENT_DIR, VARIANT_FILE), 'utf8');
const parsed = moduleSchema.parse(splitFrontmatter(withEhpadVariant(source)).data);
const OUTLINE = { steps: ['s1', 's2'] };

describe('case versions', () => {
	it('lists the base case, then the variant with its own situation, question, options and debrief', () => {
		const [base, ehpad, ...rest] = caseVersions(parsed.case);
		expect(rest).toEqual([]);
		expect(base).toMatchObject({ key: '', setting: null, title: parsed.case.title, situation: parsed.case.situation });
		expect(ehpad).toMatchObject({ key: 'ehpad', title: EHPAD_VARIANT.title, situation: EHPAD_VARIANT.situation, question: EHPAD_VARIANT.question, debrief: EHPAD_VARIANT.debrief });
		expect(ehpad.options.map((o) => o.text)).toEqual(EHPAD_VARIANT.options.map((o) => o.text));
		expect(VARIANT_LABEL).toEqual({ ehpad: 'Version EHPAD', bloc: 'Version bloc opératoire', service: 'Version service de soins' });
	});

	it('takes what a variant leaves out from the base case', () => {
		const c = { ...parsed.case, variants: [{ setting: 'bloc' as const, situation: 'Au bloc opératoire, une situation assez longue pour le schéma.' }] };
		const [base, bloc] = caseVersions(c);
		expect(bloc).toMatchObject({ key: 'bloc', title: base.title, question: base.question, debrief: base.debrief });
		expect(bloc.options).toBe(base.options);
	});

	it('the fixture module passes the catalogue checks (same option ids, a nurse module)', () => {
		const content = loadContent();
		const modules = content.modules.map((m) => (m.id === parsed.id ? { ...m, data: parsed } : m));
		const problems = validateCatalog({ ...content, modules }).filter((p) => p.field.startsWith('case'));
		expect(problems).toEqual([]);
	});
});

describe('which version a learner sees', () => {
	const keys = ['', 'ehpad'];
	it('a nurse of that setting sees the variant, anyone else the base case', () => {
		expect(versionToShow(undefined, 'ehpad', keys)).toBe('ehpad');
		expect(versionToShow(undefined, 'bloc', keys)).toBe('');
		expect(versionToShow(undefined, null, keys)).toBe('');
		expect(caseSetting({ profile: 'infirmier', setting: 'ehpad' })).toBe('ehpad');
		// A setting left over from the nurse track does not follow a learner who chose another track.
		expect(caseSetting({ profile: 'praticien-hospitalier', setting: 'ehpad' })).toBeNull();
		expect(caseSetting({ profile: null, setting: null })).toBeNull();
	});

	it('once decided, the version decided on, whatever the setting now', () => {
		expect(versionToShow('ehpad:b', null, keys)).toBe('ehpad');
		expect(versionToShow('ehpad:b', 'bloc', keys)).toBe('ehpad');
		expect(versionToShow('b', 'ehpad', keys)).toBe('');
		// A variant since removed from the content: back to the rules before a choice.
		expect(versionToShow('bloc:b', 'ehpad', keys)).toBe('ehpad');
	});
});

describe('recorded choice', () => {
	it('is version + option, unambiguous, and short', () => {
		expect(encodeCaseChoice('', 'b')).toBe('b');
		expect(encodeCaseChoice('ehpad', 'b')).toBe('ehpad:b');
		expect(decodeCaseChoice('ehpad:b')).toEqual({ version: 'ehpad', option: 'b' });
		expect(decodeCaseChoice('b')).toEqual({ version: '', option: 'b' });
		for (const bad of ['', 'ehpad:', ':b', 'chirurgie:b', 'a.b', 'EHPAD:b', 'ehpad:b:c']) expect(decodeCaseChoice(bad)).toBeNull();
	});

	it('the first choice counts, a variant choice included; a bad code is refused', () => {
		let s = emptyLessons();
		s = updateLesson(s, 'm', 1, OUTLINE, 1, chooseOption('bloc:x'));
		expect(getLesson(s, 'm')!.choice).toBe('bloc:x');
		s = updateLesson(s, 'm', 1, OUTLINE, 2, chooseOption('c'));
		expect(getLesson(s, 'm')!.choice).toBe('bloc:x');
		const t = updateLesson(emptyLessons(), 'm', 1, OUTLINE, 1, chooseOption('inconnu:b'));
		expect(getLesson(t, 'm')!.choice).toBeUndefined();
	});

	it('stored lessons of today’s lesson:v1 format read the same (a base-case choice stays one); a variant choice is read back', () => {
		const today = { v: 1, modules: { 'injection-de-prompt': { cv: 2, at: '@case', far: 5, checks: { c1: 'b' }, choice: 'b', t: 1764751200000 } } };
		const r = parseLessons(today);
		expect(r).toEqual({ value: today });
		expect(decodeCaseChoice(r.value.modules['injection-de-prompt'].choice)).toEqual({ version: '', option: 'b' });
		const withVariant = { v: 1, modules: { x: { ...today.modules['injection-de-prompt'], choice: 'ehpad:b' } } };
		expect(parseLessons(withVariant)).toEqual({ value: withVariant });
		const bad = parseLessons({ v: 1, modules: { x: { ...today.modules['injection-de-prompt'], choice: 'ehpad:<b>' } } });
		expect(bad.problem).toBe('corrupt');
		expect(bad.value.modules.x.choice).toBeUndefined();
		expect(bad.value.modules.x.checks).toEqual({ c1: 'b' });
	});

	it('a variant choice survives a reload through the real store, in a few bytes', () => {
		const storage = new MapStorage();
		storage.setItem('pias:/:lesson:v1', JSON.stringify({ v: 1, modules: { 'injection-de-prompt': { cv: 2, at: '@case', far: 5, checks: {}, t: 5 } } }));
		const store = createProgressStore({ storage, namespace: '/', today: () => '2026-12-04' });
		lessonSection(store).update((s) => updateLesson(s, 'injection-de-prompt', 2, OUTLINE, 10, chooseOption(encodeCaseChoice('ehpad', 'b'))));
		const again = createProgressStore({ storage, namespace: '/', today: () => '2026-12-04' });
		expect(getLesson(lessonSection(again).get(), 'injection-de-prompt')!.choice).toBe('ehpad:b');
		expect(storage.getItem('pias:/:lesson:v1')).toContain('"choice":"ehpad:b"');
	});
});
