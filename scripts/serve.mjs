#!/usr/bin/env node
/**
 * A small static file server for the built site, used by the end-to-end tests and handy to try
 * a build under a sub-path: `node scripts/serve.mjs --dir dist-base --base /formation-ia/ --port 4322`.
 * It behaves like a plain intranet web server: directory index, 404.html for unknown paths,
 * correct MIME types, and the service worker never cached.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const args = Object.fromEntries(
	process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const dir = resolve(args.dir ?? 'dist');
const base = ('/' + (args.base ?? '/').replace(/^\/+/, '')).replace(/\/?$/, '/');
const port = Number(args.port ?? 4321);
const host = args.host ?? '127.0.0.1';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.zip': 'application/zip',
	'.woff2': 'font/woff2',
};

function send(res, status, file) {
	const type = TYPES[extname(file)] ?? 'application/octet-stream';
	const headers = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
	if (file.endsWith('sw.js')) headers['Cache-Control'] = 'no-cache';
	res.writeHead(status, headers);
	createReadStream(file).pipe(res);
}

createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://x');
	let path = decodeURIComponent(url.pathname);
	if (!path.startsWith(base)) {
		if (path === base.slice(0, -1)) { res.writeHead(301, { Location: base }); return res.end(); }
		res.writeHead(404, { 'Content-Type': 'text/plain' });
		return res.end('Not found');
	}
	const rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
	let file = join(dir, rel);
	if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
	if (existsSync(file) && statSync(file).isDirectory()) {
		if (!path.endsWith('/')) { res.writeHead(301, { Location: `${path}/${url.search}` }); return res.end(); }
		file = join(file, 'index.html');
	} else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
	if (existsSync(file) && statSync(file).isFile()) return send(res, 200, file);
	const notFound = join(dir, '404.html');
	if (existsSync(notFound)) return send(res, 404, notFound);
	res.writeHead(404);
	res.end();
}).listen(port, host, () => console.log(`Serving ${dir} at http://${host}:${port}${base}`));
