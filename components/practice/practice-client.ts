/**
 * The browser side of the "simulation completed" flag: one `practice` section on the page's
 * single store (registered once, whichever island asks first). Only the slug and the date are
 * kept; nothing the learner typed or chose.
 */
import { localToday, progressClient, showStoreNotices } from '../../src/lib/client/progress-client';
import type { Section } from '../../src/lib/progress/store';
import {
	markCompleted,
	parsePractice,
	PRACTICE_SECTION,
	PRACTICE_VERSION,
	type PracticeState,
} from '../../src/lib/practice/scenarios/simulations';

let section: Section<PracticeState> | null = null;

/** The `practice` section of this page's store. */
export function practiceSection(base: string): Section<PracticeState> {
	if (section) return section;
	const store = progressClient(base);
	showStoreNotices(store);
	section = store.section(PRACTICE_SECTION, parsePractice, PRACTICE_VERSION, { label: 'la liste de vos simulations terminées' });
	return section;
}

/** Records that the simulation `slug` was completed today. Never throws: the flag is optional. */
export function markSimulationDone(base: string, slug: string): void {
	try {
		practiceSection(base).update((s) => markCompleted(s, slug, localToday()));
	} catch {
		// The flag is a convenience: a storage problem must not break the simulation.
	}
}
