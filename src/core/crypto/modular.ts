// Modular arithmetic on bigints for the verifiers and key checks we do ourselves where WebCrypto
// has no API (raw RSA with the CRT, DSA, a DSA key's public value): one square-and-multiply,
// one inverse.

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

/** Modular inverse by the extended Euclidean algorithm (`a` and `m` coprime). */
export function modInverse(a: bigint, m: bigint): bigint {
	let [oldR, r] = [((a % m) + m) % m, m];
	let [oldS, s] = [1n, 0n];
	while (r !== 0n) {
		const q = oldR / r;
		[oldR, r] = [r, oldR - q * r];
		[oldS, s] = [s, oldS - q * s];
	}
	return ((oldS % m) + m) % m;
}
