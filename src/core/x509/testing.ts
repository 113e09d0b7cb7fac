// Fact builders for rule tests: a plausible certificate, key and keystore with overrides.
import type { KeystoreFacts } from '../keystore/facts';
import type { CertificateFacts, PrivateKeyFacts } from './facts';

let n = 0;

export function certFacts(partial: Partial<CertificateFacts> = {}): CertificateFacts {
	n++;
	const sha = n.toString(16).padStart(64, 'a');
	return {
		inputName: 'server.p12',
		source: 'alias server',
		sha256: sha,
		sha1: sha.slice(0, 40),
		subject: 'CN=api.example.com',
		issuer: 'CN=Example CA',
		serialNumber: '01',
		serialDecimal: '1',
		notBefore: '2026-06-01T00:00:00Z',
		notAfter: '2026-12-31T00:00:00Z',
		validityDays: 213,
		keyAlgorithm: 'RSA',
		keySize: 2048,
		curve: null,
		explicitCurve: false,
		rsaExponent: '65537',
		publicKeyId: `rsa:${sha}`,
		signatureAlgorithm: 'sha256WithRSAEncryption',
		signatureAlgorithmOid: '1.2.840.113549.1.1.11',
		selfIssued: false,
		selfSigned: false,
		isCA: false,
		hasBasicConstraints: true,
		keyUsage: ['digitalSignature'],
		extendedKeyUsage: ['serverAuth'],
		subjectAltNames: ['dns:api.example.com'],
		hasSan: true,
		subjectKeyId: null,
		authorityKeyId: null,
		spkiSha256: `spki-${sha}`,
		chainValid: null,
		chain: [sha],
		role: 'leaf',
		pinned: false,
		privateKeyInInput: false,
		...partial,
	};
}

export function keyFacts(partial: Partial<PrivateKeyFacts> = {}): PrivateKeyFacts {
	return {
		inputName: 'server-key.pem',
		source: 'PEM block 1 (PRIVATE KEY)',
		format: 'PKCS#8',
		encrypted: false,
		status: 'parsed',
		keyAlgorithm: 'RSA',
		keySize: 2048,
		curve: null,
		matchesCertSha256: [],
		protection: null,
		publicKeyId: null,
		keyId: null,
		alias: null,
		...partial,
	};
}

export function keystoreFacts(partial: Partial<KeystoreFacts> = {}): KeystoreFacts {
	return {
		inputName: 'server.p12',
		type: 'PKCS12',
		status: 'parsed',
		entries: [],
		defaultPassword: null,
		integrity: { kind: 'mac', algorithm: 'HMAC-SHA-256', iterations: 2048, verified: true },
		bags: [],
		storeLocked: false,
		...partial,
	};
}
