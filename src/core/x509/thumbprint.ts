// The one thumbprint and subject-key-identifier helper: X.509 thumbprints (WS-Security
// ThumbprintSHA1, KeyInfo hints, keytool's SHA1/SHA256 fingerprints) and the SKI as RFC 5280
// §4.2.1.2 method 1 computes it (WSS4J and keytool -ext SKI derive it the same way).
import * as asn1js from 'asn1js';
import { digest } from '../bytes/digest';
import { toArrayBuffer } from '../bytes/encoding';
import { syncHash } from '../crypto/hashes';

/** SHA-1 of the certificate DER (ThumbprintSHA1, keytool "SHA1:"). */
export function sha1Thumbprint(der: Uint8Array): Uint8Array {
	return syncHash('SHA-1').hash(der);
}

/** SHA-256 of the certificate DER (the report's certificate id, keytool "SHA256:"). */
export function sha256Thumbprint(der: Uint8Array): Uint8Array {
	return syncHash('SHA-256').hash(der);
}

/**
 * The certificate facts' identifiers at once, through WebCrypto (many certificates per truststore):
 * SHA-256 and SHA-1 of the DER, SHA-256 of the SubjectPublicKeyInfo (the public key's id).
 */
export async function certificateThumbprints(
	der: Uint8Array,
	spkiDer: Uint8Array,
): Promise<{ sha256: Uint8Array; sha1: Uint8Array; spkiSha256: Uint8Array }> {
	const [sha256, sha1, spkiSha256] = await Promise.all([
		digest('SHA-256', der),
		digest('SHA-1', der),
		digest('SHA-256', spkiDer),
	]);
	return { sha256, sha1, spkiSha256 };
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING value (no tag, length, unused-bits octet). */
export function computedSubjectKeyId(subjectPublicKeyBits: Uint8Array): Uint8Array {
	return syncHash('SHA-1').hash(subjectPublicKeyBits);
}

/** The key identifier inside a subjectKeyIdentifier extension's extnValue (an OCTET STRING), or null. */
export function subjectKeyIdFromExtension(extnValue: Uint8Array): Uint8Array | null {
	const inner = asn1js.fromBER(toArrayBuffer(extnValue));
	if (inner.offset === -1 || !(inner.result instanceof asn1js.OctetString)) return null;
	return new Uint8Array(inner.result.valueBlock.valueHexView);
}
