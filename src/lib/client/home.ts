/** Home page: "continue where you left off" once the learner has started something. */
import { trackProgress } from '../progress/model';
import { progressClient, showStoreNotices } from './progress-client';
import { lessonPlace } from './status-badges';
import { parseOutlines } from '../lesson/state';
import { lessonSection } from '../lesson/section';

/** What the home page embeds as JSON (`#tracks-data`). */
export interface HomeData {
	tracks: Record<string, { title: string; ids: string[]; variants: Record<string, string[]> }>;
	/** Title of every module, by id. */
	titles: Record<string, string>;
}

export function initHome(): void {
	const base = document.documentElement.dataset.base ?? '/';
	const box = document.getElementById('resume');
	const link = box?.querySelector<HTMLAnchorElement>('[data-resume-link]');
	const data = document.getElementById('tracks-data');
	if (!box || !link || !data) return;
	const { tracks, titles } = JSON.parse(data.textContent ?? '{}') as HomeData;
	const store = progressClient(base);
	showStoreNotices(store);
	lessonSection(store);
	const paint = () => {
		const state = store.progress.get();
		const started = Object.entries(state.modules).sort((a, b) => (a[1].lastVisit < b[1].lastVisit ? 1 : -1));
		if (!started.length && !state.profile) { box.hidden = true; return; }
		const t = state.profile ? tracks[state.profile] : undefined;
		const ids = t ? (state.setting && t.variants[state.setting]) || t.ids : [];
		const p = t ? trackProgress(state, ids, {}) : null;
		const next = p?.nextModuleId ?? started.find(([, e]) => e.status !== 'completed')?.[0] ?? null;
		if (!next) {
			link.textContent = 'voir votre progression';
			link.href = `${base}progression/`;
		} else {
			// Every module's title, not only the chosen track's: the learner may have opened a
			// module outside it (the id must never show).
			const title = Object.hasOwn(titles, next) ? titles[next] : 'votre prochain module';
			const steps = parseOutlines(document.getElementById('lessons-data')?.textContent)[next];
			const place = lessonPlace(store, next, steps?.join(' '));
			link.textContent = place ? `${title} (${place})` : title;
			link.href = `${base}modules/${next}/`;
		}
		box.hidden = false;
	};
	store.subscribe(paint);
}
