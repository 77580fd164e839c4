/**
 * « Poste partagé » offered on the first visit of a track page (issue 15, item 4): shown in
 * device mode while this site has stored nothing on the device yet (nothing is read to decide:
 * only whether any key of the site exists). « Non » hides it for this tab (a session key, so
 * that the offer itself never writes to localStorage); once the learner records anything, the
 * device has data and the offer stops.
 */
import { tryGet, trySet } from '../progress/backend';
import { keyPrefix } from '../progress/keys';
import { deviceHasData, enableShared } from '../progress/switch';
import { backendEnv, progressBackend } from './storage-backend';

export function initSharedOffer(): void {
	const box = document.querySelector<HTMLElement>('[data-shared-offer]');
	if (!box) return;
	const env = backendEnv();
	const dismissKey = `${keyPrefix(env.namespace)}shared-offer`;
	if (progressBackend().kind === 'shared' || deviceHasData(env) || tryGet(env.session, dismissKey)) return;
	box.hidden = false;
	box.querySelector('[data-shared-offer-yes]')?.addEventListener('click', () => {
		if (enableShared(env).ok) location.reload();
	});
	box.querySelector('[data-shared-offer-no]')?.addEventListener('click', () => {
		trySet(env.session, dismissKey, '1');
		box.hidden = true;
		const h1 = document.querySelector<HTMLElement>('h1');
		h1?.setAttribute('tabindex', '-1');
		h1?.focus();
	});
}
