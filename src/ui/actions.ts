// What detail views may ask the page to do. Implemented by the analysis state (src/ui/state);
// detail components receive it as a prop and never talk to the engine themselves.
import type { ConnectorForm } from '../core/tls/facts';
import type { CertificateDescription } from '../core/x509/facts';

export interface UiActions {
	/** Unlock one keystore entry whose key password differs from the store password. */
	entryPassword(inputId: string, alias: string, password: string): void;
	/** Mark or unmark a certificate (sha256) as a trust anchor. */
	toggleTrustAnchor(sha256: string): void;
	isTrustAnchor(sha256: string): boolean;
	/** Mark or unmark a whole input (a truststore such as cacerts) as trust anchors. */
	setTruststore(inputId: string, on: boolean): void;
	isTruststore(inputId: string): boolean;
	/** The envelopes' capture time (ISO), or null for each file's own date. */
	setCaptureTime(iso: string | null): void;
	/** Add a raw symmetric key (HMAC or AES) given as hex or base64 text, or as a file's bytes. */
	addRawKey(name: string, algorithm: string, bytes: Uint8Array): void;
	setConnector(form: ConnectorForm | null): void;
	/** A certificate's extensions and raw ASN.1 tree, decoded by the engine; null if it cannot. */
	describeCertificate(pem: string): Promise<CertificateDescription | null>;
	/** Copy text to the clipboard and confirm it to the user. */
	copy(text: string, what: string): void;
}
