// KEY-REUSED-ACROSS-PURPOSES: one key pair used for two of TLS authentication, message signing
// and message encryption (key transport), seen from certificates' extended key usage and from
// the signatures and decryptions of the analysed messages.
import { certificatesOnce } from './helpers/certificates';
import type { Rule } from '../rule';

type Purpose = 'TLS authentication' | 'message signing' | 'message encryption';

export const keyReusedAcrossPurposes: Rule = {
	meta: {
		id: 'KEY-REUSED-ACROSS-PURPOSES',
		area: 'cert',
		title: 'Same key pair used for several purposes',
		severities: ['medium'],
		remediation: 'Use separate key pairs per purpose (signing vs encryption vs TLS).',
		references: ['NIST SP 800-57 Part 1 5.2', '"One Bad Apple" (NDSS 2013)'],
	},
	check(facts, report) {
		const certs = certificatesOnce(facts);
		const spkiOf = new Map(certs.map((c) => [c.sha256, c.spkiSha256]));
		const purposes = new Map<string, Set<Purpose>>();
		const add = (spki: string | undefined, p: Purpose) => {
			if (!spki) return;
			const set = purposes.get(spki) ?? new Set<Purpose>();
			set.add(p);
			purposes.set(spki, set);
		};
		for (const c of certs) {
			if (c.extendedKeyUsage.includes('serverAuth') || c.extendedKeyUsage.includes('clientAuth'))
				add(c.spkiSha256, 'TLS authentication');
		}
		for (const s of facts.signatures)
			if (s.signerCertSha256) add(spkiOf.get(s.signerCertSha256), 'message signing');
		for (const d of facts.decryptions) {
			const sha = d.openedBy?.certSha256 ?? d.recipient?.certSha256 ?? null;
			if (sha) add(spkiOf.get(sha), 'message encryption');
		}
		for (const [spki, set] of purposes) {
			if (set.size < 2) continue;
			const c = certs.find((x) => x.spkiSha256 === spki);
			report({
				severity: 'medium',
				effect: 'warn',
				inputName: c?.inputName ?? null,
				subject: `key of ${c?.subject ?? '?'} [SPKI sha256 ${spki.slice(0, 16)}…]`,
				evidence: [...set].join(' and '),
			});
		}
	},
};
