/**
 * Search over the real curriculum: French analysis (accents, plurals, stop words that are
 * acronyms), glossary synonyms, typos, multi-word queries, filters, snippets, suggestions and
 * hostile input. The index is built from the files on disk through the build's schemas, then
 * round-tripped through JSON, as the browser gets it from search-index.json.
 *
 * "Top 3" means the first three *modules* of the results: glossary terms are interleaved with
 * them (never above the best module) and would otherwise make the expectations depend on the
 * glossary's growth.
 */
import { describe, expect, it } from 'vitest';
import { moduleMinutes } from '../../src/lib/catalog';
import { readableText } from '../../src/lib/duration';
import { buildSearch, SEARCH_INDEX_VERSION } from '../../src/lib/search/build-index';
import { createSearcher, editDistance, editDistanceFor, type SearchOptions, type SearchResult } from '../../src/lib/search/query';
import { analyzeQuery, analyzeText, foldAccents, stem } from '../../src/lib/search/setup';
import { loadContent } from './content-load';

const { modules, glossary } = loadContent();
const minutes = new Map(modules.map((m) => [m.id, moduleMinutes(m)]));
const built = buildSearch({ modules, glossary, minutes });
const payload = built.index;
const json = JSON.stringify(payload);
const textJson = JSON.stringify(built.texts);
const searcher = createSearcher(JSON.parse(json), JSON.parse(textJson));

const search = (q: string, options: SearchOptions = {}) => searcher.search(q, { limit: 30, ...options });
const moduleIds = (results: SearchResult[], n = 3) =>
	results
		.filter((r) => r.kind === 'module')
		.slice(0, n)
		.map((r) => r.id);

/** Folded words of everything indexed for a module (title, lead, body, case). */
function moduleWords(id: string): Set<string> {
	const m = modules.find((x) => x.id === id);
	if (!m) throw new Error(`no module ${id}`);
	const d = m.data;
	const text = [d.title, d.summary, ...d.objectives, ...d.keyPoints, d.case.title, d.case.situation, d.case.debrief, readableText(m.body)];
	return new Set(foldAccents(text.join(' ')).match(/[\p{L}\p{N}]+/gu) ?? []);
}
const foldedWords = (q: string) => foldAccents(q).match(/[\p{L}\p{N}]+/gu) ?? [];

interface Case {
	q: string;
	expected: string;
	/** Why this query, and what it proves. */
	why: string;
	options?: SearchOptions;
}

describe('index', () => {
	it('holds every module and glossary term of the curriculum (fails on an empty index)', () => {
		expect(modules.length).toBeGreaterThanOrEqual(20);
		expect(glossary.length).toBeGreaterThanOrEqual(40);
		const docs = Object.values(payload.docs);
		expect(docs.filter((d) => d.kind === 'module')).toHaveLength(modules.length);
		expect(docs.filter((d) => d.kind === 'term')).toHaveLength(glossary.length);
		expect(payload.terms.length).toBeGreaterThan(2000);
		expect(built.texts.texts).toHaveLength(payload.docs.length);
	});

	it('carries what a result card shows: theme, profiles and the learner-facing minutes', () => {
		for (const m of modules) {
			const doc = Object.values(payload.docs).find((d) => d.kind === 'module' && d.id === m.id);
			expect(doc, m.id).toMatchObject({
				title: m.data.title,
				summary: m.data.summary,
				theme: m.data.theme,
				profiles: m.data.profiles,
				minutes: moduleMinutes(m),
			});
			expect(built.texts.texts[payload.docs.indexOf(doc!)].length, m.id).toBeGreaterThan(500);
		}
	});

	it('turns glossary aliases into synonym groups', () => {
		expect(payload.synonyms.length).toBeGreaterThanOrEqual(40);
		expect(payload.synonyms).toContainEqual(expect.arrayContaining(["Règlement européen sur l'IA", 'AI Act', 'RIA']));
		expect(payload.synonyms).toContainEqual(expect.arrayContaining(['Rançongiciel', 'ransomware']));
	});

	it('ships sorted terms and integer weights, no lunr serialisation (positions, refs per posting)', () => {
		expect([...payload.terms].sort()).toEqual(payload.terms);
		expect(new Set(payload.terms).size).toBe(payload.terms.length);
		expect(payload.vectors.flat(2).every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
		expect(json).not.toMatch(/invertedIndex|fieldVectors|pipeline/);
		// The texts stay out of the index: they only cut excerpts.
		for (const d of payload.docs) expect(d).not.toHaveProperty('text');
		const texts = built.texts.texts.filter((_, i) => payload.docs[i].kind === 'module');
		for (const t of texts) expect(json.includes(t.slice(t.length / 2, t.length / 2 + 80))).toBe(false);
	});

	it('rejects a payload that is not a search index of this version', () => {
		expect(() => createSearcher(null)).toThrow();
		expect(() => createSearcher({})).toThrow();
		expect(() => createSearcher({ ...payload, v: SEARCH_INDEX_VERSION + 1 })).toThrow();
	});
});

describe('French analysis', () => {
	const terms = (s: string) => analyzeText(s).flatMap((w) => (w.term ? [w.term] : []));

	it('folds accents, ligatures and decomposed (NFD) input', () => {
		expect(foldAccents('Hôpital Œdème Sécurité')).toBe('hopital oedeme securite');
		expect(foldAccents('se\u0301curite\u0301')).toBe('securite');
	});

	it('gives plurals, feminines and unaccented spellings one term', () => {
		expect(stem(foldAccents('hallucinations'))).toBe(stem('hallucination'));
		expect(stem(foldAccents('infirmières'))).toBe(stem('infirmiere'));
		expect(stem(foldAccents('rançongiciels'))).toBe(stem('rancongiciel'));
		expect(stem(foldAccents('réglementation'))).toBe(stem('reglementation'));
	});

	it('keeps the acronyms the French stop-word list would drop, when written in capitals', () => {
		expect(terms('AI Act')).toEqual(['ai', 'act']);
		expect(terms('marquage CE')).toContain('ce');
		expect(terms('EU AI Act')).toContain('eu');
		expect(terms("j'ai lu ce que dit l'IA")).toEqual(['lu', 'dit', 'ia']);
	});

	it('keeps an index term for every capitalised acronym of the content', () => {
		const text = modules.map((m) => `${JSON.stringify(m.data)} ${m.body}`).join(' ') + JSON.stringify(glossary);
		const acronyms = new Set(text.match(/\b\p{Lu}{2,}\b/gu));
		expect(acronyms.size).toBeGreaterThan(20);
		for (const a of acronyms) expect(terms(a), `${a}: add it to PROTECTED_WORDS`).toHaveLength(1);
	});

	it('reads "ai" in a query as AI, except after an elision', () => {
		expect(analyzeQuery('ai act').map((w) => w.term)).toEqual(['ai', 'act']);
		expect(analyzeQuery("j'ai").map((w) => w.term)).toEqual([]);
	});

	it('stems keep the first two letters of their word, over the whole vocabulary', () => {
		// The snippet and phrase lookups only stem the words sharing a term's first two letters.
		const vocabulary = new Set(payload.docs.flatMap((d, i) => foldedWords(`${d.title} ${d.summary} ${built.texts.texts[i]}`)));
		expect(vocabulary.size).toBeGreaterThan(3000);
		for (const w of vocabulary) expect(stem(w).slice(0, 2), w).toBe(w.slice(0, 2));
	});

	it('keeps digits (NIS2, 2024/1689)', () => {
		expect(terms('NIS2 et règlement (UE) 2024/1689')).toEqual(expect.arrayContaining(['nis2', '2024', '1689']));
	});
});

describe('ranked first', () => {
	const FIRST: Case[] = [
		// Exact word with its cedilla: the ransomware module, not the glossary entry.
		{ q: 'rançongiciel', expected: 'hopitaux-cibles-rancongiciels', why: 'title word, glossary term ranked after it' },
		// No accent; the content never says "réglementation" (it is the theme), and ai-act-essentiel
		// is the regulation module that also says "réglemente".
		{ q: 'reglementation', expected: 'ai-act-essentiel', why: 'theme field plus a stem match in the body' },
		// Missing "l": only a fuzzy match (edit distance 2 on a 12-letter word).
		{ q: 'halucination', expected: 'ia-generative-quotidien', why: 'typo, module ranked before the term' },
		// Mixed-case acronym with a stop word ("ai") inside.
		{ q: 'AI Act', expected: 'ai-act-essentiel', why: '"ai" protected from the stop-word list' },
	];
	it.each(FIRST)('$q → $expected ($why)', ({ q, expected }) => {
		const results = search(q);
		expect(results.length).toBeGreaterThan(0);
		expect(results[0]).toMatchObject({ kind: 'module', id: expected });
	});
});

/** Runs a table: the expected module must be among the first three modules. */
function top3(cases: Case[]) {
	it.each(cases)('$q → $expected ($why)', ({ q, expected, options }) => {
		expect(moduleIds(search(q, options))).toContain(expected);
	});
}

describe('accents', () => {
	top3([
		{ q: 'hopital', expected: 'hopitaux-cibles-rancongiciels', why: 'hôpital / hôpitaux' },
		{ q: 'hameconnage', expected: 'hameconnage-deepfakes', why: 'ç' },
		{ q: 'donnees de sante', expected: 'rgpd-donnees-sante', why: 'two unaccented words, a glossary phrase' },
		{ q: 'imagerie medicale', expected: 'ia-imagerie-medicale', why: 'é' },
		{ q: 'bloc operatoire', expected: 'ia-bloc-operatoire', why: 'é' },
		{ q: 'equite', expected: 'biais-equite-donnees', why: 'leading É' },
		{ q: 'deployeur', expected: 'obligations-etablissement-deployeur', why: 'é inside the word' },
		{ q: 'securiser un projet', expected: 'securiser-projet-ia', why: 'é, stop word dropped' },
		{ q: 'responsabilite', expected: 'responsabilite-erreur-ia', why: 'final é' },
	]);

	it('ranks accented and unaccented spellings identically', () => {
		for (const [a, b] of [
			['sécurité', 'securite'],
			['hôpital', 'hopital'],
			['réglementation', 'REGLEMENTATION'],
			['rançongiciel', 'rancongiciel'],
		]) {
			expect(search(b).map((r) => r.ref), b).toEqual(search(a).map((r) => r.ref));
		}
	});
});

describe('plurals and feminines', () => {
	top3([
		{ q: 'hallucinations', expected: 'ia-generative-quotidien', why: 'plural' },
		{ q: 'infirmières', expected: 'ia-ehpad-domicile', why: 'feminine plural, the text says "infirmière"' },
		{ q: 'rançongiciels', expected: 'hopitaux-cibles-rancongiciels', why: 'plural' },
		{ q: 'dispositifs médicaux', expected: 'logiciel-dispositif-medical', why: '-aux plural' },
		{ q: 'déployeurs', expected: 'obligations-etablissement-deployeur', why: 'plural' },
		{ q: 'biais algorithmiques', expected: 'biais-equite-donnees', why: 'adjective plural' },
		{ q: 'attaques adverses', expected: 'empoisonnement-attaques-adverses', why: 'plural phrase' },
		{ q: 'hypertrucages', expected: 'hameconnage-deepfakes', why: 'plural of a glossary term' },
		{ q: 'consignes cachées', expected: 'injection-de-prompt', why: 'feminine plural participle' },
	]);
});

describe('typos', () => {
	const TYPOS: Case[] = [
		{ q: 'halucination', expected: 'ia-generative-quotidien', why: 'missing letter' },
		{ q: 'rançongicel', expected: 'hopitaux-cibles-rancongiciels', why: 'missing letter' },
		{ q: 'cybersécurté', expected: 'securiser-projet-ia', why: 'missing letter, theme word' },
		{ q: 'pseudonimisation', expected: 'rgpd-donnees-sante', why: 'wrong vowel' },
		{ q: 'hameçonage', expected: 'hameconnage-deepfakes', why: 'single n' },
		{ q: 'transcripton', expected: 'transcription-ambiante', why: 'missing letter' },
		{ q: 'gouvernnance', expected: 'gouvernance-ia-etablissement', why: 'extra letter' },
		{ q: 'empoisonement', expected: 'empoisonnement-attaques-adverses', why: 'single n' },
		{ q: 'supervison humaine', expected: 'supervision-humaine', why: 'typo in a multi-word query' },
	];
	top3(TYPOS);

	it('cases really are typos: the typed word is nowhere in the content', () => {
		const all = new Set(modules.flatMap((m) => [...moduleWords(m.id)]));
		for (const { q } of TYPOS) expect(all.has(foldedWords(q)[0] ?? ''), q).toBe(false);
	});

	it('reads a typo of a synonym that only the glossary writes as that synonym', () => {
		// "ransomware" is a glossary alias only: its typo reaches the modules through the group.
		expect(moduleWords('hopitaux-cibles-rancongiciels').has('ransomware')).toBe(false);
		expect(moduleIds(search('rensomware'), 1)).toEqual(['hopitaux-cibles-rancongiciels']);
		// A typo that fuzzy matching already takes to a module keeps that route.
		expect(moduleIds(search('halucination'), 1)).toEqual(['ia-generative-quotidien']);
	});

	it('joins two typed words the content writes as one', () => {
		expect(moduleIds(search('chat gpt'))).toContain('shadow-ia-fuites-donnees');
		expect(search('cyber securite').map((r) => r.ref)).toEqual(search('cybersécurité').map((r) => r.ref));
		// Two words that do not form a known word stay two words.
		expect(moduleIds(search('bloc operatoire'), 1)).toEqual(['ia-bloc-operatoire']);
	});

	it('allows 1 edit from 5 letters and 2 from 8, never past the stem', () => {
		expect(editDistanceFor('ehpad', 'ehpad')).toBe(1);
		expect(editDistanceFor('bloc', 'bloc')).toBe(0);
		expect(editDistanceFor('halucination', 'halucin')).toBe(2);
		// A long word with a short stem is bounded by its stem: no fuzzy match on 3 letters.
		expect(editDistanceFor('abcdefgh', 'abc')).toBe(0);
		expect(editDistance('hallucination', 'halucination')).toBe(1);
		expect(editDistance('ab', 'ba')).toBe(1);
	});

	it('ranks every exact match above fuzzy-only matches', () => {
		// "sécurité" exists, and "secret" is within 2 edits of its stem.
		const target = stem('securite');
		const hasExact = (r: SearchResult) => {
			const words =
				r.kind === 'module'
					? moduleWords(r.id)
					: new Set(foldAccents(JSON.stringify(glossary.find((g) => g.id === r.id)!.data)).match(/[\p{L}\p{N}]+/gu));
			return [...words].some((w) => stem(w) === target);
		};
		const flags = search('securite', { limit: 100 }).map(hasExact);
		expect(flags.includes(false)).toBe(true);
		expect(flags.indexOf(false)).toBeGreaterThan(flags.lastIndexOf(true));
	});
});

describe('synonyms from the glossary', () => {
	// Each query holds a word the expected module never uses, so only the synonym group finds it.
	const SYNONYMS: Array<Case & { absent: string[] }> = [
		{ q: 'AI Act', expected: 'acheter-contractualiser-ia', absent: ['ai', 'act'], why: 'module says "règlement sur l\'IA"' },
		{ q: 'AI Act', expected: 'gouvernance-ia-etablissement', absent: ['ai', 'act'], why: 'module says "règlement (UE) 2024/1689"' },
		{ q: 'ransomware', expected: 'hopitaux-cibles-rancongiciels', absent: ['ransomware'], why: 'English → "rançongiciel"' },
		{ q: 'GDPR', expected: 'rgpd-donnees-sante', absent: ['gdpr'], why: 'GDPR ↔ RGPD' },
		{ q: 'large language model', expected: 'ia-generative-quotidien', absent: ['large', 'language', 'model'], why: '↔ "grand modèle de langage"' },
		{ q: 'shadow AI', expected: 'shadow-ia-fuites-donnees', absent: ['ai'], why: '↔ "shadow IA"' },
		{ q: 'DPIA', expected: 'rgpd-donnees-sante', absent: ['dpia'], why: '↔ AIPD' },
		{ q: 'human oversight', expected: 'supervision-humaine', absent: ['human', 'oversight'], why: '↔ "contrôle humain", "supervision humaine"' },
		{ q: 'jailbreak', expected: 'injection-de-prompt', absent: ['jailbreak'], why: '↔ "injection de prompt"' },
		{ q: 'fairness', expected: 'biais-equite-donnees', absent: ['fairness'], why: '↔ "biais"' },
		{ q: 'SaMD', expected: 'logiciel-dispositif-medical', absent: ['samd'], why: '↔ "dispositif médical"' },
		{ q: 'confabulation', expected: 'ia-generative-quotidien', absent: ['confabulation'], why: '↔ "hallucination"' },
	];
	it.each(SYNONYMS)('$q → $expected ($why)', ({ q, expected, absent }) => {
		const words = moduleWords(expected);
		for (const w of absent) expect(words.has(w), `"${w}" must be absent from ${expected}`).toBe(false);
		expect(moduleIds(search(q))).toContain(expected);
	});

	it('owes those matches to the synonym groups (same index, no synonyms: not found)', () => {
		const bare = createSearcher({ ...JSON.parse(json), synonyms: [] });
		expect(moduleIds(bare.search('ransomware'), 30)).not.toContain('hopitaux-cibles-rancongiciels');
		expect(moduleIds(bare.search('GDPR'), 30)).not.toContain('rgpd-donnees-sante');
	});

	it('matches multi-word aliases as phrases, with or without accents and articles', () => {
		expect(moduleIds(search("règlement européen sur l'IA"), 1)).toEqual(['ai-act-essentiel']);
		expect(moduleIds(search('reglement europeen ia'), 1)).toEqual(['ai-act-essentiel']);
		expect(moduleIds(search('grands modèles de langage'))).toContain('ia-generative-quotidien');
		expect(moduleIds(search('marquage ce'))).toContain('logiciel-dispositif-medical');
	});
});

describe('multi-word queries', () => {
	top3([
		{ q: 'données de santé patient', expected: 'rgpd-donnees-sante', why: 'phrase + word' },
		{ q: 'injection de prompt cachée', expected: 'injection-de-prompt', why: 'phrase + word' },
		{ q: "qui est responsable si l'IA se trompe", expected: 'responsabilite-erreur-ia', why: 'a question' },
		{ q: "acheter une solution d'IA contrat", expected: 'acheter-contractualiser-ia', why: 'four content words' },
		{ q: 'voix clonée directeur virement', expected: 'hameconnage-deepfakes', why: 'the fraud scenario' },
		{ q: 'signaler un incident', expected: 'incident-ia-reagir-signaler', why: 'verb + noun' },
		{ q: 'informer le patient', expected: 'garantie-humaine-information-patient', why: 'verb + noun' },
		{ q: 'scribe consultation', expected: 'transcription-ambiante', why: 'two nouns' },
		{ q: 'veiller sans surveiller', expected: 'ia-ehpad-domicile', why: 'words of a title' },
	]);

	it('puts documents that match more of the words first', () => {
		const [first] = search('rançongiciel ehpad');
		const words = moduleWords(first.id);
		expect([...words].some((w) => stem(w) === stem('rancongiciel'))).toBe(true);
		expect(words.has('ehpad')).toBe(true);
		// A word matched by one document only still counts: that document wins.
		expect(moduleIds(search('consultation scribe urgences'), 1)).toEqual(['transcription-ambiante']);
	});
});

describe('filters', () => {
	top3([
		{ q: 'bloc opératoire', expected: 'ia-bloc-operatoire', options: { profile: 'infirmier' }, why: 'nurse profile' },
		{ q: 'AI Act', expected: 'ai-act-essentiel', options: { theme: 'reglementation' }, why: 'theme' },
		{ q: 'contrat', expected: 'acheter-contractualiser-ia', options: { profile: 'decideur' }, why: 'decision-maker profile' },
		{ q: 'rançongiciel', expected: 'hopitaux-cibles-rancongiciels', options: { profile: 'etudiant' }, why: 'student profile' },
		{ q: 'halucination', expected: 'ia-generative-quotidien', options: { profile: 'infirmier' }, why: 'typo + profile' },
		{ q: 'ehpad', expected: 'ia-ehpad-domicile', options: { profile: 'liberal', theme: 'usages' }, why: 'profile + theme' },
	]);

	it('returns only modules of the chosen theme and profile, and no glossary term', () => {
		for (const options of [{ profile: 'infirmier' }, { theme: 'cybersecurite' }, { theme: 'usages', profile: 'decideur' }]) {
			const results = search('IA données', { ...options, limit: 100 });
			expect(results.length).toBeGreaterThan(0);
			for (const r of results) {
				expect(r.kind).toBe('module');
				if (options.theme) expect(r.theme).toBe(options.theme);
				if ('profile' in options) expect(r.profiles).toContain(options.profile);
			}
		}
	});

	it('leaves out a module not written for the profile', () => {
		// gouvernance-ia-etablissement is for decision-makers only.
		expect(moduleIds(search('gouvernance'), 1)).toEqual(['gouvernance-ia-etablissement']);
		expect(moduleIds(search('gouvernance', { profile: 'infirmier' }), 30)).not.toContain('gouvernance-ia-etablissement');
	});

	it('shows glossary terms only without filters', () => {
		expect(search('hallucination').some((r) => r.kind === 'term')).toBe(true);
		expect(search('hallucination', { theme: 'usages' }).some((r) => r.kind === 'term')).toBe(false);
	});
});

describe('snippets', () => {
	const text = (r: SearchResult) => r.snippet.map((s) => s.text).join('');
	const hits = (r: SearchResult) => r.snippet.filter((s) => s.hit).map((s) => s.text);

	it.each(['rançongiciel', 'reglementation', 'halucination', 'AI Act', 'hopital', 'données de santé patient'])(
		'"%s": about 25 words of plain text, matched words marked',
		(q) => {
			const [r] = search(q);
			expect(hits(r).length).toBeGreaterThan(0);
			const words = text(r).match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
			expect(words.length).toBeLessThanOrEqual(30);
			expect(words.length).toBeGreaterThanOrEqual(10);
			for (const s of r.snippet) expect(Object.keys(s).sort()).toEqual(['hit', 'text']);
		},
	);

	it('marks accented and inflected forms of the typed word', () => {
		expect(hits(search('hopital')[0]).map(foldAccents)).toEqual(expect.arrayContaining([expect.stringMatching(/^hopita/)]));
		expect(hits(search('halucination')[0]).map(foldAccents).join(' ')).toMatch(/hallucination/);
	});

	it('marks a phrase as one piece and prefers the typed phrase over its synonyms', () => {
		expect(hits(search('AI Act')[0])).toContain('AI Act');
	});

	it('keeps the result shape the page renders', () => {
		const [r] = search('rançongiciel');
		expect(r).toMatchObject({
			ref: expect.any(String),
			kind: 'module',
			id: 'hopitaux-cibles-rancongiciels',
			title: expect.any(String),
			summary: expect.any(String),
			theme: 'cybersecurite',
			minutes: expect.any(Number),
			score: expect.any(Number),
		});
		expect(r.profiles!.length).toBeGreaterThan(0);
	});
});

describe('hostile input', () => {
	const INPUTS = [
		'', ' ', '\u0000', ':', '~', '*', '^', '+', '-', '"', "'", '""', '\\', '()', '[]{}', '?', '!',
		'title:rgpd', 'rgpd~2', 'ia^10', '+rgpd -cnil', 'sécu*', '*ia*', 'body:', '~1', '^^^', '- + :',
		'"shadow IA"', '🤖 IA 💉', '👩‍⚕️', 'x'.repeat(10_000), 'ia '.repeat(2000), 'le la les de des', 'ce',
		'<script>alert(1)</script>', '__proto__', 'constructor', 'hasOwnProperty', 'toString',
	];

	it.each(INPUTS.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} chars)` : JSON.stringify(q), q]))(
		'%s: search and suggest never throw',
		(_label, q) => {
			expect(Array.isArray(search(q))).toBe(true);
			expect(Array.isArray(searcher.suggest(q))).toBe(true);
		},
	);

	it('survives non-string input from untyped callers', () => {
		for (const q of [null, undefined, {}, [], Symbol('q')] as unknown as string[]) {
			expect(searcher.search(q)).toEqual([]);
			expect(searcher.suggest(q)).toEqual([]);
		}
		expect(moduleIds(searcher.search(2024 as unknown as string), 30)).toContain('ai-act-essentiel');
		expect(() => searcher.search('ia', { limit: Number.NaN, theme: 42 as unknown as string })).not.toThrow();
	});

	it('treats lunr syntax as plain separators', () => {
		const refs = (q: string) => search(q).map((r) => r.ref);
		expect(refs('title:rgpd')).toEqual(refs('title rgpd'));
		expect(refs('+rgpd -cnil')).toEqual(refs('rgpd cnil'));
		expect(refs('sécu*')).toEqual(refs('sécu'));
		expect(refs('"shadow IA"')).toEqual(refs('shadow IA'));
		expect(refs('rgpd~2^10')).toEqual(refs('rgpd 2 10'));
	});

	it('returns nothing for stop words alone or an empty query', () => {
		expect(search('')).toEqual([]);
		expect(search('le la les de des')).toEqual([]);
	});

	it('honours the limit', () => {
		expect(search('IA', { limit: 3 })).toHaveLength(3);
		expect(searcher.search('IA').length).toBeLessThanOrEqual(20);
	});
});

describe('suggest', () => {
	it('offers close glossary terms and aliases', () => {
		expect(searcher.suggest('rensomware')).toContain('ransomware');
		expect(searcher.suggest('pseudonymisaton')).toContain('Pseudonymisation');
		expect(searcher.suggest('hypertrucaje')).toContain('Hypertrucage');
	});

	it('completes a prefix and corrects title words', () => {
		expect(searcher.suggest('anonymis')).toContain('Anonymisation');
		expect(searcher.suggest('transcripsion')).toEqual(expect.arrayContaining([expect.stringMatching(/^transcription/i)]));
	});

	it('stays quiet for short or far-off input', () => {
		expect(searcher.suggest('')).toEqual([]);
		expect(searcher.suggest('ab')).toEqual([]);
		expect(searcher.suggest('zzzzqqqq')).toEqual([]);
		expect(searcher.suggest('rensomware').length).toBeLessThanOrEqual(5);
	});
});

describe('lesson steps', () => {
	const lessons = modules.filter((m) => m.data.steps?.length);

	it('has lessons to test (the pilots at least)', () => {
		expect(lessons.map((m) => m.id)).toEqual(expect.arrayContaining(['injection-de-prompt', 'shadow-ia-fuites-donnees', 'ai-act-essentiel']));
	});

	it('finds every step of every lesson by its title, and links that step', () => {
		const pilots = ['injection-de-prompt', 'shadow-ia-fuites-donnees', 'ai-act-essentiel'];
		for (const m of lessons) {
			m.data.steps!.forEach((s, i) => {
				const results = search(s.title).filter((r) => r.kind === 'module');
				const r = results.find((x) => x.id === m.id);
				expect(r, `${m.id} / ${s.id}: module found`).toBeDefined();
				expect(r!.step, `${m.id} / ${s.id}`).toEqual({ id: s.id, n: i + 1, title: s.title });
				if (pilots.includes(m.id)) expect(results.slice(0, 3), `${m.id} / ${s.id}: in the top 3`).toContain(r);
			});
		}
	});

	it('works for a module converted to steps with no code change (a long read cut at its headings here)', () => {
		const long = modules.find((m) => !m.data.steps && (m.body.match(/^## /gm) ?? []).length >= 4);
		if (!long) return; // every module is a lesson by now: the test above covers them all
		const parts = long.body.split(/^## (.+)$/m); // [before, title1, text1, title2, text2, …]
		const steps = [];
		for (let i = 1; i < parts.length; i += 2) steps.push({ id: `s${(i + 1) / 2}`, title: parts[i].trim(), text: parts[i + 1] });
		const body = steps.map((st, i) => `<Step id="${st.id}">\n${i === 0 ? parts[0] : ''}${st.text}\n</Step>`).join('\n');
		const converted = { ...long, body, data: { ...long.data, steps: steps.map((st) => ({ id: st.id, title: st.title, essential: false })) } };
		const b = buildSearch({ modules: modules.map((m) => (m === long ? converted : m)), glossary, minutes });
		const s2 = createSearcher(JSON.parse(JSON.stringify(b.index)), JSON.parse(JSON.stringify(b.texts)));
		steps.forEach((st, i) => {
			const r = s2.search(st.title, { limit: 30 }).find((x) => x.kind === 'module' && x.id === long.id);
			expect(r?.step, `${long.id} / ${st.title}`).toEqual({ id: st.id, n: i + 1, title: st.title });
		});
		// The same module unconverted never names a step.
		expect(search(steps[1].title).find((x) => x.id === long.id)?.step).toBeUndefined();
	}, 60_000);

	it('links the step a query matched inside it, and cuts the excerpt from that step', () => {
		const [r] = search('injection indirecte');
		expect(r).toMatchObject({ kind: 'module', id: 'injection-de-prompt', step: { id: 'directe-indirecte', n: 2 } });
		const step = modules.find((m) => m.id === 'injection-de-prompt')!.data.steps![1];
		expect(r.step!.title).toBe(step.title);
		const excerpt = r.snippet.map((s) => s.text).join('').replace(/^… | …$/g, '');
		const [start, end] = built.texts.spans[Number(r.ref)]![1];
		expect(built.texts.texts[Number(r.ref)].slice(start, end)).toContain(excerpt);
		expect(r.snippet.some((s) => s.hit && /injection indirecte/i.test(s.text))).toBe(true);
	});

	it('links the module itself when its title or theme holds the whole query', () => {
		for (const [q, id] of [
			['injection de prompt', 'injection-de-prompt'],
			['reglementation', 'ai-act-essentiel'],
			['AI Act', 'ai-act-essentiel'],
		]) {
			const [r] = search(q);
			expect(r, q).toMatchObject({ kind: 'module', id });
			expect(r.step, q).toBeUndefined();
		}
	});

	it('never gives a step to a module written as one long read, or to a glossary term', () => {
		for (const q of ['rançongiciel', 'injection indirecte', 'données de santé', 'hallucination', 'AI Act calendrier']) {
			for (const r of search(q)) {
				const m = modules.find((x) => x.id === r.id && r.kind === 'module');
				if (!m?.data.steps) expect(r.step, `${q} → ${r.id}`).toBeUndefined();
				else if (r.step) expect(m.data.steps.map((s) => s.id)).toContain(r.step.id);
			}
		}
	});
});

describe('excerpt texts', () => {
	it('ranks without them, and adds excerpts once given', () => {
		const bare = createSearcher(JSON.parse(json));
		expect(bare.hasTexts).toBe(false);
		const before = bare.search('injection indirecte');
		expect(before.map((r) => [r.id, r.step])).toEqual(search('injection indirecte').map((r) => [r.id, r.step]));
		expect(before.every((r) => r.snippet.length === 0)).toBe(true);
		expect(bare.useTexts(JSON.parse(textJson))).toBe(true);
		expect(bare.hasTexts).toBe(true);
		expect(bare.search('injection indirecte')[0].snippet.length).toBeGreaterThan(0);
	});

	it('refuses texts that are not those of this index', () => {
		const bare = createSearcher(JSON.parse(json));
		const texts = JSON.parse(textJson);
		for (const bad of [
			null,
			{},
			{ ...texts, v: SEARCH_INDEX_VERSION + 1 },
			{ ...texts, build: `${texts.build}x` }, // a stale copy from another build
			{ ...texts, texts: texts.texts.slice(1) },
			{ ...texts, texts: texts.texts.map(() => 1) },
		]) {
			expect(bare.useTexts(bad)).toBe(false);
		}
		expect(bare.hasTexts).toBe(false);
	});
});
