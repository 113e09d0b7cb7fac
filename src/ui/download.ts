// Saves text as a file through a Blob URL and a temporary link (no request leaves the page).

/** Offers `text` as a download named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file name for a report: wssec-report-2026-01-31T12-00-00Z.json (or .sarif) */
export function reportFileName(generatedAt: string, extension = 'json'): string {
	const stamp = generatedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
	return `wssec-report-${stamp}.${extension}`;
}
