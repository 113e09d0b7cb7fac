// Copy to the clipboard: the async Clipboard API where the page may use it, else a selection copy
// (file:// pages and some embedded browsers refuse navigator.clipboard).

/** Copies `text`; resolves true when the browser confirmed the copy. Never throws. */
export async function copyText(text: string): Promise<boolean> {
	try {
		if (navigator.clipboard && window.isSecureContext) {
			await navigator.clipboard.writeText(text);
			return true;
		}
	} catch (error) {
		if (!(error instanceof DOMException)) throw error;
		// Permission refused: fall back to the selection copy below.
	}
	const area = document.createElement('textarea');
	area.value = text;
	area.setAttribute('readonly', '');
	area.style.position = 'fixed';
	area.style.opacity = '0';
	document.body.append(area);
	area.select();
	let ok: boolean;
	try {
		// Deprecated but still the only synchronous copy that works without clipboard permission.
		ok = document.execCommand('copy');
	} catch (error) {
		// a browser that refuses the command: the false tells the caller to show the text instead
		if (!(error instanceof DOMException)) throw error;
		ok = false;
	}
	area.remove();
	return ok;
}
