/**
 * URL helpers that keep every link under the configured base path. `base` always ends with '/'
 * (astro.config.mjs normalises BASE_PATH).
 */

/** Joins the base path and a site-relative path: withBase('/foo/', 'modules/x/') → '/foo/modules/x/'. */
export function withBase(base: string, path = ''): string {
	const b = base.endsWith('/') ? base : `${base}/`;
	return b + path.replace(/^\/+/, '');
}

/** Absolute URL of a page for QR codes and the catalogue: origin + base + path. */
export function absoluteUrl(site: string, base: string, path = ''): string {
	return new URL(withBase(base, path), site.endsWith('/') ? site : `${site}/`).href;
}

export const routes = {
	home: '',
	tracks: 'parcours/',
	track: (profile: string) => `parcours/${profile}/`,
	module: (id: string) => `modules/${id}/`,
	moduleEssentials: (id: string) => `modules/${id}/essentiel/`,
	theme: (theme: string) => `themes/${theme}/`,
	glossary: 'glossaire/',
	term: (id: string) => `glossaire/#${id}`,
	/** One definition as JSON, fetched when a word's definition opens in place. */
	termData: (id: string) => `glossaire/${id}.json`,
	search: 'recherche/',
	progress: 'progression/',
	about: 'a-propos/',
	legal: 'mentions-legales/',
	accessibility: 'accessibilite/',
	frameworks: 'referentiels/',
	positioning: 'positionnement/',
	endReview: 'bilan/',
	retention: 'bilan/rappel/',
	attestation: 'attestation/',
	catalog: 'catalog.json',
	practice: 'pratique/',
	simulation: (slug: string) => `pratique/${slug}/`,
	review: 'revisions/',
	huddle: 'animation/',
	huddleSheet: (id: string) => `animation/${id}/`,
	reflexCards: 'animation/fiches-reflexes/',
	trainers: 'formateurs/',
	survey: 'etat-des-lieux/',
	teamSurvey: 'formateurs/etat-des-lieux/',
	changes: 'ce-qui-a-change/',
	method: 'methode/',
} as const;
