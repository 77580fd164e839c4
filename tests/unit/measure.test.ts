/**
 * Measured learning (issue 17): parallel forms, gain and retention computation, the 30-day
 * schedule with a clock moved backwards, the draw of the retention check, and the stored
 * measures through the progress store, its migration and export/import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from './content-load';
import { MapStorage } from './map-storage';
import { trackModuleIds } from '../../src/lib/catalog';
import { loadForms, FormsError } from '../../src/lib/measure-content';
import {
	daysBetween,
	formProfile,
	measureRows,
	parallelProblems,
	pickRetention,
	pointFrom,
	pointFromPositioning,
	retentionAllocation,
	removeMeasure,
	retentionStatus,
	reviewModules,
	setMeasure,
	trackStatus,
	weakThemes,
	type FormQuestion,
} from '../../src/lib/measure';
import { AUDIENCES, questionsFor, type DisplayQuestion } from '../../src/lib/positioning';
import { emptyState, mergeStates, parseStoredState, type ProgressState } from '../../src/lib/progress/model';
import { mergeMeasures, type MeasurePoint } from '../../src/lib/progress/measures';
import { createProgressStore } from '../../src/lib/progress/store';
import { exportCode, exportFile, parseImport, parseImportCode } from '../../src/lib/progress/transfer';
import { THEMES, type Theme } from '../../src/lib/taxonomy';

const content = loadContent();
const moduleThemes = new Map(content.modules.map((m) => [m.id, m.data.theme as string]));
const read = (f: string) => readFileSync(join(process.cwd(), f), 'utf8');
const RAW_A = read('content/positionnement.yaml');
const RAW_B = read('content/positionnement-b.yaml');
const forms = loadForms(RAW_A, RAW_B, moduleThemes);
const A = forms.a.questions;
const B = forms.b.questions;

const pt = (on: string, counts: Record<Theme, [number, number]>): MeasurePoint => ({
	on,
	themes: Object.fromEntries(THEMES.map((t) => [t, { c: counts[t][0], t: counts[t][1] }])) as MeasurePoint['themes'],
});

// ---------------------------------------------------------------- the two forms

describe('the two parallel forms', () => {
	it('load, validate and are parallel for every audience', () => {
		expect(parallelProblems(A, B)).toEqual([]);
		for (const aud of AUDIENCES) {
			expect(questionsFor(A, aud).length, aud).toBeGreaterThanOrEqual(12);
			expect(formProfile(A, aud), aud).toEqual(formProfile(B, aud));
			for (const t of THEMES) expect(formProfile(A, aud)[t], `${aud} ${t}`).toEqual([1, 2, 2, 3]);
		}
	});

	it('share no question and explain and source every answer', () => {
		const ids = [...A, ...B].map((q) => q.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const q of [...A, ...B]) {
			expect(q.explanation.length, q.id).toBeGreaterThan(150);
			expect(q.source.length, q.id).toBeGreaterThan(10);
			// the source names a module the question is tied to
			expect(q.modules.some((m) => q.source.includes(m)), `${q.id}: ${q.source}`).toBe(true);
		}
	});

	it('do not ask nurses or students about the certification of hosting providers', () => {
		for (const aud of ['infirmier', 'etudiant'] as const) {
			for (const q of [...questionsFor(A, aud), ...questionsFor(B, aud)]) expect([q.prompt, ...q.choices.map((c) => c.text)].join(' '), `${aud} ${q.id}`).not.toMatch(/HDS|hébergeur/i);
		}
		// …while the doctors, private practice and decision-makers are
		for (const aud of ['praticien-hospitalier', 'liberal', 'decideur'] as const) expect(questionsFor(A, aud).some((q) => q.choices.some((c) => /HDS/.test(c.text)))).toBe(true);
	});

	it('fail when they drift: a theme count, a difficulty, an audience left without its variant', () => {
		const drop = B.filter((q) => q.id !== 'b-usages-maladie-rare');
		expect(parallelProblems(A, drop).join('\n')).toMatch(/thème « usages »/);
		const harder = B.map((q) => (q.id === 'b-cyber-poste-partage' ? { ...q, difficulty: 3 as const } : q));
		expect(parallelProblems(A, harder).join('\n')).toMatch(/cybersecurite.*\[1, 2, 2, 3\] en forme A, \[2, 2, 3, 3\] en forme B/);
		const noVariant = B.filter((q) => q.id !== 'b-reglementation-pseudonymisation');
		const p = parallelProblems(A, noVariant).join('\n');
		expect(p).toMatch(/« infirmier »/);
		expect(p).toMatch(/« etudiant »/);
		expect(p).not.toMatch(/« liberal »/);
		const copy = [...B.slice(1), { ...A[0], id: 'b-copie' } as FormQuestion];
		expect(parallelProblems(A, copy).join('\n')).toMatch(/même énoncé/);
	});

	it('stop the build with the file named when a form is broken or the forms drift', () => {
		expect(() => loadForms(RAW_A, RAW_B.replace('difficulty: 1', 'difficulty: 7'), moduleThemes)).toThrow(/positionnement-b\.yaml.*difficulty/s);
		expect(() => loadForms(RAW_A, RAW_B.replace(/difficulty: 1\n/, 'difficulty: 2\n'), moduleThemes)).toThrow(FormsError);
	});
});

// ---------------------------------------------------------------- points and rows

describe('gain and retention computation', () => {
	it('scores a submitted form by theme', () => {
		const asked = questionsFor(A, 'etudiant');
		const answers = Object.fromEntries(asked.filter((q) => q.theme !== 'cybersecurite').map((q) => [q.id, q.correct]));
		const p = pointFrom(asked, answers, '2026-11-02');
		expect(p).toEqual(pt('2026-11-02', { usages: [4, 4], cybersecurite: [0, 4], reglementation: [4, 4] }));
	});

	it('gives before → end → 30 days per theme and overall, with gains in percentage points', () => {
		const rows = measureRows({
			before: pt('2026-11-02', { usages: [2, 4], cybersecurite: [1, 4], reglementation: [3, 4] }),
			end: pt('2026-11-20', { usages: [4, 4], cybersecurite: [3, 4], reglementation: [3, 4] }),
			retention: pt('2026-12-21', { usages: [1, 2], cybersecurite: [2, 2], reglementation: [1, 2] }),
		});
		expect(rows.map((r) => r.id)).toEqual(['usages', 'cybersecurite', 'reglementation', 'overall']);
		const overall = rows[3];
		expect(overall.values.before).toEqual({ c: 6, t: 12, percent: 50 });
		expect(overall.values.end).toEqual({ c: 10, t: 12, percent: 83 });
		expect(overall.values.retention).toEqual({ c: 4, t: 6, percent: 67 });
		expect(overall.gain).toBe(33);
		expect(overall.retained).toBe(-16);
		expect(rows[1].gain).toBe(50);
	});

	it('leaves the before cells empty for a learner who skipped the positioning test', () => {
		const rows = measureRows({ end: pt('2026-11-20', { usages: [4, 4], cybersecurite: [3, 4], reglementation: [2, 4] }) });
		for (const r of rows) {
			expect(r.values.before).toBeNull();
			expect(r.gain).toBeNull();
		}
		expect(measureRows(undefined).every((r) => r.values.end === null)).toBe(true);
	});

	it('names the weak themes, weakest first, and the track modules to review', () => {
		const p = pt('2026-11-20', { usages: [3, 4], cybersecurite: [1, 4], reglementation: [2, 4] });
		expect(weakThemes(p)).toEqual(['cybersecurite', 'reglementation']);
		const student = content.tracks.find((t) => t.data.profile === 'etudiant')!;
		const ids = trackModuleIds(student.data);
		const themes = Object.fromEntries(moduleThemes);
		const r = reviewModules(ids, themes, weakThemes(p));
		expect(r.length).toBeGreaterThan(0);
		expect(r).toEqual(ids.filter((id) => ['cybersecurite', 'reglementation'].includes(themes[id])));
	});

	it('rebuilds the before point of a positioning result stored before issue 17', () => {
		const asked = questionsFor(A, 'sans-profil');
		const answers = Object.fromEntries(asked.slice(0, 4).map((q) => [q.id, q.correct]));
		const p = pointFromPositioning({ takenOn: '2026-10-01', answers, scores: { usages: 100, cybersecurite: 0, reglementation: 0 } }, A);
		expect(p?.themes.usages).toEqual({ c: 4, t: 4 });
		expect(p?.themes.reglementation.t).toBe(4);
		expect(pointFromPositioning(null, A)).toBeNull();
	});
});

// ---------------------------------------------------------------- 30 days, clock

describe('the 30-day schedule', () => {
	const student = content.tracks.find((t) => t.data.profile === 'etudiant')!;
	const ids = trackModuleIds(student.data);
	const done = (dates: string[]) =>
		Object.fromEntries(ids.map((id, i) => [id, { status: 'completed', completedOn: dates[i % dates.length] }]));

	it('counts from the last completion of the track', () => {
		const tr = trackStatus(done(['2026-11-01', '2026-11-20']), ids);
		expect(tr).toEqual({ done: ids.length, total: ids.length, complete: true, completedOn: '2026-11-20' });
		expect(retentionStatus({ track: tr, measures: {}, today: '2026-12-19' })).toEqual({ state: 'not-yet', dueOn: '2026-12-20', daysLeft: 1 });
		expect(retentionStatus({ track: tr, measures: {}, today: '2026-12-20' }).state).toBe('due');
		expect(retentionStatus({ track: tr, measures: { retention: pt('2026-12-21', { usages: [1, 2], cybersecurite: [1, 2], reglementation: [1, 2] }) }, today: '2026-12-22' }).state).toBe('done');
	});

	it('is not offered while a module is left, nor without a track', () => {
		const some = done(['2026-11-01']);
		delete some[ids[0]];
		expect(trackStatus(some, ids).complete).toBe(false);
		expect(retentionStatus({ track: trackStatus(some, ids), measures: {}, today: '2027-06-01' }).state).toBe('not-complete');
		expect(retentionStatus({ track: null, measures: {}, today: '2027-06-01' }).state).toBe('no-track');
	});

	it('survives a clock moved backwards: never negative days, never due early, never a crash', () => {
		expect(daysBetween('2026-12-20', '2026-11-01')).toBe(0);
		expect(daysBetween('not a date', '2026-11-01')).toBe(0);
		const tr = trackStatus(done(['2026-11-20']), ids);
		const back = retentionStatus({ track: tr, measures: {}, today: '2026-10-01' });
		expect(back).toEqual({ state: 'not-yet', dueOn: '2026-12-20', daysLeft: 30 });
		// a retention point dated before the opening day (taken with the clock ahead, then set back) does not count as done
		const early = retentionStatus({ track: tr, measures: { retention: pt('2026-11-25', { usages: [1, 2], cybersecurite: [1, 2], reglementation: [1, 2] }) }, today: '2026-12-25' });
		expect(early.state).toBe('due');
	});

	it('uses the end test date when no completion date is known', () => {
		const unknown = Object.fromEntries(ids.map((id) => [id, { status: 'completed' }]));
		const tr = trackStatus(unknown, ids);
		expect(tr.completedOn).toBeNull();
		expect(retentionStatus({ track: tr, measures: {}, today: '2027-01-01' }).state).toBe('not-complete');
		const end = pt('2026-11-20', { usages: [4, 4], cybersecurite: [4, 4], reglementation: [4, 4] });
		expect(retentionStatus({ track: tr, measures: { end }, today: '2026-12-20' }).state).toBe('due');
	});
});

// ---------------------------------------------------------------- drawing the check

describe('the retention check', () => {
	const pool = [...A, ...B];
	it('asks 6 questions, at least one per theme, more in the weak themes', () => {
		const weakCyber = pt('2026-11-20', { usages: [4, 4], cybersecurite: [1, 4], reglementation: [3, 4] });
		expect(retentionAllocation(questionsFor(pool, 'etudiant'), weakCyber)).toEqual({ usages: 1, cybersecurite: 3, reglementation: 2 });
		expect(retentionAllocation(questionsFor(pool, 'etudiant'), null)).toEqual({ usages: 2, cybersecurite: 2, reglementation: 2 });
		const qs = pickRetention({ questions: pool, audience: 'etudiant', reference: weakCyber, seed: '2026-11-20' });
		expect(qs).toHaveLength(6);
		expect(qs.filter((q) => q.theme === 'cybersecurite')).toHaveLength(3);
	});

	it('draws from both forms, for the learner’s audience, the same way on every reload', () => {
		const a = pickRetention({ questions: pool, audience: 'infirmier', reference: null, seed: '2026-11-20' });
		const b = pickRetention({ questions: pool, audience: 'infirmier', reference: null, seed: '2026-11-20' });
		expect(a.map((q) => q.id)).toEqual(b.map((q) => q.id));
		expect(new Set(a.map((q) => q.form))).toEqual(new Set(['a', 'b']));
		for (const q of a) expect(!q.audiences || q.audiences.includes('infirmier'), q.id).toBe(true);
		expect(new Set(a.map((q) => q.id)).size).toBe(6);
	});
});

// ---------------------------------------------------------------- storage, migration, transfer

const TODAY = '2026-12-21';
const known = new Map(content.modules.map((m) => [m.id, m.data.version]));
const points = {
	before: pt('2026-11-02', { usages: [2, 4], cybersecurite: [1, 4], reglementation: [3, 4] }),
	end: pt('2026-11-20', { usages: [4, 4], cybersecurite: [3, 4], reglementation: [3, 4] }),
};

describe('measures in the progress store', () => {
	// Today's stored format (before issue 17), byte for byte as the site writes it.
	const TODAY_FORMAT = '{"v":2,"profile":"etudiant","setting":null,"modules":{"comprendre-ia":{"status":"completed","best":80,"attempts":1,"lastVisit":"2026-11-20","version":1,"completedOn":"2026-11-20"}}}';

	it('reads today’s stored format unchanged, without measures, and writes it back unchanged', () => {
		const { state, problem } = parseStoredState(JSON.parse(TODAY_FORMAT));
		expect(problem).toBeUndefined();
		expect(state.measures).toBeUndefined();
		expect(JSON.stringify(state)).toBe(TODAY_FORMAT);
	});

	it('keeps measures through the store, and drops a damaged point alone', () => {
		const storage = new MapStorage();
		storage.setItem('pias:/:progress:v2', TODAY_FORMAT);
		const store = createProgressStore({ storage, namespace: '/', today: () => TODAY });
		store.progress.update((s) => setMeasure(setMeasure(s, 'before', points.before), 'end', points.end));
		const again = createProgressStore({ storage, namespace: '/', today: () => TODAY });
		expect(again.progress.get().measures).toEqual(points);
		expect(again.progress.get().modules['comprendre-ia'].status).toBe('completed');

		const stored = JSON.parse(storage.getItem('pias:/:progress:v2')!);
		stored.measures.end.themes.usages.c = 9; // more right answers than questions
		const { state, problem } = parseStoredState(stored);
		expect(problem).toBe('corrupt');
		expect(state.measures).toEqual({ before: points.before });
		expect(state.modules['comprendre-ia'].status).toBe('completed');
	});

	it('erasing a point removes it, and the field when it was the last one', () => {
		const s = setMeasure(setMeasure(emptyState(), 'before', points.before), 'end', points.end);
		expect(removeMeasure(s, 'before').measures).toEqual({ end: points.end });
		expect('measures' in removeMeasure(removeMeasure(s, 'before'), 'end')).toBe(false);
		expect(removeMeasure(emptyState(), 'end')).toEqual(emptyState());
	});

	it('merges two devices point by point, the later date winning', () => {
		const later = pt('2026-11-25', { usages: [2, 4], cybersecurite: [2, 4], reglementation: [2, 4] });
		const a: ProgressState = setMeasure(emptyState(), 'end', points.end);
		const b: ProgressState = setMeasure(setMeasure(emptyState(), 'end', later), 'before', points.before);
		const m = mergeStates(a, b);
		expect(m.measures).toEqual({ before: points.before, end: later });
		expect(mergeStates(b, a).measures).toEqual(m.measures);
		// the same day, the first one (this device's) is kept
		const other = pt('2026-11-25', { usages: [3, 4], cybersecurite: [2, 4], reglementation: [2, 4] });
		expect(mergeMeasures({ end: later }, { end: other })).toEqual({ end: later });
		expect(mergeMeasures(m.measures, m.measures)).toEqual(m.measures);
		expect(mergeStates(emptyState(), emptyState()).measures).toBeUndefined();
	});

	it('exports and imports the measures (file and code)', async () => {
		let s = setMeasure(setMeasure(emptyState(), 'before', points.before), 'end', points.end);
		s = { ...s, profile: 'etudiant' };
		const file = exportFile(s, { appVersion: '0.1.0', exportedAt: '2026-12-21T10:00:00Z' });
		const r = parseImport(file, known, { today: TODAY });
		expect(r.ok && r.state.measures).toEqual(points);
		const code = await exportCode(s);
		const rc = await parseImportCode(code, known, { today: TODAY });
		expect(rc.ok && rc.state.measures).toEqual(points);
	});

	it('still imports an older file, without measures', () => {
		const old = `{"app":"parcours-ia-sante","kind":"progress","v":2,"appVersion":"0.1.0","exportedAt":"2026-11-28T09:30:00.000Z","progress":{"v":2,"profile":null,"setting":null,"modules":{"comprendre-ia":{"status":"completed","best":80,"attempts":1,"lastVisit":"2026-11-20","version":1,"completedOn":"2026-11-20"}}}}`;
		const r = parseImport(old, known, { today: TODAY });
		expect(r.ok).toBe(true);
		expect(r.ok && r.state.measures).toBeUndefined();
	});

	it('refuses tampered measures, skips impossible ones and brings dates ahead back to today', () => {
		const base = JSON.parse(exportFile(setMeasure(emptyState(), 'end', points.end), { appVersion: '0.1.0', exportedAt: '2026-12-21T10:00:00Z' }));
		const withM = (m: unknown) => JSON.stringify({ ...base, progress: { ...base.progress, measures: m } });
		expect(parseImport(withM({ end: { ...points.end, extra: 1 } }), known, { today: TODAY }).ok).toBe(false);
		expect(parseImport(withM({ later: points.end }), known, { today: TODAY }).ok).toBe(false);
		const impossible = parseImport(withM({ end: pt('2026-11-20', { usages: [5, 4], cybersecurite: [1, 4], reglementation: [1, 4] }), before: points.before }), known, { today: TODAY });
		expect(impossible.ok).toBe(true);
		if (impossible.ok) {
			expect(impossible.state.measures).toEqual({ before: points.before });
			expect(impossible.warnings.join(' ')).toContain('valeurs impossibles');
		}
		const ahead = parseImport(withM({ end: { ...points.end, on: '2027-05-01' } }), known, { today: TODAY });
		expect(ahead.ok && ahead.state.measures?.end?.on).toBe(TODAY);
		expect(ahead.ok && ahead.warnings.join(' ')).toContain('Résultat de test importé : sa date était postérieure à aujourd’hui');
	});
});

// keep the helper type used
export type { DisplayQuestion };
