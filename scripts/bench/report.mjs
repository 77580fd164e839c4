/**
 * Pure helpers of `npm run bench`: budgets, targets, medians and the text tables it prints.
 * No I/O here.
 */

/** Page-weight budgets, the same as tests/e2e/quality.spec.ts (gzip -9 of every response body). */
export const BUDGETS = {
	moduleJs: 31.5 * 1024,
	moduleAll: 100 * 1024,
	staticJs: 10 * 1024,
	/** A lesson page, everything (issue 13 asks 32 KB; held at 34 KB, see quality.spec.ts). */
	lessonAll: 34 * 1024,
};

/** The lesson page weighed with a check, the case and a quiz question (as in quality.spec.ts). */
export const MODULE_PAGE = 'modules/injection-de-prompt/';
/** A module page not yet written as a lesson, weighed with its quiz island. */
export const LEGACY_MODULE_PAGE = 'modules/ia-sante-france/';
/** Pages where nothing interacts but the header (as in quality.spec.ts). */
export const STATIC_PAGES = ['glossaire/', 'a-propos/', 'mentions-legales/', 'accessibilite/', 'parcours/', 'referentiels/'];

/** Lighthouse targets (scores 0–100). A benchmark, not a gate. */
export const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 95 };
export const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Median of numbers (the lower middle for an even count: a real run's value); null if none. */
export function median(values) {
	const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (!v.length) return null;
	return v[Math.floor((v.length - 1) / 2)];
}

/**
 * One row per weighed page: which budgets apply and whether they hold.
 * `w` = { path, js, all } (bytes, gzip); `kind` = 'module' | 'static' | 'info'.
 */
export function checkWeight(w, kind) {
	/** @type {{ name: string, value: number, limit: number, ok: boolean }[]} */
	const checks = [];
	if (kind === 'lesson') {
		checks.push({ name: 'JS', value: w.js, limit: BUDGETS.moduleJs, ok: w.js <= BUDGETS.moduleJs });
		checks.push({ name: 'all', value: w.all, limit: BUDGETS.lessonAll, ok: w.all <= BUDGETS.lessonAll });
	} else if (kind === 'module') {
		checks.push({ name: 'JS', value: w.js, limit: BUDGETS.moduleJs, ok: w.js <= BUDGETS.moduleJs });
		checks.push({ name: 'all', value: w.all, limit: BUDGETS.moduleAll, ok: w.all <= BUDGETS.moduleAll });
	} else if (kind === 'static') {
		checks.push({ name: 'JS', value: w.js, limit: BUDGETS.staticJs, ok: w.js <= BUDGETS.staticJs });
	}
	return { ...w, kind, checks, ok: checks.every((c) => c.ok) };
}

/** Left-aligned first column, right-aligned others. `rows` are arrays of strings. */
export function table(header, rows) {
	const all = [header, ...rows];
	const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
	const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The weights table and whether every budget holds. */
export function weightsReport(rows) {
	const body = rows.map((r) => {
		const js = r.checks.find((c) => c.name === 'JS');
		const all = r.checks.find((c) => c.name === 'all');
		return [
			r.path || '/',
			kb(r.js),
			js ? `≤ ${kb(js.limit)}` : '—',
			kb(r.all),
			all ? `≤ ${kb(all.limit)}` : '—',
			kb(r.html),
			kb(r.css),
			r.checks.length ? (r.ok ? 'ok' : 'OVER BUDGET') : 'info',
		];
	});
	return {
		text: table(['page (gzip -9, SW blocked)', 'JS', 'budget', 'all but images', 'budget', 'HTML', 'CSS', ''], body),
		ok: rows.every((r) => r.ok),
	};
}

/**
 * Scores of one page over several Lighthouse runs (`runs` = lhr-like objects with
 * `categories[id].score` in 0–1) → median 0–100 per category, and whether it meets the target.
 */
export function medianScores(runs) {
	/** @type {Record<string, { median: number | null, all: number[], ok: boolean | null }>} */
	const out = {};
	for (const c of CATEGORIES) {
		const all = runs.map((r) => r.categories?.[c]?.score).filter((s) => typeof s === 'number').map((s) => Math.round(s * 100));
		const m = median(all);
		out[c] = { median: m, all, ok: m === null ? null : m >= TARGETS[c] };
	}
	return out;
}

/**
 * Audits that cost points in a Lighthouse result: scored audits (weight > 0) below 1 in the
 * accessibility, best-practices and SEO categories; weighted metrics below 0.9 in performance.
 */
export function losingAudits(lhr) {
	/** @type {{ category: string, id: string, title: string, score: number, displayValue?: string }[]} */
	const out = [];
	for (const c of CATEGORIES) {
		const cat = lhr.categories?.[c];
		if (!cat) continue;
		for (const ref of cat.auditRefs ?? []) {
			const a = lhr.audits?.[ref.id];
			if (!a || ref.weight <= 0 || typeof a.score !== 'number') continue;
			if (a.score < (c === 'performance' ? 0.9 : 1)) out.push({ category: c, id: ref.id, title: a.title, score: a.score, displayValue: a.displayValue });
		}
	}
	return out;
}

/** Request URLs of a Lighthouse result (its network-requests audit) that leave `origin`. */
export function outsideRequests(lhr, origin) {
	const items = lhr.audits?.['network-requests']?.details?.items ?? [];
	return items.map((i) => i.url).filter((u) => typeof u === 'string' && !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
}

/** Precache URLs listed in a Workbox sw.js (`{url:"…",revision:…}` entries). */
export function precacheUrls(swSource) {
	return [...swSource.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]);
}

/**
 * The CPU slowdown that makes this host model Lighthouse's reference phone, from its benchmark
 * index (the piecewise-linear rule of Lighthouse's CPU throttling calculator: 150 → 1×,
 * 800 → 2×, 1300 → 3×, 1533 → 4×). Never below 1.
 */
export function suggestedCpuMultiplier(index) {
	if (!Number.isFinite(index)) return null;
	let m;
	if (index >= 1300) m = 3 + (index - 1300) / 233;
	else if (index >= 800) m = 2 + (index - 800) / 500;
	else m = 1 + (index - 150) / 650;
	return Math.max(1, Math.round(m * 10) / 10);
}
