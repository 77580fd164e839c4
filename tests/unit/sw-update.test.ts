import { describe, expect, it } from 'vitest';
import { onControllerChange, onUpdateClick } from '../../src/lib/sw-update';

describe('service worker update across tabs', () => {
	it('reloads only the tab where the learner asked for the update', () => {
		expect(onControllerChange({ requestedHere: true, hadController: true, reloading: false })).toBe('reload');
	});
	it('never reloads another tab: it shows the notice, even with the update banner open', () => {
		expect(onControllerChange({ requestedHere: false, hadController: true, reloading: false })).toBe('notify');
	});
	it('does nothing when the first install claims the page, or when a reload is under way', () => {
		expect(onControllerChange({ requestedHere: false, hadController: false, reloading: false })).toBe('ignore');
		expect(onControllerChange({ requestedHere: true, hadController: true, reloading: true })).toBe('ignore');
		expect(onControllerChange({ requestedHere: false, hadController: true, reloading: true })).toBe('ignore');
	});
	it('the button asks a waiting worker to take over, else (already active elsewhere) reloads this tab', () => {
		expect(onUpdateClick('installed')).toBe('skip-waiting');
		for (const s of ['activating', 'activated', 'redundant', undefined] as const) expect(onUpdateClick(s)).toBe('reload');
	});
});
