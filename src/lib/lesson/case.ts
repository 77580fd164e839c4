/**
 * The case of a lesson and its nurse-setting versions (issue 14 item 5). A case may carry
 * `variants` (EHPAD, operating room, ward): a nurse whose chosen setting has one decides on that
 * version; everyone else decides on the base case. Pure: used by the case component (build) and
 * the lesson script (browser).
 *
 * ## The recorded choice
 *
 * Option ids are the same across versions (a, b, c…: the catalogue checks it), so the choice is
 * recorded with its version: `b` for the base case, `ehpad:b` for the EHPAD version. It stays a
 * short code, it is unambiguous, and a learner who later changes setting still finds the version
 * they decided on. Codes written before variants existed (`b`) read as the base case: stored
 * data of the lesson:v1 format keeps its meaning.
 */
import type { CaseData, CaseOption } from '../schemas';
import { SETTINGS, type Setting } from '../taxonomy';

/** One version of a case as the page shows it: the base (`setting` null) or a setting variant. */
export interface CaseVersion {
	setting: Setting | null;
	/** '' for the base case, else the setting: the `data-case-version` of its block. */
	key: string;
	title: string;
	situation: string;
	question: string;
	options: CaseOption[];
	debrief: string;
}

export const DEFAULT_CASE_QUESTION = 'Que faites-vous ?';

/** Disclosure label of a variant for readers without JavaScript (and its print heading). */
export const VARIANT_LABEL: Record<Setting, string> = {
	ehpad: 'Version EHPAD',
	bloc: 'Version bloc opératoire',
	service: 'Version service de soins',
};

/**
 * The base case, then each variant in the schema's setting order; a variant that leaves out its
 * title, question, options or debrief takes the base case's.
 */
export function caseVersions(c: CaseData): CaseVersion[] {
	const base: CaseVersion = {
		setting: null,
		key: '',
		title: c.title,
		situation: c.situation,
		question: c.question ?? DEFAULT_CASE_QUESTION,
		options: c.options ?? [],
		debrief: c.debrief,
	};
	const variants = [...(c.variants ?? [])]
		.sort((a, b) => SETTINGS.indexOf(a.setting) - SETTINGS.indexOf(b.setting))
		.map<CaseVersion>((v) => ({
			setting: v.setting,
			key: v.setting,
			title: v.title ?? c.title,
			situation: v.situation,
			question: v.question ?? base.question,
			options: v.options ?? base.options,
			debrief: v.debrief ?? c.debrief,
		}));
	return [base, ...variants];
}

const OPTION = '[a-z0-9-]{1,20}';
/** A stored case choice: an option id, optionally prefixed by the setting of its version. */
export const CASE_CHOICE = new RegExp(`^(?:(?:${SETTINGS.join('|')}):)?${OPTION}$`);

export interface CaseChoice {
	/** '' for the base case, else the setting of the variant. */
	version: string;
	option: string;
}

/** `b` (base) or `ehpad:b` (a variant). */
export function encodeCaseChoice(version: string, option: string): string {
	return version ? `${version}:${option}` : option;
}

/** The version and option of a stored choice, or null for a bad code. */
export function decodeCaseChoice(code: string | undefined): CaseChoice | null {
	if (!code || !CASE_CHOICE.test(code)) return null;
	const i = code.indexOf(':');
	return i < 0 ? { version: '', option: code } : { version: code.slice(0, i), option: code.slice(i + 1) };
}

/**
 * Which version the page shows: the one decided on once a choice is recorded (so that the
 * learner resumes on it, whatever setting they hold now); before that, the variant of the
 * learner's nurse setting when the case has one; the base case otherwise.
 */
export function versionToShow(choice: string | undefined, setting: Setting | null, available: readonly string[]): string {
	const decided = decodeCaseChoice(choice);
	if (decided && available.includes(decided.version)) return decided.version;
	if (setting && available.includes(setting)) return setting;
	return '';
}

/** The nurse setting that picks a case version: only a nurse's (the setting chooser sets both). */
export function caseSetting(progress: { profile: string | null; setting: Setting | null }): Setting | null {
	return progress.profile === 'infirmier' ? progress.setting : null;
}
