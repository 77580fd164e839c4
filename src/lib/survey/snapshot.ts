/**
 * The anonymous snapshot: one person's questionnaire answers as a small JSON file they choose
 * to hand to a trainer or a ward manager, who aggregates many of them in the browser.
 *
 * ## File format (version 1)
 *
 * ```json
 * {
 *   "app": "parcours-ia-sante",
 *   "kind": "survey-snapshot",
 *   "v": 1,
 *   "id": "k3j9x2m4q8w7hbnc",
 *   "answers": {
 *     "profession": "infirmier", "sector": "ehpad-medico-social", "region": "bretagne",
 *     "ageBand": "30-44", "tools": ["chatbot"], "approval": "non", "uses": ["rediger"],
 *     "barriers": ["cybersecurite", "formation"], "trainingThemes": ["cybersecurite"],
 *     "trainingFormat": "mixte"
 *   },
 *   "positioning": { "usages": 60, "cybersecurite": 40 }
 * }
 * ```
 *
 * - Only option ids from `questions.ts`: no name, no free text, no date, no device detail.
 * - `id`: 16 random characters (80 bits), kept with the answers. It links to nothing; it exists
 *   only so that a file dropped twice is counted once. A fresh id is drawn whenever the answers
 *   change (`idForSave`): files from two campaigns (the learner edited the answers in between)
 *   cannot be linked by their id. The same unchanged answers keep their id, so a file
 *   downloaded twice for one campaign is still counted once.
 * - `positioning` (optional): the learner's positioning scores by theme when the positioning
 *   section exists in this browser, rounded to the nearest ten (coarse on purpose).
 * - Questions not asked (approval and uses for someone who uses no tool) are absent.
 *
 * ## Reading a file (`parseSnapshot`)
 *
 * A dropped file is untrusted. It is read as data only (never rendered as HTML) and refused,
 * with one reason, when it is over 64 KB, empty, not JSON, nests deeper than the progress
 * import allows, holds a `__proto__`/`constructor`/`prototype` key, carries `<` or `>` in any
 * string (HTML), is not ours, is another kind of export, has another version, has a field we
 * do not know, an unknown option, a missing or inconsistent answer, a bad id or a bad score.
 * Size and depth limits come from the progress import (`transfer.ts`).
 */
import { isIntInRange, isPlainObject } from '../progress/model';
import { APP_ID, MAX_DEPTH, scanJson, utf8ByteLength } from '../progress/transfer';
import { THEMES, type Theme } from '../taxonomy';
import { answerList, checkAnswers, optionLabel, optionOf, QUESTIONS, type Answers, type QuestionId } from './questions';

/** `kind` of a snapshot file. */
export const SNAPSHOT_KIND = 'survey-snapshot';

/** Current snapshot format version. */
export const SNAPSHOT_VERSION = 1;

/** Largest accepted snapshot file, in bytes (a real one is under 1 KB). */
export const MAX_SNAPSHOT_BYTES = 65_536;

/** Characters of a snapshot id: lowercase letters and digits without l, o, 0, 1. */
export const SNAPSHOT_ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Length of a snapshot id (16 × 5 bits = 80 random bits). */
export const SNAPSHOT_ID_LENGTH = 16;

const SNAPSHOT_ID_PATTERN = /^[a-km-np-z2-9]{16}$/;

/** Keys refused anywhere in a file (they could reach Object.prototype in careless code). */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

const TOP_KEYS = ['app', 'kind', 'v', 'id', 'answers', 'positioning'];

/** Positioning scores by theme, 0–100 in steps of 10. */
export type PositioningScores = Partial<Record<Theme, number>>;

/** A valid snapshot, as read from a file or about to be written. */
export interface Snapshot {
	id: string;
	answers: Answers;
	positioning?: PositioningScores;
}

/** Why a file was skipped. */
export type SkipReason =
	| 'too-big'
	| 'empty'
	| 'not-json'
	| 'too-deep'
	| 'forbidden-key'
	| 'html'
	| 'not-ours'
	| 'wrong-kind'
	| 'future-version'
	| 'bad-version'
	| 'unexpected'
	| 'bad-id'
	| 'unknown-category'
	| 'incomplete'
	| 'inconsistent'
	| 'bad-score'
	| 'duplicate'
	| 'too-many'
	| 'unreadable';

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; reason: SkipReason; message: string };

const SAFE_WORD = /^[A-Za-z0-9_-]{1,40}$/;

function titleOf(id: string): string {
	return QUESTIONS.find((q) => q.id === id)?.title ?? id;
}

/** Short French explanations, one per reason (shown next to the file name). */
export const SKIP_MESSAGES = {
	'too-big': () => 'fichier trop volumineux (plus de 64 Ko) pour être un état des lieux',
	empty: () => 'fichier vide',
	'not-json': () => 'fichier illisible : ce n’est pas un fichier d’état des lieux (JSON)',
	'too-deep': () => 'données trop imbriquées pour être un état des lieux',
	'forbidden-key': (key: string) => `champ interdit (« ${key} ») : ignoré par sécurité`,
	html: () => 'contient du HTML ou du texte libre, alors qu’un état des lieux ne contient que des réponses à choisir',
	'not-ours': () => 'ce fichier ne vient pas de Parcours IA Santé',
	'wrong-kind': () => 'fichier de Parcours IA Santé, mais pas un état des lieux (une progression exportée, peut-être)',
	'future-version': () => 'créé par une version plus récente du site : rechargez la page pour en obtenir la dernière version',
	'bad-version': () => 'version de format inconnue',
	unexpected: (key?: string) =>
		`champ inattendu${key && SAFE_WORD.test(key) ? ` (« ${key} »)` : ''} : le fichier a sans doute été modifié`,
	'bad-id': () => 'identifiant aléatoire absent ou invalide',
	'unknown-category': (question: string) =>
		`réponse inconnue à la question « ${titleOf(question)} » : fichier modifié, ou venu d’une autre version du questionnaire`,
	incomplete: (question: string) => `réponse manquante à la question « ${titleOf(question)} »`,
	inconsistent: (question: string) => `réponses incohérentes à la question « ${titleOf(question)} »`,
	'bad-score': () => 'score de positionnement invalide (nombre entier de 0 à 100, par dizaines)',
	duplicate: () => 'doublon : un fichier avec le même identifiant a déjà été pris en compte',
	'too-many': (max: number) => `trop de fichiers à la fois (au plus ${max})`,
	unreadable: () => 'le navigateur n’a pas pu lire ce fichier',
} as const;

// ---------------------------------------------------------------- ids

/** A snapshot id from random bytes (at least 16; only the low 5 bits of each are used). */
export function snapshotIdFromBytes(bytes: ArrayLike<number>): string {
	if (bytes.length < SNAPSHOT_ID_LENGTH) throw new Error('not enough random bytes');
	let id = '';
	for (let i = 0; i < SNAPSHOT_ID_LENGTH; i += 1) id += SNAPSHOT_ID_ALPHABET[bytes[i] & 31];
	return id;
}

/** True for a well-formed snapshot id. */
export function isSnapshotId(value: unknown): value is string {
	return typeof value === 'string' && SNAPSHOT_ID_PATTERN.test(value);
}

// ---------------------------------------------------------------- building

/** A score rounded to the nearest ten, or undefined when it is not a number from 0 to 100. */
export function coarseScore(value: unknown): number | undefined {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) return undefined;
	return Math.round(value / 10) * 10;
}

/** Keeps the known themes with a usable score, coarsened; undefined when none is left. */
export function coarsePositioning(scores: Partial<Record<string, unknown>> | null | undefined): PositioningScores | undefined {
	if (!scores || typeof scores !== 'object') return undefined;
	const out: PositioningScores = {};
	for (const theme of THEMES) {
		if (!Object.hasOwn(scores, theme)) continue;
		const s = coarseScore(scores[theme]);
		if (s !== undefined) out[theme] = s;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The snapshot of complete answers (throws on incomplete ones: the page only offers the export
 * once `checkAnswers` is satisfied).
 */
export function buildSnapshot(id: string, answers: Answers, positioning?: Partial<Record<string, unknown>> | null): Snapshot {
	if (!isSnapshotId(id)) throw new Error('invalid snapshot id');
	const checked = checkAnswers(answers);
	if (checked.problems.length > 0) throw new Error('incomplete answers');
	const snapshot: Snapshot = { id, answers: checked.answers };
	const p = coarsePositioning(positioning);
	if (p) snapshot.positioning = p;
	return snapshot;
}

/** The file's text: pretty JSON, fixed key order, ends with a newline. */
export function snapshotFileText(snapshot: Snapshot): string {
	const file: Record<string, unknown> = {
		app: APP_ID,
		kind: SNAPSHOT_KIND,
		v: SNAPSHOT_VERSION,
		id: snapshot.id,
		answers: snapshot.answers,
	};
	if (snapshot.positioning) file.positioning = snapshot.positioning;
	return `${JSON.stringify(file, null, 2)}\n`;
}

/** File name for the download: no name, no date, the first 6 characters of the random id. */
export function snapshotFileName(snapshot: Snapshot): string {
	return `etat-des-lieux-ia-${snapshot.id.slice(0, 6)}.json`;
}

/** One line of the readable preview. */
export interface SnapshotLine {
	label: string;
	value: string;
}

/** Theme names for the positioning line. */
const THEME_NAMES: Record<Theme, string> = {
	usages: 'Usages',
	cybersecurite: 'Cybersécurité',
	reglementation: 'Réglementation',
};

/** Everything the file contains, in French, in file order (the page shows it before saving). */
export function describeSnapshot(snapshot: Snapshot): SnapshotLine[] {
	const lines: SnapshotLine[] = [
		{ label: 'Application', value: `Parcours IA Santé (« ${APP_ID} »)` },
		{ label: 'Type de fichier', value: `état des lieux (« ${SNAPSHOT_KIND} »), format version ${SNAPSHOT_VERSION}` },
		{ label: 'Identifiant aléatoire', value: `${snapshot.id} (sert seulement à repérer un fichier déposé deux fois)` },
	];
	for (const q of QUESTIONS) {
		const list = answerList(snapshot.answers, q.id as QuestionId);
		if (list.length === 0) continue;
		lines.push({ label: q.title, value: list.map((id) => optionLabel(q, id)).join(' ; ') });
	}
	const p = snapshot.positioning;
	lines.push({
		label: 'Scores de positionnement',
		value: p
			? THEMES.filter((t) => p[t] !== undefined)
					.map((t) => `${THEME_NAMES[t]} : ${p[t]} sur 100`)
					.join(' ; ') + ' (arrondis à la dizaine)'
			: 'non inclus (aucun positionnement enregistré dans ce navigateur)',
	});
	return lines;
}

// ---------------------------------------------------------------- reading

class Skip extends Error {
	constructor(
		readonly reason: SkipReason,
		message: string,
	) {
		super(message);
	}
}

/**
 * Walks the parsed value once: nesting depth, forbidden keys (JSON.parse makes "__proto__" an
 * own property, escaped or not) and markup in any string or key.
 */
function inspect(value: unknown, depth: number): void {
	if (typeof value === 'string') {
		if (/[<>]/.test(value)) throw new Skip('html', SKIP_MESSAGES.html());
		return;
	}
	if (typeof value !== 'object' || value === null) return;
	if (depth + 1 > MAX_DEPTH) throw new Skip('too-deep', SKIP_MESSAGES['too-deep']());
	if (Array.isArray(value)) {
		for (const item of value) inspect(item, depth + 1);
		return;
	}
	for (const key of Object.keys(value)) {
		if (FORBIDDEN_KEYS.includes(key)) throw new Skip('forbidden-key', SKIP_MESSAGES['forbidden-key'](key));
		if (/[<>]/.test(key)) throw new Skip('html', SKIP_MESSAGES.html());
		inspect((value as Record<string, unknown>)[key], depth + 1);
	}
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[]): void {
	for (const k of Object.keys(obj)) if (!allowed.includes(k)) throw new Skip('unexpected', SKIP_MESSAGES.unexpected(k));
}

function readAnswers(raw: unknown): Answers {
	if (!isPlainObject(raw)) throw new Skip('unexpected', SKIP_MESSAGES.unexpected('answers'));
	checkKeys(raw, QUESTIONS.map((q) => q.id));
	const answers: Answers = {};
	for (const q of QUESTIONS) {
		const id = q.id as QuestionId;
		if (!Object.hasOwn(raw, id)) continue;
		const v = raw[id];
		let values: unknown[];
		if (q.kind === 'single') values = [v];
		else if (Array.isArray(v) && v.length > 0 && v.length <= q.options.length) values = v;
		else throw new Skip('inconsistent', SKIP_MESSAGES.inconsistent(id));
		for (const x of values) {
			if (typeof x !== 'string') throw new Skip('inconsistent', SKIP_MESSAGES.inconsistent(id));
			if (!optionOf(q, x)) throw new Skip('unknown-category', SKIP_MESSAGES['unknown-category'](id));
		}
		if (new Set(values).size !== values.length) throw new Skip('inconsistent', SKIP_MESSAGES.inconsistent(id));
		answers[id] = q.kind === 'single' ? (v as string) : [...(v as string[])];
	}
	const checked = checkAnswers(answers);
	const first = checked.problems[0];
	if (first) {
		if (first.kind === 'missing') throw new Skip('incomplete', SKIP_MESSAGES.incomplete(first.question));
		throw new Skip('inconsistent', SKIP_MESSAGES.inconsistent(first.question));
	}
	// A question that was not asked (approval without a tool) is an inconsistency, not noise.
	for (const q of QUESTIONS) {
		const id = q.id as QuestionId;
		if (answers[id] !== undefined && checked.answers[id] === undefined) throw new Skip('inconsistent', SKIP_MESSAGES.inconsistent(id));
	}
	return checked.answers;
}

function readPositioning(raw: unknown): PositioningScores {
	if (!isPlainObject(raw)) throw new Skip('bad-score', SKIP_MESSAGES['bad-score']());
	checkKeys(raw, THEMES);
	const out: PositioningScores = {};
	for (const theme of THEMES) {
		if (!Object.hasOwn(raw, theme)) continue;
		const s = raw[theme];
		if (!isIntInRange(s, 0, 100) || s % 10 !== 0) throw new Skip('bad-score', SKIP_MESSAGES['bad-score']());
		out[theme] = s;
	}
	return out;
}

/** Reads one snapshot file's text. Never throws. */
export function parseSnapshot(text: unknown): SnapshotResult {
	try {
		if (typeof text !== 'string') throw new Skip('not-json', SKIP_MESSAGES['not-json']());
		// UTF-8 takes at least one byte per UTF-16 unit: long strings are refused without counting.
		if (text.length > MAX_SNAPSHOT_BYTES || utf8ByteLength(text) > MAX_SNAPSHOT_BYTES) {
			throw new Skip('too-big', SKIP_MESSAGES['too-big']());
		}
		const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
		if (body.trim() === '') throw new Skip('empty', SKIP_MESSAGES.empty());
		// JSON.parse silently keeps the last of duplicate keys: refuse such files instead.
		const issue = scanJson(body);
		if (issue?.kind === 'duplicate') throw new Skip('unexpected', SKIP_MESSAGES.unexpected(issue.key));
		let data: unknown;
		try {
			data = JSON.parse(body);
		} catch {
			throw new Skip('not-json', SKIP_MESSAGES['not-json']());
		}
		inspect(data, 0);
		if (!isPlainObject(data) || data.app !== APP_ID) throw new Skip('not-ours', SKIP_MESSAGES['not-ours']());
		if (data.kind !== SNAPSHOT_KIND) throw new Skip('wrong-kind', SKIP_MESSAGES['wrong-kind']());
		if (isIntInRange(data.v, SNAPSHOT_VERSION + 1, Number.MAX_SAFE_INTEGER)) {
			throw new Skip('future-version', SKIP_MESSAGES['future-version']());
		}
		if (data.v !== SNAPSHOT_VERSION) throw new Skip('bad-version', SKIP_MESSAGES['bad-version']());
		checkKeys(data, TOP_KEYS);
		if (!isSnapshotId(data.id)) throw new Skip('bad-id', SKIP_MESSAGES['bad-id']());
		const snapshot: Snapshot = { id: data.id, answers: readAnswers(data.answers) };
		if (Object.hasOwn(data, 'positioning')) {
			const p = readPositioning(data.positioning);
			if (Object.keys(p).length > 0) snapshot.positioning = p;
		}
		return { ok: true, snapshot };
	} catch (e) {
		if (e instanceof Skip) return { ok: false, reason: e.reason, message: e.message };
		return { ok: false, reason: 'not-json', message: SKIP_MESSAGES['not-json']() };
	}
}

/** Same answers, question by question (order of a multiple-choice list does not matter). */
export function sameAnswers(a: Answers, b: Answers): boolean {
	for (const q of QUESTIONS) {
		const id = q.id as QuestionId;
		const x = answerList(a, id).slice().sort().join(',');
		const y = answerList(b, id).slice().sort().join(',');
		if (x !== y) return false;
	}
	return true;
}

/**
 * The snapshot id to save with `next` answers: the previous id when the answers did not change,
 * a fresh one (from `draw`) otherwise, so that edited answers (a new campaign) cannot be linked
 * to the earlier file by its id (issue 16 item 9).
 */
export function idForSave(previous: { answers: Answers; id: string | null }, next: Answers, draw: () => string): string {
	return previous.id && isSnapshotId(previous.id) && sameAnswers(previous.answers, next) ? previous.id : draw();
}
