/** Marks each module card with the learner's status (read only, no writes). */
import { progressClient, showStoreNotices } from './progress-client';

const LABELS = { completed: 'Terminé', started: 'Commencé' } as const;

export function initStatusBadges(): void {
	const base = document.documentElement.dataset.base ?? '/';
	const store = progressClient(base);
	showStoreNotices(store);
	const paint = () => {
		for (const card of document.querySelectorAll<HTMLElement>('[data-module-id]')) {
			const el = card.querySelector<HTMLElement>('[data-status]');
			if (!el) continue;
			const entry = store.moduleEntry(card.dataset.moduleId!);
			const state = entry?.status;
			el.hidden = !state;
			el.dataset.state = state ?? '';
			el.textContent = state ? `${LABELS[state]}${entry && entry.attempts > 0 ? ` (${entry.best} %)` : ''}` : '';
		}
	};
	store.subscribe(paint);
}
