import { describe, expect, it } from 'vitest';
import { parseSearchUrl, resultHref, searchHash, searchHref } from '../../src/lib/search/url';

describe('search URL (query kept after #)', () => {
	it('writes the query, theme and profile after #, never in a query string', () => {
		const href = searchHref('/formation-ia/recherche/', { q: ' Mme Dupont diabète ', theme: 'usages', profile: 'infirmier' });
		expect(href).toBe('/formation-ia/recherche/#q=Mme+Dupont+diab%C3%A8te&theme=usages&profil=infirmier');
		expect(href).not.toContain('?');
		expect(searchHref('/recherche/?q=old', { q: '' })).toBe('/recherche/');
		expect(searchHash({})).toBe('');
	});
	it('reads back what it wrote, with accents, spaces and lunr syntax', () => {
		for (const q of ['rançongiciel', 'AI Act', 'AI:Act', 'rgpd~2', '+-*^', '"""', 'a&b=c#d']) {
			const { state, legacy } = parseSearchUrl('', searchHash({ q }));
			expect(state.q).toBe(q);
			expect(legacy).toBe(false);
		}
	});
	it('accepts old ?q= links and flags them to be moved', () => {
		const r = parseSearchUrl('?q=donn%C3%A9es&theme=cybersecurite', '');
		expect(r.state).toEqual({ q: 'données', theme: 'cybersecurite', profile: '' });
		expect(r.legacy).toBe(true);
	});
	it('prefers the fragment when both are present', () => {
		expect(parseSearchUrl('?q=old', '#q=new').state.q).toBe('new');
		expect(parseSearchUrl('', '').state).toEqual({ q: '', theme: '', profile: '' });
	});
	it('links a result to its lesson step, its module or its glossary entry, under any base path', () => {
		for (const base of ['/', '/formation-ia/']) {
			const where = { moduleBase: `${base}modules/`, glossaryUrl: `${base}glossaire/` };
			expect(resultHref({ kind: 'module', id: 'injection-de-prompt', step: { id: 'directe-indirecte' } }, where)).toBe(
				`${base}modules/injection-de-prompt/#etape-directe-indirecte`,
			);
			expect(resultHref({ kind: 'module', id: 'rgpd-donnees-sante' }, where)).toBe(`${base}modules/rgpd-donnees-sante/`);
			expect(resultHref({ kind: 'term', id: 'llm' }, where)).toBe(`${base}glossaire/#llm`);
		}
	});
});
