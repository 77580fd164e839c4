/**
 * The team view's arithmetic: small-group and complementary suppression (checked against a
 * brute-force « subtract from the total » attacker), aggregation counts, duplicates and bad
 * files in a batch, CSV escaping and the chart geometry.
 */
import { describe, expect, it } from 'vitest';
import { addFiles, emptyLoadState, MAX_FILES, skippedByReason, summarize, type PublishedDimension } from '../../src/lib/survey/aggregate';
import { chartSummary, layoutBarChart, truncateLabel } from '../../src/lib/survey/chart';
import { CSV_BOM, csvField, csvLine, summaryCsv } from '../../src/lib/survey/csv';
import type { Answers } from '../../src/lib/survey/questions';
import { buildSnapshot, snapshotFileText, snapshotIdFromBytes, type Snapshot } from '../../src/lib/survey/snapshot';
import { feasibleRange, isProtected, MIN_GROUP, suppressBinary, suppressExclusive, type CellMark } from '../../src/lib/survey/suppress';
import { parsePublished, republishCheck } from '../../src/lib/survey/republish';

// ---------------------------------------------------------------- the attacker

/**
 * Everything an outsider can deduce from a published single-choice table: every assignment of
 * the hidden cells that matches the shown cells, the total and the published rules (« < 5 » is
 * 0–4, « masqué » is at least 5, a withheld cell anything), by brute force. Returns, per cell,
 * the set of values it can take.
 */
function attack(counts: number[], marks: CellMark[], totalShown: boolean): Set<number>[] {
	const total = counts.reduce((a, b) => a + b, 0);
	const options = marks.map((m, i): number[] => {
		if (m === 'shown') return [counts[i]];
		const all = Array.from({ length: total + 1 }, (_, v) => v);
		if (m === 'small') return all.filter((v) => v < MIN_GROUP);
		if (m === 'masked') return all.filter((v) => v >= MIN_GROUP);
		return all;
	});
	const possible = counts.map(() => new Set<number>());
	const pick: number[] = [];
	const walk = (i: number, sum: number) => {
		if (sum > total) return;
		if (i === counts.length) {
			if (!totalShown || sum === total) pick.forEach((v, j) => possible[j].add(v));
			return;
		}
		for (const v of options[i]) {
			pick[i] = v;
			walk(i + 1, sum + v);
		}
	};
	walk(0, 0);
	return possible;
}

/** The protection promised by suppress.ts, checked from the outside. */
function expectProtected(counts: number[]) {
	const { marks, totalShown } = suppressExclusive(counts);
	// nothing published, not even the total: nothing to deduce
	if (!totalShown) {
		expect(marks.every((m) => m === 'withheld')).toBe(true);
		return;
	}
	const seen = attack(counts, marks, totalShown);
	counts.forEach((c, i) => {
		// the true value is always among the possibilities (the attacker model is sound)
		expect(seen[i].has(c), `cell ${i} true value`).toBe(true);
		// a group of 0–4 is never pinned down (an empty cell neither: « nobody » is a disclosure)
		if (c < MIN_GROUP) expect(seen[i].size, `cell ${i} (${c}) of [${counts}] → ${marks}`).toBeGreaterThan(1);
		// a cell of 0–4 is never printed
		if (c < MIN_GROUP) expect(marks[i]).not.toBe('shown');
	});
	// the hidden cells together (total minus what is shown) are never a group of 0–4
	const hiddenSum = counts.filter((_, i) => marks[i] !== 'shown').reduce((a, b) => a + b, 0);
	if (totalShown && marks.some((m) => m !== 'shown') && !marks.every((m) => m === 'withheld')) expect(hiddenSum).toBeGreaterThanOrEqual(MIN_GROUP);
}

// ---------------------------------------------------------------- suppression

describe('suppressExclusive', () => {
	const S = 'shown', s = 'small', M = 'masked', W = 'withheld';
	const cases: Array<[string, number[], CellMark[], boolean]> = [
		// every group has 5 or more: all shown
		['no small group', [10, 8, 7], [S, S, S], true],
		// the subtract-from-total attack: 25 − 10 − 12 would give 3, so 10 is masked too
		['one small cell', [3, 10, 12], [s, M, S], true],
		// two small cells that add up to 2: their sum would be a group of 2
		['two small cells, sum < 5', [1, 1, 10], [s, s, M], true],
		// 4 + 4 = 8 and each is at most 4: both would be exactly 4
		['two cells of 4', [4, 4, 20], [s, s, M], true],
		// 2 + 3 = 5: each can be 1 to 4, nothing else needed
		['two small cells, sum ≥ 5', [2, 3, 8, 9], [s, s, S, S], true],
		// empty cells are hidden like small ones (« < 5 » means 0 to 4)
		['zeros', [0, 3, 10, 12, 0], [s, s, M, S, s], true],
		// fewer than 5 respondents: the whole question and its total are hidden
		['total below 5', [1, 2, 1], [W, W, W], false],
		// 1 + 5 = 6 with 0 ≤ a ≤ 4 and b ≥ 5: a is 0 or 1, b is 5 or 6
		['one small, one of 5', [1, 5], [s, M], true],
		// 0 and 5: masking the 5 still gives 0 + 5 = 5 with b ≥ 5, so a = 0: all withheld
		['unprotectable', [0, 5], [W, W], true],
		// equal candidates: the first in question order is masked
		['tie for the complement', [3, 6, 6], [s, M, S], true],
		// one cell holds everyone: printing it would say what each respondent answered
		['one full cell', [30, 0, 0], [M, s, s], true],
		// 4 and 0 → masks 5; then each small cell is in 0..4 and 5 in 5..9
		['small next to 5', [4, 5, 0], [s, M, s], true],
	];
	it.each(cases)('%s', (_name, counts, marks, totalShown) => {
		expect(suppressExclusive(counts)).toEqual({ marks, totalShown });
		expectProtected(counts);
	});

	it('a naive table (small cells only) would give the small cell away', () => {
		const counts = [3, 10, 12];
		const naive: CellMark[] = ['small', 'shown', 'shown'];
		expect(attack(counts, naive, true)[0]).toEqual(new Set([3]));
		expect(isProtected(counts, naive)).toBe(false);
		expect(feasibleRange(counts, naive, 0)).toEqual([3, 3]);
	});

	it('holds on 3 000 random tables (seeded)', () => {
		let seed = 42;
		const rand = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		for (let t = 0; t < 3000; t += 1) {
			const cells = 2 + rand(4);
			const counts = Array.from({ length: cells }, () => (rand(3) === 0 ? rand(5) : rand(14)));
			expectProtected(counts);
		}
	});

	it('refuses negative or fractional counts', () => {
		expect(() => suppressExclusive([1.5, 3])).toThrow();
		expect(() => suppressExclusive([-1, 9])).toThrow();
	});
});

describe('suppressBinary', () => {
	const cases: Array<[number, number, CellMark]> = [
		[0, 30, 'small'], // nobody named it: hidden like 1 to 4
		[3, 30, 'small'], // 3 named it
		[25, 30, 'shown'], // 25 named it, 5 did not
		[26, 30, 'near-total'], // 4 did not name it
		[30, 30, 'near-total'], // everyone: « plus de 25 », not a statement about each person
		[5, 9, 'near-total'], // 5 named it but 4 did not
		[2, 4, 'withheld'], // fewer than 5 asked
	];
	it.each(cases)('%i of %i → %s', (count, base, mark) => expect(suppressBinary(count, base)).toBe(mark));

	it('refuses a count above the base', () => expect(() => suppressBinary(6, 5)).toThrow());
});

// ---------------------------------------------------------------- aggregation

const BASE: Answers = {
	profession: 'infirmier',
	sector: 'hopital-public',
	region: 'bretagne',
	ageBand: '30-44',
	tools: ['chatbot'],
	approval: 'oui',
	uses: ['rediger'],
	barriers: ['cybersecurite'],
	trainingThemes: ['cybersecurite'],
	trainingFormat: 'mixte',
};

let counter = 0;
function snap(over: Answers, positioning?: Record<string, number>): Snapshot {
	counter += 1;
	const bytes = Array.from({ length: 16 }, (_, i) => (counter * 31 + i * 7 + (counter >> (i % 8))) & 255);
	const answers: Answers = { ...BASE, ...over };
	if (answers.tools && (answers.tools as string[]).includes('aucun')) {
		delete answers.approval;
		delete answers.uses;
	}
	return buildSnapshot(snapshotIdFromBytes(bytes), answers, positioning);
}

/**
 * A team of 30: 12 nurses, 8 doctors, 6 care assistants (no AI tool), 3 ward managers, 1
 * midwife. `managersApproval` is what the 3 ward managers say about their tools.
 */
function team(managersApproval = 'non'): Snapshot[] {
	const out: Snapshot[] = [];
	const add = (n: number, over: Answers, positioning?: Record<string, number>) => {
		for (let i = 0; i < n; i += 1) out.push(snap(over, positioning));
	};
	add(12, { profession: 'infirmier', barriers: ['cybersecurite', 'formation'], approval: 'non' }, { usages: 60 });
	add(8, { profession: 'medecin', sector: 'clinique-privee', barriers: ['regles', 'cybersecurite'] }, { usages: 40, cybersecurite: 50 });
	add(6, { profession: 'aide-soignant', sector: 'ehpad-medico-social', tools: ['aucun'], barriers: ['remplacement'] });
	add(3, { profession: 'cadre-sante', approval: managersApproval, barriers: ['formation'] });
	add(1, { profession: 'sage-femme', region: 'mayotte', barriers: ['aucun'] });
	return out;
}

const dim = (s: ReturnType<typeof summarize>, id: string): PublishedDimension => s.dimensions.find((d) => d.id === id)!;
const cells = (d: PublishedDimension) => Object.fromEntries(d.cells.map((c) => [c.id, c.display]));

describe('summarize', () => {
	const s = summarize(team());

	it('counts 30 respondents and publishes every question', () => {
		expect(s.respondents).toBe(30);
		expect(s.enough).toBe(true);
		expect(s.dimensions.map((d) => d.id)).toEqual(['profession', 'sector', 'region', 'ageBand', 'tools', 'approval', 'uses', 'barriers', 'trainingThemes', 'trainingFormat']);
	});

	it('counts professions with small-group and complementary suppression', () => {
		const p = cells(dim(s, 'profession'));
		expect(p).toMatchObject({ infirmier: '12', medecin: '8', 'aide-soignant': 'masqué', 'cadre-sante': '< 5', 'sage-femme': '< 5', pharmacien: '< 5' });
		expect(dim(s, 'profession').base).toBe(30);
		// 30 − 12 − 8 = 10 hidden people in three cells: none can be pinned
		expect(dim(s, 'profession').cells.find((c) => c.id === 'infirmier')!.percent).toBe(40);
	});

	it('never lets a hidden count out of the published summary', () => {
		for (const d of s.dimensions) for (const c of d.cells) if (c.mark !== 'shown') expect(c.count, `${d.id}.${c.id}`).toBeNull();
		expect(JSON.stringify(s)).not.toMatch(/"count":(1|2|3|4),/);
	});

	it('hides a single region of one person and its complement', () => {
		const r = cells(dim(s, 'region'));
		expect(r.mayotte).toBe('< 5');
		expect(r.bretagne).toBe('masqué');
	});

	it('ranks barriers, most named first, with near-total and small cells handled', () => {
		const b = dim(s, 'barriers');
		// cyber 20, formation 15, regles 8, remplacement 6, aucun 1
		expect(b.cells.slice(0, 4).map((c) => [c.id, c.display])).toEqual([
			['cybersecurite', '20'],
			['formation', '15'],
			['regles', '8'],
			['remplacement', '6'],
		]);
		expect(b.cells[b.cells.length - 1]).toMatchObject({ id: 'aucun', display: '< 5', count: null });
		expect(s.topBarriers).toEqual(['cybersecurite', 'formation', 'regles']);
	});

	it('computes the shadow-AI share among tool users', () => {
		// 29 tool users: 15 « non », 9 « oui », 5 « ne sait pas »; 6 without a tool
		const five = Array.from({ length: 5 }, () => snap({ profession: 'infirmier', approval: 'ne-sait-pas' }));
		const r = summarize([...team(), ...five]);
		expect(cells(dim(r, 'approval'))).toEqual({ oui: '9', non: '15', 'ne-sait-pas': '5', 'aucun-outil': '6' });
		expect(r.shadowAi).toEqual({ users: 29, unapprovedPercent: 51.7, unknownPercent: 17.2 });
	});
	it('hides an empty cell like a small one, and the share it would give away', () => {
		// 24 tool users: 15 « non », 9 « oui », nobody « ne sait pas »: a printed 0 would say
		// that every tool user knows; it is « < 5 », and its complement is masked
		expect(cells(dim(s, 'approval'))).toEqual({ oui: '9', non: '15', 'ne-sait-pas': '< 5', 'aucun-outil': 'masqué' });
		expect(s.shadowAi).toEqual({ users: null, unapprovedPercent: null, unknownPercent: null });
	});

	it('withholds the shadow-AI share when it would reveal a hidden cell', () => {
		// the 3 managers « do not know »: 3 is hidden, so is the smallest other cell (6 without
		// a tool); the 24 tool users could then give the 6 back, and the share is not published
		const r = summarize(team('ne-sait-pas'));
		expect(cells(dim(r, 'approval'))).toEqual({ oui: '9', non: '12', 'ne-sait-pas': '< 5', 'aucun-outil': 'masqué' });
		expect(r.shadowAi).toEqual({ users: null, unapprovedPercent: null, unknownPercent: null });
		expect(dim(r, 'uses').baseDisplay).toBe('non publié');
	});

	it('starts with the shadow-AI module, then the modules of the top barriers', () => {
		const ids = s.startModules.map((m) => m.moduleId);
		expect(ids[0]).toBe('shadow-ia-fuites-donnees');
		expect(ids).toContain('comprendre-ia'); // formation
		expect(ids).toContain('ai-act-essentiel'); // règles
		expect(ids.length).toBeLessThanOrEqual(6);
	});

	it('gives positioning means only with at least 5 scores', () => {
		const byTheme = Object.fromEntries(s.positioning.map((p) => [p.theme, p]));
		// 12 × 60 and 8 × 40 → 52
		expect(byTheme.usages).toMatchObject({ mean: 52, countDisplay: '20' });
		expect(byTheme.cybersecurite).toMatchObject({ mean: 50, countDisplay: '8' });
		expect(byTheme.reglementation).toMatchObject({ mean: null, countDisplay: '< 5' });
		const few = summarize([...team().slice(12, 30)].map((x, i) => (i < 4 ? { ...x, positioning: { reglementation: 90 } } : x)));
		expect(few.positioning.find((p) => p.theme === 'reglementation')!.mean).toBeNull();
	});

	it('publishes nothing below 5 respondents', () => {
		const small = summarize(team().slice(0, 4));
		expect(small).toMatchObject({ respondents: 4, enough: false, dimensions: [], startModules: [] });
	});

	it('hides the tool users when « no tool » is a small group', () => {
		const t = team().filter((x) => x.answers.tools?.includes('aucun')).slice(0, 2).concat(team().filter((x) => !x.answers.tools?.includes('aucun')));
		const r = summarize(t);
		expect(cells(dim(r, 'approval'))['aucun-outil']).toBe('< 5');
		expect(r.shadowAi.users).toBeNull();
		expect(r.shadowAi.unapprovedPercent).toBeNull();
		expect(dim(r, 'uses').baseDisplay).toBe('non publié');
		for (const c of dim(r, 'uses').cells) expect(c.percent).toBeNull();
	});
});

describe('loading files', () => {
	const files = team().map((x, i) => ({ name: `r${i}.json`, text: snapshotFileText(x) }));

	it('counts valid files and skips bad ones with a reason each, whatever the order', () => {
		const mixed = [
			files[0],
			{ name: 'notes.txt', text: 'Marie Dupont, infirmière' },
			files[1],
			{ name: 'huge.json', skip: 'too-big' as const },
			{ name: 'copie.json', text: files[0].text },
			files[2],
		];
		const st = addFiles(emptyLoadState(), mixed);
		expect(st.snapshots).toHaveLength(3);
		expect(st.names).toEqual(['r0.json', 'r1.json', 'r2.json']);
		expect(st.skipped.map((x) => [x.name, x.reason])).toEqual([
			['notes.txt', 'not-json'],
			['huge.json', 'too-big'],
			['copie.json', 'duplicate'],
		]);
		for (const x of st.skipped) expect(x.message.length).toBeGreaterThan(5);
		expect(skippedByReason(st.skipped)).toHaveLength(3);
	});

	it('detects a duplicate across batches and keeps the first file', () => {
		const one = addFiles(emptyLoadState(), files.slice(0, 5));
		const two = addFiles(one, [{ name: 'again.json', text: files[3].text }, files[5]]);
		expect(two.snapshots).toHaveLength(6);
		expect(two.skipped).toEqual([{ name: 'again.json', reason: 'duplicate', message: expect.stringMatching(/doublon/) }]);
		// the input state is not changed
		expect(one.snapshots).toHaveLength(5);
	});

	it('gives the same summary for 30 files loaded in any order', () => {
		const st = addFiles(emptyLoadState(), [...files].reverse());
		expect(summarize(st.snapshots)).toEqual(summarize(team()));
	});

	it(`stops counting after ${MAX_FILES} files`, () => {
		const many = Array.from({ length: MAX_FILES + 2 }, (_, i) => ({ name: `x${i}`, text: '' }));
		const st = addFiles(emptyLoadState(), many);
		expect(st.skipped.filter((x) => x.reason === 'too-many')).toHaveLength(2);
	});
});

// ---------------------------------------------------------------- CSV

describe('CSV', () => {
	const fields: Array<[string, string | number | null, string]> = [
		['plain text', 'Infirmier·e', 'Infirmier·e'],
		['a separator', 'Direction; administration', '"Direction; administration"'],
		['quotes', 'dit « oui » puis "non"', '"dit « oui » puis ""non"""'],
		['a line break', 'a\nb', '"a\nb"'],
		['a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
		['a leading plus', '+33 1', "'+33 1"],
		['a leading at-sign', '@cmd', "'@cmd"],
		['a decimal number', 26.7, '26,7'],
		['an integer', 30, '30'],
		['a suppressed cell', '< 5', '< 5'],
		['nothing', null, ''],
		['NaN', NaN, ''],
	];
	it.each(fields)('escapes %s', (_n, value, expected) => expect(csvField(value)).toBe(expected));

	it('joins with semicolons', () => expect(csvLine(['a', 1.5, null, 'b;c'])).toBe('a;1,5;;"b;c"'));

	it('writes a BOM, CRLF lines, semicolons and only published figures', () => {
		const s = summarize(team());
		const csv = summaryCsv(s, { skipped: 3, moduleTitles: { 'shadow-ia-fuites-donnees': 'Shadow IA' }, reasonLabels: { cybersecurite: 'Cybersécurité' } });
		expect(csv.startsWith(CSV_BOM)).toBe(true);
		expect(csv.includes('\r\n')).toBe(true);
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toContain('Réponses prises en compte;30');
		expect(lines).toContain('Fichiers ignorés;3');
		expect(lines).toContain('Métier;Infirmier·e;12;40');
		expect(lines).toContain('Métier;Sage-femme;< 5;');
		expect(lines).toContain('Métier;Aide-soignant·e;masqué;');
		expect(lines).toContain('Métier;Total;30;100');
		expect(lines.find((l) => l.startsWith('1;'))).toMatch(/^1;Shadow IA;/);
		// no hidden count anywhere: the 3 ward managers and the 1 midwife stay hidden
		expect(lines.filter((l) => /^Métier;(Cadre de santé|Sage-femme);[1-4];/.test(l))).toEqual([]);
	});

	it('says so when there are fewer than 5 answers', () => {
		const csv = summaryCsv(summarize(team().slice(0, 3)), { skipped: 0, moduleTitles: {}, reasonLabels: {} });
		expect(csv).toContain('non affichés : il faut au moins 5 réponses');
		expect(csv).not.toContain('Métier;');
	});
});

// ---------------------------------------------------------------- charts

describe('bar chart layout', () => {
	const s = summarize(team());

	it('draws a bar per published count, none for hidden cells, a lower-bound bar for near-total ones', () => {
		const layout = layoutBarChart(dim(s, 'profession').cells);
		const bars = Object.fromEntries(layout.bars.map((b) => [b.key, b]));
		expect(bars.infirmier.barWidth).toBeGreaterThan(bars.medecin.barWidth);
		expect(bars['cadre-sante'].barWidth).toBe(0);
		expect(bars['aide-soignant'].barWidth).toBe(0);
		expect(bars.pharmacien.barWidth).toBe(0);
		expect(bars['cadre-sante'].display).toBe('< 5');
		expect(layout.height).toBeGreaterThan(layout.bars[layout.bars.length - 1].barY);
		const near = layoutBarChart([{ id: 'x', label: 'X', short: 'X', mark: 'near-total', count: null, display: 'plus de 25', percent: null, above: 25 }]);
		expect(near.bars[0]).toMatchObject({ lowerBound: true, display: 'plus de 25' });
		expect(near.bars[0].barWidth).toBeGreaterThan(0);
	});

	it('names the chart with its largest published figures', () => {
		expect(chartSummary(dim(s, 'profession'))).toBe(
			'Métier : diagramme en barres, 30 personnes. Les plus fréquents : Infirmier·e : 12 ; Médecin : 8. Tous les chiffres sont dans le tableau qui suit.',
		);
	});

	it('truncates long labels', () => {
		expect(truncateLabel('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
		expect(truncateLabel('court', 10)).toBe('court');
	});
});

describe('publishing again', () => {
	const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `id${String(from + i).padStart(8, '0')}`);
	it('nothing published yet: no warning', () => {
		expect(republishCheck(null, ids(30))).toEqual({ published: null, added: 0, removed: 0, risky: false });
	});
	it('warns when 1 to 4 answers were added or removed since the last publication', () => {
		expect(republishCheck(ids(30), ids(31))).toMatchObject({ published: 30, added: 1, removed: 0, risky: true });
		expect(republishCheck(ids(30), ids(29))).toMatchObject({ removed: 1, risky: true });
		expect(republishCheck(ids(30), ids(34))).toMatchObject({ added: 4, risky: true });
	});
	it('does not warn for the same answers, or for 5 new answers or more', () => {
		expect(republishCheck(ids(30), ids(30)).risky).toBe(false);
		expect(republishCheck(ids(30), ids(35)).risky).toBe(false);
	});
	it('reads back only a list of ids; anything else counts as nothing published', () => {
		expect(parsePublished(JSON.stringify(ids(2)))).toEqual(ids(2));
		for (const bad of [null, '', '{', '{"a":1}', '[1,2]', JSON.stringify(['<script>'])]) expect(parsePublished(bad)).toBeNull();
	});
});
