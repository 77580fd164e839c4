/**
 * Tiny translation helper: flat dictionary, `{{name}}` placeholders. Pure, so islands can get
 * resolved strings as props and no i18n runtime ships to the browser.
 */
export type Dict = Record<string, string>;

export function createT<D extends Dict>(dict: D) {
	return function t(key: keyof D & string, vars: Record<string, string | number> = {}): string {
		const s = dict[key];
		if (s === undefined) throw new Error(`Missing UI string: ${key}`);
		return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{{${k}}}`));
	};
}
