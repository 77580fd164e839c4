// @vitest-environment jsdom
/**
 * Build-time QR codes: well-formed SVG (parsed as XML), inert (no script, link or external
 * reference), accessible (role and label naming the URL), the expected viewBox for the URL's
 * size, and refusal of anything that is not an http(s) URL.
 */
import { describe, expect, it } from 'vitest';
import { isInertSvg, qrSize, qrSvg } from '../../src/lib/qr';

const URLS = [
	// A module at the root of the default build.
	'http://localhost:4321/modules/incident-ia-reagir-signaler/',
	// A hospital intranet under a sub-path.
	'https://formation.ch-exemple.fr/formation-ia/modules/shadow-ia-fuites-donnees/',
	// A URL with characters that must be escaped in the label.
	'https://exemple.fr/modules/x/?a=1&b="2"',
];

/** Parses as XML (not HTML): a stray '&' or an unclosed tag gives a <parsererror>. */
function parseSvg(svg: string): Document {
	return new DOMParser().parseFromString(svg, 'image/svg+xml');
}

describe('qrSvg', () => {
	for (const url of URLS) {
		it(`draws a well-formed, inert, labelled SVG for ${url}`, async () => {
			const svg = await qrSvg(url);
			const doc = parseSvg(svg);
			expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
			const root = doc.documentElement;
			expect(root.tagName).toBe('svg');
			expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
			expect(root.getAttribute('role')).toBe('img');
			expect(root.getAttribute('aria-label')).toBe(`Code QR vers ${url}`);
			const size = qrSize(url);
			expect(size).toBeGreaterThanOrEqual(21 + 4);
			expect(root.getAttribute('viewBox')).toBe(`0 0 ${size} ${size}`);
			expect(svg).not.toMatch(/<script/i);
			expect(svg).not.toMatch(/href|url\(/i);
			expect([...root.querySelectorAll('*')].every((el) => el.tagName === 'path')).toBe(true);
		});
	}

	it('takes a custom label', async () => {
		const svg = await qrSvg('https://exemple.fr/', 'Ouvrir le module');
		expect(svg).toContain('aria-label="Ouvrir le module"');
	});

	const refused = [
		// Not a URL at all.
		'modules/x/',
		// A script URL must never be encoded onto a printed sheet.
		'javascript:alert(1)',
		// Other schemes are not web pages.
		'ftp://exemple.fr/x',
		'data:text/html,hi',
	];
	for (const url of refused) {
		it(`refuses ${url}`, async () => {
			await expect(qrSvg(url)).rejects.toThrow(TypeError);
		});
	}
});

describe('isInertSvg', () => {
	const cases: Array<{ svg: string; inert: boolean }> = [
		// What qrcode draws: paths only.
		{ svg: '<svg viewBox="0 0 1 1"><path d="M0 0h1"/></svg>', inert: true },
		// A script element.
		{ svg: '<svg><script>alert(1)</script></svg>', inert: false },
		// An event handler attribute.
		{ svg: '<svg onload="alert(1)"></svg>', inert: false },
		// A link or an external image.
		{ svg: '<svg><a href="https://x"><path/></a></svg>', inert: false },
		{ svg: '<svg><image xlink:href="https://x/p.png"/></svg>', inert: false },
		// A CSS reference to another resource.
		{ svg: '<svg><path style="fill:url(https://x/#a)"/></svg>', inert: false },
	];
	for (const c of cases) {
		it(`${c.inert ? 'accepts' : 'rejects'} ${c.svg}`, () => {
			expect(isInertSvg(c.svg)).toBe(c.inert);
		});
	}
});
