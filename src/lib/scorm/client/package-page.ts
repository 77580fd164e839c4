/**
 * Behaviour of a package page: connect to the LMS (bridge.ts), seed the page's progress store
 * from what the LMS kept, mount the quiz island, and report each quiz result to the LMS by
 * watching the store — the quiz itself is unchanged. Called once by main.ts.
 */
import { mount } from 'svelte';
import Quiz from '../../../../components/Quiz.svelte';
import { findApi, openSession, ScormError, type ScormSession, type WindowLike } from '../bridge';
import { seedProgress, statusMessage } from './resume';
import { progressClient, localToday } from './lms-progress-client';

export function initPackagePage(win: Window & WindowLike = window): ScormSession | null {
	const doc = win.document;
	const root = doc.querySelector<HTMLElement>('[data-pias-package]');
	if (!root) return null;
	const moduleId = root.dataset.module!;
	const version = Number(root.dataset.version ?? '1');
	const status = doc.querySelector<HTMLElement>('[data-lms-status]');

	let session: ScormSession | null = null;
	let error: string | null = null;
	const api = findApi(win);
	if (api) {
		try {
			session = openSession(api, { moduleIds: [moduleId], versions: { [moduleId]: version } });
		} catch (e) {
			error = e instanceof ScormError ? e.code : 'exception';
		}
	}

	const store = progressClient();
	if (session) store.progress.update((s) => seedProgress(s, session!.resume.results, localToday()));

	const say = () => {
		if (!status) return;
		const m = statusMessage({ connected: !!session, error, results: session?.results() ?? {}, moduleId });
		status.className = `notice ${m.kind} lms-status`;
		status.textContent = m.text;
	};
	say();

	// Report every new attempt: the store's entry changes when the quiz records one.
	let seen = store.moduleEntry(moduleId)?.attempts ?? 0;
	store.progress.subscribe(() => {
		const entry = store.moduleEntry(moduleId);
		if (!entry || entry.attempts === seen) return;
		seen = entry.attempts;
		if (session) session.report(moduleId, { best: entry.best, version: entry.version, passed: entry.status === 'completed' });
		say();
	});

	const host = doc.querySelector<HTMLElement>('[data-pias-quiz]');
	if (host?.dataset.props) {
		const props = JSON.parse(host.dataset.props);
		host.replaceChildren();
		mount(Quiz, { target: host, props: { ...props, base: './' } });
	}

	const leave = () => session?.finish();
	win.addEventListener('pagehide', leave);
	win.addEventListener('unload', leave);
	return session;
}
