/**
 * Unsaved progress kept for the tab (issue 16, item 1). When the progress cannot be written to
 * the browser's storage (full, or blocked), the page keeps a copy in `sessionStorage`, which
 * lives as long as the tab, so that following a link inside the site (to `/progression/` to
 * export, say) does not lose the result. The next page merges the copy back (best result per
 * module, as an import does) and tries to save it; once it is saved the copy is removed.
 *
 * Pure: the storages are passed in.
 */
import { parseStoredState, type ProgressState } from './model';
import type { ProgressStore, StorageLike } from './store';

/** The sessionStorage key of the unsaved copy: `pias:<ns>:unsaved:progress`. */
export function stashKey(prefix: string): string {
	return `${prefix}unsaved:progress`;
}

/** The stashed state, or null when there is none or it cannot be read. */
export function readStash(session: StorageLike | null, prefix: string): ProgressState | null {
	if (!session) return null;
	let raw: string | null;
	try {
		raw = session.getItem(stashKey(prefix));
	} catch {
		return null;
	}
	if (!raw) return null;
	try {
		const { state, problem } = parseStoredState(JSON.parse(raw));
		return problem === 'future' ? null : state;
	} catch {
		return null;
	}
}

/** Keeps the session copy in step with the store: written while unsaved, removed once saved. */
export function syncStash(store: ProgressStore, session: StorageLike | null): void {
	if (!session) return;
	const key = stashKey(store.prefix);
	try {
		if (store.progress.saved()) session.removeItem(key);
		else session.setItem(key, JSON.stringify(store.progress.get()));
	} catch {
		// sessionStorage blocked too: the result lives in this page only, the result box says so
	}
}

/**
 * At page start: merges a stashed copy into the store (which tries to write it), then keeps the
 * stash in step with every change. Returns true when a stashed copy was found.
 */
export function attachStash(store: ProgressStore, session: StorageLike | null): boolean {
	const stashed = readStash(session, store.prefix);
	if (stashed) store.importProgress(stashed);
	store.progress.subscribe(() => syncStash(store, session));
	return stashed !== null;
}
