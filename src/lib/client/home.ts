/** Home page: "continue where you left off" once the learner has started something. */
import { trackProgress } from '../progress/model';
import { progressClient, showStoreNotices } from './progress-client';

export function initHome(): void {
	const base = document.documentElement.dataset.base ?? '/';
	const box = document.getElementById('resume');
	const link = box?.querySelector<HTMLAnchorElement>('[data-resume-link]');
	const data = document.getElementById('tracks-data');
	if (!box || !link || !data) return;
	const tracks = JSON.parse(data.textContent ?? '{}') as Record<string, { title: string; ids: string[]; variants: Record<string, string[]>; titles: Record<string, string> }>;
	const store = progressClient(base);
	showStoreNotices(store);
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
			const title = t?.titles[next] ?? next;
			link.textContent = title;
			link.href = `${base}modules/${next}/`;
		}
		box.hidden = false;
	};
	store.subscribe(paint);
}
