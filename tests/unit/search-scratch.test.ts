import { it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { moduleMinutes } from '../../src/lib/catalog';
import { buildSearchIndex } from '../../src/lib/search/build-index';
import { createSearcher } from '../../src/lib/search/query';
import { loadContent } from './content-load';

it('scratch', () => {
	const { modules, glossary, schemaErrors } = loadContent();
	console.log('errors', schemaErrors.length, 'modules', modules.length, 'terms', glossary.length);
	let t = performance.now();
	const data = buildSearchIndex({ modules, glossary, minutes: new Map(modules.map((m) => [m.id, moduleMinutes(m)])) });
	console.log('build ms', performance.now() - t);
	const json = JSON.stringify(data);
	const idxJson = JSON.stringify(data.index);
	console.log('raw', json.length, 'gzip', gzipSync(json).length, 'index raw', idxJson.length, 'gz', gzipSync(idxJson).length, 'docs gz', gzipSync(JSON.stringify(data.docs)).length);
	t = performance.now();
	const s = createSearcher(JSON.parse(json));
	console.log('load ms', performance.now() - t);
	const qs = (process.env.QS ?? 'rançongiciel|reglementation|halucination|AI Act|securite|hopital|hallucinations|infirmières|rançongicel|cybersécurté|ransomware|GDPR|LLM|shadow AI|données de santé patient|grand modèle de langage').split('|');
	for (const q of qs) {
		t = performance.now();
		const r = s.search(q, { limit: 5 });
		const ms = performance.now() - t;
		console.log(`\n## ${q} (${ms.toFixed(2)} ms)`);
		for (const x of r) console.log(`  ${x.score.toFixed(2)} ${x.kind} ${x.id} | ${x.snippet.map((g) => (g.hit ? `[${g.text}]` : g.text)).join('').slice(0, 160)}`);
		if (!r.length) console.log('  suggest:', s.suggest(q));
	}
});
import { plainBody } from '../../src/lib/search/build-index';
it('sizes', () => {
	const { modules } = loadContent();
	const lens = modules.map((m) => plainBody(m.body).length + m.data.summary.length + m.data.keyPoints.join(' ').length + m.data.case.situation.length + m.data.case.debrief.length).sort((a, b) => a - b);
	console.log('text lens', lens.join(','), 'total', lens.reduce((a, b) => a + b, 0));
});
