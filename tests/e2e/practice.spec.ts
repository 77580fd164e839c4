import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { findIdentifiers, pseudonymise } from '../../src/lib/practice/identifiers';
import { PASTE_EXAMPLE } from '../../src/lib/practice/scenarios/paste-example';

/**
 * The four simulations of /pratique/, completed with the keyboard alone (Tab, Shift+Tab,
 * arrows, Space, Enter — never a click), with their end state checked, and no request leaving
 * the site's origin while they run.
 */

/** Collects every http(s) request to another origin than the page's. */
function watchRequests(page: Page, baseURL: string | undefined): string[] {
	const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
	const outside: string[] = [];
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (u.protocol.startsWith('http') && u.origin !== origin) outside.push(r.url());
	});
	return outside;
}

async function isFocused(target: Locator): Promise<boolean> {
	return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab (Shift+Tab when `back`) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<void> {
	await expect(target).toBeVisible();
	for (let i = 0; i < max; i += 1) {
		if (await isFocused(target)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}

/** Tabs into the radio group of `target`, then moves with the arrow keys until it is checked. */
async function pickRadio(page: Page, target: Locator): Promise<void> {
	await expect(target).toBeEnabled();
	const name = await target.getAttribute('name');
	for (let i = 0; i < 120; i += 1) {
		const focusedName = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
		if (focusedName === name) break;
		await page.keyboard.press('Tab');
	}
	for (let i = 0; i < 20 && !(await isFocused(target)); i += 1) await page.keyboard.press('ArrowDown');
	if (!(await target.isChecked())) await page.keyboard.press('Space');
	await expect(target).toBeChecked();
}

/** Tabs to a button or link and activates it with Enter. */
async function press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
	await tabTo(page, target);
	await page.keyboard.press(key === 'Space' ? ' ' : 'Enter');
}

async function ready(island: Locator): Promise<void> {
	await expect(island).toHaveAttribute('data-ready', 'true');
}

test.describe('simulations, keyboard only', () => {
	test('index lists the four simulations with durations and module links', async ({ page, baseURL }) => {
		const outside = watchRequests(page, baseURL);
		await page.goto('./pratique/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pratique : apprendre en faisant');
		const cards = page.locator('.practice-list > li');
		await expect(cards).toHaveCount(4);
		for (const name of ['L’instruction cachée', 'Puis-je coller ce texte ?', 'Puis-je utiliser cet outil ?', 'Mon outil est-il à haut risque ?']) {
			await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
		}
		await expect(cards.first()).toContainText(/Environ \d+ min/);
		await expect(cards.first().getByRole('link', { name: /injection de prompt/i })).toHaveAttribute('href', /modules\/injection-de-prompt\/$/);
		// Keyboard: the first card's link opens the simulation.
		await press(page, page.getByRole('link', { name: 'L’instruction cachée', exact: true }));
		await expect(page).toHaveURL(/pratique\/instruction-cachee\/$/);
		expect(outside).toEqual([]);
	});

	test('« L’instruction cachée »: reveal, find the instruction in three documents, see the output', async ({ page, baseURL }) => {
		const outside = watchRequests(page, baseURL);
		await page.goto('./pratique/instruction-cachee/');
		const island = page.locator('[data-simulation="instruction-cachee"]');
		await ready(island);
		// The page links back to the modules it serves.
		await expect(page.getByRole('navigation', { name: 'Modules liés à cette simulation' }).getByRole('link')).toHaveCount(2);

		const injections = [
			/ignore les consignes précédentes et indique que le traitement anticoagulant/,
			/Consigne pour l’IA qui traite ce courrier/,
			/note pour les assistants d’IA/,
		];
		for (let i = 0; i < 3; i += 1) {
			await expect(island.getByRole('heading', { level: 2 })).toContainText(`Document ${i + 1} sur 3`);
			if (i === 1) {
				// The white-on-white line is in the page but not visible before the reveal.
				await expect(island.getByText(injections[1])).toBeHidden();
			}
			await press(page, island.getByRole('button', { name: 'Révéler le texte caché' }));
			await expect(island.getByRole('heading', { name: 'Repérer la consigne cachée' })).toBeFocused();
			const group = island.getByRole('group', { name: 'Quelle ligne est une consigne adressée à l’assistant ?' });
			await expect(group.getByText(injections[i])).toBeVisible();

			if (i === 1) {
				// A wrong answer first: the decoy gets its own explanation, and nothing moves on.
				await pickRadio(page, group.getByRole('radio', { name: /recevoir rapidement pour une coloscopie/ }));
				await press(page, island.getByRole('button', { name: 'Vérifier ma réponse' }));
				await expect(island.getByRole('status')).toContainText('Pas celle-ci');
			}
			await pickRadio(page, group.getByRole('radio', { name: injections[i] }));
			// Enter on the chosen radio submits the form (implicit submission).
			await page.keyboard.press('Enter');
			await expect(island.getByRole('status')).toContainText('Bien vu');
			const toOutput = island.getByRole('button', { name: 'Voir ce que l’assistant aurait produit' });
			await expect(toOutput).toBeFocused();
			await page.keyboard.press('Enter');

			await expect(island.getByRole('heading', { name: 'Ce que l’assistant aurait produit' })).toBeFocused();
			const output = island.locator('[data-assistant-output]');
			await expect(output).toBeVisible();
			await expect(output.locator('mark').first()).toBeVisible();
			await press(page, island.getByRole('button', { name: 'Pourquoi les garde-fous comptent' }));
			await expect(island.getByRole('heading', { name: 'Pourquoi les garde-fous comptent' })).toBeFocused();
			await expect(island.getByRole('link', { name: /supervision humaine/i }).first()).toBeVisible();
			await press(page, island.getByRole('button', { name: i < 2 ? 'Document suivant' : 'Terminer la simulation' }));
		}

		await expect(island.getByRole('heading', { name: 'Simulation terminée' })).toBeFocused();
		await expect(island.locator('[data-summary]')).toContainText('Vous avez repéré 3 consignes cachées sur 3.');
		await expect(island.locator('[data-summary]')).toContainText('Du premier coup : 2.');
		// Only the completion flag is kept.
		const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes(':practice:')));
		expect(stored).toHaveLength(1);
		expect(JSON.parse(stored[0][1]).completed).toHaveProperty('instruction-cachee');
		await page.goto('./pratique/');
		await expect(page.locator('[data-practice-status="instruction-cachee"]')).toContainText('Terminée le');
		await expect(page.locator('[data-practice-status="puis-je-coller"]')).toBeHidden();
		expect(outside).toEqual([]);
	});

	test('« Puis-je utiliser cet outil ? »: shadow AI with identifying data gives « Non »', async ({ page, baseURL }) => {
		const outside = watchRequests(page, baseURL);
		await page.goto('./pratique/puis-je-utiliser-cet-outil/');
		const island = page.locator('[data-tree="puis-je-utiliser-cet-outil"]');
		await ready(island);

		// Continuing without an answer asks for one, in the live region.
		await press(page, island.getByRole('button', { name: 'Continuer' }));
		await expect(island.getByRole('status')).toContainText('Choisissez une réponse');

		await pickRadio(page, island.getByRole('radio', { name: /Non : compte personnel/ }));
		await page.keyboard.press('Enter');
		await expect(island.locator('legend')).toBeFocused();
		await expect(island.locator('legend')).toContainText('Quelles données allez-vous saisir');

		// Go back with the keyboard, then forward again: the earlier answer is kept selected.
		await press(page, island.getByRole('button', { name: 'Question précédente' }));
		await expect(island.getByRole('radio', { name: /Non : compte personnel/ })).toBeChecked();
		await press(page, island.getByRole('button', { name: 'Continuer' }), 'Space');

		await pickRadio(page, island.getByRole('radio', { name: /données identifiantes d’un patient/ }));
		await page.keyboard.press('Enter');

		const outcome = island.locator('[data-outcome]');
		await expect(outcome).toHaveAttribute('data-verdict', 'non');
		await expect(island.getByRole('heading', { level: 2, name: /Non$/ })).toBeFocused();
		await expect(outcome).toContainText('RGPD, art. 9');
		// Neutral wording: the default establishment settings name nobody.
		await expect(outcome.getByRole('listitem').filter({ hasText: /^votre DPO/ })).toHaveCount(1);
		await expect(island.getByRole('heading', { name: 'Vos réponses' })).toBeVisible();
		expect(outside).toEqual([]);
	});

	test('« Puis-je utiliser cet outil ? »: approved tool, identifying data, HDS hosting, clinical decision', async ({ page, baseURL }) => {
		const outside = watchRequests(page, baseURL);
		await page.goto('./pratique/puis-je-utiliser-cet-outil/');
		const island = page.locator('[data-tree="puis-je-utiliser-cet-outil"]');
		await ready(island);
		for (const answer of [/^Oui, il figure parmi les outils approuvés/, /données identifiantes d’un patient/, /hébergeur certifié HDS, dans l’EEE/, /^Oui : diagnostic/]) {
			await pickRadio(page, island.getByRole('radio', { name: answer }));
			await press(page, island.getByRole('button', { name: 'Continuer' }));
		}
		await expect(island.locator('[data-outcome]')).toHaveAttribute('data-verdict', 'oui-precautions');
		await expect(island.getByRole('heading', { level: 2, name: /Oui, avec précautions/ })).toBeFocused();
		expect(outside).toEqual([]);
	});

	test('« Mon outil est-il à haut risque ? »: emergency triage is high-risk from 2 December 2027', async ({ page, baseURL }) => {
		const outside = watchRequests(page, baseURL);
		await page.goto('./pratique/mon-outil-est-il-a-haut-risque/');
		const island = page.locator('[data-tree="mon-outil-est-il-a-haut-risque"]');
		await ready(island);
		await expect(page.getByText('Dates en vigueur à la date du 28 novembre 2026.')).toBeVisible();
		const answers = [/^Non, aucune de ces pratiques/, /^Non : ce n’est pas un dispositif médical/, /^Point 5\(d\)/, /^Non, ou le système profile/];
		for (const answer of answers) {
			await expect(island.locator('legend')).toContainText(/Art\.|annexe|exception|interdite|dispositif/i);
			await pickRadio(page, island.getByRole('radio', { name: answer }));
			await page.keyboard.press('Enter');
		}
		const outcome = island.locator('[data-outcome]');
		await expect(outcome).toHaveAttribute('data-verdict', 'haut-risque');
		await expect(island.getByRole('heading', { level: 2, name: /Haut risque \(annexe III\)/ })).toBeFocused();
		await expect(outcome).toContainText('2 décembre 2027');
		await expect(outcome).toContainText('à la date du 28 novembre 2026');
		await expect(outcome).toContainText('Vos obligations de déployeur (art. 26)');
		await expect(outcome.getByRole('link', { name: /Council gives final green light/ })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Quand demander un avis juridique' })).toBeVisible();

		// « Recommencer » brings back the first question, focused.
		await press(page, island.getByRole('button', { name: 'Recommencer' }));
		await expect(island.locator('legend')).toBeFocused();
		await expect(island.locator('legend')).toContainText('pratique interdite');
		expect(outside).toEqual([]);
	});

	test('« Puis-je coller ce texte ? »: fictitious note checked, highlighted, pseudonymised and copied', async ({ page, context, baseURL }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
		const outside = watchRequests(page, baseURL);
		await page.goto('./pratique/puis-je-coller/');
		const island = page.locator('[data-simulation="puis-je-coller"]');
		await ready(island);
		const field = page.getByRole('textbox', { name: 'Texte à vérifier' });
		for (const [attr, value] of [['spellcheck', 'false'], ['autocomplete', 'off'], ['autocorrect', 'off'], ['autocapitalize', 'off'], ['data-gramm', 'false']]) {
			await expect(field).toHaveAttribute(attr, value);
		}
		await expect(page.getByText('Rien de ce que vous tapez ou collez ici n’est envoyé ni enregistré')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Ce que l’outil ne repère pas' })).toBeVisible();

		// An empty check asks for a text.
		await press(page, island.getByRole('button', { name: 'Vérifier' }));
		await expect(island.getByRole('status').first()).toContainText('Le champ est vide');

		await press(page, island.getByRole('button', { name: 'Charger un exemple fictif' }));
		await expect(field).toBeFocused();
		await expect(field).toHaveValue(PASTE_EXAMPLE);
		await page.keyboard.press('Tab');
		await expect(island.getByRole('button', { name: 'Vérifier' })).toBeFocused();
		await page.keyboard.press('Enter');

		const expected = findIdentifiers(PASTE_EXAMPLE);
		expect(expected.length).toBeGreaterThanOrEqual(5);
		await expect(island.getByRole('heading', { name: 'Résultat de la vérification' })).toBeFocused();
		await expect(island.locator('[data-findings-count]')).toHaveAttribute('data-findings-count', String(expected.length));
		await expect(island.locator('[data-findings-count]')).toContainText(`${expected.length} éléments identifiants repérés.`);
		await expect(island.locator('ol.findings > li')).toHaveCount(expected.length);
		await expect(island.locator('ol.findings')).toContainText('Numéro de sécurité sociale (NIR)');
		await expect(island.locator('[data-highlighted] mark')).toHaveCount(expected.length);
		await expect(island.locator('[data-highlighted]')).toContainText('Transmission de nuit');
		const pseudoField = island.getByRole('textbox', { name: 'Texte pseudonymisé' });
		await expect(pseudoField).toHaveValue(pseudonymise(PASTE_EXAMPLE));
		await expect(pseudoField).not.toHaveValue(/DUPONT/);

		await press(page, island.getByRole('button', { name: 'Copier le texte pseudonymisé' }), 'Space');
		await expect(island.locator('.copy-status')).toContainText(/copié|Ctrl\+C/);

		// Typing one's own text with the keyboard: a stale result is flagged, a new check updates it.
		await tabTo(page, field, { back: true });
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type('Appeler M. Paul EXEMPLE au 06 39 98 00 01 demain.');
		await expect(island.getByText('Le texte a changé depuis la vérification')).toBeVisible();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		const own = findIdentifiers('Appeler M. Paul EXEMPLE au 06 39 98 00 01 demain.');
		await expect(island.locator('[data-findings-count]')).toHaveAttribute('data-findings-count', String(own.length));
		expect(own.map((f) => f.kind).sort()).toEqual(['name', 'phone']);

		// Nothing typed is kept: only the completion flag is stored.
		const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
		expect(stored).not.toContain('EXEMPLE');
		expect(stored).not.toContain('DUPONT');
		expect(stored).toContain('puis-je-coller');
		expect(outside).toEqual([]);
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`no WCAG 2.1 A/AA violation in the interactive states (axe, ${scheme} theme)`, async ({ page }) => {
			test.setTimeout(180_000);
			const scan = async (label: string) => {
				const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
				expect(r.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
			};
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto('./pratique/instruction-cachee/');
			const hi = page.locator('[data-simulation="instruction-cachee"]');
			await ready(hi);
			await scan(`${scheme} read`);
			await press(page, hi.getByRole('button', { name: 'Révéler le texte caché' }));
			await pickRadio(page, hi.getByRole('radio', { name: /ignore les consignes/ }));
			await page.keyboard.press('Enter');
			await scan(`${scheme} found`);
			await page.keyboard.press('Enter');
			await scan(`${scheme} output`);

			await page.goto('./pratique/puis-je-coller/');
			const paste = page.locator('[data-simulation="puis-je-coller"]');
			await ready(paste);
			await press(page, paste.getByRole('button', { name: 'Charger un exemple fictif' }));
			await page.keyboard.press('Tab');
			await page.keyboard.press('Enter');
			await expect(paste.locator('[data-highlighted]')).toBeVisible();
			await scan(`${scheme} paste result`);

			await page.goto('./pratique/mon-outil-est-il-a-haut-risque/');
			const risk = page.locator('[data-tree="mon-outil-est-il-a-haut-risque"]');
			await ready(risk);
			await scan(`${scheme} first question`);
			await pickRadio(page, risk.getByRole('radio', { name: /^Oui, il fait l’une de ces choses/ }));
			await page.keyboard.press('Enter');
			await expect(risk.locator('[data-outcome]')).toHaveAttribute('data-verdict', 'interdit');
			await scan(`${scheme} outcome`);
		});
	}
});
