/**
 * The "Puis-je coller ce texte ?" checker: quality over the annotated notes (per-kind precision
 * ≥ 0.9 and recall ≥ 0.95, matching rule in src/lib/practice/identifiers/evaluate.ts), one table
 * per kind, one per false-positive trap, NIR keys, pseudonymisation and robustness.
 */
import { describe, expect, it } from 'vitest';
import {
	checkNir,
	confidenceLabelFr,
	findIdentifiers,
	IDENTIFIER_KINDS,
	identityKey,
	KIND_LABELS_FR,
	LIMITS_FR,
	PASTE_RULE_FR,
	PLACEHOLDERS_FR,
	pseudonymise,
	pseudonymiseDetailed,
	validateNirKey,
	type Finding,
	type IdentifierKind,
} from '../../src/lib/practice/identifiers';
import { overlapMatches, scoreNotes, type AnnotatedNote } from '../../src/lib/practice/identifiers/evaluate';
import { compiledJson, SETS } from '../fixtures/notes/compile-notes.mjs';
import challengeJson from '../fixtures/notes/challenge.json';
import notesJson from '../fixtures/notes/notes.json';

const notes = notesJson as AnnotatedNote[];
const challenge = challengeJson as AnnotatedNote[];

/** Kind and text of each finding, the shape most tables compare. */
const found = (text: string) => findIdentifiers(text).map((f) => [f.kind, f.text] as const);

describe('annotated notes (the test set)', () => {
	it('notes.json and challenge.json are what the annotated sources compile to', () => {
		const fs = (
			globalThis as unknown as {
				process: { getBuiltinModule(id: 'node:fs'): { readFileSync(p: string, e: 'utf8'): string } };
			}
		).process.getBuiltinModule('node:fs');
		for (const set of SETS) expect(fs.readFileSync(set.json, 'utf8'), set.name).toBe(compiledJson(set));
	});

	it('has at least 100 notes, many of them with no identifier, and every kind represented', () => {
		expect(notes.length).toBeGreaterThanOrEqual(100);
		const trapOnly = notes.filter((n) => !n.expected.some((e) => e.kind !== 'limit'));
		expect(trapOnly.length).toBeGreaterThanOrEqual(40);
		for (const kind of IDENTIFIER_KINDS) {
			expect(notes.flatMap((n) => n.expected).filter((e) => e.kind === kind).length, kind).toBeGreaterThanOrEqual(9);
		}
	});

	it('every expected span is exact and unique ids', () => {
		expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
		for (const n of [...notes, ...challenge]) {
			for (const e of n.expected) expect(n.text.slice(e.start, e.end), n.id).toBe(e.text);
		}
	});

	it('annotated NIRs carry a valid key, except the deliberate typos', () => {
		const deliberateTypos = new Set(['2 89 07 75 112 045 76', '1 72 06 75 112 045 21']);
		for (const e of [...notes, ...challenge].flatMap((n) => n.expected).filter((x) => x.kind === 'nir')) {
			expect(validateNirKey(e.text), e.text).toBe(!deliberateTypos.has(e.text));
		}
	});
});

describe('quality over the whole set', () => {
	const { byKind, misses } = scoreNotes(notes, findIdentifiers, IDENTIFIER_KINDS);
	it.each(IDENTIFIER_KINDS.map((k) => [k]))('%s: precision ≥ 0.9 and recall ≥ 0.95', (kind) => {
		const s = byKind[kind];
		const detail = misses.filter((m) => m.kind === kind);
		expect(s.expected, kind).toBeGreaterThan(0);
		expect(s.precision, JSON.stringify(detail)).toBeGreaterThanOrEqual(0.9);
		expect(s.recall, JSON.stringify(detail)).toBeGreaterThanOrEqual(0.95);
	});

	it('flags nothing in any note that has no identifier', () => {
		const trapOnly = notes.filter((n) => !n.expected.some((e) => e.kind !== 'limit'));
		const flagged = trapOnly.map((n) => [n.id, found(n.text)] as const).filter(([, f]) => f.length > 0);
		expect(flagged).toEqual([]);
	});
});

describe('matching rule', () => {
	const s = (start: number, end: number) => ({ kind: 'name', start, end });
	it.each<[string, ReturnType<typeof s>, ReturnType<typeof s>, boolean]>([
		// identical spans
		['same span', s(0, 10), s(0, 10), true],
		// surname only, for "Marie Dupont" (6 of 12 characters)
		['part of a name', s(6, 12), s(0, 12), true],
		// street without its postcode and town (16 of 28)
		['street of a full address', s(0, 16), s(0, 28), true],
		// three letters of a 14-letter name: too little
		['a sliver', s(0, 3), s(0, 14), false],
		// touching spans do not overlap
		['adjacent', s(0, 5), s(5, 10), false],
		// a finding that swallows a long line around a short identifier
		['swallowing', s(0, 80), s(10, 20), false],
	])('%s', (_name, a, b, expected) => {
		expect(overlapMatches(a, b)).toBe(expected);
		expect(overlapMatches(b, a)).toBe(expected);
	});
});

describe('each kind', () => {
	it.each<[string, string, IdentifierKind, string]>([
		// names after civility titles, with accents, hyphens, particles and apostrophes
		['M. + first name + capitals', 'Vu M. Jean DUPONT ce matin.', 'name', 'Jean DUPONT'],
		['Mme + hyphenated name', 'Mme Lemaire-Dubois est sortie.', 'name', 'Lemaire-Dubois'],
		['particles', 'Mme Anne de La Fontaine, 80 ans.', 'name', 'Anne de La Fontaine'],
		['apostrophe', 'Mme N’Diaye dort.', 'name', 'N’Diaye'],
		['Dr + initials', 'Avis du Dr J.-P. Roussel.', 'name', 'J.-P. Roussel'],
		[
			'Professeur after a line break (signature)',
			'Le Professeur\nHervé Garnier\nChef de service',
			'name',
			'Hervé Garnier',
		],
		['maiden name after née', 'Mme Marie Martin née Durand le 2 mai 1950', 'name', 'Durand'],
		['patient with determiner', 'Le patient Rousseau refuse le bilan.', 'name', 'Rousseau'],
		['label with NOM Prénom', 'Patient : MARTIN Paul\n', 'name', 'MARTIN Paul'],
		['SURNAME Firstname without label', 'Entrées : PETIT Jacqueline – ch. 4', 'name', 'PETIT Jacqueline'],
		['lower-case label, known first name', 'Prénom : Gérard et nom : Caron', 'name', 'Gérard'],
		['care role', 'IDE Sophie a fait le tour.', 'name', 'Sophie'],
		['relative with possessive', 'Prévenir son fils Julien.', 'name', 'Julien'],
		// dates of birth, numeric and written
		['né le + slashes', 'Né le 12/03/1941 à Lyon.', 'birthdate', '12/03/1941'],
		['DDN + two-digit year with dashes', 'DDN 12-03-41', 'birthdate', '12-03-41'],
		['date de naissance + dots', 'Date de naissance : 12.03.1941', 'birthdate', '12.03.1941'],
		['written month', 'née le 12 mars 1941', 'birthdate', '12 mars 1941'],
		['1er + upper-case month', 'NÉ LE 1er FÉVRIER 1935', 'birthdate', '1er FÉVRIER 1935'],
		['ISO date', 'DDN : 1952-04-11', 'birthdate', '1952-04-11'],
		['full date right after a name', 'Mme Zoé Meunier (14/02/1986) enceinte', 'birthdate', '14/02/1986'],
		['year of birth', 'Patient né en 1950.', 'birthdate', '1950'],
		// NIR
		['NIR with spaces', 'NIR : 2 41 03 75 112 045 75', 'nir', '2 41 03 75 112 045 75'],
		['NIR compact, no label', 'Vitale 241037511204575 scannée', 'nir', '241037511204575'],
		['Corsica 2A', 'NIR 2 91 12 2A 004 012 32', 'nir', '2 91 12 2A 004 012 32'],
		['wrong key after a label (typo)', 'NIR 2 41 03 75 112 045 76', 'nir', '2 41 03 75 112 045 76'],
		['13 digits after a label', 'N° sécu : 2 41 03 75 112 045', 'nir', '2 41 03 75 112 045'],
		// phones
		['spaces', 'Tél. 06 39 98 12 34', 'phone', '06 39 98 12 34'],
		['dots', 'au 04.65.71.33.08', 'phone', '04.65.71.33.08'],
		['dashes', 'fille : 06-39-98-66-02', 'phone', '06-39-98-66-02'],
		['compact', 'portable 0639981123', 'phone', '0639981123'],
		['+33', 'joignable au +33 6 39 98 55 01', 'phone', '+33 6 39 98 55 01'],
		['+33 (0)', '+33 (0)6 39 98 71 20', 'phone', '+33 (0)6 39 98 71 20'],
		['0033', '0033 6 39 98 10 10', 'phone', '0033 6 39 98 10 10'],
		// e-mail
		['plain', 'écrire à marie.dupont@example.org.', 'email', 'marie.dupont@example.org'],
		['in angle brackets, upper case', 'De : <Jean.Dupuis@EXAMPLE.ORG>', 'email', 'Jean.Dupuis@EXAMPLE.ORG'],
		// addresses
		[
			'street, postcode and town',
			'Domicile : 14 rue des Lilas, 69003 Lyon.',
			'address',
			'14 rue des Lilas, 69003 Lyon',
		],
		[
			'bis, avenue, line break',
			'3 bis avenue Jean-Jaurès\n13005 Marseille',
			'address',
			'3 bis avenue Jean-Jaurès\n13005 Marseille',
		],
		['street only', 'Il habite 8 rue du Moulin, près de là.', 'address', '8 rue du Moulin'],
		[
			'lieu-dit with postcode',
			'lieu-dit La Combe, 07160 Le Cheylard',
			'address',
			'lieu-dit La Combe, 07160 Le Cheylard',
		],
		['postcode and town alone', 'Adresse : 75016 Paris', 'address', '75016 Paris'],
		// record numbers
		['IPP', 'IPP : 800123456', 'record', '800123456'],
		['NDA', 'NDA 240012345', 'record', '240012345'],
		['n° de dossier with letters', 'N° de dossier : 24B-009876', 'record', '24B-009876'],
		['dossier n°', 'Dossier n° A12345.', 'record', 'A12345'],
		['numéro de séjour', 'numéro de séjour S24-001122', 'record', 'S24-001122'],
	])('%s', (_name, text, kind, expected) => {
		expect(found(text)).toContainEqual([kind, expected]);
	});
});

describe('false-positive traps: nothing flagged', () => {
	it.each<[string, string]>([
		// drug doses
		['doses', 'Doliprane 500 mg 2 cp x 3/j, Lovenox 4000 UI/0,4 mL, Calciparine 20000 UI/j'],
		// lab values
		['lab values', 'Hb 12,3 g/dL, CRP 45 mg/L, INR 2,5, plaquettes 150000/mm3, Leucocytes 15000 Neutrophiles 12000'],
		// times
		['times', 'Vu à 14h30, ECG à 08:15, reprise à 22h05.'],
		// scores
		['scores', 'Glasgow 15, EVA 6/10, NEWS2 5, Braden 12, ASA 2, Apgar 9/10/10'],
		// blood pressure
		['blood pressure', 'TA 120/80, puis 95/60 et 165/95 mmHg.'],
		// dates that are not dates of birth
		['admission and visit dates', 'Admis le 12/03/2025, consultation du 14 mars 2025, RDV le 12/03 à 10h.'],
		['past events with old years', 'Appendicectomie le 12 mars 1998, PTH posée le 14/09/2017.'],
		// years
		['years', 'HTA depuis 2008, tabac sevré en 2010, objectif 2025.'],
		// rooms and beds
		['rooms and beds', 'Chambre 12, lit 2. Ch. 214 : RAS. Box 3 libéré.'],
		// lot and product numbers, even a NIR-shaped one
		['lot numbers', 'Lot 4521B, lot 140312345678901, CIP13 3400935926413, FINESS 999000001.'],
		// drug names that look like names
		['drug names', 'Doliprane, Kardegic, Lasilix, Seresta, Augmentin et Eliquis.'],
		// ward and hospital names
		['ward names', 'Transfert en unité Pasteur, pavillon Charcot, EHPAD Les Tilleuls, hôpital Saint-Joseph.'],
		// Dr followed by lower-case words
		['Dr + lower case', 'Le Dr de garde est passé. Dr. non joignable. Avis du Pr : RAS. Dr B.'],
		// civility followed by lower case
		['civility + lower case', 'Mme a bien dormi. M. a refusé. Madame la Présidente. Monsieur le médecin.'],
		// phone-like lab series
		['phone-like series with a unit', 'Dextros (mmol/L) : 06 08 11 09 07. Surveillance 02 04 06 08 10 h.'],
		['phone-like series on a lab line', 'Tendance des potassiums : 03 04 05 04 04 (mmol/L)'],
		// patient word at a sentence start with a capitalised adjective
		['Patient + adjective', 'Patient Coopérant aux soins. Patiente : RAS. Patient : NEWS2 à 0.'],
		// eponyms
		['eponyms', 'Maladie de Parkinson, signe de Babinski, manœuvre de Valsalva, Child-Pugh B.'],
		// IPP as a drug class
		['IPP the drug', 'IPP 20 mg le matin. IPP : oméprazole.'],
		// streets words in clinical use
		['street words', '2 voies veineuses, 1 voie veineuse centrale, mise en place d’une sonde, 1 cours d’ETP.'],
		// a form label followed by a sentence, not a name
		['label + sentence', 'Patient : Chute à domicile. Nom : Non renseigné.'],
		// a year after a record label; a lab count after a colon
		['short record value, lab count', 'Le numéro de séjour 2024 est clos. Plaquettes : 45000 Giga/L.'],
		// birth words without a date of birth
		['birth words', 'Nouveau-né à terme, poids de naissance 3 250 g. Vérifier la date de naissance.'],
	])('%s', (_name, text) => {
		expect(found(text)).toEqual([]);
	});
});

describe('NIR key', () => {
	it.each<[string, string, boolean]>([
		// valid, written with spaces
		['valid with spaces', '2 41 03 75 112 045 75', true],
		// the same, compact
		['valid compact', '241037511204575', true],
		// dots and non-breaking spaces are ignored
		['valid with dots and NBSP', '2.41.03.75\u00a0112.045.75', true],
		// one digit off in the key
		['wrong key', '2 41 03 75 112 045 76', false],
		// Corsica: 2A counts as 19 before the modulo
		['Corsica 2A', '2 91 12 2A 004 012 32', true],
		// Corsica: 2B counts as 18
		['Corsica 2B', '1 45 05 2B 033 022 13', true],
		// the right key for 2B is not the right key for 2A
		['2A with the key of 2B-style digits', '1 45 05 2A 033 022 13', false],
		// lower-case Corsican letter
		['Corsica lower case', '291122a00401232', true],
		// overseas department (971) and a 2-digit commune
		['overseas', '2 55 06 971 20 012 91', true],
		// born abroad (99)
		['born abroad', '1 67 10 99 350 012 35', true],
		// 13 first digits a multiple of 97: key 97
		['key 97', '1 32 07 38 185 066 97', true],
		// month 50+ (incomplete civil-status record)
		['month 50', '2 55 50 62 001 012 72', true],
		// provisional number starting with 7
		['provisional 7', '7 87 12 99 350 108 49', true],
		// month 13 does not exist
		['impossible month', '2 41 13 75 112 045 75', false],
		// sex digit 5 does not exist
		['impossible sex digit', '5 41 03 75 112 045 75', false],
		// 14 characters
		['too short', '24103751120457', false],
		// letters elsewhere
		['letters', '2 41 03 75 11A 045 75', false],
		// nothing
		['empty', '', false],
	])('%s', (_name, nir, ok) => {
		expect(validateNirKey(nir)).toBe(ok);
	});

	it('says why a NIR is refused', () => {
		expect(checkNir('2 41 03 75 112 045 76')).toMatchObject({ ok: false, reason: 'key' });
		expect(checkNir('2 41 13 75 112 045 75')).toMatchObject({ ok: false, reason: 'structure' });
		expect(checkNir('12345')).toMatchObject({ ok: false, reason: 'format' });
		expect(validateNirKey(42 as unknown as string)).toBe(false);
	});

	it('reports a wrong key with lower confidence than a valid one', () => {
		const [valid] = findIdentifiers('NIR 2 41 03 75 112 045 75');
		const [typo] = findIdentifiers('NIR 2 41 03 75 112 045 76');
		const [bare] = findIdentifiers('On lit 2 41 03 75 112 045 76 sur l’étiquette.');
		expect(valid.confidence).toBeGreaterThan(typo.confidence);
		expect(typo.confidence).toBeGreaterThan(bare.confidence);
		expect(typo.explanation).toMatch(/clé/);
	});
});

describe('audit gaps (issue 16, item 8)', () => {
	it.each([
		['NIR 1-85-06-75-123-456-89', 'nir', '1-85-06-75-123-456-89'],
		['M. Ly est arrivé', 'name', 'Ly'],
		['M. Ng et M. Wu', 'name', 'Ng'],
		['12 r. des Lilas, 69003 Lyon', 'address', '12 r. des Lilas, 69003 Lyon'],
		['4 pl. du Marché, 21000 Dijon', 'address', '4 pl. du Marché, 21000 Dijon'],
		['Dossier : 2026-004512', 'record', '2026-004512'],
		['Séjour n° S26118803', 'record', 'S26118803'],
		['Venue V2612004417 ouverte', 'record', 'V2612004417'],
		['DN : 14/05/1948', 'birthdate', '14/05/1948'],
		['dossier : IPP 800654321', 'record', '800654321'],
	] as const)('%s', (text, kind, value) => {
		expect(found(text)).toContainEqual([kind, value]);
	});
	it.each([
		'M Ly', // a bare M without its dot and a two-letter word stays too weak
		'DN4 : 5/10 ce matin',
		'Venue de la famille à 15 h',
		'Séjour de 5 jours en cardiologie',
		'Dossier technique à compléter',
		'Lot 1-85-06 retiré',
		'Pl. de la diurèse : 1,2 L',
		'2 cp le matin, r. à 1 cp si besoin',
	])('no finding in « %s »', (text) => {
		expect(found(text)).toEqual([]);
	});
});

describe('pseudonymise', () => {
	const letter =
		'Mme Jeanne DUPONT, née le 12/03/1941, NIR 2 41 03 75 112 045 75, tél. 06 39 98 12 34.\n' +
		'Vue avec le Dr Martin. Mme Dupont rappellera au 06.39.98.12.34 ou écrira à j.dupont@example.org.';

	it('replaces each finding by a numbered placeholder, the same person keeping the same number', () => {
		expect(pseudonymise(letter)).toBe(
			'Mme [NOM 1], née le [DATE DE NAISSANCE 1], NIR [NIR 1], tél. [TÉLÉPHONE 1].\n' +
				'Vue avec le Dr [NOM 2]. Mme [NOM 1] rappellera au [TÉLÉPHONE 1] ou écrira à [COURRIEL 1].',
		);
	});

	it('replaces every occurrence of a found name or number, not only the one next to a title (issue 16, item 7)', () => {
		const note = 'la patiente Chloé : Chloé décrit des douleurs. Mme Rousseau dit que Rousseau est venue seule ; ROUSSEAU rappellera. IPP 800123456, rappel du 800123456.';
		const out = pseudonymise(note);
		expect(out).not.toMatch(/Chloé|Rousseau|ROUSSEAU|800123456/);
		expect(out).toBe(
			'la patiente [NOM 1] : [NOM 1] décrit des douleurs. Mme [NOM 2] dit que [NOM 2] est venue seule ; [NOM 2] rappellera. IPP [N° DOSSIER 1], rappel du [N° DOSSIER 1].',
		);
		// A common word that only shares its letters with a name stays: "rose" is not Mme Rose.
		expect(pseudonymise('Mme Rose a une plaie rose ; Rose dort.')).toBe('Mme [NOM 1] a une plaie rose ; [NOM 1] dort.');
		// Particles are not names on their own.
		expect(pseudonymise('M. de La Fontaine est sorti de la chambre.')).not.toContain('[NOM 1] [NOM');
		expect(pseudonymise('M. de La Fontaine est sorti de la chambre.')).toContain('sorti de la chambre');
	});

	it('lists its replacements', () => {
		const { replacements } = pseudonymiseDetailed(letter);
		expect(replacements.map((r) => [r.finding.text, r.placeholder])).toContainEqual(['Martin', '[NOM 2]']);
	});

	it('leaves no identifier of the test set in the pseudonymised notes', () => {
		for (const n of notes) {
			const out = pseudonymise(n.text);
			for (const e of n.expected.filter((x) => x.kind !== 'limit')) {
				expect(out.includes(e.text), `${n.id}: ${e.text}`).toBe(false);
			}
			expect(findIdentifiers(out), n.id).toEqual([]);
		}
	});

	it('uses the given findings, skipping those that overlap or fall outside the text', () => {
		const text = 'Appeler Paul au 06 39 98 12 34.';
		const mk = (kind: IdentifierKind, start: number, end: number): Finding => ({
			kind,
			start,
			end,
			text: text.slice(start, end),
			confidence: 1,
			explanation: '',
		});
		const given = [mk('phone', 16, 30), mk('name', 8, 12), mk('name', 9, 14), mk('record', 25, 99)];
		expect(pseudonymise(text, given)).toBe('Appeler [NOM 1] au [TÉLÉPHONE 1].');
		expect(pseudonymise(text, [])).toBe(text);
	});

	it.each<[string, IdentifierKind, string, string]>([
		// surname written three ways
		['capitals and initials', 'name', 'J. DUPONT', 'Dupont'],
		['hyphen and accents', 'name', 'Jean-Pierre Lefèvre', 'Lefevre'],
		// phone: +33 and national forms are one number
		['+33 and 0', 'phone', '+33 6 39 98 12 34', '06.39.98.12.34'],
		['0033 and 0', 'phone', '0033639981234', '06 39 98 12 34'],
	])('one placeholder for %s', (_name, kind, a, b) => {
		expect(identityKey(kind, a)).toBe(identityKey(kind, b));
	});

	it('has a placeholder and a French label for every kind', () => {
		for (const kind of IDENTIFIER_KINDS) {
			expect(PLACEHOLDERS_FR[kind]).toMatch(/^[A-ZÉ° ]+$/);
			expect(KIND_LABELS_FR[kind].length).toBeGreaterThan(3);
		}
	});
});

describe('findings and texts', () => {
	it('are sorted, do not overlap, quote the text and explain in one French sentence', () => {
		for (const n of [...notes, ...challenge]) {
			const list = findIdentifiers(n.text);
			for (let i = 0; i < list.length; i++) {
				const f = list[i];
				expect(f.text).toBe(n.text.slice(f.start, f.end));
				expect(f.confidence).toBeGreaterThan(0);
				expect(f.confidence).toBeLessThanOrEqual(1);
				expect(f.explanation).toMatch(/^[A-ZÀ-Ý].{20,250}\.$/);
				expect(f.explanation.slice(0, -1)).not.toMatch(/[.!?] /);
				if (i > 0) expect(f.start).toBeGreaterThanOrEqual(list[i - 1].end);
			}
		}
	});

	it('labels confidence in French', () => {
		expect(confidenceLabelFr(0.95)).toBe('élevée');
		expect(confidenceLabelFr(0.7)).toBe('moyenne');
		expect(confidenceLabelFr(0.5)).toBe('faible');
	});

	it('states its limits and the rule first', () => {
		expect(LIMITS_FR[0]).toBe(PASTE_RULE_FR);
		expect(PASTE_RULE_FR).toMatch(/établissement/);
		const all = LIMITS_FR.join(' ');
		for (const topic of [
			/sans titre/,
			/surnoms/,
			/proches/,
			/maladie rare/,
			/profession/,
			/chambre/,
			/date d'entrée/,
			/photos/,
			/pseudonymisé n'est pas anonyme/,
		]) {
			expect(all).toMatch(topic);
		}
	});
});

describe('robustness', () => {
	const now = () => performance.now();

	it('returns nothing for empty or non-text input', () => {
		expect(findIdentifiers('')).toEqual([]);
		expect(findIdentifiers(undefined as unknown as string)).toEqual([]);
		expect(pseudonymise('')).toBe('');
	});

	it('keeps offsets right around emoji and other astral characters', () => {
		const text = '🙂👩‍⚕️ Mme Dupont 🏥 tél. 06 39 98 12 34 😷 né le 12/03/1941';
		const list = findIdentifiers(text);
		expect(list.map((f) => f.kind)).toEqual(['name', 'phone', 'birthdate']);
		for (const f of list) expect(text.slice(f.start, f.end)).toBe(f.text);
		expect(pseudonymise(text)).toBe('🙂👩‍⚕️ Mme [NOM 1] 🏥 tél. [TÉLÉPHONE 1] 😷 né le [DATE DE NAISSANCE 1]');
	});

	it('reads Windows line breaks and non-breaking spaces', () => {
		expect(found('Patient : MARTIN Paul\r\nTél :\u00a006\u00a039\u00a098\u00a012\u00a034\r\n')).toEqual([
			['name', 'MARTIN Paul'],
			['phone', '06\u00a039\u00a098\u00a012\u00a034'],
		]);
	});

	// Best of five: the least disturbed run measures the code, not the load of a shared machine.
	it('checks 100 KB of notes in under 200 ms', () => {
		const sample = notes.map((n) => n.text).join('\n\n');
		const big = sample.repeat(Math.ceil(100_000 / sample.length)).slice(0, 100_000);
		findIdentifiers(big); // compile the expressions once
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t0 = now();
			const list = findIdentifiers(big);
			times.push(now() - t0);
			expect(list.length).toBeGreaterThan(500);
		}
		expect(Math.min(...times)).toBeLessThan(200);
	});

	it.each<[string, string]>([
		// a title with no name, ten thousand times
		["'M. ' × 10 000", 'M. '.repeat(10_000)],
		// titles glued to capitals
		["'Dr A' × 10 000", 'Dr A'.repeat(10_000)],
		// endless hyphenated names after titles
		["'Mme Jean-' × 10 000", 'Mme Jean-'.repeat(10_000)],
		// one huge digit run, then a spaced one
		['200 000 digits', '1'.repeat(200_000)],
		["'1 ' × 50 000", '1 '.repeat(50_000)],
		// an e-mail local part that never ends
		["'a.' × 50 000 + '@'", 'a.'.repeat(50_000) + '@x'],
		// street words without names, birth cues without dates
		["'12 rue ' × 10 000", '12 rue '.repeat(10_000)],
		["'né le ' × 10 000", 'né le '.repeat(10_000)],
		// separators that could make a phone number go on forever
		["'06 ' × 20 000", '06 '.repeat(20_000)],
	])('no catastrophic backtracking: %s', (_name, text) => {
		// Backtracking blow-ups cost seconds to hours; best of two runs under one second.
		const times = [0, 1].map(() => {
			const t0 = now();
			findIdentifiers(text);
			return now() - t0;
		});
		expect(Math.min(...times)).toBeLessThan(1000);
	});
});
