/**
 * One glossary definition as a tiny JSON file (`glossaire/<id>.json`), fetched by a lesson page
 * only when the learner opens a word's definition in place: the page itself carries no
 * definitions (page weight), and the service worker precaches these files for offline use.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { curriculum } from '../../lib/content';

export const prerender = true;

export const getStaticPaths: GetStaticPaths = async () => {
	const c = await curriculum();
	return c.glossary.map((g) => ({ params: { id: g.id }, props: { term: g.data.term, definition: g.data.definition } }));
};

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify({ term: props.term, definition: props.definition }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
