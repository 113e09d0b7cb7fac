// CRLs in the certificate stage: each dropped CRL's signature is checked against the dropped
// certificates named as its issuer (WebCrypto for RSA/ECDSA, pkijs for the rest), its freshness
// against the analysis time, and the certificates it lists are marked revoked.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes/encoding';
import type { AnalysisFacts } from '../facts';
import type { StageContext } from '../pipeline';
import { readRawCertificate } from './certificate-facts';
import type { CertificateFacts, CrlVerdict, CrlView, X509Detail } from './facts';
import { parseDer } from './public-key';
import { verifySigned } from './signature';
import { isBug } from '../errors';

interface SignedParts {
	tbs: Uint8Array;
	signatureOid: string;
	signature: Uint8Array;
}

function signedParts(der: Uint8Array): SignedParts | null {
	const crl = parseDer(der);
	if (!(crl instanceof asn1js.Sequence)) return null;
	const [tbs, alg, bits] = crl.valueBlock.value;
	const oid = alg instanceof asn1js.Sequence ? alg.valueBlock.value[0] : null;
	if (!tbs || !(oid instanceof asn1js.ObjectIdentifier) || !(bits instanceof asn1js.BitString))
		return null;
	return {
		tbs: new Uint8Array(tbs.valueBeforeDecodeView),
		signatureOid: oid.valueBlock.toString(),
		signature: new Uint8Array(bits.valueBlock.valueHexView),
	};
}

/** true / false when checked; null when the algorithm could not be checked. */
async function verifiedBy(crlDer: Uint8Array, parts: SignedParts, certDer: Uint8Array) {
	try {
		const raw = readRawCertificate(certDer);
		const direct = await verifySigned(raw, parts.signatureOid, parts.signature, parts.tbs);
		if (direct !== null) return direct;
		const crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(crlDer));
		const issuer = pkijs.Certificate.fromBER(toArrayBuffer(certDer));
		return await crl.verify({ issuerCertificate: issuer });
	} catch (error) {
		// an algorithm neither verifier supports: the signature is unknown (null), not invalid
		if (isBug(error)) throw error;
		return null;
	}
}

async function verdictOf(
	crl: CrlView,
	issuers: CertificateFacts[],
	derOf: ReadonlyMap<string, Uint8Array>,
): Promise<CrlVerdict> {
	const parts = signedParts(crl.der);
	if (!parts) return { status: 'invalid', issuerSha256: null, text: 'the CRL is malformed' };
	if (issuers.length === 0)
		return {
			status: 'issuer-missing',
			issuerSha256: null,
			text: `signature not checked: the issuer certificate (${crl.issuer}) was not dropped`,
		};
	let failed: CertificateFacts | null = null;
	for (const c of issuers) {
		const der = derOf.get(c.sha256);
		if (!der) continue;
		const ok = await verifiedBy(crl.der, parts, der);
		if (ok === true)
			return {
				status: 'valid',
				issuerSha256: c.sha256,
				text: `signature valid (${crl.signatureAlgorithm}, issuer certificate sha256 ${c.sha256.slice(0, 16)}…)`,
			};
		if (ok === false) failed ??= c;
	}
	if (failed)
		return {
			status: 'invalid',
			issuerSha256: failed.sha256,
			text: `signature INVALID: it does not verify with the key of ${crl.issuer} (sha256 ${failed.sha256.slice(0, 16)}…); the CRL was altered or signed by another key`,
		};
	return {
		status: 'unsupported',
		issuerSha256: null,
		text: `signature not checked: ${crl.signatureAlgorithm} is not supported`,
	};
}

/**
 * Checks every dropped CRL and marks the certificates it revokes. The verdicts go on a copy of
 * each input's detail (parse outcomes are cached between runs and must stay untouched).
 */
export async function checkCrls(facts: AnalysisFacts, ctx: StageContext): Promise<void> {
	const derOf = new Map(ctx.keyring.certificates.map((m) => [m.sha256, m.der]));
	const bySubject = new Map<string, CertificateFacts[]>();
	for (const c of facts.certificates) {
		const list = bySubject.get(c.subject) ?? [];
		if (!list.some((x) => x.sha256 === c.sha256)) list.push(c);
		bySubject.set(c.subject, list);
	}
	for (const p of ctx.inputs) {
		const detail = p.outcome.detail;
		if (detail?.area !== 'cert' || detail.data.crls.length === 0) continue;
		const data: X509Detail = { ...detail.data, crls: detail.data.crls.map((c) => ({ ...c })) };
		const input = facts.inputs.find((i) => i.id === p.file.id);
		if (input) input.detail = { area: 'cert', data };
		for (const crl of data.crls) {
			ctx.signal.throwIfAborted();
			crl.verdict = await verdictOf(crl, bySubject.get(crl.issuer) ?? [], derOf);
			crl.stale = crl.nextUpdate !== null && Date.parse(crl.nextUpdate) < Date.parse(facts.now);
			if (crl.verdict.status === 'invalid') continue; // a forged list revokes nothing
			const signer = crl.verdict.issuerSha256
				? facts.certificates.find((c) => c.sha256 === crl.verdict?.issuerSha256)
				: undefined;
			for (const c of facts.certificates) {
				if (c.issuer !== crl.issuer) continue;
				// Same CA name, other key: the CRL is not about this certificate.
				if (signer?.subjectKeyId && c.authorityKeyId && signer.subjectKeyId !== c.authorityKeyId)
					continue;
				const hit = crl.revoked.find((r) => r.serial === c.serialNumber);
				if (hit)
					c.revoked = {
						crlInput: p.file.name,
						date: hit.date,
						crlVerified: crl.verdict.status === 'valid',
					};
			}
		}
	}
}
