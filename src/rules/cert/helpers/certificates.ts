// Pure helpers the CERT-*, KEY-* and KEYSTORE-* rules share (no I/O, no key material).
import type { AnalysisFacts } from '../../../core/facts';
import { certificateTag } from '../../../core/report/certificate-tag';
import type { CertificateFacts } from '../../../core/x509/facts';

export const DAY_MS = 86_400_000;

/** Each certificate once per input (the same certificate in two files is reported for both). */
export function certificatesOnce(facts: AnalysisFacts): CertificateFacts[] {
	const seen = new Set<string>();
	return facts.certificates.filter((c) => {
		const key = `${c.inputName}\u0000${c.sha256}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * Leaf and intermediate certificates: what the CA/B and SSL Labs checks look at. Roots are
 * excluded, and so are extra certificates (sent beside a leaf, on no leaf's chain): path
 * building passes them by, and SSL Labs lists them without grading them.
 */
export function leafOrIntermediate(facts: AnalysisFacts): CertificateFacts[] {
	return certificatesOnce(facts).filter((c) => c.role !== 'root' && !c.extraCertificate);
}

export function certSubject(c: CertificateFacts): string {
	return `${c.source}: ${c.subject || '(empty subject)'} ${certificateTag(c.sha256)}`;
}

export function daysBetween(fromIso: string, toIso: string): number {
	return (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
}

/** The certificate's chain reaches a root of the public (Mozilla) list shipped with the app. */
export function publiclyTrusted(c: CertificateFacts): boolean {
	return c.publicRoot !== undefined;
}

/**
 * The CA/B Forum maximum subscriber validity (BR 6.3.2, ballot SC-081v3) for a certificate issued
 * at `notBefore`: 825 days up to 2020-08-31 (the catalog gives no older limit, so 825 applies
 * before 2018-03-01 too), 398 up to 2026-03-14, 200, 100 from 2027-03-15, 47 from 2029-03-15.
 */
export function cabMaxValidityDays(notBefore: string): number {
	const t = Date.parse(notBefore);
	if (t < Date.parse('2020-09-01T00:00:00Z')) return 825;
	if (t < Date.parse('2026-03-15T00:00:00Z')) return 398;
	if (t < Date.parse('2027-03-15T00:00:00Z')) return 200;
	if (t < Date.parse('2029-03-15T00:00:00Z')) return 100;
	return 47;
}
