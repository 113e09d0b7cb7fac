// How a finding's subject names a certificate: `[sha256 0123…]`, the first 16 hex digits of its
// SHA-256. Certificate rules write it; the report merges a certificate's findings by it and the
// page finds the certificate's card by it, so the notation lives here, once.

/** The tag a subject ends with to name this certificate. */
export function certificateTag(sha256: string): string {
	return `[sha256 ${sha256.slice(0, 16)}…]`;
}

const TAG = /\[sha256 ([0-9a-f]{8,64})…?\]/;

/** The SHA-256 prefix a subject names with certificateTag, or null. */
export function taggedCertificate(subject: string): string | null {
	return TAG.exec(subject)?.[1] ?? null;
}
