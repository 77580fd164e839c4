/**
 * The pure parts of `npm run release` (scripts/release.mjs): the zip's name from the date and
 * the base path, the base read back from the built HTML, which built files are shipped, the
 * LISEZMOI text and the server configurations rewritten for the base.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
	adaptConfig,
	baseSlug,
	isStale,
	lisezmoi,
	missingRequired,
	readBuiltBase,
	releaseDate,
	releaseName,
	selectSiteFiles,
	zipEntries,
} from '../../scripts/release.mjs';

// Local dates: the name uses the day the administrator sees on the machine.
const DAY = new Date(2026, 10, 28, 9, 30);

describe('releaseName', () => {
	it.each([
		// The site root: no suffix.
		['/', 'parcours-ia-sante-2026-11-28'],
		// The usual intranet sub-path.
		['/formation-ia/', 'parcours-ia-sante-2026-11-28-formation-ia'],
		// Nested sub-path: one slug, slashes become hyphens.
		['/intranet/formation-ia/', 'parcours-ia-sante-2026-11-28-intranet-formation-ia'],
		// Accents, capitals, spaces and dots are folded to a safe file name.
		['/Équipe Soins/v2.1/', 'parcours-ia-sante-2026-11-28-equipe-soins-v2-1'],
	])('base %s → %s', (base, name) => {
		expect(releaseName(DAY, base)).toBe(name);
	});

	it.each([
		// Single-digit month and day are zero-padded.
		[new Date(2027, 0, 5), '2027-01-05'],
		// Late in the evening stays on the same local day (no UTC shift).
		[new Date(2026, 11, 31, 23, 59), '2026-12-31'],
	])('date %s → %s', (date, text) => {
		expect(releaseDate(date)).toBe(text);
	});

	it('a base made only of symbols gives no suffix rather than a dangling hyphen', () => {
		expect(baseSlug('/---/')).toBe('');
		expect(releaseName(DAY, '/---/')).toBe('parcours-ia-sante-2026-11-28');
	});
});

describe('readBuiltBase', () => {
	it.each([
		// What BaseLayout writes.
		['<!DOCTYPE html><html lang="fr" dir="ltr" data-base="/formation-ia/" data-x><head>', '/formation-ia/'],
		// Root build.
		['<html lang="fr" data-base="/"><head>', '/'],
		// A base without its trailing slash is normalised.
		['<html data-base="/formation-ia">', '/formation-ia/'],
		// No data-base: the manifest link, which every page has, tells the base.
		['<html lang="fr"><head><link rel="manifest" href="/a/b/manifest.webmanifest"></head>', '/a/b/'],
		// data-base on another element than <html> does not count.
		['<html lang="fr"><body><div data-base="/x/"></div>', null],
		// Nothing to read.
		['<p>hello</p>', null],
	])('%s → %s', (html, base) => {
		expect(readBuiltBase(html)).toBe(base);
	});
});

describe('selectSiteFiles', () => {
	it('ships the pages, assets, service worker, catalogue, index and SCORM packages, sorted', () => {
		const built = [
			'index.html',
			'404.html',
			'sw.js',
			'manifest.webmanifest',
			'catalog.json',
			'search-index.json',
			'search-text.json',
			'_astro/Quiz.a1b2c3.js',
			'_astro/Quiz.a1b2c3.js.map', // source map: not for the server
			'modules/comprendre-ia/index.html',
			'icons/icon-192.png',
			'scorm/comprendre-ia.zip',
			'scorm/source/comprendre-ia/index.html', // build intermediate of the packages
			'precache-report.json', // build report
			'.DS_Store', // hidden file
			'modules/.hidden/index.html', // anything under a hidden folder
		];
		expect(selectSiteFiles(built)).toEqual([
			'404.html',
			'_astro/Quiz.a1b2c3.js',
			'catalog.json',
			'icons/icon-192.png',
			'index.html',
			'manifest.webmanifest',
			'modules/comprendre-ia/index.html',
			'scorm/comprendre-ia.zip',
			'search-index.json',
			'search-text.json',
			'sw.js',
		]);
	});

	it.each([
		// A complete build.
		[['index.html', '404.html', 'sw.js', 'manifest.webmanifest', 'catalog.json', 'search-index.json', 'search-text.json'], []],
		// A build without the service worker integration, or a dev folder.
		[['index.html', '404.html', 'catalog.json'], ['sw.js', 'manifest.webmanifest', 'search-index.json', 'search-text.json']],
	])('missing required files of %j: %j', (files, missing) => {
		expect(missingRequired(files)).toEqual(missing);
	});
});

describe('isStale', () => {
	it.each([
		// No build at all.
		[null, 100, true],
		// A source changed after the build.
		[100, 200, true],
		// Build newer than every source.
		[200, 100, false],
		// No source found (packaged from elsewhere): the build is taken as it is.
		[200, null, false],
	])('built %s, newest source %s → %s', (built, newest, stale) => {
		expect(isStale(built, newest)).toBe(stale);
	});
});

describe('lisezmoi', () => {
	const sub = lisezmoi({ name: 'parcours-ia-sante-2026-11-28-formation-ia', base: '/formation-ia/', date: DAY, siteUrl: 'https://intranet.chu.test', scormCount: 27, fileCount: 150 });
	const root = lisezmoi({ name: 'parcours-ia-sante-2026-11-28', base: '/', date: DAY, siteUrl: null, scormCount: 0, fileCount: 120 });

	it.each([
		// Sub-path and full address the build was made for.
		['/formation-ia/', true],
		['Adresse prévue : https://intranet.chu.test/formation-ia/', true],
		// How to unzip, on Linux and Windows.
		['unzip parcours-ia-sante-2026-11-28-formation-ia.zip', true],
		['Extraire tout', true],
		// Where to copy the site.
		['parcours-ia-sante-2026-11-28-formation-ia/site/.', true],
		// Offline mode needs HTTPS; plain HTTP works online.
		['HTTPS OBLIGATOIRE', true],
		['En HTTP simple, le site fonctionne entièrement en', true],
		// Where the server configurations are.
		['configurations/nginx.conf', true],
		['configurations/apache.htaccess', true],
		// SCORM packages are mentioned when there are some.
		['27 paquets SCORM', true],
		// The date in French order.
		['28/11/2026', true],
	])('sub-path build mentions %j: %s', (text, present) => {
		expect(sub.includes(text)).toBe(present);
	});

	it.each([
		// The root is said plainly.
		['/ (racine du serveur)', true],
		// No address when the build used the local default SITE_URL.
		['Adresse prévue', false],
		// No SCORM line without packages.
		['SCORM', false],
		// A reader of a root build learns how to get a sub-path build.
		['BASE_PATH=/autre-chemin/', true],
	])('root build mentions %j: %s', (text, present) => {
		expect(root.includes(text)).toBe(present);
	});

	it('is plain text a Windows editor shows well once converted (no tabs, short lines)', () => {
		for (const line of sub.split('\n')) {
			expect(line).not.toContain('\t');
			expect(line.length, line).toBeLessThanOrEqual(110);
		}
	});
});

describe('adaptConfig', () => {
	const nginx = readFileSync(join(process.cwd(), 'deploy/nginx.conf'), 'utf8');
	const apache = readFileSync(join(process.cwd(), 'deploy/apache.htaccess'), 'utf8');
	const directives = (text: string) => text.split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'));

	it('keeps the directives as they are for the example sub-path, with a header saying so', () => {
		const out = adaptConfig(nginx, '/formation-ia/', DAY, 'nginx');
		expect(directives(out)).toEqual(directives(nginx));
		expect(out).toMatch(/^# Parcours IA Santé: nginx configuration written by `npm run release` on 2026-11-28/);
		expect(out).toContain('BASE_PATH=/formation-ia/');
	});

	it('rewrites every location, redirect and error page for another sub-path', () => {
		const out = adaptConfig(nginx, '/intranet/ia/', DAY, 'nginx');
		expect(out).not.toContain('formation-ia');
		expect(out).toContain('location = /intranet/ia { return 301 /intranet/ia/; }');
		expect(out).toContain('location /intranet/ia/ {');
		expect(out).toContain('error_page 403 404 =404 /intranet/ia/404.html;');
		// The rest is untouched.
		expect(directives(out).length).toBe(directives(nginx).length);
	});

	it('at the root, drops the sub-path redirect and serves from /', () => {
		const out = adaptConfig(nginx, '/', DAY, 'nginx');
		expect(out).not.toContain('formation-ia');
		expect(out).not.toContain('location = ');
		expect(out).toContain('location / {');
		expect(out).toContain('error_page 403 404 =404 /404.html;');
		expect(directives(out).length).toBe(directives(nginx).length - 1);
	});

	it.each([
		// Example sub-path: an Alias in the virtual host.
		['/formation-ia/', 'ErrorDocument 404 /formation-ia/404.html', '#     Alias /formation-ia /var/www/parcours-ia-sante'],
		// Another sub-path.
		['/ia/', 'ErrorDocument 404 /ia/404.html', '#     Alias /ia /var/www/parcours-ia-sante'],
		// Root: a DocumentRoot instead.
		['/', 'ErrorDocument 404 /404.html', '#     DocumentRoot /var/www/parcours-ia-sante'],
	])('apache for %s: %s, virtual host %s', (base, line, vhost) => {
		const out = adaptConfig(apache, base, DAY, 'apache');
		expect(out).toContain(line);
		expect(out).toContain(vhost);
		expect(out).toContain('AllowOverride FileInfo Indexes Options=Indexes,MultiViews');
		expect(directives(out).length).toBe(directives(apache).length);
	});
});

describe('zipEntries', () => {
	it('puts everything under one top folder, LISEZMOI with Windows line ends, PNGs stored', () => {
		const entries = zipEntries({
			name: 'p',
			siteFiles: ['index.html', 'icons/i.png'],
			read: (f: string) => new TextEncoder().encode(`<${f}>`),
			lisezmoiText: 'a\nb\n',
			configs: [{ name: 'nginx.conf', text: 'server {}' }],
			mtime: DAY,
		});
		expect(Object.keys(entries).sort()).toEqual(['p/LISEZMOI.txt', 'p/configurations/nginx.conf', 'p/site/icons/i.png', 'p/site/index.html']);
		expect(entries['p/site/icons/i.png'][1].level).toBe(0);
		expect(entries['p/site/index.html'][1].level).toBe(9);
		// Round trip through a real zip.
		const back = unzipSync(zipSync(entries));
		expect(new TextDecoder().decode(back['p/LISEZMOI.txt'])).toBe('a\r\nb\r\n');
		expect(new TextDecoder().decode(back['p/site/index.html'])).toBe('<index.html>');
	});
});
