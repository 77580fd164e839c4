/**
 * Moving progress between devices without an account: a JSON file to download, or a short
 * text code to paste (hospital workstations often block USB sticks and personal mail).
 *
 * ## Export file (version 2)
 *
 * ```json
 * { "app": "parcours-ia-sante", "kind": "progress", "v": 2,
 *   "appVersion": "0.1.0", "exportedAt": "2026-11-28T09:30:00.000Z",
 *   "progress": { "v": 2, "profile": …, "setting": …, "modules": { … } } }
 * ```
 *
 * `progress` is the state described in `model.ts`, modules sorted by id, with `measures` (the
 * before / end / 30-day results of issue 17, see `measures.ts`) when the learner has any. A
 * file without `measures` (every file exported before issue 17) imports as before.
 *
 * ## Code
 *
 * `PIAS2-` + base64url of the deflate-raw compressed compact JSON of the same object (without
 * `appVersion` and `exportedAt`); `PIAS2B-` + base64url of the uncompressed JSON where
 * CompressionStream is missing. Whitespace inside a pasted code is ignored.
 *
 * ## Import
 *
 * An imported file is untrusted data. It is only ever read as data (never rendered as HTML)
 * and refused as a whole, with a French message saying why and what to do, when it is over
 * 1 MiB (UTF-8 bytes, checked before parsing), not JSON, not ours, from a newer version, holds a
 * `__proto__`/`constructor`/`prototype` key (found by a scanner over the raw text, escapes
 * decoded, before anything is read from the parsed value), nests deeper than 8 levels, repeats a
 * key in one object, carries an unexpected field or a string outside its pattern. A leading
 * UTF-8 byte-order mark is accepted. A value out of range concerns its entry only (one entry
 * never makes a whole file refused), with a French warning naming the module: a completed
 * entry keeps its completion with the bad field repaired (`checkEntry` in `model.ts`), a
 * started one is left out. Dates after tomorrow (a clock once ahead) are brought back to the
 * import day, with a warning. Unknown module ids are dropped with a warning, and results
 * earned on an earlier content version are kept and counted in a warning.
 * A code is decoded (at most 1 MiB of output, so a decompression bomb stops early) and then
 * goes through the same checks.
 */
import { formatDateFr } from '../format';
import {
	addDays,
	checkEntry,
	isId,
	isIntInRange,
	isIsoDate,
	isPlainObject,
	isProfile,
	isSetting,
	mergeStates,
	emptyState,
	MAX_MISSED,
	PROGRESS_VERSION,
	type EntryField,
	type ModuleProgress,
	type ProgressState,
} from './model';
import { mergeMeasures, parsePoint, MEASURE_KINDS, type MeasureKind, type Measures } from './measures';
import { THEMES } from '../taxonomy';

/** `app` field of every export. */
export const APP_ID = 'parcours-ia-sante';

/** `kind` field of a progress export. */
export const EXPORT_KIND = 'progress';

/** Largest accepted import, in UTF-8 bytes (1 MiB). */
export const MAX_IMPORT_BYTES = 1_048_576;

/** Deepest accepted nesting of objects and arrays (a real export needs 5). */
export const MAX_DEPTH = 8;

/** Highest content version accepted in an import. */
export const MAX_CONTENT_VERSION = 100_000;

/** Prefix of a compressed code. */
export const CODE_PREFIX = `PIAS${PROGRESS_VERSION}-`;

/** Prefix of an uncompressed code (browsers without CompressionStream). */
export const CODE_PREFIX_PLAIN = `PIAS${PROGRESS_VERSION}B-`;

/** Keys refused anywhere in an import: they could reach Object.prototype in careless code. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const APP_VERSION_PATTERN = /^[0-9A-Za-z.+-]{1,40}$/;
const TIMESTAMP_PATTERN = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const TOP_KEYS = new Set(['app', 'kind', 'v', 'appVersion', 'exportedAt', 'progress']);
const PROGRESS_KEYS = new Set(['v', 'profile', 'setting', 'modules', 'measures']);
const MEASURES_KEYS = new Set<string>(MEASURE_KINDS);
const POINT_KEYS = new Set(['on', 'themes']);
const THEME_KEYS = new Set<string>(THEMES);
const COUNT_KEYS = new Set(['c', 't']);
const ENTRY_KEYS = new Set(['status', 'best', 'attempts', 'lastVisit', 'completedOn', 'version', 'missed']);

export interface ExportMeta {
	/** package.json version of the site that exported. */
	appVersion: string;
	/** ISO timestamp of the export. */
	exportedAt: string;
}

export type ImportResult =
	| { ok: true; state: ProgressState; warnings: string[] }
	| { ok: false; error: string };

export interface ImportOptions {
	/** Today, YYYY-MM-DD; dates after tomorrow are brought back to it. Defaults to the UTC date. */
	today?: string;
}

export interface CodeOptions {
	/** The CompressionStream constructor to use; null forces the plain code. Defaults to the global one. */
	compression?: typeof CompressionStream | null;
	/** The DecompressionStream constructor to use; null acts as a browser without it. */
	decompression?: typeof DecompressionStream | null;
}

// ---------------------------------------------------------------- messages

type Source = 'file' | 'code';

const WORDS: Record<Source, { n: string; check: string; redo: string }> = {
	file: {
		n: 'fichier',
		check: 'Vérifiez que vous avez choisi le bon fichier.',
		redo: 'Exportez à nouveau votre progression depuis l’autre appareil, puis réessayez.',
	},
	code: {
		n: 'code',
		check: 'Vérifiez que vous avez collé le bon code, en entier.',
		redo: 'Copiez à nouveau le code depuis l’autre appareil, puis réessayez.',
	},
};

/** French messages shown to the learner; `s` is the kind of input. */
const MESSAGES = {
	tooBig: (s: Source) =>
		`Ce ${WORDS[s].n} est trop volumineux (plus de 1 Mo) pour être une progression exportée. ${WORDS[s].check}`,
	empty: (s: Source) => `Ce ${WORDS[s].n} est vide. ${WORDS[s].check}`,
	notJson: (s: Source) =>
		`Ce ${WORDS[s].n} n’est pas lisible : ce n’est pas une progression exportée, ou il a été abîmé en route. ${WORDS[s].redo}`,
	badNumber: (s: Source) =>
		`Ce ${WORDS[s].n} contient des nombres invalides (NaN ou Infinity) : il a sans doute été modifié, il n’est pas importé. ${WORDS[s].redo}`,
	forbidden: (s: Source, key: string) =>
		`Ce ${WORDS[s].n} contient un champ interdit (« ${key} ») : par sécurité, il n’est pas importé. ${WORDS[s].redo}`,
	depth: (s: Source) =>
		`Ce ${WORDS[s].n} contient des données trop imbriquées pour être une progression exportée : il n’est pas importé. ${WORDS[s].check}`,
	duplicate: (s: Source, key: string) =>
		`Ce ${WORDS[s].n} contient deux fois le même champ${/^[A-Za-z0-9-]{1,80}$/.test(key) ? ` (« ${key} »)` : ''} : il a sans doute été modifié à la main, il n’est pas importé. ${WORDS[s].redo}`,
	notOurs: (s: Source) =>
		`Ce ${WORDS[s].n} ne vient pas de Parcours IA Santé : il ne peut pas être importé ici. ${WORDS[s].check}`,
	wrongKind: (s: Source) =>
		`Ce ${WORDS[s].n} vient bien de Parcours IA Santé, mais il ne contient pas de progression (c’est peut-être un autre type d’export). ${WORDS[s].check}`,
	future: (s: Source) =>
		`Ce ${WORDS[s].n} a été créé par une version plus récente de Parcours IA Santé. Rechargez cette page pour obtenir la dernière version du site, puis réessayez.`,
	badVersion: (s: Source) =>
		`La version de ce ${WORDS[s].n} n’est pas reconnue : il ne peut pas être importé. ${WORDS[s].redo}`,
	unexpected: (s: Source) =>
		`Ce ${WORDS[s].n} contient des informations inattendues : il a sans doute été modifié, il n’est pas importé. ${WORDS[s].redo}`,
	badText: (s: Source) =>
		`Ce ${WORDS[s].n} contient un texte non autorisé (les identifiants n’acceptent que des minuscules sans accent, des chiffres et des tirets) : il a sans doute été modifié, il n’est pas importé. ${WORDS[s].redo}`,
	codeNotOurs: () =>
		`Ce code n’est pas un code de progression Parcours IA Santé (il devrait commencer par « ${CODE_PREFIX} »). ${WORDS.code.check}`,
	codeDamaged: () => `Ce code est incomplet ou a été modifié. ${WORDS.code.redo}`,
	codeUnsupported: () =>
		'Ce navigateur ne sait pas lire ce code. Utilisez plutôt l’export en fichier, ou un navigateur à jour.',
} as const;

/** Why an entry is not imported, completing « Module X non importé : … ». */
const FIELD_DETAILS: Record<EntryField, string> = {
	status: 'son état doit être « commencé » ou « terminé »',
	best: 'le score doit être un nombre entier de 0 à 100',
	attempts: 'le nombre de tentatives doit être un nombre entier de 0 à 10 000',
	lastVisit: 'la date de dernière visite doit être une vraie date',
	completedOn: 'la date de validation doit être une vraie date, et seulement pour un module terminé',
	version: 'la version doit être un nombre entier positif',
	missed: `la liste des questions à revoir doit contenir au plus ${MAX_MISSED} identifiants de question`,
};

const WARNINGS = {
	unknownModules: (n: number) =>
		n === 1
			? '1 module inconnu ignoré : il n’existe pas (ou plus) sur ce site.'
			: `${n} modules inconnus ignorés : ils n’existent pas (ou plus) sur ce site.`,
	earlierVersion: (n: number) =>
		n === 1
			? '1 résultat a été obtenu sur une version précédente de son module : il est conservé et signalé comme tel.'
			: `${n} résultats ont été obtenus sur une version précédente de leur module : ils sont conservés et signalés comme tels.`,
	unknownProfile: 'Profil inconnu ignoré : vous pourrez choisir votre parcours à nouveau.',
	unknownSetting: 'Lieu d’exercice inconnu ignoré : vous pourrez le choisir à nouveau.',
	entrySkipped: (id: string, detail: string) =>
		`Module « ${id} » non importé, car il n’était pas terminé et porte une valeur impossible (${detail}). Les autres modules sont importés.`,
	entryRepaired: (id: string, status: ModuleProgress['status'], notes: readonly string[]) =>
		`Module « ${id} » importé${status === 'completed' ? ', sa validation conservée' : ''} : ${notes.join(' ; ')}.`,
	measureSkipped: 'Un résultat de test porte des valeurs impossibles : il n’est pas importé.',
	datesAhead: (what: readonly string[], today: string) =>
		`${what.join(' et ')} ${what.length > 1 ? 'étaient postérieures' : 'était postérieure'} à aujourd’hui (l’horloge de l’autre appareil était sans doute en avance) : ${what.length > 1 ? 'elles sont ramenées' : 'elle est ramenée'} au ${formatDateFr(today)}`,
} as const;

/** What was changed in a damaged field of a kept entry (see `checkEntry`). */
const REPAIRS: Record<EntryField, string> = {
	status: 'état illisible',
	best: 'score illisible, remplacé par 0',
	attempts: 'nombre de tentatives illisible, remplacé par 1',
	lastVisit: 'date de dernière visite illisible, remplacée par la date de validation (ou laissée inconnue)',
	completedOn: 'date de validation illisible ou sans objet, retirée',
	version: 'version du contenu illisible, remplacée par 1 (le résultat peut être signalé comme obtenu sur une version précédente)',
	missed: `liste des questions à revoir réduite à ses identifiants valides (au plus ${MAX_MISSED})`,
};

/** Thrown inside the validation and turned into `{ ok: false, error }`. */
class ImportRefused extends Error {}

// ---------------------------------------------------------------- export

/** The state with modules sorted by id and fields in a fixed order (stable files, stable codes). */
function normalise(state: ProgressState): ProgressState {
	const modules: Record<string, ModuleProgress> = {};
	for (const id of Object.keys(state.modules).sort()) {
		if (!isId(id)) continue;
		const e = state.modules[id];
		const entry: ModuleProgress = { status: e.status, best: e.best, attempts: e.attempts, lastVisit: e.lastVisit, version: e.version };
		if (e.completedOn !== undefined) entry.completedOn = e.completedOn;
		if (e.missed && e.missed.length > 0) entry.missed = [...e.missed];
		modules[id] = entry;
	}
	const out: ProgressState = { v: PROGRESS_VERSION, profile: state.profile, setting: state.setting, modules };
	// Already in a fixed key order: the store reads and writes measures through `mergeMeasures`.
	if (state.measures && Object.keys(state.measures).length > 0) out.measures = state.measures;
	return out;
}

/** The export file's text (pretty JSON, ends with a newline). */
export function exportFile(state: ProgressState, meta: ExportMeta): string {
	const file = {
		app: APP_ID,
		kind: EXPORT_KIND,
		v: PROGRESS_VERSION,
		appVersion: meta.appVersion,
		exportedAt: meta.exportedAt,
		progress: normalise(state),
	};
	return `${JSON.stringify(file, null, 2)}\n`;
}

/** A short code to paste on another device: `PIAS2-…` (compressed) or `PIAS2B-…` (plain). */
export async function exportCode(state: ProgressState, options: CodeOptions = {}): Promise<string> {
	const json = JSON.stringify({ app: APP_ID, kind: EXPORT_KIND, v: PROGRESS_VERSION, progress: normalise(state) });
	const bytes = new TextEncoder().encode(json);
	const CS = options.compression === undefined ? globalThis.CompressionStream : options.compression;
	if (typeof CS !== 'function') return CODE_PREFIX_PLAIN + toBase64Url(bytes);
	const stream = new Blob([bytes]).stream().pipeThrough(new CS('deflate-raw'));
	const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
	return CODE_PREFIX + toBase64Url(compressed);
}

// ---------------------------------------------------------------- base64url

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
		if (i + 1 < bytes.length) out += B64[(n >> 6) & 63];
		if (i + 2 < bytes.length) out += B64[n & 63];
	}
	return out;
}

/** Decodes base64url (padding tolerated); null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
	const s = text.replace(/=+$/, '');
	if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
	const out = new Uint8Array(Math.floor((s.length * 3) / 4));
	let o = 0;
	for (let i = 0; i < s.length; i += 4) {
		const c = [0, 1, 2, 3].map((k) => (i + k < s.length ? B64.indexOf(s[i + k]) : 0));
		const n = (c[0] << 18) | (c[1] << 12) | (c[2] << 6) | c[3];
		out[o++] = (n >> 16) & 255;
		if (i + 2 < s.length) out[o++] = (n >> 8) & 255;
		if (i + 3 < s.length) out[o++] = n & 255;
	}
	return out;
}

// ---------------------------------------------------------------- raw-text checks

/** UTF-8 length of a string without encoding it (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i += 1) {
		const c = text.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const d = text.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) {
				n += 4;
				i += 1;
			} else n += 3;
		} else n += 3;
	}
	return n;
}

export type ScanIssue = { kind: 'depth' } | { kind: 'forbidden'; key: string } | { kind: 'duplicate'; key: string };

/**
 * One pass over JSON text: nesting depth, forbidden keys and keys repeated within one object
 * (JSON.parse silently keeps the last one). Keys are decoded, so "\u005f_proto__" is caught.
 * Robust on invalid JSON (it then reports nothing useful, and JSON.parse refuses the text).
 */
export function scanJson(text: string): ScanIssue | null {
	const stack: Array<Set<string> | null> = [];
	let expectKey = false;
	let keyIssue: ScanIssue | null = null;
	for (let i = 0; i < text.length; i += 1) {
		const c = text.charCodeAt(i);
		if (c === 0x22) {
			let j = i + 1;
			while (j < text.length) {
				const d = text.charCodeAt(j);
				if (d === 0x5c) j += 2;
				else if (d === 0x22) break;
				else j += 1;
			}
			if (expectKey && keyIssue === null) {
				let key: unknown;
				try {
					key = JSON.parse(text.slice(i, j + 1));
				} catch {
					key = undefined;
				}
				const seen = stack[stack.length - 1];
				if (typeof key === 'string') {
					if (FORBIDDEN_KEYS.has(key)) keyIssue = { kind: 'forbidden', key };
					else if (seen?.has(key)) keyIssue = { kind: 'duplicate', key };
					else seen?.add(key);
				}
			}
			expectKey = false;
			i = j;
		} else if (c === 0x7b || c === 0x5b) {
			stack.push(c === 0x7b ? new Set() : null);
			if (stack.length > MAX_DEPTH) return { kind: 'depth' };
			expectKey = c === 0x7b;
		} else if (c === 0x7d || c === 0x5d) {
			stack.pop();
			expectKey = false;
		} else if (c === 0x2c) {
			expectKey = stack.length > 0 && stack[stack.length - 1] !== null;
		} else if (c === 0x3a) {
			expectKey = false;
		}
	}
	return keyIssue;
}

// ---------------------------------------------------------------- validation

function checkKeys(obj: Record<string, unknown>, allowed: ReadonlySet<string>, s: Source): void {
	for (const k of Object.keys(obj)) if (!allowed.has(k)) throw new ImportRefused(MESSAGES.unexpected(s));
}

/** What the import did with one entry. */
type EntryOutcome = { entry: ModuleProgress; warning?: string } | { entry: null; warning: string };

function validateEntry(id: string, raw: unknown, today: string, s: Source): EntryOutcome {
	if (!isPlainObject(raw)) throw new ImportRefused(MESSAGES.unexpected(s));
	checkKeys(raw, ENTRY_KEYS, s);
	// Text outside its pattern is a sign of tampering (or an attack), not of a damaged entry:
	// the whole file is refused.
	const { status, missed } = raw;
	if (typeof status === 'string' && !/^[a-z]{1,20}$/.test(status)) throw new ImportRefused(MESSAGES.badText(s));
	if (Array.isArray(missed)) {
		for (const q of missed) if (typeof q === 'string' && !isId(q)) throw new ImportRefused(MESSAGES.badText(s));
	}
	// A value out of range concerns this entry only: never refuse a whole file for one entry.
	const { entry, bad } = checkEntry(raw, MAX_CONTENT_VERSION);
	if (!entry) return { entry: null, warning: WARNINGS.entrySkipped(id, FIELD_DETAILS[bad[0]]) };
	const notes: string[] = bad.map((field) => REPAIRS[field]);
	// A clock once ahead: dates after tomorrow (tomorrow is tolerated for time zones) are
	// brought back to the import day, so the result is kept and no date lies in the future.
	const tomorrow = addDays(today, 1);
	const ahead: string[] = [];
	if (entry.lastVisit > tomorrow) {
		ahead.push(`la date de dernière visite (${formatDateFr(entry.lastVisit)})`);
		entry.lastVisit = today;
	}
	if (entry.completedOn !== undefined && entry.completedOn > tomorrow) {
		ahead.push(`la date de validation (${formatDateFr(entry.completedOn)})`);
		entry.completedOn = today;
	}
	if (ahead.length > 0) notes.push(WARNINGS.datesAhead(ahead, today));
	return notes.length > 0 ? { entry, warning: WARNINGS.entryRepaired(id, entry.status, notes) } : { entry };
}

/**
 * The `measures` of an imported progress: an unexpected key or a non-numeric count refuses the
 * file (tampering); a point with impossible values is left out with a warning; a date after
 * tomorrow is brought back to the import day with a warning.
 */
function validateMeasures(raw: unknown, today: string, s: Source, warnings: string[]): Measures {
	const shape = (o: unknown, keys: ReadonlySet<string>): Record<string, unknown> => {
		if (!isPlainObject(o)) throw new ImportRefused(MESSAGES.unexpected(s));
		checkKeys(o, keys, s);
		return o;
	};
	const out: Measures = {};
	for (const [kind, point] of Object.entries(shape(raw, MEASURES_KEYS))) {
		for (const count of Object.values(shape(shape(point, POINT_KEYS).themes, THEME_KEYS))) {
			if (Object.values(shape(count, COUNT_KEYS)).some((n) => typeof n !== 'number')) throw new ImportRefused(MESSAGES.unexpected(s));
		}
		const p = parsePoint(point);
		if (!p) warnings.push(WARNINGS.measureSkipped);
		else {
			if (p.on > addDays(today, 1)) {
				warnings.push(`Résultat de test importé : ${WARNINGS.datesAhead(['sa date'], today)}.`);
				p.on = today;
			}
			out[kind as MeasureKind] = p;
		}
	}
	return out;
}

function validate(data: unknown, known: ReadonlyMap<string, number>, today: string, s: Source): { state: ProgressState; warnings: string[] } {
	if (!isPlainObject(data) || data.app !== APP_ID) throw new ImportRefused(MESSAGES.notOurs(s));
	if (data.kind !== EXPORT_KIND) throw new ImportRefused(MESSAGES.wrongKind(s));
	if (isIntInRange(data.v, PROGRESS_VERSION + 1, Number.MAX_SAFE_INTEGER)) throw new ImportRefused(MESSAGES.future(s));
	if (data.v !== PROGRESS_VERSION) throw new ImportRefused(MESSAGES.badVersion(s));
	checkKeys(data, TOP_KEYS, s);
	if (data.appVersion !== undefined && !(typeof data.appVersion === 'string' && APP_VERSION_PATTERN.test(data.appVersion))) {
		throw new ImportRefused(MESSAGES.badText(s));
	}
	if (data.exportedAt !== undefined) {
		const m = typeof data.exportedAt === 'string' ? TIMESTAMP_PATTERN.exec(data.exportedAt) : null;
		if (!m || !isIsoDate(m[1])) throw new ImportRefused(MESSAGES.badText(s));
	}

	const p = data.progress;
	if (!isPlainObject(p)) throw new ImportRefused(MESSAGES.unexpected(s));
	if (isIntInRange(p.v, PROGRESS_VERSION + 1, Number.MAX_SAFE_INTEGER)) throw new ImportRefused(MESSAGES.future(s));
	if (p.v !== PROGRESS_VERSION) throw new ImportRefused(MESSAGES.badVersion(s));
	checkKeys(p, PROGRESS_KEYS, s);

	const warnings: string[] = [];
	const state = emptyState();
	for (const field of ['profile', 'setting'] as const) {
		const value = p[field];
		if (value === undefined || value === null) continue;
		if (typeof value !== 'string') throw new ImportRefused(MESSAGES.unexpected(s));
		if (!isId(value)) throw new ImportRefused(MESSAGES.badText(s));
		if (field === 'profile') {
			if (isProfile(value)) state.profile = value;
			else warnings.push(WARNINGS.unknownProfile);
		} else if (isSetting(value)) state.setting = value;
		else warnings.push(WARNINGS.unknownSetting);
	}

	if (!isPlainObject(p.modules)) throw new ImportRefused(MESSAGES.unexpected(s));
	let unknown = 0;
	let earlier = 0;
	const entryWarnings: string[] = [];
	for (const id of Object.keys(p.modules)) {
		if (!isId(id)) throw new ImportRefused(MESSAGES.badText(s));
		// Check every entry, known or not: a tampered file is refused as a whole.
		const { entry, warning } = validateEntry(id, p.modules[id], today, s);
		const current = known.get(id);
		if (current === undefined) {
			unknown += 1;
			continue;
		}
		if (warning !== undefined) entryWarnings.push(warning);
		if (!entry) continue;
		if (entry.version < current) earlier += 1;
		state.modules[id] = entry;
	}
	warnings.push(...entryWarnings);
	if (p.measures !== undefined) {
		const measures = validateMeasures(p.measures, today, s, warnings);
		if (Object.keys(measures).length > 0) state.measures = mergeMeasures(measures);
	}
	if (unknown > 0) warnings.push(WARNINGS.unknownModules(unknown));
	if (earlier > 0) warnings.push(WARNINGS.earlierVersion(earlier));
	return { state, warnings };
}

function parseText(text: unknown, known: ReadonlyMap<string, number>, options: ImportOptions, s: Source): ImportResult {
	try {
		if (typeof text !== 'string') throw new ImportRefused(MESSAGES.notJson(s));
		// UTF-8 takes at least one byte per UTF-16 unit: long strings are refused without counting.
		if (text.length > MAX_IMPORT_BYTES || utf8ByteLength(text) > MAX_IMPORT_BYTES) {
			throw new ImportRefused(MESSAGES.tooBig(s));
		}
		const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
		if (body.trim() === '') throw new ImportRefused(MESSAGES.empty(s));
		const issue = scanJson(body);
		if (issue?.kind === 'depth') throw new ImportRefused(MESSAGES.depth(s));
		let data: unknown;
		try {
			data = JSON.parse(body);
		} catch {
			if (/(^|[\s:,[])-?(NaN|Infinity)\s*[,}\]]/.test(body)) throw new ImportRefused(MESSAGES.badNumber(s));
			throw new ImportRefused(MESSAGES.notJson(s));
		}
		if (issue?.kind === 'forbidden') throw new ImportRefused(MESSAGES.forbidden(s, issue.key));
		if (issue?.kind === 'duplicate') throw new ImportRefused(MESSAGES.duplicate(s, issue.key));
		const today = options.today !== undefined && isIsoDate(options.today) ? options.today : new Date().toISOString().slice(0, 10);
		const { state, warnings } = validate(data, known, today, s);
		return { ok: true, state, warnings };
	} catch (e) {
		if (e instanceof ImportRefused) return { ok: false, error: e.message };
		return { ok: false, error: MESSAGES.notJson(s) };
	}
}

/** Reads an export file's text. `known` maps each module id of this site to its content version. */
export function parseImport(text: string, known: ReadonlyMap<string, number>, options: ImportOptions = {}): ImportResult {
	return parseText(text, known, options, 'file');
}

/** Decompresses at most `limit` bytes; 'too-big' as soon as the output goes past it. */
async function inflateRawLimited(
	bytes: Uint8Array<ArrayBuffer>,
	DS: typeof DecompressionStream,
	limit: number,
): Promise<Uint8Array | 'too-big' | 'damaged'> {
	const ds = new DS('deflate-raw');
	const writer = ds.writable.getWriter();
	const reader = ds.readable.getReader();
	writer.closed.catch(() => {});
	reader.closed.catch(() => {});
	let stop = false;
	// Small input chunks bound what one chunk can expand to (deflate: about 1 000 : 1) even in
	// implementations that inflate a whole chunk before looking at the reader.
	const pump = (async () => {
		for (let o = 0; o < bytes.length && !stop; o += 1024) await writer.write(bytes.subarray(o, o + 1024));
		if (!stop) await writer.close();
	})();
	pump.catch(() => {});
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.byteLength;
			if (total > limit) {
				stop = true;
				await reader.cancel().catch(() => {});
				return 'too-big';
			}
			chunks.push(value);
		}
		await pump;
	} catch {
		stop = true;
		return 'damaged';
	}
	const out = new Uint8Array(total);
	let o = 0;
	for (const c of chunks) {
		out.set(c, o);
		o += c.byteLength;
	}
	return out;
}

/** Reads a pasted code (see "Code" above), then checks it like a file. */
export async function parseImportCode(
	code: string,
	known: ReadonlyMap<string, number>,
	options: ImportOptions & CodeOptions = {},
): Promise<ImportResult> {
	if (typeof code !== 'string') return { ok: false, error: MESSAGES.codeNotOurs() };
	// base64 of 1 MiB, with room for line breaks added by mail or chat clients.
	if (code.length > 2 * MAX_IMPORT_BYTES) return { ok: false, error: MESSAGES.tooBig('code') };
	const compact = code.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
	if (compact === '') return { ok: false, error: MESSAGES.empty('code') };
	const m = /^PIAS(\d{1,6})([A-Za-z]?)-(.*)$/i.exec(compact);
	if (!m) return { ok: false, error: MESSAGES.codeNotOurs() };
	const version = Number(m[1]);
	if (version > PROGRESS_VERSION) return { ok: false, error: MESSAGES.future('code') };
	const variant = m[2].toUpperCase();
	if (version !== PROGRESS_VERSION || (variant !== '' && variant !== 'B')) return { ok: false, error: MESSAGES.codeNotOurs() };
	const bytes = fromBase64Url(m[3]);
	if (!bytes || bytes.length === 0) return { ok: false, error: MESSAGES.codeDamaged() };

	let payload: Uint8Array;
	if (variant === 'B') {
		payload = bytes;
	} else {
		const DS = options.decompression === undefined ? globalThis.DecompressionStream : options.decompression;
		if (typeof DS !== 'function') return { ok: false, error: MESSAGES.codeUnsupported() };
		const out = await inflateRawLimited(bytes, DS, MAX_IMPORT_BYTES);
		if (out === 'too-big') return { ok: false, error: MESSAGES.tooBig('code') };
		if (out === 'damaged') return { ok: false, error: MESSAGES.codeDamaged() };
		payload = out;
	}
	if (payload.length > MAX_IMPORT_BYTES) return { ok: false, error: MESSAGES.tooBig('code') };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(payload);
	} catch {
		return { ok: false, error: MESSAGES.codeDamaged() };
	}
	return parseText(text, known, options, 'code');
}

/** Adds an import to this device's progress, keeping the better result of each module. */
export function mergeImport(current: ProgressState, imported: ProgressState): ProgressState {
	return mergeStates(current, imported);
}
