#!/usr/bin/env node
/**
 * Prints free TCP ports on 127.0.0.1 (`node scripts/free-port.mjs 2` → two lines), chosen by the
 * system. The end-to-end tests serve the site on such ports so that they never collide with
 * `npm start` (4321) or with anyone else's server on the machine.
 */
import { createServer } from 'node:net';

export async function freePorts(count = 1) {
	const servers = [];
	const ports = [];
	// Keep each listening until all are picked, so the same port is never returned twice.
	for (let i = 0; i < count; i++) {
		const s = createServer();
		await new Promise((resolve, reject) => s.once('error', reject).listen(0, '127.0.0.1', resolve));
		servers.push(s);
		ports.push(s.address().port);
	}
	await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
	return ports;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	for (const p of await freePorts(Number(process.argv[2] ?? 1))) console.log(p);
}
