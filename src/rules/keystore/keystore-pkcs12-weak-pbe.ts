// KEYSTORE-PKCS12-WEAK-PBE: PKCS#12 private keys under RC2-40 (cap B) or 3DES (warn), certificates
// under RC2-40 or a SHA-1 MAC with < 2048 iterations (warn); per the amendment also a private key
// in a plain KeyBag (cap C) and a file without any integrity protection (warn).
import type { Pkcs12Bag } from '../../core/keystore/facts';
import type { Rule, RuleHit } from '../rule';

const RC2_40 = '1.2.840.113549.1.12.1.6';
const RC4_40 = '1.2.840.113549.1.12.1.2';
const TDES = ['1.2.840.113549.1.12.1.3', '1.2.840.113549.1.12.1.4'];

function where(b: Pkcs12Bag): string {
	return b.alias ? `bag ${b.alias}` : `${b.kind} bag`;
}

export const keystorePkcs12WeakPbe: Rule = {
	meta: {
		id: 'KEYSTORE-PKCS12-WEAK-PBE',
		area: 'keystore',
		title: 'PKCS#12 protected with weak algorithms',
		// The amendment's 'high' (plain KeyBag) is not in the catalog table cell the registry test reads.
		severities: ['high', 'medium', 'low'],
		remediation:
			'Re-export with PBES2/PBKDF2-HMAC-SHA256 + AES-256-CBC and an HMAC-SHA256 MAC (JDK 16+ / OpenSSL 3 defaults).',
		references: ['JDK-8228481', 'JDK-8267701', 'OpenSSL 3 pkcs12 -legacy'],
	},
	check(facts, report) {
		for (const k of facts.keystores) {
			if (k.type !== 'PKCS12') continue;
			const hit = (h: Omit<RuleHit, 'inputName' | 'subject'>, subject: string) =>
				report({ ...h, inputName: k.inputName, subject: `${k.inputName}: ${subject}` });
			const keyBags = k.bags.filter((b) => b.kind === 'shrouded-key' || b.kind === 'key');
			for (const b of keyBags) {
				if (b.kind === 'key' && b.protection === null) {
					hit(
						{
							severity: 'high',
							effect: 'cap C',
							evidence: 'private key stored in a plain, unencrypted KeyBag',
							title: 'PKCS#12 private key not encrypted',
						},
						where(b),
					);
				} else if (b.protectionOid === RC2_40 || b.protectionOid === RC4_40) {
					hit(
						{
							severity: 'medium',
							effect: 'cap B',
							evidence: `private key protected with ${b.protection ?? b.protectionOid}`,
						},
						where(b),
					);
				} else if (b.protectionOid && TDES.includes(b.protectionOid)) {
					hit(
						{
							severity: 'low',
							effect: 'warn',
							evidence: `private key protected with ${b.protection ?? b.protectionOid}`,
						},
						where(b),
					);
				}
			}
			const rc2Certs = k.bags.filter(
				(b) => b.kind === 'encrypted-safe' && b.protectionOid === RC2_40,
			);
			if (rc2Certs.length > 0 && keyBags.every((b) => b.protectionOid !== RC2_40)) {
				hit(
					{
						severity: 'low',
						effect: 'warn',
						evidence: 'certificates encrypted with pbeWithSHAAnd40BitRC2-CBC',
					},
					'certificate bags',
				);
			} else if (
				rc2Certs.length > 0 &&
				k.bags.some((b) => b.kind === 'certificate' && b.protectionOid === RC2_40)
			) {
				hit(
					{
						severity: 'low',
						effect: 'warn',
						evidence: 'certificates encrypted with pbeWithSHAAnd40BitRC2-CBC',
					},
					'certificate bags',
				);
			}
			const i = k.integrity;
			if (i.kind === 'mac' && i.algorithm === 'HMAC-SHA-1' && (i.iterations ?? 1) < 2048) {
				hit(
					{
						severity: 'low',
						effect: 'warn',
						evidence: `MAC HMAC-SHA-1 with ${i.iterations ?? 1} iterations`,
					},
					'integrity MAC',
				);
			}
			if (i.kind === 'none') {
				hit(
					{
						severity: 'medium',
						effect: 'warn',
						evidence: 'no MAC and no signature: the file can be altered unnoticed',
						title: 'PKCS#12 without integrity protection',
					},
					'integrity',
				);
			}
		}
	},
};
