/**
 * « Écouter cette étape »: reads a step aloud with the browser's speech synthesis, only with a
 * French voice whose `localService` is true (a network voice would send the text out). Pause and
 * resume; never starts by itself. A lazy chunk of the lesson script, loaded only when such a
 * voice exists.
 */
type State = 'idle' | 'playing' | 'paused';

function localFrenchVoice(): SpeechSynthesisVoice | undefined {
	return window.speechSynthesis?.getVoices().find((v) => /^fr(-|_|$)/i.test(v.lang) && v.localService === true);
}

function setListen(b: HTMLButtonElement, state: State): void {
	b.textContent = state === 'idle' ? 'Écouter cette étape' : state === 'playing' ? 'Mettre en pause' : 'Reprendre la lecture';
	b.setAttribute('aria-pressed', String(state === 'playing'));
	b.dataset.state = state;
}

/** Wires the listen buttons; `apply` shows or hides them as voices come and go, `stop` stops reading. */
export function initListen(buttons: HTMLButtonElement[]): { stop(): void; apply(): void } {
	let speaking: HTMLButtonElement | null = null;
	const stop = (): void => {
		if (!speaking) return;
		window.speechSynthesis?.cancel();
		setListen(speaking, 'idle');
		speaking = null;
	};
	const apply = (): void => {
		const has = !!localFrenchVoice();
		for (const b of buttons) b.closest<HTMLElement>('.listen')!.hidden = !has;
	};
	for (const b of buttons) {
		b.addEventListener('click', () => {
			const synth = window.speechSynthesis;
			const voice = localFrenchVoice();
			if (!voice) return apply();
			if (speaking === b && b.dataset.state === 'playing') {
				synth.pause();
				return setListen(b, 'paused');
			}
			if (speaking === b && b.dataset.state === 'paused') {
				synth.resume();
				return setListen(b, 'playing');
			}
			stop();
			const part = b.closest<HTMLElement>('[data-part]')!;
			const text = [part.querySelector('h2')?.textContent, part.querySelector('[data-step-body]')?.textContent].join('. ').replace(/\s+/g, ' ');
			const u = new SpeechSynthesisUtterance(text);
			u.voice = voice;
			u.lang = voice.lang;
			u.onend = () => {
				if (speaking === b) {
					setListen(b, 'idle');
					speaking = null;
				}
			};
			speaking = b;
			setListen(b, 'playing');
			synth.speak(u);
		});
	}
	return { stop, apply };
}
