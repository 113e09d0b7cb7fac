// WSS-HMAC-OUTPUT-LENGTH: ds:HMACOutputLength present (BSP R5401 forbids it); below
// max(80, hash/2) bits it is the truncated-HMAC attack (CVE-2009-0217).
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

const HASH_BITS: Record<string, number> = {
	'hmac-sha1': 160,
	'hmac-sha224': 224,
	'hmac-sha256': 256,
	'hmac-sha384': 384,
	'hmac-sha512': 512,
	'hmac-md5': 128,
	'hmac-ripemd160': 160,
};

export const wssHmacOutputLength: Rule = {
	meta: {
		id: 'WSS-HMAC-OUTPUT-LENGTH',
		area: 'message',
		title: 'Truncated HMAC (HMACOutputLength)',
		severities: ['critical', 'high'],
		remediation: 'Remove HMACOutputLength and patch the XML-security library (CVE-2009-0217).',
		references: ['BSP 1.1 R5401', 'XML Signature 1.1', 'CVE-2009-0217'],
	},
	check(facts, report) {
		for (const s of facts.signatures) {
			if (s.hmacOutputLength === null) continue;
			const bits = HASH_BITS[s.signatureAlgorithm.replace(/^.*#/, '')] ?? 160;
			const min = Math.max(80, bits / 2);
			const low = !(s.hmacOutputLength >= min);
			report({
				severity: low ? 'critical' : 'high',
				effect: low ? 'F' : 'cap C',
				inputName: s.inputName,
				subject: signatureSubject(s),
				evidence: `HMACOutputLength ${s.hmacOutputLength} bits${low ? ` (below ${min})` : ''}`,
			});
		}
	},
};
