// RSA key transport for XML Encryption: WebCrypto RSA-OAEP when the OAEP digest equals the MGF1
// hash, and the BigInt shim (rsa-raw.ts) for rsa-1_5 and mixed-hash OAEP.
import { CryptoError } from '../errors';
import { toArrayBuffer } from '../bytes/encoding';
import { syncHash, type HashName } from './hashes';
import { oaepDecode, parseRsaPkcs8, pkcs1v15Unpad, rsaPrivateRaw } from './rsa-raw';

export type RsaTransport =
	{ kind: 'pkcs1v15' } | { kind: 'oaep'; digest: HashName; mgf: HashName; label: Uint8Array };

const WEBCRYPTO_OAEP: ReadonlySet<HashName> = new Set(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

/** Unwraps a transported key; throws on any failure (callers collapse the reason). */
export async function rsaDecryptKey(
	pkcs8: Uint8Array,
	params: RsaTransport,
	ciphertext: Uint8Array,
): Promise<Uint8Array> {
	if (params.kind === 'oaep' && params.digest === params.mgf && WEBCRYPTO_OAEP.has(params.digest)) {
		const key = await crypto.subtle.importKey(
			'pkcs8',
			toArrayBuffer(pkcs8),
			{ name: 'RSA-OAEP', hash: params.digest },
			false,
			['decrypt'],
		);
		const out = await crypto.subtle.decrypt(
			{ name: 'RSA-OAEP', label: toArrayBuffer(params.label) },
			key,
			toArrayBuffer(ciphertext),
		);
		return new Uint8Array(out);
	}
	const key = parseRsaPkcs8(pkcs8);
	const em = rsaPrivateRaw(key, ciphertext);
	const out =
		params.kind === 'pkcs1v15'
			? pkcs1v15Unpad(em)
			: oaepDecode(em, syncHash(params.digest), syncHash(params.mgf), params.label);
	if (!out) throw new CryptoError('rsa/bad-padding', 'RSA decryption padding check failed');
	return out;
}
