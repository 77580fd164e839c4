/**
 * Attestation records, pure. A record lists what a learner completed on this platform; its
 * fingerprint (SHA-256 of the canonical record, see fingerprint.ts) lets a trainer check that
 * a printed attestation matches the verification code printed with it, i.e. that the text was
 * not edited by hand after printing. It proves nothing else: the record is produced in the
 * learner's own browser, so it is a self-declared training record, not a certificate.
 */
import { fingerprint } from './fingerprint';
import { fromBase64Url, toBase64Url } from './progress/transfer';
import { isId, isIntInRange, isIsoDate, isPlainObject, type ProgressState } from './progress/model';

export const RECORD_VERSION = 1;
export const CODE_PREFIX = 'ATT1-';

export interface RecordModule {
	id: string;
	title: string;
	/** Best score, 0–100. */
	score: number;
	/** Completion date, YYYY-MM-DD. */
	date: string;
	/** Content version the score was earned on. */
	version: number;
	minutes: number;
}

export interface AttestationRecord {
	v: number;
	/** Learner's name as typed on the page (never stored). */
	name: string;
	/** Track profile, or null for a record of modules outside any complete track. */
	track: string | null;
	trackTitle: string;
	/** True when every module of the track is completed. */
	complete: boolean;
	modules: RecordModule[];
	totalMinutes: number;
	/** Build date of the content the learner used (the site's content version). */
	contentVersion: string;
	issuedOn: string;
}

export interface ModuleMeta {
	id: string;
	title: string;
	minutes: number;
}

/** Builds the record of completed modules, in track order (then the others, by date). */
export function buildRecord(input: {
	state: ProgressState;
	name: string;
	track: { profile: string; title: string; ids: string[] } | null;
	modules: ModuleMeta[];
	contentVersion: string;
	today: string;
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
		date: e.completedOn ?? '1970-01-01',
		version: e.version,
		minutes: meta.get(id)!.minutes,
	}));
	const complete = !!input.track && input.track.ids.length > 0 && input.track.ids.every((id) => input.state.modules[id]?.status === 'completed');
	return {
		v: RECORD_VERSION,
		name: input.name.trim().replace(/\s+/g, ' ').slice(0, 120),
		track: input.track?.profile ?? null,
		trackTitle: input.track?.title ?? '',
		complete,
		modules,
		totalMinutes: modules.reduce((n, m) => n + m.minutes, 0),
		contentVersion: input.contentVersion,
		issuedOn: input.today,
	};
}

/** The fingerprint printed on the attestation (name included). */
export function recordFingerprint(record: AttestationRecord): string {
	return fingerprint(record);
}

/**
 * The verification code printed under the attestation: the record without the name (the
 * trainer types the printed name), base64url-encoded JSON.
 */
export function encodeRecord(record: AttestationRecord): string {
	const { name: _name, ...rest } = record;
	return CODE_PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(rest)));
}

export type DecodeResult = { ok: true; record: AttestationRecord } | { ok: false; error: string };

/** Decodes and validates a verification code; `name` is the name as printed. */
export function decodeRecord(code: string, name: string): DecodeResult {
	const bad = (error: string): DecodeResult => ({ ok: false, error });
	const text = code.replace(/\s+/g, '');
	if (!text.startsWith(CODE_PREFIX)) return bad('Ce code ne commence pas par « ATT1- » : ce n’est pas un code de vérification d’attestation.');
	if (text.length > 20_000) return bad('Ce code est trop long pour être un code de vérification.');
	const bytes = fromBase64Url(text.slice(CODE_PREFIX.length));
	if (!bytes) return bad('Ce code contient des caractères inattendus : vérifiez qu’il a été recopié en entier.');
	let obj: unknown;
	try {
		obj = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return bad('Ce code est incomplet ou abîmé : vérifiez qu’il a été recopié en entier.');
	}
	if (!isPlainObject(obj) || obj.v !== RECORD_VERSION) return bad('Ce code vient d’une version inconnue de l’attestation.');
	const o = obj;
	const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
	if (!(o.track === null || isId(o.track)) || !str(o.trackTitle, 200) || typeof o.complete !== 'boolean') return bad('Ce code est incohérent (parcours).');
	if (!Array.isArray(o.modules) || o.modules.length > 200) return bad('Ce code est incohérent (modules).');
	const modules: RecordModule[] = [];
	for (const m of o.modules) {
		if (!isPlainObject(m) || !isId(m.id) || !str(m.title, 300) || !isIntInRange(m.score, 0, 100) || !isIsoDate(m.date) || !isIntInRange(m.version, 1, 100_000) || !isIntInRange(m.minutes, 0, 600)) {
			return bad('Ce code est incohérent (un module a des valeurs impossibles).');
		}
		modules.push({ id: m.id, title: m.title, score: m.score, date: m.date, version: m.version, minutes: m.minutes });
	}
	if (!isIntInRange(o.totalMinutes, 0, 100_000) || !str(o.contentVersion, 40) || !isIsoDate(o.issuedOn)) return bad('Ce code est incohérent (dates ou durée).');
	return {
		ok: true,
		record: {
			v: RECORD_VERSION,
			name: name.trim().replace(/\s+/g, ' ').slice(0, 120),
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
