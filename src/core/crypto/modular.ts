// Modular arithmetic on bigints for the verifiers and key checks we do ourselves where WebCrypto
// has no API (raw RSA with the CRT, DSA, a DSA key's public value): one square-and-multiply.

/** base^exp mod mod, by square-and-multiply (not constant time: it only ever sees public data or
 * keys the user dropped to have them analyzed). */
export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
	let result = 1n;
	let b = base % mod;
	let e = exp;
	while (e > 0n) {
		if (e & 1n) result = (result * b) % mod;
		b = (b * b) % mod;
		e >>= 1n;
	}
	return result;
}
