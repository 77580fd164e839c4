/**
 * The browser side of the storage backend (see ../progress/backend.ts): the one place that
 * reaches `window.localStorage` and `window.sessionStorage` for the learner's data. Everything
 * that reads or writes progress, lesson state, reviews, settings, positioning or the unsaved
 * copy goes through `progressStorage()` (the store) or `unsavedCopyStorage()` (the stash);
 * `tabStorage()` keeps the few per-tab records that are not learner data.
 * Kept small: the shared-workstation banner loads it on every page.
 */
import { selectBackend, type Backend, type BackendEnv } from '../progress/backend';
import { resolveStorage, type StorageLike } from '../progress/store';

let chosen: Backend | null = null;

/** The storages of this page and the site's namespace (its base path). */
export function backendEnv(): BackendEnv {
	return {
		local: resolveStorage(() => window.localStorage),
		session: resolveStorage(() => window.sessionStorage),
		namespace: document.documentElement.dataset.base ?? '/',
	};
}

/** This page's backend, chosen once (a mode switch reloads the page). */
export function progressBackend(): Backend {
	chosen ??= selectBackend(backendEnv());
	return chosen;
}

/** The one Storage object the learner's data lives in (null when unreachable: memory only). */
export function progressStorage(): StorageLike | null {
	return progressBackend().storage;
}

/**
 * Where the device mode keeps a copy of unsaved progress for the tab (issue 16, item 1):
 * `sessionStorage`. In shared mode there is none: the progress itself already lives there.
 */
export function unsavedCopyStorage(): StorageLike | null {
	return progressBackend().kind === 'shared' ? null : backendEnv().session;
}

/** True when this tab keeps a copy of unsaved progress (the result box says so). */
export function hasUnsavedCopy(prefix: string): boolean {
	try {
		return unsavedCopyStorage()?.getItem(`${prefix}unsaved:progress`) != null;
	} catch {
		return false;
	}
}

/**
 * The tab's sessionStorage for records that belong to this tab in either mode and hold nothing
 * personal (the trainer view's record of the snapshot ids last published). Learner data never
 * goes here: it goes through `progressStorage()`.
 */
export function tabStorage(): StorageLike | null {
	return backendEnv().session;
}
