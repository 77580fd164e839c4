/**
 * Build-level tests: run the real `astro build` on broken copies of the real content folder and
 * check that the failure names the file and the field, so an author can fix it without help.
 * The unbroken content is built by `npm test` itself (and a control build of a minimal fixture
 * runs here), so the failures come from the breakage.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CONTENT = join(process.cwd(), 'content');
const MODULE = 'modules/usages/comprendre-ia.mdx';
const made: string[] = [];

function build(mutate: (dir: string) => void): { status: number; output: string } {
	const dir = mkdtempSync(join(tmpdir(), 'pias-content-'));
	made.push(dir);
	cpSync(CONTENT, dir, { recursive: true });
	mutate(dir);
	const r = spawnSync('npx', ['astro', 'build'], {
		encoding: 'utf8',
		env: { ...process.env, CONTENT_DIR: dir, OUT_DIR: join(dir, 'dist'), ASTRO_CACHE_DIR: join(dir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
		timeout: 240_000,
	});
	return { status: r.status ?? 1, output: `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

function edit(file: string, fn: (s: string) => string) {
	writeFileSync(file, fn(readFileSync(file, 'utf8')));
}

afterAll(() => {
	for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('astro build on content fixtures', () => {
	it('names the file and the fields for a question without a right answer, an unknown profile and theme', () => {
		const r = build((dir) =>
			// The first quiz question's key (a lesson's step checks come before the quiz in the file).
			edit(join(dir, MODULE), (s) =>
				s.replace(/(\nquiz:\n[\s\S]*?\n\s+)correct: \[[^\]]*\]/, '$1correct: []').replace(/^profiles: \[/m, 'profiles: [chirurgien, ').replace(/^theme: usages/m, 'theme: robotique'),
			),
		);
		expect(r.status).not.toBe(0);
		expect(r.output).toContain(MODULE);
		expect(r.output).toMatch(/quiz\.0\.correct/);
		expect(r.output).toMatch(/profiles\.0/);
		expect(r.output).toMatch(/theme/);
	}, 240_000);

	it('names the track file and position of a missing module, and a missing prerequisite', () => {
		const r = build((dir) => {
			edit(join(dir, 'tracks/infirmier.yaml'), (s) => s.replace(/^modules:\s*\n/m, 'modules:\n  - module-fantome\n').replace(/^modules: \[/m, 'modules: [module-fantome, '));
			edit(join(dir, MODULE), (s) => s.replace(/^prerequisites: \[\]/m, 'prerequisites: [module-absent]'));
		});
		expect(r.status).not.toBe(0);
		expect(r.output).toMatch(/tracks\/infirmier\.yaml → modules\[0\] : le module « module-fantome » n'existe pas/);
		expect(r.output).toMatch(/comprendre-ia\.mdx → prerequisites\[0\] : le module « module-absent » n'existe pas/);
	}, 240_000);

	it('refuses two modules with the same slug and names both files', () => {
		const r = build((dir) => cpSync(join(dir, MODULE), join(dir, 'modules/usages/copie.mdx')));
		expect(r.status).not.toBe(0);
		expect(r.output).toContain('« comprendre-ia »');
		expect(r.output).toContain('copie.mdx');
		expect(r.output).toContain('comprendre-ia.mdx');
	}, 240_000);
});
