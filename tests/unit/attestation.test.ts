import { describe, expect, it } from 'vitest';
import { buildRecord, decodeRecord, encodeRecord, recordFingerprint } from '../../src/lib/attestation';
import { emptyState, recordAttempt } from '../../src/lib/progress/model';

const modules = [
	{ id: 'a', title: 'Module A', minutes: 10 },
	{ id: 'b', title: 'Module B', minutes: 12 },
	{ id: 'c', title: 'Module C', minutes: 8 },
];
const pass = { percent: 100, passed: true, missed: [] };
let state = emptyState();
state = recordAttempt(state, 'c', 1, pass, '2026-11-01');
state = recordAttempt(state, 'a', 2, { percent: 83, passed: true, missed: ['q2'] }, '2026-11-02');
const track = { profile: 'infirmier', title: 'Parcours infirmier·e', ids: ['a', 'b'] };

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
	it('round-trips through the verification code with the same fingerprint', () => {
		const code = encodeRecord(rec);
		expect(code).not.toContain('Camille');
		const back = decodeRecord(code, 'Camille Exemple');
		expect(back.ok).toBe(true);
		if (back.ok) expect(recordFingerprint(back.record)).toBe(recordFingerprint(rec));
	});
	it('gives another fingerprint when the name or a score differs', () => {
		const code = encodeRecord(rec);
		const other = decodeRecord(code, 'Camille Exemplaire');
		if (!other.ok) throw new Error('decode');
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
		const r = decodeRecord(code, 'X');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.length).toBeGreaterThan(20);
	});
});
