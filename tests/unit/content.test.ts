/**
 * Content tests: every module, track and glossary term of the real curriculum meets the
 * editorial minimums (issue "Curriculum"). They read the files on disk with the build's schemas.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonTimeOf, moduleMinutes, termLinks, trackModuleIds, totalMinutes, validateCatalog, formatProblems } from '../../src/lib/catalog';
import { estimateMinutesExact, moduleWordCount } from '../../src/lib/duration';
import { SETTINGS, THEMES } from '../../src/lib/taxonomy';
import { loadContent } from './content-load';

const content = loadContent();
const { modules, tracks, glossary, competences } = content;

/** Hosts whose texts count as primary sources (official texts, agencies, peer-reviewed papers). */
const PRIMARY_HOSTS = [
	'eur-lex.europa.eu',
	'www.legifrance.gouv.fr',
	'legifrance.gouv.fr',
	'www.has-sante.fr',
	'www.cnil.fr',
	'cyber.gouv.fr',
	'www.cyber.gouv.fr',
	'www.ssi.gouv.fr',
	'esante.gouv.fr',
	'industriels.esante.gouv.fr',
	'cyberveille.esante.gouv.fr',
	'sante.gouv.fr',
	'solidarites-sante.gouv.fr',
	'owasp.org',
	'genai.owasp.org',
	'www.who.int',
	'iris.who.int',
	'doi.org',
	'pubmed.ncbi.nlm.nih.gov',
	'www.nature.com',
	'www.science.org',
	'pubs.rsna.org',
	'atlas.mitre.org',
	'www.enisa.europa.eu',
	'health.ec.europa.eu',
	'digital-strategy.ec.europa.eu',
	'www.ansm.sante.fr',
	'ansm.sante.fr',
	'www.consilium.europa.eu',
	'arxiv.org',
	'www.ecri.org',
	'github.com',
	'www.francenum.gouv.fr',
	'www.economie.gouv.fr',
	'presse.economie.gouv.fr',
	'www.service-public.fr',
	'www.assemblee-nationale.fr',
	'www.senat.fr',
	'www.conseil-etat.fr',
	'www.courdecassation.fr',
	'www.ccomptes.fr',
];

describe('content loads', () => {
	it('every file matches its schema', () => {
		expect(content.schemaErrors).toEqual([]);
	});
	it('cross-references are consistent', () => {
		const problems = validateCatalog({ modules, tracks, glossary, competences });
		expect(formatProblems(problems)).toBe('');
	});
});

describe('curriculum size', () => {
	it('has at least 24 modules: 9 usages, 7 cybersécurité, 7 réglementation', () => {
		const byTheme = Object.fromEntries(THEMES.map((t) => [t, modules.filter((m) => m.data.theme === t).length]));
		expect(modules.length).toBeGreaterThanOrEqual(24);
		expect(byTheme.usages).toBeGreaterThanOrEqual(9);
		expect(byTheme.cybersecurite).toBeGreaterThanOrEqual(7);
		expect(byTheme.reglementation).toBeGreaterThanOrEqual(7);
	});
	it('has one track per profile', () => {
		expect(tracks.map((t) => t.data.profile).sort()).toEqual(
			['decideur', 'etudiant', 'infirmier', 'liberal', 'praticien-hospitalier'],
		);
	});
	it('has at least 40 glossary terms', () => {
		expect(glossary.length).toBeGreaterThanOrEqual(40);
	});
});

describe.each(modules.map((m) => [m.id, m] as const))('module %s', (_id, m) => {
	const d = m.data;
	it('lasts 5 to 15 minutes, declared within ±25 % of the estimate', () => {
		// A lesson's time is its steps, checks, case and quiz (lessonTimeOf); otherwise reading + quiz.
		const exact = lessonTimeOf(m)?.total ?? estimateMinutesExact(moduleWordCount(m.body, d), d.quiz.length);
		expect(d.durationMinutes).toBeGreaterThanOrEqual(5);
		expect(d.durationMinutes).toBeLessThanOrEqual(15);
		expect(exact, `estimate ${exact.toFixed(1)} min`).toBeGreaterThanOrEqual(5);
		expect(exact, `estimate ${exact.toFixed(1)} min`).toBeLessThanOrEqual(15);
		expect(Math.abs(d.durationMinutes - exact) / exact, `declared ${d.durationMinutes}, estimate ${exact.toFixed(1)}`).toBeLessThanOrEqual(0.25);
	});
	it('has at least 3 objectives and key points', () => {
		expect(d.objectives.length).toBeGreaterThanOrEqual(3);
		expect(d.keyPoints.length).toBeGreaterThanOrEqual(3);
	});
	it('has a quiz of at least 5 explained questions, and the case is asked (a quiz question or a decision)', () => {
		expect(d.quiz.length).toBeGreaterThanOrEqual(5);
		// In a lesson the learner decides the case among explained options: no need to ask it twice.
		expect(d.quiz.some((q) => q.aboutCase) || (d.case.options?.length ?? 0) >= 3).toBe(true);
		for (const q of d.quiz) expect(q.explanation.length).toBeGreaterThanOrEqual(30);
	});
	it('spreads single-choice keys over positions (no position holds more than half)', () => {
		const singles = d.quiz.filter((q) => q.type === 'single');
		const positions = singles.map((q) => q.choices.findIndex((c) => c.id === q.correct[0]));
		const counts = new Map<number, number>();
		for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
		if (singles.length >= 2) {
			for (const [pos, n] of counts) expect(n, `position ${pos} holds ${n}/${singles.length}`).toBeLessThanOrEqual(singles.length / 2);
		}
	});
	it('cites at least 2 sources with https URLs, one primary from an official or peer-reviewed publisher', () => {
		expect(d.sources.length).toBeGreaterThanOrEqual(2);
		for (const s of d.sources) expect(new URL(s.url).protocol).toBe('https:');
		const primary = d.sources.filter((s) => s.primary);
		expect(primary.length).toBeGreaterThanOrEqual(1);
		expect(primary.some((s) => PRIMARY_HOSTS.includes(new URL(s.url).host)), primary.map((s) => s.url).join(', ')).toBe(true);
	});
	it('names its competences and, for rules, a next-review date', () => {
		expect(d.competences.length).toBeGreaterThanOrEqual(1);
		if (d.theme === 'reglementation') expect(d.nextReview).toBeTruthy();
	});
	it('links only to glossary terms that exist', () => {
		const ids = new Set(glossary.map((g) => g.id));
		for (const t of termLinks(m.body)) expect(ids.has(t), `<Term id="${t}">`).toBe(true);
	});
	it('links only to practice pages that exist', () => {
		for (const [, slug] of m.body.matchAll(/<PracticeLink\s+slug="([^"]*)"/g)) {
			expect(existsSync(`src/pages/pratique/${slug}.astro`), `<PracticeLink slug="${slug}">`).toBe(true);
		}
	});
	it('writes no raw internal links (they would break under a base path)', () => {
		expect(m.body).not.toMatch(/\]\(\/(?!\/)/);
		expect(m.body).not.toMatch(/href=["']\/(?!\/)/);
	});
});

describe('tracks', () => {
	const minutes = new Map(modules.map((m) => [m.id, moduleMinutes(m)]));
	it.each(tracks.map((t) => [t.data.profile, t] as const))('%s has a total duration and a sensible size', (profile, t) => {
		const ids = trackModuleIds(t.data);
		const total = totalMinutes(ids, minutes);
		expect(total).toBeGreaterThan(0);
		if (profile === 'decideur') expect(total, `decideur total ${total} min`).toBeLessThanOrEqual(60);
		else if (profile !== 'etudiant') {
			expect(ids.length).toBeGreaterThanOrEqual(6);
			expect(ids.length).toBeLessThanOrEqual(12);
		}
	});
	it('the decision-maker track covers governance, buying, obligations and risk', () => {
		const t = tracks.find((x) => x.data.profile === 'decideur')!;
		const themes = new Set(trackModuleIds(t.data).map((id) => modules.find((m) => m.id === id)?.data.theme));
		expect([...themes].sort()).toEqual(['cybersecurite', 'reglementation', 'usages']);
	});
	it('the decision-maker track contains or leads to the deployer obligations and the high-risk decision aid', () => {
		const t = tracks.find((x) => x.data.profile === 'decideur')!;
		const reach = [...trackModuleIds(t.data), ...t.data.next.flatMap((n) => (n.module ? [n.module] : []))];
		expect(reach).toContain('obligations-etablissement-deployeur');
		expect(t.data.next.map((n) => n.page)).toContain('pratique/mon-outil-est-il-a-haut-risque/');
	});
	it('the next steps of every track point at a module or a page that exists', () => {
		for (const t of tracks) {
			for (const n of t.data.next) {
				if (n.module) expect(modules.some((m) => m.id === n.module), n.module).toBe(true);
				if (n.page) {
					const stem = `src/pages/${n.page.slice(0, -1)}`;
					expect(existsSync(`${stem}.astro`) || existsSync(`${stem}/index.astro`), n.page).toBe(true);
				}
			}
		}
	});
	it('the student track covers the three themes', () => {
		const t = tracks.find((x) => x.data.profile === 'etudiant')!;
		const themes = new Set(trackModuleIds(t.data).map((id) => modules.find((m) => m.id === id)?.data.theme));
		expect(themes.size).toBe(3);
	});
	it('the nurse track adapts to every setting, each variant staying within 6 to 12 modules', () => {
		const t = tracks.find((x) => x.data.profile === 'infirmier')!;
		for (const s of SETTINGS) {
			const ids = trackModuleIds(t.data, s);
			expect(ids.length).toBeGreaterThanOrEqual(6);
			expect(ids.length).toBeLessThanOrEqual(12);
		}
		expect(new Set(SETTINGS.map((s) => trackModuleIds(t.data, s).join())).size).toBeGreaterThan(1);
	});
});

describe('time that fits a break (issue 14 item 3)', () => {
	const minutes = new Map(modules.map((m) => [m.id, moduleMinutes(m)]));
	const settingsOf = (t: (typeof tracks)[number]) => (t.data.variants.length ? t.data.variants.map((v) => v.setting) : [null]);
	it('prints the time of every module and the total of every track, and holds the limits', () => {
		const rows = modules
			.map((m) => {
				const t = lessonTimeOf(m);
				const parts = t ? `steps ${t.steps.map((s) => s.minutes.toFixed(1)).join(' + ')}, case ${t.case.toFixed(1)}, quiz ${t.quiz.toFixed(1)}` : 'long read';
				return `${String(minutes.get(m.id)).padStart(3)} min  ${m.id.padEnd(38)} ${parts}`;
			})
			.sort();
		const totals = tracks.flatMap((t) => settingsOf(t).map((s) => `${String(totalMinutes(trackModuleIds(t.data, s), minutes)).padStart(4)} min  ${t.data.profile}${s ? ` (${s})` : ''}`));
		console.log(`Module times (src/lib/duration.ts):\n${rows.join('\n')}\nTrack totals:\n${totals.join('\n')}`);
		for (const m of modules) expect(minutes.get(m.id)!, m.id).toBeLessThanOrEqual(15);
		const short = modules.filter((m) => minutes.get(m.id)! <= 8).map((m) => m.id);
		expect(short.length, `modules of 8 min or less: ${short.join(', ')}`).toBeGreaterThanOrEqual(8);
		for (const t of tracks) {
			for (const s of settingsOf(t)) {
				const ids = trackModuleIds(t.data, s);
				expect(ids.some((id) => short.includes(id)), `${t.data.profile} ${s ?? ''} has a module of 8 min or less`).toBe(true);
			}
		}
		const decideur = tracks.find((t) => t.data.profile === 'decideur')!;
		expect(totalMinutes(trackModuleIds(decideur.data), minutes)).toBeLessThanOrEqual(60);
	});
	it('a module of more than 8 minutes has at least 6 quiz questions', () => {
		for (const m of modules) if (minutes.get(m.id)! > 8) expect(m.data.quiz.length, m.id).toBeGreaterThanOrEqual(6);
	});
});

describe('every module is an active lesson with a visual (issue 14 items 1 and 7)', () => {
	it.each(modules.map((m) => [m.id, m] as const))('%s', (_id, m) => {
		expect(m.data.steps?.length ?? 0).toBeGreaterThanOrEqual(4);
		expect(m.data.case.options?.length ?? 0).toBeGreaterThanOrEqual(3);
		// An inline diagram drawn from data: a flow, the shared AI Act timeline, or another visual.
		expect(/<(Flow|AiActTimeline)\b/.test(m.body), 'a <Flow> or <AiActTimeline> in the body').toBe(true);
	});
});

describe('checks and quiz questions are good questions (issue 14 item 8)', () => {
	const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
	const all = modules.flatMap((m) => [...m.data.quiz.map((q) => ({ m: m.id, kind: 'quiz', q })), ...(m.data.steps ?? []).flatMap((s) => (s.check ? [{ m: m.id, kind: `check ${s.id}`, q: s.check }] : []))]);
	it('no prompt is asked twice across the site', () => {
		const seen = new Map<string, string>();
		for (const { m, kind, q } of all) {
			const k = fold(q.prompt);
			expect(seen.has(k), `${m} ${kind} « ${q.prompt} » already asked in ${seen.get(k)}`).toBe(false);
			seen.set(k, `${m} ${kind}`);
		}
	});
	it('every check and question offers 3 or 4 choices (true/false aside) and explains in 30 to 600 characters', () => {
		for (const { m, kind, q } of all) {
			if (q.type !== 'truefalse') expect(q.choices.length, `${m} ${kind}`).toBeGreaterThanOrEqual(3);
			if (q.type !== 'truefalse') expect(q.choices.length, `${m} ${kind}`).toBeLessThanOrEqual(5);
			expect(q.explanation.length, `${m} ${kind}`).toBeGreaterThanOrEqual(30);
			expect(q.explanation.length, `${m} ${kind}`).toBeLessThanOrEqual(600);
		}
	});
	it('no « toutes les réponses » or « aucune de ces réponses » choice', () => {
		for (const { m, kind, q } of all) for (const c of q.choices) expect(/toutes? (les|ces) (réponses|propositions)|aucune (de ces|des) (réponses|propositions)/i.test(c.text), `${m} ${kind}: ${c.text}`).toBe(false);
	});
	it('the right answer is not given away by its length: in each module, it is the longest choice by a third or more in at most half of its single-choice questions', () => {
		for (const mod of modules) {
			const singles = all.filter((x) => x.m === mod.id && x.q.type === 'single');
			const giveaways = singles.filter(({ q }) => {
				const right = q.choices.find((c) => q.correct.includes(c.id))!.text.length;
				const longestWrong = Math.max(...q.choices.filter((c) => !q.correct.includes(c.id)).map((c) => c.text.length));
				return right > longestWrong * 1.33;
			});
			expect(giveaways.length, `${mod.id}: ${giveaways.map((g) => g.kind).join(', ')}`).toBeLessThanOrEqual(Math.floor(singles.length / 2));
		}
	});
	it('the right answers of the checks are spread over positions (no position holds more than two thirds)', () => {
		for (const mod of modules) {
			const checks = all.filter((x) => x.m === mod.id && x.kind.startsWith('check') && x.q.type === 'single');
			if (checks.length < 3) continue;
			const counts = new Map<number, number>();
			for (const { q } of checks) {
				const p = q.choices.findIndex((c) => c.id === q.correct[0]);
				counts.set(p, (counts.get(p) ?? 0) + 1);
			}
			for (const [pos, n] of counts) expect(n, `${mod.id}: position ${pos} holds ${n}/${checks.length}`).toBeLessThanOrEqual(Math.ceil((checks.length * 2) / 3));
		}
	});
});

describe('glossary', () => {
	it('terms and aliases are unique (case and accents folded)', () => {
		const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
		const seen = new Map<string, string>();
		for (const g of glossary) {
			for (const label of [g.data.term, ...g.data.aliases]) {
				const k = fold(label);
				expect(seen.has(k), `« ${label} » (${g.id}) already used by ${seen.get(k)}`).toBe(false);
				seen.set(k, g.id);
			}
		}
	});
	it('every term is tied to at least one module', () => {
		for (const g of glossary) expect(g.data.modules.length, g.id).toBeGreaterThanOrEqual(1);
	});
});

// Choices are shuffled on every attempt and no letters are shown: a prompt, choice or
// explanation that points at "la réponse c" or "la première option" would be false.
const POSITIONAL = /\b(?:r[ée]ponses?|options?|choix|propositions?)\s+\(?[a-e]\)?(?:\s*(?:,|et|ou)\s*\(?[a-e]\)?)*(?=[\s,.;:)]|$)|\b(?:premi[eè]re|deuxi[eè]me|troisi[eè]me|derni[eè]re)\s+(?:r[ée]ponse|option|proposition)s?\b|ci-(?:dessus|dessous)/i;
describe('questions never point at a position or a letter', () => {
	it('catches the patterns it is meant to catch', () => {
		for (const bad of ['Les réponses a, b et d sont justes.', 'La réponse c est fausse.', 'Les choix a, b, c et e en font partie.', 'La première réponse est juste.', 'voir ci-dessus']) expect(POSITIONAL.test(bad), bad).toBe(true);
		for (const ok of ['Trois de ces usages sont utiles.', 'une réponse argumentée', 'le choix du patient']) expect(POSITIONAL.test(ok), ok).toBe(false);
	});
	for (const m of modules) {
		it(m.id, () => {
			const questions = [...m.data.quiz, ...(m.data.steps ?? []).flatMap((s) => (s.check ? [s.check] : []))];
			const texts = questions.flatMap((q) => [q.prompt, q.explanation, ...q.choices.map((c) => c.text)]);
			const caseTexts = [m.data.case.question ?? '', ...(m.data.case.options ?? []).flatMap((o) => [o.text, o.feedback]), m.data.case.debrief];
			expect([...texts, ...caseTexts].filter((t) => POSITIONAL.test(t))).toEqual([]);
		});
	}
});
