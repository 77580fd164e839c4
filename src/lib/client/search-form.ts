import { searchHref } from '../search/url';

/**
 * Search forms are plain GET forms (they work before any script runs), but once scripts run
 * the query goes after `#` so it never reaches the server's logs (issue 16, item 10).
 */
export function installSearchForms(): void {
	document.addEventListener('submit', (e) => {
		const form = e.target;
		if (e.defaultPrevented || !(form instanceof HTMLFormElement) || form.getAttribute('role') !== 'search') return;
		const data = new FormData(form);
		const value = (k: string) => String(data.get(k) ?? '');
		e.preventDefault();
		location.assign(searchHref(form.action, { q: value('q'), theme: value('theme'), profile: value('profil') }));
	});
}
