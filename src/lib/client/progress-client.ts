/**
 * The browser side of the progress store: one store per page, on this site's namespace (the
 * base path), kept in sync with other tabs through `storage` events. Everything else
 * (islands, page scripts) goes through `progressClient(base)`.
 */
import { createProgressStore, resolveStorage, type ProgressStore, type StorageLike } from '../progress/store';
import { attachStash } from '../progress/stash';

let store: ProgressStore | null = null;

/** Today as YYYY-MM-DD in the learner's time zone. */
export function localToday(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The one place that obtains the Storage object the progress lives in (null when unreachable). */
export function progressStorage(): StorageLike | null {
	return resolveStorage(() => window.localStorage);
}

/** The tab's sessionStorage, where unsaved progress waits (see progress/stash.ts). */
function tabStorage(): StorageLike | null {
	return resolveStorage(() => window.sessionStorage);
}

export function progressClient(base: string): ProgressStore {
	if (store) return store;
	const storage = progressStorage();
	// Web Locks serialise the re-read/merge/write after each change across tabs (issue 16, item 2).
	const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
	const s = createProgressStore({ storage, namespace: base, today: localToday, locks });
	window.addEventListener('storage', (e) => {
		if (e.storageArea && e.storageArea !== storage) return;
		s.handleStorageEvent({ key: e.key, newValue: e.newValue });
	});
	// A result that could not be saved on an earlier page of this tab comes back, and is saved
	// now if storage works again; while it cannot be saved, it follows the learner in this tab.
	const session = tabStorage();
	if (session !== storage) attachStash(s, session);
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

