/**
 * The simulations (« Pratique ») and the one thing the site keeps about them: which ones the
 * learner completed, and when. Nothing typed or chosen in a simulation is stored.
 *
 * Stored shape (store section `practice`, key `pias:<ns>:practice:v1`):
 * `{ completed: { "<slug>": "YYYY-MM-DD" } }`. Unknown slugs are kept (a newer site may have
 * more simulations); entries with a malformed slug or date are dropped and reported as corrupt,
 * so the store sets the stored value aside before overwriting it.
 */
import type { SectionParse } from '../../progress/store';

export interface Simulation {
	/** Page slug under /pratique/. */
	slug: string;
	title: string;
	/** One line, shown on the index. */
	description: string;
	minutes: number;
	/** Who it is written for. */
	audience: string;
	/** Module ids it serves (linked both ways). */
	modules: string[];
}

export const SIMULATIONS: Simulation[] = [
	{
		slug: 'instruction-cachee',
		title: 'L’instruction cachée',
		description: 'Trois documents confiés à un assistant d’IA cachent chacun une consigne : trouvez-la, et voyez ce qu’elle aurait fait dire à l’assistant.',
		minutes: 12,
		audience: 'Tous les professionnels',
		modules: ['injection-de-prompt', 'supervision-humaine'],
	},
	{
		slug: 'puis-je-coller',
		title: 'Puis-je coller ce texte ?',
		description: 'Repérez les identifiants d’un texte avant de le confier à un outil d’IA, et obtenez-en une version pseudonymisée.',
		minutes: 5,
		audience: 'Tous les professionnels',
		modules: ['shadow-ia-fuites-donnees', 'rgpd-donnees-sante', 'hygiene-numerique-outils-ia'],
	},
	{
		slug: 'puis-je-utiliser-cet-outil',
		title: 'Puis-je utiliser cet outil ?',
		description: 'Quatre questions pour savoir si vous pouvez utiliser un outil d’IA, avec quelles données, et à qui demander.',
		minutes: 4,
		audience: 'Tous les professionnels',
		modules: ['shadow-ia-fuites-donnees', 'hygiene-numerique-outils-ia', 'rgpd-donnees-sante', 'ia-generative-quotidien'],
	},
	{
		slug: 'mon-outil-est-il-a-haut-risque',
		title: 'Mon outil est-il à haut risque ?',
		description: 'Pour les décideurs : qualifier un outil au regard du règlement européen sur l’IA, article par article, avec les dates en vigueur.',
		minutes: 8,
		audience: 'Décideurs, directions, référents IA',
		modules: ['ai-act-essentiel', 'obligations-etablissement-deployeur', 'logiciel-dispositif-medical', 'acheter-contractualiser-ia'],
	},
];

/** Slug → simulation. */
export function simulation(slug: string): Simulation {
	const s = SIMULATIONS.find((x) => x.slug === slug);
	if (!s) throw new Error(`Unknown simulation "${slug}"`);
	return s;
}

/** Store section holding the completion flags. */
export const PRACTICE_SECTION = 'practice';
export const PRACTICE_VERSION = 1;

export interface PracticeState {
	/** Slug → date of the last completion, YYYY-MM-DD. */
	completed: Record<string, string>;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the stored value; never throws. */
export function parsePractice(raw: unknown): SectionParse<PracticeState> {
	const value: PracticeState = { completed: {} };
	if (raw === undefined || raw === null) return { value };
	if (typeof raw !== 'object' || Array.isArray(raw)) return { value, problem: 'corrupt' };
	const completed = (raw as Record<string, unknown>).completed;
	if (completed === undefined) return { value };
	if (typeof completed !== 'object' || completed === null || Array.isArray(completed)) return { value, problem: 'corrupt' };
	let damaged = false;
	for (const [slug, date] of Object.entries(completed as Record<string, unknown>)) {
		if (SLUG.test(slug) && typeof date === 'string' && DATE.test(date)) value.completed[slug] = date;
		else damaged = true;
	}
	return damaged ? { value, problem: 'corrupt' } : { value };
}

/** Records that `slug` was completed on `today` (pure; keeps the other entries). */
export function markCompleted(state: PracticeState, slug: string, today: string): PracticeState {
	if (!SLUG.test(slug) || !DATE.test(today)) return state;
	if (state.completed[slug] === today) return state;
	return { completed: { ...state.completed, [slug]: today } };
}

/**
 * The modules a simulation serves, as links. `titleOf` looks a module up in the curriculum;
 * an unknown id throws, so a renamed module stops the build instead of leaving a dead link.
 */
export function relatedModules(
	slug: string,
	titleOf: (id: string) => string | undefined,
	hrefOf: (id: string) => string,
): { id: string; href: string; title: string }[] {
	return simulation(slug).modules.map((id) => {
		const title = titleOf(id);
		if (!title) throw new Error(`[pratique/${slug}] module inconnu : « ${id} »`);
		return { id, href: hrefOf(id), title };
	});
}
