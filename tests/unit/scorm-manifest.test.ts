import { describe, expect, it } from 'vitest';
import { buildManifest, escapeXml, isPackagePath, NS_ADLCP, NS_IMSCP } from '../../src/lib/scorm/manifest';
import { findAll, parseXml, XmlError } from '../../src/lib/scorm/xml';

const track = {
	identifier: 'pias-parcours-infirmier',
	title: 'Parcours infirmier·e — « soins » & <IA>',
	items: [
		{ id: 'comprendre-ia', title: "Comprendre l'IA", href: 'comprendre-ia.html', masteryScore: 80 },
		{ id: 'rgpd-donnees-sante', title: 'RGPD', href: 'rgpd-donnees-sante.html', masteryScore: 80 },
	],
	sharedFiles: ['assets/pias-scorm.js', 'favicon.svg', 'assets/page-1.css', 'assets/pias-scorm.js'],
};

describe('buildManifest', () => {
	const xml = buildManifest(track);
	const root = parseXml(xml);

	it('is well-formed XML with the SCORM 1.2 namespaces and metadata', () => {
		expect(root.name).toBe('manifest');
		expect(root.attrs).toMatchObject({ identifier: 'pias-parcours-infirmier', xmlns: NS_IMSCP, 'xmlns:adlcp': NS_ADLCP });
		expect(findAll(root, 'schema')[0].text).toBe('ADL SCORM');
		expect(findAll(root, 'schemaversion')[0].text).toBe('1.2');
	});

	it('has one default organization with the items in order, each with mastery score 80', () => {
		const orgs = findAll(root, 'organization');
		expect(orgs).toHaveLength(1);
		expect(findAll(root, 'organizations')[0].attrs.default).toBe(orgs[0].attrs.identifier);
		expect(orgs[0].children[0]).toMatchObject({ name: 'title', text: 'Parcours infirmier·e — « soins » & <IA>' });
		const items = findAll(orgs[0], 'item');
		expect(items.map((i) => i.attrs.identifierref)).toEqual(['res-comprendre-ia', 'res-rgpd-donnees-sante']);
		expect(items.map((i) => findAll(i, 'adlcp:masteryscore')[0].text)).toEqual(['80', '80']);
		expect(findAll(items[0], 'title')[0].text).toBe("Comprendre l'IA");
	});

	it('has one SCO resource per item, listing its page and every shared file once', () => {
		const resources = findAll(root, 'resource');
		expect(resources.map((r) => [r.attrs.identifier, r.attrs.type, r.attrs['adlcp:scormtype'], r.attrs.href])).toEqual([
			['res-comprendre-ia', 'webcontent', 'sco', 'comprendre-ia.html'],
			['res-rgpd-donnees-sante', 'webcontent', 'sco', 'rgpd-donnees-sante.html'],
		]);
		expect(findAll(resources[0], 'file').map((f) => f.attrs.href)).toEqual(['comprendre-ia.html', 'assets/page-1.css', 'assets/pias-scorm.js', 'favicon.svg']);
		// Every item resource points to an existing resource identifier.
		const ids = new Set(resources.map((r) => r.attrs.identifier));
		for (const it of findAll(root, 'item')) expect(ids.has(it.attrs.identifierref)).toBe(true);
	});

	const invalid: { name: string; input: Parameters<typeof buildManifest>[0] }[] = [
		// An identifier must be an XML NCName.
		{ name: 'identifier with a space', input: { ...track, identifier: 'pias parcours' } },
		{ name: 'identifier starting with a digit', input: { ...track, identifier: '1-pias' } },
		{ name: 'no item', input: { ...track, items: [] } },
		{ name: 'the same module twice', input: { ...track, items: [track.items[0], track.items[0]] } },
		// Paths must stay inside the package.
		{ name: 'rooted launch path', input: { ...track, items: [{ ...track.items[0], href: '/index.html' }] } },
		{ name: 'outside launch path', input: { ...track, items: [{ ...track.items[0], href: 'https://example.org/x.html' }] } },
		{ name: 'parent folder in a file', input: { ...track, sharedFiles: ['../secret.txt'] } },
		{ name: 'mastery score above 100', input: { ...track, items: [{ ...track.items[0], masteryScore: 120 }] } },
	];
	for (const c of invalid) {
		it(`refuses: ${c.name}`, () => {
			expect(() => buildManifest(c.input)).toThrow();
		});
	}

	it('escapes the five XML characters', () => {
		expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
	});

	it('isPackagePath', () => {
		expect(['index.html', 'assets/a.css', 'a-b_c.1.js'].every(isPackagePath)).toBe(true);
		expect(['', '/a', './a', 'a//b', 'a/../b', 'http:x', 'C:\\a', 'a\\b'].some(isPackagePath)).toBe(false);
	});
});

describe('parseXml (well-formedness)', () => {
	it('reads elements, attributes, entities and text', () => {
		const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a x='1' y="&lt;&#233;&#x41;">t&amp;<b/><c>u</c></a>\n`);
		expect(root).toEqual({ name: 'a', attrs: { x: '1', y: '<éA' }, text: 't&', children: [{ name: 'b', attrs: {}, children: [], text: '' }, { name: 'c', attrs: {}, children: [], text: 'u' }] });
	});

	const bad: { name: string; xml: string }[] = [
		{ name: 'unclosed element', xml: '<a><b></a>' },
		{ name: 'mismatched close', xml: '<a></b>' },
		{ name: 'two roots', xml: '<a/><b/>' },
		{ name: 'text after the root', xml: '<a/>x' },
		{ name: 'unquoted attribute', xml: '<a x=1/>' },
		{ name: 'repeated attribute', xml: '<a x="1" x="2"/>' },
		{ name: 'bare ampersand', xml: '<a>R&D</a>' },
		{ name: 'unknown entity', xml: '<a>&nbsp;</a>' },
		{ name: '< in an attribute', xml: '<a x="<"/>' },
		{ name: 'no root', xml: '<?xml version="1.0"?>' },
		{ name: 'attributes without space', xml: '<a x="1"y="2"/>' },
		{ name: 'doctype (unsupported)', xml: '<!DOCTYPE a><a/>' },
		{ name: 'declaration not first', xml: ' <?xml version="1.0"?><a/>' },
	];
	for (const c of bad) {
		it(`rejects: ${c.name}`, () => {
			expect(() => parseXml(c.xml)).toThrow(XmlError);
		});
	}
});
