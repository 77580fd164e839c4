/**
 * lunr with French analysis, set up once for the build (Node) and the browser bundle alike.
 *
 * Text goes through the same steps on both sides:
 *   tokenize → drop stop words → fold accents → French stem (lunr.fr's Snowball stemmer).
 *
 * Why not lunr.fr's own pipeline as is:
 * - its trimmer keeps letters only, so "2024/1689", "NIS2" or "art. 26" lose their digits; our
 *   tokenizer already splits on anything that is not a letter or a digit, so no trimmer is needed;
 * - its stop-word list holds "ai", "ce" and "eu", which here are acronyms ("AI Act", "marquage CE",
 *   "EU AI Act"): they are kept when written in capitals (see `PROTECTED_WORDS`);
 * - its accent folding only knows a fixed list of precomposed letters; NFD folding also handles
 *   decomposed input (text pasted from macOS) and any other diacritic.
 *
 * The two custom pipeline functions are registered here, at module top level: the serialised
 * index names its search pipeline by label and `lunr.Index.load` throws on an unknown label, so
 * every bundle that loads an index must import this module first (query.ts does).
 */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import fr from 'lunr-languages/lunr.fr.js';

interface LunrFr {
	stemmer: lunr.PipelineFunction;
}
type LunrWithFr = typeof lunr & { fr?: LunrFr; stemmerSupport?: unknown };

const l = lunr as LunrWithFr;
// The plugins mutate the lunr singleton; applying them twice would only re-register with warnings.
if (!l.stemmerSupport) stemmerSupport(lunr);
if (!l.fr) fr(lunr);
const lunrFr = l.fr as LunrFr;

/** A word: letters or digits, combining marks kept inside (NFD input). Apostrophes split elisions. */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Removes diacritics and ligatures and lowercases: "Hôpitaux" → "hopitaux", "œdème" → "oedeme". */
export function foldAccents(s: string): string {
	// Most words are plain ASCII: skip the Unicode work for them.
	if (!/[^\x00-\x7f]/.test(s)) return s.toLowerCase();
	return s
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(/œ/gi, 'oe')
		.replace(/æ/gi, 'ae')
		.replace(/ß/g, 'ss')
		.toLowerCase();
}

/**
 * French stop words: lunr.fr 1.22's list (accent-folded, so "à" and "a" both go), plus the elided
 * forms our tokenizer leaves behind ("jusqu'à" → "jusqu").
 */
const STOP_WORDS = new Set(
	(
		'ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions aurons auront aux ' +
		'avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce ceci celà ces cet cette d dans de des ' +
		'du elle en es est et eu eue eues eurent eus eusse eussent eusses eussiez eussions eut eux eûmes eût eûtes ' +
		'furent fus fusse fussent fusses fussiez fussions fut fûmes fût fûtes ici il ils j je l la le les leur leurs ' +
		'lui m ma mais me mes moi mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles quels ' +
		'qui s sa sans se sera serai seraient serais serait seras serez seriez serions serons seront ses soi soient ' +
		'sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton tu un une vos votre vous y à étaient ' +
		'étais était étant étiez étions été étée étées étés êtes ' +
		'jusqu lorsqu puisqu quoiqu'
	)
		.split(' ')
		.map(foldAccents),
);

/**
 * Stop words that are also acronyms of the domain: "AI" (AI Act, shadow AI), "CE" (marquage CE),
 * "EU" (EU AI Act). In the content they are indexed only when written in capitals, so the verb
 * "ai" or the pronoun "ce" stay out. Queries are more lenient (see `analyzeQuery`). Other short
 * domain words ("IA", "ARS", "DM", "HAS") are not on the list; a unit test checks that every
 * capitalised acronym of the content keeps an index term.
 */
export const PROTECTED_WORDS: ReadonlySet<string> = new Set(['ai', 'ce', 'eu']);

/** True when the raw word is written in capitals, like an acronym ("AI", "CE", "RGPD"). */
function isCaps(raw: string): boolean {
	return raw.length > 1 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

/** Drops stop words, except protected acronyms written in capitals. Needs the `caps` metadata. */
const stopWordFilter: lunr.PipelineFunction = (token) => {
	const folded = foldAccents(token.toString());
	if (!STOP_WORDS.has(folded)) return token;
	const meta = (token as unknown as { metadata?: { caps?: boolean } }).metadata;
	if (PROTECTED_WORDS.has(folded) && meta?.caps === true) return token;
	return null;
};

/** Pipeline wrapper of `foldAccents`. */
const foldFilter: lunr.PipelineFunction = (token) =>
	token.update(((s: string) => foldAccents(s)) as unknown as lunr.Token.UpdateFunction);

/** Pipeline labels: stored in the serialised index, so they must never change once published. */
export const FOLD_LABEL = 'foldAccents-pias';
export const STOP_LABEL = 'stopWordFilter-pias';

/** lunr's registry of pipeline functions by label (not in its typings). */
export const registeredFunctions = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> })
	.registeredFunctions;

for (const [fn, label] of [
	[foldFilter, FOLD_LABEL],
	[stopWordFilter, STOP_LABEL],
] as const) {
	if (!(label in registeredFunctions)) lunr.Pipeline.registerFunction(fn, label);
}

/**
 * French Snowball stem of a folded word ("hallucinations" → "hallucin"). Snowball only rewrites
 * endings (its regions start after the second letter), so a stem keeps the first two letters of
 * its word: the searcher relies on it to find a term in a text without stemming every word.
 */
export function stem(folded: string): string {
	return String(lunrFr.stemmer(folded as unknown as lunr.Token, 0, []));
}

/**
 * Tokenizer given to the lunr builder: words as lunr tokens, lowercased, with `caps` metadata for
 * the stop-word filter. Single letters are dropped (initials, elided articles); lone digits stay.
 */
export function tokenizer(obj: unknown, metadata?: Record<string, unknown>): lunr.Token[] {
	if (obj == null) return [];
	const text = Array.isArray(obj) ? obj.join(' ') : String(obj);
	const out: lunr.Token[] = [];
	for (const m of text.matchAll(WORD)) {
		const raw = m[0];
		if (raw.length === 1 && !/\d/.test(raw)) continue;
		out.push(new lunr.Token(raw.toLowerCase(), { ...metadata, caps: isCaps(raw) }));
	}
	return out;
}

/** Configures a lunr builder: our tokenizer, index pipeline and search pipeline. */
export function useFrench(builder: lunr.Builder): void {
	builder.tokenizer = tokenizer as unknown as typeof lunr.tokenizer;
	builder.pipeline.reset();
	builder.pipeline.add(stopWordFilter, foldFilter, lunrFr.stemmer);
	builder.searchPipeline.reset();
	builder.searchPipeline.add(foldFilter, lunrFr.stemmer);
}

/** One word of a text, with its place and its index term (null for a stop word). */
export interface AnalyzedWord {
	/** The word as written. */
	raw: string;
	/** Offsets in the source string. */
	start: number;
	end: number;
	folded: string;
	/** Index term (folded stem), or null when the word is a stop word. */
	term: string | null;
	/**
	 * A protected stop word written in lowercase ("ai", "ce", "eu" in a query): may be the acronym
	 * or the plain French word. Only `analyzeQuery` sets it.
	 */
	weak?: boolean;
}

/**
 * Splits a text into words and gives each its index term, exactly as the index pipeline does
 * (used for snippets and synonym phrases).
 */
export function analyzeText(text: string): AnalyzedWord[] {
	const out: AnalyzedWord[] = [];
	for (const m of text.matchAll(WORD)) {
		const raw = m[0];
		const start = m.index ?? 0;
		const { folded, term } = analyzeWord(raw);
		out.push({ raw, start, end: start + raw.length, folded, term });
	}
	return out;
}

// Snippets and phrase checks read whole documents on the fly: word facts are cached, and the
// stemmer (the costly part) only runs for words that are looked at.
interface WordFacts {
	folded: string;
	/** Stop word or lone letter: no index term. */
	stop: boolean;
	/** Index term, computed on first use. */
	term?: string | null;
}
const wordCache = new Map<string, WordFacts>();

/** Folded form of a word and whether it is a stop word, without stemming it. */
export function wordFacts(raw: string): WordFacts {
	let f = wordCache.get(raw);
	if (f) return f;
	const folded = foldAccents(raw);
	const stop =
		(raw.length === 1 && !/\d/.test(raw)) ||
		(STOP_WORDS.has(folded) && !(PROTECTED_WORDS.has(folded) && isCaps(raw)));
	f = { folded, stop };
	if (wordCache.size > 50_000) wordCache.clear();
	wordCache.set(raw, f);
	return f;
}

/** Folded form and index term (null for a stop word) of one word, as the index pipeline does. */
export function analyzeWord(raw: string): { folded: string; term: string | null } {
	const f = wordFacts(raw);
	if (f.term === undefined) f.term = f.stop ? null : stem(f.folded);
	return f as { folded: string; term: string | null };
}

/**
 * Query analysis: like `analyzeText`, but a protected word typed in lowercase is kept and marked
 * `weak` (the caller decides), except "ai" which, on its own, means AI here ("j'ai" stays out).
 */
export function analyzeQuery(text: string): AnalyzedWord[] {
	const out: AnalyzedWord[] = [];
	for (const w of analyzeText(text)) {
		if (w.term === null && PROTECTED_WORDS.has(w.folded)) {
			const elided = w.start > 0 && /['’]/.test(text[w.start - 1] ?? '');
			if (elided) continue;
			out.push({ ...w, term: stem(w.folded), weak: w.folded !== 'ai' });
		} else if (w.term !== null) out.push(w);
	}
	return out;
}

export { lunr };
