/**
 * QR codes drawn at build time as inline SVG (the `qrcode` package), for the printed huddle
 * sheets: the code opens the module at its absolute URL. The SVG is checked to be plain
 * shapes: no script, no link, no external reference, nothing the CSP or a printer could trip on.
 */
import QRCode from 'qrcode';

/** Error correction M (about 15 % of the code can be damaged) and the margin used everywhere. */
export const QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 2 } as const;

/** Escapes text for an XML attribute. */
function escapeAttr(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** True when an SVG string holds only inert markup (no script, event handler, link or external reference). */
export function isInertSvg(svg: string): boolean {
	return !/<script|<foreignObject|<use|<image|\bon[a-z]+\s*=|href\s*=|url\s*\(|<!ENTITY|<!DOCTYPE/i.test(svg);
}

/**
 * The QR code of an http(s) URL as an SVG string with `role="img"` and an `aria-label` naming
 * the URL (`label` replaces the default wording). `level` 'L' (7 % recovery) keeps a long URL,
 * such as an attestation record, less dense on paper. Throws on any other input: a broken code on
 * a printed sheet must fail the build, not reach the ward.
 */
export async function qrSvg(url: string, label = `Code QR vers ${url}`, level: 'L' | 'M' = QR_OPTIONS.errorCorrectionLevel): Promise<string> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new TypeError(`qrSvg: not a URL: ${url}`);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TypeError(`qrSvg: only http(s) URLs, got ${url}`);
	const raw = await QRCode.toString(url, { ...QR_OPTIONS, errorCorrectionLevel: level });
	const svg = raw.trim().replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttr(label)}" focusable="false"`);
	if (!svg.startsWith('<svg role="img"') || !svg.endsWith('</svg>') || !isInertSvg(svg)) {
		throw new Error('qrSvg: unexpected SVG from the qrcode package');
	}
	return svg;
}

/** Side of the code in modules, margin included: the SVG's viewBox is `0 0 size size`. */
export function qrSize(url: string): number {
	return QRCode.create(url, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel }).modules.size + 2 * QR_OPTIONS.margin;
}
