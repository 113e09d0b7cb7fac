// Consistency of an RSA private key (PKCS#1 RSAPrivateKey inside PKCS#8): n = p·q, e·d ≡ 1
// (mod λ(n)), and the CRT values dP, dQ, qInv. A key that fails is refused with the reason on its
// card instead of failing later as "wrong key" when it decrypts or signs (a damaged or hand-edited
// key, or the fault behind a Bellcore-style CRT attack).
import { parseRsaPkcs8, type RsaPrivateKey } from './rsa-raw';
import { isBug } from '../errors';

function gcd(a: bigint, b: bigint): bigint {
	while (b) [a, b] = [b, a % b];
	return a;
}

function mod(a: bigint, m: bigint): bigint {
	const r = a % m;
	return r < 0n ? r + m : r;
}

/** The first inconsistency of the key's parameters, in words; null when they agree. */
export function rsaKeyProblem(k: RsaPrivateKey): string | null {
	if (k.p <= 1n || k.q <= 1n) return 'the prime factors p and q are missing';
	if (k.p * k.q !== k.n) return 'the modulus n is not the product of the primes p and q';
	const lambda = ((k.p - 1n) * (k.q - 1n)) / gcd(k.p - 1n, k.q - 1n);
	if (mod(k.e * k.d, lambda) !== 1n)
		return 'the private exponent d does not invert the public exponent e (e·d ≢ 1 mod λ(n))';
	if (k.dp !== mod(k.d, k.p - 1n)) return 'the CRT exponent dP is not d mod (p−1)';
	if (k.dq !== mod(k.d, k.q - 1n)) return 'the CRT exponent dQ is not d mod (q−1)';
	if (mod(k.qinv * k.q, k.p) !== 1n) return 'the CRT coefficient qInv is not q⁻¹ mod p';
	return null;
}

/** Checks an RSA PKCS#8 key; null when consistent or when it is not a readable RSA key. */
export function rsaPkcs8Problem(pkcs8: Uint8Array): string | null {
	let key: RsaPrivateKey;
	try {
		key = parseRsaPkcs8(pkcs8);
	} catch (error) {
		// not a readable RSA key: its own parser reports that; this check has nothing to add
		if (isBug(error)) throw error;
		return null;
	}
	return rsaKeyProblem(key);
}
