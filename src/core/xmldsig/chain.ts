// Signer chain verdict (WSS-SIGNER-UNTRUSTED): pkijs CertificateChainValidationEngine over the
// signer, every other supplied or message certificate as intermediates, and the trust anchors.
import { fromBER } from 'asn1js';
import { Certificate, CertificateChainValidationEngine } from 'pkijs';
import { toArrayBuffer } from '../bytes/encoding';
import type { KnownCert } from './keyinfo';

function pkijsCert(der: Uint8Array): Certificate | null {
	const asn = fromBER(toArrayBuffer(der));
	if (asn.offset === -1) return null;
	try {
		return new Certificate({ schema: asn.result });
	} catch {
		return null;
	}
}

/** Chain verdict of a signer against anchors (sha256 list); null when there are no anchors. */
export async function chainVerdict(
	signer: KnownCert,
	all: readonly KnownCert[],
	anchors: readonly string[],
	at: string | null,
): Promise<{ trusted: boolean; error?: string } | null> {
	if (anchors.length === 0) return null;
	if (anchors.includes(signer.sha256)) return { trusted: true };
	const trusted = all.filter((c) => anchors.includes(c.sha256)).map((c) => pkijsCert(c.info.der));
	const others = all
		.filter((c) => c !== signer && !anchors.includes(c.sha256))
		.map((c) => pkijsCert(c.info.der));
	const leaf = pkijsCert(signer.info.der);
	if (!leaf)
		return {
			trusted: false,
			error: 'the signer certificate could not be read for chain validation',
		};
	const engine = new CertificateChainValidationEngine({
		trustedCerts: trusted.filter((c): c is Certificate => c !== null),
		certs: [leaf, ...others.filter((c): c is Certificate => c !== null)],
		checkDate: at ? new Date(at) : new Date(),
	});
	try {
		const r = await engine.verify();
		return r.result
			? { trusted: true }
			: { trusted: false, error: r.resultMessage || 'no chain to a trust anchor' };
	} catch (e) {
		const message =
			e && typeof e === 'object' && 'resultMessage' in e ? String(e.resultMessage) : String(e);
		return { trusted: false, error: message };
	}
}
