import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freePorts } from '../../scripts/free-port.mjs';

describe('free ports for the end-to-end servers (npm start may hold 4321)', () => {
	it('returns distinct ports that can be listened on, never one already taken', async () => {
		const held = createServer();
		await new Promise<void>((r) => held.listen(0, '127.0.0.1', () => r()));
		const taken = (held.address() as { port: number }).port;
		const ports: number[] = await freePorts(2);
		expect(ports).toHaveLength(2);
		expect(new Set(ports).size).toBe(2);
		expect(ports).not.toContain(taken);
		for (const p of ports) {
			const s = createServer();
			await new Promise<void>((resolve, reject) => s.once('error', reject).listen(p, '127.0.0.1', () => resolve()));
			await new Promise((r) => s.close(r));
		}
		await new Promise((r) => held.close(r));
	});

	it('the Playwright config takes its ports from there, not from a fixed 4321', () => {
		const config = readFileSync('playwright.config.ts', 'utf8');
		expect(config).toContain("scripts/free-port.mjs");
		expect(config).not.toMatch(/\?\?\s*4321/);
	});
});
