/**
 * Scoring the checker against annotated notes (tests/fixtures/notes). Shared by the unit test
 * and scripts/bench-identifiers.mjs so both count the same way.
 *
 * Matching rule: a finding matches an expected span when the kinds are equal and the overlap
 * covers at least half of the shorter span and at least a quarter of the longer one. So
 * "Dupont" found for "Marie Dupont" counts, "12 rue des Lilas" for "12 rue des Lilas, 69003
 * Lyon" counts, but a three-letter piece of a long name, or a span that swallows a whole line,
 * does not.
 *
 * - recall of a kind = expected spans matched by at least one finding / expected spans;
 * - precision of a kind = findings that match an expected span of that kind / findings, where
 *   findings overlapping a "limit" annotation (a real clue the checker does not claim to catch)
 *   are left out of the count rather than called false;
 * - several findings may match one expected span (a split address is still two correct
 *   findings); exact counts the findings whose span is exactly the expected one.
 */
import type { IdentifierKind } from './detect';

export interface ExpectedSpan {
	kind: IdentifierKind | 'limit';
	start: number;
	end: number;
	text: string;
}

export interface AnnotatedNote {
	id: string;
	genre: string;
	text: string;
	expected: ExpectedSpan[];
}

export interface Span {
	kind: string;
	start: number;
	end: number;
	text?: string;
}

export interface KindScore {
	expected: number;
	found: number;
	truePositives: number;
	falsePositives: number;
	missed: number;
	exact: number;
	precision: number;
	recall: number;
}

export interface Miss {
	note: string;
	kind: string;
	text: string;
	type: 'missed' | 'false-positive';
}

export function overlapMatches(a: Span, b: Span): boolean {
	const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
	if (overlap <= 0) return false;
	const la = a.end - a.start;
	const lb = b.end - b.start;
	return overlap >= 0.5 * Math.min(la, lb) && overlap >= 0.25 * Math.max(la, lb);
}

function overlaps(a: Span, b: Span): boolean {
	return Math.min(a.end, b.end) > Math.max(a.start, b.start);
}

export function scoreNotes(
	notes: readonly AnnotatedNote[],
	find: (text: string) => readonly Span[],
	kinds: readonly string[],
): { byKind: Record<string, KindScore>; misses: Miss[] } {
	const byKind: Record<string, KindScore> = {};
	for (const k of kinds) {
		byKind[k] = {
			expected: 0,
			found: 0,
			truePositives: 0,
			falsePositives: 0,
			missed: 0,
			exact: 0,
			precision: 1,
			recall: 1,
		};
	}
	const misses: Miss[] = [];
	for (const note of notes) {
		const findings = find(note.text);
		const expected = note.expected.filter((e) => e.kind !== 'limit');
		const limits = note.expected.filter((e) => e.kind === 'limit');
		for (const e of expected) {
			const s = byKind[e.kind];
			if (!s) continue;
			s.expected++;
			if (!findings.some((f) => f.kind === e.kind && overlapMatches(f, e))) {
				s.missed++;
				misses.push({ note: note.id, kind: e.kind, text: e.text, type: 'missed' });
			}
		}
		for (const f of findings) {
			const s = byKind[f.kind];
			if (!s) continue;
			const match = expected.find((e) => e.kind === f.kind && overlapMatches(f, e));
			if (match) {
				s.found++;
				s.truePositives++;
				if (match.start === f.start && match.end === f.end) s.exact++;
			} else if (limits.some((l) => overlaps(f, l))) {
				// a real clue outside the checker's declared scope: neither right nor wrong
			} else {
				s.found++;
				s.falsePositives++;
				misses.push({
					note: note.id,
					kind: f.kind,
					text: f.text ?? note.text.slice(f.start, f.end),
					type: 'false-positive',
				});
			}
		}
	}
	for (const s of Object.values(byKind)) {
		s.precision = s.found === 0 ? 1 : s.truePositives / s.found;
		s.recall = s.expected === 0 ? 1 : (s.expected - s.missed) / s.expected;
	}
	return { byKind, misses };
}
