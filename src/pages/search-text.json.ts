/**
 * The plain texts the search page cuts its excerpts from (see src/lib/search/types.ts). Fetched
 * with search-index.json on the first search; results show as soon as the index is there.
 */
import type { APIRoute } from 'astro';
import { searchPayloads } from '../lib/search/payloads';

export const prerender = true;

export const GET: APIRoute = async () =>
	new Response(JSON.stringify((await searchPayloads()).texts), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
