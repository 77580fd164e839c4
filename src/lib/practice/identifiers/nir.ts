/**
 * The French social-security number (NIR, "numéro de sécurité sociale", also the INS for most
 * people): 13 characters + a 2-digit key.
 *
 *   sex (1) · year (2) · month (2) · department (2, or 2A/2B) · commune (3) · order (3) · key (2)
 *
 * - sex: 1 or 2; 3, 4, 7, 8 appear in provisional or foreign-born numbers;
 * - month: 01–12, plus 20–42 and 50–99 for incomplete civil-status records;
 * - department: 01–99 (99 = born abroad), 2A/2B for Corsica; overseas departments take three
 *   digits (971–988) and leave two for the commune, which does not change the length;
 * - key = 97 − (the 13 first digits mod 97), where 2A counts as 19 and 2B as 18.
 */

export type NirCheck =
	{ ok: true; compact: string } | { ok: false; compact: string; reason: 'format' | 'structure' | 'key' };

/** Digits and the Corsican letters only: spaces, dots, dashes and NBSP are ignored. */
export function compactNir(raw: string): string {
	return raw.replace(/[\s.\-\u00a0\u202f]/g, '').toUpperCase();
}

/** 13 characters, Corsica letters only at department position. */
const BODY = /^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{6}$/;

/** Whether sex, month and department digits are ones a real NIR can carry. */
export function hasNirStructure(body13: string): boolean {
	if (!BODY.test(body13)) return false;
	if (!'123478'.includes(body13[0])) return false;
	const month = Number(body13.slice(3, 5));
	const monthOk = (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
	if (!monthOk) return false;
	const dept = body13.slice(5, 7);
	if (dept === '00') return false;
	return true;
}

/** The key for 13 characters (with 2A → 19, 2B → 18 before the modulo). */
export function nirKey(body13: string): number {
	const numeric = body13.replace('2A', '19').replace('2B', '18');
	// 13 digits exceed 2^53 only barely: BigInt keeps the modulo exact.
	return 97 - Number(BigInt(numeric) % 97n);
}

/**
 * Checks a written NIR (with or without spaces): true only for 15 characters with a plausible
 * structure and the right key.
 */
export function validateNirKey(nir: string): boolean {
	return checkNir(nir).ok;
}

/** Like validateNirKey, with the reason for a refusal. */
export function checkNir(nir: string): NirCheck {
	const compact = compactNir(typeof nir === 'string' ? nir : '');
	if (!/^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{8}$/.test(compact)) return { ok: false, compact, reason: 'format' };
	const body = compact.slice(0, 13);
	if (!hasNirStructure(body)) return { ok: false, compact, reason: 'structure' };
	if (nirKey(body) !== Number(compact.slice(13))) return { ok: false, compact, reason: 'key' };
	return { ok: true, compact };
}
