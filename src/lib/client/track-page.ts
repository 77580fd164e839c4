/**
 * Track page: each module's status, the learner's progress on this track, "this is my track"
 * (saves the profile so module pages show this track's previous/next), and for nurses the
 * setting chooser that swaps the module list.
 */
import type { Profile, Setting } from '../taxonomy';
import { trackProgress } from '../progress/model';
import { initStatusBadges, lessonPlace } from './status-badges';
import { progressClient, sharedMode } from './progress-client';
import { initSharedOffer } from './shared-offer';

export function initTrackPage(): void {
	const root = document.querySelector<HTMLElement>('[data-track]');
	if (!root) return;
	const base = document.documentElement.dataset.base ?? '/';
	// Before the store exists: deciding must not depend on anything the store does.
	initSharedOffer();
	const profile = root.dataset.track as Profile;
	const store = progressClient(base);
	initStatusBadges();

	const variants = [...root.querySelectorAll<HTMLElement>('[data-variant]')];
	const chooser = root.querySelector<HTMLFieldSetElement>('[data-setting-chooser]');
	const button = root.querySelector<HTMLButtonElement>('[data-choose-profile]');
	const summary = root.querySelector<HTMLElement>('[data-track-progress]');

	const currentSetting = (): Setting | null => {
		const s = store.progress.get();
		if (s.profile === profile && s.setting) return s.setting;
		const checked = chooser?.querySelector<HTMLInputElement>('input:checked');
		return (checked?.value as Setting) || null;
	};

	const paint = () => {
		const s = store.progress.get();
		const setting = currentSetting() ?? ((variants[0]?.dataset.variant as Setting) || null);
		if (chooser && variants.length > 1) {
			for (const v of variants) v.hidden = v.dataset.variant !== (setting ?? '');
			for (const input of chooser.querySelectorAll<HTMLInputElement>('input')) input.checked = input.value === setting;
		}
		const visible = variants.find((v) => !v.hidden) ?? variants[0];
		const ids = (visible?.querySelector<HTMLElement>('[data-module-list]')?.dataset.moduleList ?? '').split(' ').filter(Boolean);
		const minutes: Record<string, number> = Object.fromEntries(ids.map((id) => [id, Number(root.querySelector<HTMLElement>(`[data-module-id="${id}"]`)?.dataset.minutes ?? 0)]));
		const p = trackProgress(s, ids, minutes);
		if (summary) {
			summary.hidden = false;
			summary.querySelector('[data-track-percent]')!.textContent = `${p.percent} % du parcours terminé (${p.done} module${p.done > 1 ? 's' : ''} sur ${p.total}), environ ${p.minutesLeft} min restantes.`;
			const next = summary.querySelector<HTMLElement>('[data-track-next]')!;
			if (p.nextModuleId) {
				const title = root.querySelector<HTMLElement>(`[data-module-id="${p.nextModuleId}"] .title a`)?.textContent?.replace(/^\d+\.\s*/, '') ?? p.nextModuleId;
				const a = document.createElement('a');
				a.href = `${base}modules/${p.nextModuleId}/`;
				const place = lessonPlace(store, p.nextModuleId, root.querySelector<HTMLElement>(`[data-module-id="${p.nextModuleId}"]`)?.dataset.steps);
				a.textContent = `Reprendre : ${title}${place ? ` (${place})` : ''}`;
				next.replaceChildren(a);
			} else {
				const a = document.createElement('a');
				a.href = `${base}attestation/`;
				a.textContent = 'Imprimer mon attestation';
				next.replaceChildren('Parcours terminé : tous les modules sont validés. ', a);
			}
		}
		// A finished track does not invite the learner to start it again: its button leads to the
		// attestation instead (without JavaScript it keeps « Commencer le parcours »).
		const start = visible?.querySelector<HTMLAnchorElement>('[data-track-start]');
		if (start) {
			start.dataset.firstHref ??= start.getAttribute('href') ?? '';
			const finished = p.total > 0 && p.done === p.total;
			start.textContent = finished ? 'Parcours terminé : voir mon attestation' : p.done > 0 ? 'Continuer le parcours' : 'Commencer le parcours';
			start.href = finished ? `${base}attestation/` : p.nextModuleId ? `${base}modules/${p.nextModuleId}/` : start.dataset.firstHref;
		}
		if (button) {
			button.hidden = false;
			const mine = s.profile === profile;
			button.textContent = mine ? (sharedMode() ? 'C’est votre parcours (gardé pour cette session)' : 'C’est votre parcours (enregistré)') : 'C’est mon parcours';
			button.setAttribute('aria-pressed', String(mine));
		}
	};

	chooser?.addEventListener('change', (e) => {
		const value = (e.target as HTMLInputElement).value as Setting;
		store.setProfile(profile, value);
		paint();
	});
	button?.addEventListener('click', () => store.setProfile(profile, currentSetting()));
	store.subscribe(paint);
}
