// Names for the object identifiers certificates and keys use (RULES.md 4.13).

export const CURVES: Record<string, { name: string; bits: number }> = {
	'1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
	'1.3.132.0.34': { name: 'P-384', bits: 384 },
	'1.3.132.0.35': { name: 'P-521', bits: 521 },
	'1.3.132.0.33': { name: 'P-224', bits: 224 },
	'1.2.840.10045.3.1.1': { name: 'P-192', bits: 192 },
	'1.3.132.0.10': { name: 'secp256k1', bits: 256 },
	'1.3.132.0.31': { name: 'secp192k1', bits: 192 },
	'1.3.132.0.32': { name: 'secp224k1', bits: 224 },
	'1.3.132.0.8': { name: 'secp160r1', bits: 160 },
	'1.3.132.0.9': { name: 'secp160k1', bits: 160 },
	'1.3.132.0.6': { name: 'secp112r1', bits: 112 },
	'1.3.132.0.28': { name: 'secp128r1', bits: 128 },
	'1.3.132.0.36': { name: 'sect409k1', bits: 409 },
	'1.3.132.0.37': { name: 'sect409r1', bits: 409 },
	'1.3.132.0.38': { name: 'sect571k1', bits: 571 },
	'1.3.132.0.39': { name: 'sect571r1', bits: 571 },
	'1.3.132.0.26': { name: 'sect233k1', bits: 233 },
	'1.3.132.0.27': { name: 'sect233r1', bits: 233 },
	'1.3.132.0.16': { name: 'sect283k1', bits: 283 },
	'1.3.132.0.17': { name: 'sect283r1', bits: 283 },
	'1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bits: 256 },
	'1.3.36.3.3.2.8.1.1.9': { name: 'brainpoolP320r1', bits: 320 },
	'1.3.36.3.3.2.8.1.1.11': { name: 'brainpoolP384r1', bits: 384 },
	'1.3.36.3.3.2.8.1.1.13': { name: 'brainpoolP512r1', bits: 512 },
};

/**
 * FIPS 204 ML-DSA and FIPS 205 SLH-DSA: the same OID names the key and the signature algorithm,
 * so both tables below include these.
 */
const PQC_SIGNATURES: Record<string, string> = {
	'2.16.840.1.101.3.4.3.17': 'ML-DSA-44',
	'2.16.840.1.101.3.4.3.18': 'ML-DSA-65',
	'2.16.840.1.101.3.4.3.19': 'ML-DSA-87',
	'2.16.840.1.101.3.4.3.20': 'SLH-DSA-SHA2-128s',
	'2.16.840.1.101.3.4.3.21': 'SLH-DSA-SHA2-128f',
	'2.16.840.1.101.3.4.3.22': 'SLH-DSA-SHA2-192s',
	'2.16.840.1.101.3.4.3.23': 'SLH-DSA-SHA2-192f',
	'2.16.840.1.101.3.4.3.24': 'SLH-DSA-SHA2-256s',
	'2.16.840.1.101.3.4.3.25': 'SLH-DSA-SHA2-256f',
	'2.16.840.1.101.3.4.3.26': 'SLH-DSA-SHAKE-128s',
	'2.16.840.1.101.3.4.3.27': 'SLH-DSA-SHAKE-128f',
	'2.16.840.1.101.3.4.3.28': 'SLH-DSA-SHAKE-192s',
	'2.16.840.1.101.3.4.3.29': 'SLH-DSA-SHAKE-192f',
	'2.16.840.1.101.3.4.3.30': 'SLH-DSA-SHAKE-256s',
	'2.16.840.1.101.3.4.3.31': 'SLH-DSA-SHAKE-256f',
};

export const KEY_ALGORITHMS: Record<string, string> = {
	'1.2.840.113549.1.1.1': 'RSA',
	'1.2.840.113549.1.1.10': 'RSA',
	'1.2.840.10045.2.1': 'EC',
	'1.3.101.112': 'Ed25519',
	'1.3.101.113': 'Ed448',
	'1.3.101.110': 'X25519',
	'1.3.101.111': 'X448',
	'1.2.840.10040.4.1': 'DSA',
	'1.2.840.10046.2.1': 'DH',
	'1.2.840.113549.1.3.1': 'DH',
	// FIPS 204 ML-DSA, FIPS 205 SLH-DSA and FIPS 203 ML-KEM (NIST CSOR OIDs; JDK 24+ and OpenSSL 3.5 write them)
	...PQC_SIGNATURES,
	'2.16.840.1.101.3.4.4.1': 'ML-KEM-512',
	'2.16.840.1.101.3.4.4.2': 'ML-KEM-768',
	'2.16.840.1.101.3.4.4.3': 'ML-KEM-1024',
};

export const SIGNATURE_ALGORITHMS: Record<string, string> = {
	'1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
	'1.2.840.113549.1.1.3': 'md4WithRSAEncryption',
	'1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
	'1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
	'1.2.840.113549.1.1.10': 'RSASSA-PSS',
	'1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
	'1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
	'1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
	'1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
	'1.2.840.10045.4.1': 'ecdsa-with-SHA1',
	'1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
	'1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
	'1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
	'1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
	'1.2.840.10040.4.3': 'dsa-with-SHA1',
	'2.16.840.1.101.3.4.3.1': 'dsa-with-SHA224',
	'2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
	'1.3.101.112': 'Ed25519',
	'1.3.101.113': 'Ed448',
	'1.3.14.3.2.29': 'sha1WithRSAEncryption',
	...PQC_SIGNATURES,
};

/** Digest family of a signature algorithm name, for CERT-WEAK-SIGNATURE. */
export function signatureDigest(name: string): 'md2' | 'md4' | 'md5' | 'sha1' | 'other' {
	const n = name.toLowerCase();
	if (n.startsWith('md2')) return 'md2';
	if (n.startsWith('md4')) return 'md4';
	if (n.startsWith('md5')) return 'md5';
	if (n.startsWith('sha1') || n.endsWith('sha1')) return 'sha1';
	return 'other';
}

export const EKU_NAMES: Record<string, string> = {
	'1.3.6.1.5.5.7.3.1': 'serverAuth',
	'1.3.6.1.5.5.7.3.2': 'clientAuth',
	'1.3.6.1.5.5.7.3.3': 'codeSigning',
	'1.3.6.1.5.5.7.3.4': 'emailProtection',
	'1.3.6.1.5.5.7.3.8': 'timeStamping',
	'1.3.6.1.5.5.7.3.9': 'OCSPSigning',
	'2.5.29.37.0': 'anyExtendedKeyUsage',
};

export const ATTRIBUTE_NAMES: Record<string, string> = {
	'2.5.4.3': 'CN',
	'2.5.4.4': 'SURNAME',
	'2.5.4.5': 'SERIALNUMBER',
	'2.5.4.6': 'C',
	'2.5.4.7': 'L',
	'2.5.4.8': 'ST',
	'2.5.4.9': 'STREET',
	'2.5.4.10': 'O',
	'2.5.4.11': 'OU',
	'2.5.4.12': 'T',
	'2.5.4.42': 'GIVENNAME',
	'2.5.4.43': 'INITIALS',
	'2.5.4.46': 'DNQUALIFIER',
	'2.5.4.65': 'PSEUDONYM',
	'2.5.4.97': 'ORGANIZATIONIDENTIFIER',
	'0.9.2342.19200300.100.1.25': 'DC',
	'0.9.2342.19200300.100.1.1': 'UID',
	'1.2.840.113549.1.9.1': 'EMAILADDRESS',
};

export const EXTENSION_NAMES: Record<string, string> = {
	'2.5.29.14': 'Subject Key Identifier',
	'2.5.29.15': 'Key Usage',
	'2.5.29.17': 'Subject Alternative Name',
	'2.5.29.18': 'Issuer Alternative Name',
	'2.5.29.19': 'Basic Constraints',
	'2.5.29.30': 'Name Constraints',
	'2.5.29.31': 'CRL Distribution Points',
	'2.5.29.32': 'Certificate Policies',
	'2.5.29.35': 'Authority Key Identifier',
	'2.5.29.37': 'Extended Key Usage',
	'1.3.6.1.5.5.7.1.1': 'Authority Information Access',
	'1.3.6.1.4.1.11129.2.4.2': 'Signed Certificate Timestamps',
	'2.16.840.1.113730.1.1': 'Netscape Cert Type',
	'2.16.840.1.113730.1.13': 'Netscape Comment',
};
