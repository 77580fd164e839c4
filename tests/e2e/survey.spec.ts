import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * « État des lieux »: the questionnaire filled with the keyboard only, saved in the browser and
 * exported as an anonymous file (checked byte for byte against what the page shows); then the
 * trainer view fed 30 generated snapshots plus 3 bad files, by file input and by drag and drop.
 * Snapshots are written here by hand (not with the site's own code), in a temporary folder.
 */

/** Presses Tab until the focused element matches `selector` (keyboard only, bounded). */
async function tabTo(page: Page, selector: string): Promise<void> {
	for (let i = 0; i < 300; i += 1) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${selector}`);
}

/** Tabs into a radio group, then moves with the arrow keys until `value` is checked. */
async function pickRadio(page: Page, name: string, value: string): Promise<void> {
	await tabTo(page, `input[type="radio"][name="${name}"]`);
	for (let i = 0; i < 25; i += 1) {
		const cur = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
		if (cur === value) {
			if (!(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked))) await page.keyboard.press('Space');
			return;
		}
		await page.keyboard.press('ArrowDown');
	}
	throw new Error(`radio ${name}=${value} not reached`);
}

/** Tabs to a checkbox and ticks it with Space. */
async function tick(page: Page, name: string, value: string): Promise<void> {
	await tabTo(page, `input[type="checkbox"][name="${name}"][value="${value}"]`);
	await page.keyboard.press('Space');
}

async function expectNoAxeViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('fill the questionnaire by keyboard, get recommendations, export an anonymous snapshot', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('etat-des-lieux/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('État des lieux : l’IA dans votre pratique');
	const submit = page.getByRole('button', { name: 'Enregistrer mes réponses' });
	await expect(submit).toBeEnabled();
	await expect(page.locator('fieldset')).toHaveCount(8); // approval and uses wait for a tool

	// Submitting empty: an error summary takes the focus and links to each question.
	await tabTo(page, '[data-survey] button[type="submit"]');
	await page.keyboard.press('Enter');
	const alert = page.getByRole('alert');
	await expect(alert).toBeFocused();
	await expect(alert.getByRole('heading')).toHaveText('Il manque 8 réponses');
	await expect(alert.getByRole('link')).toHaveCount(8);

	await pickRadio(page, 'profession', 'infirmier');
	await pickRadio(page, 'sector', 'ehpad-medico-social');
	await pickRadio(page, 'region', 'la-reunion');
	await pickRadio(page, 'ageBand', '45-59');
	await tick(page, 'tools', 'chatbot');
	// A tool is ticked: the two follow-up questions appear right after.
	await expect(page.locator('fieldset')).toHaveCount(10);
	await expect(page.getByRole('group', { name: /Question 6 sur 10.*autorisés/ })).toBeVisible();
	await pickRadio(page, 'approval', 'non');
	await tick(page, 'uses', 'comptes-rendus');
	await tick(page, 'barriers', 'cybersecurite');
	await tick(page, 'barriers', 'remplacement');
	await tick(page, 'trainingThemes', 'cybersecurite');
	await pickRadio(page, 'trainingFormat', 'mixte');
	await tabTo(page, '[data-survey] button[type="submit"]');
	await page.keyboard.press('Enter');

	const results = page.getByRole('heading', { name: 'Vos réponses', level: 2 });
	await expect(results).toBeFocused();
	await expect(page.getByText('Vos réponses sont enregistrées dans ce navigateur')).toBeVisible();
	// Recommendations: shadow AI first (unapproved tool), then the barriers named.
	const reco = page.locator('ol.reco > li');
	await expect(reco.first().getByRole('link')).toHaveAttribute('href', /\/modules\/shadow-ia-fuites-donnees\/$/);
	await expect(page.getByRole('link', { name: /supervision humaine/i })).toBeVisible();

	// The preview: a readable list and the raw JSON.
	const list = page.locator('[data-snapshot-list]');
	await expect(list).toContainText('Infirmier·e');
	await expect(list).toContainText('La Réunion');
	await expect(list).toContainText('non inclus');
	const shown = await page.locator('[data-snapshot-raw]').textContent();

	await tabTo(page, 'button.button:not(.secondary):not(.danger)');
	const downloading = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^etat-des-lieux-ia-[a-km-np-z2-9]{6}\.json$/);
	const text = readFileSync((await download.path())!, 'utf8');
	// The file is exactly what the page showed.
	expect(text).toBe(shown);
	const data = JSON.parse(text);
	expect(Object.keys(data)).toEqual(['app', 'kind', 'v', 'id', 'answers']);
	expect(data).toMatchObject({ app: 'parcours-ia-sante', kind: 'survey-snapshot', v: 1 });
	expect(data.id).toMatch(/^[a-km-np-z2-9]{16}$/);
	expect(data.answers).toEqual({
		profession: 'infirmier',
		sector: 'ehpad-medico-social',
		region: 'la-reunion',
		ageBand: '45-59',
		tools: ['chatbot'],
		approval: 'non',
		uses: ['comptes-rendus'],
		barriers: ['cybersecurite', 'remplacement'],
		trainingThemes: ['cybersecurite'],
		trainingFormat: 'mixte',
	});
	// No free text, no name, no date: every value is a short option id.
	const values = Object.values(data.answers).flat();
	for (const v of values) expect(v).toMatch(/^[a-z0-9-]{1,40}$/);
	expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|@|[A-Z][a-zé]+ [A-Z]/);

	await expectNoAxeViolations(page);

	// Kept after a reload; the same id is exported again (a second drop is a duplicate).
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Vos réponses', level: 2 })).toBeVisible();
	await expect(page.locator('[data-snapshot-raw]')).toContainText(data.id);
	const stored = await page.evaluate(() => localStorage.getItem('pias:/:survey:v1'));
	expect(JSON.parse(stored!)).toEqual({ answers: data.answers, id: data.id });

	// Editing brings the filled form back.
	await page.getByRole('button', { name: 'Modifier mes réponses' }).click();
	await expect(page.getByRole('radio', { name: 'Infirmier·e' })).toBeChecked();
	await expectNoAxeViolations(page);

	// Saving the same answers again keeps the id; changed answers (a new campaign) get a fresh
	// one, so the two files cannot be linked by their id.
	await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
	await expect(page.locator('[data-snapshot-raw]')).toContainText(data.id);
	await page.getByRole('button', { name: 'Modifier mes réponses' }).click();
	await page.getByRole('radio', { name: 'Médecin', exact: true }).check();
	await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
	await expect(page.getByRole('heading', { name: 'Vos réponses', level: 2 })).toBeVisible();
	const edited = JSON.parse((await page.evaluate(() => localStorage.getItem('pias:/:survey:v1')))!);
	expect(edited.answers.profession).toBe('medecin');
	expect(edited.id).toMatch(/^[a-km-np-z2-9]{16}$/);
	expect(edited.id).not.toBe(data.id);
	await expect(page.locator('[data-snapshot-raw]')).toContainText(edited.id);
});

test('positioning scores are included coarsened, only while the box is ticked; a damaged value is set aside', async ({ page }) => {
	await page.addInitScript(() => {
		if (sessionStorage.getItem('seeded')) return;
		sessionStorage.setItem('seeded', '1');
		localStorage.setItem(
			'pias:/:positioning:v1',
			JSON.stringify({ takenOn: '2026-11-28', answers: {}, scores: { usages: 75, cybersecurite: 100, reglementation: 43 } }),
		);
		localStorage.setItem(
			'pias:/:survey:v1',
			JSON.stringify({
				id: 'b2mb2mb2mb2mb2mb',
				answers: { profession: 'medecin', sector: 'liberal', region: 'guyane', ageBand: '60-plus', tools: ['aucun'], barriers: ['cout'], trainingThemes: ['usages'], trainingFormat: 'atelier' },
			}),
		);
	});
	await page.goto('etat-des-lieux/');
	await expect(page.getByRole('heading', { name: 'Vos réponses', level: 2 })).toBeVisible();
	const list = page.locator('[data-snapshot-list]');
	await expect(list).toContainText('Usages : 80 sur 100 ; Cybersécurité : 100 sur 100 ; Réglementation : 40 sur 100');
	const raw = page.locator('[data-snapshot-raw]');
	await expect(raw).toContainText('"positioning"');
	await expect(raw).not.toContainText('takenOn');
	await page.getByRole('checkbox', { name: /Inclure mes scores de positionnement/ }).uncheck();
	await expect(raw).not.toContainText('"positioning"');
	await expect(list).toContainText('non inclus');
	// The positioning page's own value is untouched.
	expect(JSON.parse((await page.evaluate(() => localStorage.getItem('pias:/:positioning:v1')))!).scores.usages).toBe(75);

	// A damaged stored value: a French notice, the raw value set aside, the form still works.
	await page.evaluate(() => localStorage.setItem('pias:/:survey:v1', '{"answers": {"profession": "<b>x</b>"'));
	await page.reload();
	await expect(page.getByRole('status').filter({ hasText: 'vos réponses au questionnaire' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Enregistrer mes réponses' })).toBeEnabled();
	const backup = await page.evaluate(() => localStorage.getItem('pias:/:survey:backup'));
	expect(JSON.parse(backup!)[0].raw).toContain('<b>x</b>');
	await expect(page.locator('main b')).toHaveCount(0);
});

// ---------------------------------------------------------------- trainer view

const PROFESSIONS: Array<[string, number]> = [
	['infirmier', 11],
	['medecin', 10],
	['aide-soignant', 6],
	['cadre-sante', 3],
];
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** The i-th respondent's snapshot, written by hand. */
function snapshot(i: number, profession: string): Record<string, unknown> {
	// Two characters from i (unique up to 1 024), then a fixed tail: 16 characters in all.
	const id = `${ALPHABET[(i >> 5) & 31]}${ALPHABET[i & 31]}zyxwvutsrqpnmk`;
	const noTool = i % 5 === 0;
	const answers: Record<string, unknown> = {
		profession,
		sector: i % 2 ? 'hopital-public' : 'ehpad-medico-social',
		region: 'bretagne',
		ageBand: i % 3 ? '30-44' : '45-59',
		tools: noTool ? ['aucun'] : ['chatbot'],
	};
	if (!noTool) {
		// Every approval answer has 5 people or more (an empty « ne sait pas » would be hidden).
		answers.approval = i % 4 === 1 ? 'ne-sait-pas' : i % 2 ? 'non' : 'oui';
		answers.uses = ['rediger'];
	}
	answers.barriers = i % 4 ? ['cybersecurite', 'formation'] : ['regles'];
	answers.trainingThemes = ['cybersecurite'];
	answers.trainingFormat = 'court-en-ligne';
	return { app: 'parcours-ia-sante', kind: 'survey-snapshot', v: 1, id, answers, positioning: { usages: 50 + (i % 3) * 10 } };
}

function writeTeam(): { dir: string; files: string[]; extra: string } {
	const dir = mkdtempSync(join(tmpdir(), 'pias-survey-'));
	const files: string[] = [];
	let i = 0;
	for (const [profession, n] of PROFESSIONS) {
		for (let k = 0; k < n; k += 1) {
			const p = join(dir, `etat-des-lieux-ia-${String(i).padStart(2, '0')}.json`);
			writeFileSync(p, `${JSON.stringify(snapshot(i, profession), null, 2)}\n`);
			files.push(p);
			i += 1;
		}
	}
	// Three bad files: a duplicate of the first, plain text, and a 70 KB file.
	const dup = join(dir, 'copie.json');
	writeFileSync(dup, readFileSync(files[0]));
	const notes = join(dir, 'notes.txt');
	writeFileSync(notes, 'Réponses de Marie Dupont : <b>oui</b>\n');
	const big = join(dir, 'gros.json');
	writeFileSync(big, JSON.stringify({ ...snapshot(99, 'medecin'), pad: 'x'.repeat(70_000) }));
	files.push(dup, notes, big);
	return { dir, files, extra: JSON.stringify(snapshot(40, 'infirmier')) };
}

test('trainer view: 30 snapshots and 3 bad files give the right totals, tables and charts', async ({ page }) => {
	test.setTimeout(120_000);
	const { files, extra } = writeTeam();
	expect(files).toHaveLength(33);
	await page.goto('formateurs/etat-des-lieux/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('État des lieux de l’équipe');
	// The address to share is this server's, whatever SITE_URL was at build time.
	await expect(page.getByText(/^http:\/\/127\.0\.0\.1:\d+\/etat-des-lieux\/$/)).toBeVisible();

	// The file input is reachable from the keyboard once the island has hydrated.
	const input = page.getByLabel('Choisir des fichiers d’état des lieux');
	await expect(input).toBeEnabled();
	await tabTo(page, 'input[type="file"]');
	await expect(input).toBeFocused();
	await expect(input).toHaveAttribute('multiple', '');
	await input.setInputFiles(files);

	await expect(page.getByRole('status').filter({ hasText: 'fichiers lus' })).toHaveText(
		'33 fichiers lus : 30 pris en compte, 3 ignorés. Total : 30 réponses.',
	);
	const keys = page.getByRole('table', { name: 'Chiffres clés' });
	await expect(keys.getByRole('row', { name: /Réponses prises en compte/ })).toContainText('30');
	await expect(keys.getByRole('row', { name: /Fichiers ignorés/ })).toContainText('3');

	const skipped = page.getByRole('table', { name: /Fichiers ignorés et pourquoi/ });
	await expect(skipped.getByRole('row', { name: /copie\.json/ })).toContainText('doublon');
	await expect(skipped.getByRole('row', { name: /notes\.txt/ })).toContainText('illisible');
	await expect(skipped.getByRole('row', { name: /gros\.json/ })).toContainText('trop volumineux');
	// A file name is shown as text, never as markup.
	await expect(page.locator('main b')).toHaveCount(0);

	// Professions: 11, 10, then 6 masked to protect the 3 ward managers (« < 5 »).
	const prof = page.getByRole('table', { name: /^Métier/ });
	await expect(prof.getByRole('row', { name: /^Infirmier·e/ })).toContainText('11');
	await expect(prof.getByRole('row', { name: /^Médecin/ })).toContainText('10');
	await expect(prof.getByRole('row', { name: /^Cadre de santé/ })).toContainText('< 5');
	await expect(prof.getByRole('row', { name: /^Aide-soignant·e/ })).toContainText('masqué');
	await expect(prof.getByRole('row', { name: /^Total/ })).toContainText('30');
	// Neither the count nor a percentage of the hidden groups is printed.
	await expect(prof.getByRole('row', { name: /^Cadre de santé/ }).getByRole('cell')).toHaveText(['< 5', '']);
	await expect(prof.getByRole('row', { name: /^Aide-soignant·e/ }).getByRole('cell')).toHaveText(['masqué', '']);

	// One chart per question, each an SVG image with an accessible name, each followed by its table.
	const charts = page.getByRole('img', { name: /diagramme en barres/ });
	await expect(charts).toHaveCount(10);
	for (const chart of await charts.all()) {
		expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
		await expect(chart).toHaveAttribute('aria-label', /Tous les chiffres sont dans le tableau qui suit/);
	}
	await expect(page.getByRole('table')).toHaveCount(10 + 3); // charts + key figures, skipped, positioning

	// Shadow AI: 24 tool users, 6 of them on an unapproved tool.
	await expect(page.getByText(/^25 % des personnes qui utilisent un outil d’IA/)).toBeVisible();
	// Positioning means (30 scores of 50, 60 or 70).
	await expect(page.getByRole('table', { name: 'Positionnement moyen par thème' }).getByRole('row', { name: /^Usages/ })).toContainText('60');
	// Modules to start with: shadow AI, then the top barriers' modules.
	await expect(page.getByRole('heading', { name: 'Modules à proposer en premier' })).toBeVisible();
	await expect(page.locator('ol.start > li').first().getByRole('link')).toHaveAttribute('href', /shadow-ia-fuites-donnees/);

	// CSV: BOM, semicolons, the same totals.
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Télécharger le tableau (CSV)' }).click();
	const csvDownload = await downloading;
	expect(csvDownload.suggestedFilename()).toBe('etat-des-lieux-equipe.csv');
	const csv = readFileSync((await csvDownload.path())!, 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	expect(csv).toContain('Réponses prises en compte;30\r\n');
	expect(csv).toContain('Fichiers ignorés;3\r\n');
	expect(csv).toContain('Métier;Cadre de santé;< 5;\r\n');

	// Drag and drop adds one more file (the drop zone and the input feed the same list).
	const dt = await page.evaluateHandle((t) => {
		const d = new DataTransfer();
		d.items.add(new File([t], 'depose.json', { type: 'application/json' }));
		return d;
	}, extra);
	await page.getByRole('group', { name: 'Déposer les fichiers de l’équipe' }).dispatchEvent('drop', { dataTransfer: dt });
	await expect(keys.getByRole('row', { name: /Réponses prises en compte/ })).toContainText('31');
	// The CSV was published with 30 answers: one more would be given away by subtraction.
	const warning = page.locator('[data-republish-warning]');
	await expect(warning).toContainText('Vous avez déjà publié ce tableau (CSV ou impression) avec 30 réponses. Depuis, 1 réponse(s) ajoutée(s)');
	await expect(warning).toContainText('au moins 5 réponses de plus');

	await expectNoAxeViolations(page);

	// Print: only the one-page summary.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { name: 'Synthèse pour la réunion d’équipe' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Déposer les fichiers de l’équipe' })).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Détail par question' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	// Clearing starts over.
	await page.getByRole('button', { name: 'Retirer tous les fichiers' }).click();
	await expect(page.getByRole('table', { name: 'Chiffres clés' })).toHaveCount(0);
});

test('trainer view shows nothing below 5 respondents', async ({ page }) => {
	const { files } = writeTeam();
	await page.goto('formateurs/etat-des-lieux/');
	const input = page.getByLabel('Choisir des fichiers d’état des lieux');
	// Disabled until the island has hydrated (a file chosen earlier would be ignored).
	await expect(input).toBeEnabled();
	await input.setInputFiles(files.slice(0, 4));
	await expect(page.getByRole('table', { name: 'Chiffres clés' }).getByRole('row', { name: /Réponses prises en compte/ })).toContainText('4');
	await expect(page.getByText('Il faut au moins 5 réponses pour afficher des résultats')).toBeVisible();
	await expect(page.getByRole('img', { name: /diagramme en barres/ })).toHaveCount(0);
});
