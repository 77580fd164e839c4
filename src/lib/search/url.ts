/**
 * Where the search query lives in the URL. A query may contain a patient's name or clinical
 * words, so it is kept after `#` (the fragment never reaches the server, its logs or a proxy),
 * not in `?q=` (issue 16, item 10). Old `?q=` links still work: the page reads them once and
 * moves them into the fragment.
 */
import { stepAnchor } from '../lesson/steps';

export interface SearchState { q: string; theme: string; profile: string }

const KEYS = { q: 'q', theme: 'theme', profile: 'profil' } as const;

function read(params: URLSearchParams): SearchState {
	return { q: params.get(KEYS.q) ?? '', theme: params.get(KEYS.theme) ?? '', profile: params.get(KEYS.profile) ?? '' };
}

/** The state from a URL's search and hash parts; the fragment wins over a legacy query string. */
export function parseSearchUrl(search: string, hash: string): { state: SearchState; legacy: boolean } {
	const fromHash = read(new URLSearchParams(hash.replace(/^#/, '')));
	const fromQuery = read(new URLSearchParams(search.replace(/^\?/, '')));
	const legacy = Boolean(fromQuery.q || fromQuery.theme || fromQuery.profile);
	const hasHash = Boolean(fromHash.q || fromHash.theme || fromHash.profile);
	return { state: hasHash ? fromHash : fromQuery, legacy };
}

/** The fragment (with its `#`, or '' when empty) that carries a search state. */
export function searchHash(state: Partial<SearchState>): string {
	const p = new URLSearchParams();
	const q = (state.q ?? '').trim();
	if (q) p.set(KEYS.q, q);
	if (state.theme) p.set(KEYS.theme, state.theme);
	if (state.profile) p.set(KEYS.profile, state.profile);
	const s = p.toString();
	return s ? `#${s}` : '';
}

/** The URL of the results page for a state: path, no query string, state after `#`. */
export function searchHref(action: string, state: Partial<SearchState>): string {
	return action.replace(/[?#].*$/, '') + searchHash(state);
}

/**
 * Where a result leads: a glossary term's entry, a lesson step's anchor when the result matched
 * a step (`#etape-<id>`), else the module page. `moduleBase` and `glossaryUrl` carry the base path.
 */
export function resultHref(
	r: { kind: 'module' | 'term'; id: string; step?: { id: string } },
	where: { moduleBase: string; glossaryUrl: string },
): string {
	if (r.kind === 'term') return `${where.glossaryUrl}#${encodeURIComponent(r.id)}`;
	const page = `${where.moduleBase}${r.id}/`;
	return r.step ? `${page}#${stepAnchor(r.step.id)}` : page;
}
