/**
 * Issue 15, item 4 (« Poste partagé »): backend selection, nothing written to localStorage in
 * shared mode, the switching rules, and a clear message when sessionStorage is unusable.
 */
import { describe, expect, it } from 'vitest';
import { isShared, selectBackend, sharedKey, type BackendEnv } from '../../src/lib/progress/backend';
import { deviceHasData, enableShared, endSession, leaveShared } from '../../src/lib/progress/switch';
import { createProgressStore, type StorageLike } from '../../src/lib/progress/store';
import { lessonSection } from '../../src/lib/lesson/section';
import { goTo, updateLesson } from '../../src/lib/lesson/state';
import { BlockedStorage, MapStorage } from './map-storage';
import { BACKEND_MESSAGES } from '../../src/lib/progress/backend-messages';

const TODAY = '2026-12-04';
const today = () => TODAY;
const PASS = { percent: 100, passed: true, missed: [] };

/** Reads work, every write fails (storage full). */
class FullStorage extends MapStorage {
	setItem(): void {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	}
}

/** Records every write, to prove that none reached it. */
class WatchedStorage extends MapStorage {
	writes: string[] = [];
	setItem(k: string, v: string): void {
		this.writes.push(k);
		super.setItem(k, v);
	}
	removeItem(k: string): void {
		this.writes.push(`-${k}`);
		super.removeItem(k);
	}
}

function env(local: StorageLike | null = new MapStorage(), session: StorageLike | null = new MapStorage(), namespace = '/'): BackendEnv {
	return { local, session, namespace };
}

/** The page's store on the chosen backend, as progress-client.ts builds it. */
function storeOn(e: BackendEnv) {
	return createProgressStore({ storage: selectBackend(e).storage, namespace: e.namespace, today });
}

/** A device with someone's progress in localStorage. */
function deviceOfSomeone(): MapStorage {
	const local = new MapStorage();
	const s = createProgressStore({ storage: local, namespace: '/', today });
	s.recordAttempt('rgpd-donnees-sante', 1, PASS);
	s.setProfile('praticien-hospitalier', null);
	return local;
}

describe('backend selection', () => {
	it('is the device (localStorage) by default', () => {
		const e = env();
		const b = selectBackend(e);
		expect(b).toMatchObject({ kind: 'device', problem: null });
		expect(b.storage).toBe(e.local);
	});

	it('is the session when this tab is flagged, or when the device is marked (a new tab)', () => {
		const tab = env();
		tab.session!.setItem(sharedKey('/'), '1');
		expect(selectBackend(tab)).toMatchObject({ kind: 'shared', storage: tab.session });

		const newTab = env();
		newTab.local!.setItem(sharedKey('/'), '1');
		const b = selectBackend(newTab);
		expect(b).toMatchObject({ kind: 'shared', storage: newTab.session, problem: null });
		// The new tab is flagged too: it stays shared even if the marker goes away meanwhile.
		expect(newTab.session!.getItem(sharedKey('/'))).toBe('1');
	});

	it('keeps each base path apart (the flag and marker names carry the namespace)', () => {
		expect(sharedKey('/')).toBe('pias-shared:/');
		expect(sharedKey('/formation-ia/')).toBe('pias-shared:/formation-ia/');
		const e = env(new MapStorage(), new MapStorage(), '/formation-ia/');
		e.local!.setItem(sharedKey('/'), '1');
		expect(selectBackend(e).kind).toBe('device');
	});

	it('with unusable sessionStorage, stays in memory with a clear message, never localStorage', () => {
		for (const session of [null, new BlockedStorage(), new FullStorage()]) {
			const local = deviceOfSomeone();
			local.setItem(sharedKey('/'), '1');
			const e = env(local, session);
			const b = selectBackend(e);
			expect(b).toMatchObject({ kind: 'shared', storage: null, problem: 'session-unavailable' });
			expect(BACKEND_MESSAGES[b.problem!]).toMatch(/stockage de session bloqué ou plein\). Rien n’est enregistré sur cet ordinateur/);
			const s = storeOn(e);
			// The previous person's progress is not shown.
			expect(s.progress.get().modules).toEqual({});
			expect(s.progress.get().profile).toBeNull();
			s.recordAttempt('comprendre-ia', 1, PASS);
			expect(s.progress.saved()).toBe(false);
			expect(s.mode).toBe('memory');
		}
	});

	it('a damaged tab flag errs on the safe side: shared, with a message, and repaired', () => {
		const e = env();
		e.session!.setItem(sharedKey('/'), '{garbage');
		const b = selectBackend(e);
		expect(b).toMatchObject({ kind: 'shared', problem: 'flag-corrupt' });
		expect(BACKEND_MESSAGES['flag-corrupt']).toMatch(/illisible : par prudence, cet onglet reste en mode Poste partagé/);
		expect(b.storage).toBe(e.session);
		expect(e.session!.getItem(sharedKey('/'))).toBe('1');
	});

	it('a damaged session value is set aside in the session with a notice, nothing reaches localStorage', () => {
		const local = new WatchedStorage();
		const session = new MapStorage();
		session.setItem(sharedKey('/'), '1');
		session.setItem('pias:/:progress:v2', '{not json');
		const s = storeOn(env(local, session));
		expect(s.notices.map((n) => n.kind)).toContain('corrupt');
		expect(session.getItem('pias:/:progress:backup')).toContain('{not json');
		s.recordAttempt('comprendre-ia', 1, PASS);
		expect(s.progress.saved()).toBe(true);
		expect(local.writes).toEqual([]);
	});

	it('isShared reads both keys and never throws on blocked storage', () => {
		expect(isShared(env(new BlockedStorage(), new BlockedStorage()))).toBe(false);
		const e = env(new BlockedStorage());
		e.session!.setItem(sharedKey('/'), '1');
		expect(isShared(e)).toBe(true);
	});
});

describe('shared mode writes nothing to localStorage', () => {
	it('progress, lesson place, profile, prefs and clear all stay in the session', () => {
		const local = new WatchedStorage();
		local.setItem(sharedKey('/'), '1');
		local.writes = [];
		const session = new MapStorage();
		const e = env(local, session);
		const s = storeOn(e);
		s.recordVisit('injection-de-prompt', 1);
		s.recordAttempt('injection-de-prompt', 1, PASS);
		s.setProfile('infirmier', 'ehpad');
		s.prefs.update((p) => ({ ...p, searchShortcut: false }));
		lessonSection(s).update((l) => l);
		expect(s.progress.saved()).toBe(true);
		expect(local.writes).toEqual([]);
		expect(session.getItem('pias:/:progress:v2')).toContain('injection-de-prompt');
		s.clearAll();
		expect(local.writes).toEqual([]);
		// The tab flag is outside the store's prefix: clearing the session's data keeps the mode.
		expect(session.getItem(sharedKey('/'))).toBe('1');
	});
});

describe('switching on moves nothing', () => {
	it('the device progress stays untouched and is neither shown nor copied', () => {
		const local = deviceOfSomeone();
		const before = new Map(local.data);
		const session = new MapStorage();
		// An unsaved copy of device mode, left in this tab: dropped, so the session starts empty.
		session.setItem('pias:/:unsaved:progress', '{"v":2,"profile":null,"setting":null,"modules":{}}');
		const e = env(local, session);
		expect(enableShared(e)).toEqual({ ok: true, deviceMarked: true });
		const s = storeOn(e);
		expect(s.progress.get().modules).toEqual({});
		expect(s.progress.get().profile).toBeNull();
		expect(session.getItem('pias:/:unsaved:progress')).toBeNull();
		// Only the marker was added; every key of the previous person is as it was.
		const after = new Map(local.data);
		after.delete(sharedKey('/'));
		expect(after).toEqual(before);
		expect(local.getItem(sharedKey('/'))).toBe('1');
	});

	it('works without localStorage (this tab only), and fails only when nothing can be written', () => {
		expect(enableShared(env(new BlockedStorage()))).toEqual({ ok: true, deviceMarked: false });
		expect(enableShared(env(new BlockedStorage(), new BlockedStorage())).ok).toBe(false);
	});
});

describe('ending a session', () => {
	it('removes the session data of this site and keeps the mode for the next person', () => {
		const e = env();
		enableShared(e);
		const s = storeOn(e);
		s.recordAttempt('comprendre-ia', 1, PASS);
		e.session!.setItem('pias:/formation-ia/:progress:v2', 'other site');
		endSession(e);
		expect(storeOn(e).progress.get().modules).toEqual({});
		expect(selectBackend(e).kind).toBe('shared');
		expect(e.session!.getItem('pias:/formation-ia/:progress:v2')).toBe('other site');
	});
});

describe('switching off asks first: keep or discard', () => {
	function sharedSession(local: StorageLike) {
		const e = env(local, new MapStorage());
		enableShared(e);
		const s = storeOn(e);
		s.recordAttempt('injection-de-prompt', 1, PASS);
		s.recordAttempt('rgpd-donnees-sante', 1, { percent: 90, passed: true, missed: [] });
		const outline = { steps: ['s1', 's2'] };
		lessonSection(s).update((l) => updateLesson(l, 'injection-de-prompt', 1, outline, Date.UTC(2026, 11, 4), goTo(outline, 's2')));
		return e;
	}

	it('discard: nothing of the session reaches the device; the mode, flag and marker are gone', () => {
		const local = deviceOfSomeone();
		const before = new Map(local.data);
		const e = sharedSession(local);
		const r = leaveShared(e, 'discard', today);
		expect(r).toEqual({ ok: true, kept: [], skipped: [] });
		expect(new Map(local.data)).toEqual(before);
		expect(e.session!.length).toBe(0);
		expect(selectBackend(e).kind).toBe('device');
	});

	it('keep: the session progress is merged into the device (best result per module)', () => {
		const local = deviceOfSomeone();
		const e = sharedSession(local);
		const r = leaveShared(e, 'keep', today);
		expect(r.ok).toBe(true);
		expect(r.kept).toContain('pias:/:progress:v2');
		expect(selectBackend(e).kind).toBe('device');
		const device = storeOn(e);
		const m = device.progress.get().modules;
		expect(Object.keys(m).sort()).toEqual(['injection-de-prompt', 'rgpd-donnees-sante']);
		expect(m['rgpd-donnees-sante']!.best).toBe(100);
		expect(device.progress.get().profile).toBe('praticien-hospitalier');
		expect(e.session!.length).toBe(0);
		expect(local.getItem(sharedKey('/'))).toBeNull();
	});

	it('keep: other sections are copied where the device has none, never over the device’s own', () => {
		const local = new MapStorage();
		local.setItem('pias:/:review:v1', 'device review');
		const e = sharedSession(local);
		e.session!.setItem('pias:/:review:v1', 'session review');
		e.session!.setItem('pias:/:positioning:v1', '{"x":1}');
		e.session!.setItem('pias:/:persist:v1', '{"asked":true}');
		const r = leaveShared(e, 'keep', today);
		expect(r.ok).toBe(true);
		expect(r.skipped).toEqual(['pias:/:review:v1']);
		expect(local.getItem('pias:/:review:v1')).toBe('device review');
		expect(local.getItem('pias:/:positioning:v1')).toBe('{"x":1}');
		expect(local.getItem('pias:/:lesson:v1')).not.toBeNull();
		// Device-specific: whether this browser was asked to keep data durably.
		expect(local.getItem('pias:/:persist:v1')).toBeNull();
	});

	it('keep with the device storage full: refused, the mode stays on, nothing is lost', () => {
		const e = sharedSession(new MapStorage());
		const full = new FullStorage();
		full.data = new Map((e.local as MapStorage).data);
		const blocked = { ...e, local: full };
		const r = leaveShared(blocked, 'keep', today);
		expect(r).toMatchObject({ ok: false, error: 'quota' });
		expect(selectBackend(blocked).kind).toBe('shared');
		expect(Object.keys(storeOn(blocked).progress.get().modules)).toHaveLength(2);
	});

	it('deviceHasData says only whether the site stored anything on the device', () => {
		expect(deviceHasData(env())).toBe(false);
		expect(deviceHasData(env(deviceOfSomeone()))).toBe(true);
		expect(deviceHasData(env(new BlockedStorage()))).toBe(false);
	});
});

describe('one way to the storages', () => {
	it('only src/lib/client/storage-backend.ts reaches localStorage or sessionStorage in the site code', async () => {
		const { readdirSync, readFileSync, statSync } = await import('node:fs');
		const { join, relative } = await import('node:path');
		const root = process.cwd();
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const p = join(dir, name);
				if (statSync(p).isDirectory()) walk(p);
				else if (/\.(ts|svelte|astro|mjs|js)$/.test(name)) {
					// Code only: comments, and strings that name the API for learners or checks, are fine.
					const code = readFileSync(p, 'utf8')
						.replace(/\/\*[\s\S]*?\*\//g, '')
						.replace(/(^|[^:])\/\/.*$/gm, '$1')
						.replace(/<!--[\s\S]*?-->/g, '');
					for (const m of code.matchAll(/\bwindow\.(?:localStorage|sessionStorage)\b|\b(?:localStorage|sessionStorage)\s*\??\.\s*[A-Za-z]/g)) offenders.push(`${relative(root, p)}: ${m[0]}`);
				}
			}
		};
		walk(join(root, 'src'));
		walk(join(root, 'components'));
		expect(offenders.filter((o) => !o.startsWith('src/lib/client/storage-backend.ts:'))).toEqual([]);
		expect(offenders.some((o) => o.startsWith('src/lib/client/storage-backend.ts:'))).toBe(true);
	});
});
