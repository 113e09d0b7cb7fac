// RSA modulus of a PKCS#8 key and of a SubjectPublicKeyInfo, to pair a private key with its
// certificate when the key ring did not record the pairing.
import { children, readTlv } from '../asn1/der';

function stripZero(b: Uint8Array): Uint8Array {
	let i = 0;
	while (i < b.length - 1 && b[i] === 0) i++;
	return b.subarray(i);
}

export function rsaModulusOfPkcs8(pkcs8: Uint8Array): Uint8Array | null {
	const outer = readTlv(pkcs8);
	const top = outer ? children(pkcs8, outer) : null;
	const octets = top?.[2];
	if (!octets || octets.tag !== 0x04) return null;
	const inner = readTlv(pkcs8, octets.contentStart, octets.end);
	const n = inner ? children(pkcs8, inner)?.[1] : null;
	return n && n.tag === 0x02 ? stripZero(pkcs8.subarray(n.contentStart, n.end)) : null;
}

export function rsaModulusOfSpki(spki: Uint8Array): Uint8Array | null {
	const outer = readTlv(spki);
	const bits = outer ? children(spki, outer)?.[1] : null;
	if (!bits || bits.tag !== 0x03) return null;
	const inner = readTlv(spki, bits.contentStart + 1, bits.end);
	const n = inner ? children(spki, inner)?.[0] : null;
	return n && n.tag === 0x02 ? stripZero(spki.subarray(n.contentStart, n.end)) : null;
}
