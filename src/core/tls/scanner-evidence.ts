// What a scanner said beyond protocols and suites: suite categories it tested without listing
// suites (testssl.sh `cipherlist_*`, SWEET32, RC4) and the HSTS header (CGS-1 3.6).
import type { ScannerCategory, TlsFacts } from './facts';
import type { ObservedEndpoint } from './model';
import { origin } from './model';

/** RULES.md 3.6: A+ requires HSTS with max-age ≥ 15552000 s (180 days). */
export const HSTS_MIN_AGE = 15552000;

const CATEGORIES: readonly ScannerCategory[] = [
	'NULL',
	'aNULL',
	'EXPORT',
	'LOW',
	'3DES_IDEA',
	'OBSOLETED',
	'STRONG_NOFS',
	'STRONG_FS',
	'RC4',
];

export function scannerCategories(
	o: ObservedEndpoint,
	inputName: string,
): NonNullable<TlsFacts['scannerCategories']> {
	return Object.entries(o.categories ?? {}).flatMap(([id, v]) => {
		const cat = CATEGORIES.find((c) => c === id);
		return cat
			? [{ id: cat, offered: v.offered, origin: origin(inputName, id, null, v.evidence) }]
			: [];
	});
}

export function hstsFact(o: ObservedEndpoint, inputName: string): TlsFacts['hsts'] {
	if (!o.hsts) return null;
	return { maxAge: o.hsts.maxAge, origin: origin(inputName, 'HSTS', null, o.hsts.evidence) };
}

/**
 * CGS-1 3.6 as a plain note: a scan that read the HTTP headers and found no HSTS, or a max-age
 * under 180 days, means no A+ whatever else the connector gets, and A is then the best grade.
 */
export function hstsNote(hsts: TlsFacts['hsts']): string | null {
	if (!hsts) return null;
	if (hsts.maxAge !== null && hsts.maxAge >= HSTS_MIN_AGE) return null;
	const seen =
		hsts.maxAge === null
			? 'the scan found no Strict-Transport-Security header'
			: `the scan found HSTS max-age ${hsts.maxAge} s (${Math.floor(hsts.maxAge / 86400)} days)`;
	return `No A+: ${seen}; A+ requires HSTS with max-age ≥ ${HSTS_MIN_AGE} s (180 days, CGS-1 3.6). If nothing else caps this connector, HSTS is what stands between A and A+: add "Strict-Transport-Security: max-age=63072000".`;
}
