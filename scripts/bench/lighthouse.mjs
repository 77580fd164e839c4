/**
 * Lighthouse runs on Debian's Chromium: Lighthouse's default (mobile) configuration, simulated
 * throttling, one fresh headless browser per run (no cache or storage carried over). Lighthouse
 * needs no network for these four categories: everything it audits comes from the page.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CATEGORIES } from './report.mjs';

export const LIGHTHOUSE_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * One Lighthouse run of `url`; returns the result (lhr). `cpuMultiplier` replaces the default
 * 4× CPU slowdown (for a host much slower or faster than Lighthouse's reference desktop).
 */
export async function lighthouseRun(url, cpuMultiplier = null) {
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		chromeFlags: LIGHTHOUSE_FLAGS,
		logLevel: 'silent',
	});
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: [...CATEGORIES],
			...(cpuMultiplier ? { throttling: { cpuSlowdownMultiplier: cpuMultiplier } } : {}),
		});
		if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
		return result.lhr;
	} finally {
		chrome.kill();
	}
}
