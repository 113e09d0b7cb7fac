// KEY-ROTATION-AGE: a key pair older than 2 years (warn) or 3 years (cap B), its birth being the
// earliest notBefore of any certificate with the same public key, or its keystore entry date.
import type { CertificateFacts } from '../../core/x509/facts';
import { certificatesOnce, DAY_MS } from './helpers/certificates';
import type { Rule } from '../rule';

export const keyRotationAge: Rule = {
	meta: {
		id: 'KEY-ROTATION-AGE',
		area: 'cert',
		title: 'Key pair not rotated for years',
		severities: ['high', 'medium'],
		remediation: 'Generate a new key pair at renewal and retire the old one.',
		references: ['NIST SP 800-57 Part 1 Rev. 5 5.3.6 Table 1', 'OWASP Key Management Cheat Sheet'],
	},
	check(facts, report) {
		const bySpki = new Map<string, CertificateFacts[]>();
		for (const c of certificatesOnce(facts)) {
			if (c.role !== 'leaf' || c.pinned) continue;
			bySpki.set(c.spkiSha256, [...(bySpki.get(c.spkiSha256) ?? []), c]);
		}
		const now = Date.parse(facts.now);
		for (const [spki, certs] of bySpki) {
			const births = certs
				.flatMap((c) => [
					Date.parse(c.notBefore),
					c.entryCreated ? Date.parse(c.entryCreated) : NaN,
				])
				.filter((t) => Number.isFinite(t));
			if (births.length === 0) continue;
			const birth = Math.min(...births);
			const age = Math.floor((now - birth) / DAY_MS);
			const first = certs[0];
			if (!first || age <= 730) continue;
			const hit = {
				inputName: first.inputName,
				subject: `key of ${first.subject || first.source} [SPKI sha256 ${spki.slice(0, 16)}…]`,
				evidence: `key in use since ${new Date(birth).toISOString().slice(0, 10)} (${age} days)`,
			};
			report(
				age > 1095
					? { ...hit, severity: 'high', effect: 'cap B' }
					: { ...hit, severity: 'medium', effect: 'warn' },
			);
		}
	},
};
