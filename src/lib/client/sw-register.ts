import { onControllerChange, onUpdateClick } from '../sw-update';

/**
 * Registers the service worker once the page has loaded (never competing with the page for
 * bandwidth), only in production builds and in secure contexts (HTTPS or localhost: on a
 * plain-HTTP intranet the site simply works online). When a new version is waiting, the learner
 * is offered a reload instead of having files swapped under an open page. Only the tab where
 * the learner clicks reloads: other open tabs keep their page (a quiz in progress stays as it
 * is) and say that the new version is active, to reload when they have finished.
 */
export function registerServiceWorker(base: string): void {
	if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
	const banner = document.querySelector<HTMLElement>('[data-sw-update]');
	const message = banner?.querySelector('p');
	let waiting: ServiceWorker | undefined;
	let requestedHere = false;
	let reloading = false;
	let hadController = Boolean(navigator.serviceWorker.controller);
	const reload = () => {
		reloading = true;
		location.reload();
	};
	const offer = (worker: ServiceWorker) => {
		waiting = worker;
		if (banner) banner.hidden = false;
	};
	banner?.querySelector('button')?.addEventListener('click', () => {
		if (onUpdateClick(waiting?.state) === 'skip-waiting') {
			requestedHere = true;
			waiting?.postMessage({ type: 'SKIP_WAITING' });
		} else reload();
	});
	window.addEventListener('load', async () => {
		try {
			navigator.serviceWorker.addEventListener('controllerchange', () => {
				const action = onControllerChange({ requestedHere, hadController, reloading });
				hadController = true;
				if (action === 'reload') reload();
				else if (action === 'notify' && banner) {
					waiting = undefined;
					if (message && banner.dataset.activeText) message.textContent = banner.dataset.activeText;
					banner.hidden = false;
				}
			});
			const reg = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
			if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
			reg.addEventListener('updatefound', () => {
				const w = reg.installing;
				w?.addEventListener('statechange', () => {
					if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
				});
			});
		} catch {
			// No offline mode (blocked by policy, private mode…): the site works online as before.
		}
	});
}
