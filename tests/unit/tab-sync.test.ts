/**
 * Issue 15, item 4: the tabs of one shared-workstation session see the same progress
 * (BroadcastChannel between shared tabs), and ending the session in one tab ends it in all.
 */
import { describe, expect, it } from 'vitest';
import { createTabSync, type ChannelLike, type SessionEnd } from '../../src/lib/progress/tab-sync';
import { createProgressStore, type ProgressStore } from '../../src/lib/progress/store';
import { notifyingStorage } from '../../src/lib/progress/keys';
import { MapStorage } from './map-storage';

const TODAY = '2026-12-04';
const PASS = { percent: 100, passed: true, missed: [] };
const PREFIX = 'pias:/:';
const PROGRESS_KEY = `${PREFIX}progress:v2`;

/** A BroadcastChannel stand-in: delivers to every other member, synchronously, like one origin. */
class Hub {
	members: { id: number; listeners: ((e: { data: unknown }) => void)[] }[] = [];
	join(): ChannelLike {
		const me = { id: this.members.length, listeners: [] as ((e: { data: unknown }) => void)[] };
		this.members.push(me);
		return {
			postMessage: (data) => {
				const copy = structuredClone(data);
				for (const m of this.members) if (m !== me) for (const l of m.listeners) l({ data: copy });
			},
			addEventListener: (_t, l) => me.listeners.push(l),
		};
	}
}

interface Tab {
	session: MapStorage;
	store: ProgressStore;
	ended: SessionEnd[];
	sync: ReturnType<typeof createTabSync>;
}

/** Opens a shared tab as progress-client.ts does: sync storage, store, then hello. */
function openTab(hub: Hub, session = new MapStorage()): Tab {
	const ended: SessionEnd[] = [];
	let store: ProgressStore | null = null;
	// As progress-client.ts wires it: the store writes through notifyingStorage.
	let sync: ReturnType<typeof createTabSync> | null = null;
	const storage = notifyingStorage(session, (k) => sync?.changed(k));
	const created = createTabSync({
		raw: session,
		prefix: PREFIX,
		mergedKeys: [PROGRESS_KEY],
		channel: hub.join(),
		apply: (key, value) => store?.handleStorageEvent({ key, newValue: value }),
		onEnd: (k) => ended.push(k),
	});
	sync = created;
	store = createProgressStore({ storage, namespace: '/', today: () => TODAY });
	created.hello();
	return { session, store, ended, sync: created };
}

const done = (t: Tab) => Object.entries(t.store.progress.get().modules).filter(([, e]) => e.status === 'completed').map(([id]) => id).sort();

describe('tabs of one shared session', () => {
	it('a new tab takes the progress of the open ones', () => {
		const hub = new Hub();
		const a = openTab(hub);
		a.store.recordAttempt('injection-de-prompt', 1, PASS);
		a.store.setProfile('infirmier', 'ehpad');
		a.store.prefs.update((p) => ({ ...p, searchShortcut: false }));
		const b = openTab(hub);
		expect(done(b)).toEqual(['injection-de-prompt']);
		expect(b.store.progress.get().profile).toBe('infirmier');
		expect(b.store.prefs.get().searchShortcut).toBe(false);
		// Storage and page agree in the new tab.
		expect(b.session.getItem(PROGRESS_KEY)).toBe(a.session.getItem(PROGRESS_KEY));
	});

	it('results made in either tab add up in both, as with localStorage', () => {
		const hub = new Hub();
		const a = openTab(hub);
		const b = openTab(hub);
		a.store.recordAttempt('injection-de-prompt', 1, PASS);
		b.store.recordAttempt('rgpd-donnees-sante', 1, PASS);
		expect(done(a)).toEqual(['injection-de-prompt', 'rgpd-donnees-sante']);
		expect(done(b)).toEqual(['injection-de-prompt', 'rgpd-donnees-sante']);
		expect(JSON.parse(a.session.getItem(PROGRESS_KEY)!)).toEqual(JSON.parse(b.session.getItem(PROGRESS_KEY)!));
	});

	it('a tab that has its own progress keeps it when it hears the others (merged, not replaced)', () => {
		const hub = new Hub();
		const a = openTab(hub);
		a.store.recordAttempt('injection-de-prompt', 1, PASS);
		// A tab that was open but silent (e.g. opened before the channel), with a result of its own.
		const own = new MapStorage();
		const seed = createProgressStore({ storage: own, namespace: '/', today: () => TODAY });
		seed.recordAttempt('comprendre-ia', 1, PASS);
		const c = openTab(hub, own);
		expect(done(c)).toEqual(['comprendre-ia', 'injection-de-prompt']);
		expect(done(a)).toEqual(['comprendre-ia', 'injection-de-prompt']);
	});

	it('clearing in one tab clears the other; ending the session ends it everywhere', () => {
		const hub = new Hub();
		const a = openTab(hub);
		const b = openTab(hub);
		a.store.recordAttempt('injection-de-prompt', 1, PASS);
		a.store.clearAll();
		expect(done(b)).toEqual([]);
		b.store.recordAttempt('rgpd-donnees-sante', 1, PASS);
		expect(b.session.length).toBeGreaterThan(0);
		a.sync.announce('end');
		expect(b.ended).toEqual(['end']);
		expect(b.session.length).toBe(0);
		expect(a.ended).toEqual([]);
	});

	it('ignores messages that are not of this site or not well formed', () => {
		const hub = new Hub();
		const a = openTab(hub);
		const rogue = hub.join();
		rogue.postMessage({ t: 'set', from: 'x', key: 'pias:/other/:progress:v2', value: '{}' });
		rogue.postMessage({ t: 'set', from: 'x', key: PROGRESS_KEY, value: 42 });
		rogue.postMessage({ t: 'set', from: 'x', key: `${PREFIX}probe`, value: '1' });
		rogue.postMessage({ t: 'state', from: 'x', to: 'someone-else', entries: [[PROGRESS_KEY, '{}']] });
		rogue.postMessage({ t: 'set', key: PROGRESS_KEY, value: '{}' });
		rogue.postMessage(null);
		rogue.postMessage('hello');
		rogue.postMessage({ t: 'set', from: 'x', key: PROGRESS_KEY, value: 'x'.repeat(1024 * 1024 + 1) });
		expect(a.session.length).toBe(0);
		// A well-formed but invalid value is stored and then read through the store's parser.
		rogue.postMessage({ t: 'set', from: 'x', key: PROGRESS_KEY, value: '{"v":2,"modules":{"__proto__":{"status":"completed"}}}' });
		expect(done(a)).toEqual([]);
		expect(({} as Record<string, unknown>).status).toBeUndefined();
	});
});
