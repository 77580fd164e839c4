/** Home page: "continue where you left off" once the learner has started something. */
import { trackProgress } from '../progress/model';
import { progressClient, showStoreNotices } from './progress-client';
import { lessonPlace } from './status-badges';
import { parseOutlines } from '../lesson/state';
import { lessonSection } from '../lesson/section';
import { offerText, pickFiveMinutes, reviewText, type FiveMinuteModule } from '../five-minutes';
import { reviewSection } from '../review/section';
import { dueCount } from '../review/schedule';
import { localToday } from './progress-client';

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

/**
 * « J'ai 5 minutes »: one step, the case or the quiz of the learner's own track, and the review
 * questions due. Without a chosen track it asks for one; without JavaScript the static text says
 * how to resume.
 */
export function initFiveMinutes(): void {
	const box = document.querySelector<HTMLElement>('[data-five]');
	const raw = document.getElementById('five-data')?.textContent;
	const tracksRaw = document.getElementById('tracks-data')?.textContent;
	if (!box || !raw || !tracksRaw) return;
	const base = document.documentElement.dataset.base ?? '/';
	const modules = JSON.parse(raw) as Record<string, FiveMinuteModule>;
	const { tracks } = JSON.parse(tracksRaw) as HomeData;
	const offerEl = box.querySelector<HTMLElement>('[data-five-offer]')!;
	const go = box.querySelector<HTMLElement>('[data-five-go]')!;
	const link = box.querySelector<HTMLAnchorElement>('[data-five-link]')!;
	const reviewEl = box.querySelector<HTMLElement>('[data-five-review]')!;
	const store = progressClient(base);
	const lessons = lessonSection(store);
	const review = reviewSection(store);
	const paint = () => {
		const state = store.progress.get();
		const t = state.profile ? tracks[state.profile] : undefined;
		if (!t) {
			offerEl.textContent = 'Choisissez d’abord votre parcours (« C’est mon parcours » sur sa page) : nous vous proposerons ici une étape de 1 à 3 minutes.';
			link.textContent = 'Choisir mon parcours';
			link.href = `${base}parcours/`;
		} else {
			const ids = (state.setting && t.variants[state.setting]) || t.ids;
			const completed = new Set(Object.entries(state.modules).filter(([, e]) => e.status === 'completed').map(([id]) => id));
			const offer = pickFiveMinutes(ids, modules, completed, lessons.get());
			offerEl.textContent = offerText(offer);
			if (offer.kind === 'done') {
				link.textContent = 'Faire mes révisions';
				link.href = `${base}revisions/`;
			} else {
				link.textContent = offer.kind === 'step' ? 'Commencer cette étape' : offer.kind === 'case' ? 'Décider le cas' : 'Reprendre le quiz';
				const anchor = offer.kind === 'step' ? `#etape-${offer.stepId}` : '';
				link.href = `${base}modules/${offer.moduleId}/${anchor}`;
			}
		}
		go.hidden = false;
		const due = dueCount(review.get(), localToday());
		const text = reviewText(due);
		reviewEl.hidden = !text;
		if (text) {
			const a = document.createElement('a');
			a.href = `${base}revisions/`;
			a.textContent = 'Revoir ces questions';
			reviewEl.replaceChildren(`${text} `, a);
		}
	};
	store.subscribe(paint);
	lessons.subscribe(paint);
	review.subscribe(paint);
}

