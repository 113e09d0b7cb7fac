// ECDH shared secret (the Z of ECDH-ES key agreement) through WebCrypto.
import { toArrayBuffer } from '../bytes/encoding';

export async function ecdhSharedSecret(
	privatePkcs8: Uint8Array,
	curve: string,
	publicSpkiOrRaw: { spki: Uint8Array } | { raw: Uint8Array },
): Promise<Uint8Array> {
	const alg = { name: 'ECDH', namedCurve: curve };
	const priv = await crypto.subtle.importKey('pkcs8', toArrayBuffer(privatePkcs8), alg, false, [
		'deriveBits',
	]);
	const pub =
		'spki' in publicSpkiOrRaw
			? await crypto.subtle.importKey('spki', toArrayBuffer(publicSpkiOrRaw.spki), alg, false, [])
			: await crypto.subtle.importKey('raw', toArrayBuffer(publicSpkiOrRaw.raw), alg, false, []);
	const bits = Number(/\d+/.exec(curve)?.[0] ?? '256');
	const bytes = Math.ceil(bits / 8);
	return new Uint8Array(
		await crypto.subtle.deriveBits({ name: 'ECDH', public: pub }, priv, bytes * 8),
	);
}
