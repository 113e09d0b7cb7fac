// XSW-PARTIAL-BODY-SIGNATURE: a reference signs a descendant of soap:Body instead of the Body, and
// the Body has more than one element child or the signed one is not the first.
import { effectiveEnvelopes, envelopeSignatures, signatureSubject } from './helpers/coverage';
import type { Rule } from '../rule';

export const xswPartialBodySignature: Rule = {
	meta: {
		id: 'XSW-PARTIAL-BODY-SIGNATURE',
		area: 'message',
		title: 'Only part of the SOAP Body is signed',
		severities: ['high'],
		remediation: 'Sign the whole Body, not a child element.',
		references: ['XSW research (wrapping inside Body)', 'WS-SecurityPolicy SignedParts'],
	},
	check(facts, report) {
		for (const env of effectiveEnvelopes(facts)) {
			const body = env.bodyPath;
			if (!body) continue;
			const first = env.bodyFirstChildName
				? [`${body}/${env.bodyFirstChildName}`, `${body}/${env.bodyFirstChildName}[1]`]
				: [];
			for (const s of envelopeSignatures(facts, env)) {
				for (const r of s.references) {
					if (!r.targetPath?.startsWith(body + '/')) continue;
					const isFirst = first.includes(r.targetPath);
					if (env.bodyChildCount <= 1 && isFirst) continue;
					report({
						severity: 'high',
						effect: 'cap C',
						inputName: env.inputName,
						subject: `${r.targetPath} referenced by ${signatureSubject(s)}`,
						evidence: `Body has ${env.bodyChildCount} element children; the signed element is ${isFirst ? 'the first' : 'not the first'} and the Body itself is not signed`,
					});
				}
			}
		}
	},
};
