/**
 * « J'ai 5 minutes » on the home page, on a phone: it asks for a track first; then it serves
 * the step the learner reached in the first unfinished lesson of their own track, with that
 * step's minutes as the catalogue computes them; the link lands on that very step; and it
 * follows the learner's progress.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CatalogModule { slug: string; title: string; format: string; steps: { id: string; title: string; minutes: number }[] }
const catalog = JSON.parse(readFileSync(join(process.cwd(), process.env.E2E_DIST ?? 'dist', 'catalog.json'), 'utf8')) as {
	modules: CatalogModule[];
	tracks: { profile: string; modules: string[] }[];
};
const PROFILE = 'praticien-hospitalier';
const track = catalog.tracks.find((t) => t.profile === PROFILE)!;
const lessons = track.modules.map((id) => catalog.modules.find((m) => m.slug === id)!).filter((m) => m.format === 'lesson');
const first = lessons[0];
const shown = (minutes: number) => Math.max(1, Math.round(minutes));

test.use({ viewport: { width: 390, height: 844 } });

test('« J’ai 5 minutes » serves the step reached in the learner’s own track, and lands on it', async ({ page }) => {
	expect(first, 'the track has at least one lesson').toBeTruthy();
	await page.goto('./');
	const box = page.getByRole('region', { name: 'J’ai 5 minutes' }).or(page.getByRole('region', { name: "J'ai 5 minutes" }));
	await expect(box).toContainText('Choisissez d’abord votre parcours');

	await page.goto(`./parcours/${PROFILE}/`);
	await page.getByRole('button', { name: 'C’est mon parcours' }).click();
	await page.goto('./');
	const s1 = first.steps[0];
	await expect(box.locator('[data-five-offer]')).toHaveText(`Étape 1 sur ${first.steps.length} de « ${first.title} » : ${s1.title} (environ ${shown(s1.minutes)} min).`);
	await box.getByRole('link', { name: 'Commencer cette étape' }).click();
	await expect(page).toHaveURL(new RegExp(`modules/${first.slug}/#etape-${s1.id}$`));
	await expect(page.locator('[data-lesson-status]')).toHaveText(`Étape 1 sur ${first.steps.length}`);
	await expect(page.getByRole('heading', { level: 2, name: s1.title })).toBeVisible();

	// The learner moves on to step 2 and is called away: the box now serves step 2.
	await page.getByRole('button', { name: `Étape 2 sur ${first.steps.length} →` }).click();
	await expect(page.locator('[data-lesson-status]')).toHaveText(`Étape 2 sur ${first.steps.length}`);
	await page.goto('./');
	const s2 = first.steps[1];
	await expect(box.locator('[data-five-offer]')).toHaveText(`Étape 2 sur ${first.steps.length} de « ${first.title} » : ${s2.title} (environ ${shown(s2.minutes)} min).`);
	await box.getByRole('link', { name: 'Commencer cette étape' }).click();
	await expect(page.getByRole('heading', { level: 2, name: s2.title })).toBeVisible();
});

test('without JavaScript « J’ai 5 minutes » says how to resume and links to the tracks and the review', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('./');
	const offer = page.locator('[data-five-offer]');
	await expect(offer).toContainText('Chaque étape d');
	await expect(offer.getByRole('link', { name: 'votre parcours' })).toHaveAttribute('href', /parcours\/$/);
	await expect(offer.getByRole('link', { name: 'révisions' })).toHaveAttribute('href', /revisions\/$/);
	await context.close();
});
