/**
 * The packaging step (Node, run by the `scorm()` integration at `astro:build:done`): bundles the
 * package script, turns each rendered source page (`scorm/source/<id>/index.html`) into a
 * self-contained package page, zips one SCORM 1.2 package per module and per track under
 * `scorm/`, checks each package loads nothing from outside itself, and removes the source
 * pages from the output.
 *
 * Loaded by Node directly (Astro imports astro.config.mjs natively), hence the `.ts` extensions
 * and the erasable-only TypeScript in this file and the modules it imports.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { build as viteBuild, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { buildManifest } from './manifest.ts';
import { extractMain, extractStyles, findOutsideRefs, packagePage, rewriteCssUrls, unwrapRootedLinks } from './page.ts';
import { MASTERY_SCORE, SCORM_DIR, planInputFromCatalog, planPackages, type PackagePlan } from './plan.ts';
import { parseXml } from './xml.ts';

/** Where the source pages are rendered, under SCORM_DIR (removed after packaging). */
export const SOURCE_DIR = 'source';
/** The package script and its stylesheet, inside every package. */
export const SCRIPT_FILE = 'assets/pias-scorm.js';
export const SCRIPT_CSS_FILE = 'assets/pias-scorm.css';
export const FAVICON_FILE = 'favicon.svg';

export interface Logger {
	info(message: string): void;
	warn(message: string): void;
}

export interface BuildScormOptions {
	/** The build output folder (absolute). */
	outDir: string;
	/** The site's base path, ending with '/'. */
	base: string;
	/** The project root (absolute), where src/ and components/ are. */
	root: string;
	logger?: Logger;
	/** Keep `scorm/source/` (debugging). */
	keepSources?: boolean;
	/** A bundle made earlier by `bundleClient` (tests reuse one); built when absent. */
	bundle?: ClientBundle;
}

export interface BuiltPackage {
	plan: PackagePlan;
	/** Path of the zip relative to the output folder. */
	path: string;
	bytes: number;
	files: string[];
}

export interface ClientBundle {
	js: string;
	css: string;
}

/**
 * Bundles src/lib/scorm/client/main.ts (quiz island + bridge + Svelte runtime) into one classic
 * script and one stylesheet: no chunk, no dynamic import, no absolute URL. Imports of the site's
 * progress client are redirected to the package's (memory store, package namespace).
 */
export async function bundleClient(root: string): Promise<ClientBundle> {
	const siteClient = resolve(root, 'src/lib/client/progress-client.ts');
	const packageClient = resolve(root, 'src/lib/scorm/client/lms-progress-client.ts');
	const redirect: Plugin = {
		name: 'pias-scorm-progress-client',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (!importer || !/progress-client(\.ts)?$/.test(source) || importer === packageClient) return null;
			const r = await this.resolve(source, importer, { ...options, skipSelf: true });
			return r && resolve(r.id) === siteClient ? packageClient : null;
		},
	};
	const out = await viteBuild({
		configFile: false,
		root,
		mode: 'production',
		logLevel: 'warn',
		publicDir: false,
		envDir: false,
		plugins: [redirect, svelte({ configFile: false })],
		define: { 'process.env.NODE_ENV': '"production"' },
		build: {
			write: false,
			emptyOutDir: false,
			sourcemap: false,
			minify: true,
			cssCodeSplit: false,
			target: 'es2020',
			lib: { entry: resolve(root, 'src/lib/scorm/client/main.ts'), formats: ['iife'], name: 'PiasScorm', fileName: () => 'pias-scorm.js', cssFileName: 'pias-scorm' },
		},
	});
	const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; fileName: string; code?: string; source?: string | Uint8Array }[] }[];
	let js = '';
	let css = '';
	for (const o of outputs) {
		for (const item of o.output) {
			if (item.type === 'chunk') js += item.code ?? '';
			else if (item.fileName.endsWith('.css')) css += typeof item.source === 'string' ? item.source : new TextDecoder().decode(item.source);
			else throw new Error(`Unexpected file in the package script bundle: ${item.fileName}`);
		}
	}
	if (!js) throw new Error('The package script bundle is empty');
	if (/localStorage/.test(js)) throw new Error('The package script reaches localStorage: the progress client redirect did not apply');
	return { js, css };
}

const hash8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

interface RenderedPage {
	/** Page HTML with `assets/` URLs. */
	html: string;
	/** Stylesheet path inside the package → text. */
	stylesheets: Map<string, string>;
	/** Other files the stylesheets need (path inside the package → bytes). */
	extra: Map<string, Uint8Array>;
}

/** Builds the package page of one module from its rendered source page. */
export function renderPackagePage(opts: { outDir: string; base: string; moduleId: string; title: string }): RenderedPage {
	const pageUrl = `${opts.base}${SCORM_DIR}/${SOURCE_DIR}/${opts.moduleId}/`;
	const file = join(opts.outDir, SCORM_DIR, SOURCE_DIR, opts.moduleId, 'index.html');
	if (!existsSync(file)) throw new Error(`SCORM: source page missing for module "${opts.moduleId}" (${file})`);
	const source = readFileSync(file, 'utf8');
	const main = extractMain(source);
	const extra = new Map<string, Uint8Array>();
	const toDist = (url: string, from: string): string => {
		const abs = new URL(url, `http://site${from}`);
		if (abs.host !== 'site' || !abs.pathname.startsWith(opts.base)) throw new Error(`SCORM: cannot package ${url} (outside the site)`);
		return decodeURIComponent(abs.pathname.slice(opts.base.length));
	};
	const css = extractStyles(source)
		.map((s) => {
			const fromPath = s.kind === 'link' ? toDist(s.value, pageUrl) : null;
			const text = fromPath ? readFileSync(join(opts.outDir, fromPath), 'utf8') : s.value;
			const cssUrl = fromPath ? `${opts.base}${fromPath}` : pageUrl;
			return rewriteCssUrls(text, (u) => {
				const rel = toDist(u, cssUrl);
				const name = `${hash8(rel)}-${basename(rel)}`;
				extra.set(`assets/${name}`, readFileSync(join(opts.outDir, rel)));
				return name;
			});
		})
		.join('\n');
	const cssFile = `assets/page-${hash8(css)}.css`;
	const html = packagePage({
		title: opts.title,
		mainAttrs: main.attrs,
		body: unwrapRootedLinks(main.inner),
		stylesheets: [cssFile, SCRIPT_CSS_FILE],
		scripts: [SCRIPT_FILE],
		favicon: FAVICON_FILE,
	});
	return { html, stylesheets: new Map([[cssFile, css]]), extra };
}

/** Zips one package; returns the zip bytes and its file list (manifest last). */
export function assemblePackage(opts: {
	plan: PackagePlan;
	pages: Map<string, RenderedPage>;
	titles: Map<string, string>;
	bundle: ClientBundle;
	favicon: Uint8Array;
	mtime: Date;
}): { zip: Uint8Array; files: string[]; texts: { path: string; text: string }[] } {
	const { plan } = opts;
	const files = new Map<string, Uint8Array>();
	const texts: { path: string; text: string }[] = [];
	const addText = (path: string, text: string) => {
		files.set(path, strToU8(text));
		texts.push({ path, text });
	};
	for (const id of plan.modules) {
		const page = opts.pages.get(id);
		if (!page) throw new Error(`SCORM: no page for module "${id}"`);
		addText(plan.pages[id], page.html);
		for (const [p, css] of page.stylesheets) if (!files.has(p)) addText(p, css);
		for (const [p, bytes] of page.extra) files.set(p, bytes);
	}
	addText(SCRIPT_FILE, opts.bundle.js);
	addText(SCRIPT_CSS_FILE, opts.bundle.css);
	files.set(FAVICON_FILE, opts.favicon);
	texts.push({ path: FAVICON_FILE, text: new TextDecoder().decode(opts.favicon) });
	const pagesSet = new Set(Object.values(plan.pages));
	const shared = [...files.keys()].filter((f) => !pagesSet.has(f));
	const manifest = buildManifest({
		identifier: plan.identifier,
		title: plan.title,
		items: plan.modules.map((id) => ({ id, title: opts.titles.get(id) ?? id, href: plan.pages[id], masteryScore: MASTERY_SCORE })),
		sharedFiles: shared,
	});
	parseXml(manifest); // throws if not well-formed
	const problems = findOutsideRefs(texts);
	if (problems.length > 0) {
		throw new Error(`SCORM: ${plan.file} would load from outside the package:\n${problems.map((p) => `  ${p.file} ${p.where}: ${p.value}`).join('\n')}`);
	}
	files.set('imsmanifest.xml', strToU8(manifest));
	const zippable: Zippable = {};
	// The manifest first: some LMSs peek at the start of the archive.
	for (const path of ['imsmanifest.xml', ...[...files.keys()].filter((f) => f !== 'imsmanifest.xml').sort()]) {
		zippable[path] = [files.get(path)!, { level: 9, mtime: opts.mtime }];
	}
	return { zip: zipSync(zippable), files: Object.keys(zippable), texts };
}

/** The whole packaging step. */
export async function buildScormPackages(opts: BuildScormOptions): Promise<BuiltPackage[]> {
	const log = opts.logger ?? { info: console.log, warn: console.warn };
	const catalogFile = join(opts.outDir, 'catalog.json');
	if (!existsSync(catalogFile)) throw new Error(`SCORM: ${catalogFile} not found (the catalogue is the packaging's input)`);
	const catalog = JSON.parse(readFileSync(catalogFile, 'utf8'));
	const input = planInputFromCatalog(catalog);
	const plans = planPackages(input);
	const titles = new Map(input.modules.map((m) => [m.id, m.title]));
	const bundle = opts.bundle ?? (await bundleClient(opts.root));
	const faviconFile = join(opts.outDir, FAVICON_FILE);
	const favicon = existsSync(faviconFile) ? readFileSync(faviconFile) : strToU8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
	const pages = new Map<string, RenderedPage>();
	for (const m of input.modules) pages.set(m.id, renderPackagePage({ outDir: opts.outDir, base: opts.base, moduleId: m.id, title: m.title }));
	const generated = typeof catalog.generated === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(catalog.generated) ? catalog.generated : '2026-01-01';
	const mtime = new Date(`${generated}T12:00:00Z`);
	const dir = join(opts.outDir, SCORM_DIR);
	mkdirSync(dir, { recursive: true });
	const built: BuiltPackage[] = [];
	for (const plan of plans) {
		const { zip, files } = assemblePackage({ plan, pages, titles, bundle, favicon, mtime });
		writeFileSync(join(dir, plan.file), zip);
		built.push({ plan, path: `${SCORM_DIR}/${plan.file}`, bytes: zip.byteLength, files });
	}
	if (!opts.keepSources) rmSync(join(dir, SOURCE_DIR), { recursive: true, force: true });
	const total = built.reduce((n, b) => n + b.bytes, 0);
	log.info(`SCORM 1.2: ${built.length} packages in ${SCORM_DIR}/ (${(total / 1024).toFixed(0)} KiB; script ${(bundle.js.length / 1024).toFixed(1)} KiB)`);
	return built;
}
