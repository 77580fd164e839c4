import { progressStorage } from './storage-backend';

/**
 * "/" focuses the header search box (WCAG 2.1.4: the learner can turn it off on the progress
 * page, and it never fires while typing in a field or with a modifier key).
 */
export function installSearchShortcut(): void {
	document.addEventListener('keydown', (e) => {
		if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
		const el = document.activeElement as HTMLElement | null;
		if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
		try {
			const key = document.documentElement.dataset.prefsKey;
			const prefs = key ? JSON.parse(progressStorage()?.getItem(key) || '{}') : {};
			if (prefs && prefs.searchShortcut === false) return;
		} catch {
			// Storage blocked or unreadable: keep the default (shortcut on).
		}
		const box = document.getElementById('site-search');
		if (box) {
			e.preventDefault();
			box.focus();
		}
	});
}
