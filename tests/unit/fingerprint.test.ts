/**
 * The pure SHA-256 against node:crypto (known vectors and every padding boundary), the
 * canonical JSON and the XXXX-XXXX-XXXX attestation fingerprint.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint, sha256 } from '../../src/lib/fingerprint';

/** node:crypto without @types/node (the project does not install them). */
const nodeCrypto = (
	globalThis as unknown as {
		process: { getBuiltinModule(id: 'node:crypto'): { createHash(alg: 'sha256'): { update(data: string | Uint8Array): { digest(enc: 'hex'): string } } } };
	}
).process.getBuiltinModule('node:crypto');

const reference = (data: string | Uint8Array): string => nodeCrypto.createHash('sha256').update(data).digest('hex');

describe('sha256', () => {
	it.each<[string, string, string]>([
		// FIPS 180-2 vectors, written out so the test does not only compare with node
		['empty string', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
		['"abc"', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
		[
			'two-block message',
			'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
		],
	])('%s (published vector)', (_name, input, hex) => {
		expect(sha256(input)).toBe(hex);
	});

	it.each<[string, string]>([
		// the empty string
		['empty', ''],
		// "abc"
		['abc', 'abc'],
		// a 1,000-character string (16 blocks)
		['1,000 characters', 'Parcours IA Santé '.repeat(56).slice(0, 1000)],
		// French with accents, guillemets, apostrophe, dash: multi-byte UTF-8
		['French text', 'Élève infirmière à l’hôpital : « données de santé » — sécurité, œuvre, ça'],
		// a character outside the BMP (4 bytes in UTF-8)
		['emoji', 'Attestation validée ✅ 🩺'],
		// padding boundaries: 55 bytes fits one block, 56 needs two, 64 exactly one full block
		['55 bytes', 'a'.repeat(55)],
		['56 bytes', 'a'.repeat(56)],
		['63 bytes', 'a'.repeat(63)],
		['64 bytes', 'a'.repeat(64)],
		['65 bytes', 'a'.repeat(65)],
		['119 bytes', 'b'.repeat(119)],
		['120 bytes', 'b'.repeat(120)],
	])('%s matches node:crypto', (_name, input) => {
		expect(sha256(input)).toBe(reference(input));
	});

	it('hashes bytes as well as strings', () => {
		const bytes = new Uint8Array(300).map((_, i) => (i * 7) & 255);
		expect(sha256(bytes)).toBe(reference(bytes));
	});

	it('1,000-character string is indeed 1,000 characters', () => {
		expect('Parcours IA Santé '.repeat(56).slice(0, 1000)).toHaveLength(1000);
	});
});

describe('canonicalJson', () => {
	it.each<[string, unknown, string]>([
		// keys sorted at every level, no spaces
		['sorted keys', { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } }, '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}'],
		// undefined properties left out, undefined in arrays written null (as JSON.stringify)
		['undefined', { a: undefined, b: [undefined] }, '{"b":[null]}'],
		// dates written through toJSON
		['date', { on: new Date('2026-11-28T00:00:00Z') }, '{"on":"2026-11-28T00:00:00.000Z"}'],
		// strings escaped as JSON does
		['escaping', { t: 'a "b"\n' }, '{"t":"a \\"b\\"\\n"}'],
	])('%s', (_name, value, expected) => {
		expect(canonicalJson(value)).toBe(expected);
	});

	it.each<[string, unknown]>([
		// NaN would silently become null
		['NaN', { score: Number.NaN }],
		// Infinity too
		['Infinity', { score: Number.POSITIVE_INFINITY }],
		// a cycle has no JSON form
		['cycle', (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })()],
	])('refuses %s', (_name, value) => {
		expect(() => canonicalJson(value)).toThrow(TypeError);
	});
});

describe('fingerprint', () => {
	const record = {
		name: 'Camille Martin',
		profile: 'infirmier',
		modules: ['ia-generative-quotidien', 'donnees-de-sante'],
		completedOn: '2026-11-28',
	};

	it('is the first 12 hex digits of SHA-256 of the canonical JSON, as XXXX-XXXX-XXXX', () => {
		const hex = reference(canonicalJson(record)).slice(0, 12).toUpperCase();
		expect(fingerprint(record)).toBe(`${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`);
		expect(fingerprint(record)).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
	});

	it.each<[string, object, boolean]>([
		// the same record with keys in another order: same fingerprint
		['keys reordered', { completedOn: '2026-11-28', modules: record.modules, profile: 'infirmier', name: 'Camille Martin' }, true],
		// one letter changed: different fingerprint
		['name changed', { ...record, name: 'Camille Martine' }, false],
		// a date changed
		['date changed', { ...record, completedOn: '2026-11-29' }, false],
		// module order matters (arrays are ordered)
		['module order', { ...record, modules: [...record.modules].reverse() }, false],
	])('%s', (_name, other, same) => {
		expect(fingerprint(other) === fingerprint(record)).toBe(same);
	});
});
