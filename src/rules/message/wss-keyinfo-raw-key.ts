// WSS-KEYINFO-RAW-KEY: the signature carries its own key (KeyValue, DEREncodedKeyValue or a bare
// X509Data) instead of a SecurityTokenReference (BSP R5417): a receiver that trusts it verifies
// anyone's signature.
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

export const wssKeyinfoRawKey: Rule = {
	meta: {
		id: 'WSS-KEYINFO-RAW-KEY',
		area: 'message',
		title: 'KeyInfo carries the key itself instead of a token reference',
		severities: ['medium'],
		remediation:
			'Reference a token with SecurityTokenReference and validate the signer against a configured truststore, ignoring inline keys.',
		references: ['BSP 1.1 R5402, R5417', 'OWASP SAML Security Cheat Sheet'],
	},
	check(facts, report) {
		for (const s of facts.signatures) {
			if (!s.rawKeyInKeyInfo || s.inAssertion) continue;
			report({
				severity: 'medium',
				effect: 'cap B',
				inputName: s.inputName,
				subject: signatureSubject(s),
				evidence: `ds:KeyInfo holds ${s.keyInfoForms.filter((f) => f.startsWith('ds:') || f.startsWith('dsig11:')).join(', ')}${
					// the signature verifies with the key it brings: without an anchor nothing says whose it is
					s.valid === true && s.chainTrusted === null && facts.trustAnchors.length === 0
						? '; no trust anchor was given, so the signer is not authenticated: add the issuing CA (--trust, or a truststore on the page) to check it'
						: ''
				}`,
			});
		}
	},
};
