/**
 * Pure helpers for the team huddle sheets and reflex cards (build time only): the discussion
 * questions derived from a module's case and quiz (the content schema has no field for them),
 * and the establishment contacts worded neutrally when the settings are empty.
 */
import type { EstablishmentData, ModuleData } from '../../src/lib/schemas';

/** A question for the team, with an optional cue for whoever leads the session. */
export interface DiscussionQuestion {
	text: string;
	/** What a good answer contains (from the quiz), for the facilitator. */
	cue?: string;
}

/** The question every sheet ends with; the team completes it with its own names and numbers. */
export const LOCAL_CONTACT_QUESTION = 'Dans notre service, qui contacter si… ?';

/** Drops the answering instruction a quiz prompt ends with, e.g. « (plusieurs réponses) ». */
export function stripInstruction(prompt: string): string {
	return prompt.replace(/\s*\((?:plusieurs|toutes les|une ou plusieurs)[^)]*\)\s*$/i, '').trim();
}

/**
 * Three questions: an opener on the case (could it happen here?), the first quiz question
 * about the case (true/false statements become « Vrai ou faux : … Pourquoi ? », with the
 * expected answer as a cue), and the fixed local-contacts question.
 */
export function discussionQuestions(data: Pick<ModuleData, 'case' | 'quiz'>, contactsCue: string): DiscussionQuestion[] {
	const questions: DiscussionQuestion[] = [
		{ text: `Le cas « ${data.case.title} » pourrait-il se produire chez nous ? Qu'aurions-nous fait à la place des personnes du cas ?` },
	];
	const q = data.quiz.find((x) => x.aboutCase);
	const sound = (data.case.options ?? []).filter((o) => o.verdict === 'sound');
	if (!q && sound.length) {
		// A lesson's case is decided among options: the team decides it too, then hears the sound one.
		// (The options themselves stay on the module page: listed here they would spill a sheet
		// onto a second A4 page.)
		questions.push({
			text: `À la place des personnes du cas : ${data.case.question ?? 'Que faites-vous ?'} Chacun propose, puis on compare.`,
			cue: `Conduite attendue : ${sound.map((o) => o.text.replace(/\.$/, '')).join(' ; ')}.`,
		});
	} else if (q) {
		const right = q.choices.filter((c) => q.correct.includes(c.id)).map((c) => c.text.replace(/\.$/, ''));
		questions.push(
			q.type === 'truefalse'
				? { text: `Vrai ou faux : « ${q.prompt} » Pourquoi ?`, cue: `Réponse : ${right.join('')}.` }
				: { text: stripInstruction(q.prompt), cue: `Réponse attendue : ${right.join(' ; ')}.` },
		);
	}
	questions.push({ text: LOCAL_CONTACT_QUESTION, cue: contactsCue });
	return questions;
}

/** One contact of the establishment: its role, and who it is when the settings say so. */
export interface Contact {
	role: string;
	/** Name, service, mailbox or extension from the settings; null when not filled in. */
	value: string | null;
}

/** The people to reach, from the establishment settings (blank values become null). */
export function establishmentContacts(e: EstablishmentData): Contact[] {
	const v = (s: string) => (s.trim() ? s.trim() : null);
	return [
		{ role: 'À appeler en premier en cas d’incident', value: v(e.incidentContact) },
		{ role: 'Délégué à la protection des données (DPO)', value: v(e.dpo) },
		{ role: 'Responsable de la sécurité des systèmes d’information (RSSI)', value: v(e.securityLead) },
		{ role: 'Référent IA', value: v(e.aiReferent) },
	];
}

/** « le DPO (dpo@ch.fr) » when set, « le DPO de votre établissement » otherwise. */
export function who(phrase: string, value: string | null | undefined): string {
	const v = value?.trim();
	return v ? `${phrase} (${v})` : `${phrase} de votre établissement`;
}

/** The facilitator's cue for the local-contacts question, from the settings or neutral. */
export function contactsCue(e: EstablishmentData): string {
	const set = establishmentContacts(e).filter((c) => c.value);
	if (set.length === 0) {
		return 'À compléter ensemble : l’encadrement, le support informatique ou le RSSI, le DPO, le référent IA s’il existe ; notez les numéros utiles au dos de la fiche.';
	}
	return `Repères de l’établissement : ${set.map((c) => `${c.role} : ${c.value}`).join(' ; ')}.`;
}
