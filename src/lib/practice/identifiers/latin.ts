/**
 * Speed: V8 runs `\p{Lu}`-style classes several times slower than explicit ranges over a whole
 * text. The checker only needs Latin letters (French, and the Latin Extended names met in
 * France: Łukasz, Şahin, Čech…), so `fast()` rewrites the Unicode property escapes of a pattern
 * into the equivalent ranges for U+0000–U+024F, computed once from the engine's own tables.
 * Letters outside that block (Greek, Cyrillic, Arabic…) are not letters for the checker: a
 * limit the UI states ("formats inhabituels").
 */

function ranges(test: RegExp, from: number, to: number): string {
	const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
	let out = '';
	let start = -1;
	for (let c = from; c <= to + 1; c++) {
		const ok = c <= to && test.test(String.fromCharCode(c));
		if (ok && start < 0) start = c;
		if (!ok && start >= 0) {
			out += start === c - 1 ? hex(start) : `${hex(start)}-${hex(c - 1)}`;
			start = -1;
		}
	}
	return out;
}

const CLASSES: Record<string, string> = {
	Lu: ranges(/\p{Lu}/u, 0x41, 0x24f),
	Ll: ranges(/\p{Ll}/u, 0x61, 0x24f),
	L: ranges(/\p{L}/u, 0x41, 0x24f),
	N: '0-9',
};

/** The pattern source with \p{Lu}, \p{Ll}, \p{L} and \p{N} replaced by Latin ranges. */
export function latinSource(source: string): string {
	let out = '';
	let inClass = false;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '\\') {
			const m = /^\\p\{(Lu|Ll|L|N)\}/.exec(source.slice(i, i + 6));
			if (m) {
				out += inClass ? CLASSES[m[1]] : `[${CLASSES[m[1]]}]`;
				i += m[0].length - 1;
			} else {
				out += c + (source[i + 1] ?? '');
				i++;
			}
			continue;
		}
		if (c === '[' && !inClass) inClass = true;
		else if (c === ']' && inClass) inClass = false;
		out += c;
	}
	return out;
}

/** The same regular expression, with Latin ranges instead of Unicode property escapes. */
export function fast(re: RegExp): RegExp {
	return new RegExp(latinSource(re.source), re.flags);
}
