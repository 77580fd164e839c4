#!/usr/bin/env node
/** Renders the PNG app icons (manifest, apple-touch) from the SVG logo. Run once after changing the logo. */
import sharp from 'sharp';
const svg = (pad) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="${pad ? 0 : 96}" fill="#005f73"/><path d="M156 256h200M256 156v200" stroke="#fff" stroke-width="64" stroke-linecap="round"/></svg>`);
for (const [size, name, maskable] of [[192, 'icon-192.png', false], [512, 'icon-512.png', false], [512, 'icon-maskable-512.png', true]]) {
	await sharp(svg(maskable)).resize(size, size).png().toFile(`public/icons/${name}`);
}
console.log('icons written');
