/**
 * Storage the browser may wipe (issue 16, item 6). Browsers may clear a site's storage under
 * pressure unless it is "persistent". The site asks for it after the first completed module
 * (not only on a button), and when the browser refuses (or cannot say), reminds the learner to
 * export after every few completed modules.
 *
 * The small record lives in its own section, `pias:<ns>:persist:v1`:
 * `{ asked: boolean, granted: boolean | null, remindedAt: number }` where `remindedAt` is the
 * number of completed modules at the last reminder (or at the request).
 */
import type { SectionParse } from './store';

export interface PersistRecord {
	/** The browser was asked once (navigator.storage.persist()). */
	asked: boolean;
	/** Its answer; null when it has no such API or was not asked yet. */
	granted: boolean | null;
	/** Completed modules counted at the last reminder. */
	remindedAt: number;
}

export const PERSIST_VERSION = 1;
/** A reminder to export after this many more completed modules, while not persistent. */
export const REMIND_EVERY = 3;

export function emptyPersist(): PersistRecord {
	return { asked: false, granted: null, remindedAt: 0 };
}

export function parsePersist(raw: unknown): SectionParse<PersistRecord> {
	if (raw === undefined || raw === null) return { value: emptyPersist() };
	if (typeof raw !== 'object' || Array.isArray(raw)) return { value: emptyPersist(), problem: 'corrupt' };
	// Own properties only: an inherited "asked" (prototype pollution) must not count.
	const get = (k: string): unknown => (Object.hasOwn(raw, k) ? (raw as Record<string, unknown>)[k] : undefined);
	const asked = get('asked') === true;
	const g = get('granted');
	const granted = g === true ? true : g === false ? false : null;
	const n = get('remindedAt');
	const remindedAt = typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 10_000 ? n : 0;
	return { value: { asked, granted, remindedAt } };
}

/** Ask the browser now? Once, after the first completed module. */
export function shouldAskPersist(record: PersistRecord, completed: number): boolean {
	return !record.asked && completed >= 1;
}

/** Remind the learner to export now? Only while storage is not persistent. */
export function exportReminderDue(record: PersistRecord, completed: number): boolean {
	if (record.granted === true || !record.asked) return false;
	return completed - record.remindedAt >= REMIND_EVERY;
}
