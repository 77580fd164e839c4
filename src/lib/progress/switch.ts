/**
 * Switching « Poste partagé » on and off, and ending a person's session (rules in backend.ts).
 * Pure: the storages are passed in (see `tests/unit/backend.test.ts`).
 */
import { keysWithPrefix, sharedKey, tryGet, tryRemove, trySet, type BackendEnv } from './backend';
import { keyPrefix } from './keys';
import { createProgressStore } from './store';

export interface EnableResult {
	ok: boolean;
	/** The device marker was written: new tabs and the next session open in shared mode too. */
	deviceMarked: boolean;
}

/**
 * Switches shared mode on. Moves nothing: the device's `localStorage` data stays untouched
 * (neither read nor copied); this tab's session keys of the site are removed first.
 */
export function enableShared(env: BackendEnv): EnableResult {
	const key = sharedKey(env.namespace);
	for (const k of keysWithPrefix(env.session, keyPrefix(env.namespace))) tryRemove(env.session, k);
	const tab = trySet(env.session, key, '1');
	const deviceMarked = trySet(env.local, key, '1');
	return { ok: tab || deviceMarked, deviceMarked };
}

/** Ends this person's session: removes the session data of the site; the mode stays on. */
export function endSession(env: BackendEnv): void {
	for (const k of keysWithPrefix(env.session, keyPrefix(env.namespace))) tryRemove(env.session, k);
}

/** True when the device already holds data of this site in `localStorage` (never read). */
export function deviceHasData(env: BackendEnv): boolean {
	return keysWithPrefix(env.local, keyPrefix(env.namespace)).length > 0;
}

/** Section names never carried from a session to the device (device-specific, or copies). */
const NOT_KEPT = /^(probe|persist:v\d+|unsaved:.*|.*:backup)$/;

export type LeaveChoice = 'keep' | 'discard';

export interface LeaveResult {
	ok: boolean;
	/** Why a `keep` failed: the device storage is full or blocked. The mode stays on. */
	error?: 'quota' | 'blocked';
	/** Keys copied from the session to the device (progress merged, others where absent). */
	kept: string[];
	/** Session keys left out because the device already had a value of its own. */
	skipped: string[];
}

/**
 * Leaves shared mode after the learner's choice. `keep`: the session's progress is merged into
 * the device's through a device store (best result per module; a damaged device value is set
 * aside first, as everywhere), and the other sections are copied where the device has none.
 */
export function leaveShared(env: BackendEnv, choice: LeaveChoice, today: () => string): LeaveResult {
	const prefix = keyPrefix(env.namespace);
	const kept: string[] = [];
	const skipped: string[] = [];
	if (choice === 'keep') {
		const session = createProgressStore({ storage: env.session, namespace: env.namespace, today });
		const device = createProgressStore({ storage: env.local, namespace: env.namespace, today });
		const mine = session.progress.get();
		if (Object.keys(mine.modules).length > 0 || mine.profile) {
			device.importProgress(mine);
			if (!device.progress.saved()) return { ok: false, error: device.reason === 'quota' ? 'quota' : 'blocked', kept, skipped };
			kept.push(device.progress.key);
		}
		for (const k of keysWithPrefix(env.session, prefix)) {
			const name = k.slice(prefix.length);
			if (k === session.progress.key || NOT_KEPT.test(name) || name.startsWith('progress:')) continue;
			const value = tryGet(env.session, k);
			if (value === null || value === undefined) continue;
			if (tryGet(env.local, k) !== null) {
				skipped.push(k);
				continue;
			}
			if (!trySet(env.local, k, value)) return { ok: false, error: 'quota', kept, skipped };
			kept.push(k);
		}
	}
	endSession(env);
	const key = sharedKey(env.namespace);
	tryRemove(env.session, key);
	tryRemove(env.local, key);
	return { ok: true, kept, skipped };
}
