/**
 * Build-time only: the two search payloads, built once per build from the curriculum and shared
 * by the search-index.json and search-text.json endpoints (so both come from the same build).
 */
import { curriculum } from '../content';
import { buildSearch } from './build-index';

let built: ReturnType<typeof buildSearch> | undefined;

export async function searchPayloads(): Promise<ReturnType<typeof buildSearch>> {
	if (!built) {
		const c = await curriculum();
		built = buildSearch({ modules: c.modules, glossary: c.glossary, minutes: c.minutes });
	}
	return built;
}
