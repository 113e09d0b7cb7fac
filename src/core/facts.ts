// Every fact the analysis found, across all inputs: what rules judge and what the page shows.
// Contains no private key, password or secret key; may contain decrypted plaintext for display,
// which the report builder never copies.
import type { Area } from './area';
import type { InputKind, InputStatus } from './report/report';
import type { CertificateFacts, PrivateKeyFacts, X509Detail } from './x509/facts';
import type { DeclaredPassword } from './keys/declared-passwords';
import type { KeystoreDetail, KeystoreFacts } from './keystore/facts';
import type { EnvelopeFacts, XmlDetail } from './soap/facts';
import type { SignatureFacts } from './xmldsig/facts';
import type { DecryptionFacts, EncryptedKeyFacts } from './xmlenc/facts';
import type { WsdlDetail, WsdlFacts } from './wsdl/facts';
import type { ConnectorForm, TlsDetail, TlsFacts } from './tls/facts';

/** The error a cancelled input carries (its card offers Retry). */
export const CANCELLED_MESSAGE =
	'Analysis cancelled before this file was finished; use Retry to analyze it again';

export interface InputFacts {
	id: string;
	name: string;
	size: number;
	sha256: string;
	kind: InputKind;
	/** Why the detector chose this kind (or why it is `unknown`). */
	kindReason: string;
	status: InputStatus;
	error?: string;
	/** Locked inputs: a message for the password prompt; `wrongPassword` once a typed one failed. */
	lock?: { message: string; wrongPassword: boolean };
	/** Keystore entries whose own key password is still needed (contract hook `entry-password`). */
	lockedEntries?: { alias: string; wrongPassword: boolean }[];
	/**
	 * What the reader says about the input as a whole. An `error` names a part it could not open
	 * (the grade does not cover it: the input counts as not analyzed); a `warning` a fact it could
	 * not check (a store's integrity read without its password).
	 */
	notes?: InputNote[];
	/** A kind-specific detail view for the page; shaped by the area that parsed the input. */
	detail?: InputDetail;
}

/** A reader's note on a whole input; never a password or key material. */
export interface InputNote {
	level: 'error' | 'warning';
	message: string;
}

/**
 * Detail views are tagged by area (core/area.ts) so the UI picks the view of src/ui/<area>/.
 */
export type InputDetail =
	| { area: 'cert'; data: X509Detail }
	| { area: 'keystore'; data: KeystoreDetail }
	| { area: 'message'; data: XmlDetail }
	| { area: 'wsdl'; data: WsdlDetail }
	| { area: 'tls'; data: TlsDetail };

/** The area of a detail view; a compile error if a tag is not an Area of core/area.ts. */
export type DetailArea = IsArea<InputDetail['area']>;
type IsArea<T extends Area> = T;

export interface AnalysisSettings {
	/** Analysis time (ISO); defaults to the moment the analysis runs. */
	now?: string;
	/** When the envelopes were captured (ISO), for WSS-TIMESTAMP-STALE; default: each file's date. */
	captureTime?: string | null;
	connector?: ConnectorForm | null;
	/** Certificates (sha256) the user marked as trust anchors. */
	trustAnchors: string[];
	/** Inputs (ids) the user marked as truststores: all their certificates are anchors. */
	truststoreInputs: string[];
	/** Raw symmetric keys the user added, for HMAC signatures and XML Encryption. */
	rawKeys: { id: string; name: string; algorithm: string; bytes: Uint8Array }[];
}

export interface AnalysisFacts {
	now: string;
	captureTime: string | null;
	inputs: InputFacts[];
	certificates: CertificateFacts[];
	keys: PrivateKeyFacts[];
	keystores: KeystoreFacts[];
	envelopes: EnvelopeFacts[];
	signatures: SignatureFacts[];
	decryptions: DecryptionFacts[];
	wsdls: WsdlFacts[];
	tls: TlsFacts[];
	connector: ConnectorForm | null;
	/** Certificates (sha256) the analysis treats as trust anchors. */
	trustAnchors: string[];
	/** Keystore passwords declared in dropped configuration files (the values are never kept). */
	declaredPasswords: (DeclaredPassword & { inputName: string })[];
	/** Diffie-Hellman parameter files (`openssl dhparam`) a server configuration may point at. */
	dhParameters: DhParameters[];
	/** Every EncryptedKey of the messages: what it is for, and whether a dropped key opened it. */
	encryptedKeys: EncryptedKeyFacts[];
}

export interface DhParameters {
	inputName: string;
	/** Size of the prime p. */
	bits: number;
	generator: number | null;
}

/** Settings of an analysis nobody configured: no anchors, keys, capture time or connector. */
export function emptySettings(): AnalysisSettings {
	return {
		trustAnchors: [],
		truststoreInputs: [],
		rawKeys: [],
		captureTime: null,
		connector: null,
	};
}

export function emptyFacts(now: string): AnalysisFacts {
	return {
		now,
		captureTime: null,
		inputs: [],
		certificates: [],
		keys: [],
		keystores: [],
		envelopes: [],
		signatures: [],
		decryptions: [],
		wsdls: [],
		tls: [],
		connector: null,
		trustAnchors: [],
		declaredPasswords: [],
		dhParameters: [],
		encryptedKeys: [],
	};
}
