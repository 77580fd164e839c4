/**
 * Text codes for moving progress between devices: round trips (compressed and plain), pasted
 * codes with line breaks, damaged or foreign codes, and decompression bombs stopped at 1 MiB.
 */
import { describe, expect, it } from 'vitest';
import type { ModuleProgress, ProgressState } from '../../src/lib/progress/model';
import {
	CODE_PREFIX,
	CODE_PREFIX_PLAIN,
	exportCode,
	fromBase64Url,
	MAX_IMPORT_BYTES,
	parseImportCode,
	toBase64Url,
} from '../../src/lib/progress/transfer';

const TODAY = '2026-11-28';

/** A learner well into a 30-module curriculum: the realistic size of a code. */
function bigState(): { state: ProgressState; known: Map<string, number> } {
	const modules: Record<string, ModuleProgress> = {};
	const known = new Map<string, number>();
	for (let i = 0; i < 30; i += 1) {
		const id = `module-numero-${i}-sur-la-cybersecurite`;
		known.set(id, 1);
		modules[id] =
			i % 3 === 0
				? { status: 'started', best: 40, attempts: 2, lastVisit: '2026-11-20', version: 1, missed: ['q1', 'q4'] }
				: { status: 'completed', best: 80 + (i % 5) * 5, attempts: 1, lastVisit: '2026-11-21', completedOn: '2026-11-21', version: 1 };
	}
	return { state: { v: 2, profile: 'infirmier', setting: 'ehpad', modules }, known };
}

/** deflate-raw with the platform's CompressionStream (to build hostile codes). */
async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
	const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('base64url', () => {
	it.each([
		// lengths 0 to 4 cover every padding case
		[[]],
		[[0]],
		[[255, 254]],
		[[1, 2, 3]],
		[[251, 255, 191, 0]],
	])('round trip %j', (bytes) => {
		const text = toBase64Url(new Uint8Array(bytes));
		expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
		expect([...(fromBase64Url(text) ?? [])]).toEqual(bytes);
	});

	it.each([
		// standard base64 characters are not base64url
		['ab+/'],
		// one leftover character cannot encode a byte
		['abcde'],
		// spaces are removed earlier, never decoded
		['ab cd'],
	])('refuses %s', (text) => {
		expect(fromBase64Url(text)).toBeNull();
	});
});

describe('export code round trip', () => {
	it('compressed code (PIAS2-) gives the state back, and stays short', async () => {
		const { state, known } = bigState();
		const code = await exportCode(state);
		expect(code.startsWith(CODE_PREFIX)).toBe(true);
		expect(code).toMatch(/^PIAS2-[A-Za-z0-9_-]+$/);
		// 30 modules fit in well under 1,000 characters
		expect(code.length).toBeLessThan(1000);
		expect(await parseImportCode(code, known, { today: TODAY })).toEqual({ ok: true, state, warnings: [] });
	});

	it('plain code (PIAS2B-) where CompressionStream is missing', async () => {
		const { state, known } = bigState();
		const code = await exportCode(state, { compression: null });
		expect(code.startsWith(CODE_PREFIX_PLAIN)).toBe(true);
		expect(await parseImportCode(code, known, { today: TODAY })).toEqual({ ok: true, state, warnings: [] });
		// a plain code is also readable without DecompressionStream
		expect((await parseImportCode(code, known, { today: TODAY, decompression: null })).ok).toBe(true);
	});

	it('a code pasted with line breaks, spaces and a lower-case prefix is read', async () => {
		const { state, known } = bigState();
		const code = await exportCode(state);
		const pasted = `  ${code.slice(0, 6).toLowerCase()}${code.slice(6, 40)}\n${code.slice(40, 90)} \r\n\t${code.slice(90)}\u200b `;
		expect(await parseImportCode(pasted, known, { today: TODAY })).toEqual({ ok: true, state, warnings: [] });
	});
});

describe('refused codes', () => {
	it.each<[string, () => Promise<string>, RegExp, Parameters<typeof parseImportCode>[2]?]>([
		// nothing pasted
		['empty', async () => '  \n ', /Ce code est vide/],
		// a web address or any other text
		['not a code', async () => 'https://exemple.fr/progression', /n’est pas un code de progression/],
		// an unknown variant letter
		['unknown variant', async () => 'PIAS2Z-abcd', /n’est pas un code de progression/],
		// from a newer site
		['future code', async () => 'PIAS3-abcd', /version plus récente/],
		// cut short while copying
		['truncated', async () => (await exportCode(bigState().state)).slice(0, 60), /incomplet ou a été modifié/],
		// characters changed in the middle
		['tampered', async () => (await exportCode(bigState().state)).replace(/^(PIAS2-.{10})./, '$1~'), /incomplet ou a été modifié/],
		// a browser without DecompressionStream
		['no DecompressionStream', async () => exportCode(bigState().state), /navigateur ne sait pas lire ce code/, { decompression: null }],
		// valid deflate, but not our JSON inside
		['foreign content', async () => CODE_PREFIX + toBase64Url(await deflate(new TextEncoder().encode('{"hello":"world"}'))), /ne vient pas de Parcours IA Santé/],
		// the checks of a file apply to a code: a __proto__ key inside
		[
			'__proto__ inside',
			async () => CODE_PREFIX_PLAIN + toBase64Url(new TextEncoder().encode('{"__proto__":{},"app":"parcours-ia-sante"}')),
			/champ interdit/,
		],
		// a plain code over 1 MiB once decoded
		['plain code over 1 MiB', async () => CODE_PREFIX_PLAIN + toBase64Url(new TextEncoder().encode(' '.repeat(MAX_IMPORT_BYTES + 1))), /trop volumineux/],
		// a pasted text longer than any real code
		['absurdly long paste', async () => `PIAS2-${'A'.repeat(3 * MAX_IMPORT_BYTES)}`, /trop volumineux/],
	])('%s', async (_name, make, message, options) => {
		const r = await parseImportCode(await make(), new Map(), { today: TODAY, ...options });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(message);
	});
});

describe('decompression bomb', () => {
	it('a small code that inflates to 64 MB is refused without inflating it all', async () => {
		// 64 MiB of spaces compress to about 64 KB; valid JSON would follow if it were read.
		const chunk = new Uint8Array(MAX_IMPORT_BYTES).fill(0x20);
		const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
			start(controller) {
				for (let i = 0; i < 64; i += 1) controller.enqueue(chunk);
				controller.close();
			},
		}).pipeThrough(new CompressionStream('deflate-raw'));
		const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
		const code = CODE_PREFIX + toBase64Url(compressed);
		expect(code.length).toBeLessThan(200_000);

		const started = performance.now();
		const r = await parseImportCode(code, new Map(), { today: TODAY });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/trop volumineux \(plus de 1 Mo\)/);
		// stopping at 1 MiB is quick; inflating 64 MB and parsing it would not be
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('just under the limit is still read', async () => {
		const { state, known } = bigState();
		const json = JSON.stringify({ app: 'parcours-ia-sante', kind: 'progress', v: 2, progress: state });
		const text = json + ' '.repeat(MAX_IMPORT_BYTES - json.length);
		const code = CODE_PREFIX + toBase64Url(await deflate(new TextEncoder().encode(text)));
		expect(await parseImportCode(code, known, { today: TODAY })).toEqual({ ok: true, state, warnings: [] });
	});
});

describe('issue 16: a code copied from a device whose clock was 20 days ahead', () => {
	it('is accepted, its dates brought back to today, with a warning naming the module', async () => {
		const state: ProgressState = {
			v: 2,
			profile: null,
			setting: null,
			modules: { 'module-a': { status: 'completed', best: 90, attempts: 1, lastVisit: '2026-12-18', completedOn: '2026-12-18', version: 1 } },
		};
		const r = await parseImportCode(await exportCode(state), new Map([['module-a', 1]]), { today: TODAY });
		if (!r.ok) throw new Error(`refused: ${r.error}`);
		expect(r.state.modules['module-a']).toEqual({ status: 'completed', best: 90, attempts: 1, lastVisit: TODAY, completedOn: TODAY, version: 1 });
		expect(r.warnings).toHaveLength(1);
		expect(r.warnings[0]).toMatch(/^Module « module-a » importé, sa validation conservée : .*ramenées au 28 novembre 2026\.$/);
	});
});
