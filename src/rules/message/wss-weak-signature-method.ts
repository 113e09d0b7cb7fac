// WSS-WEAK-SIGNATURE-METHOD: SHA-1 based (medium) or MD5 based (critical) SignatureMethod.
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

const WEAK = new Set([
	'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
	'http://www.w3.org/2000/09/xmldsig#dsa-sha1',
	'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
	'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1',
	'http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1',
]);
const BROKEN = new Set([
	'http://www.w3.org/2001/04/xmldsig-more#rsa-md5',
	'http://www.w3.org/2001/04/xmldsig-more#hmac-md5',
]);

export const wssWeakSignatureMethod: Rule = {
	meta: {
		id: 'WSS-WEAK-SIGNATURE-METHOD',
		area: 'message',
		title: 'Weak signature method',
		severities: ['medium', 'critical'],
		remediation: 'Use rsa-sha256, ecdsa-sha256 or hmac-sha256 (or stronger).',
		references: ['XML Signature 1.1', 'NIST SP 800-131A r2'],
	},
	check(facts, report) {
		for (const s of facts.signatures) {
			const broken = BROKEN.has(s.signatureAlgorithm);
			if (!broken && !WEAK.has(s.signatureAlgorithm)) continue;
			report({
				severity: broken ? 'critical' : 'medium',
				effect: broken ? 'F' : 'cap B',
				inputName: s.inputName,
				subject: signatureSubject(s),
				evidence: s.signatureAlgorithm,
			});
		}
	},
};
