/**
 * Home page badge: "Questions à revoir aujourd'hui : N. Faire ma révision". Fills the element
 * `[data-review-due]` (kept hidden while nothing is due). Its `data-review-index` attribute
 * (`reviewIndex` JSON, written at build) lets it first turn the latest quiz misses into review
 * cards, as the review page does; without it the badge only counts the cards already there.
 * Text only, never HTML.
 */
import { localToday, progressClient } from '../client/progress-client';
import { fill } from '../client/fill';
import { routes } from '../paths';
import { parseContentIndex } from './content';
import { reviewLabels } from './labels';
import { dueCount } from './schedule';
import { reviewSection, syncReview } from './section';

export function initDueBadge(): void {
	const el = document.querySelector<HTMLElement>('[data-review-due]');
	if (!el) return;
	const base = document.documentElement.dataset.base ?? '/';
	const store = progressClient(base);
	const section = reviewSection(store);
	const index = parseContentIndex(el.dataset.reviewIndex);

	const link = document.createElement('a');
	link.href = `${base}${routes.review}`;
	link.textContent = reviewLabels.badgeLink;
	const text = document.createElement('span');
	el.replaceChildren(text, ' ', link);

	const paint = () => {
		const n = dueCount(section.get(), localToday());
		text.textContent = fill(reviewLabels.badge, { count: n });
		el.hidden = n === 0;
	};
	// Sync now, and again when another tab changes the progress (a quiz just failed there).
	if (index) store.progress.subscribe(() => syncReview(store, index, localToday()));
	section.subscribe(paint);
}
