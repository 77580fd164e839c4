import { describe, expect, it } from 'vitest';
import { emptyPersist, exportReminderDue, parsePersist, REMIND_EVERY, shouldAskPersist } from '../../src/lib/progress/persistence';

describe('persistent storage request and export reminder (issue 16, item 6)', () => {
	it('asks once, after the first completed module', () => {
		expect(shouldAskPersist(emptyPersist(), 0)).toBe(false);
		expect(shouldAskPersist(emptyPersist(), 1)).toBe(true);
		expect(shouldAskPersist({ asked: true, granted: false, remindedAt: 1 }, 2)).toBe(false);
	});
	it('reminds to export every few completed modules while refused, never once granted', () => {
		const refused = { asked: true, granted: false, remindedAt: 1 };
		expect(exportReminderDue(refused, 1 + REMIND_EVERY - 1)).toBe(false);
		expect(exportReminderDue(refused, 1 + REMIND_EVERY)).toBe(true);
		expect(exportReminderDue({ asked: true, granted: null, remindedAt: 0 }, REMIND_EVERY)).toBe(true);
		expect(exportReminderDue({ asked: true, granted: true, remindedAt: 0 }, 20)).toBe(false);
		expect(exportReminderDue(emptyPersist(), 5)).toBe(false);
	});
	it('reads what it wrote and survives damaged values', () => {
		const r = { asked: true, granted: false, remindedAt: 4 };
		expect(parsePersist(JSON.parse(JSON.stringify(r))).value).toEqual(r);
		expect(parsePersist(undefined).value).toEqual(emptyPersist());
		expect(parsePersist('x').problem).toBe('corrupt');
		expect(parsePersist({ asked: 'yes', granted: 3, remindedAt: -2 }).value).toEqual(emptyPersist());
		expect(parsePersist({ __proto__: { asked: true } }).value.asked).toBe(false);
	});
});
