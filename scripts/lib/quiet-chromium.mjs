// Chromium without its address-bar popup, for the bench and the end-to-end tests. Chromium 156
// loads the popup (chrome://omnibox-popup.top-chrome, a page of Chromium's own) in a renderer of
// its own whenever a window opens, and Playwright opens a window for every browser context: each
// fresh page shared the machine's two cores with about 0.5 s of Chromium compiling its own
// scripts (traced in session 12). A user who opens the page in a tab of a running browser does
// not wait for it, and nothing of the web platform depends on it.

/** The features that make Chromium load the popup with every window. */
const WINDOW_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

/**
 * The value of a `--disable-features` that turns WINDOW_UI_FEATURES off and keeps off what
 * Playwright turns off. Chromium honours only the last --disable-features on its command line and
 * Playwright puts its own first, so ours repeats Playwright's list, read from the command line a
 * probe browser (`launch()`, launched as the real one will be) shows on chrome://version.
 */
export async function quietDisabledFeatures(launch) {
	const probe = await launch();
	try {
		const page = await probe.newPage();
		await page.goto('chrome://version');
		const line = (await page.locator('#command_line').textContent()) ?? '';
		const found = /--disable-features=(\S+)/.exec(line);
		if (!found) throw new Error("no --disable-features on the probe browser's command line");
		return [...found[1].split(','), ...WINDOW_UI_FEATURES].join(',');
	} finally {
		await probe.close();
	}
}
