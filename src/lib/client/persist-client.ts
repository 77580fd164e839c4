/**
 * Persistent storage request and export reminder in the browser (issue 16, item 6); the rules
 * are in progress/persistence.ts. Loaded by the quiz only after a completed, saved attempt.
 */
import { exportReminderDue, parsePersist, PERSIST_VERSION, shouldAskPersist, type PersistRecord } from '../progress/persistence';
import type { ProgressStore, Section } from '../progress/store';
import { sharedMode } from './progress-client';

let persistSection: Section<PersistRecord> | null = null;

/**
 * After an attempt (issue 16, item 6): asks the browser for persistent storage once, after the
 * first completed module; returns true when the learner should be reminded to export (storage
 * not persistent, a few more modules completed since the last reminder).
 */
export async function afterCompletion(s: ProgressStore): Promise<boolean> {
	// Shared workstation: the progress ends with the session on purpose; asking the browser to
	// keep it would make no sense, and the banner already says to export.
	if (sharedMode()) return false;
	persistSection ??= s.section('persist', parsePersist, PERSIST_VERSION, { label: 'vos réglages de conservation' });
	const sec = persistSection;
	const completed = Object.values(s.progress.get().modules).filter((m) => m.status === 'completed').length;
	const rec = sec.get();
	if (shouldAskPersist(rec, completed)) {
		let granted: boolean | null = null;
		try {
			if (navigator.storage?.persisted && (await navigator.storage.persisted())) granted = true;
			else if (navigator.storage?.persist) granted = await navigator.storage.persist();
		} catch {
			granted = null;
		}
		sec.set({ asked: true, granted, remindedAt: completed });
		return false;
	}
	if (exportReminderDue(rec, completed)) {
		sec.set({ ...rec, remindedAt: completed });
		return true;
	}
	return false;
}
