// Making a share link from the live report: encode, size check, write it into the address bar.
import type { Report } from '../../core/report/report';
import { encodeShareFragment, MAX_FRAGMENT_CHARS } from '../../core/share/share-link';
import type { ConnectorForm } from '../../core/tls/facts';

export class ShareMaker {
	url = $state<string | null>(null);
	tooLarge = $state<number | null>(null);
	error = $state<string | null>(null);
	working = $state(false);

	async make(report: Report, connector: ConnectorForm | null, passphrase: string): Promise<void> {
		this.working = true;
		this.error = null;
		this.tooLarge = null;
		this.url = null;
		try {
			const fragment = await encodeShareFragment({ report, connector }, passphrase || null);
			if (fragment.length > MAX_FRAGMENT_CHARS) {
				this.tooLarge = fragment.length;
				return;
			}
			// replaceState: the link is in the address bar without adding a history entry.
			history.replaceState(null, '', `${location.pathname}${location.search}#${fragment}`);
			this.url = location.href;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.working = false;
		}
	}

	reset(): void {
		this.url = null;
		this.tooLarge = null;
		this.error = null;
	}
}
