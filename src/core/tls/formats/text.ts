// Line helpers shared by the configuration parsers: properties files, version hints, endpoints.
import type { TlsVersion } from '../../report/report';
import { normalizeVersion } from '../versions';

export interface PropLine {
	key: string;
	value: string;
	line: number;
}

/** Java-style properties: `#`/`!` comments, `=` or `:` separators, `\` continuation lines. */
export function parseProperties(text: string): PropLine[] {
	const out: PropLine[] = [];
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const start = i;
		let line = lines[i] ?? '';
		if (/^\s*[#!]/.test(line) || !line.trim()) continue;
		while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
			line = line.slice(0, -1) + (lines[++i] ?? '').trimStart();
		}
		const m = /^\s*([^=:\s]+)\s*[=:]?\s*(.*)$/.exec(line);
		if (!m?.[1]) continue;
		out.push({ key: m[1], value: (m[2] ?? '').trim(), line: start + 1 });
	}
	return out;
}

/** Protocol tokens separated by commas or spaces; unknown tokens are returned separately. */
export function versionList(value: string): { versions: TlsVersion[]; unknown: string[] } {
	const versions: TlsVersion[] = [];
	const unknown: string[] = [];
	for (const token of value.split(/[\s,]+/).filter(Boolean)) {
		const v = normalizeVersion(token);
		if (v) versions.push(v);
		else if (!/^SSLv2Hello$/i.test(token)) unknown.push(token);
	}
	return { versions, unknown };
}

/** A product version written in a comment or banner, e.g. `nginx/1.18.0` or `OpenSSL 1.1.1f`. */
export function versionHint(text: string, product: RegExp): string | null {
	const m = product.exec(text);
	return m?.[1] ?? null;
}

export const opensslHint = (text: string): string | null =>
	versionHint(text, /OpenSSL[ /](\d+\.\d+\.\d+[a-z]?)/i);

export function lineOf(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

export function parseUrl(
	url: string,
): { scheme: string; host: string; port: number | null } | null {
	const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?/i.exec(url.trim());
	if (!m?.[1] || !m[2]) return null;
	return {
		scheme: m[1].toLowerCase(),
		host: m[2].replace(/^\[|\]$/g, '').toLowerCase(),
		port: m[3] ? Number(m[3]) : defaultPort(m[1].toLowerCase()),
	};
}

export function defaultPort(scheme: string): number | null {
	const ports: Record<string, number> = {
		https: 443,
		http: 80,
		smtps: 465,
		smtp: 25,
		imaps: 993,
		imap: 143,
		pop3s: 995,
		pop3: 110,
		ldaps: 636,
		ldap: 389,
	};
	return ports[scheme] ?? null;
}

export function basename(path: string): string {
	return (
		path
			.replace(/^["']|["']$/g, '')
			.split(/[\\/]/)
			.pop() ?? path
	);
}
