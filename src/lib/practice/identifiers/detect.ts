/**
 * The detectors behind `findIdentifiers`. Each returns raw candidates; the caller resolves
 * overlaps. Every regular expression here is linear: no nested unbounded quantifiers, bounded
 * repetitions, and scans that start only at word boundaries, so adversarial input (say
 * "M. " ten thousand times) costs a constant amount of work per position.
 *
 * Note: JavaScript's \b only knows ASCII letters, so boundaries are written with Unicode
 * look-arounds ((?<![\p{L}\p{N}]) … (?![\p{L}\p{N}])). Every pattern goes through `fast()`
 * (latin.ts), which turns those property escapes into Latin ranges, four times quicker in V8.
 */
import { ACRONYMS, FIRST_NAMES, fold, MEASURE_CUES, NOT_NAME_WORDS, NOT_TOWN_WORDS } from './lexicon';
import { fast } from './latin';
import { compactNir, hasNirStructure, nirKey } from './nir';

export type IdentifierKind = 'name' | 'birthdate' | 'nir' | 'phone' | 'email' | 'address' | 'record';

/** A raw detection, before overlaps are resolved. `variant` picks the explanation. */
export interface Candidate {
	kind: IdentifierKind;
	start: number;
	end: number;
	confidence: number;
	variant?: string;
	/** For names: the title that introduced it (to tell a doctor from a patient). */
	title?: string;
}

const SP = '[ \\t\\u00a0\\u202f]';

// ---------------------------------------------------------------------------------------------
// Names

/** A capitalised or upper-case name word of two letters or more: Dupont, DUPONT, N'Diaye,
 *  Jean-Pierre, Al-Khatib, O'Brien. */
const WORD = "(?:\\p{Lu}['’])?\\p{Lu}[\\p{L}'’]*\\p{L}(?:-(?:\\p{Lu}['’])?\\p{Lu}[\\p{L}'’]*\\p{L})*(?![\\p{L}\\p{N}])";
/** An initial: J. or J.-P. */
const INITIAL = '\\p{Lu}\\.(?:-\\p{Lu}\\.)?';
/** Particles that may open a surname right after a title: de Sousa, d'Harcourt. */
const FIRST_PARTICLE = `(?:(?:de|du|des|van|von|da|di|del|della|dos|das|ben|bin|ter)${SP}+|d['’])`;
/** Particles inside a name: Anne de La Fontaine, Van der Berg, Antoine d'Harcourt. */
const PARTICLE = `(?:(?:de|du|des|van|von|der|den|da|di|del|della|dos|das|le|la|ben|bin|ter|y)${SP}+|d['’])`;

/** Sticky: the name that follows a title (initials, then up to four words). */
const NAME_AFTER_TITLE = fast(
	new RegExp(`(?:${INITIAL}${SP}*){0,2}${FIRST_PARTICLE}?${WORD}(?:${SP}+${PARTICLE}?${WORD}){0,3}`, 'uy'),
);
const NAME_TOKEN = fast(new RegExp(`${INITIAL}|${WORD}`, 'gu'));

/**
 * Civility and professional titles. `long` ones may be followed by a line break (a letter's
 * signature block: "Le Professeur⏎Hervé Garnier").
 */
const TITLE_RE = fast(
	new RegExp(
		'(?<![\\p{L}\\p{N}])(?:' +
			[
				'(?<short>M|Mr|MR|Mme|MME|Mmes|Mlle|MLLE|Melle|Dr|DR|Pr|Vve|[ÉéE]p)\\.?',
				'(?<long>Monsieur|MONSIEUR|Madame|MADAME|Mademoiselle|MADEMOISELLE|Docteure?|DOCTEUR|Professeure?|PROFESSEUR)',
				'(?<maiden>née|Née|NÉE|épouse|Épouse|ÉPOUSE|veuve|Veuve)',
			].join('|') +
			')(?![\\p{L}\\p{N}])',
		'gu',
	),
);

/** "le patient", "la résidente", "votre patiente": a patient word after a determiner. */
const PATIENT_WORD_RE = fast(
	new RegExp(
		`(?<![\\p{L}])(?:(?<det>[Ll]e|[Ll]a|[Dd]u|[Aa]u|[Àà] la|[Dd]e la|[Vv]otre|[Nn]otre|[Cc]ette|[Cc]e|[Mm]on|[Mm]a)${SP}+)?(?:patient|patiente|résident|résidente|Patient|Patiente|Résident|Résidente|PATIENT|PATIENTE)(?![\\p{L}\\p{N}(])`,
		'gu',
	),
);

/** Care roles followed by a first name: "IDE Sophie", "l'AS Mickaël", "interne Thomas". */
const ROLE_RE = fast(
	new RegExp(
		`(?<![\\p{L}])(?:IDE|IDEL|IADE|IBODE|AS|ASH|AES|AMP|[Ii]nterne|[Ee]xterne|[Ii]nfirmi(?:er|ère)|[Aa]ide-soignante?|[Kk]iné(?:sithérapeute)?|[Ss]age-femme|[Ee]rgothérapeute|[Pp]sychologue|[Dd]iététicienne?|[Bb]rancardier)(?![\\p{L}\\p{N}])${SP}*(?::${SP}*)?(?=\\p{Lu})`,
		'gu',
	),
);

/** Relatives introduced by a possessive: "son fils Julien", "sa petite-fille Camille". */
const RELATIVE_RE = fast(
	new RegExp(
		`(?<![\\p{L}])(?:[Ss]on|[Ss]a|[Ll]eur)${SP}+(?:fils|fille|petite-fille|petit-fils|arrière-petite-fille|arrière-petit-fils|épouse|époux|mari|femme|conjointe?|compagne|compagnon|sœur|soeur|frère|mère|père|nièce|neveu|belle-fille|beau-fils|gendre|bru|tante|oncle|cousine?|voisine?|amie?)(?![\\p{L}\\p{N}])${SP}*,?${SP}*(?=\\p{Lu})`,
		'gu',
	),
);

/** A capitalised relation word opening a sentence or a line, no possessive: "Fils (Éric Pascal)", "Fille : Anne". */
const RELATIVE_HEAD_RE = fast(
	new RegExp(
		`(?<![\\p{L}])(?:Fils|Fille|Petite-fille|Petit-fils|Époux|Mari|Conjointe?|Compagne|Compagnon|Sœur|Soeur|Frère|Mère|Père|Nièce|Neveu|Belle-fille|Gendre)(?![\\p{L}\\p{N}])${SP}*[(:]?${SP}*(?=\\p{Lu})`,
		'gu',
	),
);

/** "Patient : DUPONT Marie", "Nom : LEROY", "nom de naissance VIDAL". */
const LABEL_RE = fast(
	new RegExp(
		`(?<![\\p{L}])(?:(?:Patient(?:e|\\(e\\))?|PATIENT(?:E|\\(E\\))?|Résident(?:e|\\(e\\))?|RÉSIDENT(?:E)?|Identité|IDENTITÉ|[Nn]om(?: de famille)?|NOM|(?:[Pp]remier |[Dd]euxième |[Aa]utres? )?[Pp]rénoms?|PRÉNOMS?|Nom et prénom|Nom\\/Prénom)${SP}*:${SP}*|(?:[Nn]om|NOM)${SP}+(?:d['’]usage|de naissance|de jeune fille|marital|patronymique|d['’]épouse)${SP}*:?${SP}*)`,
		'gu',
	),
);
const LABEL_NAME = fast(new RegExp(`${WORD}(?:${SP}+${PARTICLE}?${WORD}){0,3}`, 'uy'));

const LOWER_WORD_AFTER = fast(/^[ \t]\p{Ll}/u);

/** Upper-case surname next to a first name: "DUPONT Marie", "Marie DUPONT". */
const UPPER = "(?:\\p{Lu}['’])?\\p{Lu}{2,}(?:[-]\\p{Lu}{2,})*(?![\\p{L}\\p{N}])";
const CAP = '\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?![\\p{L}\\p{N}])';
/** Between SURNAME and first name: spaces, or a comma or table bar ("DUPONT, Marie", "| GIRAUD | Léon |"). */
const NAME_SEP = `(?:${SP}*[,|;]${SP}*|${SP}+)`;
const UPPER_THEN_FIRST_RE = fast(
	new RegExp(`(?<![\\p{L}\\p{N}])(?<upper>${UPPER}(?:${SP}${UPPER})?)${NAME_SEP}(?<first>${CAP})`, 'gu'),
);
const FIRST_THEN_UPPER_RE = fast(
	new RegExp(`(?<![\\p{L}\\p{N}])(?<first>${CAP})${SP}+(?<upper>${UPPER}(?:${SP}${UPPER})?)`, 'gu'),
);

function isUpperWord(w: string): boolean {
	return w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();
}

const IS_INITIAL = fast(/^\p{Lu}\./u);

/** A word that ends a name: a common capitalised word, or an upper-case clinical acronym. */
function isStopToken(token: { t: string; f: string }): boolean {
	return NOT_NAME_WORDS.has(token.f) || (isUpperWord(token.t) && ACRONYMS.has(token.f));
}
const ARTICLE = /^(?:le|la|du|de|des|da|di|el|al|van|von|ben)$/;

/**
 * Splits a matched name into tokens, cuts it at the first word that cannot be a name, and
 * returns the kept span (or null when nothing plausible is left).
 */
function trimName(start: number, raw: string): { start: number; end: number; words: string[] } | null {
	const tokens: Array<{ t: string; s: number; e: number; f: string; initial: boolean }> = [];
	NAME_TOKEN.lastIndex = 0;
	for (let m = NAME_TOKEN.exec(raw); m; m = NAME_TOKEN.exec(raw)) {
		tokens.push({ t: m[0], s: m.index, e: m.index + m[0].length, f: fold(m[0]), initial: IS_INITIAL.test(m[0]) });
	}
	let keep = 0;
	for (let i = 0; i < tokens.length; i++) {
		const { f, initial } = tokens[i];
		if (initial) {
			keep = i + 1;
			continue;
		}
		// "Le Goff", "La Fontaine", "DE LA FONTAINE": articles are fine when a name word follows them.
		if (ARTICLE.test(f)) {
			let j = i + 1;
			while (j < tokens.length && ARTICLE.test(tokens[j].f)) j++;
			if (j < tokens.length && !tokens[j].initial && !isStopToken(tokens[j])) {
				keep = i + 1;
				continue;
			}
		}
		if (isStopToken(tokens[i])) break;
		keep = i + 1;
	}
	// Drop trailing initials and articles: a name ends on a word.
	while (keep > 0 && (tokens[keep - 1].initial || NOT_NAME_WORDS.has(tokens[keep - 1].f))) keep--;
	if (keep === 0) return null;
	const words: string[] = [];
	for (let i = 0; i < keep; i++) if (!tokens[i].initial) words.push(tokens[i].t);
	if (words.length === 0) return null;
	// Keep a leading lower-case particle with the name: "de Sousa", "d'Harcourt".
	const lead = raw.slice(0, tokens[0].s);
	const from = LEADING_PARTICLE.test(lead) ? 0 : tokens[0].s;
	return { start: start + from, end: start + tokens[keep - 1].e, words };
}
const LEADING_PARTICLE = /^(?:(?:de|du|des|van|von|da|di|del|della|dos|das|ben|bin|ter)[ \t\u00a0\u202f]+|d['’])$/;

function isBlank(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f;
}

function nameAt(
	text: string,
	pos: number,
	allowNewline: boolean,
): { start: number; end: number; words: string[] } | null {
	let p = pos;
	while (p < text.length && isBlank(text.charCodeAt(p))) p++;
	if (allowNewline && text[p] === '\r') p++;
	if (allowNewline && text[p] === '\n') {
		p++;
		while (p < text.length && isBlank(text.charCodeAt(p))) p++;
	}
	NAME_AFTER_TITLE.lastIndex = p;
	const m = NAME_AFTER_TITLE.exec(text);
	if (!m) return null;
	return trimName(p, m[0]);
}

export function detectNames(text: string): Candidate[] {
	const out: Candidate[] = [];
	// 1. Civility, professional and maiden-name titles.
	for (const m of text.matchAll(TITLE_RE)) {
		const g = m.groups!;
		const title = m[0];
		const end = m.index! + title.length;
		// "M" without a dot must be followed by a space ("M Collet"), never glued.
		if (g.short === 'M' && !/[ \t\u00a0]/.test(text[end] ?? '')) continue;
		// Only full-word titles may have the name on the next line (a signature block); "née le …"
		// finds no capitalised word and is skipped.
		const name = nameAt(text, end, Boolean(g.long));
		if (!name) continue;
		// Acronyms ("Mme RAS") were cut by trimName; after a bare "M" (no dot) a two-letter word is
		// too weak, but "M. Ly", "M. Ng", "M. Wu" are surnames.
		if (title === 'M' && name.words.length === 1 && name.words[0].length < 3) continue;
		const strong = name.words.length > 1 || name.words.some(isUpperWord);
		out.push({
			kind: 'name',
			start: name.start,
			end: name.end,
			confidence: g.maiden ? 0.8 : strong ? 0.9 : 0.85,
			variant: /^(Dr|DR|Pr|Docteur|Docteure|DOCTEUR|Professeur|Professeure|PROFESSEUR)/.test(title)
				? 'staff'
				: 'person',
			title,
		});
	}
	// 2. "le patient Rousseau" (a determiner is required for capitalised names, so a sentence
	//    that starts "Patient Coopérant…" is not read as a name), or "Patient DUPONT" in capitals.
	for (const m of text.matchAll(PATIENT_WORD_RE)) {
		const end = m.index! + m[0].length;
		const name = nameAt(text, end, false);
		if (!name) continue;
		if (!m.groups!.det && !isUpperWord(name.words[0])) continue;
		out.push({ kind: 'name', start: name.start, end: name.end, confidence: 0.75, variant: 'person' });
	}
	// 3. Care roles and relatives: usually a first name only.
	for (const [re, variant] of [
		[ROLE_RE, 'staff'],
		[RELATIVE_RE, 'relative'],
		[RELATIVE_HEAD_RE, 'relative'],
	] as const) {
		for (const m of text.matchAll(re)) {
			const name = nameAt(text, m.index! + m[0].length, false);
			if (!name) continue;
			out.push({ kind: 'name', start: name.start, end: name.end, confidence: 0.65, variant });
		}
	}
	// 4. Form labels.
	for (const m of text.matchAll(LABEL_RE)) {
		const pos = m.index! + m[0].length;
		LABEL_NAME.lastIndex = pos;
		const lm = LABEL_NAME.exec(text);
		if (!lm) continue;
		const name = trimName(pos, lm[0]);
		if (!name) continue;
		// "Patient : Chute à domicile", "Nom : Non renseigné": one capitalised word that opens a
		// sentence is not a name (a name in capitals, or two words, still is).
		const [only] = name.words;
		if (
			name.words.length === 1 &&
			!isUpperWord(only) &&
			!FIRST_NAMES.has(fold(only)) &&
			LOWER_WORD_AFTER.test(text.slice(name.end, name.end + 3))
		)
			continue;
		// A label followed by a title ("Patient : M. Masson") was cut at the title by trimName and
		// is left to the title rule.
		out.push({ kind: 'name', start: name.start, end: name.end, confidence: 0.85, variant: 'person' });
	}
	// 5. "DUPONT Marie" / "Marie DUPONT" with a known first name.
	for (const re of [UPPER_THEN_FIRST_RE, FIRST_THEN_UPPER_RE]) {
		for (const m of text.matchAll(re)) {
			const { upper, first } = m.groups!;
			if (!FIRST_NAMES.has(fold(first))) continue;
			if (upper.split(/\s/).some((w) => ACRONYMS.has(fold(w)) || NOT_NAME_WORDS.has(fold(w)))) continue;
			out.push({ kind: 'name', start: m.index!, end: m.index! + m[0].length, confidence: 0.7, variant: 'person' });
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Dates of birth

const MONTHS =
	'janvier|janv\\.?|février|fevrier|févr?\\.?|fevr?\\.?|mars|avril|avr\\.?|mai|juin|juillet|juil\\.?|août|aout|septembre|sept\\.?|octobre|oct\\.?|novembre|nov\\.?|décembre|decembre|déc\\.?|dec\\.?';
const DATE_RE = fast(
	new RegExp(
		[
			// 12/03/1941, 12-03-41, 12.03.1941, 5.1.1928 (same separator twice)
			'(?<![\\p{N}/.\\-])(?<d1>\\d{1,2})(?<sep>[/.\\-])(?<m1>\\d{1,2})\\k<sep>(?<y1>\\d{4}|\\d{2})(?![\\p{N}]|[/.\\-]\\d)',
			// 1941-03-12
			'(?<![\\p{N}/.\\-])(?<y2>(?:19|20)\\d{2})-(?<m2>\\d{2})-(?<d2>\\d{2})(?![\\p{N}])',
			// 12 mars 1941, 1er février 1935
			`(?<![\\p{L}\\p{N}])(?<d3>1er|\\d{1,2})${SP}+(?<m3>${MONTHS})${SP}+(?<y3>\\d{4}|\\d{2})(?![\\p{N}])`,
		].join('|'),
		'giu',
	),
);

/** Birth cues: né(e) le, DDN, date de naissance, naissance. */
const BIRTH_CUE_RE = fast(
	/(?<![\p{L}\-])(?:n[ée]e?s?(?:\(e\))?|ddn|dn(?=\s*:)|d\.d\.n\.?|date\s+de\s+naiss(?:ance|\.)?|naissance)(?![\p{L}])/giu,
);
/** What may sit between a cue and its date: "le", ":", a maiden name, "à Lyon". */
const CUE_GAP = fast(/^[\s:(),.–-]*(?:d[eu]\s+)?(?:(?:à\s+)?\p{Lu}[\p{L}'’-]*[\s,]+){0,4}(?:(?:le|du|en|:)\s*)?$/u);
const YEAR_ONLY_RE = fast(/(?<![\p{L}\-])n[ée]e?(?:\(e\))?\s+en\s+((?:19|20)\d{2})(?![\p{N}])/giu);

function plausibleDate(day: number, month: number): boolean {
	return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

const MONTH_INDEX: Array<[RegExp, number]> = [
	[/^janv/, 1],
	[/^f[ée]v/, 2],
	[/^mars/, 3],
	[/^avr/, 4],
	[/^mai/, 5],
	[/^juin/, 6],
	[/^juil/, 7],
	[/^ao[uû]t/, 8],
	[/^sept/, 9],
	[/^oct/, 10],
	[/^nov/, 11],
	[/^d[ée]c/, 12],
];

export function detectBirthdates(text: string, names: Candidate[]): Candidate[] {
	const out: Candidate[] = [];
	const nameEnds = new Map<number, Candidate>();
	for (const n of names) nameEnds.set(n.end, n);
	for (const m of text.matchAll(DATE_RE)) {
		const g = m.groups!;
		let day: number;
		let month: number;
		if (g.d1) {
			day = Number(g.d1);
			month = Number(g.m1);
		} else if (g.y2) {
			day = Number(g.d2);
			month = Number(g.m2);
		} else {
			day = g.d3.toLowerCase() === '1er' ? 1 : Number(g.d3);
			const mm = g.m3.toLowerCase();
			month = MONTH_INDEX.find(([re]) => re.test(mm))?.[1] ?? 0;
		}
		if (!plausibleDate(day, month)) continue;
		const start = m.index!;
		const end = start + m[0].length;
		const before = text.slice(Math.max(0, start - 48), start);
		// The last birth cue before the date, with nothing but a short gap in between.
		let cueEnd = -1;
		for (const c of before.matchAll(BIRTH_CUE_RE)) cueEnd = c.index! + c[0].length;
		if (cueEnd >= 0 && CUE_GAP.test(before.slice(cueEnd)) && !/\n\s*\n/.test(before.slice(cueEnd))) {
			out.push({ kind: 'birthdate', start, end, confidence: 0.95, variant: 'date' });
			continue;
		}
		// A full date right after a patient's name: "Mme Meunier (14/02/1986)", "PETIT Jacqueline – 03/10/1936".
		let near: Candidate | undefined;
		for (let k = 0; k <= 5 && !near; k++) near = nameEnds.get(start - k);
		if (near?.variant === 'staff') near = undefined;
		if (near && /^[ \t,(–|;-]*$/.test(text.slice(near.end, start))) {
			out.push({ kind: 'birthdate', start, end, confidence: 0.6, variant: 'date' });
		}
	}
	for (const m of text.matchAll(YEAR_ONLY_RE)) {
		const start = m.index! + m[0].length - m[1].length;
		out.push({ kind: 'birthdate', start, end: start + 4, confidence: 0.6, variant: 'year' });
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// NIR

/** Digit runs with single separators (space, dot or dash: 1-85-06-75-123-456-89); 2A/2B allowed. */
const DIGIT_RUN_RE = fast(
	/(?<![\p{L}\p{N}])\d(?:[ \u00a0\u202f.\-]?(?:\d|[AB](?=[ \u00a0\u202f.\-]?\d)))+(?![\p{L}\p{N}])/gu,
);
const NIR_CUE =
	/(?:nir|ins|s[ée]cu|s[ée]curit[ée]\s+sociale|n[°º]\s*ss|\bss\b|carte\s+vitale|immatriculation|matricule|assur[ée])/i;
const NOT_NIR_CUE =
	/(?:lot|r[ée]f|code|cip|ean|udi|gtin|s[ée]rie|facture|finess|rpps|adeli|commande|colis|scell[ée]|siret|siren|iban)/i;

export function detectNirs(text: string): Candidate[] {
	const out: Candidate[] = [];
	for (const m of text.matchAll(DIGIT_RUN_RE)) {
		const compact = compactNir(m[0]);
		if (compact.length !== 15 && compact.length !== 13) continue;
		const body = compact.slice(0, 13);
		if (!hasNirStructure(body)) continue;
		const start = m.index!;
		const lineStart = text.lastIndexOf('\n', start - 1) + 1;
		const before = text.slice(Math.max(lineStart, start - 40), start);
		const cue = NIR_CUE.test(before);
		if (compact.length === 13) {
			if (cue) out.push({ kind: 'nir', start, end: start + m[0].length, confidence: 0.7, variant: 'nokey' });
			continue;
		}
		const keyOk = nirKey(body) === Number(compact.slice(13));
		if (keyOk) {
			out.push({ kind: 'nir', start, end: start + m[0].length, confidence: cue ? 0.98 : 0.9, variant: 'valid' });
		} else if (cue) {
			out.push({ kind: 'nir', start, end: start + m[0].length, confidence: 0.7, variant: 'badkey' });
		} else if (!NOT_NIR_CUE.test(before)) {
			out.push({ kind: 'nir', start, end: start + m[0].length, confidence: 0.5, variant: 'badkey' });
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Phones

const PHONE_RE = fast(
	new RegExp(
		`(?<![\\p{N}+][ .\\-\\u00a0]?)(?<![\\p{N}+])(?:(?<intl>(?:\\+|00)${SP}?33${SP}?(?:\\(0\\)${SP}?)?)[1-9]|0[1-9])(?:[ .\\-\\u00a0]?\\d{2}){4}(?![ .\\-\\u00a0]?\\p{N})`,
		'gu',
	),
);
const PHONE_CUE =
	/(?:t[ée]l|t[ée]l[ée]phone|portable|mobile|fixe|joignable|joindre|appel|rappel|contact|num[ée]ro|n[°º]|standard|fax|secr[ée]tariat|\bau\b)/i;
const UNIT_AFTER = /^\s*\(?\s*(?:h\b|mmol|µmol|umol|g\/|mg|ml|mL|%|ui|UI|fois|cm|mm|kg|bpm)/;

export function detectPhones(text: string): Candidate[] {
	const out: Candidate[] = [];
	for (const m of text.matchAll(PHONE_RE)) {
		const start = m.index!;
		const end = start + m[0].length;
		if (m.groups!.intl) {
			out.push({ kind: 'phone', start, end, confidence: 0.95 });
			continue;
		}
		const lineStart = text.lastIndexOf('\n', start - 1) + 1;
		const before = text.slice(Math.max(lineStart, start - 40), start);
		const cue = PHONE_CUE.test(before);
		if (!cue) {
			// Digit series that are measurements: a unit right after, or a measuring word on the line.
			if (UNIT_AFTER.test(text.slice(end, end + 12))) continue;
			if (MEASURE_CUES.test(fold(before))) continue;
		}
		out.push({ kind: 'phone', start, end, confidence: cue ? 0.95 : 0.8 });
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// E-mail

const EMAIL_LOCAL_CHAR = fast(/[\p{L}\p{N}._%+\-]/u);
const EMAIL_DOMAIN_RE = fast(/[\p{L}\p{N}\-]{1,63}(?:\.[\p{L}\p{N}\-]{1,63}){1,8}/uy);

/** Scans around each "@" only: a long text without one costs a single indexOf. */
export function detectEmails(text: string): Candidate[] {
	const out: Candidate[] = [];
	let lastEnd = 0;
	for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
		let start = at;
		while (start > lastEnd && at - start < 64 && EMAIL_LOCAL_CHAR.test(text[start - 1])) start--;
		// The local part cannot start or end with a dot.
		while (start < at && text[start] === '.') start++;
		if (start === at || text[at - 1] === '.') continue;
		EMAIL_DOMAIN_RE.lastIndex = at + 1;
		const m = EMAIL_DOMAIN_RE.exec(text);
		if (!m) continue;
		let domain = m[0];
		// A trailing dot or dash ends the sentence, not the address.
		while (domain.endsWith('.') || domain.endsWith('-')) domain = domain.slice(0, -1);
		const tld = domain.slice(domain.lastIndexOf('.') + 1);
		if (!domain.includes('.') || !/^\p{L}{2,24}$/u.test(tld)) continue;
		const end = at + 1 + domain.length;
		out.push({ kind: 'email', start, end, confidence: 0.99 });
		lastEnd = end;
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Postal addresses

/** Street types, lower case or capitalised ("12 Rue des Lilas"); no i flag, which would make \\p{Lu} match lower case. */
const STREET_TYPES = [
	'rue',
	'avenue',
	'av\\.',
	'bd',
	'boulevard',
	'allée',
	'allee',
	'chemin',
	'place',
	'impasse',
	'route',
	'quai',
	'cours',
	'square',
	'sentier',
	'voie',
	'rond-point',
	'faubourg',
	'fbg',
	'passage',
	'cité',
	'promenade',
	'esplanade',
	'villa',
	'parvis',
	'chaussée',
	'ruelle',
	'montée',
	'traverse',
	'mail',
	'clos',
	'lotissement',
	'résidence',
]
	.map((t) => `[${t[0].toUpperCase()}${t[0]}]${t.slice(1)}`)
	.join('|');
/** Abbreviated street types, always with their dot after a street number: 12 r. des Lilas, 4 pl. du Marché. */
const STREET_ABBREV = '(?:[Rr]|[Pp]l|[Aa]v|[Bb]d|[Bb]ld|[Ii]mp|[Aa]ll|[Rr]te|[Cc]hem|[Qq]u)\\.';
const STREET_PARTICLE = `(?:de${SP}+(?:la${SP}+|l['’])|(?:de|du|des|la|le|les|aux?)${SP}+|d['’]|l['’])`;
const STREET_WORD = "(?:\\p{Lu}[\\p{L}'’]*(?:-[\\p{L}'’]+)*|\\d{1,4}(?:er|e)?)(?![\\p{L}\\p{N}])";
const TOWN_WORD = "\\p{Lu}[\\p{L}'’]*";
const TOWN = `${TOWN_WORD}(?:(?:-|${SP})(?:(?:sur|sous|en|lès|lès|les|le|la|de|du|des|aux?|d['’]|l['’])(?:-|${SP})?)?${TOWN_WORD}){0,4}(?:${SP}+(?:CEDEX|Cedex)(?:${SP}+\\d{1,2})?)?(?![\\p{L}\\p{N}])`;
const POSTCODE = '(?:0[1-9]|[1-8]\\d|9[0-8])\\d{3}';

const STREET_RE = fast(
	new RegExp(
		`(?<![\\p{L}\\p{N}])(?:(?<num>\\d{1,4}(?:${SP}?(?:bis|ter|quater|[A-D])(?![\\p{L}]))?,?${SP}+(?:${STREET_TYPES}|${STREET_ABBREV}))|(?<ld>[Ll]ieu-dit|[Ll]ieudit|[Hh]ameau))${SP}+${STREET_PARTICLE}?(?<w1>${STREET_WORD})(?:(?:${SP}+|-)${STREET_PARTICLE}?${STREET_WORD}){0,5}(?<pc>${SP}*[,–-]?${SP}*(?:\\r?\\n${SP}*)?${POSTCODE}${SP}+${TOWN})?`,
		'gu',
	),
);
const POSTCODE_TOWN_RE = fast(new RegExp(`(?<![\\p{L}\\p{N}])(?<pc>${POSTCODE})${SP}+(?<town>${TOWN})`, 'gu'));
/** What may come right before a lone postcode: an address word, a comma or dash, or "à". */
const ADDRESS_CUE =
	/(?:(?:adresse|domicil\w*|demeurant|habite|réside|vit\s+(?:au|à)|ville|commune|cp|code\s+postal)\s*:?|[,–-]|(?:^|\s)à)\s*$/i;

export function detectAddresses(text: string): Candidate[] {
	const out: Candidate[] = [];
	for (const m of text.matchAll(STREET_RE)) {
		const g = m.groups!;
		// A lieu-dit alone is a place name, not yet an address; with a postcode it is one.
		if (g.ld && !g.pc) continue;
		// "1 cours d'ETP": a clinical acronym is not a street name.
		if (isUpperWord(g.w1) && ACRONYMS.has(fold(g.w1))) continue;
		out.push({ kind: 'address', start: m.index!, end: m.index! + m[0].length, confidence: g.pc ? 0.95 : 0.85 });
	}
	for (const m of text.matchAll(POSTCODE_TOWN_RE)) {
		const start = m.index!;
		const town = m.groups!.town;
		const firstWord = town.split(/[\s-]/)[0];
		if (
			NOT_TOWN_WORDS.has(fold(firstWord)) ||
			(isUpperWord(firstWord) && firstWord.length < 3) ||
			ACRONYMS.has(fold(firstWord))
		)
			continue;
		if (NOT_NAME_WORDS.has(fold(firstWord)) && !/^(le|la|les)$/i.test(firstWord)) continue;
		// Only where a postcode is written: start of a line, or after a comma, dash or address word.
		const lineStart = text.lastIndexOf('\n', start - 1) + 1;
		const before = text.slice(Math.max(lineStart, start - 30), start);
		if (before.trim() !== '' && !ADDRESS_CUE.test(before)) continue;
		out.push({ kind: 'address', start, end: start + m[0].length, confidence: 0.7 });
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Hospital record numbers

const RECORD_RE = fast(
	new RegExp(
		`(?<![\\p{L}])(?:N[°º]${SP}*)?(?:IPP|NIP|NDA|IEP|n[°º]${SP}*(?:de${SP}+)?(?:dossier|séjour|sejour|patient|venue|passage)|num(?:éro|ero|\\.)${SP}+(?:de${SP}+)?(?:dossier|séjour|sejour|patient|venue|passage)|num(?:éro|ero|\\.)${SP}+d['’](?:hospitalisation|admission|entrée|entree)|n[°º]${SP}*d['’](?:hospitalisation|admission|entrée|entree)|dossier${SP}+n[°º]|dossier(?=${SP}*:)|s[ée]jour(?=${SP}*(?:n[°º]|:))|venue)(?![\\p{L}])${SP}*[:#]?${SP}*(?:n[°º]${SP}*:?${SP}*)?(?<value>[A-Za-z0-9](?:[A-Za-z0-9/]|-(?=[A-Za-z0-9])){2,24})(?![\\p{L}\\p{N}])`,
		'giu',
	),
);

export function detectRecords(text: string): Candidate[] {
	const out: Candidate[] = [];
	const re = new RegExp(RECORD_RE.source, RECORD_RE.flags);
	for (let m = re.exec(text); m; m = re.exec(text)) {
		const value = m.groups!.value;
		const start = m.index + m[0].length - value.length;
		// Five characters and four digits at least: "IPP 20 mg" is a proton-pump inhibitor and
		// "séjour 2024" a year, not records. When the value is rejected, scan again from it:
		// "dossier : IPP 800654321" holds a label inside the rejected value.
		if (value.length < 5 || (value.match(/\d/g) ?? []).length < 4) {
			re.lastIndex = start;
			continue;
		}
		out.push({ kind: 'record', start, end: start + value.length, confidence: 0.9 });
	}
	return out;
}
