// Making a share link from the live report: encode within the size limit (largest details
// dropped first, with a note), then the address: the page's own on http(s), the fragment alone
// from file:// (it holds the sender's local path), or the public address the user set once.
import {
	encodeWithinLimit,
	MAX_FRAGMENT_CHARS,
	type SharePayload,
} from '../../core/share/share-link';
import { linkFor } from '../share/address';

export class ShareMaker {
	url = $state<string | null>(null);
	/** The fragment written into the address bar (without '#'). */
	fragment = $state<string | null>(null);
	tooLarge = $state<number | null>(null);
	error = $state<string | null>(null);
	working = $state(false);
	/** Sections left out to fit the limit, with how many items each had. */
	omitted = $state.raw<{ section: string; count: number }[]>([]);

	async make(payload: SharePayload, passphrase: string, publicUrl: string | null): Promise<void> {
		this.working = true;
		this.error = null;
		this.tooLarge = null;
		this.url = null;
		this.omitted = [];
		try {
			const result = await encodeWithinLimit(payload, passphrase || null);
			if (result.fragment === null) {
				this.tooLarge = result.length;
				return;
			}
			this.omitted = (result.payload.omitted ?? []).map((section) => ({
				section,
				count:
					section === 'fixes'
						? (payload.fixes?.length ?? 0)
						: (payload.report[section as keyof SharePayload['report']] as unknown[]).length,
			}));
			// replaceState: the link is in the address bar without adding a history entry.
			history.replaceState(null, '', `${location.pathname}${location.search}#${result.fragment}`);
			this.fragment = result.fragment;
			this.url = linkFor(result.fragment, publicUrl);
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.working = false;
		}
	}

	reset(): void {
		this.url = null;
		this.fragment = null;
		this.tooLarge = null;
		this.error = null;
		this.omitted = [];
	}
}

export { MAX_FRAGMENT_CHARS };
