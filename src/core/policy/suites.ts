// WS-SecurityPolicy algorithm suites (RULES.md 1.10, WS-SP 1.2/1.3 section 6.1, as encoded by
// WSS4J AlgorithmSuite.java) and short names for algorithm URIs.

export const ALG = {
	sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
	sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
	sha384: 'http://www.w3.org/2001/04/xmldsig-more#sha384',
	sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
	rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
	rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
	hmacSha1: 'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
	hmacSha256: 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256',
	aes128cbc: 'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
	aes192cbc: 'http://www.w3.org/2001/04/xmlenc#aes192-cbc',
	aes256cbc: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
	aes128gcm: 'http://www.w3.org/2009/xmlenc11#aes128-gcm',
	aes192gcm: 'http://www.w3.org/2009/xmlenc11#aes192-gcm',
	aes256gcm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
	tripledes: 'http://www.w3.org/2001/04/xmlenc#tripledes-cbc',
	kwAes128: 'http://www.w3.org/2001/04/xmlenc#kw-aes128',
	kwAes192: 'http://www.w3.org/2001/04/xmlenc#kw-aes192',
	kwAes256: 'http://www.w3.org/2001/04/xmlenc#kw-aes256',
	kwTripleDes: 'http://www.w3.org/2001/04/xmlenc#kw-tripledes',
	rsaOaep: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
	rsaOaep11: 'http://www.w3.org/2009/xmlenc11#rsa-oaep',
	rsa15: 'http://www.w3.org/2001/04/xmlenc#rsa-1_5',
	excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
	c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
	pSha1: 'http://schemas.xmlsoap.org/ws/2005/02/sc/dk/p_sha1',
} as const;

export interface SuiteAlgorithms {
	name: string;
	/** False for stack-specific suites outside WS-SP 6.1 (the WSS4J/CXF GCM suites). */
	standard: boolean;
	digest: string;
	encryption: string;
	symKeyWrap: string;
	asymKeyWrap: string;
	symSignature: string;
	asymSignature: string;
	c14n: string;
	encryptionKeyDerivationBits: number;
	signatureKeyDerivationBits: number;
	minSymmetricKeyLength: number;
	minAsymmetricKeyLength: number;
	maxAsymmetricKeyLength: number;
}

const BASES = [
	{ base: 'Basic256', enc: ALG.aes256cbc, kw: ALG.kwAes256, encKd: 256, sigKd: 192, skl: 256 },
	{ base: 'Basic192', enc: ALG.aes192cbc, kw: ALG.kwAes192, encKd: 192, sigKd: 192, skl: 192 },
	{ base: 'Basic128', enc: ALG.aes128cbc, kw: ALG.kwAes128, encKd: 128, sigKd: 128, skl: 128 },
	{ base: 'TripleDes', enc: ALG.tripledes, kw: ALG.kwTripleDes, encKd: 192, sigKd: 192, skl: 192 },
] as const;

function buildSuites(): Map<string, SuiteAlgorithms> {
	const out = new Map<string, SuiteAlgorithms>();
	for (const b of BASES) {
		for (const [suffix, digest, asymKeyWrap] of [
			['', ALG.sha1, ALG.rsaOaep],
			['Rsa15', ALG.sha1, ALG.rsa15],
			['Sha256', ALG.sha256, ALG.rsaOaep],
			['Sha256Rsa15', ALG.sha256, ALG.rsa15],
		] as const) {
			const name = b.base + suffix;
			out.set(name, {
				name,
				standard: true,
				digest,
				encryption: b.enc,
				symKeyWrap: b.kw,
				asymKeyWrap,
				symSignature: ALG.hmacSha1,
				asymSignature: ALG.rsaSha1,
				c14n: ALG.excC14n,
				encryptionKeyDerivationBits: b.encKd,
				signatureKeyDerivationBits: b.sigKd,
				minSymmetricKeyLength: b.skl,
				minAsymmetricKeyLength: 1024,
				maxAsymmetricKeyLength: 4096,
			});
		}
	}
	// WSS4J/CXF extensions (not in WS-SP 6.1): GCM data encryption, otherwise like their base.
	for (const [name, enc, kw, digest, bits] of [
		['Basic128GCM', ALG.aes128gcm, ALG.kwAes128, ALG.sha1, 128],
		['Basic192GCM', ALG.aes192gcm, ALG.kwAes192, ALG.sha1, 192],
		['Basic256GCM', ALG.aes256gcm, ALG.kwAes256, ALG.sha1, 256],
		['Basic128GCMSha256', ALG.aes128gcm, ALG.kwAes128, ALG.sha256, 128],
		['Basic192GCMSha256', ALG.aes192gcm, ALG.kwAes192, ALG.sha256, 192],
		['Basic256GCMSha256', ALG.aes256gcm, ALG.kwAes256, ALG.sha256, 256],
	] as const) {
		out.set(name, {
			name,
			standard: false,
			digest,
			encryption: enc,
			symKeyWrap: kw,
			asymKeyWrap: ALG.rsaOaep,
			symSignature: ALG.hmacSha1,
			asymSignature: ALG.rsaSha1,
			c14n: ALG.excC14n,
			encryptionKeyDerivationBits: bits,
			signatureKeyDerivationBits: bits === 256 ? 192 : bits,
			minSymmetricKeyLength: bits,
			minAsymmetricKeyLength: 1024,
			maxAsymmetricKeyLength: 4096,
		});
	}
	return out;
}

export const SUITES: ReadonlyMap<string, SuiteAlgorithms> = buildSuites();

export function suiteAlgorithms(name: string | null): SuiteAlgorithms | null {
	return name ? (SUITES.get(name) ?? null) : null;
}

const NAMES: Record<string, string> = {
	[ALG.sha1]: 'SHA-1',
	[ALG.sha256]: 'SHA-256',
	[ALG.sha384]: 'SHA-384',
	[ALG.sha512]: 'SHA-512',
	'http://www.w3.org/2001/04/xmldsig-more#sha224': 'SHA-224',
	'http://www.w3.org/2001/04/xmldsig-more#md5': 'MD5',
	[ALG.rsaSha1]: 'RSA-SHA1',
	[ALG.rsaSha256]: 'RSA-SHA256',
	'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': 'RSA-SHA384',
	'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'RSA-SHA512',
	'http://www.w3.org/2001/04/xmldsig-more#rsa-md5': 'RSA-MD5',
	'http://www.w3.org/2000/09/xmldsig#dsa-sha1': 'DSA-SHA1',
	'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': 'ECDSA-SHA1',
	'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': 'ECDSA-SHA256',
	'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': 'ECDSA-SHA384',
	'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': 'ECDSA-SHA512',
	'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1': 'RSASSA-PSS-SHA256',
	[ALG.hmacSha1]: 'HMAC-SHA1',
	[ALG.hmacSha256]: 'HMAC-SHA256',
	'http://www.w3.org/2001/04/xmldsig-more#hmac-md5': 'HMAC-MD5',
	[ALG.aes128cbc]: 'AES-128-CBC',
	[ALG.aes192cbc]: 'AES-192-CBC',
	[ALG.aes256cbc]: 'AES-256-CBC',
	[ALG.aes128gcm]: 'AES-128-GCM',
	[ALG.aes192gcm]: 'AES-192-GCM',
	[ALG.aes256gcm]: 'AES-256-GCM',
	[ALG.tripledes]: '3DES-CBC',
	[ALG.kwAes128]: 'AES-128 key wrap',
	[ALG.kwAes192]: 'AES-192 key wrap',
	[ALG.kwAes256]: 'AES-256 key wrap',
	[ALG.kwTripleDes]: '3DES key wrap',
	[ALG.rsaOaep]: 'RSA-OAEP',
	[ALG.rsaOaep11]: 'RSA-OAEP',
	[ALG.rsa15]: 'RSA-1_5',
	[ALG.excC14n]: 'exclusive C14N',
	[ALG.c14n]: 'inclusive C14N',
};

/** A short name for an algorithm URI ("RSA-SHA1"); the URI's fragment when unknown. */
export function algorithmName(uri: string): string {
	return NAMES[uri] ?? (uri.includes('#') ? uri.slice(uri.lastIndexOf('#') + 1) : uri);
}

/** Strength of the hash inside a digest or signature URI: md5 0, sha1 1, sha224 2, sha256 3 … */
export function hashStrength(uri: string): number {
	const u = uri.toLowerCase();
	if (u.includes('md5')) return 0;
	if (/sha3-512|sha512/.test(u)) return 6;
	if (/sha3-384|sha384/.test(u)) return 5;
	if (/sha3-256|sha256/.test(u)) return 4;
	if (/sha224/.test(u)) return 3;
	if (/sha1|#sha1|-sha1/.test(u)) return 1;
	return 2;
}

/** Strength of a data encryption URI: 3DES 0, AES-128/192/256 CBC 1/2/3, GCM adds 10. */
export function cipherStrength(uri: string): number {
	const u = uri.toLowerCase();
	if (u.includes('tripledes')) return 0;
	const size = u.includes('256') ? 3 : u.includes('192') ? 2 : u.includes('128') ? 1 : 0;
	return size + (u.includes('gcm') ? 10 : 0);
}
