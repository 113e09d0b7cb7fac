// Matches KeyInfo hints to the key ring: the certificate the sender encrypted for, the private
// keys to try first (paired with that certificate), then every other candidate.
import { equalBytes, toHex } from '../bytes/encoding';
import { syncHash } from '../crypto/hashes';
import type {
	CertificateMaterial,
	KeyRing,
	PrivateKeyMaterial,
	SecretKeyMaterial,
} from '../keys/keyring';
import { DIGESTS } from './algorithms';
import { certificateKeyOrNull, type CertificateKey } from '../x509/certificate-key';
import { sameDn, serialToDecimal } from './certs';
import type { KeyHints } from './key-info';
import { describeHints } from './key-info';
import type { RecipientFacts } from './facts';
import { rsaModulusOfPkcs8, rsaModulusOfSpki } from './rsa-pairing';

export interface KnownCert {
	material: CertificateMaterial;
	info: CertificateKey;
}

/** Certificates of the key ring plus those carried in the message, parsed once per run. */
export class CertIndex {
	readonly certs: KnownCert[] = [];
	private readonly pairs = new Map<string, string[]>();

	constructor(private readonly ring: KeyRing) {
		for (const material of ring.certificates) {
			const info = certificateKeyOrNull(material.der);
			if (info) this.certs.push({ material, info });
		}
	}

	/** Certificates a private key belongs to: from the key ring, else by RSA modulus. */
	certsOfKey(key: PrivateKeyMaterial): string[] {
		if (key.certSha256.length) return key.certSha256;
		const cached = this.pairs.get(key.id);
		if (cached) return cached;
		const out: string[] = [];
		if (key.algorithm === 'RSA') {
			const n = rsaModulusOfPkcs8(key.pkcs8);
			for (const c of this.certs) {
				const m = n ? rsaModulusOfSpki(c.info.spki) : null;
				if (n && m && equalBytes(n, m)) out.push(c.info.sha256);
			}
		}
		this.pairs.set(key.id, out);
		return out;
	}

	bySha256(sha256: string): KnownCert | null {
		return this.certs.find((c) => c.info.sha256 === sha256) ?? null;
	}
}

function matchesHints(info: CertificateKey, hints: KeyHints): string | null {
	// the extension's identifier, or the method-1 one WSS4J computes (also when an extension exists)
	const skiMatches = (s: Uint8Array) =>
		(!!info.skiExtension && equalBytes(s, info.skiExtension)) || equalBytes(s, info.skiMethod1);
	if (hints.skis.some(skiMatches)) return 'SKI';
	if (hints.sha1Thumbprints.some((t) => equalBytes(t, info.sha1))) return 'Thumbprint';
	for (const s of hints.issuerSerials) {
		if (serialToDecimal(s.serial) === info.serialDecimal && sameDn(s.issuer, info.issuerName)) {
			return 'IssuerSerial';
		}
	}
	if (hints.subjectNames.some((s) => sameDn(s, info.subjectName))) return 'SubjectName';
	for (const d of hints.digests) {
		const hash = DIGESTS[d.algorithm];
		if (hash && equalBytes(syncHash(hash).hash(info.der), d.value)) return 'X509Digest';
	}
	return null;
}

export interface Recipient {
	facts: RecipientFacts;
	/** sha256 of the certificates the hints name. */
	certs: string[];
}

/** Which certificate(s) the KeyInfo names, among known and inline certificates. */
export function findRecipient(
	hints: KeyHints,
	index: CertIndex,
	inline: readonly CertificateKey[],
): Recipient {
	const forms = new Set<string>();
	const certs: CertificateKey[] = [];
	for (const c of index.certs) {
		const form = matchesHints(c.info, hints);
		if (form) {
			forms.add(form);
			certs.push(c.info);
		}
	}
	for (const c of inline) {
		forms.add('BinarySecurityToken/X509Certificate');
		if (!certs.some((x) => x.sha256 === c.sha256)) certs.push(c);
	}
	if (hints.keyNames.length) forms.add('KeyName');
	if (!certs.length) {
		if (hints.skis.length) forms.add('SKI');
		if (hints.sha1Thumbprints.length) forms.add('Thumbprint');
		if (hints.issuerSerials.length) forms.add('IssuerSerial');
	}
	const first = certs[0];
	const references = first
		? [first.subjectName, ...describeHints(hints).filter((d) => !d.startsWith('the key named'))]
		: describeHints(hints);
	return {
		certs: certs.map((c) => c.sha256),
		facts: {
			references: [...new Set(references)],
			certSha256: first?.sha256 ?? null,
			certSubject: first?.subjectName ?? null,
			forms: [...forms],
			skis: hints.skis.map(toHex),
			thumbprints: hints.sha1Thumbprints.map(toHex),
			issuerSerials: hints.issuerSerials.map((s) => ({ ...s })),
			keyNames: [...hints.keyNames],
			carriedCertificates: inline.map((c) => c.sha256),
		},
	};
}

function nameMatches(name: string, candidates: readonly (string | null)[]): boolean {
	const n = name.trim().toLowerCase();
	return candidates.some((c) => c !== null && c.trim().toLowerCase() === n);
}

/** Private keys to try: the ones paired with the named certificate or KeyName first, then the rest. */
export function orderPrivateKeys(
	ring: KeyRing,
	index: CertIndex,
	algorithm: PrivateKeyMaterial['algorithm'],
	recipientCerts: readonly string[],
	keyNames: readonly string[],
): { key: PrivateKeyMaterial; matched: boolean }[] {
	const keys = ring.privateKeys.filter((k) => k.algorithm === algorithm);
	const matched = (k: PrivateKeyMaterial): boolean =>
		index.certsOfKey(k).some((c) => recipientCerts.includes(c)) ||
		keyNames.some((n) => nameMatches(n, [k.alias, k.inputName, ...subjectsOf(index, k)]));
	const first = keys.filter(matched);
	return [
		...first.map((key) => ({ key, matched: true })),
		...keys.filter((k) => !first.includes(k)).map((key) => ({ key, matched: false })),
	];
}

function subjectsOf(index: CertIndex, k: PrivateKeyMaterial): string[] {
	return index.certsOfKey(k).flatMap((sha) => {
		const c = index.bySha256(sha);
		return c ? [c.info.subjectName, c.info.subjectCn ?? ''] : [];
	});
}

/** Secret keys to try: named ones first, then every key of the right length. */
export function orderSecretKeys(
	ring: KeyRing,
	keyNames: readonly string[],
	length: number | null,
): { key: SecretKeyMaterial; matched: boolean }[] {
	const fits = (k: SecretKeyMaterial): boolean => length === null || k.bytes.length === length;
	const named = ring.secretKeys.filter((k) => keyNames.some((n) => nameMatches(n, [k.name])));
	return [
		...named.map((key) => ({ key, matched: true })),
		...ring.secretKeys
			.filter((k) => !named.includes(k) && fits(k))
			.map((key) => ({ key, matched: false })),
	];
}

/** A certificate the KeyInfo names by KeyName (subject CN, alias or source), for key agreement. */
export function certsByName(index: CertIndex, names: readonly string[]): KnownCert[] {
	return index.certs.filter((c) =>
		names.some((n) =>
			nameMatches(n, [
				c.material.source,
				c.info.subjectCn,
				c.info.subjectName,
				c.material.inputName,
			]),
		),
	);
}
