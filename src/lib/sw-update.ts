/**
 * What a page does when its service worker changes (`controllerchange`). Only the tab where the
 * learner clicked « Recharger la page » reloads; every other open tab keeps its page (a quiz in
 * progress is never cut off) and only says that a new version is now active, so that its learner
 * reloads when they have finished.
 *
 * - `ignore`: nothing to do: a reload is already under way, or the page was not controlled
 *   before (the very first install claiming the page: nothing changed for the learner);
 * - `reload`: this tab asked for the update;
 * - `notify`: another tab asked for it; show the notice, never reload.
 */
export type ControllerChangeAction = 'ignore' | 'reload' | 'notify';

export interface ControllerChangeState {
	/** The learner clicked « Recharger la page » in this tab. */
	requestedHere: boolean;
	/** This page was already controlled by a worker before this change. */
	hadController: boolean;
	/** A reload has already been started in this tab. */
	reloading: boolean;
}

export function onControllerChange(state: ControllerChangeState): ControllerChangeAction {
	if (state.reloading) return 'ignore';
	if (state.requestedHere) return 'reload';
	return state.hadController ? 'notify' : 'ignore';
}

/**
 * What the button of the update notice does when clicked: ask the waiting worker to take over
 * (the page reloads on `controllerchange`), or, when the new version is already active (another
 * tab activated it, or there is no worker left waiting), simply reload this page.
 */
export function onUpdateClick(waitingState: ServiceWorkerState | undefined): 'skip-waiting' | 'reload' {
	return waitingState === 'installed' ? 'skip-waiting' : 'reload';
}
