/**
 * Registers the service worker once the page has loaded (never competing with the page for
 * bandwidth), only in production builds and in secure contexts (HTTPS or localhost: on a
 * plain-HTTP intranet the site simply works online). When a new version is waiting, the learner
 * is offered a reload instead of having files swapped under an open page.
 */
export function registerServiceWorker(base: string): void {
	if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
	const banner = document.querySelector<HTMLElement>('[data-sw-update]');
	let reloading = false;
	const offer = (worker: ServiceWorker) => {
		if (!banner) return;
		banner.hidden = false;
		banner.querySelector('button')?.addEventListener('click', () => worker.postMessage({ type: 'SKIP_WAITING' }), { once: true });
	};
	window.addEventListener('load', async () => {
		try {
			const reg = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
			if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
			reg.addEventListener('updatefound', () => {
				const w = reg.installing;
				w?.addEventListener('statechange', () => {
					if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
				});
			});
			navigator.serviceWorker.addEventListener('controllerchange', () => {
				if (reloading || !banner || banner.hidden) return;
				reloading = true;
				location.reload();
			});
		} catch {
			// No offline mode (blocked by policy, private mode…): the site works online as before.
		}
	});
}
