#!/usr/bin/env node
/**
 * `npm run check:freshness [-- --date YYYY-MM-DD] [-- --strict]`: lists the modules (and the
 * positioning test) whose next-review date has passed, the ones the site shows as "under
 * review". With --strict it exits 1 when any is overdue, for a scheduled CI job.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';

const args = process.argv.slice(2);
const dateArg = args.includes('--date') ? args[args.indexOf('--date') + 1] : null;
const today = dateArg ?? new Date().toISOString().slice(0, 10);
const strict = args.includes('--strict');
const root = join(process.cwd(), process.env.CONTENT_DIR ?? 'content');
const asDate = (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v) : null);

const files = [];
const walk = (d) => {
	for (const n of readdirSync(d)) {
		const p = join(d, n);
		if (statSync(p).isDirectory()) walk(p);
		else if (n.endsWith('.mdx')) files.push(p);
	}
};
walk(join(root, 'modules'));

const rows = [];
for (const f of files) {
	const m = readFileSync(f, 'utf8').match(/^---\r?\n([\s\S]*?)\r?\n---/);
	const data = m ? yaml.load(m[1]) : {};
	rows.push({ file: relative(process.cwd(), f), id: data.id, title: data.title, reviewed: asDate(data.reviewed), nextReview: asDate(data.nextReview) });
}
const pos = join(root, 'positionnement.yaml');
if (existsSync(pos)) {
	const data = yaml.load(readFileSync(pos, 'utf8')) ?? {};
	rows.push({ file: relative(process.cwd(), pos), id: 'positionnement', title: 'Test de positionnement', reviewed: asDate(data.reviewed), nextReview: asDate(data.nextReview) });
}

const overdue = rows.filter((r) => r.nextReview && r.nextReview < today).sort((a, b) => a.nextReview.localeCompare(b.nextReview));
const soon = rows.filter((r) => r.nextReview && r.nextReview >= today).sort((a, b) => a.nextReview.localeCompare(b.nextReview)).slice(0, 5);
console.log(`Freshness check on ${today}: ${rows.length} items, ${rows.filter((r) => r.nextReview).length} with a next-review date.`);
if (overdue.length === 0) console.log('No module is overdue for review.');
else {
	console.log(`${overdue.length} overdue (shown as "under review" on the site):`);
	for (const r of overdue) console.log(`  ${r.nextReview}  ${r.id}  — ${r.title}  (${r.file}, reviewed ${r.reviewed})`);
}
if (soon.length) {
	console.log('Next reviews due:');
	for (const r of soon) console.log(`  ${r.nextReview}  ${r.id}`);
}
process.exit(strict && overdue.length ? 1 : 0);
