/**
 * Builds the search index at build time (prerendered `search-index.json`, the benchmark and the
 * tests). Pure: takes entries, returns a JSON-serialisable object, reads nothing from disk.
 *
 * One lunr document per module and one per glossary term, in four weighted fields:
 * - `title`: module title or term label (boost 10);
 * - `lead`: module summary, objectives, body headings, lesson step titles and key points, or the term's
 *   aliases (boost 3);
 * - `body`: module text stripped of MDX and the case study, or the term definition (boost 1);
 * - `theme`: the module's theme id, itself a French word ("reglementation", "cybersecurite",
 *   "usages"), so a learner typing a theme gets its modules (boost 8).
 * Refs are short (`m0`, `t0`…) because they are repeated in every posting of the index.
 */
import { readableText } from '../duration';
import type { GlossaryData, ModuleData } from '../schemas';
import { lunr, useFrench } from './setup';
import { SEARCH_INDEX_VERSION, SNIPPET_TEXT_MAX, type SearchDoc, type SerializedSearchIndex } from './types';

export { SEARCH_INDEX_VERSION, SNIPPET_TEXT_MAX, type SearchDoc, type SerializedSearchIndex };

/**
 * Input of `buildSearchIndex`: the same shapes as Astro collection entries. A module is known by
 * `data.id` (its URL slug), not by the entry id, which the glob loader derives from the file path.
 */
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

/**
 * Builds the serialised search index of the curriculum.
 * @returns a JSON-serialisable object for `createSearcher` (query.ts).
 */
export function buildSearchIndex({ modules, glossary, minutes }: SearchIndexInput): SerializedSearchIndex {
	const docs: Record<string, SearchDoc> = {};
	const rows: Array<{ ref: string; title: string; lead: string; body: string; theme: string }> = [];

	[...modules]
		.sort((a, b) => (a.data.id < b.data.id ? -1 : 1))
		.forEach((m, i) => {
			const ref = `m${i}`;
			const d = m.data;
			const body = plainBody(m.body ?? '');
			const options = (d.case.options ?? []).map((o) => `${o.text} ${o.feedback}`).join(' ');
			const caseText = `${d.case.title}. ${d.case.situation} ${options} ${d.case.debrief}`;
			rows.push({
				ref,
				title: d.title,
				lead: [d.summary, ...d.objectives, ...bodyHeadings(m.body ?? ''), ...(d.steps ?? []).map((s) => s.title), ...d.keyPoints].join(' \n '),
				body: `${body} \n ${caseText}`,
				theme: d.theme,
			});
			docs[ref] = {
				kind: 'module',
				id: d.id,
				title: d.title,
				summary: d.summary,
				theme: d.theme,
				profiles: [...d.profiles],
				minutes: minutes.get(d.id) ?? d.durationMinutes,
				text: cap(collapse(`${d.summary} ${body} ${d.keyPoints.join(' ')} ${caseText}`), SNIPPET_TEXT_MAX),
			};
		});

	[...glossary]
		.sort((a, b) => (a.id < b.id ? -1 : 1))
		.forEach((g, i) => {
			const ref = `t${i}`;
			rows.push({ ref, title: g.data.term, lead: g.data.aliases.join(' \n '), body: g.data.definition, theme: '' });
			docs[ref] = {
				kind: 'term',
				id: g.id,
				title: g.data.term,
				summary: g.data.definition,
				text: cap(g.data.aliases.join(' · '), SNIPPET_TEXT_MAX),
			};
		});

	const idx = lunr(function () {
		useFrench(this);
		this.ref('ref');
		this.field('title', { boost: 10 });
		this.field('lead', { boost: 3 });
		this.field('body');
		this.field('theme', { boost: 8 });
		for (const row of rows) this.add(row);
	});

	return { v: SEARCH_INDEX_VERSION, index: idx.toJSON(), docs, synonyms: synonymGroups(glossary) };
}
