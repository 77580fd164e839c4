/**
 * Build-time link between the barrier → module mapping and the curriculum: the title, length
 * and URL of every module the survey can recommend, handed to the islands as props. A mapped
 * id missing from the curriculum stops the build with the ids named.
 */
import type { ModuleEntry } from '../catalog';
import { routes, withBase } from '../paths';
import { mappedModuleIds, unknownModuleIds } from './recommend';

export interface ModuleTarget {
	title: string;
	minutes: number;
	url: string;
}

/** Thrown at build when the mapping names a module that does not exist. */
export class SurveyMappingError extends Error {
	constructor(ids: string[]) {
		super(
			`État des lieux : src/lib/survey/recommend.ts recommande des modules qui n'existent pas (${ids.join(', ')}). Corrigez les identifiants ou ajoutez les modules.`,
		);
		this.name = 'SurveyMappingError';
	}
}

/** Title, minutes and URL of every mapped module; throws `SurveyMappingError` on unknown ids. */
export function moduleTargets(
	byId: ReadonlyMap<string, Pick<ModuleEntry, 'data'>>,
	minutes: ReadonlyMap<string, number>,
	base: string,
): Record<string, ModuleTarget> {
	const missing = unknownModuleIds(byId);
	if (missing.length > 0) throw new SurveyMappingError(missing);
	const out: Record<string, ModuleTarget> = {};
	for (const id of mappedModuleIds()) {
		out[id] = { title: byId.get(id)!.data.title, minutes: minutes.get(id) ?? 0, url: withBase(base, routes.module(id)) };
	}
	return out;
}
