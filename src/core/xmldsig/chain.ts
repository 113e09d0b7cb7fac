// Signer chain verdict (WSS-SIGNER-UNTRUSTED): the certificate stage's RFC 5280 path validator
// over the signer, every other supplied or message certificate as intermediates, and the anchors.
import { children, readTlv } from '../asn1/der';
import { trustOf } from '../x509/path';
import { verifyAsymmetric, type HashName } from './algorithms';
import type { KnownCert } from './keyinfo';
import { isBug, reasonOf } from '../errors';

const CERT_SIGNATURES: Record<string, { family: 'rsa' | 'dsa'; hash: HashName }> = {
	'1.2.840.113549.1.1.4': { family: 'rsa', hash: 'md5' },
	'1.2.840.113549.1.1.5': { family: 'rsa', hash: 'sha1' },
	'1.2.840.113549.1.1.11': { family: 'rsa', hash: 'sha256' },
	'1.2.840.113549.1.1.12': { family: 'rsa', hash: 'sha384' },
	'1.2.840.113549.1.1.13': { family: 'rsa', hash: 'sha512' },
	'1.2.840.10040.4.3': { family: 'dsa', hash: 'sha1' },
	'2.16.840.1.101.3.4.3.2': { family: 'dsa', hash: 'sha256' },
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * One-level fallback for what WebCrypto cannot check (MD5- or DSA-signed certificates, common in
 * old interop samples): the signer's issuer is an anchor and the anchor's key verifies the
 * certificate signature. Returns the algorithm used, or null.
 */
async function issuedByAnchor(
	signer: KnownCert,
	anchors: readonly KnownCert[],
): Promise<string | null> {
	const cert = signer.info;
	const how = CERT_SIGNATURES[cert.signatureOid];
	if (!how || !cert.signature) return null;
	let sig = cert.signature;
	if (how.family === 'dsa') {
		// DER SEQUENCE { r, s } → fixed-size r || s
		const seq = readTlv(sig);
		const rs = seq ? children(sig, seq) : null;
		if (!rs || rs.length !== 2) return null;
		const ints = rs.map((t) => sig.subarray(t.contentStart, t.end));
		const size = Math.max(...ints.map((b) => (b[0] === 0 ? b.length - 1 : b.length)));
		const out = new Uint8Array(size * 2);
		ints.forEach((b, i) => {
			const v = b[0] === 0 ? b.subarray(1) : b;
			out.set(v, i * size + (size - v.length));
		});
		sig = out;
	}
	for (const a of anchors) {
		if (!sameBytes(a.info.subjectDer, signer.info.issuerDer)) continue;
		try {
			if (await verifyAsymmetric(how, a.info.key, cert.tbsDer, sig))
				return `${how.family.toUpperCase()} with ${how.hash.toUpperCase()}`;
		} catch (error) {
			if (isBug(error)) throw error;
			// key type does not fit: try the next anchor
		}
	}
	return null;
}

/**
 * Chain verdict of a signer against anchors (sha256 list) at the analysis time `at` (ISO 8601;
 * never the wall clock, so a verdict does not change with the day it is computed); null when
 * there are no anchors.
 */
export async function chainVerdict(
	signer: KnownCert,
	all: readonly KnownCert[],
	anchors: readonly string[],
	at: string,
): Promise<{ trusted: boolean; error?: string } | null> {
	if (anchors.length === 0) return null;
	if (Number.isNaN(Date.parse(at)))
		return { trusted: false, error: `the analysis time ${at} is not a date` };
	const when = at;
	const nb = signer.info.notBefore;
	const na = signer.info.notAfter;
	if (na && Date.parse(na) < Date.parse(when))
		return { trusted: false, error: `the signer certificate expired on ${na}` };
	if (nb && Date.parse(nb) > Date.parse(when))
		return { trusted: false, error: `the signer certificate is not valid before ${nb}` };
	if (anchors.includes(signer.sha256)) return { trusted: true };
	// The one path validator of the certificate stage (RFC 5280 §6, src/core/x509/path.ts).
	let r: Awaited<ReturnType<typeof trustOf>>;
	try {
		r = await trustOf(
			{ der: signer.info.der, sha256: signer.sha256 },
			all.map((c) => ({ der: c.info.der, sha256: c.sha256 })),
			new Set(anchors),
			{ time: Date.parse(when) },
		);
	} catch (error) {
		if (isBug(error)) throw error;
		return {
			trusted: false,
			error: `the signer certificate could not be read for chain validation: ${reasonOf(error)}`,
		};
	}
	if (r.valid) return { trusted: true };
	const legacy = await issuedByAnchor(
		signer,
		all.filter((c) => anchors.includes(c.sha256)),
	);
	if (legacy)
		return {
			trusted: true,
			error: `issued by a trust anchor; its certificate signature uses ${legacy}`,
		};
	return { trusted: false, error: r.error ?? 'no chain to a trust anchor' };
}
