// XSW-SIGNED-ELEMENT-RELOCATED: a signed Body, Timestamp or WS-Addressing header is not where the
// receiver processes it (Body under Envelope, Timestamp in the Security header, wsa:* in Header),
// or a signed SAML Response / Assertion / Subject / Conditions is not the copy a consumer reads
// (relocated, nested in a spoofed assertion, or beside an unsigned duplicate).
import { signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

const EXPECTED: Record<string, string> = {
	body: 'a direct child of soap:Envelope',
	timestamp: 'a child of the wsse:Security header',
	'wsa-header': 'a direct child of soap:Header',
};

export const xswSignedElementRelocated: Rule = {
	meta: {
		id: 'XSW-SIGNED-ELEMENT-RELOCATED',
		area: 'message',
		title: 'Signed element is not where the service reads it (signature wrapping)',
		severities: ['critical'],
		remediation:
			'Verify that each Reference points to the element the application actually processes ("see what is signed").',
		references: [
			'XSW research',
			'OWASP SAML Security Cheat Sheet',
			'XML Signature security considerations',
		],
	},
	check(facts, report) {
		for (const s of facts.signatures) {
			for (const r of s.references) {
				if (r.atExpectedPosition !== false) continue;
				report({
					severity: 'critical',
					effect: 'F',
					inputName: s.inputName,
					subject: `${r.target ?? r.uri} referenced by ${signatureSubject(s)}`,
					evidence: `signed element sits at ${r.tokenPath ?? r.targetPath ?? '?'}${r.tokenPath ? ' (through the STR-Transform)' : ''}${r.wrapping ? ` (${r.wrapping.variant}: ${r.wrapping.detail})` : ''}; expected ${r.expectedAt ?? EXPECTED[r.targetKind ?? ''] ?? 'its canonical position'}`,
				});
			}
		}
	},
};
