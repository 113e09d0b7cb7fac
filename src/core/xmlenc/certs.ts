// DN and serial comparison for XML Encryption key hints (X509IssuerSerial, X509SubjectName) as
// producers write them; the certificate side is the certificate-key model (x509/certificate-key.ts).

/** Compares two DN strings as multisets of type=value pairs (order and spacing vary by producer). */
export function sameDn(a: string, b: string): boolean {
	const norm = (dn: string): string =>
		splitDn(dn)
			.map((p) => {
				const eq = p.indexOf('=');
				let key = p.slice(0, eq).trim().toUpperCase();
				if (key === 'EMAILADDRESS' || key === '1.2.840.113549.1.9.1') key = 'E';
				if (key === 'S') key = 'ST';
				return `${key}=${p
					.slice(eq + 1)
					.trim()
					.toLowerCase()
					.replace(/\s+/g, ' ')}`;
			})
			.sort()
			.join('\n');
	return norm(a) === norm(b);
}

function splitDn(dn: string): string[] {
	const out: string[] = [];
	let cur = '';
	for (let i = 0; i < dn.length; i++) {
		const ch = dn[i] ?? '';
		if (ch === '\\' && i + 1 < dn.length) {
			cur += dn[i + 1] ?? '';
			i++;
		} else if (ch === ',' || ch === ';' || ch === '+') {
			if (cur.includes('=')) out.push(cur);
			else if (out.length) out[out.length - 1] += ',' + cur;
			cur = '';
		} else cur += ch;
	}
	if (cur.trim()) out.push(cur);
	return out.filter((p) => p.includes('='));
}

/** Serial given in decimal (X509SerialNumber) or hex; normalised to decimal digits. */
export function serialToDecimal(text: string): string | null {
	const t = text.trim();
	if (/^-?\d+$/.test(t)) return BigInt(t).toString(10);
	if (/^(0x)?[0-9a-fA-F]+$/.test(t)) return BigInt('0x' + t.replace(/^0x/, '')).toString(10);
	return null;
}
