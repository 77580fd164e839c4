// @vitest-environment jsdom
/**
 * Home page badge (`initDueBadge`) in a DOM: it syncs the latest quiz misses into the review
 * (due the next day, so hidden today), shows the count and a link to /revisions/ when cards are
 * due, counts without syncing when the index is missing, and does nothing without its element.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const INDEX = { 'shadow-ia': { version: 2, questions: ['q1', 'q2', 'q3'] } };
const PROGRESS_KEY = 'pias:/:progress:v2';
const REVIEW_KEY = 'pias:/:review:v1';

function mountBadge(index: unknown = INDEX) {
	document.documentElement.dataset.base = '/';
	const attr = index === null ? '' : ` data-review-index='${JSON.stringify(index)}'`;
	document.body.innerHTML = `<p data-review-due${attr} hidden></p>`;
	return document.querySelector<HTMLElement>('[data-review-due]')!;
}

async function init() {
	// progress-client keeps one store per page: a fresh module graph is a fresh page.
	vi.resetModules();
	const { initDueBadge } = await import('../../src/lib/review/due-badge');
	initDueBadge();
}

const progressWith = (missed: string[]) => ({
	v: 2,
	profile: null,
	setting: null,
	modules: { 'shadow-ia': { status: 'started', best: 33, attempts: 1, lastVisit: '2026-11-28', version: 2, missed } },
});
const card = (questionId: string, due: string) => ({ moduleId: 'shadow-ia', questionId, box: 1, due, version: 2, added: '2026-11-20' });

beforeEach(() => {
	localStorage.clear();
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date(2026, 10, 28, 10, 0));
});
afterEach(() => {
	vi.useRealTimers();
	document.body.innerHTML = '';
});

describe('initDueBadge', () => {
	it('turns today’s quiz misses into cards due tomorrow and stays hidden today', async () => {
		localStorage.setItem(PROGRESS_KEY, JSON.stringify(progressWith(['q1', 'q2'])));
		const el = mountBadge();
		await init();
		const stored = JSON.parse(localStorage.getItem(REVIEW_KEY)!);
		expect(stored.cards.map((c: { questionId: string; due: string }) => [c.questionId, c.due])).toEqual([
			['q1', '2026-11-29'],
			['q2', '2026-11-29'],
		]);
		expect(el.hidden).toBe(true);
	});

	it('shows the count and a link to the review when cards are due', async () => {
		localStorage.setItem(REVIEW_KEY, JSON.stringify({ v: 1, cards: [card('q1', '2026-11-27'), card('q2', '2026-11-28'), card('q3', '2026-12-01')], synced: {}, retired: 0 }));
		const el = mountBadge();
		await init();
		expect(el.hidden).toBe(false);
		expect(el.textContent).toBe('Questions à revoir aujourd’hui : 2. Faire ma révision (5 minutes)');
		expect(el.querySelector('a')?.getAttribute('href')).toBe('/revisions/');
		// Text only: nothing from storage is parsed as HTML.
		expect(el.querySelectorAll('*')).toHaveLength(2);
	});

	it('drops cards of questions the content no longer has before counting', async () => {
		localStorage.setItem(REVIEW_KEY, JSON.stringify({ v: 1, cards: [card('q1', '2026-11-27'), card('q9', '2026-11-27')], synced: {}, retired: 0 }));
		const el = mountBadge();
		await init();
		expect(el.textContent).toContain('Questions à revoir aujourd’hui : 1.');
	});

	it('counts the stored cards without syncing when the index is missing', async () => {
		localStorage.setItem(PROGRESS_KEY, JSON.stringify(progressWith(['q1'])));
		localStorage.setItem(REVIEW_KEY, JSON.stringify({ v: 1, cards: [card('q9', '2026-11-27')], synced: {}, retired: 0 }));
		const el = mountBadge(null);
		await init();
		expect(el.textContent).toContain('Questions à revoir aujourd’hui : 1.');
		expect(JSON.parse(localStorage.getItem(REVIEW_KEY)!).synced).toEqual({});
	});

	it('does nothing on a page without the element', async () => {
		document.body.innerHTML = '<p>Accueil</p>';
		await init();
		expect(localStorage.getItem(REVIEW_KEY)).toBeNull();
	});
});
