/** Fills `{{name}}` placeholders in an already-resolved UI string (islands get labels as props). */
export function fill(template: string, vars: Record<string, string | number>): string {
	return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k in vars ? String(vars[k]) : ''));
}
