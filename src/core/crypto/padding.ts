// ISO 10126 / PKCS#7-compatible padding removal for XML Encryption block ciphers: XML Encryption
// only defines the last octet (the pad length); the other pad octets are arbitrary.

/** Strips the pad; null when the last octet is not a valid pad length for this block size. */
export function removeXmlEncPadding(plain: Uint8Array, blockSize: number): Uint8Array | null {
	const n = plain[plain.length - 1];
	if (n === undefined || n < 1 || n > blockSize || n > plain.length) return null;
	return plain.subarray(0, plain.length - n);
}
