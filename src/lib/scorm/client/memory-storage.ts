/**
 * An in-memory Web Storage stand-in. Inside a package the LMS keeps the learner's results
 * (`cmi.suspend_data`), so the page's progress store lives in memory: nothing is left in the
 * browser of a shared ward computer for the next person. Pure, no DOM.
 */
import type { StorageLike } from '../../progress/store';

export function memoryStorage(): StorageLike {
	const map = new Map<string, string>();
	return {
		getItem: (k) => (map.has(k) ? map.get(k)! : null),
		setItem: (k, v) => {
			map.set(k, String(v));
		},
		removeItem: (k) => {
			map.delete(k);
		},
		key: (i) => [...map.keys()][i] ?? null,
		get length() {
			return map.size;
		},
	};
}
