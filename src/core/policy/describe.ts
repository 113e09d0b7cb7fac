// Plain-words requirements of one policy alternative, e.g. "Requests must carry a signed
// Timestamp and a Body signed with RSA-SHA1 and encrypted with AES-256-CBC under RSA-OAEP, over HTTPS."
import { algorithmName, suiteAlgorithms } from './suites';
import { isWsa } from './namespaces';
import type { PartSet, PolicyAlternative, PolicyToken } from './types';

function list(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function headerName(h: string): string {
	const m = /^\{([^}]*)\}(.*)$/.exec(h);
	if (!m) return h;
	const ns = m[1] ?? '';
	const name = m[2] === '*' ? 'every header' : (m[2] ?? '');
	if (isWsa(ns)) return m[2] === '*' ? 'every WS-Addressing header' : `wsa:${name}`;
	return name;
}

function partsWords(p: PartSet): string[] {
	const out: string[] = [];
	if (p.allHeaders) out.push('every header');
	else out.push(...p.headers.map(headerName));
	if (p.attachments) out.push('the attachments');
	return out;
}

function tokenWords(t: PolicyToken): string {
	switch (t.type) {
		case 'UsernameToken':
			if (t.options.includes('NoPassword')) return 'a UsernameToken without password';
			if (t.options.includes('HashPassword'))
				return 'a UsernameToken with a hashed password (digest)';
			return 'a UsernameToken with a plain-text password';
		case 'X509':
			return 'an X.509 certificate';
		case 'SAML':
			return 'a SAML assertion';
		case 'Kerberos':
			return 'a Kerberos ticket';
		case 'IssuedToken':
			return t.options.includes('SAML') ? 'an issued (STS) SAML token' : 'an issued (STS) token';
		case 'SecureConversation':
			return 'a WS-SecureConversation context token';
		case 'SpnegoContext':
			return 'a SPNEGO context token';
		case 'KeyValue':
			return 'a raw public key (KeyValue)';
		case 'HttpsToken':
			return 'HTTPS';
		default:
			return t.assertion;
	}
}

const CONTAINER_WORDS: Record<string, string> = {
	supporting: 'unprotected',
	'signed-supporting': 'signed',
	endorsing: 'endorsing the signature',
	'signed-endorsing': 'signed and endorsing',
	'encrypted-supporting': 'encrypted',
	'signed-encrypted-supporting': 'signed and encrypted',
	'endorsing-encrypted': 'encrypted and endorsing',
	'signed-endorsing-encrypted': 'signed, encrypted and endorsing',
};

/** Transport: whether the message travels over HTTPS (binding) or the endpoint's scheme. */
export function describeAlternative(
	alt: PolicyAlternative,
	direction: 'input' | 'output',
	schemes: readonly string[] = [],
): string {
	const who = direction === 'input' ? 'Requests' : 'Responses';
	const suite = suiteAlgorithms(alt.algorithmSuite);
	const https =
		alt.binding === 'transport' || (schemes.length > 0 && schemes.every((s) => s === 'https'));
	const clientCert = alt.tokens.some(
		(t) => t.type === 'HttpsToken' && t.options.includes('RequireClientCertificate'),
	);
	const over = https
		? `over HTTPS${clientCert ? ' with a client certificate' : ''}`
		: schemes.includes('http') && schemes.includes('https')
			? 'over HTTPS or plain HTTP depending on the port'
			: schemes.includes('http')
				? 'over plain HTTP'
				: 'over the endpoint transport';
	const carry: string[] = [];
	const messageLevel = alt.binding === 'symmetric' || alt.binding === 'asymmetric';
	if (alt.includeTimestamp) carry.push(messageLevel ? 'a signed Timestamp' : 'a Timestamp');
	if (messageLevel) {
		const sig = suite
			? algorithmName(alt.binding === 'symmetric' ? suite.symSignature : suite.asymSignature)
			: null;
		const digest = suite ? algorithmName(suite.digest) : null;
		const enc = suite ? algorithmName(suite.encryption) : null;
		const wrap = suite ? algorithmName(suite.asymKeyWrap) : null;
		const signedWith = sig
			? ` with ${sig}${digest && digest !== 'SHA-1' ? ` (${digest} digests)` : ''}`
			: '';
		const encryptedWith = enc ? ` with ${enc} under ${wrap}` : '';
		const bodySigned = alt.signedParts.body || alt.signedElements.some((x) => /Body/.test(x));
		const bodyEnc = alt.encryptedParts.body || alt.encryptedElements.some((x) => /Body/.test(x));
		if (bodySigned && bodyEnc)
			carry.push(`a Body signed${signedWith} and encrypted${encryptedWith}`);
		else if (bodySigned) carry.push(`a Body signed${signedWith} (not encrypted)`);
		else if (bodyEnc) carry.push(`a Body encrypted${encryptedWith} (not signed)`);
		else carry.push('an unprotected Body (neither signed nor encrypted)');
		const signedHeaders = partsWords(alt.signedParts);
		if (signedHeaders.length) carry.push(`${list(signedHeaders)} signed`);
		const encHeaders = partsWords(alt.encryptedParts);
		if (encHeaders.length) carry.push(`${list(encHeaders)} encrypted`);
		const initiator = alt.tokens.find((t) => t.role === 'initiator' || t.role === 'protection');
		if (initiator) carry.push(`${tokenWords(initiator)} as ${initiator.role} token`);
	}
	for (const t of alt.tokens) {
		if (!t.role.includes('supporting') && !t.role.includes('endorsing')) continue;
		carry.push(`${tokenWords(t)} (${CONTAINER_WORDS[t.role] ?? t.role})`);
	}
	if (alt.addressing) carry.push('WS-Addressing headers');
	if (alt.binding === 'none') {
		const base = carry.length
			? `${who} must carry ${list(carry)}, with no security binding`
			: `${who} need no message-level security`;
		return `${base}, ${over}.`;
	}
	if (carry.length === 0) return `${who} must travel ${over}.`;
	return `${who} must carry ${list(carry)}, ${over}.`;
}
