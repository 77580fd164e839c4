import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { answerQuizByKeyboard } from './helpers';

/**
 * Issue 16, item 1: with storage full (another application on the same origin) or blocked,
 * finishing a quiz must not say "enregistré"; the result box offers the export; the result
 * follows the learner to /progression/ in the same tab; the cause is named.
 */
const MOD = 'comprendre-ia';

async function fillStorage(page: Page) {
	// Another application of the same intranet origin has used the whole quota: every write of
	// more than a few characters fails with a QuotaExceededError, reading still works.
	await page.addInitScript(() => {
		const real = Storage.prototype.setItem;
		Storage.prototype.setItem = function (this: Storage, k: string, v: string) {
			if (this === window.localStorage && sessionStorage.getItem('e2e:free') !== '1' && String(v).length > 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return real.call(this, k, v);
		};
	});
}

test('storage full: no "enregistré", the cause, the export in the result box, the result kept across pages', async ({ page }) => {
	await fillStorage(page);
	await page.goto(`./modules/${MOD}/`);
	await answerQuizByKeyboard(page, MOD);
	const result = page.locator('[data-result]');
	await expect(result).toContainText('Module validé, mais ce résultat n’est pas enregistré sur cet appareil.');
	await expect(result).not.toContainText('Il est enregistré');
	const box = result.locator('[data-save-problem]');
	await expect(box).toContainText(/stockage .* plein/);
	await expect(box).toContainText('gardé dans cet onglet');
	await box.getByRole('button', { name: 'Créer un code de progression' }).click();
	// The code is made asynchronously: wait for it rather than read the field at once.
	await expect(box.getByLabel(/Code de progression/)).toHaveValue(/^PIAS2B?-/);
	// And the file, right here: it holds the completed module.
	const downloading = page.waitForEvent('download');
	await box.getByRole('button', { name: 'Télécharger le fichier de progression' }).click();
	const file = await downloading;
	expect(file.suggestedFilename()).toMatch(/^parcours-ia-sante-progression-\d{4}-\d{2}-\d{2}\.json$/);
	const saved = JSON.parse(readFileSync((await file.path())!, 'utf8'));
	expect(JSON.stringify(saved)).toContain(MOD);
	// Going to the dashboard (to export, say) keeps the result in this tab.
	await page.goto('./progression/');
	await expect(page.locator('section[aria-labelledby="termines"] tbody tr')).toHaveCount(1);
	expect(await page.evaluate(() => localStorage.getItem('pias:/:progress:v2'))).toBeNull();
});

test('storage full then freed: the kept result is saved by the next page of the tab', async ({ page }) => {
	await fillStorage(page);
	await page.goto(`./modules/${MOD}/`);
	await answerQuizByKeyboard(page, MOD);
	await expect(page.locator('[data-save-problem]')).toContainText(/stockage .* plein/);
	expect(await page.evaluate(() => sessionStorage.getItem('pias:/:unsaved:progress'))).not.toBeNull();
	// The other application frees its space; the learner goes on to another page.
	await page.evaluate(() => sessionStorage.setItem('e2e:free', '1'));
	await page.goto('./progression/');
	await expect(page.locator('section[aria-labelledby="termines"] tbody tr')).toHaveCount(1);
	const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('pias:/:progress:v2') ?? 'null'));
	expect(stored.modules[MOD].status).toBe('completed');
	expect(await page.evaluate(() => sessionStorage.getItem('pias:/:unsaved:progress'))).toBeNull();
});

test('storage blocked: the cause is named and the result box says it is not saved', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
	});
	await page.goto(`./modules/${MOD}/`);
	await answerQuizByKeyboard(page, MOD);
	const box = page.locator('[data-save-problem]');
	await expect(box).toContainText('le navigateur bloque l’enregistrement');
	await expect(page.getByText('Il est enregistré comme terminé')).toHaveCount(0);
	await page.goto('./progression/');
	await expect(page.locator('section[aria-labelledby="termines"] tbody tr')).toHaveCount(1);
});

test('storage working: the result box says "enregistré" and nothing is kept in the tab copy', async ({ page }) => {
	await page.goto(`./modules/${MOD}/`);
	await answerQuizByKeyboard(page, MOD);
	await expect(page.getByText('Module validé. Il est enregistré comme terminé dans votre progression.')).toBeVisible();
	await expect(page.locator('[data-save-problem]')).toBeHidden();
	expect(await page.evaluate(() => sessionStorage.getItem('pias:/:unsaved:progress'))).toBeNull();
});

test('persistent storage is asked after the first completed module; refused, an export reminder follows every few modules', async ({ page }) => {
	await page.addInitScript(() => {
		(window as unknown as { __persistCalls: number }).__persistCalls = 0;
		Object.defineProperty(navigator, 'storage', {
			value: {
				persisted: async () => false,
				persist: async () => { (window as unknown as { __persistCalls: number }).__persistCalls += 1; return false; },
				estimate: async () => ({ usage: 0, quota: 1e9 }),
			},
		});
	});
	await page.goto(`./modules/${MOD}/`);
	await answerQuizByKeyboard(page, MOD);
	await expect(page.getByText('Module validé. Il est enregistré comme terminé dans votre progression.')).toBeVisible();
	await expect.poll(() => page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls)).toBe(1);
	const rec = await page.evaluate(() => JSON.parse(localStorage.getItem('pias:/:persist:v1') ?? 'null'));
	expect(rec).toEqual({ asked: true, granted: false, remindedAt: 1 });
	await expect(page.locator('[data-save-problem]')).toBeHidden();
	// Three more completed modules since the request: the next result box reminds to export.
	await page.evaluate(() => {
		const s = JSON.parse(localStorage.getItem('pias:/:progress:v2')!);
		for (const id of ['ia-generative-quotidien', 'injection-de-prompt', 'ai-act-essentiel']) s.modules[id] = { ...s.modules['comprendre-ia'] };
		localStorage.setItem('pias:/:progress:v2', JSON.stringify(s));
	});
	await page.reload();
	await answerQuizByKeyboard(page, MOD);
	const reminder = page.locator('[data-save-problem]');
	await expect(reminder).toContainText('pas accepté de garder vos données durablement');
	await expect(reminder.getByRole('button', { name: 'Créer un code de progression' })).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls)).toBe(0);
});
