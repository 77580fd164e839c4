/**
 * Progress store over fake storages: persistence and key layout, memory mode (no storage,
 * storage that throws, storage full), corrupted and future values set aside, two tabs adding up
 * their changes, writes only on change, v1 migration, sections, and clearAll limited to its
 * own namespace.
 */
import { describe, expect, it, vi } from 'vitest';
import { emptyState, type ProgressState } from '../../src/lib/progress/model';
import {
	createProgressStore,
	keyPrefix,
	resolveStorage,
	type SectionParse,
	type StorageLike,
} from '../../src/lib/progress/store';
import { BlockedStorage } from './map-storage';

const TODAY = '2026-11-28';
const PASS = { percent: 100, passed: true, missed: [] };
const FAIL = { percent: 40, passed: false, missed: ['q1'] };

/** Map-backed Storage with an optional size quota (sum of value lengths) and write log. */
class FakeStorage implements StorageLike {
	data = new Map<string, string>();
	writes: string[] = [];
	quota = Number.POSITIVE_INFINITY;
	/** Keys whose writes fail with a quota error, whatever the size. */
	failKeys = new Set<string>();
	get length(): number {
		return this.data.size;
	}
	key(i: number): string | null {
		return [...this.data.keys()][i] ?? null;
	}
	getItem(k: string): string | null {
		return this.data.get(k) ?? null;
	}
	setItem(k: string, v: string): void {
		let size = String(v).length;
		for (const [key, value] of this.data) if (key !== k) size += value.length;
		if (size > this.quota || this.failKeys.has(k)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.data.set(k, String(v));
		this.writes.push(k);
	}
	removeItem(k: string): void {
		this.data.delete(k);
	}
	writesTo(k: string): number {
		return this.writes.filter((w) => w === k).length;
	}
}

/** Storage that refuses everything, as with cookies blocked (SecurityError). */
function open(storage: StorageLike | null, namespace = '/') {
	return createProgressStore({ storage, namespace, today: () => TODAY });
}

const P = 'pias:/:progress:v2';

describe('key layout', () => {
	it.each([
		// the root site
		['/', 'pias:/:'],
		// a site under a sub-path
		['/formation-ia/', 'pias:/formation-ia/:'],
		// ':' cannot make one namespace a prefix of another
		['/a:progress/', 'pias:/a%3Aprogress/:'],
		// '%' is escaped too, so encodings cannot collide
		['/a%3A/', 'pias:/a%253A/:'],
	])('namespace %s → %s', (ns, prefix) => {
		expect(keyPrefix(ns)).toBe(prefix);
	});

	it('sections use versioned keys under the prefix', () => {
		const store = open(new FakeStorage(), '/formation-ia/');
		expect(store.progress.key).toBe('pias:/formation-ia/:progress:v2');
		expect(store.prefs.key).toBe('pias:/formation-ia/:prefs:v1');
	});
});

describe('persistent mode', () => {
	it('saves each change and a new page load reads it back', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		expect(store.mode).toBe('persistent');
		expect(store.reason).toBeNull();
		expect(store.notices).toEqual([]);
		store.recordVisit('module-a', 1);
		store.recordAttempt('module-a', 1, PASS);
		store.setProfile('infirmier', 'bloc');
		const reloaded = open(storage);
		expect(reloaded.progress.get()).toEqual(store.progress.get());
		expect(reloaded.moduleEntry('module-a')).toMatchObject({ status: 'completed', best: 100, attempts: 1, completedOn: TODAY });
		expect(reloaded.progress.get().profile).toBe('infirmier');
		// the probe key is not left behind
		expect([...storage.data.keys()].sort()).toEqual([P]);
	});

	it('writes only when the serialised value changed', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		store.recordVisit('module-a', 1);
		store.recordVisit('module-a', 1); // same day: nothing new
		store.setProfile(null, null); // already null
		expect(storage.writesTo(P)).toBe(1);
		store.prefs.set({ searchShortcut: true }); // the default, already what is stored (nothing)
		expect(storage.writesTo('pias:/:prefs:v1')).toBe(0);
		store.prefs.set({ searchShortcut: false });
		expect(storage.writesTo('pias:/:prefs:v1')).toBe(1);
		expect(open(storage).prefs.get()).toEqual({ searchShortcut: false });
	});

	it('uses a valid date even when the clock helper returns garbage', () => {
		const store = createProgressStore({ storage: new FakeStorage(), namespace: '/', today: () => 'demain' });
		store.recordVisit('m', 1);
		expect(store.moduleEntry('m')?.lastVisit).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});

describe('memory mode', () => {
	it.each<[string, () => StorageLike | null, 'unavailable' | 'blocked' | 'quota', 'memory' | 'quota']>([
		// no storage at all (resolveStorage gave null)
		['no storage', () => null, 'unavailable', 'memory'],
		// storage that throws on every call (SecurityError)
		['throwing storage', () => new BlockedStorage(), 'blocked', 'memory'],
		// storage already full: even the probe cannot be written
		[
			'full storage',
			() => {
				const s = new FakeStorage();
				s.quota = 0;
				return s;
			},
			'quota',
			'quota',
		],
	])('%s', (_name, make, reason, noticeKind) => {
		const store = open(make());
		expect(store.mode).toBe('memory');
		expect(store.reason).toBe(reason);
		expect(store.notices.map((n) => n.kind)).toEqual([noticeKind]);
		expect(store.notices[0].message).toMatch(/navigateur/);
		// everything keeps working in memory
		store.recordAttempt('module-a', 1, PASS);
		store.prefs.set({ searchShortcut: false });
		expect(store.moduleEntry('module-a')?.status).toBe('completed');
		expect(store.prefs.get().searchShortcut).toBe(false);
		expect(() => store.clearAll()).not.toThrow();
		expect(store.progress.get()).toEqual(emptyState());
	});

	it('resolveStorage turns a throwing getter into null', () => {
		expect(
			resolveStorage(() => {
				throw new DOMException('denied', 'SecurityError');
			}),
		).toBeNull();
		const s = new FakeStorage();
		expect(resolveStorage(() => s)).toBe(s);
	});

	it('storage that starts failing mid-session keeps what the learner did', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		store.recordAttempt('module-a', 1, PASS);
		storage.getItem = () => {
			throw new DOMException('denied', 'SecurityError');
		};
		store.recordAttempt('module-b', 1, PASS);
		expect(store.mode).toBe('memory');
		expect(store.reason).toBe('blocked');
		expect(Object.keys(store.progress.get().modules).sort()).toEqual(['module-a', 'module-b']);
	});
});

describe('quota errors on write', () => {
	it('keeps changes in memory, then saves them all once space is back', () => {
		const storage = new FakeStorage();
		storage.quota = 10; // the probe fits, a progress value does not
		const store = open(storage);
		expect(store.mode).toBe('persistent');
		store.recordAttempt('module-a', 1, PASS);
		expect(store.mode).toBe('memory');
		expect(store.reason).toBe('quota');
		expect(store.notices.map((n) => n.kind)).toEqual(['quota']);
		expect(store.notices[0].message).toMatch(/plein/);
		expect(storage.getItem(P)).toBeNull();
		store.recordVisit('module-b', 1);
		expect(Object.keys(store.progress.get().modules).sort()).toEqual(['module-a', 'module-b']);

		storage.quota = Number.POSITIVE_INFINITY;
		store.recordVisit('module-c', 1);
		expect(store.mode).toBe('persistent');
		expect(store.notices).toEqual([]);
		const saved = JSON.parse(storage.getItem(P) as string) as ProgressState;
		expect(Object.keys(saved.modules).sort()).toEqual(['module-a', 'module-b', 'module-c']);
		expect(saved.modules['module-a'].status).toBe('completed');
	});
});

describe('corrupted or future stored values', () => {
	const valid = JSON.stringify({
		v: 2,
		profile: null,
		setting: null,
		modules: { ok: { status: 'completed', best: 90, attempts: 1, lastVisit: '2026-11-01', completedOn: '2026-11-01', version: 1 } },
	});
	const partlyDamaged = valid.replace('"modules":{', '"modules":{"bad":{"status":"started","best":-4},');
	// issue 16 item 4: a completed entry with one bad field
	const completedDamaged = valid.replace('"attempts":1', '"attempts":"x"');
	it.each<[string, string, 'corrupt' | 'future', string[]]>([
		// not JSON at all
		['not JSON', '{"v":2,"modules":{', 'corrupt', []],
		// JSON of the wrong shape
		['wrong shape', '[1,2,3]', 'corrupt', []],
		// one bad entry: the good one is kept
		['partly damaged', partlyDamaged, 'corrupt', ['ok']],
		// a completed entry with one bad field: kept (see the test below)
		['completed entry with a bad field', completedDamaged, 'corrupt', ['ok']],
		// written by a newer version of the site
		['future version', '{"v":7,"modules":{"x":{}}}', 'future', []],
	])('%s: set aside, notice, keep working', (_name, raw, kind, keptModules) => {
		const storage = new FakeStorage();
		storage.setItem(P, raw);
		const store = open(storage);
		expect(store.notices.map((n) => [n.kind, n.section])).toEqual([[kind, 'progress']]);
		expect(store.notices[0].message).toMatch(/progression/);
		expect(Object.keys(store.progress.get().modules)).toEqual(keptModules);
		// the raw string is kept aside, untouched
		expect(store.progress.backups()).toEqual([{ on: TODAY, kind, raw }]);
		// reading never rewrites the stored value
		expect(storage.getItem(P)).toBe(raw);
		// a second page load does not duplicate the backup
		expect(open(storage).progress.backups()).toHaveLength(1);
		// the next change replaces it; the backup stays
		store.recordAttempt('module-z', 1, FAIL);
		expect(JSON.parse(storage.getItem(P) as string).modules['module-z'].best).toBe(40);
		expect(store.progress.backups()[0].raw).toBe(raw);
	});

	it('a completed entry with one bad field stays completed, the raw value set aside (issue 16 item 4)', () => {
		const storage = new FakeStorage();
		storage.setItem(P, completedDamaged);
		const store = open(storage);
		expect(store.progress.get().modules.ok).toEqual({ status: 'completed', best: 90, attempts: 1, lastVisit: '2026-11-01', completedOn: '2026-11-01', version: 1 });
		expect(store.progress.backups()).toEqual([{ on: TODAY, kind: 'corrupt', raw: completedDamaged }]);
		expect(completedDamaged).toContain('"attempts":"x"');
	});

	it('never overwrites a value it could not set aside', () => {
		const storage = new FakeStorage();
		storage.setItem(P, 'garbage');
		storage.failKeys.add('pias:/:progress:backup');
		const store = open(storage);
		store.recordAttempt('module-a', 1, PASS);
		expect(storage.getItem(P)).toBe('garbage');
		expect(store.moduleEntry('module-a')?.status).toBe('completed');
		expect(store.notices.map((n) => n.kind).sort()).toEqual(['corrupt', 'quota']);
		// once the backup can be written, the change is saved
		storage.failKeys.clear();
		store.recordVisit('module-b', 1);
		expect(store.progress.backups()[0].raw).toBe('garbage');
		expect(Object.keys(JSON.parse(storage.getItem(P) as string).modules).sort()).toEqual(['module-a', 'module-b']);
		expect(store.mode).toBe('persistent');
	});

	it('corrupt prefs fall back to the default with their own notice', () => {
		const storage = new FakeStorage();
		storage.setItem('pias:/:prefs:v1', '{"searchShortcut":"yes"}');
		const store = open(storage);
		expect(store.prefs.get()).toEqual({ searchShortcut: true });
		expect(store.notices.map((n) => [n.kind, n.section])).toEqual([['corrupt', 'prefs']]);
		expect(store.notices[0].message).toMatch(/préférences/);
	});

	it('dismissNotice removes a notice', () => {
		const storage = new FakeStorage();
		storage.setItem(P, 'garbage');
		const store = open(storage);
		store.dismissNotice('corrupt');
		expect(store.notices).toEqual([]);
	});
});

describe('legacy v1 key', () => {
	it('is migrated on read, written as v2 on the first change, and left in place', () => {
		const storage = new FakeStorage();
		const v1 = JSON.stringify({ version: 1, completed: ['module-a'], scores: { 'module-a': 85 }, profile: 'etudiant', updated: '2025-06-01' });
		storage.setItem('pias:/:progress:v1', v1);
		const store = open(storage);
		expect(store.progress.get().profile).toBe('etudiant');
		expect(store.moduleEntry('module-a')).toEqual({ status: 'completed', best: 85, attempts: 1, lastVisit: '2025-06-01', version: 1 });
		expect(storage.getItem(P)).toBeNull();
		store.recordVisit('module-b', 2);
		expect(JSON.parse(storage.getItem(P) as string).modules['module-a'].best).toBe(85);
		expect(storage.getItem('pias:/:progress:v1')).toBe(v1);
	});
});

describe('two tabs on one storage', () => {
	it('completing different modules in each tab keeps both', () => {
		const storage = new FakeStorage();
		const tabA = open(storage);
		const tabB = open(storage);
		tabA.recordAttempt('module-a', 1, PASS);
		// tab B has not heard of A's change yet, and still does not overwrite it
		tabB.recordAttempt('module-b', 1, PASS);
		const saved = JSON.parse(storage.getItem(P) as string) as ProgressState;
		expect(Object.keys(saved.modules).sort()).toEqual(['module-a', 'module-b']);
		expect(Object.keys(tabB.progress.get().modules).sort()).toEqual(['module-a', 'module-b']);

		// the browser tells tab A about B's write
		const seen: ProgressState[] = [];
		tabA.progress.subscribe((s) => seen.push(s));
		expect(tabA.handleStorageEvent({ key: P, newValue: storage.getItem(P) })).toBe(true);
		expect(Object.keys(tabA.progress.get().modules).sort()).toEqual(['module-a', 'module-b']);
		expect(seen).toHaveLength(2); // the immediate call, then the change
		// an identical event changes nothing and notifies nobody
		tabA.handleStorageEvent({ key: P, newValue: storage.getItem(P) });
		expect(seen).toHaveLength(2);
	});

	it('the same module attempted in both tabs keeps the better result and counts every attempt', () => {
		const storage = new FakeStorage();
		const tabA = open(storage);
		const tabB = open(storage);
		tabA.recordAttempt('module-a', 1, FAIL);
		tabB.recordAttempt('module-a', 1, PASS);
		tabA.recordAttempt('module-a', 1, FAIL);
		expect(tabA.moduleEntry('module-a')).toMatchObject({ status: 'completed', best: 100, attempts: 3 });
	});

	it.each<[string, { key: string | null; newValue: string | null; storageArea?: unknown }, boolean]>([
		// a key of another site on the same host
		['other namespace', { key: 'pias:/autre/:progress:v2', newValue: '{}' }, false],
		// an unrelated key
		['unrelated key', { key: 'theme', newValue: 'dark' }, false],
		// an event from sessionStorage, not our storage
		['other storage area', { key: P, newValue: '{}', storageArea: {} }, false],
		// storage.clear() in another tab
		['clear()', { key: null, newValue: null }, true],
	])('storage events: %s', (_name, event, handled) => {
		const storage = new FakeStorage();
		const store = open(storage);
		store.recordAttempt('module-a', 1, PASS);
		if (event.key === null) storage.data.clear();
		expect(store.handleStorageEvent(event)).toBe(handled);
		expect(store.moduleEntry('module-a') === undefined).toBe(event.key === null);
	});

	it('ignores an unreadable value written by another tab', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		store.recordAttempt('module-a', 1, PASS);
		store.handleStorageEvent({ key: P, newValue: 'garbage' });
		expect(store.moduleEntry('module-a')?.status).toBe('completed');
		expect(store.notices).toEqual([]);
	});
});

describe('clearAll', () => {
	it('removes every key of its namespace and nothing else', () => {
		const storage = new FakeStorage();
		storage.setItem('theme', 'dark');
		const root = open(storage, '/');
		const sub = open(storage, '/formation/');
		root.recordAttempt('module-a', 1, PASS);
		root.prefs.set({ searchShortcut: false });
		storage.setItem('pias:/:progress:v1', '{"version":1}');
		storage.setItem('pias:/:progress:backup', '[]');
		sub.recordAttempt('module-b', 1, PASS);

		const calls = vi.fn();
		root.subscribe(calls);
		root.clearAll();
		expect([...storage.data.keys()].sort()).toEqual(['pias:/formation/:progress:v2', 'theme']);
		expect(root.progress.get()).toEqual(emptyState());
		expect(root.prefs.get()).toEqual({ searchShortcut: true });
		expect(calls).toHaveBeenCalledTimes(2); // immediate, then the clear
		expect(open(storage, '/formation/').moduleEntry('module-b')?.status).toBe('completed');
		expect(open(storage, '/').progress.get()).toEqual(emptyState());
	});
});

describe('sections', () => {
	type Review = { due: string[] };
	const parseReview = (raw: unknown): SectionParse<Review> => {
		if (raw === undefined || raw === null) return { value: { due: [] } };
		const due = (raw as { due?: unknown }).due;
		return Array.isArray(due) && due.every((d) => typeof d === 'string') ? { value: { due } } : { value: { due: [] }, problem: 'corrupt' };
	};

	it('a new section gets its own versioned key and the same guarantees', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		const review = store.section('review', parseReview, 1);
		expect(review.key).toBe('pias:/:review:v1');
		expect(review.get()).toEqual({ due: [] });
		review.update((r) => ({ due: [...r.due, 'module-a'] }));
		const again = open(storage).section('review', parseReview, 1);
		expect(again.get()).toEqual({ due: ['module-a'] });
		again.reset();
		expect(storage.getItem('pias:/:review:v1')).toBeNull();
		expect(again.get()).toEqual({ due: [] });
	});

	it.each([
		// already registered
		['progress', 1],
		// not a slug
		['Review!', 1],
		// version must be a positive integer
		['review', 0],
	])('refuses section(%s, v%s)', (name, version) => {
		const store = open(new FakeStorage());
		expect(() => store.section(name, parseReview, version)).toThrow();
	});

	it('subscribe follows the store contract and unsubscribes', () => {
		const store = open(new FakeStorage());
		const run = vi.fn();
		const stop = store.prefs.subscribe(run);
		expect(run).toHaveBeenLastCalledWith({ searchShortcut: true });
		store.prefs.set({ searchShortcut: false });
		expect(run).toHaveBeenLastCalledWith({ searchShortcut: false });
		stop();
		store.prefs.set({ searchShortcut: true });
		expect(run).toHaveBeenCalledTimes(2);
	});

	it('a failing subscriber does not stop the save or the other subscribers', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		const other = vi.fn();
		store.progress.subscribe((s) => {
			if (Object.keys(s.modules).length > 0) throw new Error('island bug');
		});
		store.progress.subscribe(other);
		expect(() => store.recordVisit('module-a', 1)).toThrow('island bug');
		expect(storage.getItem(P)).not.toBeNull();
		expect(other).toHaveBeenCalledTimes(2);
	});
});

describe('importProgress', () => {
	it('merges into the stored state, keeping the better result', () => {
		const storage = new FakeStorage();
		const store = open(storage);
		store.recordAttempt('module-a', 1, FAIL);
		store.importProgress({
			...emptyState(),
			modules: {
				'module-a': { status: 'completed', best: 90, attempts: 2, lastVisit: '2026-11-20', completedOn: '2026-11-20', version: 1 },
				'module-b': { status: 'started', best: 30, attempts: 1, lastVisit: '2026-11-20', version: 1 },
			},
		});
		expect(open(storage).moduleEntry('module-a')).toMatchObject({ status: 'completed', best: 90, attempts: 2, lastVisit: TODAY });
		expect(open(storage).moduleEntry('module-b')?.best).toBe(30);
	});
});
