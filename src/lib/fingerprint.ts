/**
 * Attestation fingerprint: a short code printed on an attestation so that anyone holding the
 * same record can recompute it and see that nothing was changed. Synchronous and self-contained:
 * `crypto.subtle` only exists in secure contexts, and some hospital intranets serve the site
 * over plain HTTP.
 *
 * fingerprint(record) = the first 12 hex digits of SHA-256(canonical JSON of the record), upper
 * case, as XXXX-XXXX-XXXX. Canonical JSON: object keys sorted (UTF-16 order, as Array#sort),
 * no spaces, undefined properties left out, as JSON.stringify otherwise. It is a check against
 * accidental or casual edits, not a signature: anyone can compute it.
 */

const K = new Uint32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** SHA-256 of a string (UTF-8 encoded) or of bytes, as 64 lowercase hex digits. */
export function sha256(input: string | Uint8Array): string {
	const data = typeof input === 'string' ? new TextEncoder().encode(input) : input;
	// Padding: 0x80, zeros, then the bit length as a 64-bit big-endian integer.
	const blocks = Math.ceil((data.length + 9) / 64);
	const buf = new Uint8Array(blocks * 64);
	buf.set(data);
	buf[data.length] = 0x80;
	const view = new DataView(buf.buffer);
	view.setUint32(buf.length - 8, Math.floor(data.length / 0x20000000));
	view.setUint32(buf.length - 4, (data.length * 8) >>> 0);

	const h = new Uint32Array([
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	]);
	const w = new Uint32Array(64);
	for (let b = 0; b < blocks; b += 1) {
		for (let t = 0; t < 16; t += 1) w[t] = view.getUint32(b * 64 + t * 4);
		for (let t = 16; t < 64; t += 1) {
			const s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
			const s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
			w[t] = w[t - 16] + s0 + w[t - 7] + s1;
		}
		let [a, bb, c, d, e, f, g, hh] = h;
		for (let t = 0; t < 64; t += 1) {
			const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) >>> 0;
			const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c))) >>> 0;
			hh = g;
			g = f;
			f = e;
			e = (d + t1) >>> 0;
			d = c;
			c = bb;
			bb = a;
			a = (t1 + t2) >>> 0;
		}
		h[0] += a;
		h[1] += bb;
		h[2] += c;
		h[3] += d;
		h[4] += e;
		h[5] += f;
		h[6] += g;
		h[7] += hh;
	}
	return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}

/**
 * Canonical JSON: sorted object keys, no whitespace. Throws on values JSON cannot represent
 * faithfully (NaN, Infinity, bigint, cycles) rather than fingerprinting something else.
 */
export function canonicalJson(value: unknown): string {
	const seen = new Set<object>();
	const walk = (v: unknown): string | undefined => {
		if (v === null) return 'null';
		switch (typeof v) {
			case 'string':
			case 'boolean':
				return JSON.stringify(v);
			case 'number':
				if (!Number.isFinite(v)) throw new TypeError('canonicalJson: non-finite number');
				return JSON.stringify(v);
			case 'undefined':
			case 'function':
			case 'symbol':
				return undefined;
			case 'bigint':
				throw new TypeError('canonicalJson: bigint');
		}
		const obj = v as object;
		// Dates and other objects with toJSON are written as JSON.stringify would write them.
		const toJSON = (obj as { toJSON?: unknown }).toJSON;
		if (typeof toJSON === 'function') return walk(toJSON.call(obj));
		if (seen.has(obj)) throw new TypeError('canonicalJson: cycle');
		seen.add(obj);
		let out: string;
		if (Array.isArray(obj)) {
			out = `[${obj.map((x) => walk(x) ?? 'null').join(',')}]`;
		} else {
			const src = obj as Record<string, unknown>;
			const parts: string[] = [];
			for (const k of Object.keys(src).sort()) {
				const s = walk(src[k]);
				if (s !== undefined) parts.push(`${JSON.stringify(k)}:${s}`);
			}
			out = `{${parts.join(',')}}`;
		}
		seen.delete(obj);
		return out;
	};
	return walk(value) ?? 'null';
}

/** XXXX-XXXX-XXXX: the first 12 hex digits, upper case, of SHA-256 of the record's canonical JSON. */
export function fingerprint(record: object): string {
	const hex = sha256(canonicalJson(record)).slice(0, 12).toUpperCase();
	return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}
