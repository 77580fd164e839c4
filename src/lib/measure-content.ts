/**
 * Build side of the parallel forms (issue 17): reads and checks `content/positionnement.yaml`
 * (form A) and `content/positionnement-b.yaml` (form B). A broken file, or two forms that are no
 * longer parallel (see `parallelProblems`), stops the build with the file and the question named.
 * Imports js-yaml and the zod quiz schema: never import this file from an island.
 */
import yaml from 'js-yaml';
import { questionSchema } from './schemas';
import { formatPositioningProblems, validatePositioningFile, type PositioningFile } from './positioning';
import { parallelProblems, type FormQuestion } from './measure';

export const FORM_FILES = { a: 'content/positionnement.yaml', b: 'content/positionnement-b.yaml' } as const;

export interface Forms {
	a: PositioningFile & { questions: FormQuestion[] };
	b: PositioningFile & { questions: FormQuestion[] };
}

/** Thrown with a French message naming the file, the question and the field. */
export class FormsError extends Error {}

function load(raw: string, form: 'a' | 'b', moduleThemes: ReadonlyMap<string, string>): Forms['a'] {
	let data: unknown;
	try {
		data = yaml.load(raw);
	} catch (e) {
		throw new FormsError(`${FORM_FILES[form]} : YAML illisible — ${(e as Error).message}`);
	}
	const { file, problems } = validatePositioningFile(data, { parseQuestion: (q) => questionSchema.safeParse(q), moduleThemes });
	if (!file) {
		throw new FormsError(`Forme ${form.toUpperCase()} du test invalide (${problems.length} problème(s)) :\n${formatPositioningProblems(problems, FORM_FILES[form])}`);
	}
	return { ...file, questions: file.questions.map((q) => ({ ...q, form })) };
}

/** Both forms, checked one by one and against each other. */
export function loadForms(rawA: string, rawB: string, moduleThemes: ReadonlyMap<string, string>): Forms {
	const a = load(rawA, 'a', moduleThemes);
	const b = load(rawB, 'b', moduleThemes);
	const problems = parallelProblems(a.questions, b.questions);
	if (problems.length > 0) {
		throw new FormsError(`Les deux formes du test ne sont plus parallèles (${FORM_FILES.a}, ${FORM_FILES.b}) :\n${problems.map((p) => `  ${p}`).join('\n')}`);
	}
	return { a, b };
}
