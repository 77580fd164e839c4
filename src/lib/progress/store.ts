/**
 * The one owner of everything the site keeps in the browser. Storage is passed in (never read
 * from `window` here), so this file imports cleanly in node tests; create one store per page
 * and share it between islands.
 *
 * ## Key layout
 *
 * Every key starts with `pias:<namespace>:`, where the namespace is the site's base path
 * (`import.meta.env.BASE_URL`, e.g. `/` or `/formation-ia/`; any ':' or '%' in it is
 * percent-encoded so one namespace is never a prefix of another). Two sites on one host
 * therefore never read, write or clear each other's data.
 *
 * | key                               | content                                               |
 * |-----------------------------------|-------------------------------------------------------|
 * | `pias:<ns>:progress:v2`           | progress state, see `model.ts` (legacy: `…:progress:v1`, read and migrated, never written) |
 * | `pias:<ns>:prefs:v1`              | `{ searchShortcut: boolean }`, see `prefs.ts`          |
 * | `pias:<ns>:practice:v1`           | `{ completed: { <slug>: 'YYYY-MM-DD' } }`, see `practice/scenarios/simulations.ts` |
 * | `pias:<ns>:positioning:v1`        | positioning test result, see `positioning.ts`          |
 * | `pias:<ns>:review:v1`             | spaced-review cards, see `review/`                      |
 * | `pias:<ns>:survey:v1`             | team-snapshot questionnaire answers, see `survey/`      |
 * | `pias:<ns>:<section>:v<n>`        | any other section added later                           |
 * | `pias:<ns>:<section>:backup`      | JSON array of values set aside: `[{ on, kind, raw }]`, newest last, at most 5 |
 * | `pias:<ns>:probe`                 | written and removed at once to test that storage works |
 *
 * ## Sections
 *
 * `section(name, parse, version)` registers a value of its own key. `parse` turns whatever
 * JSON.parse returned (undefined when nothing is stored) into a usable value and says whether
 * it was `corrupt` or from the `future`; `parse(undefined).value` is the default.
 *
 * ## Lifecycle and guarantees
 *
 * - Availability: a write/remove probe at creation. No storage, or storage that throws
 *   (private mode, SecurityError): `mode: 'memory'`, reason `unavailable` or `blocked`, a
 *   `memory` notice; everything keeps working for the life of the page.
 * - Quota: a write that fails (QuotaExceededError) keeps the change in memory, switches to
 *   `mode: 'memory'` with reason `quota` and a `quota` notice; the failed changes are replayed
 *   at the next change and the store goes back to `persistent` once a write succeeds.
 * - Reading never writes, except a set-aside copy: a stored value that is corrupt (not JSON,
 *   wrong shape, partly damaged) or from the future is copied to the section's backup key and
 *   reported as a notice; the section starts from what could be read. The stored value is
 *   replaced only at the next change, and never if it could not be set aside first.
 * - Two tabs: each change re-reads the stored value, replays the pure transition on it and
 *   writes the result, so changes made in two tabs add up instead of overwriting each other.
 *   `handleStorageEvent` brings the other tabs' writes into memory. A change that leaves the
 *   serialised value as stored writes nothing.
 * - Subscribers (`subscribe` on the store or on a section) follow the Svelte store contract:
 *   called at once with the current value, then after every change.
 * - `clearAll` removes every key of this namespace and only those.
 */
import {
	getEntry,
	isIsoDate,
	mergeStates,
	parseStoredState,
	recordAttempt,
	recordVisit,
	setProfile,
	PROGRESS_VERSION,
	type AttemptResult,
	type ModuleProgress,
	type ProgressState,
	type StoredProblem,
} from './model';
import { parsePrefs, PREFS_VERSION, type Prefs } from './prefs';
import type { Profile, Setting } from '../taxonomy';

import { keyPrefix, resolveStorage, type StorageLike } from './keys';

export type { StorageLike };

export type StoreMode = 'persistent' | 'memory';

/** Why the store works in memory: no storage given, storage refused, or storage full. */
export type MemoryReason = 'unavailable' | 'blocked' | 'quota';

export type NoticeKind = 'corrupt' | 'future' | 'memory' | 'quota';

/** Something the learner should know about their saved data, in French. */
export interface StoreNotice {
	kind: NoticeKind;
	message: string;
	/** Section concerned, for `corrupt` and `future`. */
	section?: string;
}

/** What a section parser returns: always a usable value. */
export interface SectionParse<T> {
	value: T;
	problem?: StoredProblem;
}

export type SectionParser<T> = (raw: unknown) => SectionParse<T>;

export interface SectionOptions<T = unknown> {
	/** Older key versions to read (and migrate through `parse`) while the current key is absent. */
	legacyVersions?: readonly number[];
	/** French noun phrase naming the data in notices, e.g. « votre progression ». */
	label?: string;
	/**
	 * Combines a value written by another tab (`theirs`) with this tab's (`mine`); must be
	 * idempotent. With it, a received value is merged instead of replacing this tab's, and a
	 * write that lost a race is repaired (issue 16, item 2). Without it, the last writer wins.
	 */
	merge?: (theirs: T, mine: T) => T;
}

/** A stored value set aside because it could not be read. */
export interface BackupEntry {
	/** Date it was set aside, YYYY-MM-DD. */
	on: string;
	kind: StoredProblem;
	/** The stored string, untouched. */
	raw: string;
}

/** One piece of stored state. */
export interface Section<T> {
	readonly name: string;
	/** Storage key of the current version. */
	readonly key: string;
	/** Current value (do not mutate: change it through `update`). */
	get(): T;
	/** Applies a pure transition to the latest stored value and saves it. Returns the new value. */
	update(fn: (value: T) => T): T;
	/** Replaces the value. */
	set(value: T): T;
	/** Removes the stored value (current and legacy keys; backups stay) and returns to the default. */
	reset(): void;
	/** Svelte store contract: `run` gets the value now and after each change. */
	subscribe(run: (value: T) => void): () => void;
	/** Values set aside for this section, oldest first. */
	backups(): BackupEntry[];
	/**
	 * True when the current value is in storage: storage works and no change is waiting to be
	 * written. Say "saved" to the learner only when this is true (issue 16, item 1).
	 */
	saved(): boolean;
}

/** The fields of a `StorageEvent` the store reads. */
export interface StorageEventLike {
	key: string | null;
	newValue: string | null;
	storageArea?: unknown;
}

export interface ProgressStoreOptions {
	/**
	 * Where the data lives: `localStorage`, or the tab's `sessionStorage` in shared mode (see
	 * backend.ts); null when it cannot be reached (see `resolveStorage`).
	 */
	storage: StorageLike | null;
	/** The site's base path. */
	namespace: string;
	/** Today's date, YYYY-MM-DD, in the learner's time zone. */
	today: () => string;
	/**
	 * `navigator.locks` where the browser has it: after each write, the store re-reads, merges
	 * and rewrites under an exclusive lock, so two tabs finishing together both keep their
	 * result. Without it, storage events repair a lost write (see `merge`).
	 */
	locks?: LockManagerLike | null;
}

/** The part of the Web Locks API the store uses. */
export interface LockManagerLike {
	request(name: string, callback: () => unknown): Promise<unknown>;
}

export interface ProgressStore {
	readonly mode: StoreMode;
	/** Why the store is in memory; null while persistent. */
	readonly reason: MemoryReason | null;
	readonly notices: readonly StoreNotice[];
	/** `pias:<ns>:`, the prefix of every key of this store. */
	readonly prefix: string;
	readonly progress: Section<ProgressState>;
	readonly prefs: Section<Prefs>;
	/** Registers another section (positioning, review, survey, lms…). Names are unique. */
	section<T>(name: string, parse: SectionParser<T>, version: number, options?: SectionOptions<T>): Section<T>;
	moduleEntry(moduleId: string): ModuleProgress | undefined;
	recordVisit(moduleId: string, version: number): ProgressState;
	recordAttempt(moduleId: string, version: number, result: AttemptResult): ProgressState;
	setProfile(profile: Profile | null, setting: Setting | null): ProgressState;
	/** Merges an imported state into this device's (best result per module). */
	importProgress(imported: ProgressState): ProgressState;
	/** Brings another tab's write into memory; true when the key belongs to this store. */
	handleStorageEvent(event: StorageEventLike): boolean;
	/** Re-reads every section (e.g. on `pageshow` after the back-forward cache). */
	refresh(): void;
	dismissNotice(kind: NoticeKind): void;
	/** Removes every key of this namespace and returns every section to its default. */
	clearAll(): void;
	/** Svelte store contract: `run` gets the store now and after each change. */
	subscribe(run: (store: ProgressStore) => void): () => void;
}

/** Most values kept in a backup key. */
export const MAX_BACKUPS = 5;

const SECTION_NAME = /^[a-z][a-z0-9-]{0,39}$/;

// Small enough for the banner every page loads (see keys.ts); re-exported here for the callers.
export { keyPrefix, resolveStorage };

function isQuotaError(e: unknown): boolean {
	if (typeof e !== 'object' || e === null) return false;
	const { name, code } = e as { name?: unknown; code?: unknown };
	return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function noticeMessage(kind: NoticeKind, label: string): string {
	switch (kind) {
		case 'memory':
			return 'Votre navigateur ne permet pas d’enregistrer votre progression sur cet appareil (navigation privée ou stockage bloqué). Vous pouvez suivre les modules et faire les quiz, mais vos résultats seront perdus à la fermeture de la page : exportez votre progression avant de partir si vous voulez la garder.';
		case 'quota':
			return 'L’espace de stockage de votre navigateur est plein : vos derniers résultats ne sont pas encore enregistrés sur cet appareil. Exportez votre progression pour ne pas la perdre ; le site réessaiera d’enregistrer à votre prochaine action.';
		case 'corrupt':
			return `Nous n’avons pas pu lire entièrement ${label} sur cet appareil : ce qui était lisible est conservé, et une copie de l’ensemble a été mise de côté. Vous pouvez continuer normalement.`;
		case 'future':
			return `Une version plus récente du site a enregistré ${label} sur cet appareil, dans un format que cette page ne sait pas lire. Ces données sont mises de côté, pas effacées : rechargez la page pour obtenir la dernière version du site.`;
	}
}

interface SectionState<T> {
	readonly name: string;
	readonly key: string;
	readonly legacyKeys: readonly string[];
	readonly backupKey: string;
	readonly label: string;
	readonly parse: SectionParser<T>;
	readonly merge?: (theirs: T, mine: T) => T;
	value: T;
	serialized: string;
	/** Transitions not saved yet (write failed); replayed on the next stored value. */
	pending: Array<(value: T) => T>;
	/** Changed while storage could not be read (memory mode): the value exists only in this page. */
	memoryOnly: boolean;
	subscribers: Set<(value: T) => void>;
}

/** What reading a section from storage gave. */
interface ReadResult<T> {
	/** The string under the current key (null when absent). */
	raw: string | null;
	value: T;
	problem?: StoredProblem;
	/** The unreadable string, to set aside. */
	problemRaw?: string;
}

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
	const storage = options.storage;
	const prefix = keyPrefix(options.namespace);
	const probeKey = `${prefix}probe`;
	const sections = new Map<string, SectionState<unknown>>();
	const storeSubscribers = new Set<(store: ProgressStore) => void>();
	const changedSections = new Set<SectionState<unknown>>();
	let storeChanged = false;
	let notices: StoreNotice[] = [];
	let readable = false;
	let mode: StoreMode = 'memory';
	let reason: MemoryReason | null = null;

	const today = (): string => {
		try {
			const t = options.today();
			if (isIsoDate(t)) return t;
		} catch {
			// fall through: a wrong clock helper must not cost the learner a result
		}
		return new Date().toISOString().slice(0, 10);
	};

	// ------------------------------------------------------------ notices and mode

	function addNotice(kind: NoticeKind, section?: SectionState<unknown>): void {
		if (notices.some((n) => n.kind === kind && n.section === section?.name)) return;
		const notice: StoreNotice = { kind, message: noticeMessage(kind, section?.label ?? '') };
		if (section) notice.section = section.name;
		notices = [...notices, notice];
		storeChanged = true;
	}

	function removeNotices(kinds: readonly NoticeKind[]): void {
		const kept = notices.filter((n) => !kinds.includes(n.kind));
		if (kept.length !== notices.length) {
			notices = kept;
			storeChanged = true;
		}
	}

	function setMode(next: StoreMode, why: MemoryReason | null): void {
		if (mode === next && reason === why) return;
		mode = next;
		reason = why;
		storeChanged = true;
	}

	// ------------------------------------------------------------ raw storage access

	/** getItem; undefined when storage fails (the store then continues in memory). */
	function getRaw(key: string): string | null | undefined {
		if (!storage || !readable) return undefined;
		try {
			return storage.getItem(key);
		} catch {
			readable = false;
			setMode('memory', 'blocked');
			addNotice('memory');
			return undefined;
		}
	}

	function setRaw(key: string, value: string): boolean {
		if (!storage || !readable) return false;
		try {
			storage.setItem(key, value);
			return true;
		} catch (e) {
			if (isQuotaError(e)) {
				setMode('memory', 'quota');
				addNotice('quota');
			} else {
				setMode('memory', 'blocked');
				addNotice('memory');
			}
			return false;
		}
	}

	function removeRaw(key: string): void {
		if (!storage || !readable) return;
		try {
			storage.removeItem(key);
		} catch {
			// removal is best effort; the value stays readable as before
		}
	}

	function probe(): void {
		if (!storage) {
			setMode('memory', 'unavailable');
			addNotice('memory');
			return;
		}
		try {
			storage.setItem(probeKey, '1');
			storage.removeItem(probeKey);
			readable = true;
			setMode('persistent', null);
		} catch (e) {
			if (isQuotaError(e)) {
				// Full, but what is stored can still be read, and writes may succeed later.
				try {
					storage.getItem(probeKey);
					readable = true;
				} catch {
					readable = false;
				}
			}
			setMode('memory', readable ? 'quota' : 'blocked');
			addNotice(readable ? 'quota' : 'memory');
		}
	}

	/** After a successful write: back to persistent once nothing is waiting to be saved. */
	function onWriteOk(): void {
		if (!readable || mode === 'persistent') return;
		for (const s of sections.values()) if (s.pending.length > 0) return;
		setMode('persistent', null);
		removeNotices(['quota', 'memory']);
	}

	// ------------------------------------------------------------ sections

	function emptyOf<T>(sec: SectionState<T>): T {
		return sec.parse(undefined).value;
	}

	function decode<T>(sec: SectionState<T>, raw: string): SectionParse<T> {
		let json: unknown;
		try {
			json = JSON.parse(raw);
		} catch {
			return { value: emptyOf(sec), problem: 'corrupt' };
		}
		try {
			return sec.parse(json);
		} catch {
			return { value: emptyOf(sec), problem: 'corrupt' };
		}
	}

	/** Reads the current key, or the newest legacy key when it is absent; undefined if storage fails. */
	function read<T>(sec: SectionState<T>): ReadResult<T> | undefined {
		const raw = getRaw(sec.key);
		if (raw === undefined) return undefined;
		if (raw !== null) {
			const d = decode(sec, raw);
			return d.problem ? { raw, value: d.value, problem: d.problem, problemRaw: raw } : { raw, value: d.value };
		}
		for (const legacyKey of sec.legacyKeys) {
			const old = getRaw(legacyKey);
			if (old === undefined) return undefined;
			if (old === null) continue;
			const d = decode(sec, old);
			return d.problem ? { raw: null, value: d.value, problem: d.problem, problemRaw: old } : { raw: null, value: d.value };
		}
		return { raw: null, value: emptyOf(sec) };
	}

	function readBackups(sec: SectionState<unknown>): BackupEntry[] {
		const raw = getRaw(sec.backupKey);
		if (raw === null || raw === undefined) return [];
		try {
			const list: unknown = JSON.parse(raw);
			if (Array.isArray(list)) {
				return list.filter(
					(e): e is BackupEntry =>
						typeof e === 'object' &&
						e !== null &&
						typeof e.raw === 'string' &&
						typeof e.on === 'string' &&
						(e.kind === 'corrupt' || e.kind === 'future'),
				);
			}
		} catch {
			// an unreadable backup is itself kept as one entry below
		}
		return [{ on: '', kind: 'corrupt', raw }];
	}

	/** Copies an unreadable value to the backup key; false when it could not be written. */
	function setAside(sec: SectionState<unknown>, raw: string, kind: StoredProblem): boolean {
		const list = readBackups(sec);
		if (list.some((e) => e.raw === raw)) return true;
		list.push({ on: today(), kind, raw });
		while (list.length > MAX_BACKUPS) list.shift();
		return setRaw(sec.backupKey, JSON.stringify(list));
	}

	function show<T>(sec: SectionState<T>, value: T, serialized = JSON.stringify(value)): void {
		if (serialized === sec.serialized) return;
		sec.value = value;
		sec.serialized = serialized;
		changedSections.add(sec as SectionState<unknown>);
		storeChanged = true;
	}

	function replay<T>(sec: SectionState<T>, base: T): T {
		return sec.pending.reduce((v, fn) => fn(v), base);
	}

	/** Loads a section from storage. `setAsideProblems` is false for storage events (no writes). */
	function load<T>(sec: SectionState<T>, setAsideProblems: boolean): void {
		const r = read(sec);
		if (!r) return;
		if (r.problem) {
			if (!setAsideProblems) return; // another tab's odd write: keep what we have
			setAside(sec as SectionState<unknown>, r.problemRaw as string, r.problem);
			addNotice(r.problem, sec as SectionState<unknown>);
		}
		show(sec, replay(sec, r.value));
	}

	function update<T>(sec: SectionState<T>, fn: (value: T) => T): T {
		const r = readable ? read(sec) : undefined;
		if (!r) {
			// Memory mode: the in-memory value is the only truth.
			const next = fn(sec.value);
			if (JSON.stringify(next) !== sec.serialized) sec.memoryOnly = true;
			show(sec, next);
			return next;
		}
		let canOverwrite = true;
		if (r.problem) {
			canOverwrite = setAside(sec as SectionState<unknown>, r.problemRaw as string, r.problem);
			addNotice(r.problem, sec as SectionState<unknown>);
		}
		const next = fn(replay(sec, r.value));
		const serialized = JSON.stringify(next);
		// Nothing stored yet (or only a legacy key): the default or migrated value stands for it.
		const stored = r.raw ?? JSON.stringify(r.value);
		if (serialized === stored) {
			sec.pending = [];
			sec.memoryOnly = false;
			onWriteOk();
		} else if (canOverwrite && setRaw(sec.key, serialized)) {
			sec.pending = [];
			sec.memoryOnly = false;
			onWriteOk();
			scheduleReconcile(sec);
		} else {
			// Not saved (quota, or the unreadable value could not be set aside): keep the change
			// in memory and replay it on the next change.
			sec.pending.push(fn);
		}
		show(sec, next, serialized);
		return next;
	}

	/**
	 * A value another tab wrote. With a merge, this tab's value is folded in (nothing it holds
	 * is dropped) and, when the other tab's write lacked some of it (both wrote at once), the
	 * merged value is written back; the other tab then receives it and finds nothing to add.
	 */
	function receive<T>(sec: SectionState<T>, theirs: T): void {
		const base = replay(sec, theirs);
		if (!sec.merge) {
			show(sec, base);
			return;
		}
		const merged = sec.merge(base, sec.value);
		const serialized = JSON.stringify(merged);
		if (serialized !== JSON.stringify(sec.merge(base, base)) && readable && sec.pending.length === 0) {
			if (setRaw(sec.key, serialized)) onWriteOk();
		}
		show(sec, merged, serialized);
	}

	/** Under the Web Lock: re-read, merge this tab's value in, write when something was missing. */
	function reconcile<T>(sec: SectionState<T>): void {
		if (!sec.merge || !readable) return;
		const r = read(sec);
		if (!r || r.problem) return;
		receive(sec, r.value);
		emit();
	}

	function scheduleReconcile<T>(sec: SectionState<T>): void {
		const locks = options.locks;
		if (!sec.merge || !locks) return;
		try {
			locks.request(`${prefix}${sec.name}`, () => reconcile(sec)).catch(() => {});
		} catch {
			// no lock manager after all: storage events still repair a lost write
		}
	}

	function emit(): void {
		const secs = [...changedSections];
		const notifyStore = storeChanged;
		changedSections.clear();
		storeChanged = false;
		const errors: unknown[] = [];
		for (const sec of secs) {
			for (const run of [...sec.subscribers]) {
				try {
					run(sec.value);
				} catch (e) {
					errors.push(e);
				}
			}
		}
		if (notifyStore) {
			for (const run of [...storeSubscribers]) {
				try {
					run(store);
				} catch (e) {
					errors.push(e);
				}
			}
		}
		// State is saved and every subscriber ran; now let a failing subscriber be seen.
		if (errors.length > 0) throw errors[0];
	}

	function handleFor<T>(sec: SectionState<T>): Section<T> {
		return {
			name: sec.name,
			key: sec.key,
			get: () => sec.value,
			update(fn) {
				const next = update(sec, fn);
				emit();
				return next;
			},
			set(value) {
				const next = update(sec, () => value);
				emit();
				return next;
			},
			reset() {
				removeRaw(sec.key);
				for (const k of sec.legacyKeys) removeRaw(k);
				sec.pending = [];
				sec.memoryOnly = false;
				show(sec, emptyOf(sec));
				emit();
			},
			subscribe(run) {
				sec.subscribers.add(run);
				run(sec.value);
				return () => {
					sec.subscribers.delete(run);
				};
			},
			backups: () => readBackups(sec as SectionState<unknown>),
			saved: () => Boolean(storage) && readable && sec.pending.length === 0 && !sec.memoryOnly,
		};
	}

	function registerSection<T>(
		name: string,
		parse: SectionParser<T>,
		version: number,
		opts: SectionOptions<T> = {},
	): Section<T> {
		if (!SECTION_NAME.test(name)) throw new Error(`Invalid section name "${name}"`);
		if (!Number.isInteger(version) || version < 1) throw new Error(`Invalid version for section "${name}"`);
		if (sections.has(name)) throw new Error(`Section "${name}" is already registered`);
		const legacy = [...new Set(opts.legacyVersions ?? [])].filter((v) => Number.isInteger(v) && v >= 1 && v < version);
		const value = parse(undefined).value;
		const sec: SectionState<T> = {
			name,
			key: `${prefix}${name}:v${version}`,
			legacyKeys: legacy.sort((a, b) => b - a).map((v) => `${prefix}${name}:v${v}`),
			backupKey: `${prefix}${name}:backup`,
			label: opts.label ?? 'des données enregistrées par ce site',
			parse,
			merge: opts.merge,
			value,
			serialized: JSON.stringify(value),
			pending: [],
			memoryOnly: false,
			subscribers: new Set(),
		};
		sections.set(name, sec as SectionState<unknown>);
		load(sec, true);
		return handleFor(sec);
	}

	// ------------------------------------------------------------ the store

	probe();

	const progress = registerSection<ProgressState>(
		'progress',
		(raw) => {
			const { state, problem } = parseStoredState(raw);
			return problem ? { value: state, problem } : { value: state };
		},
		PROGRESS_VERSION,
		{ legacyVersions: [1], label: 'votre progression', merge: (theirs, mine) => mergeStates(theirs, mine) },
	);
	const prefs = registerSection<Prefs>('prefs', parsePrefs, PREFS_VERSION, { label: 'vos préférences' });

	const store: ProgressStore = {
		get mode() {
			return mode;
		},
		get reason() {
			return reason;
		},
		get notices() {
			return notices;
		},
		prefix,
		progress,
		prefs,
		section<T>(name: string, parse: SectionParser<T>, version: number, opts?: SectionOptions<T>) {
			const handle = registerSection(name, parse, version, opts);
			emit();
			return handle;
		},
		moduleEntry: (moduleId) => getEntry(progress.get(), moduleId),
		recordVisit: (moduleId, version) => progress.update((s) => recordVisit(s, moduleId, version, today())),
		recordAttempt: (moduleId, version, result) =>
			progress.update((s) => recordAttempt(s, moduleId, version, result, today())),
		setProfile: (profile, setting) => progress.update((s) => setProfile(s, profile, setting)),
		importProgress: (imported) => progress.update((s) => mergeStates(s, imported)),
		handleStorageEvent(event) {
			if (!readable || !storage) return false;
			if (event.storageArea !== undefined && event.storageArea !== null && event.storageArea !== storage) return false;
			if (event.key === null) {
				// Another tab called storage.clear().
				for (const sec of sections.values()) load(sec, false);
				emit();
				return true;
			}
			if (!event.key.startsWith(prefix)) return false;
			for (const sec of sections.values()) {
				if (event.key === sec.key && event.newValue !== null) {
					const d = decode(sec, event.newValue);
					if (!d.problem) receive(sec, d.value);
				} else if (event.key === sec.key || sec.legacyKeys.includes(event.key)) {
					load(sec, false);
				}
			}
			emit();
			return true;
		},
		refresh() {
			for (const sec of sections.values()) load(sec, true);
			emit();
		},
		dismissNotice(kind) {
			removeNotices([kind]);
			emit();
		},
		clearAll() {
			if (storage && readable) {
				const keys: string[] = [];
				try {
					for (let i = 0; i < storage.length; i += 1) {
						const k = storage.key(i);
						if (k !== null && k.startsWith(prefix)) keys.push(k);
					}
				} catch {
					// storage vanished: nothing more to remove
				}
				for (const k of keys) removeRaw(k);
			}
			for (const sec of sections.values()) {
				sec.pending = [];
				sec.memoryOnly = false;
				show(sec, emptyOf(sec));
			}
			removeNotices(['corrupt', 'future', 'quota']);
			if (readable && reason === 'quota') setMode('persistent', null);
			emit();
		},
		subscribe(run) {
			storeSubscribers.add(run);
			run(store);
			return () => {
				storeSubscribers.delete(run);
			};
		},
	};
	// Notices found while loading are part of the initial state, not a change to announce.
	changedSections.clear();
	storeChanged = false;
	return store;
}
