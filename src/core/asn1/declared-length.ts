// The length a DER value announces in its header, read without trusting it: detection and the
// PKCS#12 reader compare it with the bytes actually there (trailing data, truncation).

/** Total length (header + content) the first definite-length DER header announces, if readable. */
export function declaredDerLength(bytes: Uint8Array): number | null {
	const first = bytes[1];
	if (first === undefined || first === 0x80) return null;
	if (first < 0x80) return 2 + first;
	const n = first & 0x7f;
	if (n > 4 || bytes.length < 2 + n) return null;
	let length = 0;
	for (let i = 0; i < n; i++) length = length * 256 + (bytes[2 + i] ?? 0);
	return 2 + n + length;
}
