// Is a certificate publicly trusted? Looks certificates up in the Mozilla root list that ships
// with the app (public-roots.ts): by the root's own public key, or by the issuer name and
// authority key identifier of the last certificate of a chain whose root was not dropped.
import { PUBLIC_ROOTS_TEXT } from './public-roots';

export interface PublicRoot {
	name: string;
	spkiSha256: string;
	subjectSha256: string;
	subjectKeyId: string | null;
}

let index: {
	bySpki: Map<string, PublicRoot>;
	bySubject: Map<string, PublicRoot[]>;
	selfSigned: Set<string>;
} | null = null;

function roots(): NonNullable<typeof index> {
	if (index) return index;
	const bySpki = new Map<string, PublicRoot>();
	const bySubject = new Map<string, PublicRoot[]>();
	const selfSigned = new Set<string>();
	for (const line of PUBLIC_ROOTS_TEXT.split('\n')) {
		const [spki, subject, ski, cert, ...name] = line.split(' ');
		if (!spki || !subject || !ski || !cert) continue;
		if (cert !== '-') selfSigned.add(cert);
		const root = {
			name: name.join(' '),
			spkiSha256: spki,
			subjectSha256: subject,
			subjectKeyId: ski === '-' ? null : ski,
		};
		bySpki.set(spki, root);
		bySubject.set(subject, [...(bySubject.get(subject) ?? []), root]);
	}
	index = { bySpki, bySubject, selfSigned };
	return index;
}

/** The public root whose public key this is (SHA-256 of the SubjectPublicKeyInfo, hex). */
export function publicRootByKey(spkiSha256: string): PublicRoot | null {
	return roots().bySpki.get(spkiSha256) ?? null;
}

/**
 * The public root that issued a certificate, by issuer name (SHA-256 of its DER) and authority
 * key identifier. Several roots share a name across re-keys, so when both sides carry a key
 * identifier they must agree; without one the name decides. The signature is not checked.
 */
export function publicRootByIssuer(
	issuerSha256: string,
	authorityKeyId: string | null,
): PublicRoot | null {
	const candidates = roots().bySubject.get(issuerSha256) ?? [];
	return (
		candidates.find(
			(r) =>
				authorityKeyId === null || r.subjectKeyId === null || r.subjectKeyId === authorityKeyId,
		) ?? null
	);
}

export function publicRootCount(): number {
	return roots().bySpki.size;
}

/**
 * A byte-identical copy (by SHA-256 of the whole certificate) of a public root whose
 * self-signature was verified when the list was generated: a truststore of Mozilla roots needs
 * no signature check of its own.
 */
export function knownSelfSignedRoot(certSha256: string): boolean {
	return roots().selfSigned.has(certSha256);
}
