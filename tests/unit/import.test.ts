/**
 * Import validation: every way an untrusted file can be wrong gets its own French message,
 * with one fixture file per case under tests/fixtures/import/ (the 1 MB files are generated
 * here rather than committed).
 */
import { describe, expect, it } from 'vitest';
import { addDays, emptyState, getEntry, type ModuleProgress, type ProgressState } from '../../src/lib/progress/model';
import { exportFile, MAX_IMPORT_BYTES, mergeImport, parseImport, utf8ByteLength } from '../../src/lib/progress/transfer';

/** node:fs without @types/node (the project does not install them). */
const fs = (
	globalThis as unknown as { process: { getBuiltinModule(id: 'node:fs'): { readFileSync(path: URL): Uint8Array } } }
).process.getBuiltinModule('node:fs');

/** A fixture's text, decoded without dropping a byte-order mark (the importer must see it). */
function fixture(name: string): string {
	const bytes = fs.readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

const TODAY = '2026-11-28';
const KNOWN = new Map([
	['ia-generative-quotidien', 2],
	['donnees-de-sante', 1],
]);

function refusal(text: string, known = KNOWN): string {
	const r = parseImport(text, known, { today: TODAY });
	if (r.ok) throw new Error('expected a refusal, got ok');
	return r.error;
}

describe('fixtures', () => {
	const cases: Array<[string, RegExp]> = [
		// plain text pasted in a .json file
		['not-json.txt', /n’est pas lisible/],
		// a "__proto__" key: refused before anything reads it
		['proto-key.json', /champ interdit \(« __proto__ »\)/],
		// the same key written with a JSON escape
		['proto-key-escaped.json', /champ interdit \(« __proto__ »\)/],
		// "constructor" (and the "prototype" inside it)
		['constructor-key.json', /champ interdit \(« constructor »\)/],
		// arrays nested 20 deep
		['deep-nesting.json', /trop imbriquées/],
		// exported by a newer site
		['future-version.json', /version plus récente/],
		// NaN is not JSON; said plainly
		['nan.json', /nombres invalides/],
		// HTML as a module id
		['html.json', /texte non autorisé/],
		// the same key twice in one object (JSON.parse would keep the last, 100)
		['duplicate-keys.json', /deux fois le même champ \(« best »\)/],
		// another application's export
		['wrong-app.json', /ne vient pas de Parcours IA Santé/],
	];
	it.each(cases)('%s is refused with its own message', (name, message) => {
		const error = refusal(fixture(name));
		expect(error).toMatch(message);
		// messages are French sentences that say what to do, never raw exceptions
		expect(error).not.toMatch(/SyntaxError|undefined|\[object/);
	});

	it('every refusal message differs', () => {
		const messages = cases.filter(([n]) => n !== 'proto-key-escaped.json' && n !== 'proto-key.json').map(([n]) => refusal(fixture(n)));
		expect(new Set(messages).size).toBe(messages.length);
	});

	it('nothing was ever assigned through __proto__', () => {
		refusal(fixture('proto-key.json'));
		refusal(fixture('constructor-key.json'));
		expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
	});

	// Issue 16: one entry out of range no longer makes the whole file refused (these two
	// fixtures were refusals before).
	it('negative.json: the started entry with a negative attempt count is left out, with a warning, the rest imported', () => {
		const r = parseImport(fixture('negative.json'), KNOWN, { today: TODAY });
		if (!r.ok) throw new Error(r.error);
		expect(Object.keys(r.state.modules)).toEqual(['ia-generative-quotidien']);
		expect(r.warnings).toHaveLength(1);
		expect(r.warnings[0]).toMatch(/^Module « donnees-de-sante » non importé, .*nombre de tentatives doit être un nombre entier de 0 à 10 000.*Les autres modules sont importés\.$/);
	});

	it('huge.json: a completed entry with a score of 1e400 keeps its completion, score repaired to 0, with a warning', () => {
		const r = parseImport(fixture('huge.json'), KNOWN, { today: TODAY });
		if (!r.ok) throw new Error(r.error);
		expect(getEntry(r.state, 'ia-generative-quotidien')).toEqual({ status: 'completed', best: 0, attempts: 2, lastVisit: '2026-11-20', completedOn: '2026-11-18', version: 2 });
		expect(getEntry(r.state, 'donnees-de-sante')?.best).toBe(60);
		expect(r.warnings).toEqual(['Module « ia-generative-quotidien » importé, sa validation conservée : score illisible, remplacé par 0.']);
	});

	it('valid.json is accepted as is', () => {
		const r = parseImport(fixture('valid.json'), KNOWN, { today: TODAY });
		expect(r).toEqual({
			ok: true,
			warnings: [],
			state: {
				v: 2,
				profile: 'infirmier',
				setting: 'bloc',
				modules: {
					'ia-generative-quotidien': { status: 'completed', best: 100, attempts: 2, lastVisit: '2026-11-20', completedOn: '2026-11-18', version: 2 },
					'donnees-de-sante': { status: 'started', best: 60, attempts: 1, lastVisit: '2026-11-27', version: 1, missed: ['q2', 'q4'] },
				},
			},
		});
	});

	it('bom.json: the byte-order mark is stripped and accepted', () => {
		const text = fixture('bom.json');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const withBom = parseImport(text, KNOWN, { today: TODAY });
		expect(withBom.ok).toBe(true);
		expect(withBom).toEqual(parseImport(fixture('valid.json'), KNOWN, { today: TODAY }));
	});

	it('unknown-ids.json: unknown modules dropped with a warning, not an error', () => {
		const r = parseImport(fixture('unknown-ids.json'), KNOWN, { today: TODAY });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.warnings).toEqual(['2 modules inconnus ignorés : ils n’existent pas (ou plus) sur ce site.']);
		expect(Object.keys(r.state.modules).sort()).toEqual(['donnees-de-sante', 'ia-generative-quotidien']);
	});

	it('results earned on an earlier content version are kept and counted in a warning', () => {
		const r = parseImport(fixture('valid.json'), new Map([['ia-generative-quotidien', 3], ['donnees-de-sante', 1]]), { today: TODAY });
		expect(r.ok && r.warnings).toEqual(['1 résultat a été obtenu sur une version précédente de son module : il est conservé et signalé comme tel.']);
		expect(r.ok && getEntry(r.state, 'ia-generative-quotidien')?.version).toBe(2);
	});
});

describe('size limit (1 MiB, in UTF-8 bytes, before parsing)', () => {
	/** The valid file padded with spaces (valid JSON whitespace) to `bytes` bytes. */
	function padded(bytes: number): string {
		const base = fixture('valid.json');
		return base + ' '.repeat(bytes - utf8ByteLength(base));
	}

	it.each<[string, () => string, boolean]>([
		// exactly 1,048,576 bytes: accepted
		['exactly 1 MiB', () => padded(MAX_IMPORT_BYTES), true],
		// 1,048,577 bytes: refused
		['1 MiB + 1 byte', () => padded(MAX_IMPORT_BYTES + 1), false],
		// fewer characters than the limit but more bytes (é is 2 bytes in UTF-8)
		['600 000 « é » = 1.2 MB', () => 'é'.repeat(600_000), false],
		// far over the limit
		['5 MB', () => ' '.repeat(5 * MAX_IMPORT_BYTES), false],
	])('%s', (_name, make, ok) => {
		const r = parseImport(make(), KNOWN, { today: TODAY });
		expect(r.ok).toBe(ok);
		if (!r.ok) expect(r.error).toMatch(/trop volumineux \(plus de 1 Mo\)/);
	});
});

describe('values and strings', () => {
	/** The valid file with one change to an entry of donnees-de-sante. */
	function withEntry(patch: Record<string, unknown>): string {
		const data = JSON.parse(fixture('valid.json'));
		Object.assign(data.progress.modules['donnees-de-sante'], patch);
		return JSON.stringify(data);
	}
	/** The valid file with one change at the top of `progress`. */
	function withProgress(patch: Record<string, unknown>): string {
		const data = JSON.parse(fixture('valid.json'));
		Object.assign(data.progress, patch);
		return JSON.stringify(data);
	}

	it.each<[string, string, RegExp]>([
		// HTML in a question id
		['HTML in missed', withEntry({ missed: ['<script>alert(1)</script>'] }), /texte non autorisé/],
		// HTML in the status
		['HTML in status', withEntry({ status: '<b>ok</b>' }), /texte non autorisé/],
		// HTML in the profile
		['HTML in profile', withProgress({ profile: '<img src=x>' }), /texte non autorisé/],
		// an extra field in an entry
		['unexpected field', withEntry({ note: 'bonjour' }), /informations inattendues/],
		// the progress version from the future
		['progress.v 3', withProgress({ v: 3 }), /version plus récente/],
		// an unknown older version
		['progress.v 1', withProgress({ v: 1 }), /n’est pas reconnue/],
	])('%s is refused', (_name, text, message) => {
		expect(refusal(text)).toMatch(message);
	});

	// Issue 16: a value out of range in a started entry used to refuse the whole file; now only
	// that entry is left out, named in a warning, and the other module is imported.
	it.each<[string, string, RegExp]>([
		// score over 100
		['best 101', withEntry({ best: 101 }), /score doit être un nombre entier de 0 à 100/],
		// score with decimals
		['best 59.5', withEntry({ best: 59.5 }), /score/],
		// score as a string
		['best "60"', withEntry({ best: '60' }), /score/],
		// attempts over 10,000
		['attempts 10001', withEntry({ attempts: 10_001 }), /tentatives/],
		// a huge number that is still finite
		['attempts 1e20', withEntry({ attempts: 1e20 }), /tentatives/],
		// version 0 and a negative version
		['version 0', withEntry({ version: 0 }), /version doit être un nombre entier positif/],
		['version -1', withEntry({ version: -1 }), /version doit être un nombre entier positif/],
		// an impossible date
		['lastVisit 2026-02-30', withEntry({ lastVisit: '2026-02-30' }), /date de dernière visite/],
		// an unknown status
		['status "done"', withEntry({ status: 'done' }), /état/],
	])('%s: that started entry is left out with a warning, the rest imported', (_name, text, detail) => {
		const r = parseImport(text, KNOWN, { today: TODAY });
		if (!r.ok) throw new Error(r.error);
		expect(Object.keys(r.state.modules)).toEqual(['ia-generative-quotidien']);
		expect(r.warnings).toHaveLength(1);
		expect(r.warnings[0]).toMatch(/^Module « donnees-de-sante » non importé/);
		expect(r.warnings[0]).toMatch(detail);
	});

	it.each<[string, string, Partial<ModuleProgress>, RegExp]>([
		// a completion date on a module not completed: the date is left out
		['completedOn on a started module', withEntry({ completedOn: '2026-11-01' }), {}, /date de validation illisible ou sans objet, retirée/],
		// more than 50 missed questions: the first 50 are kept
		[
			'51 missed',
			withEntry({ missed: Array.from({ length: 51 }, (_, i) => `q${i}`) }),
			{ missed: Array.from({ length: 50 }, (_, i) => `q${i}`) },
			/questions à revoir réduite/,
		],
		// a date two days ahead (tomorrow is tolerated for time zones): brought back to today
		['lastVisit after tomorrow', withEntry({ lastVisit: '2026-11-30' }), { lastVisit: TODAY }, /date de dernière visite \(30 novembre 2026\) était postérieure à aujourd’hui .*ramenée au 28 novembre 2026/],
	])('%s: the entry is imported repaired, with a warning', (_name, text, patch, message) => {
		const r = parseImport(text, KNOWN, { today: TODAY });
		if (!r.ok) throw new Error(r.error);
		expect(getEntry(r.state, 'donnees-de-sante')).toEqual({ status: 'started', best: 60, attempts: 1, lastVisit: '2026-11-27', version: 1, missed: ['q2', 'q4'], ...patch });
		expect(r.warnings).toHaveLength(1);
		expect(r.warnings[0]).toMatch(/^Module « donnees-de-sante » importé : /);
		expect(r.warnings[0]).toMatch(message);
	});

	it.each<[string, string, string[]]>([
		// tomorrow is accepted (the other device may be a time zone ahead)
		['lastVisit tomorrow', withEntry({ lastVisit: '2026-11-29' }), []],
		// an unknown (future) profile is ignored with a warning
		['unknown profile', withProgress({ profile: 'kinesitherapeute' }), ['Profil inconnu ignoré : vous pourrez choisir votre parcours à nouveau.']],
		// no profile at all
		['null profile', withProgress({ profile: null, setting: null }), []],
	])('%s is accepted', (_name, text, warnings) => {
		const r = parseImport(text, KNOWN, { today: TODAY });
		expect(r.ok && r.warnings).toEqual(warnings);
	});

	it.each<[string, string, RegExp]>([
		// an empty file
		['empty', '', /est vide/],
		// only a byte-order mark and spaces
		['BOM and spaces', '\ufeff  \n', /est vide/],
		// JSON but an array
		['an array', '[]', /ne vient pas de Parcours IA Santé/],
		// our app, another kind of export
		['another kind', '{"app":"parcours-ia-sante","kind":"attestation","v":2}', /ne contient pas de progression/],
		// Infinity written as a bare word
		['Infinity', '{"app":"parcours-ia-sante","kind":"progress","v":Infinity}', /nombres invalides/],
		// a "prototype" key at the top
		['prototype key', '{"prototype":1,"app":"parcours-ia-sante"}', /champ interdit \(« prototype »\)/],
		// duplicate keys at the top level
		['duplicate app', '{"app":"x","app":"parcours-ia-sante","kind":"progress","v":2,"progress":{"v":2,"modules":{}}}', /deux fois le même champ/],
	])('%s', (_name, text, message) => {
		expect(refusal(text)).toMatch(message);
	});

	it('the same key in two different objects is not a duplicate', () => {
		const r = parseImport(fixture('valid.json'), KNOWN, { today: TODAY });
		expect(r.ok).toBe(true); // "best", "status"… appear in both entries
	});
});

describe('export file round trip', () => {
	it('exportFile → parseImport gives the state back', () => {
		const state: ProgressState = {
			v: 2,
			profile: 'praticien-hospitalier',
			setting: null,
			modules: {
				'module-b': { status: 'started', best: 40, attempts: 3, lastVisit: '2026-11-27', version: 1, missed: ['q1', 'q3'] },
				'module-a': { status: 'completed', best: 80, attempts: 1, lastVisit: '2026-11-02', completedOn: '2026-11-02', version: 2 },
			},
		};
		const text = exportFile(state, { appVersion: '0.1.0', exportedAt: '2026-11-28T08:00:00.000Z' });
		const head = JSON.parse(text);
		expect(head).toMatchObject({ app: 'parcours-ia-sante', kind: 'progress', v: 2, appVersion: '0.1.0', exportedAt: '2026-11-28T08:00:00.000Z' });
		// modules are written in id order (stable files)
		expect(Object.keys(head.progress.modules)).toEqual(['module-a', 'module-b']);
		const r = parseImport(text, new Map([['module-a', 2], ['module-b', 1]]), { today: TODAY });
		expect(r).toEqual({ ok: true, state, warnings: [] });
	});

	it('an empty state round-trips too', () => {
		const text = exportFile(emptyState(), { appVersion: '0.1.0', exportedAt: '2026-11-28' });
		expect(parseImport(text, KNOWN, { today: TODAY })).toEqual({ ok: true, state: emptyState(), warnings: [] });
	});

	it('mergeImport keeps the better result per module', () => {
		const r = parseImport(fixture('valid.json'), KNOWN, { today: TODAY });
		if (!r.ok) throw new Error(r.error);
		const current: ProgressState = {
			...emptyState(),
			modules: { 'donnees-de-sante': { status: 'completed', best: 80, attempts: 4, lastVisit: '2026-11-28', completedOn: '2026-11-28', version: 1 } },
		};
		const merged = mergeImport(current, r.state);
		expect(getEntry(merged, 'donnees-de-sante')).toEqual({ status: 'completed', best: 80, attempts: 4, lastVisit: '2026-11-28', completedOn: '2026-11-28', version: 1 });
		expect(getEntry(merged, 'ia-generative-quotidien')?.best).toBe(100);
		expect(merged.profile).toBe('infirmier');
	});
});

describe('issue 16: a clock once ahead, a damaged completed entry', () => {
	// Attack 3: a result earned with the clock 20 days ahead made the whole export refused on
	// any correct device.
	it('an export with one entry 20 days ahead imported today: accepted, its dates brought back to today, a warning names it', () => {
		const ahead = addDays(TODAY, 20);
		const state: ProgressState = {
			...emptyState(),
			modules: {
				'ia-generative-quotidien': { status: 'completed', best: 90, attempts: 1, lastVisit: ahead, completedOn: ahead, version: 2 },
				'donnees-de-sante': { status: 'completed', best: 80, attempts: 2, lastVisit: '2026-11-20', completedOn: '2026-11-19', version: 1 },
			},
		};
		const text = exportFile(state, { appVersion: '0.1.0', exportedAt: `${ahead}T10:00:00.000Z` });
		const r = parseImport(text, KNOWN, { today: TODAY });
		if (!r.ok) throw new Error(`refused: ${r.error}`);
		expect(getEntry(r.state, 'ia-generative-quotidien')).toEqual({ status: 'completed', best: 90, attempts: 1, lastVisit: TODAY, completedOn: TODAY, version: 2 });
		// the other entry is untouched
		expect(getEntry(r.state, 'donnees-de-sante')).toEqual(state.modules['donnees-de-sante']);
		expect(r.warnings).toEqual([
			'Module « ia-generative-quotidien » importé, sa validation conservée : la date de dernière visite (18 décembre 2026) et la date de validation (18 décembre 2026) étaient postérieures à aujourd’hui (l’horloge de l’autre appareil était sans doute en avance) : elles sont ramenées au 28 novembre 2026.',
		]);
		// no date of the merged progress lies after the import day
		const merged = mergeImport(emptyState(), r.state);
		for (const e of Object.values(merged.modules)) {
			expect(e.lastVisit <= TODAY).toBe(true);
			expect((e.completedOn ?? '') <= TODAY).toBe(true);
		}
	});

	it('a whole file written with the clock ahead: every entry kept, one warning each', () => {
		const data = JSON.parse(fixture('valid.json'));
		data.progress.modules['ia-generative-quotidien'].completedOn = '2027-01-05';
		data.progress.modules['ia-generative-quotidien'].lastVisit = '2027-01-06';
		data.progress.modules['donnees-de-sante'].lastVisit = '2027-01-06';
		const r = parseImport(JSON.stringify(data), KNOWN, { today: TODAY });
		if (!r.ok) throw new Error(r.error);
		expect(Object.keys(r.state.modules).sort()).toEqual(['donnees-de-sante', 'ia-generative-quotidien']);
		expect(getEntry(r.state, 'ia-generative-quotidien')?.status).toBe('completed');
		expect(r.warnings).toHaveLength(2);
		expect(r.warnings.every((w) => /ramenées? au 28 novembre 2026/.test(w))).toBe(true);
	});

	// Attack 4, on the import side: a completed entry with one bad field kept its completion
	// nowhere (the file was refused).
	it.each<[string, Record<string, unknown>, Partial<ModuleProgress>, RegExp]>([
		['attempts "x"', { attempts: 'x' }, { attempts: 1 }, /nombre de tentatives illisible, remplacé par 1/],
		['lastVisit "hier"', { lastVisit: 'hier' }, { lastVisit: '2026-11-18' }, /date de dernière visite illisible/],
		['version 0', { version: 0 }, { version: 1 }, /version du contenu illisible, remplacée par 1/],
	])('a completed entry with %s keeps its completion', (_name, patch, fixed, message) => {
		const data = JSON.parse(fixture('valid.json'));
		Object.assign(data.progress.modules['ia-generative-quotidien'], patch);
		const r = parseImport(JSON.stringify(data), KNOWN, { today: TODAY });
		if (!r.ok) throw new Error(r.error);
		expect(getEntry(r.state, 'ia-generative-quotidien')).toEqual({
			status: 'completed',
			best: 100,
			attempts: 2,
			lastVisit: '2026-11-20',
			completedOn: '2026-11-18',
			version: 2,
			...fixed,
		});
		expect(r.warnings.filter((w) => w.startsWith('Module '))).toHaveLength(1);
		expect(r.warnings[0]).toMatch(/^Module « ia-generative-quotidien » importé, sa validation conservée : /);
		expect(r.warnings[0]).toMatch(message);
	});
});
