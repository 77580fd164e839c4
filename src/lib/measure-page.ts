/**
 * Build-time props of the measured-learning islands (issue 17): both forms, the modules and
 * tracks they link to, the themes. Used by /bilan/, /bilan/rappel/, /progression/ and the pages
 * that show the offers. Never import this file from an island (it loads YAML and zod).
 */
import rawA from '../../content/positionnement.yaml?raw';
import rawB from '../../content/positionnement-b.yaml?raw';
import { t } from '../i18n';
import { ContentError, type Curriculum } from './content';
import { trackModuleIds } from './catalog';
import { loadForms, FormsError, type Forms } from './measure-content';
import { routes, withBase } from './paths';
import { THEMES } from './taxonomy';

export function measureForms(c: Curriculum): Forms {
	try {
		return loadForms(rawA, rawB, new Map(c.modules.map((m) => [m.id, m.data.theme])));
	} catch (e) {
		if (e instanceof FormsError) throw new ContentError(e.message);
		throw e;
	}
}

export function measureThemes() {
	return THEMES.map((th) => ({ id: th, label: t(`theme.${th}` as 'theme.usages'), short: t(`theme.${th}.short` as 'theme.usages.short') }));
}

/** Each track's module ids, and those of its nurse-setting variants. */
export function measureTracks(c: Curriculum, base: string) {
	return Object.fromEntries(
		c.tracks.map((tr) => [
			tr.data.profile,
			{
				title: tr.data.title,
				url: withBase(base, routes.track(tr.data.profile)),
				ids: trackModuleIds(tr.data),
				variants: Object.fromEntries(tr.data.variants.map((v) => [v.setting, trackModuleIds(tr.data, v.setting)])),
			},
		]),
	);
}

/** Every module a form question or a track links to. */
export function measureModules(c: Curriculum, base: string, forms: Forms) {
	const tracks = measureTracks(c, base);
	const used = new Set([...forms.a.questions, ...forms.b.questions].flatMap((q) => q.modules));
	for (const tr of Object.values(tracks)) for (const id of [tr.ids, ...Object.values(tr.variants)].flat()) used.add(id);
	return Object.fromEntries(
		c.modules
			.filter((m) => used.has(m.id))
			.map((m) => [m.id, { title: m.data.title, minutes: c.minutes.get(m.id)!, theme: m.data.theme, url: withBase(base, routes.module(m.id)) }]),
	);
}

export const measureUrls = (base: string) => ({
	end: withBase(base, routes.endReview),
	retention: withBase(base, routes.retention),
	tracks: withBase(base, routes.tracks),
	review: withBase(base, routes.review),
	progress: withBase(base, routes.progress),
});
