// Key material gathered from every dropped file, so that any input can use a key from any other
// (a keystore dropped after an envelope opens it). Lives only in the engine's memory: nothing
// here is ever copied into facts, the report or a share link.

export interface CertificateMaterial {
	/** SHA-256 of the DER, lower-case hex: the certificate's identity everywhere in the report. */
	sha256: string;
	der: Uint8Array;
	inputName: string;
	/** Where inside the input: an alias, a PEM block index, a BinarySecurityToken id. */
	source: string;
}

export type PrivateKeyAlgorithm = 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'X25519' | 'unknown';

export interface PrivateKeyMaterial {
	id: string;
	inputName: string;
	alias: string | null;
	algorithm: PrivateKeyAlgorithm;
	/** Named curve for EC keys ('P-256', 'P-384', 'P-521'). */
	curve: string | null;
	/** PKCS#8 PrivateKeyInfo DER. */
	pkcs8: Uint8Array;
	/** Certificates (sha256) whose public key matches this private key. */
	certSha256: string[];
}

export interface SecretKeyMaterial {
	id: string;
	inputName: string;
	/** Alias in a JCEKS store, a KeyName the user gave, or the raw key's label. */
	name: string | null;
	algorithm: string;
	bytes: Uint8Array;
}

export interface KeyRing {
	certificates: CertificateMaterial[];
	privateKeys: PrivateKeyMaterial[];
	secretKeys: SecretKeyMaterial[];
	/**
	 * Keys the decryption stage unwrapped from EncryptedKeys during this run, for the signature
	 * stage (WS-Security symmetric binding: HMAC keyed by an EncryptedKey or a key derived from it).
	 */
	sessionKeys: SessionKey[];
}

export interface SessionKey {
	inputName: string;
	/** Base64 SHA-1 of the EncryptedKey's cipher octets (the WSS 1.1 EncryptedKeySHA1). */
	sha1: string;
	bytes: Uint8Array;
	/** Which key unwrapped it, in words (alias / file), for the signature's key form. */
	label: string;
}

export function emptyKeyRing(): KeyRing {
	return { certificates: [], privateKeys: [], secretKeys: [], sessionKeys: [] };
}

export function mergeKeyRings(rings: readonly Partial<KeyRing>[]): KeyRing {
	const out = emptyKeyRing();
	const seenCerts = new Set<string>();
	for (const r of rings) {
		for (const c of r.certificates ?? []) {
			if (seenCerts.has(c.sha256 + '\u0000' + c.inputName + '\u0000' + c.source)) continue;
			seenCerts.add(c.sha256 + '\u0000' + c.inputName + '\u0000' + c.source);
			out.certificates.push(c);
		}
		out.privateKeys.push(...(r.privateKeys ?? []));
		out.secretKeys.push(...(r.secretKeys ?? []));
	}
	return out;
}
