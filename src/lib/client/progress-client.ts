/**
 * The browser side of the progress store: one store per page, on this site's namespace (the
 * base path), on the storage the backend chose (storage-backend.ts: localStorage, or the tab's
 * sessionStorage in « Poste partagé »), kept in sync with other tabs through `storage` events
 * (device mode) or a BroadcastChannel (shared mode, progress/tab-sync.ts). Everything else
 * (islands, page scripts) goes through `progressClient(base)`.
 */
import { createProgressStore, keyPrefix, type ProgressStore } from '../progress/store';
import { PROGRESS_VERSION } from '../progress/model';
import type { SessionEnd, TabSync } from '../progress/tab-sync';
import { notifyingStorage } from '../progress/keys';
import { attachStash } from '../progress/stash';
import { backendEnv, progressBackend, progressStorage, unsavedCopyStorage, hasUnsavedCopy } from './storage-backend';
import { sharedKey, tryRemove } from '../progress/backend';

export { progressBackend, progressStorage, hasUnsavedCopy };

let store: ProgressStore | null = null;
let sync: TabSync | null = null;

/** Tells the other tabs of a shared session that it ended or that the mode was left. */
export function announceSessionEnd(kind: SessionEnd): void {
	sync?.announce(kind);
}

/** Today as YYYY-MM-DD in the learner's time zone. */
export function localToday(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** True when this page keeps the learner's data for the browser session only (« Poste partagé »). */
export function sharedMode(): boolean {
	return progressBackend().kind === 'shared';
}

export function progressClient(base: string): ProgressStore {
	if (store) return store;
	// localStorage on the learner's own device; the tab's sessionStorage in shared mode (see
	// progress/backend.ts). Never both: shared mode reads and writes nothing in localStorage.
	let storage = progressStorage();
	// Shared mode: the tabs of this session see the same progress (progress/tab-sync.ts, loaded
	// only in that mode). Changes made before it is loaded are sent once it is.
	const shared = progressBackend().kind === 'shared' && storage && typeof BroadcastChannel === 'function';
	if (shared && storage) {
		const raw = storage;
		const early = new Set<string>();
		storage = notifyingStorage(raw, (key) => (sync ? sync.changed(key) : early.add(key)));
		void import('../progress/tab-sync').then(({ createTabSync }) => {
			const prefix = keyPrefix(base);
			sync = createTabSync({
				raw,
				prefix,
				mergedKeys: [`${prefix}progress:v${PROGRESS_VERSION}`],
				channel: new BroadcastChannel(`${prefix}shared`),
				apply: (key, newValue) => store?.handleStorageEvent({ key, newValue }),
				// The session was ended or the mode left in another tab: its data is gone here
				// too, and when the mode was left, this tab leaves it as well (the choice covered
				// this tab's data, which is the same session's).
				onEnd: (kind) => {
					if (kind === 'left') tryRemove(backendEnv().session, sharedKey(base));
					location.reload();
				},
			});
			for (const key of early) sync.changed(key);
			sync.hello();
		});
	}
	// Web Locks serialise the re-read/merge/write after each change across tabs (issue 16, item 2).
	const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
	const s = createProgressStore({ storage, namespace: base, today: localToday, locks });
	window.addEventListener('storage', (e) => {
		if (e.storageArea && e.storageArea !== storage) return;
		s.handleStorageEvent({ key: e.key, newValue: e.newValue });
	});
	// A result that could not be saved on an earlier page of this tab comes back, and is saved
	// now if storage works again; while it cannot be saved, it follows the learner in this tab.
	const session = unsavedCopyStorage();
	if (session && session !== storage) attachStash(s, session);
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

