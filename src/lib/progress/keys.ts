/**
 * Key names and storage access shared by the store and the storage backend. Tiny on purpose:
 * the shared-workstation banner of every page imports it without the store.
 */

/** The part of the Web Storage API the store uses (`localStorage` and `sessionStorage` fit). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Calls `get` (e.g. `() => window.localStorage`) and returns null when reaching storage throws. */
export function resolveStorage(get: () => StorageLike | null | undefined): StorageLike | null {
	try {
		return get() ?? null;
	} catch {
		return null;
	}
}

/** The key prefix of a namespace: `pias:<ns>:` with ':' and '%' percent-encoded. */
export function keyPrefix(namespace: string): string {
	return `pias:${namespace.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'))}:`;
}

/**
 * `raw` with every write and removal reported to `changed(key)` after it succeeded (the shared
 * tabs' sync, see tab-sync.ts, sends the key's new value to the other tabs).
 */
export function notifyingStorage(raw: StorageLike, changed: (key: string) => void): StorageLike {
	return {
		get length() {
			return raw.length;
		},
		key: (i) => raw.key(i),
		getItem: (k) => raw.getItem(k),
		setItem(k, v) {
			raw.setItem(k, v);
			changed(k);
		},
		removeItem(k) {
			raw.removeItem(k);
			changed(k);
		},
	};
}
