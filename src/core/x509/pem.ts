// Splits PEM text into blocks (label, RFC 1421 headers, DER), tolerating text around and between
// blocks, CRLF line ends and indentation. Bounded: at most MAX_BLOCKS blocks.
import { hasCode, ParseError } from '../errors';
import { fromBase64, NOT_BASE64 } from '../bytes/encoding';

export const MAX_BLOCKS = 5000;

export interface PemBlock {
	label: string;
	/** Headers such as Proc-Type and DEK-Info (OpenSSL legacy encryption). */
	headers: Record<string, string>;
	der: Uint8Array;
	/** 1-based index of the block in the file, and its first line. */
	index: number;
	line: number;
}

export function splitPem(text: string): PemBlock[] {
	const blocks: PemBlock[] = [];
	const re = /-----BEGIN ([A-Z0-9 #/.-]+)-----([\s\S]*?)-----END \1-----/g;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		if (blocks.length >= MAX_BLOCKS) {
			throw new ParseError(
				'pem/too-many-blocks',
				`More than ${MAX_BLOCKS} PEM blocks: refusing to read further`,
			);
		}
		const label = m[1] ?? '';
		const line = text.slice(0, m.index).split('\n').length;
		const body = m[2] ?? '';
		const headers: Record<string, string> = {};
		const lines = body.split(/\r?\n/).map((l) => l.trim());
		const b64: string[] = [];
		for (const l of lines) {
			const h = /^([A-Za-z-]+):\s*(.*)$/.exec(l);
			if (h && b64.length === 0) headers[h[1] ?? ''] = h[2] ?? '';
			else if (l) b64.push(l);
		}
		const joined = b64.join('');
		if (!/^[A-Za-z0-9+/]*={0,2}$/.test(joined)) {
			throw new ParseError(
				'pem/bad-base64',
				`PEM block ${blocks.length + 1} (${label}, line ${line}) is not valid base64`,
				{ line },
			);
		}
		let der: Uint8Array;
		try {
			der = fromBase64(joined);
		} catch (error) {
			if (!hasCode(error, NOT_BASE64)) throw error;
			throw new ParseError(
				'pem/bad-base64',
				`PEM block ${blocks.length + 1} (${label}, line ${line}) is not valid base64`,
				{ line },
				{ cause: error },
			);
		}
		blocks.push({ label, headers, der, index: blocks.length + 1, line });
	}
	return blocks;
}

export function toPem(label: string, der: Uint8Array): string {
	let binary = '';
	for (const b of der) binary += String.fromCharCode(b);
	const b64 = btoa(binary);
	const lines = b64.match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER of the first block of a PEM text (empty when there is none). */
export function pemToDer(text: string): Uint8Array {
	return splitPem(text)[0]?.der ?? new Uint8Array(0);
}
