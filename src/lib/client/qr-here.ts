/**
 * Huddle sheets: the QR code and the printed link point at this very server. The build only
 * knows the public address when SITE_URL is set; a copied `dist/`, `npm start` or an intranet
 * under another name would otherwise print a code to the wrong place. So, on load, each
 * `[data-qr-path]` block is redrawn from the page's own address (same origin, same base path)
 * whenever that differs from what the build drew. The SVG is checked to be inert first.
 */
import { qrSvg } from '../qr';

export async function drawQrHere(doc: Document = document, here: string = location.href): Promise<void> {
	for (const block of doc.querySelectorAll<HTMLElement>('[data-qr-path]')) {
		const url = new URL(block.dataset.qrPath!, here).href;
		const link = block.querySelector<HTMLAnchorElement>('.module-url');
		const box = block.querySelector<HTMLElement>('[data-qr]');
		if (!box || block.dataset.qrUrl === url) continue;
		// qrSvg refuses anything but an http(s) URL and returns inert SVG only.
		box.innerHTML = await qrSvg(url, `Code QR vers le module : ${url}`);
		block.dataset.qrUrl = url;
		if (link) link.textContent = url;
	}
}
