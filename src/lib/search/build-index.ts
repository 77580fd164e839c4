/**
 * Builds the search index and its excerpt texts at build time (prerendered `search-index.json`
 * and `search-text.json`, the benchmark and the tests). Pure: takes entries, returns
 * JSON-serialisable objects, reads nothing from disk.
 *
 * One lunr document per module and one per glossary term, in four weighted fields:
 * - `title`: module title or term label (boost 10);
 * - `lead`: module summary, objectives, body headings, lesson step titles and key points, or the term's
 *   aliases (boost 3);
 * - `body`: module text stripped of MDX and the case study, or the term definition (boost 1);
 * - `theme`: the module's theme id, itself a French word ("reglementation", "cybersecurite",
 *   "usages"), so a learner typing a theme gets its modules (boost 8).
 * lunr computes the BM25 weights; what ships is a compact form of them (see types.ts): sorted
 * terms, delta-coded term ids with integer weights per document and field, a document's place in
 * `docs` as its ref, no term positions. Multi-word synonyms are checked against each document
 * here, once, so the browser needs no text to rank; a lesson's words are placed in its steps,
 * so a result can link to the step it matched.
 */
import { readableText } from '../duration';
import { stepBlocks } from '../lesson/steps';
import type { GlossaryData, ModuleData } from '../schemas';
import { analyzeQuery, analyzeText, lunr, useFrench } from './setup';
import {
	SEARCH_FIELDS,
	SEARCH_INDEX_VERSION,
	SNIPPET_TEXT_MAX,
	WEIGHT_SCALE,
	type SearchDoc,
	type SerializedSearchIndex,
	type SerializedSearchTexts,
} from './types';

export { SEARCH_INDEX_VERSION, SNIPPET_TEXT_MAX, type SearchDoc, type SerializedSearchIndex, type SerializedSearchTexts };

export interface SearchIndexInput {
	modules: ReadonlyArray<{ id?: string; data: ModuleData; body?: string }>;
	glossary: ReadonlyArray<{ id: string; data: GlossaryData }>;
	/** Estimated minutes by module id (`moduleMinutes` from catalog.ts); `durationMinutes` if absent. */
	minutes: ReadonlyMap<string, number>;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Readable text of an MDX body: no MDX/JSX/markdown marks, no list bullets, one line. */
export function plainBody(body: string): string {
	return collapse(readableText(body).replace(/^\s*(?:[-+]|\d+\.)\s+/gm, ' '));
}

/** `##` (and deeper) headings of an MDX body, as plain text. */
export function bodyHeadings(body: string): string[] {
	return [...body.matchAll(/^#{2,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => collapse(readableText(m[1])));
}

/** Cuts a text at a word boundary before `max` characters. */
function cap(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.lastIndexOf(' ', max);
	return `${text.slice(0, cut > max * 0.8 ? cut : max)} …`;
}

/** "Grand modèle de langage (LLM)" → "Grand modèle de langage": the parenthesis is a qualifier. */
function bareLabel(term: string): string {
	return collapse(term.replace(/\([^)]*\)/g, ' ')) || term;
}

/** Synonym groups: one per glossary term, duplicates (case and accents aside) removed. */
export function synonymGroups(glossary: SearchIndexInput['glossary']): string[][] {
	const key = (s: string) => collapse(s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase());
	return glossary
		.map((g) => {
			const seen = new Set<string>();
			return [bareLabel(g.data.term), ...g.data.aliases].filter((s) => {
				const k = key(s);
				if (!k || seen.has(k)) return false;
				seen.add(k);
				return true;
			});
		})
		.filter((group) => group.length > 1);
}

/** Index terms of a text, stop words dropped, in order (as the index pipeline sees it). */
const termsOf = (text: string) => analyzeText(text).flatMap((w) => (w.term === null ? [] : [w.term]));

/** True when `terms` follow each other somewhere in `seq`. */
function holds(seq: readonly string[], terms: readonly string[]): boolean {
	outer: for (let c = 0; c + terms.length <= seq.length; c++) {
		for (let i = 0; i < terms.length; i++) if (seq[c + i] !== terms[i]) continue outer;
		return true;
	}
	return false;
}

/** FNV-1a 32-bit hash of a string, in base 36: ties the two search files of one build together. */
function fingerprint(s: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(36);
}

/** Base-36 digit of a step number (0 = outside any step); a lesson has at most 7 steps. */
const stepDigit = (k: number) => k.toString(36);

interface Row {
	ref: string;
	title: string;
	lead: string;
	body: string;
	theme: string;
}

/**
 * Builds the search index of the curriculum and the texts of its excerpts.
 * @returns two JSON-serialisable objects: `index` for `createSearcher` (query.ts), `texts` for
 *   `Searcher.useTexts`.
 */
export function buildSearch({ modules, glossary, minutes }: SearchIndexInput): { index: SerializedSearchIndex; texts: SerializedSearchTexts } {
	const docs: SearchDoc[] = [];
	const texts: string[] = [];
	const spans: SerializedSearchTexts['spans'] = [];
	/** Per lesson doc: step of each term found in a step title (lead), and the step holding it most (body). */
	const stepOf: Array<{ lead: Map<string, number>; body: Map<string, number> } | null> = [];
	/** Every document's words as index terms, for the phrase table. */
	const sequences: string[][][] = [];
	const rows: Row[] = [];

	for (const m of [...modules].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
		const ref = String(docs.length);
		const d = m.data;
		const source = m.body ?? '';
		const body = plainBody(source);
		const options = (d.case.options ?? []).map((o) => `${o.text} ${o.feedback}`).join(' ');
		const caseText = `${d.case.title}. ${d.case.situation} ${options} ${d.case.debrief}`;
		rows.push({
			ref,
			title: d.title,
			lead: [d.summary, ...d.objectives, ...bodyHeadings(source), ...(d.steps ?? []).map((s) => s.title), ...d.keyPoints].join(' \n '),
			body: `${body} \n ${caseText}`,
			theme: d.theme,
		});
		const doc: SearchDoc = {
			kind: 'module',
			id: d.id,
			title: d.title,
			summary: d.summary,
			theme: d.theme,
			profiles: [...d.profiles],
			minutes: minutes.get(d.id) ?? d.durationMinutes,
		};
		// A lesson's text is its steps in order, each one's range kept for the excerpt.
		const blocks = d.steps ? stepBlocks(source) : [];
		const stepTexts = d.steps?.map((s) => collapse(plainBody(blocks.find((b) => b.id === s.id)?.source ?? ''))) ?? [];
		let text = collapse(d.summary);
		const ranges: Array<[number, number]> = [];
		for (const st of d.steps ? stepTexts : [body]) {
			text += ' ';
			ranges.push([text.length, text.length + st.length]);
			text += st;
		}
		text = collapse(`${text} ${d.keyPoints.join(' ')} ${caseText}`);
		const capped = cap(text, SNIPPET_TEXT_MAX);
		texts.push(capped);
		if (d.steps) {
			doc.steps = d.steps.map((s) => ({ id: s.id, title: s.title }));
			spans.push(ranges.map(([a, b]) => [Math.min(a, capped.length), Math.min(b, capped.length)]));
			// A term is placed in the step whose title holds it, else in the step that uses it most,
			// unless the case (outside the steps) uses it more.
			const lead = new Map<string, number>();
			d.steps.forEach((s, i) => {
				for (const t of termsOf(s.title)) if (!lead.has(t)) lead.set(t, i + 1);
			});
			const counts = new Map<string, number[]>();
			const bump = (t: string, k: number) => {
				const c = counts.get(t) ?? new Array<number>(d.steps!.length + 1).fill(0);
				c[k]++;
				counts.set(t, c);
			};
			stepTexts.forEach((st, i) => termsOf(st).forEach((t) => bump(t, i + 1)));
			termsOf(caseText).forEach((t) => bump(t, 0));
			const bodyAt = new Map<string, number>();
			for (const [t, c] of counts) {
				let best = 0;
				for (let k = 1; k < c.length; k++) if (c[k] > c[best]) best = k;
				bodyAt.set(t, best);
			}
			stepOf.push({ lead, body: bodyAt });
		} else {
			spans.push(null);
			stepOf.push(null);
		}
		docs.push(doc);
		sequences.push([termsOf(d.title), termsOf(`${text}`)]);
	}

	for (const g of [...glossary].sort((a, b) => (a.id < b.id ? -1 : 1))) {
		const ref = String(docs.length);
		rows.push({ ref, title: g.data.term, lead: g.data.aliases.join(' \n '), body: g.data.definition, theme: '' });
		docs.push({ kind: 'term', id: g.id, title: g.data.term, summary: g.data.definition });
		const text = cap(g.data.aliases.join(' · '), SNIPPET_TEXT_MAX);
		texts.push(text);
		spans.push(null);
		stepOf.push(null);
		sequences.push([termsOf(g.data.term), termsOf(g.data.definition), ...g.data.aliases.map(termsOf)]);
	}

	const idx = lunr(function () {
		useFrench(this);
		this.ref('ref');
		this.field('title', { boost: 10 });
		this.field('lead', { boost: 3 });
		this.field('body');
		this.field('theme', { boost: 8 });
		for (const row of rows) this.add(row);
	});

	// lunr's serialisation: invertedIndex [[term, { _index, … }]], fieldVectors [["field/ref", [termIndex, weight, …]]].
	const raw = idx.toJSON() as unknown as {
		invertedIndex: Array<[string, { _index: number }]>;
		fieldVectors: Array<[string, number[]]>;
	};
	const terms = raw.invertedIndex.map(([t]) => t).sort();
	const idOf = new Map(terms.map((t, i) => [t, i]));
	const termByIndex = new Map(raw.invertedIndex.map(([t, p]) => [p._index, t]));
	const vectors: number[][][] = SEARCH_FIELDS.map(() => docs.map(() => []));
	for (const [key, elements] of raw.fieldVectors) {
		const [field, ref] = key.split('/');
		const f = SEARCH_FIELDS.indexOf(field as (typeof SEARCH_FIELDS)[number]);
		const doc = Number(ref);
		const entries: Array<[number, number, string]> = [];
		for (let i = 0; i < elements.length; i += 2) {
			const term = termByIndex.get(elements[i]) as string;
			entries.push([idOf.get(term) as number, elements[i + 1], term]);
		}
		entries.sort((a, b) => a[0] - b[0]);
		const flat: number[] = [];
		let prev = 0;
		for (const [id, w] of entries) {
			flat.push(id - prev, Math.max(1, Math.round(w * WEIGHT_SCALE)));
			prev = id;
		}
		vectors[f][doc] = flat;
		const at = stepOf[doc];
		if (at && (field === 'lead' || field === 'body')) {
			const where = entries.map(([, , t]) => stepDigit(at[field].get(t) ?? 0)).join('');
			docs[doc].at = { lead: '', body: '', ...docs[doc].at, [field]: where };
		}
	}

	const groups = synonymGroups(glossary);
	const phrases: Record<string, number[]> = {};
	for (const group of groups) {
		for (const s of group) {
			const p = analyzeQuery(s).map((w) => w.term as string);
			const key = p.join(' ');
			if (p.length < 2 || key in phrases) continue;
			phrases[key] = sequences.flatMap((seqs, doc) => (seqs.some((seq) => holds(seq, p)) ? [doc] : []));
		}
	}

	const build = fingerprint(JSON.stringify([terms, docs, texts, spans]));
	return {
		index: { v: SEARCH_INDEX_VERSION, build, terms, vectors, docs, synonyms: groups, phrases },
		texts: { v: SEARCH_INDEX_VERSION, build, texts, spans },
	};
}
