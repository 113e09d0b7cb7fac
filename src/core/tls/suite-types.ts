// The shape of one row of the cipher-suite table (src/core/tls/suite-table.ts).

/** Key exchange values (kx) as OpenSSL classifies it; ECDH = static ECDH (legacy), `any` = TLS 1.3. */
export type SuiteKx =
	'RSA' | 'DHE' | 'ECDHE' | 'ECDH' | 'PSK' | 'DHEPSK' | 'ECDHEPSK' | 'RSAPSK' | 'SRP' | 'any';
/** Authentication; NULL = anonymous. */
export type SuiteAu = 'RSA' | 'ECDSA' | 'DSS' | 'NULL' | 'PSK' | 'SRP' | 'ECDH' | 'any';
export type SuiteMode = 'AEAD' | 'CBC' | 'stream' | 'NULL';

export interface SuiteRow {
	/** IANA code point, 4 lowercase hex digits. */
	code: string;
	iana: string;
	openssl: string;
	kx: string;
	au: string;
	/** OpenSSL cipher class: AES, AESGCM, AESCCM, AESCCM8, CHACHA20, CAMELLIA, ARIAGCM, 3DES, DES, RC4, RC2, IDEA, SEED, NULL. */
	cipher: string;
	/** Nominal key bits (3DES 168, NULL 0). */
	bits: number;
	mode: string;
	/** MAC: MD5, SHA1, SHA256, SHA384 or AEAD. */
	mac: string;
	/** Lowest protocol the suite is defined for: SSLv3, TLSv1, TLSv1.2, TLSv1.3. */
	minVersion: string;
	/** OpenSSL strength class: HIGH, MEDIUM, LOW, EXPORT, NONE (eNULL). */
	strength: string;
	/** In OpenSSL's DEFAULT list. */
	inDefault: boolean;
	/** Built into the OpenSSL 3 the table was generated from. */
	openssl3: boolean;
}
