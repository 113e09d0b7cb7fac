// CRLs in the certificate stage (RFC 5280 §5, §6.3): each dropped CRL's signature is checked
// against the dropped certificates named as its issuer (WebCrypto for RSA/ECDSA, BigInt DSA, pkijs
// for the rest), its freshness against the analysis time, its profile (CRL number, critical
// extensions, the signer's cRLSign) and scope (issuingDistributionPoint, delta CRLs, indirect
// CRLs, CRLs signed by another key of the CA). The certificates it lists are marked revoked; a
// certificate whose CA's dropped CRLs are all stale, forged, unusable or out of scope gets a
// revocationUnknown reason, which makes its chain untrusted when trust anchors are set (chain.ts).
// A certificate whose CA has no dropped CRL at all is not affected: revocation data is not required.
import * as asn1js from 'asn1js';
import { loadPkijs } from './pkijs-fallback';
import { toArrayBuffer } from '../bytes/encoding';
import type { AnalysisFacts } from '../facts';
import type { StageContext } from '../pipeline';
import { readRawCertificate } from './certificate-facts';
import type { CertificateFacts, CrlVerdict, CrlView, X509Detail } from './facts';
import { keyUsage, readExtensions } from './extensions';
import { trustOf } from './path';
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

/** One RDN as sorted 'oid=value' pairs (values case-folded, spaces collapsed). */
function rdnKey(set: asn1js.AsnType): string {
	const atvs = set instanceof asn1js.Constructed ? set.valueBlock.value : [];
	return atvs
		.map((atv) => {
			const [t, v] = atv instanceof asn1js.Sequence ? atv.valueBlock.value : [];
			const value =
				v instanceof asn1js.BaseStringBlock
					? v.getValue().toLowerCase().trim().replace(/\s+/g, ' ')
					: '';
			return `${t instanceof asn1js.ObjectIdentifier ? t.valueBlock.toString() : '?'}=${value}`;
		})
		.sort()
		.join('+');
}

/** A Name as its RDN keys in encoding order, joined: the form distribution point names compare in. */
function nameKey(name: asn1js.AsnType | undefined): string {
	return (name instanceof asn1js.Sequence ? name.valueBlock.value : []).map(rdnKey).join('/');
}

/**
 * The names of a distributionPoint field ([0], wrapping the DistributionPointName CHOICE:
 * [0] fullName GeneralNames, or [1] nameRelativeToCRLIssuer appended to `issuer`): directory
 * names as nameKey, URIs as 'uri:…'; null without the field.
 */
function pointNames(
	field: asn1js.AsnType | undefined,
	issuer: asn1js.AsnType | undefined,
): string[] | null {
	if (!(field instanceof asn1js.Constructed)) return null;
	const choice = field.valueBlock.value[0];
	if (!(choice instanceof asn1js.Constructed)) return null;
	if (choice.idBlock.tagNumber === 1) return [`${nameKey(issuer)}/${rdnKey(choice)}`];
	return choice.valueBlock.value.flatMap((g) => {
		if (g.idBlock.tagClass !== 3) return [];
		if (g.idBlock.tagNumber === 4 && g instanceof asn1js.Constructed)
			return [nameKey(g.valueBlock.value[0])];
		if (g.idBlock.tagNumber === 6 && g instanceof asn1js.Primitive)
			return [`uri:${new TextDecoder().decode(g.valueBlock.valueHexView)}`];
		return [];
	});
}

/**
 * The distribution point names of a certificate's cRLDistributionPoints (relative names taken
 * against its issuer); null without the extension.
 */
function certificatePoints(
	der: Uint8Array,
): { names: string[]; indirect: boolean; crlIssuers: string[] } | null {
	const raw = readRawCertificate(der);
	const ext = readExtensions(raw.tbs).find((e) => e.oid === '2.5.29.31');
	if (!ext) return null;
	const dps = parseDer(ext.value);
	const list = dps instanceof asn1js.Sequence ? dps.valueBlock.value : [];
	const fields = (dp: asn1js.AsnType) => (dp instanceof asn1js.Sequence ? dp.valueBlock.value : []);
	return {
		names: list.flatMap((dp) => {
			const field = fields(dp).find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 0);
			// RFC 5280 4.2.1.13: a relative name is appended to the cRLIssuer when there is one
			const crlIssuer = fields(dp).find(
				(f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 2,
			);
			const dirName =
				crlIssuer instanceof asn1js.Constructed
					? crlIssuer.valueBlock.value.find(
							(g) => g.idBlock.tagClass === 3 && g.idBlock.tagNumber === 4,
						)
					: undefined;
			const base = dirName instanceof asn1js.Constructed ? dirName.valueBlock.value[0] : raw.issuer;
			return pointNames(field, base) ?? [];
		}),
		// a cRLIssuer: the certificate's CRL is an indirect one, issued by another authority
		indirect: list.some((dp) =>
			fields(dp).some((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 2),
		),
		crlIssuers: list.flatMap((dp) =>
			fields(dp)
				.filter((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 2)
				.flatMap((f) => (f instanceof asn1js.Constructed ? f.valueBlock.value : []))
				.flatMap((g) =>
					g.idBlock.tagClass === 3 && g.idBlock.tagNumber === 4 && g instanceof asn1js.Constructed
						? [nameKey(g.valueBlock.value[0])]
						: [],
				),
		),
	};
}

/** The CRL issuer's Name as nameKey. */
function crlIssuerKey(crlDer: Uint8Array): string {
	const crl = parseDer(crlDer);
	const tbs = crl instanceof asn1js.Sequence ? crl.valueBlock.value[0] : null;
	if (!(tbs instanceof asn1js.Sequence)) return '';
	return nameKey(tbs.valueBlock.value[tbs.valueBlock.value[0] instanceof asn1js.Integer ? 2 : 1]);
}

/** The CRL carries a deltaCRLIndicator (2.5.29.27). */
function isDeltaCrl(crlDer: Uint8Array): boolean {
	const crl = parseDer(crlDer);
	const tbs = crl instanceof asn1js.Sequence ? crl.valueBlock.value[0] : null;
	if (!(tbs instanceof asn1js.Sequence)) return false;
	const wrapper = tbs.valueBlock.value.find(
		(v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0,
	);
	const list = wrapper instanceof asn1js.Constructed ? wrapper.valueBlock.value[0] : null;
	return (list instanceof asn1js.Sequence ? list.valueBlock.value : []).some((e) => {
		const oid = e instanceof asn1js.Sequence ? e.valueBlock.value[0] : null;
		return oid instanceof asn1js.ObjectIdentifier && oid.valueBlock.toString() === '2.5.29.27';
	});
}

/** ReasonFlags bits 1–8 (keyCompromise … aACompromise): every reason a CRL can cover. */
const ALL_REASONS = 0x1fe;

/** An onlySomeReasons ReasonFlags BIT STRING ([3] IMPLICIT) as bits 0–8; null when absent. */
function reasonMask(v: asn1js.AsnType | undefined): number | null {
	if (!(v instanceof asn1js.Primitive)) return null;
	const bytes = new Uint8Array(v.valueBlock.valueHexView).subarray(1); // after the unused-bits count
	let mask = 0;
	for (let bit = 0; bit <= 8; bit++)
		if (((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0) mask |= 1 << bit;
	return mask;
}

/**
 * The scope an issuingDistributionPoint extension (RFC 5280 5.2.5) limits a CRL to; null without
 * one. Distribution point names are not matched here.
 */
function idpScope(crlDer: Uint8Array): {
	users: boolean;
	cas: boolean;
	attributes: boolean;
	someReasons: number | null;
	/** The distribution point names the CRL covers (dpNames keys), null without any. */
	points: string[] | null;
} | null {
	const crl = parseDer(crlDer);
	const tbs = crl instanceof asn1js.Sequence ? crl.valueBlock.value[0] : null;
	if (!(tbs instanceof asn1js.Sequence)) return null;
	const wrapper = tbs.valueBlock.value.find(
		(v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0,
	);
	const list = wrapper instanceof asn1js.Constructed ? wrapper.valueBlock.value[0] : null;
	for (const e of list instanceof asn1js.Sequence ? list.valueBlock.value : []) {
		const parts = e instanceof asn1js.Sequence ? e.valueBlock.value : [];
		const oid = parts[0];
		const value = parts[parts.length - 1];
		if (!(oid instanceof asn1js.ObjectIdentifier) || oid.valueBlock.toString() !== '2.5.29.28')
			continue;
		if (!(value instanceof asn1js.OctetString)) return null;
		const idp = parseDer(new Uint8Array(value.valueBlock.valueHexView));
		const fields = idp instanceof asn1js.Sequence ? idp.valueBlock.value : [];
		const flag = (tag: number) =>
			fields.some(
				(f) =>
					f.idBlock.tagClass === 3 &&
					f.idBlock.tagNumber === tag &&
					f instanceof asn1js.Primitive &&
					new Uint8Array(f.valueBlock.valueHexView)[0] !== 0,
			);
		return {
			users: flag(1),
			cas: flag(2),
			someReasons: reasonMask(
				fields.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 3),
			),
			attributes: flag(5),
			points: pointNames(
				fields.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 0),
				tbs.valueBlock.value[tbs.valueBlock.value[0] instanceof asn1js.Integer ? 2 : 1],
			),
		};
	}
	return null;
}

/** CRL extensions RFC 5280 §5.2 defines (their criticality does not make a CRL unusable here). */
const KNOWN_CRL_EXTENSIONS = new Set([
	'2.5.29.35', // authorityKeyIdentifier
	'2.5.29.18', // issuerAltName
	'2.5.29.20', // cRLNumber
	'2.5.29.27', // deltaCRLIndicator
	'2.5.29.28', // issuingDistributionPoint
	'2.5.29.46', // freshestCRL
	'1.3.6.1.5.5.7.1.1', // authorityInfoAccess
]);

/**
 * Why a CRL whose signature verified still cannot be used to check revocation (RFC 5280 §5 and
 * §6.3.3), or null: the CRL number extension is missing (5.2.3: CRL issuers MUST include it) or
 * critical (5.2.3: MUST be non-critical), or the issuer's keyUsage lacks cRLSign (4.2.1.3, 6.3.3 f).
 */
function unusableReason(crlDer: Uint8Array, issuerDer: Uint8Array): string | null {
	const crl = parseDer(crlDer);
	const tbs = crl instanceof asn1js.Sequence ? crl.valueBlock.value[0] : null;
	if (!(tbs instanceof asn1js.Sequence)) return 'the CRL is malformed';
	const wrapper = tbs.valueBlock.value.find(
		(v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0,
	);
	const list = wrapper instanceof asn1js.Constructed ? wrapper.valueBlock.value[0] : null;
	const exts = list instanceof asn1js.Sequence ? list.valueBlock.value : [];
	const crlNumber = exts.find((e) => {
		const oid = e instanceof asn1js.Sequence ? e.valueBlock.value[0] : null;
		return oid instanceof asn1js.ObjectIdentifier && oid.valueBlock.toString() === '2.5.29.20';
	});
	// A version 1 CRL (no version field, no extensions: what openssl ca -gencrl writes without a
	// crlnumber file, and the WSS4J test CA's CRL) predates the profile: OpenSSL, Java and WSS4J
	// use it, so its missing CRL number is not held against it. A version 2 CRL claims the profile.
	const v2 = tbs.valueBlock.value[0] instanceof asn1js.Integer;
	if (!crlNumber && v2) return 'it has no CRL number (RFC 5280 5.2.3: CRL issuers MUST include it)';
	const critical =
		crlNumber instanceof asn1js.Sequence &&
		crlNumber.valueBlock.value.some((v) => v instanceof asn1js.Boolean && v.valueBlock.value);
	if (critical) return 'its CRL number is marked critical (RFC 5280 5.2.3: MUST be non-critical)';
	// RFC 5280 5.2: a CRL with a critical extension the validator does not process is not used.
	const unknownCritical = exts.flatMap((e) => {
		const [oid, ...rest] = e instanceof asn1js.Sequence ? e.valueBlock.value : [];
		const id = oid instanceof asn1js.ObjectIdentifier ? oid.valueBlock.toString() : '?';
		const crit = rest.some((v) => v instanceof asn1js.Boolean && v.valueBlock.value);
		return crit && !KNOWN_CRL_EXTENSIONS.has(id) ? [id] : [];
	});
	if (unknownCritical.length > 0)
		return `it has an unrecognized critical extension ${unknownCritical.join(', ')} (RFC 5280 5.2)`;
	const ku = readExtensions(readRawCertificate(issuerDer).tbs).find((e) => e.oid === '2.5.29.15');
	if (ku && !keyUsage(ku.value).includes('cRLSign'))
		return "its issuer's keyUsage lacks cRLSign (RFC 5280 4.2.1.3, 6.3.3 f)";
	return null;
}

/** true / false when checked; null when the algorithm could not be checked. */
async function verifiedBy(crlDer: Uint8Array, parts: SignedParts, certDer: Uint8Array) {
	try {
		const raw = readRawCertificate(certDer);
		const direct = await verifySigned(raw, parts.signatureOid, parts.signature, parts.tbs);
		if (direct !== null) return direct;
		const pkijs = await loadPkijs();
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
		if (ok === true) {
			const unusable = unusableReason(crl.der, der);
			return {
				status: 'valid',
				issuerSha256: c.sha256,
				text: `signature valid (${crl.signatureAlgorithm}, issuer certificate sha256 ${c.sha256.slice(0, 16)}…)${unusable ? `, but the CRL cannot be used for revocation checking: ${unusable}` : ''}`,
				...(unusable ? { unusable } : {}),
			};
		}
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
	// A CRL signed by another key of the CA (a separate CRL-signing certificate, a rolled-over
	// key) speaks for the CA's certificates when its signer's own path validates to the trust
	// anchors (RFC 5280 6.3.3 f); without anchors only the key the certificate names counts.
	const anchors = new Set(facts.trustAnchors);
	const all = ctx.keyring.certificates.map((m) => ({ der: m.der, sha256: m.sha256 }));
	const signerTrust = new Map<string, Promise<boolean>>();
	const signerTrusted = (signer: CertificateFacts): Promise<boolean> => {
		let p = signerTrust.get(signer.sha256);
		if (!p) {
			const der = derOf.get(signer.sha256);
			p =
				anchors.size === 0 || !der
					? Promise.resolve(false)
					: trustOf({ der, sha256: signer.sha256 }, all, anchors, {
							time: Date.parse(facts.now),
						}).then(
							(r) => r.valid,
							(error: unknown) => {
								if (isBug(error)) throw error;
								return false; // the signer cannot be read for path validation: not trusted
							},
						);
			signerTrust.set(signer.sha256, p);
		}
		return p;
	};
	// Serials a verified delta CRL takes off its base CRL (removeFromCRL), per CRL issuer.
	const removedBy = new Map<string, Set<string>>();
	for (const p of ctx.inputs) {
		const detail = p.outcome.detail;
		if (detail?.area !== 'cert') continue;
		for (const crl of detail.data.crls) {
			if (!crl.removed?.length) continue;
			const v = await verdictOf(crl, bySubject.get(crl.issuer) ?? [], derOf);
			if (v.status !== 'valid') continue;
			const set = removedBy.get(crl.issuer) ?? new Set<string>();
			for (const serial of crl.removed) set.add(serial);
			removedBy.set(crl.issuer, set);
		}
	}
	// Why the revocation status of a certificate cannot be established, unless a usable, current
	// CRL of its CA that does not list it is dropped too (`covered`).
	const unknown = new Map<CertificateFacts, string[]>();
	const unknownWhy = (c: CertificateFacts): string[] => {
		let list = unknown.get(c);
		if (!list) unknown.set(c, (list = []));
		return list;
	};
	const covered = new Set<CertificateFacts>();
	// RFC 5280 6.3.3 b 2 i: a CRL for named distribution points covers a certificate whose
	// cRLDistributionPoints names one of them (a certificate naming none is not covered).
	// A certificate whose distribution point names a cRLIssuer is covered only by that issuer's
	// (indirect) CRL (RFC 5280 6.3.3 b 1), matched in the indirect pass below.
	type Points = { names: string[]; indirect: boolean; crlIssuers: string[] } | null;
	const pointsOf = new Map<string, Points>();
	const pointsFor = (c: CertificateFacts): Points => {
		if (!pointsOf.has(c.sha256)) {
			const der = derOf.get(c.sha256);
			let points: Points;
			try {
				points = der ? certificatePoints(der) : null;
			} catch (error) {
				if (isBug(error)) throw error;
				points = null; // unreadable extension: it names no distribution point
			}
			pointsOf.set(c.sha256, points);
		}
		return pointsOf.get(c.sha256) ?? null;
	};
	const pointsMatch = (crlPoints: string[], c: CertificateFacts): boolean =>
		pointsFor(c)?.names.some((n) => crlPoints.includes(n)) ?? false;
	const reasonsCovered = new Map<CertificateFacts, number>();
	/** CRLs applied, with the certificate that signed each (for the signer-revoked pass). */
	const applied: {
		input: string;
		issuer: string;
		signer: CertificateFacts;
		listed: Set<string>;
	}[] = [];
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
			if (crl.verdict.status === 'invalid') {
				// A forged or altered list revokes nothing, and proves nothing about the CA's others.
				for (const c of facts.certificates)
					if (c.issuer === crl.issuer)
						unknownWhy(c).push(
							`the CRL ${p.file.name} of ${crl.issuer} does not verify with the CA's key (RFC 5280 6.3.3 f)`,
						);
				continue;
			}
			const signer = crl.verdict.issuerSha256
				? facts.certificates.find((c) => c.sha256 === crl.verdict?.issuerSha256)
				: undefined;
			if (signer)
				applied.push({
					input: p.file.name,
					issuer: crl.issuer,
					signer,
					listed: new Set(crl.revoked.map((r) => r.serial)),
				});
			const scope = idpScope(crl.der);
			for (const c of facts.certificates) {
				if (c.issuer !== crl.issuer) continue;
				// Same CA name, other key: the CRL is about this certificate only when its signer is
				// itself trusted (an impostor CA of the same name is not).
				if (
					signer?.subjectKeyId &&
					c.authorityKeyId &&
					signer.subjectKeyId !== c.authorityKeyId &&
					!(await signerTrusted(signer))
				)
					continue;
				// RFC 5280 5.2.5, 6.3.3 b: a CRL scoped to other certificate kinds says nothing here
				const outside = pointsFor(c)?.indirect
					? 'certificates whose distribution point names it (this one names another CRL issuer)'
					: scope?.attributes
						? 'attribute certificates'
						: scope?.users && c.isCA
							? 'end-entity certificates'
							: scope?.cas && !c.isCA
								? 'CA certificates'
								: scope?.points && !pointsMatch(scope.points, c)
									? `its distribution point (${c.subject} names another, or none)`
									: null;
				if (outside) {
					unknownWhy(c).push(
						`the CRL ${p.file.name} of ${crl.issuer} covers only ${outside} (issuingDistributionPoint, RFC 5280 5.2.5)`,
					);
					continue;
				}
				const hit = crl.revoked.find(
					(r) =>
						r.serial === c.serialNumber &&
						(!r.certificateIssuer || r.certificateIssuer === crl.issuer),
				);
				// Listed as revoked is evidence even on a CRL that breaks the profile or is past its
				// nextUpdate; not listed on such a CRL proves nothing (RFC 5280 6.3.3 a: the status is
				// undetermined), unless another, usable CRL of the CA covers the certificate.
				if (!hit && crl.verdict.unusable)
					unknownWhy(c).push(
						`the CRL ${p.file.name} of ${crl.issuer} is signed by it but ${crl.verdict.unusable}`,
					);
				else if (!hit && crl.stale)
					unknownWhy(c).push(
						`the CRL ${p.file.name} of ${crl.issuer} is past its nextUpdate (${crl.nextUpdate ?? ''}; RFC 5280 6.3.3 a)`,
					);
				else if (!hit && crl.verdict.status === 'valid' && scope?.someReasons != null) {
					// CRLs of some reasons each: the status is known once together they cover all
					const mask = (reasonsCovered.get(c) ?? 0) | scope.someReasons;
					reasonsCovered.set(c, mask);
					if ((mask & ALL_REASONS) === ALL_REASONS) covered.add(c);
					else
						unknownWhy(c).push(
							`the CRLs of ${crl.issuer} cover only some revocation reasons (onlySomeReasons, RFC 5280 6.3.3 b)`,
						);
				} else if (!hit && crl.verdict.status === 'valid' && isDeltaCrl(crl.der))
					// RFC 5280 5.2.4: a delta CRL lists changes since a base CRL; alone it settles nothing
					unknownWhy(c).push(
						`the only CRL ${p.file.name} of ${crl.issuer} is a delta CRL, without its base CRL (RFC 5280 5.2.4)`,
					);
				else if (!hit && crl.verdict.status === 'valid') covered.add(c);
				// on hold in the base CRL and taken off by a delta CRL: base and delta settle it
				if (hit && removedBy.get(crl.issuer)?.has(c.serialNumber)) covered.add(c);
				else if (hit)
					c.revoked = {
						crlInput: p.file.name,
						date: hit.date,
						crlVerified: crl.verdict.status === 'valid',
					};
			}
		}
	}
	// Indirect CRLs (RFC 5280 5.3.3): an entry naming another issuer revokes that issuer's
	// certificate when the CRL's signer is itself trusted; as with any listing, it only adds.
	for (const p of ctx.inputs) {
		const detail = facts.inputs.find((i) => i.id === p.file.id)?.detail;
		if (detail?.area !== 'cert') continue;
		for (const crl of detail.data.crls) {
			const signerSha = crl.verdict?.status === 'valid' ? crl.verdict.issuerSha256 : null;
			const signer = signerSha ? facts.certificates.find((c) => c.sha256 === signerSha) : null;
			const entries = crl.revoked.filter(
				(r) => r.certificateIssuer && r.certificateIssuer !== crl.issuer,
			);
			const issuerKey = crlIssuerKey(crl.der);
			const delegated = facts.certificates.filter(
				(c) => c.issuer !== crl.issuer && pointsFor(c)?.crlIssuers.includes(issuerKey),
			);
			if (!signer || (entries.length === 0 && delegated.length === 0)) continue;
			if (!(await signerTrusted(signer))) continue;
			for (const c of facts.certificates) {
				const hit = entries.find(
					(r) => r.certificateIssuer === c.issuer && r.serial === c.serialNumber,
				);
				if (hit && !c.revoked)
					c.revoked = { crlInput: p.file.name, date: hit.date, crlVerified: true };
			}
			// RFC 5280 6.3.3 b 1: the CRL issuer a certificate's distribution point names settles
			// its status when its CRL does not list it (and covers the named point, if scoped).
			const scope = idpScope(crl.der);
			for (const c of delegated)
				if (!c.revoked && !crl.stale && (!scope?.points || pointsMatch(scope.points, c)))
					covered.add(c);
		}
	}
	for (const [c, why] of unknown)
		if (!covered.has(c) && !c.revoked && why[0])
			c.revocationUnknown ??= `revocation status cannot be established: ${why[0]}`;
	// A CRL whose signing certificate another CRL revokes proves nothing about what it omits.
	for (const a of applied) {
		if (!a.signer.revoked?.crlVerified) continue;
		for (const c of facts.certificates)
			if (c.issuer === a.issuer && !c.revoked && !a.listed.has(c.serialNumber))
				c.revocationUnknown ??= `revocation status cannot be established: the CRL ${a.input} is signed by ${a.signer.subject}, which is itself revoked (CRL ${a.signer.revoked.crlInput})`;
	}
}
