import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, templatePages } from './site-pages';

/**
 * WCAG 2.1 AA checks with axe-core: every built page in the light theme (plus its language,
 * its single h1, the link to the accessibility statement, and no sideways scrolling at 320 px),
 * and one page of each template (see `templatePages`) in the dark theme and at 320 px wide,
 * where the same template gives the same result; plus the interactive states. One test per
 * page and mode, so a busy machine never runs out of time on a whole-site loop.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const pages = builtPages();
const templates = templatePages(pages);

async function axe(page: Page) {
	const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function open(page: Page, p: string) {
	await page.goto(`./${p}`);
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
	await page.waitForLoadState('networkidle');
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe.configure({ mode: 'parallel' });

test('the page lists are complete: every page, one per template', () => {
	expect(pages.length).toBeGreaterThan(40);
	expect(templates.length).toBeGreaterThan(20);
	for (const p of ['', 'progression/', 'recherche/', 'glossaire/']) expect(templates).toContain(p);
	for (const prefix of ['modules/', 'parcours/', 'themes/', 'animation/']) expect(templates.some((t) => t.startsWith(prefix) && t !== prefix)).toBe(true);
});

test.describe('axe, light, every page', () => {
	test.use({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
	for (const p of pages) {
		test(`/${p}`, async ({ page }) => {
			await open(page, p);
			expect(await axe(page)).toEqual([]);
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.locator('footer').getByRole('link', { name: /Accessibilité/ })).toHaveAttribute('href', /accessibilite\/$/);
			// Reflow (WCAG 1.4.10) on every page: cheap, no second axe pass.
			await page.setViewportSize({ width: 320, height: 640 });
			await expect.poll(() => sideways(page), { message: 'horizontal scrolling at 320 px' }).toBeLessThanOrEqual(0);
		});
	}
});

const modes = [
	{ name: 'dark', colorScheme: 'dark' as const, viewport: { width: 1280, height: 900 } },
	{ name: '320px', colorScheme: 'light' as const, viewport: { width: 320, height: 640 } },
];

for (const mode of modes) {
	test.describe(`axe, ${mode.name}, one page per template`, () => {
		test.use({ colorScheme: mode.colorScheme, viewport: mode.viewport });
		for (const p of templates) {
			test(`/${p}`, async ({ page }) => {
				await open(page, p);
				expect(await axe(page)).toEqual([]);
				if (mode.name === '320px') expect(await sideways(page), 'horizontal scrolling at 320 px').toBeLessThanOrEqual(0);
			});
		}
	});
}

test.describe('interactive states', () => {
	test('lesson quiz answered and finished', async ({ page }) => {
		// Every module is a lesson: its quiz is one question at a time, then the result box.
		await page.goto('./modules/injection-de-prompt/#quiz');
		const asked = page.locator('.quiz-list > li.asked');
		await expect(asked).toHaveCount(1);
		await asked.locator('input').first().check();
		await asked.locator('[data-validate]').click();
		await expect(asked.locator('[data-feedback]')).not.toBeEmpty();
		expect(await axe(page), 'answered').toEqual([]);
		const total = Number(/sur (\d+)/.exec((await asked.locator('[data-kicker]').textContent()) ?? '')![1]);
		for (let n = 1; n <= total; n += 1) {
			if (n > 1) {
				await expect(asked.locator('[data-kicker]')).toHaveText(`Question ${n} sur ${total}`);
				await asked.locator('input').first().check();
				await asked.locator('[data-validate]').click();
				await expect(asked.locator('[data-feedback]')).not.toBeEmpty();
			}
			await page.getByRole('button', { name: n === total ? 'Voir mon résultat' : 'Question suivante' }).click();
		}
		await expect(page.locator('[data-score]')).toContainText(`sur ${total}`);
		expect(await axe(page), 'result').toEqual([]);
	});
	test('import error shown, dialog open', async ({ page }) => {
		await page.goto('./progression/');
		await page.getByLabel('Ou coller un code de progression').fill('PIAS2-pas-un-code');
		await page.getByRole('button', { name: 'Importer le code' }).click();
		await expect(page.locator('[data-import-result="error"]')).toBeVisible();
		expect(await axe(page)).toEqual([]);
		await page.getByRole('button', { name: 'Effacer ma progression' }).click();
		await expect(page.getByRole('dialog')).toBeVisible();
		expect(await axe(page)).toEqual([]);
	});
	test('« Poste partagé »: the offer on a track page, the banner, the leave panel, in dark theme and at 320 px too', async ({ page }) => {
		await page.goto('./parcours/infirmier/');
		await expect(page.locator('[data-shared-offer]')).toBeVisible();
		expect(await axe(page)).toEqual([]);
		await page.getByRole('button', { name: 'Oui : activer le mode Poste partagé' }).click();
		await expect(page.locator('[data-shared-banner]')).toBeVisible();
		await page.goto('./progression/#poste-partage');
		await page.getByRole('button', { name: 'Quitter le mode Poste partagé' }).click();
		await expect(page.locator('#shared-export-code')).toHaveValue(/^PIAS/);
		expect(await axe(page)).toEqual([]);
		await page.emulateMedia({ colorScheme: 'dark' });
		expect(await axe(page)).toEqual([]);
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await sideways(page)).toBeLessThanOrEqual(0);
		expect(await axe(page)).toEqual([]);
	});
	test('search results shown, in dark theme too', async ({ page }) => {
		await page.goto('./recherche/?q=donn%C3%A9es%20de%20sant%C3%A9');
		await expect(page.locator('ol.results > li').first()).toBeVisible();
		expect(await axe(page)).toEqual([]);
		await page.emulateMedia({ colorScheme: 'dark' });
		expect(await axe(page)).toEqual([]);
	});
});

test.describe('keyboard, zoom, motion, theme', () => {
	test('skip link is the first stop and moves focus to the content', async ({ page }) => {
		await page.goto('./glossaire/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Aller au contenu' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();
	});

	test('keyboard-only journey through a track: home → track → first module → next module', async ({ page }) => {
		await page.goto('./');
		const tabTo = async (name: RegExp | string) => {
			const target = page.getByRole('link', { name }).first();
			for (let i = 0; i < 60; i++) {
				if (await target.evaluate((el) => el === document.activeElement)) break;
				await page.keyboard.press('Tab');
			}
			await expect(target).toBeFocused();
			// Focus must be visible: an outline is drawn.
			expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
			await page.keyboard.press('Enter');
		};
		await tabTo(/Parcours étudiant/);
		await expect(page).toHaveURL(/parcours\/etudiant\/$/);
		await tabTo('Commencer le parcours');
		await expect(page).toHaveURL(/modules\/comprendre-ia\/$/);
		await tabTo(/Module suivant/);
		await expect(page).toHaveURL(/modules\/[a-z0-9-]+\/$/);
	});

	test('at 200 % zoom (640 px wide) nothing scrolls sideways and the menu stays usable', async ({ page }) => {
		await page.setViewportSize({ width: 640, height: 450 });
		for (const p of ['', 'modules/ai-act-essentiel/', 'parcours/infirmier/', 'progression/', 'recherche/?q=rgpd']) {
			await page.goto(`./${p}`);
			expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), p).toBeLessThanOrEqual(0);
			await expect(page.getByRole('link', { name: 'Glossaire' }).first()).toBeVisible();
		}
	});

	test('reduced motion turns smooth scrolling off; dark theme follows the system', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('./');
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
		await page.emulateMedia({ reducedMotion: 'no-preference' });
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
		await page.emulateMedia({ colorScheme: 'dark' });
		const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		await page.emulateMedia({ colorScheme: 'light' });
		const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(dark).not.toBe(light);
		expect(dark).toBe('rgb(17, 20, 23)');
	});
});
