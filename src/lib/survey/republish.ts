/**
 * Publishing the team picture again after a few more files came in lets anyone who holds both
 * versions subtract one from the other and read the new people's answers (issue 16, item 9:
 * one late file gave back 9 of its 10 answers). The view remembers which answers its last
 * publication (CSV or print) was made from, and warns before a new one differs by fewer than
 * `MIN_GROUP` answers. Only random snapshot ids are kept, for this browser tab.
 */
import { MIN_GROUP } from './suppress';

export interface RepublishCheck {
	/** Answers in the last publication, or null when nothing was published yet. */
	published: number | null;
	/** Answers counted now and not in the last publication. */
	added: number;
	/** Answers of the last publication no longer counted. */
	removed: number;
	/** True when both versions would let a group of 1 to 4 be worked out. */
	risky: boolean;
}

export function republishCheck(lastPublished: readonly string[] | null, current: readonly string[]): RepublishCheck {
	if (!lastPublished) return { published: null, added: 0, removed: 0, risky: false };
	const before = new Set(lastPublished);
	const now = new Set(current);
	const added = [...now].filter((id) => !before.has(id)).length;
	const removed = [...before].filter((id) => !now.has(id)).length;
	const small = (n: number) => n > 0 && n < MIN_GROUP;
	return { published: before.size, added, removed, risky: small(added) || small(removed) };
}

/** Reads the ids stored for the last publication; anything unexpected counts as none. */
export function parsePublished(raw: string | null | undefined): string[] | null {
	if (!raw) return null;
	try {
		const v: unknown = JSON.parse(raw);
		if (!Array.isArray(v) || v.length > 5000 || !v.every((x) => typeof x === 'string' && /^[a-z0-9]{8,40}$/i.test(x))) return null;
		return v as string[];
	} catch {
		return null;
	}
}
