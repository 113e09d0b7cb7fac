// Facts about keystores (JKS, JCEKS, PKCS#12, BKS, PEM bundles, PKCS#7).
// Structured-cloneable; never passwords or key material.
import type { ReportKeystore, ReportKeystoreEntry } from '../report/report';
import type { CertificateView, KeyView } from '../x509/facts';
import type { DeclaredPassword } from '../keys/declared-passwords';

/** How the whole store is protected against tampering. */
export interface KeystoreIntegrity {
	/** mac: PKCS#12 password MAC; digest: JKS/JCEKS SHA-1 trailer; hmac: BKS; public-key: PKCS#12 signature. */
	kind: 'mac' | 'digest' | 'hmac' | 'public-key' | 'none';
	/** e.g. 'HMAC-SHA256', 'SHA-1 (JKS "Mighty Aphrodite")'. */
	algorithm: string | null;
	iterations: number | null;
	/** true: checked with the password; false: mismatch; null: not checked (no password). */
	verified: boolean | null;
}

/** One PKCS#12 bag or SafeContents and what protects it (KEYSTORE-PKCS12-WEAK-PBE). */
export interface Pkcs12Bag {
	kind:
		| 'key'
		| 'shrouded-key'
		| 'certificate'
		| 'secret'
		| 'crl'
		| 'encrypted-safe'
		| 'enveloped-safe'
		| 'other';
	alias: string | null;
	/** PBE algorithm name, or null when the bag is not encrypted. */
	protection: string | null;
	protectionOid: string | null;
	prf: string | null;
	iterations: number | null;
	/** true when this bag or SafeContents could not be opened. */
	unopened?: boolean;
	note?: string;
}

export interface KeystoreEntryFacts extends ReportKeystoreEntry {
	/** How the entry's key is protected (e.g. 'PBEWithMD5AndTripleDES, 200000 iterations'). */
	keyProtection?: string | null;
	curve?: string | null;
	/** Why a key could not be read (unsupported algorithm, wrong key password). */
	note?: string;
}

export interface KeystoreFacts extends ReportKeystore {
	entries: KeystoreEntryFacts[];
	/** The store password is one of the default list (RULES.md 3.6), found without asking. */
	defaultPassword: string | null;
	integrity: KeystoreIntegrity;
	/** PKCS#12 only: every bag and encrypted SafeContents with its protection. */
	bags: Pkcs12Bag[];
	/** True while no password opened the store (certificates may still be listed for JKS). */
	storeLocked: boolean;
	/** e.g. 'JKS version 2', 'BKS version 2'. */
	formatVersion?: string;
	/** Passwords for this store declared in dropped configuration files (values never kept). */
	declaredPasswords?: (DeclaredPassword & { inputName: string })[];
}

/** A row of the keystore table (KeyStore Explorer style). */
export interface KeystoreRow {
	alias: string;
	type: ReportKeystoreEntry['type'];
	keyAlgorithm: string | null;
	keySize: number | null;
	curve: string | null;
	created: string | null;
	notAfter: string | null;
	certSha256: string[];
	keyLocked: boolean;
	keyProtection: string | null;
	note?: string;
}

/** Detail view of a keystore input. */
export interface KeystoreDetail {
	summary: string;
	type: ReportKeystore['type'];
	formatVersion: string | null;
	integrity: KeystoreIntegrity;
	bags: Pkcs12Bag[];
	rows: KeystoreRow[];
	certificates: CertificateView[];
	keys: KeyView[];
	defaultPassword: boolean;
}
