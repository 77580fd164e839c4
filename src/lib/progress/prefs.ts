/**
 * Site preferences kept in the browser (the `prefs` section of the store).
 *
 * Stored shape, version 1: `{ searchShortcut: boolean }`. A missing or wrong field takes its
 * default; anything that is not an object is reported as corrupt (the store sets it aside).
 */
import type { SectionParse } from './store';

/** Version of the `prefs` section (key suffix `:prefs:v1`). */
export const PREFS_VERSION = 1;

export interface Prefs {
	/** "/" moves the focus to the search box (WCAG 2.1.4: learners can turn it off). Default true. */
	searchShortcut: boolean;
}

/** Preferences of a new visitor. */
export function defaultPrefs(): Prefs {
	return { searchShortcut: true };
}

/** Reads stored prefs; never throws. */
export function parsePrefs(raw: unknown): SectionParse<Prefs> {
	const value = defaultPrefs();
	if (raw === undefined || raw === null) return { value };
	if (typeof raw !== 'object' || Array.isArray(raw)) return { value, problem: 'corrupt' };
	const { searchShortcut } = raw as Record<string, unknown>;
	if (searchShortcut === undefined) return { value };
	if (typeof searchShortcut !== 'boolean') return { value, problem: 'corrupt' };
	value.searchShortcut = searchShortcut;
	return { value };
}
