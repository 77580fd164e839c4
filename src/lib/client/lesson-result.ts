/**
 * The result box of a lesson quiz, drawn once an attempt is scored and recorded (lesson.ts):
 * score, verdict, what to do when the result could not be saved (cause, export code on the
 * spot), the persistence reminder, the review hint and the next module of the learner's track.
 * A lazy chunk of the lesson script: a page where the quiz is never finished never loads it.
 */
import type { ProgressStore } from '../progress/store';
import type { QuizScore } from '../quiz/scoring';
import { fill } from './fill';
import { hasUnsavedCopy } from './progress-client';
import { progressFileName, saveFile } from './save-file';
import { quizCoreLabels as L } from '../quiz-labels';

const $ = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => root.querySelector<T>(sel);

export interface ResultContext {
	store: ProgressStore;
	base: string;
	result: HTMLElement;
	score: QuizScore;
	missedChecks: string[];
}

export function showResult({ store, base, result, score: r, missedChecks }: ResultContext): void {
	$(result, '[data-score]')!.textContent = fill(L.score, { correct: r.correct, total: r.total, percent: r.percent });
	// « Enregistré » only once the write succeeded; otherwise the cause and a copy right here.
	const saved = store.progress.saved();
	const issue = saved ? null : store.reason === 'quota' ? 'quota' : 'blocked';
	const verdict = $(result, '[data-verdict]')!;
	verdict.className = `notice ${r.passed ? 'ok' : 'warn'}`;
	verdict.textContent = r.passed ? (issue ? '' : L.passed) : L.failed;
	const problem = $(result, '[data-save-problem]')!;
	problem.hidden = true;
	const offerCopy = async (pick: (u: typeof import('../quiz-unsaved-labels').quizUnsavedLabels) => string[]) => {
		const { quizUnsavedLabels: U } = await import('../quiz-unsaved-labels');
		const lines = pick(U);
		const p = (t: string) => Object.assign(document.createElement('p'), { textContent: t });
		const out = document.createElement('textarea');
		out.readOnly = true;
		out.rows = 3;
		out.hidden = true;
		out.setAttribute('aria-label', U.codeLabel);
		const b = Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: U.exportCode });
		b.addEventListener('click', async () => {
			const { exportCode } = await import('../progress/transfer');
			out.value = await exportCode(store.progress.get());
			out.hidden = false;
			out.focus();
			out.select();
		});
		// The file too, as the long-read quiz offered: a code is awkward to carry on a phone.
		const f = Object.assign(document.createElement('button'), { type: 'button', className: 'button secondary', textContent: U.exportFile });
		f.addEventListener('click', async () => {
			const { exportFile } = await import('../progress/transfer');
			const text = exportFile(store.progress.get(), { appVersion: document.documentElement.dataset.appVersion ?? '', exportedAt: new Date().toISOString() });
			saveFile(text, progressFileName(), 'application/json');
		});
		problem.replaceChildren(...lines.map(p), b, ' ', f, out);
		problem.hidden = false;
	};
	if (issue) {
		const tabKept = hasUnsavedCopy(store.prefix);
		void offerCopy((U) => {
			if (r.passed) verdict.textContent = U.passedUnsaved;
			return [U.unsavedTitle, issue === 'quota' ? U.unsavedQuota : U.unsavedBlocked, tabKept ? U.unsavedTab : U.unsavedPage];
		});
	} else if (r.passed) {
		import('./persist-client').then(({ afterCompletion }) => afterCompletion(store)).then((due) => { if (due) { void offerCopy((U) => [U.remindExport]); problem.className = 'notice warn'; } }).catch(() => {});
	}
	$(result, '[data-review-later]')!.hidden = r.missed.length + missedChecks.length === 0;
	$<HTMLAnchorElement>(result, '[data-progress-link]')!.href = `${base}progression/`;
	const nextLink = $<HTMLAnchorElement>(document, '.track-nav:not([hidden]) .next a');
	const nextBox = $(result, '[data-next-module]')!;
	nextBox.hidden = !nextLink || !r.passed;
	if (nextLink) {
		const a = document.createElement('a');
		a.className = 'button';
		a.href = nextLink.href;
		a.textContent = `Module suivant de votre parcours : ${nextLink.querySelector('span:last-child')?.textContent ?? ''}`;
		nextBox.replaceChildren(a);
	}
}
