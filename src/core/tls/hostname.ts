// RFC 6125 / RFC 9525 name matching: SAN dNSName and iPAddress (CN only when there is no SAN);
// a wildcard is only the whole left-most label, matches exactly one label, never a public suffix
// of two labels or an IP address.
export interface NamedCertificate {
	subject: string;
	subjectAltNames: readonly string[];
}

const isIp = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');

export function dnsMatches(pattern: string, host: string): boolean {
	const p = pattern.toLowerCase().replace(/\.$/, '');
	const h = host.toLowerCase().replace(/\.$/, '');
	if (!p.includes('*')) return p === h;
	const [first = '', ...rest] = p.split('.');
	if (first !== '*' || rest.length < 2 || rest.some((l) => l.includes('*'))) return false;
	if (isIp(h)) return false;
	const [hFirst = '', ...hRest] = h.split('.');
	return hFirst.length > 0 && hRest.join('.') === rest.join('.');
}

/** The names a certificate is valid for, as RFC 6125 reads them. */
export function certificateNames(cert: NamedCertificate): { dns: string[]; ip: string[] } {
	const dns = cert.subjectAltNames.filter((n) => /^dns:/i.test(n)).map((n) => n.slice(4));
	const ip = cert.subjectAltNames.filter((n) => /^ip:/i.test(n)).map((n) => n.slice(3));
	if (dns.length === 0 && ip.length === 0) {
		const cn = /(?:^|,\s*)CN=([^,]+)/i.exec(cert.subject)?.[1];
		if (cn) dns.push(cn.trim());
	}
	return { dns, ip };
}

export function hostMatches(cert: NamedCertificate, host: string): boolean {
	const { dns, ip } = certificateNames(cert);
	if (isIp(host)) return ip.some((a) => a.toLowerCase() === host.toLowerCase());
	return dns.some((d) => dnsMatches(d, host));
}
