import { describe, expect, it } from 'vitest';
import { buildRecord, checkRecord, decodeRecord, encodeRecord, normaliseName, parseShortCode, recordFingerprint, shortCode, type AttestationRecord, type Catalogue } from '../../src/lib/attestation';
import { toBase64Url } from '../../src/lib/progress/transfer';
import { emptyState, recordAttempt } from '../../src/lib/progress/model';

const modules = [
	{ id: 'a', title: 'Module A', minutes: 10, version: 2 },
	{ id: 'b', title: 'Module B', minutes: 12, version: 1 },
	{ id: 'c', title: 'Module C', minutes: 8, version: 1 },
];
const pass = { percent: 100, passed: true, missed: [] };
let state = emptyState();
state = recordAttempt(state, 'c', 1, pass, '2026-11-01');
state = recordAttempt(state, 'a', 2, { percent: 83, passed: true, missed: ['q2'] }, '2026-11-02');
const track = { profile: 'infirmier', key: 'infirmier:', title: 'Parcours infirmier·e', ids: ['a', 'b'] };
const catalogue: Catalogue = { modules, tracks: [track] };

describe('attestation record', () => {
	const rec = buildRecord({ state, name: '  Camille   Exemple ', track, modules, contentVersion: '2026-11-28', today: '2026-11-28' });
	it('lists completed modules, track modules first in track order', () => {
		expect(rec.modules.map((m) => m.id)).toEqual(['a', 'c']);
		expect(rec.modules[0]).toMatchObject({ score: 83, version: 2, date: '2026-11-02', minutes: 10 });
		expect(rec.totalMinutes).toBe(18);
		expect(rec.name).toBe('Camille Exemple');
	});
	it('is complete only when every module of the track is completed', () => {
		expect(rec.complete).toBe(false);
		const all = recordAttempt(state, 'b', 1, pass, '2026-11-03');
		expect(buildRecord({ state: all, name: 'X', track, modules, contentVersion: 'v', today: '2026-11-28' }).complete).toBe(true);
		expect(buildRecord({ state: all, name: 'X', track: null, modules, contentVersion: 'v', today: '2026-11-28' }).complete).toBe(false);
	});
	it('never prints a completion after its own date (a result earned with the clock ahead), and the record stays valid', () => {
		const ahead = recordAttempt(state, 'b', 1, pass, '2026-12-18');
		const r = buildRecord({ state: ahead, name: 'X', track, modules, contentVersion: 'v', today: '2026-11-28' });
		expect(r.modules.find((m) => m.id === 'b')!.date).toBe('2026-11-28');
		expect(r.modules.find((m) => m.id === 'a')!.date).toBe('2026-11-02');
		expect(checkRecord(r, catalogue, '2026-11-28').filter((p) => /date/i.test(String(p)))).toEqual([]);
	});
	it('round-trips through the verification code with the same fingerprint', () => {
		const code = encodeRecord(rec);
		expect(code).toMatch(/^ATT2-/);
		expect(code).not.toContain('Camille');
		const back = decodeRecord(code, 'Camille Exemple', catalogue);
		expect(back.ok).toBe(true);
		if (back.ok) {
			expect(back.record).toEqual(rec);
			expect(shortCode(back.record)).toBe(shortCode(rec));
			expect(checkRecord(back.record, catalogue, '2026-11-28')).toEqual([]);
		}
	});
	it('gives another fingerprint when the name or a score differs', () => {
		const code = encodeRecord(rec);
		const other = decodeRecord(code, 'Camille Exemplaire', catalogue);
		if (!other.ok) throw new Error('decode');
		expect(shortCode(other.record)).not.toBe(shortCode(rec));
		expect(recordFingerprint(other.record)).not.toBe(recordFingerprint(rec));
		const edited = { ...rec, modules: rec.modules.map((m, i) => (i === 0 ? { ...m, score: 100 } : m)) };
		expect(recordFingerprint(edited)).not.toBe(recordFingerprint(rec));
	});
	it.each([
		['wrong prefix', 'XYZ-abc'],
		['not base64url', 'ATT1-@@@'],
		['not JSON', `ATT1-${Buffer.from('nope').toString('base64url')}`],
		['impossible score', `ATT1-${Buffer.from(JSON.stringify({ v: 1, track: null, trackTitle: '', complete: false, modules: [{ id: 'a', title: 'A', score: 140, date: '2026-11-01', version: 1, minutes: 5 }], totalMinutes: 5, contentVersion: 'x', issuedOn: '2026-11-28' })).toString('base64url')}`],
		['future version', `ATT1-${Buffer.from(JSON.stringify({ v: 9 })).toString('base64url')}`],
	])('refuses a bad code: %s', (_label, code) => {
		const r = decodeRecord(code, 'X', catalogue);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.length).toBeGreaterThan(20);
	});
});

const b64 = (o: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(o)));

describe('short verification code', () => {
	const rec = buildRecord({ state, name: 'Camille Exemple', track, modules, contentVersion: '2026-11-28', today: '2026-11-28', establishment: 'CH de Villeneuve' });
	const code = shortCode(rec);
	it('is 12 characters of Crockford base 32, grouped by four', () => {
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
		expect(parseShortCode(code)).toEqual({ ok: true, code });
	});
	it('reads a code typed in lower case, without dashes, with O for 0 and l for 1', () => {
		const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
		expect(parseShortCode(typed)).toEqual({ ok: true, code });
	});
	it('catches every single mistyped character and every swap of neighbours', () => {
		const raw = code.replace(/-/g, '');
		const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
		let caught = 0;
		let tried = 0;
		for (let i = 0; i < 12; i += 1) {
			for (const c of alphabet) {
				if (c === raw[i]) continue;
				tried += 1;
				if (!parseShortCode(raw.slice(0, i) + c + raw.slice(i + 1)).ok) caught += 1;
			}
		}
		// mod 31 misses only a 0 <-> Z substitution (values 0 and 31).
		expect(caught).toBeGreaterThanOrEqual(tried - 12);
		for (let i = 0; i < 11; i += 1) {
			if (raw[i] === raw[i + 1]) continue;
			const swapped = raw.slice(0, i) + raw[i + 1] + raw[i] + raw.slice(i + 2);
			expect(parseShortCode(swapped).ok).toBe(false);
		}
	});
	it.each([['', /Saisissez/], ['ABCD-EFGH', /8 caractères au lieu de 12/], ['ABCD-EFGH-JKU1', /caractère qui ne peut pas/]])('explains a bad code: %s', (typed, msg) => {
		const r = parseShortCode(typed);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(msg);
	});
	it('depends on the establishment as well as on the name', () => {
		expect(shortCode({ ...rec, establishment: 'Autre' })).not.toBe(code);
	});
});

describe('names are normalised before hashing (NFC, spaces)', () => {
	it('treats decomposed accents, no-break spaces and tabs as the printed name', () => {
		expect(normaliseName('  He\u0301le\u0300ne\u00a0\tDupont\u202f ')).toBe('Hélène Dupont');
		const rec = buildRecord({ state, name: 'Hélène Dupont', track, modules, contentVersion: '2026-11-28', today: '2026-11-28' });
		const back = decodeRecord(encodeRecord(rec), 'He\u0301le\u0300ne  Dupont', catalogue);
		if (!back.ok) throw new Error(back.error);
		expect(shortCode(back.record)).toBe(shortCode(rec));
	});
	it('also for a legacy ATT1 code', () => {
		const legacy = { v: 1, track: null, trackTitle: '', complete: false, modules: [{ id: 'a', title: 'Module A', score: 90, date: '2026-11-02', version: 2, minutes: 10 }], totalMinutes: 10, contentVersion: '2026-11-28', issuedOn: '2026-11-28' };
		const nfc = decodeRecord(`ATT1-${b64(legacy)}`, 'Hélène Dupont', catalogue);
		const nfd = decodeRecord(`ATT1-${b64(legacy)}`, 'He\u0301le\u0300ne Dupont', catalogue);
		if (!nfc.ok || !nfd.ok) throw new Error('decode');
		expect(recordFingerprint(nfd.record)).toBe(recordFingerprint(nfc.record));
		expect(checkRecord(nfc.record, catalogue, '2026-12-03')).toEqual([]);
	});
});

describe('the verifier checks a record against the catalogue', () => {
	const rec: AttestationRecord = buildRecord({ state: recordAttempt(state, 'b', 1, pass, '2026-11-03'), name: 'X', track, modules, contentVersion: '2026-11-28', today: '2026-11-28' });
	const today = '2026-12-03';
	it('accepts a genuine complete record', () => {
		expect(rec.complete).toBe(true);
		expect(checkRecord(rec, catalogue, today)).toEqual([]);
	});
	const cases: [string, (r: AttestationRecord) => AttestationRecord, RegExp][] = [
		['a module that does not exist', (r) => ({ ...r, modules: [...r.modules, { id: 'du-ia-dpc', title: 'Diplôme universitaire IA — DPC n° 1234', score: 100, date: '2026-11-05', version: 1, minutes: 600 }], totalMinutes: r.totalMinutes + 600 }), /n’existe pas dans le catalogue/],
		['a made-up title (legacy code)', (r) => ({ ...r, v: 1, modules: r.modules.map((m, i) => (i === 0 ? { ...m, title: 'Diplôme universitaire … DPC n° 1234' } : m)) }), /n’est pas celui du module/],
		['a made-up duration', (r) => ({ ...r, modules: r.modules.map((m, i) => (i === 0 ? { ...m, minutes: 300 } : m)) }), /n’est pas celle du catalogue/],
		['an impossible total', (r) => ({ ...r, totalMinutes: 6000 }), /n’est pas la somme/],
		['completion in 2031', (r) => ({ ...r, modules: r.modules.map((m, i) => (i === 0 ? { ...m, date: '2031-01-01' } : m)) }), /postérieure à aujourd’hui/],
		['a document dated 2031', (r) => ({ ...r, issuedOn: '2031-06-01' }), /daté d’après aujourd’hui/],
		['a completion after the document date', (r) => ({ ...r, modules: r.modules.map((m, i) => (i === 0 ? { ...m, date: '2026-12-01' } : m)) }), /postérieure à la date du document/],
		['a date before the platform', (r) => ({ ...r, modules: r.modules.map((m, i) => (i === 0 ? { ...m, date: '2019-01-01' } : m)) }), /antérieure à l’existence/],
		['a content version from the future', (r) => ({ ...r, modules: r.modules.map((m, i) => (i === 0 ? { ...m, version: 9 } : m)) }), /n’existe pas encore/],
		['a track that does not exist', (r) => ({ ...r, track: 'chef', trackKey: 'chef:' }), /n’existe pas sur ce site/],
		['a complete track with a module missing', (r) => ({ ...r, modules: r.modules.filter((m) => m.id !== 'b'), totalMinutes: r.totalMinutes - 12 }), /modules du parcours manquent/],
		['a module listed twice', (r) => ({ ...r, modules: [...r.modules, r.modules[0]], totalMinutes: r.totalMinutes + 10 }), /figure deux fois/],
		['complete without a track', (r) => ({ ...r, track: null, trackKey: '' }), /sans nommer de parcours/],
	];
	it.each(cases)('refuses %s', (_label, edit, msg) => {
		const problems = checkRecord(edit(rec), catalogue, today);
		expect(problems.some((p) => msg.test(p))).toBe(true);
	});
	it('refuses a hand-made ATT2 code naming a module that does not exist', () => {
		const forged = `ATT2-${b64({ v: 2, k: 'infirmier:', c: 1, e: '', cv: '2026-11-28', i: '2031-01-01', m: [['a', 100, '2031-01-01', 1], ['b', 100, '2026-11-01', 1], ['diplome-dpc', 100, '2026-11-01', 1]] })}`;
		const r = decodeRecord(forged, 'X', catalogue);
		if (!r.ok) throw new Error(r.error);
		const problems = checkRecord(r.record, catalogue, today);
		expect(problems.join(' ')).toMatch(/n’existe pas dans le catalogue/);
		expect(problems.join(' ')).toMatch(/daté d’après aujourd’hui/);
	});
	it('accepts a clock one day ahead (time zones), not more', () => {
		expect(checkRecord({ ...rec, issuedOn: '2026-12-04' }, catalogue, today)).toEqual([]);
		expect(checkRecord({ ...rec, issuedOn: '2026-12-05' }, catalogue, today)).not.toEqual([]);
	});
});
