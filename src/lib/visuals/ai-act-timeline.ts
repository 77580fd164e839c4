/**
 * The AI Act's application dates, as amended by Regulation (EU) 2026/1744 ("Digital Omnibus on
 * AI"), in ONE place: the timeline figure and any module text that quotes a date read them
 * from here, so that a date cannot differ between a picture and a sentence, and a change is made
 * once.
 *
 * Sources (checked 2026-12-03): Regulation (EU) 2024/1689 art. 113 (EUR-Lex, OJ 12 Jul 2024);
 * Council of the EU press release of 29 Jun 2026 "Artificial Intelligence: Council gives final
 * green light to simplify and streamline rules" (dates for Annex III, Annex I, sandboxes,
 * art. 50(2) marking, new prohibition); law-firm and compliance notes citing Regulation (EU)
 * 2026/1744 of 8 Jul 2026 (OJ 24 Jul 2026, in force 27 Jul 2026) for the other dates. The
 * dates marked `omnibus` come from the 2026 amending regulation, as the Council release and
 * concordant legal analyses give them.
 */

export interface AiActMilestone {
	/** YYYY-MM-DD. */
	date: string;
	/** Short label for the figure (≤ 40 characters, French). */
	label: string;
	/** One sentence for the text version and the modules. */
	detail: string;
	/** True when the date was set or moved by Regulation (EU) 2026/1744 (see the sources above). */
	omnibus: boolean;
	/** True for dates that concern care and health establishments most directly. */
	health: boolean;
}

export const AI_ACT_TIMELINE_AS_OF = '2026-12-03';

export const AI_ACT_MILESTONES: readonly AiActMilestone[] = [
	{ date: '2024-08-01', label: 'Entrée en vigueur', detail: 'Le règlement (UE) 2024/1689 entre en vigueur ; ses règles s’appliquent ensuite par étapes.', omnibus: false, health: false },
	{ date: '2025-02-02', label: 'Interdictions et maîtrise de l’IA', detail: 'Les pratiques interdites (art. 5) et l’obligation de prendre des mesures de maîtrise de l’IA pour le personnel (art. 4) s’appliquent.', omnibus: false, health: true },
	{ date: '2025-08-02', label: 'Modèles d’IA à usage général', detail: 'Les règles des modèles à usage général (chapitre V), la gouvernance et les sanctions s’appliquent.', omnibus: false, health: false },
	{ date: '2026-08-02', label: 'Transparence (art. 50)', detail: 'Les obligations de transparence s’appliquent : dire qu’on parle à une IA, marquer les contenus générés, signaler les hypertrucages.', omnibus: false, health: true },
	{ date: '2026-12-02', label: 'Marquage et nouvelle interdiction', detail: 'Fin du délai de grâce pour le marquage des contenus générés par les systèmes déjà sur le marché (art. 50, § 2) ; l’interdiction des IA qui génèrent des contenus intimes non consentis ou pédocriminels s’applique.', omnibus: true, health: false },
	{ date: '2027-08-02', label: 'Bacs à sable nationaux', detail: 'Chaque État membre doit avoir mis en place au moins un bac à sable réglementaire de l’IA.', omnibus: true, health: false },
	{ date: '2027-12-02', label: 'Haut risque (annexe III)', detail: 'Les règles des systèmes à haut risque listés à l’annexe III (par exemple le tri des patients aux urgences) s’appliquent.', omnibus: true, health: true },
	{ date: '2028-08-02', label: 'Haut risque (dispositifs médicaux)', detail: 'Les règles du haut risque s’appliquent aux IA intégrées à des produits de l’annexe I, dont les dispositifs médicaux qui passent par un organisme notifié.', omnibus: true, health: true },
	{ date: '2030-08-02', label: 'Systèmes des autorités publiques', detail: 'Date limite pour mettre en conformité les systèmes à haut risque déjà en service et destinés à des autorités publiques.', omnibus: false, health: false },
];

/** The milestone on a date (throws at build time when a module cites a date that is not here). */
export function milestone(date: string): AiActMilestone {
	const m = AI_ACT_MILESTONES.find((x) => x.date === date);
	if (!m) throw new Error(`Date de l’AI Act absente de la frise : ${date}`);
	return m;
}

/** « 2 décembre 2027 ». */
export function frenchDate(date: string): string {
	const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
	const [y, m, d] = date.split('-').map(Number);
	return `${d === 1 ? '1er' : d} ${months[m - 1]} ${y}`;
}
