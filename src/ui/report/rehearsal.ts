// The page's half of the engine's rehearsal (engine/rehearsal.ts). The report views are compiled
// when they first render, like the engine's code when it first runs: measured, a warm page's first
// drop of a 100 KB envelope spent 30–45 ms in the page rendering its report, a third of it in the
// signed tree's first render. Once the prewarmed worker has rehearsed, the page renders that
// result's report and detail views once into an element that is never attached (no layout, no
// paint, nothing for assistive technology) and unmounts them, while no file has been dropped.
import { flushSync, mount, unmount } from 'svelte';
import type { AnalysisResult } from '../../analyze';
import { prewarmEngine, takeRehearsal } from '../../engine/client';
import type { UiActions } from '../actions';
import ReportRehearsal from './ReportRehearsal.svelte';

/** Detail views may ask the page for things; the rehearsal's ask for nothing and get nothing. */
const NO_ACTIONS: UiActions = {
	entryPassword: () => {},
	toggleTrustAnchor: () => {},
	isTrustAnchor: () => false,
	setTruststore: () => {},
	isTruststore: () => false,
	setCaptureTime: () => {},
	addRawKey: () => {},
	setConnector: () => {},
	describeCertificate: () => Promise.resolve(null),
	copy: () => {},
};

/** The mark the rehearsal leaves in the page's performance timeline (its e2e test reads it). */
const REPORT_REHEARSAL_MARK = 'wssec:report-rehearsal';

/**
 * Renders the result's report views once off the document and removes them. Returns whether it
 * did; a failure is swallowed (the rehearsal only compiles code: a real drop renders, and
 * reports, whatever went wrong).
 */
export function rehearseReport(result: AnalysisResult): boolean {
	const target = document.createElement('div');
	let views: ReturnType<typeof mount> | null = null;
	try {
		views = mount(ReportRehearsal, { target, props: { result, actions: NO_ACTIONS } });
		flushSync();
		// what was rendered: the report, and the detail view of each input that has one
		const details = target.querySelectorAll('.detail').length;
		performance.mark(REPORT_REHEARSAL_MARK, { detail: { details } });
		return true;
	} catch {
		return false;
	} finally {
		// nothing of it stays, also when rendering failed half-way
		if (views) void unmount(views);
	}
}

/** Settled once the page's report rehearsal is done or skipped (the bench hook waits for it). */
let rehearsal: Promise<boolean> = Promise.resolve(false);

/** The report rehearsal of the page's prewarm (see rehearseAfterPrewarm). */
export function reportRehearsal(): Promise<boolean> {
	return rehearsal;
}

/**
 * Prewarms the engine and, once its worker has rehearsed, rehearses the report views with that
 * result when the page is idle, unless a file has been dropped meanwhile (its own report renders).
 */
export function rehearseAfterPrewarm(): void {
	const idle = (run: () => void) =>
		typeof requestIdleCallback === 'function' ? requestIdleCallback(run) : setTimeout(run, 0);
	rehearsal = prewarmEngine().then(() => {
		const result = takeRehearsal();
		if (!result) return false;
		return new Promise<boolean>((resolve) =>
			idle(() =>
				resolve(!document.querySelector('[data-testid="input-card"]') && rehearseReport(result)),
			),
		);
	});
}
