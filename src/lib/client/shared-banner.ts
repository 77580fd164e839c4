/**
 * The « Poste partagé » banner of every page (issue 15, item 4): shown while this tab keeps the
 * learner's data for the browser session only, with the way out (end my session, leave the
 * mode: /progression/#poste-partage, where the export code is offered). Also tells a tab when
 * another tab switched the mode, since a page keeps the backend it started with.
 */
import { sharedKey } from '../progress/backend';
import { backendEnv, progressBackend } from './storage-backend';

export function installSharedBanner(): void {
	const banner = document.querySelector<HTMLElement>('[data-shared-banner]');
	const other = document.querySelector<HTMLElement>('[data-shared-other]');
	const backend = progressBackend();
	if (banner && backend.kind === 'shared') banner.hidden = false;
	// A shared mode that cannot use the session storage says so on every page (text loaded then only).
	const problem = backend.problem;
	const line = document.querySelector<HTMLElement>('[data-shared-problem]');
	if (problem && line) {
		void import('../progress/backend-messages').then(({ BACKEND_MESSAGES }) => {
			line.className = 'notice warn';
			line.textContent = BACKEND_MESSAGES[problem];
			line.hidden = false;
		});
	}
	const key = sharedKey(backendEnv().namespace);
	window.addEventListener('storage', (e) => {
		if (e.key !== key && e.key !== null) return;
		if (!other) return;
		const markerOn = e.key === key ? e.newValue !== null : false;
		if (backend.kind === 'shared' && !markerOn) {
			other.textContent = other.dataset.leftText ?? '';
			other.hidden = false;
			if (banner) banner.hidden = false;
		} else if (backend.kind === 'device' && markerOn) {
			const on = banner?.querySelector<HTMLElement>('[data-shared-on]');
			if (on) on.hidden = true;
			other.textContent = other.dataset.onText ?? '';
			other.hidden = false;
			if (banner) banner.hidden = false;
		}
	});
}
