/**
 * The browser side of the progress store: one store per page, on this site's namespace (the
 * base path), kept in sync with other tabs through `storage` events. Everything else
 * (islands, page scripts) goes through `progressClient(base)`.
 */
import { createProgressStore, resolveStorage, type ProgressStore } from '../progress/store';

let store: ProgressStore | null = null;

/** Today as YYYY-MM-DD in the learner's time zone. */
export function localToday(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function progressClient(base: string): ProgressStore {
	if (store) return store;
	const s = createProgressStore({
		storage: resolveStorage(() => window.localStorage),
		namespace: base,
		today: localToday,
	});
	window.addEventListener('storage', (e) => {
		if (e.storageArea && e.storageArea !== window.localStorage) return;
		s.handleStorageEvent({ key: e.key, newValue: e.newValue });
	});
	store = s;
	return s;
}

/**
 * Shows the store's notices (corrupted data set aside, storage unavailable…) in the page's
 * notice region, once per page. Text only: never HTML.
 */
export function showStoreNotices(s: ProgressStore): void {
	const region = document.querySelector<HTMLElement>('[data-store-notices]');
	if (!region) return;
	const render = () => {
		region.replaceChildren(
			...s.notices.map((n) => {
				const p = document.createElement('p');
				p.className = `notice ${n.kind === 'corrupt' || n.kind === 'future' ? 'error' : 'warn'}`;
				p.textContent = n.message;
				return p;
			}),
		);
		region.hidden = s.notices.length === 0;
	};
	s.subscribe(render);
}
