// "Save report": one self-contained HTML file with the page's own renderer (its script and
// stylesheet, inline) and the redacted report as a JSON data block. Its CSP allows exactly that
// inline script (by hash) and no network at all, so it opens offline, from disk, in any browser.
import { toBase64 } from '../../core/bytes/encoding';
import type { SharePayload } from '../../core/share/share-link';

/** The page's script and stylesheet as text (assets/renderer.js, or the saved file's own). */
export interface Renderer {
	js: string;
	css: string;
}

declare global {
	interface Window {
		__wssecRenderer?: Renderer;
	}
}

const RENDERER_SCRIPT = 'assets/renderer.js';
/** The id of the data block a saved report carries; main.ts looks for it at start. */
export const SAVED_REPORT_ID = 'wssec-saved-report';

/** Loads assets/renderer.js once (a script tag: the CSP allows 'self' scripts, not fetch). */
export function loadRenderer(): Promise<Renderer> {
	if (window.__wssecRenderer) return Promise.resolve(window.__wssecRenderer);
	return new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = RENDERER_SCRIPT;
		script.onload = () => {
			if (window.__wssecRenderer) resolve(window.__wssecRenderer);
			else reject(new Error(`${RENDERER_SCRIPT} did not define the renderer`));
		};
		script.onerror = () =>
			reject(new Error(`Could not load ${RENDERER_SCRIPT} (saving needs the built page)`));
		document.head.append(script);
	});
}

/**
 * Text that is safe inside a <script> element: no "</script" that would end it and no "<!--"
 * that would switch the tokenizer's state. \x3C is "<" in string, template and regex literals,
 * the only places where minified code holds these sequences.
 */
export function scriptSafe(js: string): string {
	return js.replace(/<\/script/gi, '\\x3C/script').replace(/<!--/g, '\\x3C!--');
}

/** JSON inside a data block: "<" escaped, so no content can close the element. */
export function jsonSafe(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

async function sha256Base64(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return toBase64(new Uint8Array(digest));
}

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The whole saved file. The CSP is the live page's, with the inline script allowed by hash. */
export async function savedReportHtml(payload: SharePayload, renderer: Renderer): Promise<string> {
	const js = scriptSafe(renderer.js);
	const hash = await sha256Base64(js);
	const csp = [
		"default-src 'none'",
		`script-src 'sha256-${hash}'`,
		"style-src 'unsafe-inline'",
		'img-src data: blob:',
		"connect-src 'none'",
		"font-src 'none'",
		"object-src 'none'",
		"media-src 'none'",
		"frame-src 'none'",
		"worker-src 'none'",
		"base-uri 'none'",
		"form-action 'none'",
	].join('; ');
	const title = `wssec-analyzer report ${payload.report.generatedAt} (grade ${payload.report.grade.overall})`;
	return [
		'<!doctype html>',
		'<html lang="en" data-state="idle" data-saved="yes">',
		'<head>',
		'<meta charset="utf-8" />',
		`<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
		'<meta name="viewport" content="width=device-width, initial-scale=1" />',
		'<meta name="referrer" content="no-referrer" />',
		'<meta name="color-scheme" content="light dark" />',
		`<title>${escapeHtml(title)}</title>`,
		'<link rel="icon" href="data:," />',
		`<style>${renderer.css.replace(/<\/style/gi, '<\\/style')}</style>`,
		'</head>',
		'<body>',
		'<div id="app"></div>',
		`<script type="application/json" id="${SAVED_REPORT_ID}">${jsonSafe(payload)}</script>`,
		`<script>${js}</script>`,
		'</body>',
		'</html>',
		'',
	].join('\n');
}

/** A file name for a saved report: wssec-report-2026-01-31T12-00-00Z.html */
export function savedReportFileName(generatedAt: string): string {
	const stamp = generatedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
	return `wssec-report-${stamp}.html`;
}

/**
 * The renderer as the saved file itself carries it (inline script and style), so a saved report
 * can be saved again. Called once at start, before anything else runs.
 */
export function adoptInlineRenderer(script: HTMLOrSVGScriptElement | null): void {
	if (window.__wssecRenderer || !script || (script as HTMLScriptElement).src) return;
	const style = document.querySelector('head > style');
	window.__wssecRenderer = { js: script.textContent ?? '', css: style?.textContent ?? '' };
}

/** The payload a saved file carries, as unchecked JSON (the caller validates it). */
export function readSavedPayload(): unknown {
	const block = document.getElementById(SAVED_REPORT_ID);
	if (!block) return undefined;
	try {
		return JSON.parse(block.textContent ?? '') as unknown;
	} catch (error) {
		// not JSON: the caller shows the null as a damaged saved report
		if (!(error instanceof SyntaxError)) throw error;
		return null;
	}
}

/** Builds the saved report for `payload` and offers it as a download. Throws when it cannot. */
export async function saveReport(
	payload: SharePayload,
	download: (text: string, name: string, type: string) => void,
): Promise<void> {
	const renderer = await loadRenderer();
	download(
		await savedReportHtml(payload, renderer),
		savedReportFileName(payload.report.generatedAt),
		'text/html',
	);
}
