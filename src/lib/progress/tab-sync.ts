/**
 * Tabs of one shared-workstation session see the same progress (issue 15, item 4).
 *
 * `sessionStorage` belongs to one tab, so in « Poste partagé » a second tab would start empty
 * and the two tabs would drift apart. Every tab in shared mode joins a BroadcastChannel named
 * after the site's namespace (same origin only, like localStorage; nothing leaves the browser):
 *
 * - a new tab says `hello`; the other shared tabs answer with their session values, and the new
 *   tab takes each value it lacks (the progress is merged, best result per module);
 * - every write or removal a tab makes is sent to the others (`set`, `remove`), which apply it
 *   as they would a `storage` event (the store merges the progress, so both tabs keep their
 *   results);
 * - `end` (a person ended their session) and `left` (the mode was left) make the other tabs drop
 *   this session's data too: the next person must not find it in a forgotten tab.
 *
 * Only tabs in shared mode join: a tab of the device mode never sends nor receives. All
 * messages are checked (type, key of this site, string values of bounded size); a value is
 * still read through the store's parsers, as anything from storage is. Pure: the storage and
 * the channel are passed in (see `tests/unit/tab-sync.test.ts`).
 */
import type { StorageLike } from './keys';

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export type SessionEnd = 'end' | 'left';

export interface TabSyncOptions {
	/** The tab's sessionStorage itself (what the sync writes here is not sent back). */
	raw: StorageLike;
	/** The store's key prefix, `pias:<ns>:`. */
	prefix: string;
	/** Keys whose store section merges (the progress): another tab's value is always taken in. */
	mergedKeys: readonly string[];
	channel: ChannelLike;
	/** Brings a value written by another tab into the page (the store's `handleStorageEvent`). */
	apply(key: string, value: string | null): void;
	/** Another tab ended the session or left the mode; this tab's session data is already gone. */
	onEnd(kind: SessionEnd): void;
	/** This tab's id (random by default). */
	id?: string;
}

export interface TabSync {
	/**
	 * The page changed `key` in the session storage (the store wrote or removed it): sends its
	 * current value to the other tabs. Wire it with `notifyingStorage` (keys.ts).
	 */
	changed(key: string): void;
	/** Asks the other shared tabs for their values (call once the store exists). */
	hello(): void;
	/** Tells the other tabs that the session ended or the mode was left. */
	announce(kind: SessionEnd): void;
}

/** Largest value accepted from another tab (the store never writes more than an export holds). */
export const MAX_SYNC_VALUE = 1024 * 1024;

type Message =
	| { t: 'hello'; from: string }
	| { t: 'state'; from: string; to: string; entries: [string, string][] }
	| { t: 'set'; from: string; key: string; value: string }
	| { t: 'remove'; from: string; key: string }
	| { t: 'end' | 'left'; from: string };

function randomId(): string {
	return Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
}

export function createTabSync(o: TabSyncOptions): TabSync {
	const id = o.id ?? randomId();
	const probe = `${o.prefix}probe`;
	const ours = (k: unknown): k is string => typeof k === 'string' && k.startsWith(o.prefix) && k !== probe && k.length <= 200;
	const okValue = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_SYNC_VALUE;
	const send = (m: Message) => {
		try {
			o.channel.postMessage(m);
		} catch {
			// channel closed: this tab keeps its own session values
		}
	};
	const get = (k: string): string | null => {
		try {
			return o.raw.getItem(k);
		} catch {
			return null;
		}
	};
	const put = (k: string, v: string | null): boolean => {
		try {
			if (v === null) o.raw.removeItem(k);
			else o.raw.setItem(k, v);
			return true;
		} catch {
			return false;
		}
	};
	const keys = (): string[] => {
		const out: string[] = [];
		try {
			for (let i = 0; i < o.raw.length; i += 1) {
				const k = o.raw.key(i);
				if (ours(k)) out.push(k);
			}
		} catch {
			// nothing to share
		}
		return out;
	};
	/** Takes another tab's value: written first, so storage and page agree, then applied. */
	const take = (k: string, v: string | null) => {
		if (put(k, v)) o.apply(k, v);
	};

	o.channel.addEventListener('message', (event) => {
		const m = event.data as Partial<Message> & Record<string, unknown>;
		if (typeof m !== 'object' || m === null || typeof m.from !== 'string' || m.from === id) return;
		switch (m.t) {
			case 'hello': {
				const entries: [string, string][] = [];
				for (const k of keys()) {
					const v = get(k);
					if (v !== null) entries.push([k, v]);
				}
				send({ t: 'state', from: id, to: m.from, entries });
				break;
			}
			case 'state': {
				if (m.to !== id || !Array.isArray(m.entries)) return;
				for (const e of m.entries as unknown[]) {
					if (!Array.isArray(e) || !ours(e[0]) || !okValue(e[1])) continue;
					const [k, v] = e as [string, string];
					if (get(k) === null || o.mergedKeys.includes(k)) take(k, v);
				}
				break;
			}
			case 'set':
				if (ours(m.key) && okValue(m.value)) take(m.key, m.value);
				break;
			case 'remove':
				if (ours(m.key)) take(m.key, null);
				break;
			case 'end':
			case 'left':
				for (const k of keys()) put(k, null);
				o.onEnd(m.t);
				break;
		}
	});

	return {
		changed(k) {
			if (!ours(k)) return;
			const value = get(k);
			send(value === null ? { t: 'remove', from: id, key: k } : { t: 'set', from: id, key: k, value });
		},
		hello: () => send({ t: 'hello', from: id }),
		announce: (kind) => send({ t: kind, from: id }),
	};
}
