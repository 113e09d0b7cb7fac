// WSS-BODY-NOT-SIGNED: the message is signed but no reference resolves uniquely to the soap:Body
// the service processes (the Envelope's direct child) or its sole payload child. The sharpest case:
// a signature that verifies over a Body moved elsewhere (wrapping).
import {
	bodySigned,
	effectiveEnvelopes,
	envelopeSignatures,
	signatureSubject,
} from './helpers/coverage';
import type { Rule } from '../rule';

export const wssBodyNotSigned: Rule = {
	meta: {
		id: 'WSS-BODY-NOT-SIGNED',
		area: 'message',
		title: 'The SOAP Body the service processes is not signed',
		severities: ['high'],
		remediation: 'Sign the entire soap:Body by its wsu:Id.',
		references: [
			'WS-SecurityPolicy SignedParts',
			'OWASP Web Service Security Cheat Sheet',
			'XSW research',
		],
	},
	check(facts, report) {
		for (const env of effectiveEnvelopes(facts)) {
			const sigs = envelopeSignatures(facts, env);
			if (sigs.length === 0 || bodySigned(sigs, env)) continue;
			const elsewhere = sigs.some(
				(s) =>
					s.valid === true &&
					s.references.some((r) => r.targetKind === 'body' && r.targetPath !== env.bodyPath),
			);
			// a signature that names the Body but could not be checked: say why, not "not signed"
			const unchecked = elsewhere
				? undefined
				: sigs.find(
						(s) => s.valid === null && s.references.some((r) => r.targetPath === env.bodyPath),
					);
			if (unchecked) {
				report({
					severity: 'high',
					effect: 'cap C',
					inputName: env.inputName,
					subject: env.bodyPath ?? 'soap:Body',
					evidence: `${signatureSubject(unchecked)} references the Body but could not be verified (${unchecked.error ?? 'not checked'}), so nothing shows the Body is signed`,
					title: 'The SOAP Body is not shown to be signed: its signature could not be verified',
				});
				continue;
			}
			report({
				severity: 'high',
				effect: 'cap C',
				inputName: env.inputName,
				subject: env.bodyPath ?? 'soap:Body',
				evidence: elsewhere
					? 'a signature verifies, but over a Body element that is not the one the service processes'
					: `${sigs.length} signature(s) reference ${sigs.flatMap((s) => s.references.map((r) => r.target ?? r.uri)).join(', ') || 'nothing'}, not the Body`,
				...(elsewhere
					? {
							title:
								'Signature verifies, but the Body the service processes is NOT signed (wrapping)',
						}
					: {}),
			});
		}
	},
};
