/**
 * The prebuilt French search index, built from the same collections as the pages. Fetched by
 * the search page only when the learner searches (never on first load of other pages).
 */
import type { APIRoute } from 'astro';
import { curriculum } from '../lib/content';
import { buildSearchIndex } from '../lib/search/build-index';

export const prerender = true;

export const GET: APIRoute = async () => {
	const c = await curriculum();
	const index = buildSearchIndex({ modules: c.modules, glossary: c.glossary, minutes: c.minutes });
	return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
