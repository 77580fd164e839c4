/**
 * Module page behaviour, loaded as a small module script: records the visit, shows the
 * previous/next links of the learner's own track, and flags the module "under review" when its
 * next-review date has passed since the build.
 */
import { progressClient, localToday, showStoreNotices } from './progress-client';

export function initModulePage(): void {
	const root = document.querySelector<HTMLElement>('[data-module]');
	if (!root) return;
	const base = document.documentElement.dataset.base ?? '/';
	const id = root.dataset.module!;
	const version = Number(root.dataset.version ?? '1');

	const review = document.querySelector<HTMLElement>('[data-next-review]');
	if (review && review.dataset.nextReview! < localToday()) review.hidden = false;

	const store = progressClient(base);
	showStoreNotices(store);
	store.recordVisit(id, version);

	// Show the learner's track first; keep every track visible when none is chosen.
	const { profile, setting } = store.progress.get();
	const navs = [...document.querySelectorAll<HTMLElement>('.track-nav')];
	if (profile) {
		const mine =
			navs.find((n) => n.dataset.profile === profile && (n.dataset.setting ?? '') === (setting ?? '')) ??
			navs.find((n) => n.dataset.profile === profile && !n.dataset.setting);
		if (mine) for (const n of navs) n.hidden = n !== mine;
	}
}
