import { describe, expect, it } from 'vitest';
import { parseSearchUrl, searchHash, searchHref } from '../../src/lib/search/url';

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
});
