#!/usr/bin/env node
/**
 * `npm run release`: packages the built site for intranet web servers that have no Node, as
 * `release/parcours-ia-sante-<YYYY-MM-DD>[-<base-slug>].zip`:
 *
 *   parcours-ia-sante-2026-11-28-formation-ia/
 *     LISEZMOI.txt                  how to install it (French, for the server's administrator)
 *     site/                         the built site: pages, _astro/, sw.js, manifest, catalog.json,
 *                                   search-index.json, search-text.json, scorm/ when the build made packages
 *     configurations/nginx.conf     deploy/ examples, rewritten for the sub-path the site
 *     configurations/apache.htaccess  was built for
 *
 * Builds first when the output folder is missing, older than the sources, or built for another
 * BASE_PATH than the one asked; `--no-build` packages the folder as it is (with a warning when
 * it looks stale). The base path comes from the built HTML (`<html data-base>`), never from a
 * guess. Options: `--dir <built site>` (default $OUT_DIR or dist), `--out <folder>` (default
 * release), `--no-build`. Must run on Node >= 22.12 to build (npm scripts give the project's
 * Node 24).
 *
 * The pure parts (names, file list, LISEZMOI, configuration rewrite) are exported and
 * unit-tested in tests/unit/release.test.ts; `main()` only runs when this file is executed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';

export const PRODUCT = 'parcours-ia-sante';
/** The sub-path the deploy/ examples are written for. */
export const EXAMPLE_BASE = '/formation-ia/';
/** Files a complete build always has: without them the site or its offline mode is broken. */
export const REQUIRED_FILES = ['index.html', '404.html', 'sw.js', 'manifest.webmanifest', 'catalog.json', 'search-index.json', 'search-text.json'];
/** Sources whose change makes a build stale (relative to the project root). */
export const BUILD_INPUTS = ['src', 'content', 'components', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];
/** The server configurations shipped in the zip: source in deploy/, name in configurations/. */
export const CONFIGS = [
	{ source: 'nginx.conf', kind: 'nginx' },
	{ source: 'apache.htaccess', kind: 'apache' },
];

/** `YYYY-MM-DD` of a date, in the machine's local time zone (the day the admin sees). */
export function releaseDate(date) {
	const pad = (n) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A sub-path made safe for a file name: `/formation-ia/` → `formation-ia`, `/` → ``. */
export function baseSlug(base) {
	return base
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** The zip's name without `.zip` (also its top folder): product, date, then the sub-path if any. */
export function releaseName(date, base) {
	const slug = baseSlug(base);
	return [PRODUCT, releaseDate(date), ...(slug ? [slug] : [])].join('-');
}

/** Normalises a base path as astro.config.mjs does: one leading and one trailing slash. */
export function normaliseBase(base) {
	return ('/' + base.replace(/^\/+/, '')).replace(/\/?$/, '/');
}

/**
 * The base path a page was built for, read from the built HTML: `<html data-base="…">` (set by
 * BaseLayout), else the web manifest link, which every page has. null when neither is there.
 */
export function readBuiltBase(html) {
	const tag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '';
	const dataBase = /\sdata-base="([^"]*)"/i.exec(tag)?.[1];
	if (dataBase) return normaliseBase(dataBase);
	const manifest = /<link\b[^>]*rel="manifest"[^>]*href="([^"]*)manifest\.webmanifest"/i.exec(html)?.[1];
	return manifest && manifest.startsWith('/') ? normaliseBase(manifest) : null;
}

/**
 * Which files of the output folder go into the zip (paths relative to it, `/`-separated):
 * everything the server must serve, but not build leftovers: the precache report, source maps,
 * hidden files, and SCORM source pages should a build leave them (`scorm/source/`, turned into
 * the packages `scorm/*.zip`).
 */
export function selectSiteFiles(paths) {
	return paths
		.filter((p) => {
			const parts = p.split('/');
			if (parts.some((s) => s.startsWith('.'))) return false;
			if (p === 'precache-report.json' || p.endsWith('.map')) return false;
			if (p.startsWith('scorm/source/')) return false;
			return true;
		})
		.sort();
}

/** REQUIRED_FILES missing from a list of built files. */
export function missingRequired(paths) {
	const set = new Set(paths);
	return REQUIRED_FILES.filter((f) => !set.has(f));
}

/** True when the build is older than its newest source, or absent (builtAt null). */
export function isStale(builtAt, newestInput) {
	return builtAt === null || (newestInput !== null && newestInput > builtAt);
}

/** French date `28/11/2026` for LISEZMOI. */
function frenchDate(date) {
	return releaseDate(date).split('-').reverse().join('/');
}

/**
 * LISEZMOI.txt (French, for the administrator of the intranet server). `siteUrl` is the
 * absolute origin the build was made for (from catalog.json), or null when it is the default
 * local one. Lines end with `\n`; the writer converts them for Windows readers.
 */
export function lisezmoi({ name, base, date, siteUrl, scormCount, fileCount }) {
	const root = base === '/';
	const where = siteUrl ? `${siteUrl.replace(/\/+$/, '')}${base}` : null;
	const lines = [
		`Parcours IA Santé : paquet du ${frenchDate(date)} (${name}.zip)`,
		'',
		'Site de formation statique : aucun Node.js, aucune base de données, aucun module serveur',
		'particulier. N\'importe quel serveur web (nginx, Apache, IIS...) peut le servir.',
		'',
		'CONTENU DU PAQUET',
		`- site/ : le site complet (${fileCount} fichiers) : pages HTML, _astro/ (scripts et styles),`,
		'  sw.js (service worker du mode hors connexion), manifest.webmanifest, catalog.json',
		'  (catalogue ouvert), search-index.json et search-text.json (index de recherche et extraits',
		`  des résultats)${scormCount > 0 ? ',' : '.'}`,
		...(scormCount > 0 ? [`  scorm/ (${scormCount} paquets SCORM à importer dans une plateforme LMS).`] : []),
		'- configurations/nginx.conf et configurations/apache.htaccess : exemples de',
		`  configuration, déjà écrits pour le chemin ${base} (types MIME, cache, en-têtes de sécurité,`,
		'  page 404, compression).',
		'- LISEZMOI.txt : ce fichier.',
		'',
		'CHEMIN POUR LEQUEL CE SITE A ÉTÉ CONSTRUIT',
		root ? '  / (racine du serveur)' : `  ${base}`,
		...(where ? [`  Adresse prévue : ${where}`] : []),
		'Le site doit être servi exactement sous ce chemin : tous ses liens en dépendent.',
		root
			? 'Pour le servir sous un sous-chemin (par exemple /formation-ia/), il faut le reconstruire :'
			: 'Pour le servir sous un autre chemin, il faut le reconstruire :',
		'  BASE_PATH=/autre-chemin/ SITE_URL=https://intranet.exemple.fr npm run release',
		'',
		'INSTALLATION SUR LE SERVEUR',
		'1. Copier le zip sur le serveur et le décompresser :',
		`     unzip ${name}.zip`,
		'   (sous Windows : clic droit > Extraire tout).',
		`2. Copier le CONTENU du dossier site/ dans le dossier que le serveur sert à l'adresse ${base},`,
		'   par exemple :',
		'     sudo mkdir -p /var/www/parcours-ia-sante',
		`     sudo cp -r ${name}/site/. /var/www/parcours-ia-sante/`,
		'3. Configurer le serveur web :',
		'   - nginx : copier configurations/nginx.conf dans /etc/nginx/conf.d/ (ou reprendre son bloc',
		'     "map" et ses blocs "location" dans le bloc "server" existant), adapter server_name et',
		'     le dossier (alias), puis : sudo nginx -t && sudo systemctl reload nginx',
		'   - Apache 2.4 : copier configurations/apache.htaccess sous le nom .htaccess dans le dossier',
		'     du site, ajouter la déclaration Alias/Directory indiquée en tête du fichier, activer les',
		'     modules : sudo a2enmod headers setenvif deflate && sudo systemctl reload apache2',
		'   - Autre serveur : reprendre les mêmes règles (voir les commentaires des deux fichiers) :',
		'     fichier index.html par dossier, page 404.html, pas de liste de répertoire,',
		'     manifest.webmanifest en application/manifest+json, sw.js jamais mis en cache,',
		'     _astro/ en cache long (noms de fichiers versionnés).',
		`4. Vérifier : ouvrir ${where ?? `https://<serveur>${base}`} ; la page d'accueil, la recherche`,
		'   et un quiz doivent fonctionner.',
		'',
		'MODE HORS CONNEXION : HTTPS OBLIGATOIRE',
		'Le mode hors connexion repose sur un service worker, que les navigateurs n\'activent que sur',
		'une page sécurisée (HTTPS, ou localhost). En HTTP simple, le site fonctionne entièrement en',
		'ligne (modules, quiz, recherche, progression), seul le hors connexion est absent.',
		'',
		'MISE À JOUR',
		'Remplacer tout le dossier du site par le nouveau site/, sans garder d\'anciens fichiers (un module',
		'retiré ne doit plus être lisible) : décompresser à côté, puis échanger les deux dossiers, par exemple',
		'     sudo mv /var/www/parcours-ia-sante /var/www/parcours-ia-sante.ancien',
		'     sudo cp -r <nouveau paquet>/site /var/www/parcours-ia-sante',
		'Avec le mode hors connexion (HTTPS), les personnes qui ont le site ouvert voient « Une nouvelle',
		'version du site est disponible » et rechargent quand elles le souhaitent ; sans lui, la page',
		'suivante affiche la nouvelle version. La',
		'progression des apprenants, gardée dans leur navigateur, est conservée tant que l\'adresse du',
		'site (nom du serveur et chemin) reste la même.',
		'',
		'CONFIDENTIALITÉ',
		'Le site ne fait aucune requête vers l\'extérieur (ni police, ni CDN, ni mesure d\'audience) et',
		'ne dépose aucun cookie : la progression reste dans le navigateur de chaque apprenant.',
		'',
		'Documentation complète (en anglais) : docs/hosting.md et deploy/README.md dans les sources.',
		'',
	];
	return lines.join('\n');
}

/** Where each configuration goes, said in the header of the rewritten copy. */
function configHeader(kind, base) {
	const root = base === '/';
	const dir = '/var/www/parcours-ia-sante';
	if (kind === 'apache') {
		return [
			'# Copy this file AS ".htaccess" into the site folder, e.g. /var/www/parcours-ia-sante/.htaccess,',
			'# and declare the folder in the virtual host:',
			'#',
			...(root ? [`#     DocumentRoot ${dir}`] : [`#     Alias ${base.replace(/\/$/, '')} ${dir}`]),
			`#     <Directory ${dir}>`,
			'#         AllowOverride FileInfo Indexes Options=Indexes,MultiViews',
			'#         Require all granted',
			'#     </Directory>',
			'#',
			'# Or paste everything below inside that <Directory> block and keep "AllowOverride None".',
			'# Modules: a2enmod headers setenvif deflate (brotli optional) && systemctl reload apache2',
		];
	}
	return [
		'# Goes in http context, e.g. /etc/nginx/conf.d/parcours-ia-sante.conf. If the host already has',
		'# a server block, copy the map next to it and the location blocks into it.',
		'# Check and apply: nginx -t && systemctl reload nginx',
	];
}

/**
 * A deploy/ example rewritten for the base the site was built for: the generic header comment
 * (how to adapt it) is replaced by one for this base; `/formation-ia/` becomes the base; at the
 * root, the directive lines marked "(sub-path only)" go. `kind` = 'nginx' | 'apache'.
 */
export function adaptConfig(text, base, date, kind) {
	const lines = text.split('\n');
	let start = 0;
	while (start < lines.length && lines[start].startsWith('#')) start++;
	const body = lines.slice(start);
	const root = base === '/';
	const kept = root ? body.filter((l) => !(l.includes('(sub-path only)') && !l.trimStart().startsWith('#'))) : body;
	const header = [
		`# Parcours IA Santé: ${kind} configuration written by \`npm run release\` on ${releaseDate(date)}`,
		`# for a site built for BASE_PATH=${base}${root ? ' (the server root)' : ''}. The site folder is assumed to be`,
		'# /var/www/parcours-ia-sante/: change it and the host name to yours (see LISEZMOI.txt).',
		'#',
		...configHeader(kind, base),
	];
	const slashless = base.replace(/\/$/, '');
	const out = kept.map((l) => l.split(EXAMPLE_BASE).join(base).replace(/\/formation-ia(?=[\s;{}"])/g, slashless || '/'));
	return [...header, ...out].join('\n');
}

/** Already-compressed types: stored as they are in the zip. */
const STORED = /\.(png|jpe?g|webp|zip|woff2?|gz|br)$/i;

/**
 * The zip's entries: `{ "<name>/site/…": [bytes, options], … }` for fflate's zipSync. `read`
 * returns a file's bytes from a relative path of the site.
 */
export function zipEntries({ name, siteFiles, read, lisezmoiText, configs, mtime }) {
	/** @type {Record<string, [Uint8Array, { level: 0 | 9, mtime: Date }]>} */
	const entries = {};
	const enc = new TextEncoder();
	entries[`${name}/LISEZMOI.txt`] = [enc.encode(lisezmoiText.replace(/\r?\n/g, '\r\n')), { level: 9, mtime }];
	for (const f of siteFiles) entries[`${name}/site/${f}`] = [read(f), { level: STORED.test(f) ? 0 : 9, mtime }];
	for (const c of configs) entries[`${name}/configurations/${c.name}`] = [enc.encode(c.text), { level: 9, mtime }];
	return entries;
}

// ---------------------------------------------------------------------------------------------
// Side effects below: file system, build, zip.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function listFiles(dir) {
	/** @type {string[]} */
	const out = [];
	const walk = (d) => {
		for (const n of readdirSync(d)) {
			const p = join(d, n);
			if (statSync(p).isDirectory()) walk(p);
			else out.push(relative(dir, p).split(sep).join('/'));
		}
	};
	walk(dir);
	return out;
}

/** Newest modification time (ms) under the given paths, or null. */
function newestMtime(paths) {
	let newest = null;
	const visit = (p) => {
		if (!existsSync(p)) return;
		const s = statSync(p);
		if (s.isDirectory()) {
			for (const n of readdirSync(p)) if (n !== 'node_modules' && !n.startsWith('.')) visit(join(p, n));
		} else if (newest === null || s.mtimeMs > newest) newest = s.mtimeMs;
	};
	for (const p of paths) visit(p);
	return newest;
}

function parseArgs(argv) {
	const opts = { dir: process.env.OUT_DIR || 'dist', out: 'release', build: true };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--dir') opts.dir = argv[++i];
		else if (a === '--out') opts.out = argv[++i];
		else if (a === '--no-build') opts.build = false;
		else if (a === '--help' || a === '-h') {
			console.log('Usage: npm run release [-- --dir <built site>] [--out <folder>] [--no-build]');
			process.exit(0);
		} else throw new Error(`Unknown option: ${a}`);
	}
	return opts;
}

/** The absolute origin a build was made for (catalog.json `url`), null for the local default. */
function builtSiteUrl(dir) {
	try {
		const url = new URL(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')).url);
		return url.hostname === 'localhost' || url.hostname === '127.0.0.1' ? null : url.origin;
	} catch {
		return null;
	}
}

function build(dir, base, siteUrl) {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < 22 || (major === 22 && minor < 12)) {
		throw new Error(`Building needs Node >= 22.12 (this is ${process.version}): run it as "npm run release".`);
	}
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: dir, BASE_PATH: base };
	if (siteUrl && !process.env.SITE_URL) env.SITE_URL = siteUrl;
	console.log(`Building the site into ${dir} for BASE_PATH=${base}${env.SITE_URL ? ` SITE_URL=${env.SITE_URL}` : ''}…`);
	const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
	const r = spawnSync(process.execPath, [astro, 'build'], { cwd: ROOT, env, stdio: 'inherit' });
	if (r.status !== 0) throw new Error('The build failed: nothing was packaged.');
}

export async function main(argv = process.argv.slice(2), now = new Date()) {
	const opts = parseArgs(argv);
	const dir = resolve(ROOT, opts.dir);
	const index = join(dir, 'index.html');
	const builtBase = existsSync(index) ? readBuiltBase(readFileSync(index, 'utf8')) : null;
	const askedBase = process.env.BASE_PATH ? normaliseBase(process.env.BASE_PATH) : null;
	const stale = isStale(existsSync(index) ? statSync(index).mtimeMs : null, newestMtime(BUILD_INPUTS.map((p) => join(ROOT, p))));
	const otherBase = askedBase !== null && builtBase !== null && askedBase !== builtBase;

	if (stale || otherBase || builtBase === null) {
		const why = !existsSync(index) ? 'no build found' : otherBase ? `built for ${builtBase}, asked for ${askedBase}` : builtBase === null ? 'the build has no base path' : 'the sources changed since the build';
		if (!opts.build) {
			if (!existsSync(index)) throw new Error(`No built site in ${dir}: run "npm run build" first (or drop --no-build).`);
			if (builtBase === null) throw new Error(`Cannot read the base path from ${index}.`);
			console.warn(`Warning: packaging the build as it is (${why}).`);
		} else {
			build(dir, askedBase ?? builtBase ?? '/', builtSiteUrl(dir));
		}
	}

	const base = readBuiltBase(readFileSync(index, 'utf8'));
	if (!base) throw new Error(`Cannot read the base path from ${index}.`);
	const all = listFiles(dir);
	const missing = missingRequired(all);
	if (missing.length) throw new Error(`The build in ${dir} is incomplete, missing: ${missing.join(', ')}.`);
	const siteFiles = selectSiteFiles(all);
	const name = releaseName(now, base);
	const text = lisezmoi({
		name,
		base,
		date: now,
		siteUrl: builtSiteUrl(dir),
		scormCount: siteFiles.filter((f) => /^scorm\/[^/]+\.zip$/.test(f)).length,
		fileCount: siteFiles.length,
	});
	const configs = CONFIGS.map((c) => ({ name: c.source, text: adaptConfig(readFileSync(join(ROOT, 'deploy', c.source), 'utf8'), base, now, c.kind) }));
	const entries = zipEntries({ name, siteFiles, read: (f) => readFileSync(join(dir, f)), lisezmoiText: text, configs, mtime: now });
	const zip = zipSync(entries);
	const outDir = resolve(ROOT, opts.out);
	mkdirSync(outDir, { recursive: true });
	const file = join(outDir, `${name}.zip`);
	writeFileSync(file, zip);
	const shown = relative(process.cwd(), file);
	console.log(`${shown.startsWith('..') ? file : shown}  ${(zip.length / 1024 / 1024).toFixed(2)} MB (${zip.length} bytes), ${siteFiles.length} site files, base ${base}`);
	return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((e) => {
		console.error(`release: ${e instanceof Error ? e.message : e}`);
		process.exit(1);
	});
}

