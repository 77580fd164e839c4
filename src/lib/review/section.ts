/**
 * The `review` section of the progress store (key `pias:<ns>:review:v1`, shape in
 * `schedule.ts`), and the sync that turns the quiz misses recorded in the progress state into
 * review cards. No DOM: the store (and its storage) is passed in.
 */
import type { ProgressStore, Section } from '../progress/store';
import { parseReview, REVIEW_VERSION, syncFromProgress, type ContentIndex, type ReviewState } from './schedule';

// Section names are unique per store: a page that both shows the badge and runs a session
// must get the same handle twice, not register the section again.
const handles = new WeakMap<ProgressStore, Section<ReviewState>>();

/** The review section of this store, registered on first use. */
export function reviewSection(store: ProgressStore): Section<ReviewState> {
	let handle = handles.get(store);
	if (!handle) {
		handle = store.section('review', parseReview, REVIEW_VERSION, { label: 'vos révisions' });
		handles.set(store, handle);
	}
	return handle;
}

/** Adds the questions missed since the last sync and drops cards of removed content; writes only on change. */
export function syncReview(store: ProgressStore, content: ContentIndex, today: string): ReviewState {
	const section = reviewSection(store);
	return section.update((s) => syncFromProgress(s, store.progress.get(), content, today));
}
