/**
 * Issue 16, item 1: "saved" only after a successful write, and unsaved progress kept in the
 * tab's sessionStorage so that a navigation inside the site does not lose it.
 */
import { describe, expect, it } from 'vitest';
import { attachStash, readStash, stashKey } from '../../src/lib/progress/stash';
import { createProgressStore, type StorageLike } from '../../src/lib/progress/store';
import { BlockedStorage, MapStorage } from './map-storage';

const TODAY = '2026-12-03';
const PASS = { percent: 100, passed: true, missed: [] };

class FakeStorage extends MapStorage {
	full = false;
	setItem(k: string, v: string): void {
		// The probe is tiny and still fits; a progress value does not.
		if (this.full && v.length > 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		super.setItem(k, v);
	}
}

const open = (storage: StorageLike | null) => createProgressStore({ storage, namespace: '/', today: () => TODAY });

describe('saved()', () => {
	it('is true only once the value is written', () => {
		const local = new FakeStorage();
		const store = open(local);
		store.recordAttempt('module-a', 1, PASS);
		expect(store.progress.saved()).toBe(true);
		local.full = true;
		store.recordAttempt('module-b', 1, PASS);
		expect(store.progress.saved()).toBe(false);
		expect(store.reason).toBe('quota');
		local.full = false;
		store.recordVisit('module-c', 1);
		expect(store.progress.saved()).toBe(true);
	});
	it('is false when storage is blocked or missing, and names the cause', () => {
		for (const [storage, reason] of [[new BlockedStorage(), 'blocked'], [null, 'unavailable']] as const) {
			const store = open(storage);
			store.recordAttempt('module-a', 1, PASS);
			expect(store.progress.saved()).toBe(false);
			expect(store.reason).toBe(reason);
		}
	});
	it('is false when storage is full from the start (another application filled the origin)', () => {
		const local = new FakeStorage();
		local.full = true;
		const store = open(local);
		store.recordAttempt('module-a', 1, PASS);
		expect(store.progress.saved()).toBe(false);
		expect(store.reason).toBe('quota');
	});
});

describe('tab copy of unsaved progress', () => {
	it('follows the learner to the next page of the tab, then disappears once saved', () => {
		const local = new FakeStorage();
		local.full = true;
		const session = new FakeStorage();
		const page1 = open(local);
		attachStash(page1, session);
		expect(session.getItem(stashKey(page1.prefix))).toBeNull();
		page1.recordAttempt('module-a', 1, PASS);
		expect(readStash(session, page1.prefix)?.modules['module-a']?.status).toBe('completed');

		// Next page, storage still full: the result is there (in memory), the copy stays.
		const page2 = open(local);
		expect(page2.moduleEntry('module-a')).toBeUndefined();
		expect(attachStash(page2, session)).toBe(true);
		expect(page2.moduleEntry('module-a')?.status).toBe('completed');
		expect(page2.progress.saved()).toBe(false);
		expect(session.getItem(stashKey(page2.prefix))).not.toBeNull();

		// Space is back: the next page saves it and drops the copy.
		local.full = false;
		const page3 = open(local);
		attachStash(page3, session);
		expect(page3.progress.saved()).toBe(true);
		expect(JSON.parse(local.getItem('pias:/:progress:v2') as string).modules['module-a'].status).toBe('completed');
		expect(session.getItem(stashKey(page3.prefix))).toBeNull();
	});
	it('merges with what is stored (best result per module), never replaces it', () => {
		const local = new FakeStorage();
		const stored = open(local);
		stored.recordAttempt('module-b', 1, PASS);
		const session = new FakeStorage();
		const other = open(new BlockedStorage());
		other.recordAttempt('module-a', 1, PASS);
		session.setItem(stashKey(other.prefix), JSON.stringify(other.progress.get()));
		const page = open(local);
		attachStash(page, session);
		expect(Object.keys(page.progress.get().modules).sort()).toEqual(['module-a', 'module-b']);
	});
	it('ignores an unreadable copy and survives a blocked sessionStorage', () => {
		const session = new FakeStorage();
		session.setItem('pias:/:unsaved:progress', '{not json');
		const page = open(new FakeStorage());
		expect(attachStash(page, session)).toBe(false);
		const blocked = open(new BlockedStorage());
		expect(() => attachStash(blocked, new BlockedStorage())).not.toThrow();
		expect(() => blocked.recordAttempt('module-a', 1, PASS)).not.toThrow();
	});
});

describe('two tabs finishing at the same moment (issue 16, item 2)', () => {
	const KEY = 'pias:/:progress:v2';
	/** Shared storage that tells how many writes each key got. */
	class Shared extends FakeStorage {
		writes = 0;
		override setItem(k: string, v: string): void {
			super.setItem(k, v);
			if (k === KEY) this.writes += 1;
		}
	}

	it('the tab whose write was overwritten merges the received value and writes its result back', () => {
		const shared = new Shared();
		const a = open(shared);
		const b = open(shared);
		// Both read the empty state; A writes its result, then B writes its own over it (the race).
		a.recordAttempt('module-a', 1, PASS);
		const bValue = JSON.parse(JSON.stringify(b.progress.get()));
		bValue.modules['module-b'] = { status: 'completed', best: 100, attempts: 1, lastVisit: TODAY, version: 1, completedOn: TODAY };
		shared.data.set(KEY, JSON.stringify(bValue));
		// A receives B's write: it keeps its own result instead of replacing it, and repairs storage.
		a.handleStorageEvent({ key: KEY, newValue: shared.getItem(KEY) });
		expect(Object.keys(a.progress.get().modules).sort()).toEqual(['module-a', 'module-b']);
		const stored = JSON.parse(shared.getItem(KEY) as string);
		expect(Object.keys(stored.modules).sort()).toEqual(['module-a', 'module-b']);
		// B receives the repair: both results, and no further write (no ping-pong).
		const before = shared.writes;
		b.handleStorageEvent({ key: KEY, newValue: shared.getItem(KEY) });
		expect(Object.keys(b.progress.get().modules).sort()).toEqual(['module-a', 'module-b']);
		a.handleStorageEvent({ key: KEY, newValue: shared.getItem(KEY) });
		expect(shared.writes).toBe(before);
	});

	it('with Web Locks, each write is followed by a locked re-read that merges what another tab wrote', async () => {
		const shared = new Shared();
		let chain = Promise.resolve<unknown>(undefined);
		const locks = { request: (_name: string, cb: () => unknown) => (chain = chain.then(cb)) };
		const a = createProgressStore({ storage: shared, namespace: '/', today: () => TODAY, locks });
		a.recordAttempt('module-a', 1, PASS);
		// Another tab overwrites before A's locked step runs.
		shared.data.set(KEY, JSON.stringify({ v: 2, profile: null, setting: null, modules: { 'module-b': { status: 'completed', best: 90, attempts: 1, lastVisit: TODAY, version: 1, completedOn: TODAY } } }));
		await chain;
		const stored = JSON.parse(shared.getItem(KEY) as string);
		expect(Object.keys(stored.modules).sort()).toEqual(['module-a', 'module-b']);
	});

	it('a deliberate clear in another tab is not undone', () => {
		const shared = new Shared();
		const a = open(shared);
		a.recordAttempt('module-a', 1, PASS);
		shared.data.delete(KEY);
		a.handleStorageEvent({ key: KEY, newValue: null });
		expect(a.progress.get().modules).toEqual({});
		expect(shared.getItem(KEY)).toBeNull();
	});
});
