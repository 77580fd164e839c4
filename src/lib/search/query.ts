/**
 * Runs searches on the serialised index, in the browser (search page) and in Node (tests, bench).
 *
 * A query is never handed to lunr's query parser: it is cut into plain words (letters and
 * digits only), so `:` `~` `*` `^` `+` `-`, quotes or emoji are just separators. Each word, or
 * each glossary phrase found in the query, becomes a *slot*:
 * - a phrase slot, when words match a glossary term or alias ("AI Act", "règlement européen sur
 *   l'IA", "grand modèle de langage"; longest phrase first). A document matches it when it holds
 *   every word of the typed phrase, or of another phrase of the same synonym group (worth
 *   `SYNONYM_WEIGHT`); words found apart rather than in sequence count `SCATTERED_WEIGHT`;
 * - a word slot otherwise: its stem, plus lunr fuzzy expansions for long words (edit distance 1
 *   from 5 letters, 2 from 8), worth `FUZZY_WEIGHT` and always less than any exact match. A word
 *   whose typos reach no module, but which is a typo of a one-word synonym ("rensomware"), becomes
 *   that synonym's phrase slot, worth `FUZZY_WEIGHT` too.
 * Two typed words that the index knows written as one ("chat gpt", "cyber securite") are first
 * joined into that word.
 * A document's score is the sum of its slots' lunr BM25 weights (all fields, with their boosts),
 * times the squared share of the query's words it matched, so documents matching more words come
 * first. Glossary terms then weigh `TERM_WEIGHT` and never outrank the best module.
 *
 * Filters: with a theme or a profile, only modules are returned (glossary terms have neither).
 *
 * Steps: a lesson module's result names and links the step it matched best (`step`), unless the
 * module's title or theme holds every part of the query (the learner is looking for the module).
 * The step is the one whose title holds every part of the query, else where the matched words
 * weigh most outside the title: a step title, or the step text that uses them most
 * (build-index.ts places every word). No step when they weigh most in the
 * summary, objectives, key points or case.
 *
 * Excerpts need the documents' text, which comes apart (`useTexts`); until then `snippet` is [].
 */
import { analyzeQuery, analyzeText, analyzeWord, foldAccents, lunr, stem, WORD, wordFacts, type AnalyzedWord } from './setup';
import {
	SEARCH_FIELDS,
	SEARCH_INDEX_VERSION,
	WEIGHT_SCALE,
	type SearchDoc,
	type SerializedSearchIndex,
	type SerializedSearchTexts,
} from './types';

/** One piece of a snippet; `hit` pieces are the matched words (rendered in <mark>). */
export interface SnippetSegment {
	text: string;
	hit: boolean;
}

/** One search result. */
export interface SearchResult {
	/** The document's place in the index, unique within it. */
	ref: string;
	kind: 'module' | 'term';
	/** Module id (URL slug) or glossary term id (anchor). */
	id: string;
	title: string;
	/** Module summary or term definition. */
	summary?: string;
	theme?: string;
	profiles?: string[];
	minutes?: number;
	score: number;
	/** The lesson step this result matched best (1-based `n`), to link `#etape-<id>`; modules only. */
	step?: { id: string; n: number; title: string };
	/**
	 * About 25 words around the matched words (inside `step` when there is one), as plain-text
	 * segments (never HTML); empty until the texts are loaded (`useTexts`).
	 */
	snippet: SnippetSegment[];
}

/** Search options. Unknown theme or profile values give no results. */
export interface SearchOptions {
	theme?: string;
	profile?: string;
	/** Maximum number of results, 1 to 100 (default 20). */
	limit?: number;
}

/** What `createSearcher` returns. */
export interface Searcher {
	/** Ranked results; never throws, returns [] for an empty or meaningless query. */
	search(query: string, options?: SearchOptions): SearchResult[];
	/** Glossary terms, aliases and title words close to the query, to offer when nothing matched. */
	suggest(query: string): string[];
	/**
	 * Adds the documents' texts (the parsed `search-text.json`) so results carry excerpts.
	 * @returns false, changing nothing, when the payload is not the texts of this index.
	 */
	useTexts(texts: unknown): boolean;
	/** True once `useTexts` accepted the texts. */
	readonly hasTexts: boolean;
}

/** Share of an exact match that a fuzzy (typo) match is worth. */
export const FUZZY_WEIGHT = 0.3;
/** Share of the typed phrase that a synonym of it is worth. */
export const SYNONYM_WEIGHT = 0.6;
/** Share of a phrase's score kept when its words only appear apart in the document. */
export const SCATTERED_WEIGHT = 0.35;
/** Glossary terms rank below the modules that teach them. */
export const TERM_WEIGHT = 0.5;

const MAX_QUERY_CHARS = 300;
const MAX_QUERY_WORDS = 12;
const MAX_WORD_CHARS = 40;
const SNIPPET_WORDS = 25;
const SNIPPET_LEAD = 6;

const TokenSet = lunr.TokenSet as unknown as {
	fromFuzzyString(s: string, d: number): lunr.TokenSet;
	fromArray(terms: string[]): lunr.TokenSet;
};
const TITLE = SEARCH_FIELDS.indexOf('title');
const LEAD = SEARCH_FIELDS.indexOf('lead');
const BODY = SEARCH_FIELDS.indexOf('body');
const THEME = SEARCH_FIELDS.indexOf('theme');

/** Where a term weighs in one document: its field and, in a lesson, its step (0 outside steps). */
interface Posting {
	doc: number;
	field: number;
	weight: number;
	step: number;
}

type Slot =
	| { kind: 'word'; term: string; folded: string; words: 1 }
	/** `scale` < 1 when the phrase was reached through a typo of one of its words. */
	| { kind: 'phrase'; literal: string[]; group: number; words: number; scale?: number };

/** A sequence of index terms that made a document match; `primary` when the user typed it. */
interface Pattern {
	terms: string[];
	primary: boolean;
}

interface Hit {
	score: number;
	patterns: Pattern[];
}

/** Edit distance allowed for a typed word: 1 from 5 letters, 2 from 8 (and never past its stem). */
export function editDistanceFor(folded: string, term: string): number {
	const n = Math.min(folded.length, term.length + 1);
	return n >= 8 ? 2 : n >= 5 ? 1 : 0;
}

/** Optimal string alignment distance (Levenshtein plus transpositions), stopping past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let prev2: number[] = [];
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
			cur.push(v);
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		prev2 = prev;
		prev = cur;
	}
	return prev[b.length];
}

function isSerialized(x: unknown): x is SerializedSearchIndex {
	const o = x as Partial<SerializedSearchIndex> | null;
	return (
		!!o &&
		typeof o === 'object' &&
		o.v === SEARCH_INDEX_VERSION &&
		Array.isArray(o.terms) &&
		Array.isArray(o.vectors) &&
		o.vectors.length === SEARCH_FIELDS.length &&
		o.vectors.every((f) => Array.isArray(f)) &&
		Array.isArray(o.docs) &&
		Array.isArray(o.synonyms) &&
		!!o.phrases &&
		typeof o.phrases === 'object'
	);
}

function isTexts(x: unknown, docs: number, build: unknown): x is SerializedSearchTexts {
	const o = x as Partial<SerializedSearchTexts> | null;
	return (
		!!o &&
		typeof o === 'object' &&
		o.v === SEARCH_INDEX_VERSION &&
		o.build === build &&
		Array.isArray(o.texts) &&
		o.texts.length === docs &&
		o.texts.every((t) => typeof t === 'string') &&
		Array.isArray(o.spans) &&
		o.spans.length === docs
	);
}

/** Untyped callers may pass anything: keep strings and numbers, ignore the rest. */
const asText = (q: unknown): string => (typeof q === 'string' ? q : typeof q === 'number' ? String(q) : '');

/** Index terms of a phrase, analysed like a query ("l'IA" → ["ia"]). */
const phraseTerms = (s: string) => analyzeQuery(s).map((w) => w.term as string);

/**
 * Loads a serialised index (the parsed `search-index.json`), and optionally its texts (the parsed
 * `search-text.json`, or later through `useTexts`).
 * @throws when the payload is not a search index of this version (the page shows its load error).
 */
export function createSearcher(serialised: unknown, texts?: unknown): Searcher {
	if (!isSerialized(serialised)) throw new Error('search index: unexpected format or version');
	const docs: SearchDoc[] = serialised.docs;
	const synonyms: unknown[] = serialised.synonyms;
	const build = serialised.build;

	// Postings by term, from the documents' vectors, in flat typed arrays (one pass to count, one
	// to fill): loading allocates no object per posting, and a term's list is made on first use.
	const terms = serialised.terms.map((t) => (typeof t === 'string' ? t : ''));
	const termId = new Map(terms.map((t, i) => [t, i]));
	const entries = (fn: (id: number, field: number, doc: number, i: number) => void) =>
		serialised.vectors.forEach((byDoc, field) => {
			if (!Array.isArray(byDoc)) return;
			byDoc.forEach((flat, doc) => {
				if (!Array.isArray(flat) || !docs[doc]) return;
				let id = 0;
				for (let i = 0; i + 1 < flat.length; i += 2) {
					id += flat[i];
					if (id >= 0 && id < terms.length) fn(id, field, doc, i);
				}
			});
		});
	const start = new Uint32Array(terms.length + 1);
	entries((id) => start[id + 1]++);
	for (let i = 0; i < terms.length; i++) start[i + 1] += start[i];
	const total = start[terms.length];
	const pDoc = new Uint32Array(total);
	const pField = new Uint8Array(total);
	const pStep = new Uint8Array(total);
	const pWeight = new Float64Array(total);
	const cursor = start.slice(0, terms.length);
	entries((id, field, doc, i) => {
		const k = cursor[id]++;
		const flat = serialised.vectors[field][doc];
		const at = field === LEAD ? docs[doc].at?.lead : field === BODY ? docs[doc].at?.body : undefined;
		pDoc[k] = doc;
		pField[k] = field;
		pWeight[k] = flat[i + 1] / WEIGHT_SCALE;
		pStep[k] = at ? parseInt(at[i / 2] ?? '0', 36) || 0 : 0;
	});
	const postingCache = new Map<string, Posting[]>();
	const postings = {
		has: (term: string) => {
			const id = termId.get(term);
			return id !== undefined && start[id + 1] > start[id];
		},
		get(term: string): Posting[] | undefined {
			const id = termId.get(term);
			if (id === undefined || start[id + 1] === start[id]) return undefined;
			let list = postingCache.get(term);
			if (!list) {
				list = [];
				for (let k = start[id]; k < start[id + 1]; k++) list.push({ doc: pDoc[k], field: pField[k], weight: pWeight[k], step: pStep[k] });
				if (postingCache.size >= 5000) postingCache.clear();
				postingCache.set(term, list);
			}
			return list;
		},
	};
	// The fuzzy-matching automaton is only built for the first word that needs it.
	let tokenSet: lunr.TokenSet | null = null;
	const tokens = () => (tokenSet ??= TokenSet.fromArray(terms.filter((t, i) => t && start[i + 1] > start[i]).sort()));
	const phraseDocs = new Map<string, Set<number>>();
	for (const [key, list] of Object.entries(serialised.phrases)) if (Array.isArray(list)) phraseDocs.set(key, new Set(list));
	let textOf: (doc: number) => string = () => '';
	let spansOf: (doc: number) => Array<[number, number]> | null = () => null;
	let hasTexts = false;
	function useTexts(payload: unknown): boolean {
		if (!isTexts(payload, docs.length, build)) return false;
		textOf = (doc) => payload.texts[doc] ?? '';
		spansOf = (doc) => (Array.isArray(payload.spans[doc]) ? payload.spans[doc] : null);
		views.clear();
		hasTexts = true;
		return true;
	}

	// Synonym groups → phrases (as index terms), indexed by first term, longest first.
	const groups: string[][][] = [];
	const phrases = new Map<string, Array<{ terms: string[]; group: number }>>();
	for (const raw of synonyms) {
		if (!Array.isArray(raw)) continue;
		const variants: string[][] = [];
		const seen = new Set<string>();
		for (const s of raw) {
			if (typeof s !== 'string') continue;
			const terms = phraseTerms(s);
			const key = terms.join(' ');
			if (!terms.length || seen.has(key)) continue;
			seen.add(key);
			variants.push(terms);
		}
		if (variants.length < 2) continue;
		const group = groups.push(variants) - 1;
		for (const terms of variants) {
			const list = phrases.get(terms[0]) ?? [];
			// The first group to claim a phrase keeps it (aliases are unique across the glossary).
			if (!list.some((p) => p.terms.join(' ') === terms.join(' '))) list.push({ terms, group });
			phrases.set(terms[0], list);
		}
	}
	for (const list of phrases.values()) list.sort((a, b) => b.terms.length - a.terms.length);

	// Per-term lookups are pure: cache them (bounded) for the refinements of a query.
	const scoreCache = new Map<string, Map<string, number>>();
	const fuzzyCache = new Map<string, string[]>();
	const remember = <T>(cache: Map<string, T>, key: string, value: T): T => {
		if (cache.size >= 2000) cache.clear();
		cache.set(key, value);
		return value;
	};

	/** BM25 weight of one index term in each document (summed over fields), straight from the vectors. */
	function termScores(term: string): Map<string, number> {
		return scoreCache.get(term) ?? remember(scoreCache, term, lookupTermScores(term));
	}
	function lookupTermScores(term: string): Map<string, number> {
		const out = new Map<string, number>();
		for (const p of postings.get(term) ?? []) {
			const ref = String(p.doc);
			out.set(ref, (out.get(ref) ?? 0) + p.weight);
		}
		return out;
	}

	/**
	 * A term's weight in one document, by place: `whole` for what names the whole module (its title
	 * and theme), else by step (0 outside any step: summary, objectives, key points, case).
	 */
	function placesIn(term: string, doc: number): { whole: number; steps: Map<number, number> } {
		const steps = new Map<number, number>();
		let whole = 0;
		for (const p of postings.get(term) ?? []) {
			if (p.doc !== doc) continue;
			if (p.field === TITLE || p.field === THEME) whole += p.weight;
			else if (p.field === LEAD || p.field === BODY) steps.set(p.step, (steps.get(p.step) ?? 0) + p.weight);
		}
		return { whole, steps };
	}

	/** Index terms within `distance` edits of `term` (lunr's fuzzy token sets), the term excluded. */
	function fuzzyTerms(term: string, distance: number): string[] {
		if (distance < 1) return [];
		const key = `${distance}:${term}`;
		return (
			fuzzyCache.get(key) ??
			remember(
				fuzzyCache,
				key,
				tokens()
					.intersect(TokenSet.fromFuzzyString(term, distance))
					.toArray()
					.filter((t) => t !== term),
			)
		);
	}

	/**
	 * Two typed words that the content writes as one ("chat gpt" → "ChatGPT", "cyber securite" →
	 * "cybersécurité") are read as that one word, when the index knows it.
	 */
	function joinSplitWords(words: AnalyzedWord[], text: string): AnalyzedWord[] {
		const out: AnalyzedWord[] = [];
		for (let i = 0; i < words.length; i++) {
			const a = words[i];
			const b = words[i + 1];
			if (b && !a.weak && !b.weak && /^[\s-]+$/.test(text.slice(a.end, b.start))) {
				const folded = a.folded + b.folded;
				const term = stem(folded);
				if (postings.has(term)) {
					out.push({ raw: `${a.raw}${b.raw}`, start: a.start, end: b.end, folded, term });
					i++;
					continue;
				}
			}
			out.push(a);
		}
		return out;
	}

	/** The synonym group one of whose one-word names is a typo away from the term ("rensomware"). */
	function synonymByTypo(term: string, folded: string): { terms: string[]; group: number } | null {
		const max = editDistanceFor(folded, term);
		if (max < 1) return null;
		let best: { terms: string[]; group: number; d: number } | null = null;
		for (const [first, list] of phrases) {
			for (const p of list) {
				if (p.terms.length !== 1 || first === term) continue;
				const d = editDistance(term, first, max);
				if (d <= max && (!best || d < best.d)) best = { terms: p.terms, group: p.group, d };
			}
		}
		return best;
	}

	function toSlots(words: AnalyzedWord[]): Slot[] {
		const slots: Slot[] = [];
		const seen = new Set<string>();
		const push = (slot: Slot, key: string) => {
			if (!seen.has(key)) slots.push(slot);
			seen.add(key);
		};
		for (let i = 0; i < words.length; ) {
			const candidates = phrases.get(words[i].term as string) ?? [];
			const match = candidates.find(
				(p) =>
					p.terms.length <= words.length - i &&
					p.terms.every((t, k) => words[i + k].term === t) &&
					// A lone lowercase "ce"/"eu" is a French word, unless it is the whole query.
					!(words.length > 1 && words.slice(i, i + p.terms.length).every((w) => w.weak)),
			);
			if (match) {
				const literal = match.terms;
				push({ kind: 'phrase', literal, group: match.group, words: literal.length }, `g${match.group}`);
				i += literal.length;
				continue;
			}
			const w = words[i++];
			if (w.weak && words.length > 1) continue;
			const slot: Slot = { kind: 'word', term: w.term as string, folded: w.folded, words: 1 };
			// A word whose typo matches no module may be a typo of a synonym the modules never use
			// ("rensomware" for "ransomware", which only the glossary writes): read it as that synonym.
			const typo =
				!postings.has(slot.term) && ![...scoreWord(slot).keys()].some((ref) => docs[Number(ref)]?.kind === 'module')
					? synonymByTypo(slot.term, slot.folded)
					: null;
			if (typo) push({ kind: 'phrase', literal: typo.terms, group: typo.group, words: 1, scale: FUZZY_WEIGHT }, `g${typo.group}`);
			else push(slot, `w${w.term}`);
		}
		return slots;
	}

	function scoreWord(slot: Extract<Slot, { kind: 'word' }>): Map<string, Hit> {
		const exact = termScores(slot.term);
		const hits = new Map<string, Hit>();
		for (const [ref, score] of exact) hits.set(ref, { score, patterns: [{ terms: [slot.term], primary: true }] });
		// Typos: a document found only through a fuzzy expansion is worth FUZZY_WEIGHT of that
		// match, and never more than 40 % of the weakest exact match, so exact matches rank first.
		const ceiling = exact.size ? Math.min(...exact.values()) * 0.4 : Infinity;
		for (const t of fuzzyTerms(slot.term, editDistanceFor(slot.folded, slot.term))) {
			for (const [ref, s] of termScores(t)) {
				if (exact.has(ref)) continue;
				const score = Math.min(s * FUZZY_WEIGHT, ceiling);
				const hit = hits.get(ref);
				if (!hit) hits.set(ref, { score, patterns: [{ terms: [t], primary: true }] });
				else {
					hit.score = Math.max(hit.score, score);
					hit.patterns.push({ terms: [t], primary: true });
				}
			}
		}
		return hits;
	}

	function scorePhrase(slot: Extract<Slot, { kind: 'phrase' }>): Map<string, Hit> {
		const hits = new Map<string, Hit>();
		const literalKey = slot.literal.join(' ');
		const variants = [
			{ terms: slot.literal, weight: 1, primary: true },
			...groups[slot.group]
				.filter((v) => v.join(' ') !== literalKey)
				.map((terms) => ({ terms, weight: SYNONYM_WEIGHT, primary: false })),
		];
		for (const { terms, weight, primary } of variants) {
			const [first, ...rest] = terms.map(termScores);
			for (const [ref, s] of first) {
				if (!rest.every((m) => m.has(ref))) continue;
				const sum = rest.reduce((n, m) => n + (m.get(ref) as number), s);
				// Words of the phrase scattered over the document are weaker evidence than the phrase:
				// "attaque" in a title and "rançongiciel" once in the text is not "attaque par rançongiciel".
				const score = sum * weight * (slot.scale ?? 1) * (hasPhrase(ref, terms) ? 1 : SCATTERED_WEIGHT);
				const hit = hits.get(ref);
				if (!hit) hits.set(ref, { score, patterns: [{ terms, primary }] });
				else {
					hit.score = Math.max(hit.score, score);
					hit.patterns.push({ terms, primary });
				}
			}
		}
		return hits;
	}

	/**
	 * A document's text (or one step of it), split once on first use, for its excerpt. Words are stemmed only
	 * when looked at: a term is searched among the words sharing its first two letters, which a
	 * French Snowball stem always keeps.
	 */
	interface DocView {
		/** Each word as written, and its offsets in the text. */
		raws: string[];
		starts: number[];
		ends: number[];
		/** Indices (in the arrays above) of the words that are not stop words. */
		content: number[];
		/** Places in `content` of the words starting with each two letters. */
		buckets: Map<string, number[]>;
		/** Places in `content` of each term looked up so far. */
		places: Map<string, number[]>;
	}
	const views = new Map<string, DocView>();
	function view(key: string, text: string): DocView {
		let v = views.get(key);
		if (v) return v;
		v = { raws: [], starts: [], ends: [], content: [], buckets: new Map(), places: new Map() };
		for (const m of text.matchAll(WORD)) {
			const k = v.raws.push(m[0]) - 1;
			v.starts.push(m.index ?? 0);
			v.ends.push((m.index ?? 0) + m[0].length);
			const { folded, stop } = wordFacts(m[0]);
			if (stop) continue;
			const key = folded.slice(0, 2);
			const bucket = v.buckets.get(key);
			if (bucket) bucket.push(v.content.length);
			else v.buckets.set(key, [v.content.length]);
			v.content.push(k);
		}
		if (views.size >= 500) views.clear();
		views.set(key, v);
		return v;
	}
	/** Index term of the c-th content word of a view. */
	const termAt = (v: DocView, c: number) => (c < v.content.length ? analyzeWord(v.raws[v.content[c]]).term : null);
	/** Places in `content` where a term occurs. */
	function placesOf(v: DocView, term: string): number[] {
		let list = v.places.get(term);
		if (!list) {
			list = (v.buckets.get(term.slice(0, 2)) ?? []).filter((c) => termAt(v, c) === term);
			v.places.set(term, list);
		}
		return list;
	}
	/** True when `terms` start at place c of the view. */
	const phraseAt = (v: DocView, terms: string[], c: number) => terms.every((t, i) => i === 0 || termAt(v, c + i) === t);

	/** True when the terms follow each other (stop words aside) in the document's title or text (checked at build). */
	function hasPhrase(ref: string, terms: string[]): boolean {
		return terms.length < 2 || (phraseDocs.get(terms.join(' '))?.has(Number(ref)) ?? false);
	}

	/**
	 * About SNIPPET_WORDS words of the document text, marking the words that match: single terms
	 * anywhere, phrases only where their words follow each other (stop words aside). A typed phrase
	 * found nowhere in one piece is marked word by word. The window shows the most typed patterns,
	 * then the most synonyms, the earliest on ties. With a step (1-based), only that step's text.
	 */
	function snippet(ref: string, patterns: Pattern[], step = 0): SnippetSegment[] {
		const full = textOf(Number(ref));
		const span = step > 0 ? spansOf(Number(ref))?.[step - 1] : undefined;
		const text = span ? full.slice(span[0], span[1]) : full;
		const v = view(span ? `${ref}:${step}` : ref, text);
		const { starts, ends, content } = v;
		const count = v.raws.length;
		if (!count) return [];
		const mark = new Int16Array(count).fill(-1);
		const value = patterns.map((p) => (p.primary ? 10 : 1));
		const put = (k: number, id: number) => {
			if (mark[k] < 0 || value[id] > value[mark[k]]) mark[k] = id;
		};
		patterns.forEach((p, id) => {
			let found = false;
			for (const c of placesOf(v, p.terms[0])) {
				if (!phraseAt(v, p.terms, c)) continue;
				found = true;
				for (let i = 0; i < p.terms.length; i++) put(content[c + i], id);
			}
			// A typed phrase found nowhere in one piece is marked word by word.
			if (!found && p.primary && p.terms.length > 1) {
				for (const t of p.terms) for (const c of placesOf(v, t)) put(content[c], id);
			}
		});
		// Slide a SNIPPET_WORDS window, opening SNIPPET_LEAD words before a marked word, and keep
		// the one whose distinct patterns weigh most (the earliest on ties).
		const inWindow = new Int32Array(patterns.length);
		let start = 0;
		let best = 0;
		let current = 0;
		let lo = 0;
		let hi = 0;
		const enter = (k: number) => mark[k] >= 0 && inWindow[mark[k]]++ === 0 && (current += value[mark[k]]);
		const leave = (k: number) => mark[k] >= 0 && --inWindow[mark[k]] === 0 && (current -= value[mark[k]]);
		for (let k = 0; k < count; k++) {
			if (mark[k] < 0) continue;
			const s = Math.max(0, k - SNIPPET_LEAD);
			if (s < lo) continue;
			while (lo < s) leave(lo++);
			if (hi < lo) hi = lo;
			while (hi < Math.min(count, s + SNIPPET_WORDS)) enter(hi++);
			if (current > best) {
				best = current;
				start = s;
			}
		}
		const end = Math.min(count, start + SNIPPET_WORDS);
		const out: SnippetSegment[] = [];
		const add = (t: string, hit: boolean) => {
			if (!t) return;
			const last = out[out.length - 1];
			if (last && last.hit === hit) last.text += t;
			else out.push({ text: t, hit });
		};
		if (start > 0) add('… ', false);
		for (let k = start; k < end; k++) {
			if (k > start) {
				const gap = text.slice(ends[k - 1], starts[k]);
				// "AI Act" stays one mark: a plain space between two marked words joins them.
				add(gap, mark[k - 1] >= 0 && mark[k] >= 0 && /^\s+$/.test(gap));
			}
			add(text.slice(starts[k], ends[k]), mark[k] >= 0);
		}
		if (end < count) add(' …', false);
		return out;
	}

	function search(query: string, options: SearchOptions | undefined): SearchResult[] {
		const q = asText(query).slice(0, MAX_QUERY_CHARS);
		const words = analyzeQuery(q)
			.filter((w) => w.raw.length <= MAX_WORD_CHARS)
			.slice(0, MAX_QUERY_WORDS);
		const slots = toSlots(joinSplitWords(words, q));
		if (!slots.length) return [];
		const totalWords = slots.reduce((n, s) => n + s.words, 0);

		const acc = new Map<string, { score: number; covered: number; patterns: Pattern[]; slots: Pattern[][] }>();
		for (const slot of slots) {
			const hits = slot.kind === 'word' ? scoreWord(slot) : scorePhrase(slot);
			for (const [ref, hit] of hits) {
				const a = acc.get(ref) ?? { score: 0, covered: 0, patterns: [], slots: [] };
				a.score += hit.score;
				a.covered += slot.words;
				a.slots.push(hit.patterns);
				for (const p of hit.patterns) {
					if (!a.patterns.some((q) => q.primary === p.primary && q.terms.join(' ') === p.terms.join(' '))) a.patterns.push(p);
				}
				acc.set(ref, a);
			}
		}

		const { theme, profile, limit: max } = options ?? {};
		const filtered = !!theme || !!profile;
		const limit = Number.isFinite(max) ? Math.min(100, Math.max(1, Math.floor(max as number))) : 20;
		const ranked: Array<{ ref: string; doc: SearchDoc; score: number; raw: number; patterns: Pattern[]; slots: Pattern[][] }> = [];
		let bestModule = 0;
		for (const [ref, a] of acc) {
			const doc = docs[Number(ref)];
			if (!doc) continue;
			if (filtered) {
				if (doc.kind !== 'module') continue;
				if (theme && doc.theme !== theme) continue;
				if (profile && !(doc.profiles ?? []).includes(profile)) continue;
			}
			const coord = a.covered / totalWords;
			const score = a.score * coord * coord;
			if (doc.kind === 'module') bestModule = Math.max(bestModule, score);
			ranked.push({ ref, doc, score, raw: score, patterns: a.patterns, slots: a.slots });
		}
		// Glossary terms weigh TERM_WEIGHT and never outrank the best module: the learner first
		// gets the module that teaches the notion, then its definition.
		for (const r of ranked) {
			if (r.doc.kind !== 'term') continue;
			r.score *= TERM_WEIGHT;
			if (bestModule > 0) r.score = Math.min(r.score, bestModule * 0.999);
		}
		// Capped terms keep their own order; equal scores fall back on the ref, for stable results.
		ranked.sort((a, b) => b.score - a.score || b.raw - a.raw || (a.ref < b.ref ? -1 : 1));

		return ranked.slice(0, limit).map(({ ref, doc, score, patterns, slots }) => {
			const n = doc.steps?.length ? stepOf(Number(ref), slots) : 0;
			const step = n ? doc.steps![n - 1] : undefined;
			return {
				ref,
				kind: doc.kind,
				id: doc.id,
				title: doc.title,
				summary: doc.summary,
				theme: doc.theme,
				profiles: doc.profiles,
				minutes: doc.minutes,
				score: Math.round(score * 1000) / 1000,
				...(step ? { step: { id: step.id, n, title: step.title } } : {}),
				snippet: snippet(ref, patterns, n),
			};
		});
	}

	const titleTerms = new Map<number, Array<Set<string>>>();
	/** Index terms of each step title of a lesson, analysed once. */
	function stepTitleTerms(doc: number): Array<Set<string>> {
		let list = titleTerms.get(doc);
		if (!list) {
			list = (docs[doc]?.steps ?? []).map((s) => new Set(analyzeText(s.title).flatMap((w) => (w.term === null ? [] : [w.term]))));
			titleTerms.set(doc, list);
		}
		return list;
	}

	/**
	 * The step (1-based) a lesson's result matched best, or 0: none when the title or theme holds
	 * every part of the query, else the place where the matched words weigh most outside them.
	 */
	function stepOf(doc: number, slots: Pattern[][]): number {
		const names = (p: Pattern) => p.terms.every((t) => placesIn(t, doc).whole > 0);
		if (slots.every((patterns) => patterns.some(names))) return 0;
		// A step whose title holds every part of the query is the one (the first, if several).
		const titles = stepTitleTerms(doc);
		const k = titles.findIndex((set) => slots.every((patterns) => patterns.some((p) => p.terms.every((t) => set.has(t)))));
		if (k >= 0) return k + 1;
		const weight = new Map<number, number>();
		for (const patterns of slots) {
			for (const p of patterns) {
				for (const t of p.terms) {
					for (const [k, w] of placesIn(t, doc).steps) weight.set(k, (weight.get(k) ?? 0) + w * (p.primary ? 1 : SYNONYM_WEIGHT));
				}
			}
		}
		let best = 0;
		let most = weight.get(0) ?? 0;
		for (const [k, w] of weight) {
			if (k > 0 && (w > most || (w === most && best > 0 && k < best))) {
				best = k;
				most = w;
			}
		}
		return best;
	}

	// Suggestion candidates: glossary labels and aliases, and the longer words of titles.
	let candidates: Array<{ label: string; key: string; glossary: boolean }> | null = null;
	function suggestionCandidates() {
		if (candidates) return candidates;
		const byKey = new Map<string, { label: string; key: string; glossary: boolean }>();
		const add = (label: string, glossary: boolean) => {
			const key = foldAccents(label).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
			if (key && !byKey.has(key)) byKey.set(key, { label, key, glossary });
		};
		for (const group of synonyms) if (Array.isArray(group)) for (const s of group) if (typeof s === 'string') add(s, true);
		for (const doc of Object.values(docs)) {
			if (doc.kind === 'term') add(doc.title.replace(/\s*\([^)]*\)\s*/g, ' ').trim(), true);
			for (const w of analyzeText(doc.title)) if (w.raw.length >= 5) add(w.raw.toLowerCase(), false);
		}
		return (candidates = [...byKey.values()]);
	}

	function suggest(query: string): string[] {
		const key = foldAccents(asText(query).slice(0, 100))
			.replace(/[^\p{L}\p{N}]+/gu, ' ')
			.trim();
		if (key.length < 3) return [];
		const max = key.length >= 8 ? 2 : 1;
		const scored: Array<{ label: string; d: number; glossary: boolean }> = [];
		for (const c of suggestionCandidates()) {
			if (c.key === key) continue;
			let d = editDistance(key, c.key, max);
			// A prefix of a longer label ("pseudonym" → "pseudonymisation") is a fair suggestion too.
			if (d > max && key.length >= 4 && c.key.startsWith(key)) d = max;
			if (d <= max) scored.push({ label: c.label, d, glossary: c.glossary });
		}
		scored.sort((a, b) => a.d - b.d || Number(b.glossary) - Number(a.glossary) || a.label.length - b.label.length);
		return scored.slice(0, 5).map((s) => s.label);
	}

	if (texts !== undefined) useTexts(texts);

	return {
		search(query, options) {
			try {
				return search(query, options);
			} catch {
				return [];
			}
		},
		suggest(query) {
			try {
				return suggest(query);
			} catch {
				return [];
			}
		},
		useTexts,
		get hasTexts() {
			return hasTexts;
		},
	};
}

export type { SearchDoc, SerializedSearchIndex, SerializedSearchTexts };
