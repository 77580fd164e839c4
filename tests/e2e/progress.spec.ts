import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { answerQuizByKeyboard, moduleVersion } from './helpers';

const KEY = 'pias:/:progress:v2';
const MOD_A = 'comprendre-ia';
const MOD_B = 'ia-generative-quotidien';

async function completedOnDashboard(page: Page): Promise<string[]> {
	await page.goto('./progression/');
	const rows = page.locator('section[aria-labelledby="termines"] tbody tr th a');
	await expect(rows.first()).toBeVisible();
	return rows.allTextContents();
}

test('pass a quiz by keyboard alone, reload, and find it completed on the dashboard', async ({ page }) => {
	await page.goto(`./modules/${MOD_A}/`);
	await answerQuizByKeyboard(page, MOD_A);
	await expect(page.getByText('Module validé')).toBeVisible();
	await page.reload();
	await expect(page.getByText(/Meilleur score enregistré : 100 %/)).toBeVisible();
	const titles = await completedOnDashboard(page);
	expect(titles.join()).toMatch(/Comprendre l/);
	await expect(page.locator('[data-track-summary]').first()).toBeVisible();
});

test('a failed attempt is kept but does not complete the module; retry is offered', async ({ page }) => {
	await page.goto(`./modules/${MOD_B}/`);
	await answerQuizByKeyboard(page, MOD_B, 3);
	await expect(page.getByText(/Pas encore/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Recommencer le quiz' })).toBeVisible();
	const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), KEY);
	expect(stored.modules[MOD_B].status).toBe('started');
	expect(stored.modules[MOD_B].attempts).toBe(1);
	expect(stored.modules[MOD_B].missed.length).toBeGreaterThanOrEqual(3);
});

test('export a file, import it in a fresh browser, find the same progress', async ({ page, browser }) => {
	await page.goto(`./modules/${MOD_A}/`);
	await answerQuizByKeyboard(page, MOD_A);
	await page.goto('./progression/');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger un fichier' }).click()]);
	const path = await download.path();
	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('./progression/');
	await expect(other.getByText('Aucun module terminé')).toBeVisible();
	await other.getByLabel(/Importer un fichier de progression/).setInputFiles(path!);
	await expect(other.locator('[data-import-result="ok"]')).toContainText('Import réussi');
	expect((await other.locator('section[aria-labelledby="termines"] tbody tr').count())).toBe(1);
	await fresh.close();
});

test('export a short code and paste it on another device', async ({ page, browser, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(`./modules/${MOD_A}/`);
	await answerQuizByKeyboard(page, MOD_A);
	await page.goto('./progression/');
	await page.getByRole('button', { name: 'Créer un code à copier' }).click();
	await expect(page.getByLabel(/Code de progression/)).toHaveValue(/^PIAS2B?-/);
	const code = await page.getByLabel(/Code de progression/).inputValue();
	expect(code.length).toBeLessThan(600);
	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('./progression/');
	await other.getByLabel('Ou coller un code de progression').fill(code);
	await other.getByRole('button', { name: 'Importer le code' }).click();
	await expect(other.locator('[data-import-result="ok"]')).toBeVisible();
	await expect(other.locator('section[aria-labelledby="termines"] tbody tr')).toHaveCount(1);
	await fresh.close();
});

test('a hostile import is refused with a clear message and existing progress is untouched', async ({ page }) => {
	await page.goto(`./modules/${MOD_A}/`);
	await answerQuizByKeyboard(page, MOD_A);
	await page.goto('./progression/');
	const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
	const hostile = JSON.stringify({ app: 'parcours-ia-sante', kind: 'progress', v: 2, exportedAt: '2026-11-28T10:00:00Z', progress: { v: 2, profile: null, setting: null, modules: { '<img src=x onerror=alert(1)>': { status: 'completed', best: 100, attempts: 1, lastVisit: '2026-11-28', version: 1 } }, __proto__: { polluted: true } } }).replace('"polluted"', '"__proto__":{},"polluted"');
	await page.getByLabel(/Importer un fichier de progression/).setInputFiles({ name: 'progression.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
	await expect(page.locator('[data-import-result="error"]')).toContainText('n’a pas été modifiée');
	expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(before);
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	// Too large: refused before reading.
	await page.getByLabel(/Importer un fichier de progression/).setInputFiles({ name: 'gros.json', mimeType: 'application/json', buffer: Buffer.alloc(1_048_577, 0x20) });
	await expect(page.locator('[data-import-result="error"]')).toContainText(/volumineux/);
	expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(before);
});

test('a corrupted stored value breaks no page: the learner is told and the copy is kept aside', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('./');
	const corrupt = '{"v":2,"modules":{"x":';
	// Every page that reads the store, each starting from the corrupted value.
	for (const p of ['', 'parcours/infirmier/', 'progression/', 'attestation/', 'themes/usages/', 'recherche/', `modules/${MOD_A}/`]) {
		await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, corrupt] as const);
		await page.goto(`./${p}`);
		await expect(page.locator('h1')).toBeVisible();
	}
	// The module page tells the learner, and keeps working.
	await expect(page.locator('[data-store-notices]')).toContainText('mise de côté');
	await answerQuizByKeyboard(page, MOD_A);
	await expect(page.getByText('Module validé')).toBeVisible();
	const backup = await page.evaluate(() => JSON.parse(localStorage.getItem('pias:/:progress:backup') ?? '[]'));
	expect(backup.map((b: { raw: string }) => b.raw)).toContain(corrupt);
	expect(errors).toEqual([]);
});

test('with storage blocked, the notice shows and quizzes still work', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
	});
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`./modules/${MOD_A}/`);
	await answerQuizByKeyboard(page, MOD_A);
	await expect(page.getByText('Module validé')).toBeVisible();
	await expect(page.getByText(/ne permet pas d’enregistrer/).first()).toBeVisible();
	await page.goto('./progression/');
	await expect(page.getByText(/ne permet pas d’enregistrer la progression/)).toBeVisible();
	expect(errors).toEqual([]);
});

test('two tabs completing different modules do not overwrite each other', async ({ context }) => {
	const a = await context.newPage();
	const b = await context.newPage();
	await a.goto(`./modules/${MOD_A}/`);
	await b.goto(`./modules/${MOD_B}/`);
	await answerQuizByKeyboard(a, MOD_A);
	await answerQuizByKeyboard(b, MOD_B);
	// Tabs may live in different renderer processes: storage reaches the other tab shortly after.
	const statuses = () => a.evaluate(([k, x, y]) => { const s = JSON.parse(localStorage.getItem(k)!); return [s.modules[x]?.status, s.modules[y]?.status]; }, [KEY, MOD_A, MOD_B] as const);
	await expect.poll(statuses).toEqual(['completed', 'completed']);
	// The first tab sees the second tab's result without a reload.
	await a.goto('./progression/');
	await expect(a.locator('section[aria-labelledby="termines"] tbody tr')).toHaveCount(2);
});

test('results earned on an earlier content version stay and are flagged', async ({ page }) => {
	await page.goto('./');
	const v = moduleVersion(MOD_A);
	await page.evaluate(([k, id, ver]) => {
		localStorage.setItem(k as string, JSON.stringify({ v: 2, profile: null, setting: null, modules: { [id as string]: { status: 'completed', best: 90, attempts: 2, lastVisit: '2026-10-01', completedOn: '2026-10-01', version: (ver as number) } } }));
	}, [KEY, MOD_A, v - 0] as const);
	await page.evaluate(([k, id]) => {
		const s = JSON.parse(localStorage.getItem(k as string)!);
		// Simulate a result earned before the module's content changed (version bump).
		s.modules[id as string].version = 0 + 1;
		localStorage.setItem(k as string, JSON.stringify(s));
	}, [KEY, MOD_A] as const);
	await page.goto('./progression/');
	await expect(page.locator('section[aria-labelledby="termines"] tbody tr')).toHaveCount(1);
	if (v > 1) await expect(page.getByText(/version précédente/)).toBeVisible();
});

test('clear my progress asks for confirmation, then removes every stored item', async ({ page }) => {
	await page.goto(`./modules/${MOD_A}/`);
	await answerQuizByKeyboard(page, MOD_A);
	await page.goto('./progression/');
	await page.getByRole('button', { name: 'Effacer ma progression' }).click();
	const dialog = page.getByRole('dialog', { name: 'Effacer votre progression ?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Annuler' }).click();
	expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).not.toBeNull();
	await page.getByRole('button', { name: 'Effacer ma progression' }).click();
	await dialog.getByRole('button', { name: 'Oui, tout effacer' }).click();
	await expect(page.getByText(/ont été effacées/)).toBeVisible();
	const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pias:/:')));
	expect(keys).toEqual([]);
});

test('attestation: one A4 page with a short code and a QR code; the verifier checks name and code, NFC included', async ({ page }) => {
	// Seed a complete track of 12 modules (the longest), as a learner who finished it.
	const catalog = await (await page.request.get('./catalog.json')).json();
	const track = (catalog.tracks as { profile: string; modules: string[] }[]).find((t) => t.profile === 'praticien-hospitalier')!;
	const ids = track.modules;
	expect(ids.length).toBeGreaterThanOrEqual(10);
	const modules = Object.fromEntries(ids.map((id) => [id, { status: 'completed', best: 100, attempts: 1, lastVisit: '2026-11-20', completedOn: '2026-11-20', version: moduleVersion(id) }]));
	await page.goto('./');
	await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ v: 2, profile: 'praticien-hospitalier', setting: null, modules })] as const);
	await page.goto('./attestation/');
	await page.getByLabel(/Votre nom et prénom/).fill('Hélène Exemple');
	await expect(page.getByRole('heading', { name: 'Attestation de suivi de parcours' })).toBeVisible();
	const sheet = page.locator('[data-attestation]');
	await expect(sheet.getByText(/auto-formation/).first()).toBeVisible();
	await expect(sheet).not.toContainText('Nous attestons');
	await expect(page.locator('[data-statement]')).toContainText('article 4 du règlement (UE) 2024/1689');
	await expect(page.locator('[data-statement]')).toContainText('ni une action de développement professionnel continu (DPC)');
	await expect(sheet.getByText('Signature de la personne formée')).toBeVisible();
	await expect(sheet.locator('tbody tr')).toHaveCount(ids.length);
	const code = (await page.locator('[data-verification-code]').textContent())!;
	expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
	await expect(page.locator('[data-qr] svg[role="img"]')).toBeVisible();
	const axe = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(await axe()).toEqual([]);
	// No cell wraps "100 %" onto two lines: each score cell is one line high.
	const heights = await sheet.locator('tbody td.num').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().height));
	const rowText = await sheet.locator('tbody td.num').first().evaluate((td) => parseFloat(getComputedStyle(td).lineHeight) || 20);
	for (const h of heights) expect(h).toBeLessThan(rowText * 2.5);
	// Printed on A4, it is one page.
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages.length).toBe(1);
	await page.emulateMedia({ media: 'screen' });
	const full = (await page.locator('[data-full-record]').textContent())!;
	expect(full).toMatch(/^ATT2-/);
	expect(full).not.toContain('Hélène');

	// The QR code opens the verifier with the record after '#'; the name typed with decomposed
	// accents and the code in lower case without dashes still match.
	await page.goto(`./attestation/verifier/#${full}`);
	await expect(page.locator('[data-from-qr]')).toBeVisible();
	await page.getByLabel('Nom imprimé sur l’attestation').fill('He\u0301le\u0300ne  Exemple');
	await page.getByLabel(/Code de vérification imprimé/).fill(code.toLowerCase().replace(/-/g, ''));
	await page.getByRole('button', { name: 'Vérifier' }).click();
	await expect(page.locator('[data-verdict="match"]')).toBeVisible();
	await expect(page.locator('[data-self-declared]')).toContainText('Relevé auto-déclaré');
	expect(await axe()).toEqual([]);
	await page.getByLabel('Nom imprimé sur l’attestation').fill('Hélène Exemplaire');
	await page.getByRole('button', { name: 'Vérifier' }).click();
	await expect(page.locator('[data-verdict="mismatch"]')).toBeVisible();
	// One mistyped character is caught as a typo.
	const typo = code.replace(/^./, (c) => (c === '7' ? '8' : '7'));
	await page.getByLabel('Nom imprimé sur l’attestation').fill('Hélène Exemple');
	await page.getByLabel(/Code de vérification imprimé/).fill(typo);
	await page.getByRole('button', { name: 'Vérifier' }).click();
	await expect(page.getByText(/faute de frappe/)).toBeVisible();
});

test('attestation verifier: a hand-made record with a made-up module, a DPC title and dates in 2031 is refused', async ({ page }) => {
	const forged = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
	await page.goto('./attestation/verifier/');
	await page.getByLabel('Nom imprimé sur l’attestation').fill('Camille Exemple');
	await page.getByLabel(/Code de vérification imprimé/).fill('0000-0000-0000');
	const legacy = { v: 1, track: 'infirmier', trackTitle: 'Diplôme universitaire IA en santé — DPC n° 1234', complete: true, modules: [{ id: 'du-ia-sante', title: 'Diplôme universitaire … DPC n° 1234', score: 100, date: '2031-01-01', version: 1, minutes: 600 }], totalMinutes: 90000, contentVersion: '2031-01-01', issuedOn: '2031-01-02' };
	await page.getByLabel(/Relevé complet/).fill(`ATT1-${forged(legacy)}`);
	await page.getByRole('button', { name: 'Vérifier' }).click();
	const verdict = page.locator('[data-verdict="impossible"]');
	await expect(verdict).toBeVisible();
	await expect(verdict).toContainText('n’existe pas dans le catalogue');
	await expect(verdict).toContainText('postérieure à aujourd’hui');
	await expect(verdict).toContainText('n’est pas la somme');
	await expect(verdict).toContainText('n’est pas celui du catalogue');
	await expect(page.locator('[data-verdict="match"]')).toHaveCount(0);
	await page.getByLabel(/Relevé complet/).fill('ATT2-@@@');
	await page.getByRole('button', { name: 'Vérifier' }).click();
	await expect(page.getByText(/caractères inattendus|abîmé/)).toBeVisible();
});

test('issue 16: a completed entry with one bad field stays completed, and a set-aside copy can be restored from /progression/', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('./');
	const damaged = JSON.stringify({ v: 2, profile: null, setting: null, modules: { [MOD_A]: { status: 'completed', best: 90, attempts: 'x', lastVisit: '2026-11-20', completedOn: '2026-11-20', version: moduleVersion(MOD_A) } } });
	// An older set-aside copy (damaged too) that still holds a completed MOD_B.
	const older = JSON.stringify({ v: 2, modules: { [MOD_B]: { status: 'completed', best: 80, attempts: 1, lastVisit: '2026-11-02', completedOn: '2026-11-02', version: moduleVersion(MOD_B) }, bad: { status: '?' } } });
	await page.evaluate(([k, v, o]) => {
		localStorage.setItem(k, v);
		localStorage.setItem('pias:/:progress:backup', JSON.stringify([{ on: '2026-11-03', kind: 'corrupt', raw: o }]));
	}, [KEY, damaged, older] as const);
	const titles = await completedOnDashboard(page);
	expect(titles.join()).toMatch(/Comprendre l/);
	const copies = page.locator('section[aria-labelledby="copies"]');
	await expect(copies.getByRole('heading', { name: 'Copies mises de côté' })).toBeVisible();
	// the damaged current value was set aside too: two copies listed
	await expect(copies.locator('li')).toHaveCount(2);
	await copies.getByRole('button', { name: 'Récupérer ce qui est lisible' }).first().click();
	await expect(copies.locator('[data-restore-result]')).toContainText('Copie récupérée : 1 module(s) lus, 2 module(s) terminé(s) au total (1 de plus)');
	await expect(page.locator('section[aria-labelledby="termines"] tbody tr')).toHaveCount(2);
	const violations = (await new AxeBuilder({ page }).include('section[aria-labelledby="copies"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => v.id);
	expect(violations).toEqual([]);
	expect(errors).toEqual([]);
});

test('issue 16: an export written with the clock 20 days ahead is imported, dates brought back, with a warning', async ({ page }) => {
	await page.goto('./progression/');
	await expect(page.locator('#import-file')).toBeVisible();
	const today = new Date().toISOString().slice(0, 10);
	const ahead = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
	const file = {
		app: 'parcours-ia-sante',
		kind: 'progress',
		v: 2,
		progress: { v: 2, profile: null, setting: null, modules: { [MOD_A]: { status: 'completed', best: 100, attempts: 1, lastVisit: ahead, completedOn: ahead, version: moduleVersion(MOD_A) } } },
	};
	await page.locator('#import-file').setInputFiles({ name: 'progression.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
	const result = page.locator('[data-import-result="ok"]');
	await expect(result).toContainText('Import réussi');
	await expect(result).toContainText(`Module « ${MOD_A} » importé, sa validation conservée`);
	await expect(result).toContainText('ramenées au');
	const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), KEY);
	expect(stored.modules[MOD_A]).toMatchObject({ status: 'completed', lastVisit: today, completedOn: today });
});
