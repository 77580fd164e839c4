/** Marks each module card with the learner's status (read only, no writes). */
import { progressClient, showStoreNotices } from './progress-client';
import { lessonSection } from '../lesson/section';
import { getLesson, lessonSummary, summaryLabel } from '../lesson/state';
import type { ProgressStore } from '../progress/store';

/** Where the learner is in a lesson, from a card's `data-steps`: « étape 3 sur 5 », or null. */
export function lessonPlace(store: ProgressStore, moduleId: string, steps: string | undefined): string | null {
	if (!steps) return null;
	const entry = getLesson(lessonSection(store).get(), moduleId);
	if (!entry || (entry.far === 0 && Object.keys(entry.checks).length === 0)) return null;
	return summaryLabel(lessonSummary(entry, { steps: steps.split(' ') }));
}

const LABELS = { completed: 'Terminé', started: 'Commencé' } as const;

export function initStatusBadges(): void {
	const base = document.documentElement.dataset.base ?? '/';
	const store = progressClient(base);
	showStoreNotices(store);
	// Registered before any subscriber runs: registering emits, and a paint that registered it
	// from inside that emit would register it twice.
	const lessons = lessonSection(store);
	const paint = () => {
		for (const card of document.querySelectorAll<HTMLElement>('[data-module-id]')) {
			const el = card.querySelector<HTMLElement>('[data-status]');
			if (!el) continue;
			const entry = store.moduleEntry(card.dataset.moduleId!);
			const state = entry?.status;
			el.hidden = !state;
			el.dataset.state = state ?? '';
			const place = state === 'completed' ? null : lessonPlace(store, card.dataset.moduleId!, card.dataset.steps);
			const best = entry && entry.attempts > 0 ? entry.best : null;
			if (place) {
				el.hidden = false;
				el.dataset.state = 'started';
				el.textContent = `En cours (${place})${best !== null ? `, meilleur score ${best} %` : ''}`;
			} else {
				el.textContent = state ? `${LABELS[state]}${best !== null ? ` (${best} %)` : ''}` : '';
			}
		}
	};
	store.subscribe(paint);
	lessons.subscribe(paint);
}
