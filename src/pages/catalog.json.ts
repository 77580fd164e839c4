/**
 * The public open-data catalogue for trainers and LMS integrators. Fields are documented in the
 * README ("catalog.json"). Bump schemaVersion on any incompatible change.
 */
import type { APIRoute } from 'astro';
import { curriculum, trackMinutes } from '../lib/content';
import { lessonTimeOf, trackModuleIds } from '../lib/catalog';
import { stepAnchor } from '../lib/lesson/steps';
import { absoluteUrl, routes } from '../lib/paths';

export const prerender = true;

/**
 * Lesson fields (schemaVersion 2): `format` says whether the module is an active lesson; `steps`
 * lists its steps in order, with the anchor of each on the module page and its minutes (prose
 * and check), and `caseMinutes` / `quizMinutes` the rest of `durationMinutes`.
 */
function lessonFields(m: Parameters<typeof lessonTimeOf>[0]) {
	const t = lessonTimeOf(m);
	if (!t || !m.data.steps) return { format: 'reading' as const, steps: [], caseMinutes: null, quizMinutes: null };
	const titles = new Map(m.data.steps.map((s) => [s.id, s.title]));
	return {
		format: 'lesson' as const,
		steps: t.steps.map((s) => ({ id: s.id, title: titles.get(s.id) ?? s.id, anchor: stepAnchor(s.id), minutes: Math.round(s.minutes * 10) / 10 })),
		caseMinutes: Math.round(t.case * 10) / 10,
		quizMinutes: Math.round(t.quiz * 10) / 10,
	};
}

export const GET: APIRoute = async () => {
	const c = await curriculum();
	const base = import.meta.env.BASE_URL;
	// Absolute URLs only when the build knows the public origin (SITE_URL). Otherwise the URLs are
	// relative to this file's own address (it sits at the site's root, under the base path), so a
	// copied dist/ never advertises a build machine's localhost: resolve them against the URL you
	// fetched catalog.json from.
	const origin = process.env.SITE_URL;
	const abs = (p: string) => (origin ? absoluteUrl(origin, base, p) : p || './');
	const body = {
		schemaVersion: 2,
		name: 'Parcours IA Santé',
		language: 'fr',
		generated: new Date().toISOString().slice(0, 10),
		url: abs(''),
		license: { code: 'EUPL-1.2', content: 'CC-BY-4.0' },
		modules: c.modules.map((m) => ({
			slug: m.id,
			url: abs(routes.module(m.id)),
			title: m.data.title,
			summary: m.data.summary,
			theme: m.data.theme,
			profiles: m.data.profiles,
			settings: m.data.settings,
			level: m.data.level,
			durationMinutes: c.minutes.get(m.id),
			objectives: m.data.objectives,
			prerequisites: m.data.prerequisites,
			competences: m.data.competences,
			sources: m.data.sources,
			reviewed: m.data.reviewed,
			nextReview: m.data.nextReview ?? null,
			version: m.data.version,
			quizQuestionCount: m.data.quiz.length,
			...lessonFields(m),
		})),
		tracks: c.tracks.map((tr) => {
			const ids = trackModuleIds(tr.data);
			return {
				profile: tr.data.profile,
				url: abs(routes.track(tr.data.profile)),
				title: tr.data.title,
				audience: tr.data.audience,
				goal: tr.data.goal,
				modules: ids,
				durationMinutes: trackMinutes(c, ids),
				variants: tr.data.variants.map((v) => {
					const vids = trackModuleIds(tr.data, v.setting);
					return { setting: v.setting, modules: vids, durationMinutes: trackMinutes(c, vids) };
				}),
			};
		}),
	};
	return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
