// Where a share link points: the page's own address on a public host, the fragment alone from
// file:// (the sender's local path stays private), or a public address the user set once.

const PUBLIC_URL_KEY = 'wssec-analyzer.publicUrl';

/** The public address of the page the user set once (kept in this browser), or null. */
export function loadPublicUrl(): string | null {
	try {
		const value = localStorage.getItem(PUBLIC_URL_KEY);
		return value && isPublicUrl(value) ? value : null;
	} catch (error) {
		if (!(error instanceof DOMException)) throw error;
		// Storage can be disabled (privacy settings); then there is simply no saved address.
		return null;
	}
}

export function savePublicUrl(url: string | null): void {
	try {
		if (url) localStorage.setItem(PUBLIC_URL_KEY, url);
		else localStorage.removeItem(PUBLIC_URL_KEY);
	} catch (error) {
		if (!(error instanceof DOMException)) throw error;
		// Not persisted: the address still applies to links made in this tab.
	}
}

/** An http(s) address without a fragment (the report goes after '#'). */
export function isPublicUrl(value: string): boolean {
	try {
		const u = new URL(value);
		return (u.protocol === 'https:' || u.protocol === 'http:') && u.hash === '';
	} catch (error) {
		// new URL's TypeError: not an address at all, which the false says
		if (!(error instanceof TypeError)) throw error;
		return false;
	}
}

/** A page opened from disk or localhost has an address nobody else can open. */
export function isPrivateLocation(loc: Location = location): boolean {
	return loc.protocol === 'file:' || /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(loc.hostname);
}

/**
 * The link for a fragment: the public address when one is set and this page's own is private;
 * from file:// without one, the fragment alone (never the sender's local path).
 */
export function linkFor(
	fragment: string,
	publicUrl: string | null,
	loc: Location = location,
): string {
	if (publicUrl && isPrivateLocation(loc)) return `${publicUrl}#${fragment}`;
	if (loc.protocol === 'file:') return `#${fragment}`;
	return `${loc.origin}${loc.pathname}${loc.search}#${fragment}`;
}
