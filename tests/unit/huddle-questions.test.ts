import { describe, expect, it } from 'vitest';
import { discussionQuestions } from '../../components/huddle/huddle';
import { loadContent } from './content-load';

describe('huddle discussion questions', () => {
	it('a lesson case decided among options gives the team the same decision, with the sound option as the cue', () => {
		for (const m of loadContent().modules) {
			const qs = discussionQuestions(m.data, 'Le cadre de santé.');
			expect(qs, m.id).toHaveLength(3);
			const sound = (m.data.case.options ?? []).filter((o) => o.verdict === 'sound');
			if (!m.data.quiz.some((q) => q.aboutCase) && sound.length) {
				expect(qs[1].text, m.id).toContain(m.data.case.question ?? 'Que faites-vous ?');
				expect(qs[1].cue, m.id).toBe(`Conduite attendue : ${sound.map((o) => o.text.replace(/\.$/, '')).join(' ; ')}.`);
			}
		}
	});
});
