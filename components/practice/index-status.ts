/**
 * /pratique/: shows « Terminée le … » on the cards of the simulations completed in this
 * browser. Text only; the cards work without it.
 */
import { practiceSection } from './practice-client';
import { formatDateFr } from '../../src/lib/format';

export function showPracticeStatus(base: string): void {
	const cards = document.querySelectorAll<HTMLElement>('[data-practice-status]');
	const render = (completed: Record<string, string>) => {
		for (const el of cards) {
			const date = completed[el.dataset.practiceStatus ?? ''];
			el.textContent = date ? `Terminée le ${formatDateFr(date)}` : '';
			el.hidden = !date;
		}
	};
	try {
		practiceSection(base).subscribe((s) => render(s.completed));
	} catch {
		// Storage problems are shown by the store's notices; the cards stay as they are.
	}
}
