// Distinguished-name matching for KeyInfo hints (X509IssuerName, X509SubjectName) against the
// certificate-key model's attribute lists (x509/certificate-key.ts), and the reverse (a DN string
// parsed back into attributes).
import { formatDn } from '../x509/names';
import { ATTRIBUTE_NAMES } from '../x509/oids';
import type { Rdn } from '../x509/certificate-key';

const NAME_OIDS: Record<string, string> = {
	CN: '2.5.4.3',
	SN: '2.5.4.4',
	SERIALNUMBER: '2.5.4.5',
	C: '2.5.4.6',
	L: '2.5.4.7',
	ST: '2.5.4.8',
	S: '2.5.4.8',
	STREET: '2.5.4.9',
	O: '2.5.4.10',
	OU: '2.5.4.11',
	T: '2.5.4.12',
	TITLE: '2.5.4.12',
	GIVENNAME: '2.5.4.42',
	DC: '0.9.2342.19200300.100.1.25',
	UID: '0.9.2342.19200300.100.1.1',
	E: '1.2.840.113549.1.9.1',
	EMAILADDRESS: '1.2.840.113549.1.9.1',
	EMAIL: '1.2.840.113549.1.9.1',
};

/** A DN as text, through the one DN printer (x509/names.ts), most specific first. */
export function dnText(rdns: readonly Rdn[]): string {
	const groups: Rdn[][] = [];
	rdns.forEach((r, k) => {
		const last = groups[groups.length - 1];
		const prev = rdns[k - 1];
		if (last && r.set !== undefined && prev?.set === r.set) last.push(r);
		else groups.push([r]);
	});
	return formatDn(groups);
}

/** Keywords the DN printer writes (x509/oids.ts), so every name it prints parses back. */
const PRINTED_OIDS: Record<string, string> = Object.fromEntries(
	Object.entries(ATTRIBUTE_NAMES).map(([oid, key]) => [key, oid]),
);

/** Parses an RFC 2253/4514-style DN string as written in X509IssuerName / X509SubjectName. */
export function parseDn(text: string): Rdn[] | null {
	const out: Rdn[] = [];
	let i = 0;
	const s = text.trim();
	while (i < s.length) {
		const eq = s.indexOf('=', i);
		if (eq === -1) return null;
		const type = s
			.slice(i, eq)
			.trim()
			.toUpperCase()
			.replace(/^OID\./, '');
		let value = '';
		let j = eq + 1;
		while (j < s.length && s[j] === ' ') j++;
		if (s[j] === '#') return null;
		for (; j < s.length; j++) {
			const ch = s[j] as string;
			if (ch === '\\' && j + 1 < s.length) {
				const hex = /^[0-9a-fA-F]{2}/.exec(s.slice(j + 1, j + 3));
				if (hex) {
					value += String.fromCharCode(parseInt(hex[0], 16));
					j += 2;
				} else value += s[++j];
			} else if (ch === ',' || ch === '+' || ch === ';') break;
			else value += ch;
		}
		const oid = /^\d+(\.\d+)+$/.test(type) ? type : (NAME_OIDS[type] ?? PRINTED_OIDS[type]);
		if (!oid) return null;
		out.push({ oid, value: value.trim() });
		i = j + 1;
	}
	return out.reverse();
}

function norm(v: string): string {
	return v.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Compares a DN string to a certificate's name as sets of (type, value), case- and space-insensitive. */
export function dnMatches(text: string, rdns: readonly Rdn[]): boolean {
	const parsed = parseDn(text);
	if (!parsed || parsed.length !== rdns.length) return false;
	const a = parsed.map((r) => `${r.oid}=${norm(r.value)}`).sort();
	const b = rdns.map((r) => `${r.oid}=${norm(r.value)}`).sort();
	return a.every((x, k) => x === b[k]);
}
