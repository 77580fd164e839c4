/**
 * The site-wide change log (« Ce qui a changé »): every module's `changes` entries gathered,
 * newest first. Pure: module entries in, plain data out; the pages only render it.
 */
import { routes } from '../paths';
import type { ModuleChange } from '../schemas';

/** The module fields used here (a catalog `ModuleEntry` fits). */
export interface ChangeSourceModule {
	id: string;
	data: { title: string; changes?: readonly ModuleChange[] };
}

/** One entry of the change log, with the module it belongs to. */
export interface ChangeLogEntry extends ModuleChange {
	moduleId: string;
	moduleTitle: string;
	/** Site-relative path of the module page (the page adds the base). */
	path: string;
}

/** A module's own entries, newest first (date, then version). */
export function sortChanges<T extends Pick<ModuleChange, 'date' | 'version'>>(changes: readonly T[]): T[] {
	return [...changes].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.version - a.version));
}

/** Every module's entries in one list, newest first; modules with equal dates keep the given (catalogue) order. */
export function changeLog(modules: readonly ChangeSourceModule[]): ChangeLogEntry[] {
	const all: ChangeLogEntry[] = [];
	for (const m of modules) {
		for (const c of m.data.changes ?? []) {
			all.push({ ...c, questions: [...c.questions], moduleId: m.id, moduleTitle: m.data.title, path: routes.module(m.id) });
		}
	}
	// Stable sort: same date and version keep catalogue order.
	return all.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : 0));
}
