// Pure helpers the CERT-*, KEY-* and KEYSTORE-* rules share (no I/O, no key material).
import type { AnalysisFacts } from '../facts';
import type { CertificateFacts } from './facts';

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

/** Leaf and intermediate certificates: what the CA/B and SSL Labs checks look at (roots excluded). */
export function leafOrIntermediate(facts: AnalysisFacts): CertificateFacts[] {
	return certificatesOnce(facts).filter((c) => c.role !== 'root');
}

export function certSubject(c: CertificateFacts): string {
	return `${c.source}: ${c.subject || '(empty subject)'} [sha256 ${c.sha256.slice(0, 16)}…]`;
}

export function daysBetween(fromIso: string, toIso: string): number {
	return (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
}
