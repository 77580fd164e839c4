/** French formatting helpers, pure. */

/** '2026-11-28' → '28 novembre 2026' (UTC, so no time-zone drift). */
export function formatDateFr(iso: string): string {
	const d = new Date(`${iso}T00:00:00Z`);
	if (Number.isNaN(d.getTime())) return iso;
	return d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** 75 → '1 h 15 min', 40 → '40 min'. */
export function formatMinutes(total: number): string {
	const h = Math.floor(total / 60);
	const m = total % 60;
	if (!h) return `${m} min`;
	return m ? `${h} h ${String(m).padStart(2, '0')} min` : `${h} h`;
}

/** French plural helper: plural(2, 'module') → '2 modules'. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
	return `${n} ${n > 1 ? pluralWord : word}`;
}

/**
 * Share of `part` in `total` as a whole percentage, rounded to the nearest (4/6 → 67, 1/3 → 33).
 * 0 when `total` is 0 or either value is not a finite number.
 */
export function percentOf(part: number, total: number): number {
	if (!Number.isFinite(part) || !Number.isFinite(total) || total <= 0) return 0;
	return Math.min(100, Math.max(0, Math.round((part * 100) / total)));
}
