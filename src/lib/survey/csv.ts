/**
 * The team picture as a CSV file for a spreadsheet.
 *
 * Format, chosen for Excel as installed in French hospitals:
 * - UTF-8 with a byte-order mark: without it, Excel reads the file as Windows-1252 and
 *   « Infirmier·e » comes out garbled. (A `sep=;` first line would also pin the separator,
 *   but Excel then ignores the BOM, so it is not used.)
 * - `;` between fields: French-locale Excel uses the comma as decimal separator and expects
 *   `;` between fields. Decimals are therefore written with a comma (« 26,7 »).
 * - Lines end with CRLF (RFC 4180). A field holding `;`, `"`, CR or LF is quoted, with inner
 *   quotes doubled. A text field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
 *   apostrophe so that a spreadsheet never runs it as a formula (CSV injection); every text here
 *   is the site's own, but the rule costs nothing.
 *
 * Only published figures are written: hidden cells keep their « < 5 » / « masqué » text.
 */
import type { TeamSummary } from './aggregate';
import { MIN_GROUP } from './suppress';

export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

/** A French decimal: 26.7 → « 26,7 ». */
export function frenchNumber(n: number): string {
	return String(n).replace('.', ',');
}

/** One field, escaped (see the header comment). */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? frenchNumber(value) : '';
	let s = value;
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line, without its line ending. */
export function csvLine(fields: ReadonlyArray<string | number | null | undefined>): string {
	return fields.map(csvField).join(CSV_SEPARATOR);
}

export interface CsvOptions {
	/** Files skipped (malformed, duplicated…). */
	skipped: number;
	/** Module titles by id, for the modules to start with. */
	moduleTitles: Readonly<Record<string, string>>;
	/** Labels of the reasons a module is recommended (barrier ids and `outil-non-autorise`). */
	reasonLabels: Readonly<Record<string, string>>;
}

/** The whole CSV file, BOM included. */
export function summaryCsv(summary: TeamSummary, options: CsvOptions): string {
	const lines: string[] = [];
	const add = (...fields: Array<string | number | null | undefined>) => lines.push(csvLine(fields));
	add('Parcours IA Santé — état des lieux de l’équipe (synthèse anonyme)');
	add('Réponses prises en compte', summary.respondents);
	add('Fichiers ignorés', options.skipped);
	add('Règle de confidentialité', `aucun groupe de moins de ${MIN_GROUP} personnes n’est affiché (« < ${MIN_GROUP} » ou « masqué »)`);
	if (!summary.enough) {
		add('Résultats', `non affichés : il faut au moins ${MIN_GROUP} réponses`);
		return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
	}
	add();
	add('Question', 'Réponse', 'Nombre', 'Part (%)');
	for (const d of summary.dimensions) {
		for (const c of d.cells) add(d.title, c.label, c.count ?? c.display, c.percent);
		add(d.title, d.kind === 'single' ? 'Total' : 'Personnes interrogées', d.base ?? d.baseDisplay, d.base !== null && d.kind === 'single' ? 100 : null);
	}
	add();
	add('Indicateur', 'Détail', 'Valeur');
	const s = summary.shadowAi;
	add('Shadow IA', 'Personnes qui utilisent au moins un outil d’IA', s.users ?? 'non publié');
	add('Shadow IA', 'Part des utilisateurs avec au moins un outil non autorisé (%)', s.unapprovedPercent ?? 'non publié (petits effectifs)');
	add('Shadow IA', 'Part des utilisateurs qui ne savent pas si leurs outils sont autorisés (%)', s.unknownPercent ?? 'non publié (petits effectifs)');
	for (const p of summary.positioning) {
		add('Positionnement', `${p.label} : score moyen sur 100 (${p.countDisplay} scores)`, p.mean ?? `non calculé (moins de ${MIN_GROUP} scores)`);
	}
	add();
	add('Modules à proposer en premier', 'Module', 'Répond à');
	summary.startModules.forEach((m, i) => {
		add(
			String(i + 1),
			options.moduleTitles[m.moduleId] ?? m.moduleId,
			m.because.map((b) => options.reasonLabels[b] ?? b).join(', '),
		);
	});
	return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}
