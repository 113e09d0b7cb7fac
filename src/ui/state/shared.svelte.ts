// A report opened from a share link: read-only, decoded from the URL fragment (never fetched).
import { ParseError } from '../../core/errors';
import {
	decodeShareFragment,
	isShareFragment,
	parseSharePayload,
	shareMode,
	type SharePayload,
} from '../../core/share/share-link';

export type SharedStatus = 'none' | 'needs-passphrase' | 'loading' | 'ready' | 'error';
/** Where the read-only report came from: a share link, or a saved report file. */
export type SharedSource = 'link' | 'saved';

export class SharedView {
	status = $state<SharedStatus>('none');
	payload = $state.raw<SharePayload | null>(null);
	error = $state<string | null>(null);
	wrongPassphrase = $state(false);
	source = $state<SharedSource>('link');
	private fragment = '';

	/** True while the page shows a shared report (or its passphrase prompt or error). */
	active = $derived(this.status !== 'none');
	loading = $derived(this.status === 'loading');

	/**
	 * Opens the report a saved file carries (its data block), checked like a link's. Returns false
	 * when the page is not a saved report.
	 */
	openSaved(data: unknown): boolean {
		if (data === undefined) return false;
		this.source = 'saved';
		const payload = parseSharePayload(data);
		if (payload) {
			this.payload = payload;
			this.status = 'ready';
		} else {
			this.error = 'This saved report is damaged: its data is not a report from this tool.';
			this.status = 'error';
		}
		return true;
	}

	/** Opens the report in `location.hash` if it is a share link; otherwise leaves the page live. */
	openFromLocation(): void {
		if (this.source === 'saved') return;
		const hash = location.hash;
		if (!isShareFragment(hash)) return;
		this.fragment = hash.replace(/^#/, '');
		this.payload = null;
		this.error = null;
		this.wrongPassphrase = false;
		if (shareMode(this.fragment) === 'encrypted') this.status = 'needs-passphrase';
		else void this.decode(null);
	}

	unlock(passphrase: string): void {
		void this.decode(passphrase);
	}

	private async decode(passphrase: string | null): Promise<void> {
		this.status = 'loading';
		try {
			this.payload = await decodeShareFragment(this.fragment, passphrase);
			this.status = 'ready';
		} catch (error) {
			if (error instanceof ParseError && error.code === 'share/wrong-passphrase') {
				this.wrongPassphrase = true;
				this.status = 'needs-passphrase';
				return;
			}
			this.error =
				error instanceof ParseError
					? error.message
					: 'This link could not be opened in this browser.';
			this.status = 'error';
		}
	}

	/** Leaves the shared report: removes the fragment and shows an empty live page. */
	leave(): void {
		history.replaceState(null, '', location.pathname + location.search);
		this.status = 'none';
		this.payload = null;
		this.error = null;
	}
}
