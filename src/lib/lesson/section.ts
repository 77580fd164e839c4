/**
 * The `lesson` section of the progress store (key `pias:<ns>:lesson:v1`, shape in `state.ts`).
 * No DOM: the store (and its storage) is passed in.
 */
import type { ProgressStore, Section } from '../progress/store';
import { LESSON_VERSION, parseLessons, type LessonsState } from './state';

const handles = new WeakMap<ProgressStore, Section<LessonsState>>();

/** The lesson section of this store, registered on first use. */
export function lessonSection(store: ProgressStore): Section<LessonsState> {
	let handle = handles.get(store);
	if (!handle) {
		handle = store.section('lesson', parseLessons, LESSON_VERSION, { label: 'votre place dans les modules' });
		handles.set(store, handle);
	}
	return handle;
}
