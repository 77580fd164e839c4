/**
 * "Puis-je coller ce texte ?" — a local checker that flags what identifies a patient in French
 * clinical text, explains each finding and offers a pseudonymised version. Pure TypeScript, no
 * DOM, nothing leaves the browser.
 *
 * Kinds: name, birthdate, nir, phone, email, address, record (see KIND_LABELS_FR). The checker
 * is a set of patterns with context rules, not a language model: LIMITS_FR says what it cannot
 * see, and the UI must show it next to the result.
 *
 * Confidence (0–1):
 *   ≥ 0.85  the pattern and its context agree (a valid NIR key, "né le" before a date, a title
 *           before a name, a phone label…);
 *   0.6–0.85 a strong pattern with weaker context (a name after a care role or a relative word,
 *           a full date right after a name, a postcode and town alone, a NIR with a wrong key
 *           after a NIR label);
 *   < 0.6   suspicious only: a 15-digit NIR-shaped number with a wrong key and no label (a typo
 *           in a real NIR is still a NIR: better flagged than pasted).
 */
import {
	detectAddresses,
	detectBirthdates,
	detectEmails,
	detectNames,
	detectNirs,
	detectPhones,
	detectRecords,
	type Candidate,
	type IdentifierKind,
} from './identifiers/detect';
import { fold } from './identifiers/lexicon';
import { checkNir, validateNirKey } from './identifiers/nir';

export type { IdentifierKind };
export { validateNirKey, checkNir };

export interface Finding {
	kind: IdentifierKind;
	/** UTF-16 offsets into the checked text, `text.slice(start, end) === finding.text`. */
	start: number;
	end: number;
	text: string;
	/** 0–1, see the module comment. */
	confidence: number;
	/** One plain French sentence: why it identifies the patient and what to do. */
	explanation: string;
}

export const IDENTIFIER_KINDS: readonly IdentifierKind[] = [
	'name',
	'birthdate',
	'nir',
	'phone',
	'email',
	'address',
	'record',
];

export const KIND_LABELS_FR: Readonly<Record<IdentifierKind, string>> = {
	name: 'Nom de personne',
	birthdate: 'Date de naissance',
	nir: 'Numéro de sécurité sociale (NIR)',
	phone: 'Numéro de téléphone',
	email: 'Adresse électronique',
	address: 'Adresse postale',
	record: 'Numéro de dossier ou de séjour',
};

/** Placeholder stems; `pseudonymise` adds a number per distinct value: [NOM 1], [NOM 2]… */
export const PLACEHOLDERS_FR: Readonly<Record<IdentifierKind, string>> = {
	name: 'NOM',
	birthdate: 'DATE DE NAISSANCE',
	nir: 'NIR',
	phone: 'TÉLÉPHONE',
	email: 'COURRIEL',
	address: 'ADRESSE',
	record: 'N° DOSSIER',
};

/** The rule that comes before any checker. */
export const PASTE_RULE_FR =
	"Règle de base : ne collez jamais de données réelles de patients dans un outil que votre établissement n'a pas validé, même après ce contrôle.";

/** What the checker cannot catch: show it with every result. */
export const LIMITS_FR: readonly string[] = [
	PASTE_RULE_FR,
	"Ce contrôle repère des formes d'écriture (titres, libellés, formats de numéros) : il ne comprend pas le texte et peut se tromper dans les deux sens.",
	"Il ne voit pas les noms cités sans titre ni libellé (« Jeanne a appelé »), les prénoms seuls, les surnoms, les noms écrits sans majuscule (« mme rivière »), ni les noms des proches quand aucun lien familial n'est écrit.",
	"Il ne voit pas les indices en texte libre qui suffisent parfois à reconnaître quelqu'un : une maladie rare, une profession ou une fonction (« l'ancien maire »), un fait divers, une nationalité ou une langue, un âge très élevé.",
	"Il ne voit pas les combinaisons : une date d'entrée ou d'intervention avec le nom du service, un numéro de chambre avec une date, le lieu de naissance, le nom de l'établissement ou de l'EHPAD.",
	"Il ne traite que du texte : photos, images médicales, captures d'écran, fichiers joints, documents scannés et métadonnées ne sont pas contrôlés.",
	'Il peut manquer des formats inhabituels (numéros étrangers, noms en alphabet non latin, dates mal saisies, adresses sans numéro, rues abrégées sans numéro, libellés de dossier propres à un logiciel) et signaler à tort des suites de chiffres qui ressemblent à un numéro.',
	"Chaque nom ou numéro trouvé est remplacé partout où il revient écrit de la même façon ; une autre graphie (« Chloe » sans accent, « C. Rousseau », un surnom) ou un numéro écrit autrement n'est pas reconnue.",
	"Un texte pseudonymisé n'est pas anonyme : avec d'autres informations, le patient peut encore être reconnu, et le texte reste une donnée personnelle de santé.",
];

/** One sentence per kind (and variant). */
const EXPLANATIONS_FR: Readonly<Record<string, string>> = {
	'name:person':
		'Un nom de personne identifie directement le patient ou un proche : remplacez-le par un pseudonyme comme [NOM 1] avant de coller le texte.',
	'name:staff':
		"Le nom d'un soignant identifie ce professionnel et, avec le service ou la date, aide à retrouver le patient : remplacez-le par une fonction (« le médecin ») ou par [NOM].",
	'name:relative':
		"Le prénom ou le nom d'un proche aide à retrouver la famille, donc le patient : remplacez-le par le lien de parenté seul (« sa fille »).",
	'birthdate:date':
		"Une date de naissance, avec le service ou le motif d'hospitalisation, suffit souvent à retrouver le patient : remplacez-la par l'âge si c'est utile, sinon supprimez-la.",
	'birthdate:year':
		"L'année de naissance, croisée avec d'autres détails du texte, aide à retrouver le patient : donnez plutôt un âge arrondi ou supprimez-la.",
	'nir:valid':
		'Ce numéro de sécurité sociale (NIR) a une clé valide : il identifie la personne de façon unique et pour toute sa vie, supprimez-le.',
	'nir:badkey':
		"Ces 15 chiffres ont la forme d'un numéro de sécurité sociale dont la clé ne correspond pas (peut-être une faute de frappe) : dans le doute, supprimez-les.",
	'nir:nokey':
		"Ces 13 chiffres ont la forme d'un numéro de sécurité sociale sans sa clé, ce qui suffit à identifier la personne : supprimez-les.",
	phone:
		'Un numéro de téléphone renvoie à une personne précise (patient, proche ou soignant) : supprimez-le ou remplacez-le par [TÉLÉPHONE].',
	email:
		'Une adresse électronique contient souvent un nom et permet de joindre la personne : supprimez-la ou remplacez-la par [COURRIEL].',
	address:
		'Une adresse postale permet de localiser et de reconnaître la personne : supprimez-la ou remplacez-la par [ADRESSE].',
	record:
		"Un numéro de dossier, de séjour ou d'identifiant patient relie le texte au dossier de l'établissement : supprimez-le.",
};

function explanationFor(c: Candidate): string {
	return EXPLANATIONS_FR[`${c.kind}:${c.variant}`] ?? EXPLANATIONS_FR[c.kind] ?? EXPLANATIONS_FR['name:person'];
}

/** When two candidates overlap, the more specific kind wins (a NIR over a phone-looking run). */
const PRIORITY: Readonly<Record<IdentifierKind, number>> = {
	nir: 0,
	email: 1,
	record: 2,
	phone: 3,
	birthdate: 4,
	address: 5,
	name: 6,
};

/** Above this size, text is checked in the first MAX_LENGTH characters only (UI should say so). */
export const MAX_LENGTH = 500_000;

/**
 * Finds what identifies a person in `text`. Findings do not overlap and are sorted by start.
 */
export function findIdentifiers(text: string): Finding[] {
	if (typeof text !== 'string' || text.length === 0) return [];
	const src = text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH) : text;
	const names = detectNames(src);
	const candidates: Candidate[] = [
		...detectNirs(src),
		...detectEmails(src),
		...detectRecords(src),
		...detectPhones(src),
		...detectBirthdates(src, names),
		...detectAddresses(src),
		...names,
	];
	candidates.sort(
		(a, b) =>
			PRIORITY[a.kind] - PRIORITY[b.kind] ||
			b.end - b.start - (a.end - a.start) ||
			b.confidence - a.confidence ||
			a.start - b.start,
	);
	// Greedy by priority; a byte per character tells which characters are taken (linear, where
	// comparing every pair would be quadratic on texts full of candidates).
	const taken = new Uint8Array(src.length);
	const kept: Candidate[] = [];
	for (const c of candidates) {
		if (c.end <= c.start) continue;
		let free = true;
		for (let i = c.start; i < c.end; i++) {
			if (taken[i]) {
				free = false;
				break;
			}
		}
		if (!free) continue;
		taken.fill(1, c.start, c.end);
		kept.push(c);
	}
	for (const c of repeatedOccurrences(src, kept, taken)) kept.push(c);
	kept.sort((a, b) => a.start - b.start);
	return kept.map((c) => ({
		kind: c.kind,
		start: c.start,
		end: c.end,
		text: src.slice(c.start, c.end),
		confidence: c.confidence,
		explanation: explanationFor(c),
	}));
}

/** Particles and short words never propagated on their own ("de", "La", "Van"…). */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'das', 'ben', 'bin', 'ter', 'y', 'et']);

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every other occurrence of a value already found (issue 16, item 7): in « la patiente Chloé :
 * Chloé décrit… Mme Rousseau dit que Rousseau est venue », the bare « Chloé » and « Rousseau »
 * name the patient as much as the first ones. Name words (two letters or more, capitalised,
 * particles left out) are matched as whole words starting with a capital, case folded; numbers,
 * e-mails and addresses are matched as written. Only characters not already taken are used.
 */
function repeatedOccurrences(src: string, kept: readonly Candidate[], taken: Uint8Array): Candidate[] {
	const names = new Map<string, Candidate>();
	const values = new Map<string, Candidate>();
	for (const c of kept) {
		const value = src.slice(c.start, c.end);
		if (c.kind === 'name') {
			for (const w of value.split(/[\s\u00a0\u202f]+/)) {
				const word = w.replace(/^[’'\-.]+|[’'\-.,;:]+$/g, '');
				if (!/^\p{Lu}/u.test(word) || [...word].filter((ch) => /\p{L}/u.test(ch)).length < 2) continue;
				if (PARTICLES.has(word.toLowerCase()) || /\./.test(word)) continue;
				if (!names.has(word.toLowerCase())) names.set(word.toLowerCase(), c);
			}
		} else if (value.length >= 4 && !values.has(value)) values.set(value, c);
	}
	const out: Candidate[] = [];
	const scan = (keys: string[], flags: string, lookup: (m: string) => Candidate | undefined, name: boolean) => {
		if (keys.length === 0) return;
		// Longest first, so that "Jean-Pierre" wins over "Jean" in the alternation.
		const alt = keys.sort((x, y) => y.length - x.length).map(escapeRe).join('|');
		const re = name
			? new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${alt})(?![\\p{L}\\p{N}]|-\\p{L})`, flags)
			: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, flags);
		for (const m of src.matchAll(re)) {
			const start = m.index ?? 0;
			const end = start + m[0].length;
			// A name word must start with a capital where it is repeated ("Rose" the patient, not "rose").
			if (name && !/^\p{Lu}/u.test(m[0])) continue;
			const from = lookup(m[0]);
			if (!from) continue;
			let free = true;
			for (let i = start; i < end; i++) {
				if (taken[i]) {
					free = false;
					break;
				}
			}
			if (!free) continue;
			taken.fill(1, start, end);
			out.push({ kind: from.kind, start, end, confidence: Math.min(from.confidence, 0.8), variant: from.variant, title: from.title });
		}
	};
	scan([...names.keys()], 'giu', (m) => names.get(m.toLowerCase()), true);
	scan([...values.keys()], 'gu', (m) => values.get(m), false);
	return out;
}

/** "élevée", "moyenne" or "faible", for display. */
export function confidenceLabelFr(confidence: number): 'élevée' | 'moyenne' | 'faible' {
	return confidence >= 0.85 ? 'élevée' : confidence >= 0.6 ? 'moyenne' : 'faible';
}

/**
 * The key that decides whether two findings get the same placeholder number. Names: the
 * surname (the upper-case words if any, else the last word), so "Mme Dupont", "Mme Jeanne
 * DUPONT" and "J. Dupont" are all [NOM 1] (two relatives with one surname share a number too).
 * Numbers: their digits; others: folded text.
 */
export function identityKey(kind: IdentifierKind, value: string): string {
	switch (kind) {
		case 'name': {
			const words = value.split(/[\s\u00a0]+/).filter((w) => /\p{L}{2,}/u.test(w) && !/^\p{Lu}\.$/u.test(w));
			const upper = words.filter((w) => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase());
			const key =
				upper.length > 0 && upper.length < words.length ? upper.join(' ') : (words[words.length - 1] ?? value);
			return fold(key).replace(/[’'\-]/g, '');
		}
		case 'phone': {
			const digits = value.replace(/\D/g, '');
			return digits.replace(/^(?:0033|33)(?=\d{9}$)/, '0').replace(/^330/, '0');
		}
		case 'nir':
			return value.replace(/[^0-9AB]/gi, '').toUpperCase();
		case 'record':
			return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
		case 'birthdate':
			return value.replace(/\D+/g, '/');
		default:
			return fold(value).replace(/\s+/g, ' ').trim();
	}
}

export interface Replacement {
	finding: Finding;
	placeholder: string;
}

/**
 * Replaces each finding by a numbered placeholder and returns the text with the list of
 * replacements. `findings` defaults to `findIdentifiers(text)`; findings that do not match the
 * text (out of range, overlapping an earlier one) are skipped.
 */
export function pseudonymiseDetailed(
	text: string,
	findings?: readonly Finding[],
): { text: string; replacements: Replacement[] } {
	if (typeof text !== 'string' || text.length === 0)
		return { text: typeof text === 'string' ? text : '', replacements: [] };
	const list = [...(findings ?? findIdentifiers(text))]
		.filter(
			(f) =>
				Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end <= text.length && f.start < f.end,
		)
		.sort((a, b) => a.start - b.start);
	const numbers = new Map<string, number>();
	const counters = new Map<IdentifierKind, number>();
	const replacements: Replacement[] = [];
	let out = '';
	let last = 0;
	for (const f of list) {
		if (f.start < last) continue;
		const value = text.slice(f.start, f.end);
		const key = `${f.kind}\u0000${identityKey(f.kind, value)}`;
		let n = numbers.get(key);
		if (n === undefined) {
			n = (counters.get(f.kind) ?? 0) + 1;
			counters.set(f.kind, n);
			numbers.set(key, n);
		}
		const placeholder = `[${PLACEHOLDERS_FR[f.kind] ?? 'DONNÉE'} ${n}]`;
		out += text.slice(last, f.start) + placeholder;
		last = f.end;
		replacements.push({ finding: f, placeholder });
	}
	out += text.slice(last);
	return { text: out, replacements };
}

/** The text with each finding replaced by a placeholder such as [NOM 1] or [NIR 1]. */
export function pseudonymise(text: string, findings?: readonly Finding[]): string {
	return pseudonymiseDetailed(text, findings).text;
}
