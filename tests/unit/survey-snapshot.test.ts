/**
 * Snapshot files: what the export writes (no name, no free text), and every way a dropped file
 * can be wrong, with one fixture per case under tests/fixtures/survey/ (the oversized file is
 * generated here rather than committed).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Answers } from '../../src/lib/survey/questions';
import {
	buildSnapshot,
	coarsePositioning,
	describeSnapshot,
	idForSave,
	isSnapshotId,
	MAX_SNAPSHOT_BYTES,
	parseSnapshot,
	sameAnswers,
	snapshotFileName,
	snapshotFileText,
	snapshotIdFromBytes,
	type SkipReason,
} from '../../src/lib/survey/snapshot';

/** A fixture's text, decoded without dropping a byte-order mark (the parser must see it). */
function fixture(name: string): string {
	const bytes = readFileSync(new URL(`../fixtures/survey/${name}`, import.meta.url));
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

const ANSWERS: Answers = {
	profession: 'sage-femme',
	sector: 'clinique-privee',
	region: 'mayotte',
	ageBand: 'moins-30',
	tools: ['transcription', 'chatbot'],
	approval: 'ne-sait-pas',
	uses: ['comptes-rendus'],
	barriers: ['regles'],
	trainingThemes: ['reglementation'],
	trainingFormat: 'court-en-ligne',
};
const ID = snapshotIdFromBytes(new Uint8Array(16).map((_, i) => i * 7));

describe('snapshot ids', () => {
	it('are 16 characters from the unambiguous alphabet', () => {
		expect(ID).toHaveLength(16);
		expect(isSnapshotId(ID)).toBe(true);
		// all 32 characters can occur
		const all = snapshotIdFromBytes(Array.from({ length: 32 }, (_, i) => i)) + snapshotIdFromBytes(Array.from({ length: 16 }, (_, i) => i + 16));
		expect(new Set(all).size).toBe(32);
		expect(all).not.toMatch(/[lo01]/);
	});

	it('refuse too few random bytes', () => {
		expect(() => snapshotIdFromBytes(new Uint8Array(15))).toThrow();
	});

	const bad: Array<[string, unknown]> = [
		['too short', 'abc'],
		['uppercase', 'K3J9X2M4Q8W7HBNC'],
		['ambiguous letter l', 'l3j9x2m4q8w7hbnc'],
		['an e-mail', 'marie@chu.fr'],
		['a number', 1234567890123456],
	];
	it.each(bad)('refuse %s', (_n, v) => expect(isSnapshotId(v)).toBe(false));
});

describe('export', () => {
	it('round-trips through the file text', () => {
		const s = buildSnapshot(ID, ANSWERS, { usages: 64, cybersecurite: 35, reglementation: 'x' });
		expect(s.positioning).toEqual({ usages: 60, cybersecurite: 40 });
		const text = snapshotFileText(s);
		expect(text.endsWith('}\n')).toBe(true);
		const r = parseSnapshot(text);
		expect(r).toEqual({ ok: true, snapshot: s });
	});

	it('refuses a file with a duplicated key (JSON.parse would silently keep the last one)', () => {
		const text = snapshotFileText(buildSnapshot(ID, ANSWERS)).replace('"kind"', '"id": "aaaaaaaaaaaaaaaa", "kind"');
		const r = parseSnapshot(text);
		expect(r.ok).toBe(false);
	});

	it('writes option ids only: no name, no date, no free text', () => {
		const s = buildSnapshot(ID, ANSWERS);
		const data = JSON.parse(snapshotFileText(s));
		expect(Object.keys(data)).toEqual(['app', 'kind', 'v', 'id', 'answers']);
		const strings: string[] = [];
		const walk = (v: unknown) => {
			if (typeof v === 'string') strings.push(v);
			else if (v && typeof v === 'object') Object.values(v).forEach(walk);
		};
		walk(data.answers);
		for (const s2 of strings) expect(s2).toMatch(/^[a-z0-9-]{1,40}$/);
		expect(snapshotFileText(s)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
		expect(snapshotFileName(s)).toBe(`etat-des-lieux-ia-${ID.slice(0, 6)}.json`);
	});

	it('sorts list answers and drops questions not asked', () => {
		const s = buildSnapshot(ID, { ...ANSWERS, tools: ['aucun'] });
		expect(s.answers.approval).toBeUndefined();
		expect(s.answers.uses).toBeUndefined();
		expect(buildSnapshot(ID, ANSWERS).answers.tools).toEqual(['chatbot', 'transcription']);
	});

	it('refuses incomplete answers or a bad id', () => {
		expect(() => buildSnapshot(ID, { ...ANSWERS, sector: undefined })).toThrow();
		expect(() => buildSnapshot('nope', ANSWERS)).toThrow();
	});

	it('describes every field in French, positioning included or said to be absent', () => {
		const without = describeSnapshot(buildSnapshot(ID, ANSWERS));
		expect(without.find((l) => l.label === 'Métier')?.value).toBe('Sage-femme');
		expect(without.find((l) => l.label === 'Région')?.value).toBe('Mayotte');
		expect(without.find((l) => l.label === 'Identifiant aléatoire')?.value).toContain(ID);
		expect(without.find((l) => l.label === 'Scores de positionnement')?.value).toMatch(/non inclus/);
		const withScores = describeSnapshot(buildSnapshot(ID, ANSWERS, { reglementation: 80 }));
		expect(withScores.find((l) => l.label === 'Scores de positionnement')?.value).toBe('Réglementation : 80 sur 100 (arrondis à la dizaine)');
	});

	const scores: Array<[string, unknown, unknown]> = [
		// rounded to the nearest ten
		['rounding', { usages: 44, cybersecurite: 45, reglementation: 100 }, { usages: 40, cybersecurite: 50, reglementation: 100 }],
		// out of range, NaN, strings and unknown themes are dropped
		['junk', { usages: -1, cybersecurite: NaN, reglementation: '80', autre: 50 }, undefined],
		// nothing
		['null', null, undefined],
	];
	it.each(scores)('coarsens positioning: %s', (_n, input, expected) => {
		expect(coarsePositioning(input as Record<string, unknown>)).toEqual(expected);
	});
});

describe('reading dropped files', () => {
	const cases: Array<[string, SkipReason, RegExp]> = [
		// plain text (with a name in it) renamed .txt
		['not-json.txt', 'not-json', /illisible/],
		// blank file
		['empty.json', 'empty', /vide/],
		// "__proto__" inside answers
		['proto-key.json', 'forbidden-key', /« __proto__ »/],
		// the same key written with a JSON escape, at the top
		['proto-key-escaped.json', 'forbidden-key', /« __proto__ »/],
		// "constructor" (and "prototype" inside it)
		['constructor-key.json', 'forbidden-key', /« constructor »/],
		// arrays nested 40 deep
		['deep-nesting.json', 'too-deep', /imbriquées/],
		// HTML where an option id belongs
		['html.json', 'html', /HTML/],
		// a profession that is not in the list
		['unknown-category.json', 'unknown-category', /« Métier »/],
		// a barrier that is not in the list
		['unknown-barrier.json', 'unknown-category', /« Freins »/],
		// an extra "name" field
		['free-text-name.json', 'unexpected', /champ inattendu \(« name »\)/],
		// written by a newer site
		['future-version.json', 'future-version', /plus récente/],
		// version as a string
		['bad-version.json', 'bad-version', /version/],
		// a progress export dropped by mistake
		['wrong-kind.json', 'wrong-kind', /pas un état des lieux/],
		// someone else's JSON
		['not-ours.json', 'not-ours', /ne vient pas de Parcours IA Santé/],
		// an e-mail address as id
		['bad-id.json', 'bad-id', /identifiant/],
		// a required answer missing
		['incomplete.json', 'incomplete', /« Secteur »/],
		// « aucun outil » together with a tool
		['inconsistent-exclusive.json', 'inconsistent', /« Outils d’IA utilisés »/],
		// approval answered although no tool is used
		['inconsistent-not-asked.json', 'inconsistent', /« Outils autorisés »/],
		// a score that is not a multiple of ten
		['bad-score.json', 'bad-score', /score/],
	];
	it.each(cases)('%s is skipped as %s', (name, reason, message) => {
		const r = parseSnapshot(fixture(name));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.reason).toBe(reason);
		expect(r.message).toMatch(message);
		// messages are French, never raw exceptions, never the file's own text
		expect(r.message).not.toMatch(/SyntaxError|undefined|\[object|<img|Dupont/);
	});

	it('accepts the valid fixtures, with or without a byte-order mark', () => {
		for (const name of ['valid.json', 'bom.json', 'no-tool.json']) {
			const r = parseSnapshot(fixture(name));
			expect(r.ok, name).toBe(true);
		}
		const r = parseSnapshot(fixture('valid.json'));
		if (!r.ok) throw new Error('valid.json refused');
		expect(r.snapshot.positioning).toEqual({ usages: 60, cybersecurite: 40 });
		expect(r.snapshot.answers.barriers).toEqual(['cybersecurite', 'formation']);
	});

	it('skips a file over 64 KB before parsing it', () => {
		const valid = fixture('valid.json');
		const padded = valid.replace('{', `{${' '.repeat(MAX_SNAPSHOT_BYTES)}`);
		expect(JSON.parse(padded).app).toBe('parcours-ia-sante');
		expect(parseSnapshot(padded)).toMatchObject({ ok: false, reason: 'too-big' });
		// multi-byte characters count as bytes, not as UTF-16 units
		const accents = valid.replace('{', `{"x":"${'é'.repeat(MAX_SNAPSHOT_BYTES / 2)}",`);
		expect(accents.length).toBeLessThan(MAX_SNAPSHOT_BYTES + 100);
		expect(parseSnapshot(accents)).toMatchObject({ ok: false, reason: 'too-big' });
	});

	const shapes: Array<[string, unknown, SkipReason]> = [
		// not a string at all
		['a number', 42, 'not-json'],
		// JSON, but an array
		['an array', '[1,2]', 'not-ours'],
		// NaN is not JSON
		['NaN', '{"app": NaN}', 'not-json'],
		// a list answer given as a string
		['list as string', JSON.stringify({ app: 'parcours-ia-sante', kind: 'survey-snapshot', v: 1, id: ID, answers: { tools: 'chatbot' } }), 'inconsistent'],
		// the same option twice
		['repeated option', JSON.stringify({ app: 'parcours-ia-sante', kind: 'survey-snapshot', v: 1, id: ID, answers: { ...ANSWERS, barriers: ['cout', 'cout'] } }), 'inconsistent'],
		// positioning with an unknown theme
		['unknown theme', JSON.stringify({ app: 'parcours-ia-sante', kind: 'survey-snapshot', v: 1, id: ID, answers: ANSWERS, positioning: { autre: 50 } }), 'unexpected'],
		// version 0
		['version 0', JSON.stringify({ app: 'parcours-ia-sante', kind: 'survey-snapshot', v: 0, id: ID, answers: ANSWERS }), 'bad-version'],
		// markup in a key
		['markup key', JSON.stringify({ app: 'parcours-ia-sante', kind: 'survey-snapshot', v: 1, id: ID, answers: ANSWERS, '<b>': 1 }), 'html'],
	];
	it.each(shapes)('%s', (_n, text, reason) => {
		expect(parseSnapshot(text)).toMatchObject({ ok: false, reason });
	});

	it('survives 60 KB of nested brackets (no stack overflow, one clear reason)', () => {
		const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
		expect(parseSnapshot(deep)).toMatchObject({ ok: false, reason: 'too-deep' });
		const deepObjects = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
		expect(parseSnapshot(deepObjects)).toMatchObject({ ok: false, reason: 'too-deep' });
	});

	it('never assigned anything through __proto__', () => {
		parseSnapshot(fixture('proto-key.json'));
		parseSnapshot(fixture('constructor-key.json'));
		expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
	});
});

describe('a fresh snapshot id per campaign (issue 16 item 9)', () => {
	const OTHER = snapshotIdFromBytes(new Uint8Array(16).map((_, i) => i * 11 + 3));
	it('keeps the id while the answers are unchanged (a file downloaded twice counts once)', () => {
		const reordered = { ...ANSWERS, tools: ['chatbot', 'transcription'] };
		expect(sameAnswers(ANSWERS, reordered)).toBe(true);
		expect(idForSave({ answers: ANSWERS, id: ID }, reordered, () => OTHER)).toBe(ID);
	});
	it('draws a new id when any answer changed, so files of two campaigns cannot be linked', () => {
		const edited = { ...ANSWERS, barriers: ['regles', 'temps'] };
		expect(sameAnswers(ANSWERS, edited)).toBe(false);
		expect(idForSave({ answers: ANSWERS, id: ID }, edited, () => OTHER)).toBe(OTHER);
		expect(idForSave({ answers: ANSWERS, id: ID }, { ...ANSWERS, sector: 'chu' }, () => OTHER)).toBe(OTHER);
	});
	it('draws an id on the first save and replaces an invalid one', () => {
		expect(idForSave({ answers: {}, id: null }, ANSWERS, () => OTHER)).toBe(OTHER);
		expect(idForSave({ answers: ANSWERS, id: 'not-an-id' }, ANSWERS, () => OTHER)).toBe(OTHER);
	});
});
