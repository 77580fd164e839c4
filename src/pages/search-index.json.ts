/**
 * The prebuilt French search index, built from the same collections as the pages. Fetched by
 * the search page only when the learner searches (never on first load of other pages), with its
 * excerpt texts (search-text.json), which the results do not wait for.
 */
import type { APIRoute } from 'astro';
import { searchPayloads } from '../lib/search/payloads';

export const prerender = true;

export const GET: APIRoute = async () =>
	new Response(JSON.stringify((await searchPayloads()).index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
