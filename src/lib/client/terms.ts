/**
 * Glossary words open their definition in place on lesson pages (issue 13 item 7). Loaded on the
 * first word opened (a dynamic import of the lesson script), and each definition is fetched then
 * (`glossaire/<id>.json`, precached for offline use): the page carries no definition it does not
 * show. The word is a disclosure button (`aria-expanded`); the definition opens right after it,
 * takes the focus (a labelled group, so a screen reader says what it is), and Escape or « Fermer »
 * closes it and gives the focus back to the word. Without JavaScript the word stays a link to
 * the glossary.
 */
import { routes, withBase } from '../paths';

interface Definition {
	term: string;
	definition: string;
}

const cache = new Map<string, Promise<Definition>>();
let counter = 0;

function load(base: string, id: string): Promise<Definition> {
	let p = cache.get(id);
	if (!p) {
		p = fetch(withBase(base, routes.termData(id))).then((r) => {
			if (!r.ok) throw new Error(String(r.status));
			return r.json() as Promise<Definition>;
		});
		p.catch(() => cache.delete(id));
		cache.set(id, p);
	}
	return p;
}

function boxOf(word: HTMLAnchorElement): HTMLElement | null {
	const id = word.getAttribute('aria-controls');
	return id ? document.getElementById(id) : null;
}

/** Closes the definition of `word` and gives the focus back to the word. */
export function closeTerm(word: HTMLAnchorElement, focus = true): void {
	boxOf(word)?.remove();
	word.removeAttribute('aria-controls');
	word.setAttribute('aria-expanded', 'false');
	if (focus) word.focus();
}

/** Opens (or closes, when open) the definition of a glossary word in place. */
export async function toggleTerm(word: HTMLAnchorElement, base: string): Promise<void> {
	if (word.getAttribute('aria-expanded') === 'true') return closeTerm(word);
	// One definition open at a time.
	for (const other of document.querySelectorAll<HTMLAnchorElement>('a[data-term][aria-expanded="true"]')) closeTerm(other, false);
	const id = word.dataset.term!;
	const box = document.createElement('span');
	box.className = 'term-def';
	box.id = `definition-${id}-${++counter}`;
	box.setAttribute('role', 'group');
	box.tabIndex = -1;
	box.setAttribute('aria-label', `Définition : ${word.textContent?.trim() ?? id}`);
	const text = document.createElement('span');
	text.textContent = 'Chargement de la définition…';
	const more = Object.assign(document.createElement('a'), { href: word.href, textContent: 'Voir dans le glossaire' });
	const close = Object.assign(document.createElement('button'), { type: 'button', className: 'button secondary small', textContent: 'Fermer' });
	close.addEventListener('click', () => closeTerm(word));
	box.addEventListener('keydown', (ev) => {
		if (ev.key !== 'Escape') return;
		ev.preventDefault();
		ev.stopPropagation();
		closeTerm(word);
	});
	const actions = document.createElement('span');
	actions.className = 'term-def-actions';
	actions.append(more, close);
	box.append(text, actions);
	word.after(box);
	word.setAttribute('aria-controls', box.id);
	word.setAttribute('aria-expanded', 'true');
	box.focus();
	try {
		const d = await load(base, id);
		const strong = document.createElement('strong');
		strong.textContent = d.term;
		text.replaceChildren(strong, ` : ${d.definition}`);
		box.setAttribute('aria-label', `Définition : ${d.term}`);
	} catch {
		text.textContent = 'La définition n’a pas pu être chargée (connexion ?). Elle est dans le glossaire :';
	}
}
