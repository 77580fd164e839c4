/**
 * Where the learner's data lives: the storage backend (issue 15, item 4, « Poste partagé »).
 *
 * - **device** (default): `localStorage`, kept on this device until the learner clears it.
 * - **shared** (« Poste partagé », wards and EHPAD computers used by several people): the tab's
 *   `sessionStorage`, gone when the browser session ends. Nothing personal is written to
 *   `localStorage` in this mode: the store, the lesson state, the reviews, the settings, the
 *   positioning result and the unsaved-progress copy all live in the session backend.
 *
 * ## The mode flag and new tabs
 *
 * `sessionStorage` belongs to one tab, so a flag kept there alone would let a new tab (a typed
 * address, a bookmark) silently open someone's `localStorage` progress. Two keys, same name
 * `pias-shared:<ns>` (outside the store's `pias:<ns>:` prefix, so « Effacer ma progression »
 * never removes them), value `'1'`:
 *
 * | where            | says                                       | personal data |
 * |------------------|--------------------------------------------|---------------|
 * | `sessionStorage` | this tab is in shared mode                 | none          |
 * | `localStorage`   | this device is a shared workstation        | none          |
 *
 * A page is in shared mode when either key is present (whatever its value: a damaged flag
 * errs on the safe side, with a message). A new tab therefore opens in shared mode, with its own
 * empty session progress; the device marker outlives the browser session on purpose, so the
 * next person on the ward starts in shared mode too, until someone leaves the mode. When the
 * session backend cannot be used, shared mode keeps everything in the page's memory with a
 * clear message; it never falls back to `localStorage`.
 *
 * ## Switching
 *
 * - **On** (`enableShared`): moves nothing. Whatever the device already holds in `localStorage`
 *   (the previous person's progress, perhaps) stays there untouched: it is neither shown nor
 *   copied while the mode is on, and comes back when the mode is left. The tab's session keys of
 *   this site (an unsaved copy from device mode) are removed, so the session starts empty.
 * - **End my session** (`endSession`): removes this session's data; the mode stays on for the
 *   next person.
 * - **Off** (`leaveShared`): the learner chooses first: `keep` merges this session's progress into
 *   the device's (best result per module, as an import does; the other sections are copied
 *   where the device has none), `discard` drops it. Either way the session keys, the tab flag and
 *   the device marker are removed. A `keep` that cannot be written leaves the mode on and loses
 *   nothing.
 *
 * Switching lives in `switch.ts` (it needs the store; this file stays small for the banner).
 * Pure: the storages are passed in (see `tests/unit/backend.test.ts`).
 */
import { keyPrefix, type StorageLike } from './keys';

export type BackendKind = 'device' | 'shared';

/** Why the shared backend is degraded. */
export type BackendProblem = 'session-unavailable' | 'flag-corrupt';

export interface BackendEnv {
	/** `localStorage`, or null when it cannot be reached. */
	local: StorageLike | null;
	/** `sessionStorage`, or null when it cannot be reached. */
	session: StorageLike | null;
	/** The site's base path (the store's namespace). */
	namespace: string;
}

export interface Backend {
	kind: BackendKind;
	/** Where the store reads and writes; null: nothing usable, the store keeps to memory. */
	storage: StorageLike | null;
	/** What went wrong; the learner's message is in backend-messages.ts (loaded only then). */
	problem: BackendProblem | null;
}

/** The name of the flag and of the marker: `pias-shared:<ns>`. */
export function sharedKey(namespace: string): string {
	return `pias-shared:${keyPrefix(namespace).slice('pias:'.length, -1)}`;
}


export function tryGet(s: StorageLike | null, key: string): string | null | undefined {
	if (!s) return undefined;
	try {
		return s.getItem(key);
	} catch {
		return undefined;
	}
}

export function trySet(s: StorageLike | null, key: string, value: string): boolean {
	if (!s) return false;
	try {
		s.setItem(key, value);
		return true;
	} catch {
		return false;
	}
}

export function tryRemove(s: StorageLike | null, key: string): void {
	if (!s) return;
	try {
		s.removeItem(key);
	} catch {
		// best effort
	}
}

/** Keys of a storage that start with `prefix` (empty when it cannot be listed). */
export function keysWithPrefix(s: StorageLike | null, prefix: string): string[] {
	const out: string[] = [];
	if (!s) return out;
	try {
		for (let i = 0; i < s.length; i += 1) {
			const k = s.key(i);
			if (k !== null && k.startsWith(prefix)) out.push(k);
		}
	} catch {
		// storage vanished
	}
	return out;
}

/** True when the session storage can be written (probe written and removed at once). */
function sessionWorks(session: StorageLike | null, namespace: string): boolean {
	const probe = `${keyPrefix(namespace)}probe`;
	if (!trySet(session, probe, '1')) return false;
	tryRemove(session, probe);
	return true;
}

/** True when this tab or this device is in shared mode. */
export function isShared(env: BackendEnv): boolean {
	const key = sharedKey(env.namespace);
	const flag = tryGet(env.session, key);
	const marker = tryGet(env.local, key);
	return (flag !== null && flag !== undefined) || (marker !== null && marker !== undefined);
}

/** Chooses the backend of this page (see the file comment). Writes only the tab flag. */
export function selectBackend(env: BackendEnv): Backend {
	const key = sharedKey(env.namespace);
	const flag = tryGet(env.session, key);
	if (!isShared(env)) return { kind: 'device', storage: env.local, problem: null };
	if (!sessionWorks(env.session, env.namespace)) {
		return { kind: 'shared', storage: null, problem: 'session-unavailable' };
	}
	if (flag !== null && flag !== undefined && flag !== '1') {
		trySet(env.session, key, '1');
		return { kind: 'shared', storage: env.session, problem: 'flag-corrupt' };
	}
	// A new tab of a shared device: this tab stays shared even if the marker goes away meanwhile.
	if (flag !== '1') trySet(env.session, key, '1');
	return { kind: 'shared', storage: env.session, problem: null };
}

