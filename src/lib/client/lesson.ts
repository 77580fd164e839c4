/**
 * The lesson page's behaviour, one small script (no framework: the module page's budget is
 * 32 KB gzip in all). Everything it shows is already in the server-rendered HTML; it shows one
 * part at a time (a step, the case, the quiz), enables the answers, reveals the explanation that
 * is already on the page, and keeps the learner's place and answers in the store's `lesson`
 * section after every action, so that any interruption resumes exactly. The logic lives in
 * `src/lib/lesson/state.ts` and `src/lib/quiz/scoring.ts`; this file only wires the DOM.
 */
import { progressClient, hasUnsavedCopy } from './progress-client';
import { fill } from './fill';
import { lessonSection } from '../lesson/section';
import {
	AT_CASE,
	AT_QUIZ,
	answerCheck,
	answerQuiz,
	attemptOrder,
	chooseOption,
	decodeAnswer,
	endQuiz,
	forVersion,
	getLesson,
	goTo,
	positions,
	startQuiz,
	updateLesson,
	type LessonEntry,
} from '../lesson/state';
import { isCorrect, scoreQuiz } from '../quiz/scoring';
import { quizCoreLabels as L } from '../quiz-labels';
import { initModulePage } from './module-page';
import { stepAnchor } from '../lesson/steps';
import { minutesLeft, minutesLeftLabel, type LessonMinutes } from '../lesson/remaining';
import { caseSetting, decodeCaseChoice, encodeCaseChoice, versionToShow } from '../lesson/case';

type QType = 'single' | 'multiple' | 'truefalse';
interface QNode {
	id: string;
	type: QType;
	correct: string[];
	el: HTMLFieldSetElement;
	choices: { id: string }[];
}

const $ = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => root.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => [...root.querySelectorAll<T>(sel)];

function readQuestion(el: HTMLFieldSetElement): QNode {
	return {
		id: el.dataset.q!,
		type: (el.dataset.type ?? 'single') as QType,
		correct: (el.dataset.correct ?? '').split(' ').filter(Boolean),
		el,
		choices: $$<HTMLInputElement>(el, 'input').map((i) => ({ id: i.value })),
	};
}

function randomSeed(): number {
	const a = new Uint32Array(1);
	crypto.getRandomValues(a);
	return (a[0] % 2_147_483_646) + 1;
}

/** Text of the right answers, from the labels on the page. */
function answerText(q: QNode): string {
	return q.correct.map((id) => $(q.el, `[data-choice="${id}"] label > span`)?.textContent ?? '').join(' ; ');
}

/** Locks a question and shows it answered: marks, verdict, and the explanation already in its disclosure. */
function showAnswered(q: QNode, ids: string[]): boolean {
	const ok = isCorrect(q, ids);
	for (const input of $$<HTMLInputElement>(q.el, 'input')) {
		input.checked = ids.includes(input.value);
		input.disabled = true;
		const li = input.closest('li')!;
		const right = q.correct.includes(input.value);
		li.classList.toggle('right', right);
		li.classList.toggle('wrong', input.checked && !right);
		let mark = $(li, '.mark');
		if (!mark) {
			mark = document.createElement('span');
			mark.className = 'mark';
			input.closest('label')!.append(mark);
		}
		mark.textContent = right ? ' ✓ bonne réponse' : input.checked ? ' ✗ votre choix, incorrect' : '';
	}
	const fb = $(q.el, '[data-feedback]')!;
	fb.className = `q-feedback notice ${ok ? 'ok' : 'error'}`;
	fb.textContent = ok ? L.correct : `${L.incorrect} ${fill(L.rightAnswer, { answer: answerText(q) })}`;
	const details = $<HTMLDetailsElement>(q.el, '[data-answer]')!;
	details.open = true;
	details.classList.add('revealed');
	$(q.el, '.q-actions')!.hidden = true;
	return ok;
}

/** Back to unanswered (a new quiz attempt). */
function resetQuestion(q: QNode): void {
	for (const input of $$<HTMLInputElement>(q.el, 'input')) {
		input.checked = false;
		input.disabled = false;
		const li = input.closest('li')!;
		li.classList.remove('right', 'wrong');
		$(li, '.mark')?.remove();
	}
	const fb = $(q.el, '[data-feedback]')!;
	fb.className = 'q-feedback';
	fb.textContent = '';
	const details = $<HTMLDetailsElement>(q.el, '[data-answer]')!;
	details.open = false;
	details.classList.remove('revealed');
	$(q.el, '.q-actions')!.hidden = false;
}

function selected(q: QNode): string[] {
	return $$<HTMLInputElement>(q.el, 'input:checked').map((i) => i.value);
}

/** Enables a question; `onValidate` gets the selection (never empty). */
function armQuestion(q: QNode, onValidate: (ids: string[]) => void): void {
	for (const input of $$<HTMLInputElement>(q.el, 'input')) input.disabled = false;
	const actions = $(q.el, '.q-actions')!;
	actions.hidden = false;
	$(actions, 'button')!.addEventListener('click', () => {
		const ids = selected(q);
		const fb = $(q.el, '[data-feedback]')!;
		if (ids.length === 0) {
			fb.className = 'q-feedback notice warn';
			fb.textContent = L.chooseFirst;
			return;
		}
		onValidate(ids);
	});
}

export function initLesson(): void {
	initModulePage();
	const root = $<HTMLElement>(document, '[data-lesson]');
	const article = root?.closest<HTMLElement>('[data-module]');
	if (!root || !article) return;
	const base = document.documentElement.dataset.base ?? '/';
	const moduleId = article.dataset.module!;
	const cv = Number(article.dataset.version ?? '1');
	const outline = { steps: (root.dataset.steps ?? '').split(' ').filter(Boolean) };
	const order = positions(outline);
	const parts = new Map(order.map((at) => [at, $(root, `[data-part="${at}"]`)!]));
	const store = progressClient(base);
	const section = lessonSection(store);
	const now = () => Date.now();
	const entry = (): LessonEntry => forVersion(getLesson(section.get(), moduleId), cv, outline, now());
	const update = (fn: (e: LessonEntry) => LessonEntry): LessonEntry => {
		section.update((s) => updateLesson(s, moduleId, cv, outline, now(), fn));
		renderLeft();
		return entry();
	};

	// « Ce qu'il reste »: the build's exact minutes of each part, minus what is done.
	const min = (el: Element | null | undefined) => Number((el as HTMLElement | null)?.dataset.min ?? 0);
	const leftEl = $(root, '[data-lesson-left]');
	const minutes: LessonMinutes = {
		steps: outline.steps.map((id) => {
			const part = $(root, `[data-part="${id}"]`);
			return { id, check: $(part ?? root, '.step-check [data-q]')?.dataset.q ?? undefined, minutes: min(part) };
		}),
		case: min($(root, '[data-part="@case"]')),
		quiz: $$(root, '[data-quiz-item]').map((li) => ({ id: li.dataset.quizItem!, minutes: min(li) })),
	};
	function renderLeft(): void {
		if (!leftEl) return;
		leftEl.textContent = minutesLeftLabel(minutesLeft(minutes, entry(), store.moduleEntry(moduleId)?.status === 'completed'));
	}

	root.classList.add('js-on');
	for (const el of $$(article, '.js-only')) el.hidden = false;

	// ---------------------------------------------------------- parts and navigation
	const status = $(root, '[data-lesson-status]')!;
	const bar = $<HTMLProgressElement>(root, '[data-lesson-bar]')!;
	const prev = $<HTMLButtonElement>(root, '[data-prev]')!;
	const next = $<HTMLButtonElement>(root, '[data-next]')!;
	const n = outline.steps.length;
	const label = (at: string): string => {
		const i = outline.steps.indexOf(at);
		if (i >= 0) return `Étape ${i + 1} sur ${n}`;
		return at === AT_CASE ? 'Cas pratique' : 'Quiz de validation';
	};
	let current = '';
	/** Stops reading aloud (set once the listen control is wired). */
	let stopSpeaking = (): void => {};

	function show(at: string, focus: boolean): void {
		if (!parts.has(at)) return;
		stopSpeaking();
		current = at;
		const i = order.indexOf(at);
		for (const [id, el] of parts) el.classList.toggle('current', id === at);
		status.textContent = label(at);
		bar.value = i + 1;
		const e = entry();
		for (const li of $$(document, '[data-toc]')) {
			const id = li.dataset.toc!;
			const a = $(li, 'a')!;
			if (id === at) a.setAttribute('aria-current', 'step');
			else a.removeAttribute('aria-current');
			const k = order.indexOf(id);
			const state = $(li, '[data-toc-state]')!;
			state.textContent = id === at ? ' — vous êtes ici' : k <= e.far ? ' — vue' : '';
		}
		prev.hidden = i === 0;
		prev.textContent = i === 0 ? '' : `← ${i - 1 < n ? `Étape ${i}` : 'Cas pratique'}`;
		next.hidden = at === AT_QUIZ;
		next.textContent = i + 1 < n ? `Étape ${i + 2} sur ${n} →` : i + 1 === n ? 'Passer au cas pratique →' : 'Passer au quiz →';
		if (at === AT_QUIZ) renderQuiz(false);
		if (focus) {
			const h = $(parts.get(at)!, 'h2')!;
			h.focus({ preventScroll: true });
			parts.get(at)!.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
		}
	}

	function moveTo(at: string, focus = true): void {
		update(goTo(outline, at));
		show(at, focus);
		const anchor = outline.steps.includes(at) ? stepAnchor(at) : at === AT_CASE ? 'cas' : 'quiz';
		history.replaceState(history.state, '', `#${anchor}`);
	}

	prev.addEventListener('click', () => moveTo(order[Math.max(0, order.indexOf(current) - 1)]));
	next.addEventListener('click', () => moveTo(order[Math.min(order.length - 1, order.indexOf(current) + 1)]));

	const fromHash = (hash: string): string | null => {
		const id = decodeURIComponent(hash.replace(/^#/, ''));
		if (id === 'cas') return AT_CASE;
		if (id === 'quiz' || id === 'quiz-titre') return AT_QUIZ;
		const step = outline.steps.find((s) => stepAnchor(s) === id || `${stepAnchor(s)}-titre` === id);
		if (step) return step;
		// A link to something inside a part (a callout, a heading) opens that part.
		const target = id ? document.getElementById(id) : null;
		const part = target?.closest<HTMLElement>('[data-part]');
		return part && root.contains(part) ? part.dataset.part! : null;
	};
	for (const a of $$<HTMLAnchorElement>(document, 'a[href^="#"]')) {
		a.addEventListener('click', (ev) => {
			const at = fromHash(a.getAttribute('href')!);
			if (!at) return;
			ev.preventDefault();
			moveTo(at);
		});
	}
	window.addEventListener('hashchange', () => {
		const at = fromHash(location.hash);
		if (at && at !== current) moveTo(at);
	});

	// ---------------------------------------------------------- glossary words, in place
	// Each word becomes a disclosure button; the code and the definition load on first use.
	const words = $$<HTMLAnchorElement>(root, 'a[data-term]');
	for (const w of words) {
		w.setAttribute('role', 'button');
		w.setAttribute('aria-expanded', 'false');
	}
	const openWord = (w: HTMLAnchorElement) => void import('./terms').then((m) => m.toggleTerm(w, base));
	for (const w of words) {
		w.addEventListener('click', (ev) => {
			if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return; // a new tab still opens the glossary
			ev.preventDefault();
			openWord(w);
		});
		w.addEventListener('keydown', (ev) => {
			if (ev.key === ' ') {
				ev.preventDefault();
				openWord(w);
			} else if (ev.key === 'Escape' && w.getAttribute('aria-expanded') === 'true') {
				void import('./terms').then((m) => m.closeTerm(w));
			}
		});
	}

	// ---------------------------------------------------------- step checks
	const checks = $$<HTMLFieldSetElement>(root, '.step [data-q]').map(readQuestion);
	for (const q of checks) armQuestion(q, (ids) => {
		const e = update(answerCheck(q.id, ids));
		showAnswered(q, decodeAnswer(e.checks[q.id]));
	});

	// ---------------------------------------------------------- case (and its nurse-setting versions)
	const caseEl = parts.get(AT_CASE)!;
	const versions = $$(caseEl, '[data-case-version]');
	const versionKeys = versions.map((v) => v.dataset.caseVersion!);
	const caseTitle = $(caseEl, '[data-case-title]')!;
	const caseKicker = $(caseEl, '[data-case-kicker]')!;
	const tocCase = $(document, '[data-toc="@case"] a');
	const tocCaseText = tocCase?.textContent ?? '';
	for (const v of versions) {
		const decision = $<HTMLFieldSetElement>(v, '[data-case]')!;
		for (const input of $$<HTMLInputElement>(decision, 'input')) input.disabled = false;
		$(decision, '[data-decide]')!.addEventListener('click', () => {
			const option = $<HTMLInputElement>(decision, 'input:checked')?.value;
			const fb = $(v, '[data-case-feedback]')!;
			if (!option) {
				fb.className = 'q-feedback notice warn';
				fb.textContent = 'Choisissez une option avant de valider.';
				return;
			}
			update(chooseOption(encodeCaseChoice(v.dataset.caseVersion!, option)));
			renderCase();
			$(v, '[data-analysis]')!.scrollIntoView({ block: 'nearest' });
		});
	}

	/** Shows one version: the one decided on, else the learner's setting's, else the base case. */
	function renderCase(): void {
		const choice = entry().choice;
		const key = versionToShow(choice, caseSetting(store.progress.get()), versionKeys);
		const active = versions[versionKeys.indexOf(key)];
		for (const v of versions) v.classList.toggle('active', v === active);
		if (active instanceof HTMLDetailsElement) active.open = true;
		caseTitle.textContent = active.dataset.title!;
		caseKicker.textContent = active.dataset.kicker!;
		if (tocCase) tocCase.textContent = key ? `Cas pratique : ${active.dataset.title}` : tocCaseText;
		const decided = decodeCaseChoice(choice);
		if (!decided || decided.version !== key) return;
		const decision = $<HTMLFieldSetElement>(active, '[data-case]')!;
		const option = $(decision, `[data-choice="${decided.option}"]`);
		if (!option) return;
		for (const input of $$<HTMLInputElement>(decision, 'input')) {
			input.checked = input.value === decided.option;
			input.disabled = true;
		}
		$(decision, '.q-actions')!.hidden = true;
		// Every option's explanation opens (the chosen one marked): why the others were sound or risky teaches too.
		for (const li of $$(decision, '[data-choice]')) {
			li.classList.toggle('chosen', li === option);
			const why = $<HTMLDetailsElement>(li, '[data-why]')!;
			why.open = true;
			why.classList.add('revealed');
		}
		const verdict = option.dataset.verdict;
		const caseFeedback = $(active, '[data-case-feedback]')!;
		caseFeedback.className = `q-feedback notice ${verdict === 'sound' ? 'ok' : verdict === 'partial' ? 'info' : 'error'}`;
		caseFeedback.textContent = `Votre choix : « ${$(option, '[data-option-text]')!.textContent!.trim().replace(/[.\s]+$/, '')} ». ${$(option, '.verdict')!.textContent} ${$(option, '[data-option-why]')!.textContent}`;
		const analysis = $<HTMLDetailsElement>(active, '[data-analysis]')!;
		analysis.open = true;
		analysis.classList.add('revealed');
	}

	// ---------------------------------------------------------- quiz
	const quizEl = parts.get(AT_QUIZ)!;
	const list = $(quizEl, '[data-quiz-list]')!;
	const items = new Map($$(list, '[data-quiz-item]').map((li) => [li.dataset.quizItem!, li]));
	const questions = [...items.values()].map((li) => readQuestion($<HTMLFieldSetElement>(li, 'fieldset')!));
	const byId = new Map(questions.map((q) => [q.id, q]));
	const quizNext = $<HTMLButtonElement>(quizEl, '[data-quiz-next]')!;
	const result = $(quizEl, '[data-result]')!;
	const best = $(quizEl, '[data-best]')!;
	let shownSeed = 0;
	/** The question on screen (answered ones stay until the learner moves on). */
	let asked: string | null = null;
	for (const q of questions) armQuestion(q, (ids) => {
		const e = update(answerQuiz(q.id, ids, entry().quiz?.seed ?? randomSeed()));
		showAnswered(q, decodeAnswer(e.quiz?.answers[q.id]));
		asked = q.id;
		renderQuiz(false);
		quizNext.focus();
	});

	function renderBest(): void {
		const m = store.moduleEntry(moduleId);
		best.hidden = !(m && m.attempts > 0);
		if (m && m.attempts > 0) best.textContent = `${fill(L.best, { percent: m.best })}${m.version < cv ? ` ${fill(L.earlier, { version: m.version })}` : ''}`;
	}

	/** Draws the quiz from the stored attempt: its order, the answers so far, the next question. */
	function renderQuiz(focus: boolean): void {
		renderBest();
		if (!result.hidden) return;
		let e = entry();
		if (!e.quiz) {
			if (current !== AT_QUIZ) return;
			e = update(startQuiz(randomSeed()));
		}
		const attempt = e.quiz!;
		const ord = attemptOrder(questions, attempt.seed);
		if (shownSeed !== attempt.seed) {
			shownSeed = attempt.seed;
			for (const o of ord) {
				const q = byId.get(o.id)!;
				list.append(items.get(o.id)!);
				const ul = $(q.el, '[data-choices]')!;
				for (const c of o.choices) ul.append($(ul, `[data-choice="${c}"]`)!);
				if (!Object.hasOwn(attempt.answers, q.id)) resetQuestion(q);
			}
		}
		ord.forEach((o, k) => {
			const q = byId.get(o.id)!;
			$(q.el, '[data-kicker]')!.textContent = fill(L.question, { n: k + 1, total: ord.length });
			if (Object.hasOwn(attempt.answers, o.id) && !$(q.el, '[data-answer]')!.classList.contains('revealed')) {
				showAnswered(q, decodeAnswer(attempt.answers[o.id]));
			}
		});
		const pending = ord.find((o) => !Object.hasOwn(attempt.answers, o.id));
		if (!asked || !byId.has(asked)) asked = pending?.id ?? ord[ord.length - 1].id;
		const showId = asked;
		for (const [id, li] of items) li.classList.toggle('asked', id === showId);
		const showing = Object.hasOwn(attempt.answers, showId);
		quizNext.hidden = !showing;
		quizNext.textContent = pending ? L.next : L.finish;
		quizNext.dataset.action = pending ? 'next' : 'finish';
		if (focus && showId) $(items.get(showId)!, 'legend')!.focus();
	}

	quizNext.addEventListener('click', () => {
		if (quizNext.dataset.action === 'finish') return finish();
		const e = entry();
		const ord = attemptOrder(questions, e.quiz!.seed);
		const pending = ord.find((o) => !Object.hasOwn(e.quiz!.answers, o.id));
		asked = pending?.id ?? null;
		renderQuiz(true);
	});

	function finish(): void {
		const e = entry();
		if (!e.quiz) return;
		const answers: Record<string, string[]> = {};
		for (const [id, code] of Object.entries(e.quiz.answers)) answers[id] = decodeAnswer(code);
		const r = scoreQuiz(questions, answers);
		const missedChecks = checks.filter((q) => Object.hasOwn(e.checks, q.id) && !isCorrect(q, decodeAnswer(e.checks[q.id]))).map((q) => q.id);
		store.recordAttempt(moduleId, cv, { percent: r.percent, passed: r.passed, missed: [...r.missed, ...missedChecks] });
		update(endQuiz());
		for (const li of items.values()) li.classList.remove('asked');
		quizNext.hidden = true;
		// The result box is drawn by a lazy chunk (the attempt is already recorded above).
		void import('./lesson-result').then(({ showResult }) => {
			showResult({ store, base, result, score: r, missedChecks });
			result.hidden = false;
			renderBest();
			result.focus();
		});
	}

	$(result, '[data-retry]')!.addEventListener('click', () => {
		result.hidden = true;
		update(startQuiz(randomSeed()));
		shownSeed = 0;
		for (const q of questions) resetQuestion(q);
		asked = null;
		renderQuiz(true);
	});

	// ---------------------------------------------------------- listen (local French voice only)
	// The control shows only with a local French voice; its code loads then (lesson-listen.ts).
	const listenButtons = $$<HTMLButtonElement>(root, '[data-listen]');
	let listen: { stop(): void; apply(): void } | null = null;
	stopSpeaking = () => listen?.stop();
	for (const b of listenButtons) b.closest<HTMLElement>('.listen')!.hidden = true;
	const checkVoices = (): void => {
		if (listen) return listen.apply();
		if (!window.speechSynthesis?.getVoices().some((v) => /^fr(-|_|$)/i.test(v.lang) && v.localService === true)) return;
		void import('./lesson-listen').then((m) => {
			listen ??= m.initListen(listenButtons);
			listen.apply();
		});
	};
	if ('speechSynthesis' in window) {
		checkVoices();
		window.speechSynthesis.addEventListener?.('voiceschanged', checkVoices);
	}

	// ---------------------------------------------------------- print: every answer
	let closedForPrint: HTMLDetailsElement[] = [];
	window.addEventListener('beforeprint', () => {
		closedForPrint = $$<HTMLDetailsElement>(root, 'details:not([open])');
		for (const d of closedForPrint) d.open = true;
	});
	window.addEventListener('afterprint', () => {
		for (const d of closedForPrint) d.open = false;
		closedForPrint = [];
	});

	// ---------------------------------------------------------- restore
	function restoreAnswers(): void {
		const e = entry();
		for (const q of checks) {
			if (Object.hasOwn(e.checks, q.id) && !$(q.el, '[data-answer]')!.classList.contains('revealed')) showAnswered(q, decodeAnswer(e.checks[q.id]));
		}
		renderCase();
	}
	restoreAnswers();
	renderLeft();
	const start = entry();
	const hashAt = fromHash(location.hash);
	const at = hashAt ?? start.at;
	show(at, !!hashAt);
	if (hashAt) update(goTo(outline, hashAt));
	if (!hashAt && (start.at !== outline.steps[0] || start.far > 0)) {
		const resume = $(article, '[data-resume]')!;
		const link = $<HTMLAnchorElement>(resume, '[data-resume-link]')!;
		const answered = start.quiz ? Object.keys(start.quiz.answers).length : 0;
		link.textContent =
			start.at === AT_CASE ? 'Reprendre au cas pratique' : start.at === AT_QUIZ ? (answered > 0 ? `Reprendre le quiz (${answered} réponse${answered > 1 ? 's' : ''} gardée${answered > 1 ? 's' : ''})` : 'Reprendre au quiz') : `Reprendre à l’étape ${outline.steps.indexOf(start.at) + 1} sur ${n}`;
		link.href = `#${outline.steps.includes(start.at) ? stepAnchor(start.at) : start.at === AT_CASE ? 'cas' : 'quiz'}`;
		link.addEventListener('click', (ev) => {
			ev.preventDefault();
			show(current, true);
		});
		resume.hidden = false;
	} else {
		$(article, '[data-resume]')!.hidden = true;
	}

	// Another tab moved on: take its answers (the place stays this tab's own).
	section.subscribe(() => {
		restoreAnswers();
		renderLeft();
		if (current === AT_QUIZ) renderQuiz(false);
	});
	// A nurse setting chosen in another tab picks the case version (until one is decided).
	store.subscribe(renderCase);
}
