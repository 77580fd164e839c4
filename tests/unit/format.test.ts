import { describe, expect, it } from 'vitest';
import { formatMinutes, percentOf, plural } from '../../src/lib/format';

describe('percentOf', () => {
	it.each([
		[4, 6, 67],
		[2, 3, 67],
		[1, 3, 33],
		[5, 6, 83],
		[1, 8, 13],
		[0, 5, 0],
		[5, 5, 100],
		[1, 200, 1],
		[1, 201, 0],
	])('%i of %i is %i %%', (part, total, expected) => {
		expect(percentOf(part, total)).toBe(expected);
	});
	it('is 0 for an empty or impossible total, and stays within 0..100', () => {
		expect(percentOf(0, 0)).toBe(0);
		expect(percentOf(3, -1)).toBe(0);
		expect(percentOf(Number.NaN, 3)).toBe(0);
		expect(percentOf(7, 5)).toBe(100);
		expect(percentOf(-2, 5)).toBe(0);
	});
});

describe('formatMinutes and plural', () => {
	it('writes each duration once, in hours and minutes', () => {
		expect(formatMinutes(57)).toBe('57 min');
		expect(formatMinutes(88)).toBe('1 h 28 min');
		expect(formatMinutes(120)).toBe('2 h');
		expect(formatMinutes(65)).toBe('1 h 05 min');
	});
	it('French plural: singular for 0 and 1', () => {
		expect(plural(0, 'module')).toBe('0 module');
		expect(plural(1, 'module')).toBe('1 module');
		expect(plural(2, 'module')).toBe('2 modules');
	});
});
