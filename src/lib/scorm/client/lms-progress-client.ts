/**
 * Stand-in for `src/lib/client/progress-client.ts` inside SCORM packages: the package bundle
 * (see `bundleClient` in ../build.ts) redirects every import of that module here, so the quiz
 * island, unchanged, records its attempts in this page's store. The store is kept in memory
 * (the LMS is where results are kept; see memory-storage.ts) and its namespace is the
 * package's, never the site's.
 */
import { createProgressStore, type ProgressStore } from '../../progress/store';
import { memoryStorage } from './memory-storage';

let store: ProgressStore | null = null;

/** Namespace of the store in packages. */
export const PACKAGE_NAMESPACE = 'scorm/';

/** Today as YYYY-MM-DD in the learner's time zone. */
export function localToday(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The page's one store (the `base` argument is ignored: the namespace is the package's). */
export function progressClient(_base?: string): ProgressStore {
	store ??= createProgressStore({ storage: memoryStorage(), namespace: PACKAGE_NAMESPACE, today: localToday });
	return store;
}

/** Same signature as the site's; package pages show their notices in the LMS status line instead. */
export function showStoreNotices(_s: ProgressStore): void {}

/** Packages keep no unsaved copy (the LMS keeps the results). */
export function hasUnsavedCopy(_prefix: string): boolean {
	return false;
}

/** Packages are never in shared-workstation mode: their store lives in memory. */
export function sharedMode(): boolean {
	return false;
}
