/**
 * The offers of issue 17 on the home page, /revisions/ and /progression/: the « bilan de fin de
 * parcours » once every module of the learner's track is completed (end test not taken yet),
 * then the 30-day retention check once it is due. Fills each `[data-measure-offer]` element
 * (kept hidden otherwise); its `data-tracks` attribute holds each track's module ids (JSON,
 * written at build), `data-end` and `data-retention` the two pages' URLs. Text only, never HTML. Decisions in `measure.ts`.
 */
import { localToday, progressClient } from './progress-client';
import { learnerTrackIds, retentionStatus, trackStatus } from '../measure';
import { measureLabels } from '../measure-labels';
import type { ProgressState } from '../progress/model';

type Tracks = Record<string, { ids: string[]; variants: Record<string, string[]> }>;

/** What to offer for a progress state today: the end test, the retention check, or nothing. */
export function offerFor(state: ProgressState, tracks: Tracks, today: string): 'end' | 'retention' | null {
	const ids = learnerTrackIds(tracks, state.profile, state.setting);
	if (!ids) return null;
	const status = trackStatus(state.modules, ids);
	if (!status.complete) return null;
	if (!state.measures?.end) return 'end';
	return retentionStatus({ track: status, measures: state.measures, today }).state === 'due' ? 'retention' : null;
}

function parseTracks(raw: string | undefined): Tracks | null {
	if (!raw) return null;
	try {
		const v: unknown = JSON.parse(raw);
		return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Tracks) : null;
	} catch {
		return null;
	}
}

export function initMeasureOffer(): void {
	const els = [...document.querySelectorAll<HTMLElement>('[data-measure-offer]')];
	if (els.length === 0) return;
	const base = document.documentElement.dataset.base ?? '/';
	const store = progressClient(base);
	for (const el of els) {
		const tracks = parseTracks(el.dataset.tracks);
		if (!tracks) continue;
		const text = document.createElement('span');
		const link = document.createElement('a');
		el.replaceChildren(text, ' ', link);
		store.progress.subscribe((state) => {
			const offer = offerFor(state, tracks, localToday());
			el.hidden = offer === null;
			el.dataset.measureOffer = offer ?? '';
			if (offer === 'end') {
				text.textContent = measureLabels.offerEnd;
				link.textContent = measureLabels.offerEndLink;
				link.href = el.dataset.end ?? '';
			} else if (offer === 'retention') {
				text.textContent = measureLabels.offerRetention;
				link.textContent = measureLabels.offerRetentionLink;
				link.href = el.dataset.retention ?? '';
			}
		});
	}
}
