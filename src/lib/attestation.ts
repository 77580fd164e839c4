/**
 * Attestation records, pure. A record lists what a learner completed on this platform; its
 * fingerprint (SHA-256 of the canonical record, see fingerprint.ts) lets a trainer check that
 * a printed attestation matches the verification code printed with it, i.e. that the text was
 * not edited by hand after printing. It proves nothing else: the record is produced in the
 * learner's own browser, so it is a self-declared training record, not a certificate.
 */
import { canonicalJson, fingerprint, sha256 } from './fingerprint';
import { fromBase64Url, toBase64Url } from './progress/transfer';
import { isId, isIntInRange, isIsoDate, isPlainObject, type ProgressState } from './progress/model';

/** Version of the records built today; version 1 codes (ATT1-) printed before Dec 2026 still verify. */
export const RECORD_VERSION = 2;
export const CODE_PREFIX = 'ATT2-';
export const LEGACY_PREFIX = 'ATT1-';

export interface RecordModule {
	id: string;
	title: string;
	/** Best score, 0–100. */
	score: number;
	/** Completion date, YYYY-MM-DD ('1970-01-01' when unknown). */
	date: string;
	/** Content version the score was earned on. */
	version: number;
	minutes: number;
}

export interface AttestationRecord {
	v: number;
	/** Learner's name as typed on the page (never stored), normalised by `normaliseName`. */
	name: string;
	/** Track profile, or null for a record of modules outside any complete track. */
	track: string | null;
	/** Track variant key `profile:setting` (version 2; '' for none). */
	trackKey?: string;
	trackTitle: string;
	/** True when every module of the track is completed. */
	complete: boolean;
	modules: RecordModule[];
	totalMinutes: number;
	/** Build date of the content the learner used (the site's content version). */
	contentVersion: string;
	issuedOn: string;
	/** Establishment name from content/etablissement.yaml (version 2; '' when not set). */
	establishment?: string;
}

export interface ModuleMeta {
	id: string;
	title: string;
	minutes: number;
	/** Current content version (needed by the verifier, optional when building). */
	version?: number;
}

export interface TrackMeta {
	profile: string;
	/** `profile:setting`, or `profile:` for a track without variants. */
	key: string;
	title: string;
	ids: string[];
}

/** The catalogue the site was built with, as the verifier checks a record against it. */
export interface Catalogue {
	modules: ModuleMeta[];
	tracks: TrackMeta[];
}

/**
 * Names are compared as printed: Unicode NFC (a name typed with decomposed accents, "e" +
 * U+0301, is the same name as one typed with "é"), every run of spaces (including no-break and
 * narrow no-break spaces, tabs, line breaks) as one space, trimmed, at most 120 characters.
 */
export function normaliseName(name: string): string {
	return name
		.normalize('NFC')
		.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu, ' ')
		.trim()
		.slice(0, 120);
}

/** Builds the record of completed modules, in track order (then the others, by date). */
export function buildRecord(input: {
	state: ProgressState;
	name: string;
	track: { profile: string; title: string; ids: string[]; key?: string } | null;
	modules: ModuleMeta[];
	contentVersion: string;
	today: string;
	establishment?: string;
}): AttestationRecord {
	const meta = new Map(input.modules.map((m) => [m.id, m]));
	const done = Object.entries(input.state.modules).filter(([id, e]) => e.status === 'completed' && meta.has(id));
	const order = input.track?.ids ?? [];
	const inTrack = (id: string) => order.indexOf(id);
	done.sort((a, b) => {
		const ia = inTrack(a[0]);
		const ib = inTrack(b[0]);
		if (ia >= 0 && ib >= 0) return ia - ib;
		if (ia >= 0) return -1;
		if (ib >= 0) return 1;
		return (a[1].completedOn ?? '').localeCompare(b[1].completedOn ?? '') || a[0].localeCompare(b[0]);
	});
	const modules = done.map(([id, e]) => ({
		id,
		title: meta.get(id)!.title,
		score: e.best,
		// A completion recorded while the device clock was ahead is never printed after the
		// document's own date (issue 16 item 3): it is brought back to the issue day.
		date: e.completedOn && e.completedOn > input.today ? input.today : (e.completedOn ?? '1970-01-01'),
		version: e.version,
		minutes: meta.get(id)!.minutes,
	}));
	const complete = !!input.track && input.track.ids.length > 0 && input.track.ids.every((id) => input.state.modules[id]?.status === 'completed');
	return {
		v: RECORD_VERSION,
		name: normaliseName(input.name),
		track: input.track?.profile ?? null,
		trackKey: input.track ? (input.track.key ?? `${input.track.profile}:`) : '',
		trackTitle: input.track?.title ?? '',
		complete,
		modules,
		totalMinutes: modules.reduce((n, m) => n + m.minutes, 0),
		contentVersion: input.contentVersion,
		issuedOn: input.today,
		establishment: normaliseName(input.establishment ?? ''),
	};
}

/** The legacy fingerprint, XXXX-XXXX-XXXX in hex, printed on version 1 attestations. */
export function recordFingerprint(record: AttestationRecord): string {
	return fingerprint(record);
}

// ---------------------------------------------------------------------------------------------
// Short verification code (version 2): 12 characters, typed by hand from paper.

/** Crockford's base 32: no I, L, O or U, so a typed code cannot confuse 1/I/L or 0/O. */
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The 12-character code printed on a version 2 attestation, as XXXX-XXXX-XXXX: 11 characters
 * (55 bits) of SHA-256 of the record's canonical JSON, name included, then one check character
 * (weighted sum mod 31) that catches any single mistyped character and any swap of two
 * neighbours. Like the fingerprint, it detects edits; it is not a signature.
 */
export function shortCode(record: AttestationRecord): string {
	const hex = sha256(canonicalJson(record));
	let bits = BigInt(`0x${hex.slice(0, 14)}`) >> 1n; // 56 bits, keep 55
	const chars: number[] = [];
	for (let i = 0; i < 11; i += 1) {
		chars.unshift(Number(bits & 31n));
		bits >>= 5n;
	}
	chars.push(checkValue(chars));
	const s = chars.map((v) => B32[v]).join('');
	return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

function checkValue(values: number[]): number {
	return values.reduce((sum, v, i) => sum + (i + 1) * v, 0) % 31;
}

export type ShortCodeParse = { ok: true; code: string } | { ok: false; error: string };

/**
 * Reads a typed short code: case, spaces and dashes do not matter; O is read as 0 and I or L as
 * 1 (Crockford). A wrong length or a failed check character gets a message that says so.
 */
export function parseShortCode(typed: string): ShortCodeParse {
	const raw = typed.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑–—.]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	if (raw.length === 0) return { ok: false, error: 'Saisissez le code de vérification imprimé (12 caractères, par exemple 7K2M-QX4D-9TB3).' };
	if (!/^[0-9A-Z]+$/.test(raw) || /U/.test(raw)) return { ok: false, error: 'Ce code contient un caractère qui ne peut pas figurer dans un code de vérification (seuls les chiffres et les lettres sauf I, L, O et U sont utilisés).' };
	if (raw.length !== 12) return { ok: false, error: `Ce code a ${raw.length} caractère${raw.length > 1 ? 's' : ''} au lieu de 12 : vérifiez qu’il a été recopié en entier.` };
	const values = [...raw].map((c) => B32.indexOf(c));
	if (checkValue(values.slice(0, 11)) !== values[11]) return { ok: false, error: 'Ce code contient une faute de frappe (le dernier caractère de contrôle ne correspond pas) : relisez-le caractère par caractère.' };
	return { ok: true, code: `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}` };
}

// ---------------------------------------------------------------------------------------------
// Full record code (carried by the QR code, in the URL fragment of the verifier page).

/**
 * The full record without the name, for the QR code: `ATT2-` + base64url(JSON). Titles and
 * durations are left out: the verifier takes them from its own catalogue, so a code cannot
 * carry a made-up title. Modules are [id, score, date, version].
 */
export function encodeRecord(record: AttestationRecord): string {
	const compact = {
		v: RECORD_VERSION,
		k: record.trackKey ?? (record.track ? `${record.track}:` : ''),
		c: record.complete ? 1 : 0,
		e: record.establishment ?? '',
		cv: record.contentVersion,
		i: record.issuedOn,
		m: record.modules.map((m) => [m.id, m.score, m.date, m.version]),
	};
	return CODE_PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(compact)));
}

export type DecodeResult = { ok: true; record: AttestationRecord } | { ok: false; error: string };

function decodeJson(text: string, prefix: string): { ok: true; obj: Record<string, unknown> } | { ok: false; error: string } {
	const bytes = fromBase64Url(text.slice(prefix.length));
	if (!bytes) return { ok: false, error: 'Ce code contient des caractères inattendus : vérifiez qu’il a été recopié en entier.' };
	let obj: unknown;
	try {
		obj = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return { ok: false, error: 'Ce code est incomplet ou abîmé : vérifiez qu’il a été recopié en entier.' };
	}
	if (!isPlainObject(obj)) return { ok: false, error: 'Ce code vient d’une version inconnue de l’attestation.' };
	return { ok: true, obj };
}

/**
 * Decodes a full record code (ATT2- from the QR code, or a legacy ATT1- code); `name` is the
 * name as printed. Shape checks only: `checkRecord` then checks it against the catalogue.
 * Version 2 codes need the catalogue to put back titles and durations.
 */
export function decodeRecord(code: string, name: string, catalogue?: Catalogue): DecodeResult {
	const bad = (error: string): DecodeResult => ({ ok: false, error });
	let text = code.replace(/\s+/g, '');
	const hash = text.indexOf('#');
	if (hash >= 0) text = text.slice(hash + 1);
	if (text.length > 20_000) return bad('Ce code est trop long pour être un code de vérification.');
	const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
	if (text.startsWith(CODE_PREFIX)) {
		const d = decodeJson(text, CODE_PREFIX);
		if (!d.ok) return d;
		const o = d.obj;
		if (o.v !== 2) return bad('Ce code vient d’une version inconnue de l’attestation.');
		if (!str(o.k, 100) || !(o.c === 0 || o.c === 1) || !str(o.e, 200) || !str(o.cv, 40) || !isIsoDate(o.i)) return bad('Ce code est incohérent (parcours, dates ou établissement).');
		if (!Array.isArray(o.m) || o.m.length > 200) return bad('Ce code est incohérent (modules).');
		const meta = new Map((catalogue?.modules ?? []).map((m) => [m.id, m]));
		const modules: RecordModule[] = [];
		for (const m of o.m) {
			if (!Array.isArray(m) || m.length !== 4 || !isId(m[0]) || !isIntInRange(m[1], 0, 100) || !isIsoDate(m[2]) || !isIntInRange(m[3], 1, 100_000)) {
				return bad('Ce code est incohérent (un module a des valeurs impossibles).');
			}
			const cat = meta.get(m[0] as string);
			modules.push({ id: m[0] as string, title: cat?.title ?? '', score: m[1] as number, date: m[2] as string, version: m[3] as number, minutes: cat?.minutes ?? 0 });
		}
		const key = o.k as string;
		const track = catalogue?.tracks.find((t) => t.key === key);
		const profile = key === '' ? null : key.split(':')[0];
		if (profile !== null && !isId(profile)) return bad('Ce code est incohérent (parcours).');
		return {
			ok: true,
			record: {
				v: 2,
				name: normaliseName(name),
				track: profile,
				trackKey: key,
				trackTitle: track?.title ?? '',
				complete: o.c === 1,
				modules,
				totalMinutes: modules.reduce((n, m) => n + m.minutes, 0),
				contentVersion: o.cv as string,
				issuedOn: o.i as string,
				establishment: o.e as string,
			},
		};
	}
	if (!text.startsWith(LEGACY_PREFIX)) return bad('Ce code ne commence pas par « ATT2- » (ni « ATT1- ») : ce n’est pas un code d’attestation. Scannez le QR code imprimé, ou copiez l’adresse qu’il ouvre.');
	const d = decodeJson(text, LEGACY_PREFIX);
	if (!d.ok) return d;
	const o = d.obj;
	if (o.v !== 1) return bad('Ce code vient d’une version inconnue de l’attestation.');
	if (!(o.track === null || isId(o.track)) || !str(o.trackTitle, 200) || typeof o.complete !== 'boolean') return bad('Ce code est incohérent (parcours).');
	if (!Array.isArray(o.modules) || o.modules.length > 200) return bad('Ce code est incohérent (modules).');
	const modules: RecordModule[] = [];
	for (const m of o.modules) {
		if (!isPlainObject(m) || !isId(m.id) || !str(m.title, 300) || !isIntInRange(m.score, 0, 100) || !isIsoDate(m.date) || !isIntInRange(m.version, 1, 100_000) || !isIntInRange(m.minutes, 0, 600)) {
			return bad('Ce code est incohérent (un module a des valeurs impossibles).');
		}
		modules.push({ id: m.id, title: m.title as string, score: m.score, date: m.date, version: m.version, minutes: m.minutes });
	}
	if (!isIntInRange(o.totalMinutes, 0, 100_000) || !str(o.contentVersion, 40) || !isIsoDate(o.issuedOn)) return bad('Ce code est incohérent (dates ou durée).');
	return {
		ok: true,
		record: {
			v: 1,
			// Version 1 hashed the name trimmed with spaces collapsed; NFC makes decomposed accents match.
			name: normaliseName(name),
			track: o.track as string | null,
			trackTitle: o.trackTitle as string,
			complete: o.complete,
			modules,
			totalMinutes: o.totalMinutes,
			contentVersion: o.contentVersion as string,
			issuedOn: o.issuedOn as string,
		},
	};
}

/** Earliest plausible date on a record (the platform did not exist before). */
export const EARLIEST_DATE = '2025-01-01';

/** Adds days to a YYYY-MM-DD date (UTC arithmetic). */
function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/**
 * Checks a decoded record against the catalogue the site was built with and against today's
 * date (the verifier's; one day of slack for time zones). Returns the problems in French, empty
 * when the record is possible. A possible record is still self-declared: nothing here proves
 * who did the training.
 */
export function checkRecord(record: AttestationRecord, catalogue: Catalogue, today: string): string[] {
	const problems: string[] = [];
	const latest = addDays(today, 1);
	const meta = new Map(catalogue.modules.map((m) => [m.id, m]));
	const seen = new Set<string>();
	for (const m of record.modules) {
		const cat = meta.get(m.id);
		if (seen.has(m.id)) problems.push(`Le module « ${m.id} » figure deux fois.`);
		seen.add(m.id);
		if (!cat) {
			problems.push(`Le module « ${m.id} » n’existe pas dans le catalogue de ce site.`);
			continue;
		}
		if (m.title !== cat.title) problems.push(`Le titre « ${m.title.slice(0, 80)} » n’est pas celui du module « ${cat.title} ».`);
		if (m.minutes !== cat.minutes) problems.push(`La durée indiquée pour « ${cat.title} » (${m.minutes} min) n’est pas celle du catalogue (${cat.minutes} min).`);
		if (cat.version !== undefined && m.version > cat.version) problems.push(`« ${cat.title} » porte une version de contenu (v${m.version}) qui n’existe pas encore (version actuelle : v${cat.version}).`);
		if (m.date !== '1970-01-01' && m.date < EARLIEST_DATE) problems.push(`La date de fin de « ${cat.title} » est antérieure à l’existence de la plateforme.`);
		if (m.date > latest) problems.push(`La date de fin de « ${cat.title} » est postérieure à aujourd’hui.`);
		else if (m.date > record.issuedOn) problems.push(`La date de fin de « ${cat.title} » est postérieure à la date du document.`);
	}
	if (record.issuedOn > latest) problems.push('Le document est daté d’après aujourd’hui.');
	if (record.issuedOn < EARLIEST_DATE) problems.push('Le document est daté d’avant l’existence de la plateforme.');
	if (isIsoDate(record.contentVersion) && record.contentVersion > latest) problems.push('La version des contenus indiquée est postérieure à aujourd’hui.');
	const sum = record.modules.reduce((n, m) => n + (meta.get(m.id)?.minutes ?? m.minutes), 0);
	if (record.totalMinutes !== sum) problems.push(`La durée totale (${record.totalMinutes} min) n’est pas la somme des durées des modules (${sum} min).`);
	if (record.track !== null) {
		const variants = record.v >= 2 && record.trackKey ? catalogue.tracks.filter((t) => t.key === record.trackKey) : catalogue.tracks.filter((t) => t.profile === record.track);
		if (variants.length === 0) problems.push(`Le parcours « ${record.track} » n’existe pas sur ce site.`);
		else {
			if (record.v < 2 && !variants.some((t) => t.title === record.trackTitle)) problems.push(`Le titre de parcours « ${record.trackTitle.slice(0, 80)} » n’est pas celui du catalogue (« ${variants[0].title} »).`);
			if (record.complete && !variants.some((t) => t.ids.every((id) => seen.has(id)))) problems.push('Le parcours est dit terminé, mais des modules du parcours manquent au relevé.');
		}
	} else if (record.complete) {
		problems.push('Le relevé est dit « parcours terminé » sans nommer de parcours.');
	}
	return problems;
}
