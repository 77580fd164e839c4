import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Issue 16, item 12: the page CSP must close every channel to another origin, not only scripts
 * and styles. A real server on another port (another origin) counts what reaches it while the
 * page tries fetch, sendBeacon, an image, a prefetch, an iframe and a WebSocket.
 */
test.describe('content security policy', () => {
	let server: http.Server;
	let other = '';
	const hits: string[] = [];
	test.beforeAll(async () => {
		server = http.createServer((req, res) => {
			hits.push(`${req.method} ${req.url}`);
			res.setHeader('access-control-allow-origin', '*');
			res.end('leak');
		});
		server.on('upgrade', (req, socket) => {
			hits.push(`WS ${req.url}`);
			socket.destroy();
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		other = `127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

	for (const path of ['progression/', 'modules/comprendre-ia/', 'recherche/', 'pratique/puis-je-coller/']) {
		test(`${path}: fetch, beacon, image, prefetch, iframe and WebSocket to another origin are blocked`, async ({ page, request }) => {
			// Control: the other origin is reachable from outside the page.
			hits.length = 0;
			expect((await request.get(`http://${other}/control`)).ok()).toBe(true);
			expect(hits).toEqual(['GET /control']);
			hits.length = 0;

			await page.goto(`./${path}`);
			const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
			for (const d of ["default-src 'self'", "connect-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
				expect(csp, d).toContain(d);
			}
			const blocked = await page.evaluate(async (o) => {
				const seen: string[] = [];
				document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
				const tries: Record<string, () => unknown> = {
					fetch: () => fetch(`http://${o}/fetch`, { mode: 'no-cors' }).catch(() => 'refused'),
					beacon: () => navigator.sendBeacon(`http://${o}/beacon`, 'x'),
					img: () => { const i = new Image(); i.src = `http://${o}/img.png`; document.body.append(i); },
					prefetch: () => { const l = document.createElement('link'); l.rel = 'prefetch'; l.href = `http://${o}/prefetch`; document.head.append(l); },
					iframe: () => { const f = document.createElement('iframe'); f.src = `http://${o}/frame`; document.body.append(f); },
					websocket: () => { try { new WebSocket(`ws://${o}/ws`); } catch { /* blocked synchronously */ } },
					object: () => { const ob = document.createElement('object'); ob.data = `http://${o}/object`; document.body.append(ob); },
				};
				for (const t of Object.values(tries)) { try { await t(); } catch { /* blocked */ } }
				await new Promise((r) => setTimeout(r, 1500));
				return seen;
			}, other);
			await page.waitForTimeout(500);
			expect(hits, 'requests that reached the other origin').toEqual([]);
			// Each channel was refused by the policy (not merely failed on the network).
			for (const d of ['connect-src', 'img-src', 'frame-src', 'object-src']) expect(blocked, d).toContain(d);
			expect(blocked.length).toBeGreaterThanOrEqual(6);
		});
	}
});
