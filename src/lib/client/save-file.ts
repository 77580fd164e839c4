/**
 * Hands a text to the browser as a downloaded file (no request: a blob URL on this page), and
 * the name of a progress file, so that every export button names its files alike.
 */
export function saveFile(text: string, name: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** « parcours-ia-sante-progression-2026-12-04.json » for today's date (UTC). */
export function progressFileName(now = new Date()): string {
	return `parcours-ia-sante-progression-${now.toISOString().slice(0, 10)}.json`;
}
