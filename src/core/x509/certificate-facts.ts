// Facts of one DER certificate: names, serial, validity, key, signature algorithm, the extensions
// rules need, fingerprints. Used for every certificate of every input (PEM, keystores, BSTs, TLS).
//
// readRawCertificate is the one certificate decoder: certificate facts, path validation
// (path.ts), chains and CRL matching, PKCS#12 key pairing, the detail view, and the
// certificate-key model (certificate-key.ts) XML signatures and XML encryption match KeyInfo
// against all read certificates through it. pkijs.Certificate is still built in three places for
// another job, verifying a signature with pkijs where WebCrypto is not called directly (RSA-PSS,
// Ed25519 self-signatures here and in path.ts; a CRL's signature in crl-check.ts, whose API takes
// a pkijs issuer certificate): no field is read from those objects.
import * as asn1js from 'asn1js';
import { equalBytes, toArrayBuffer, toHex } from '../bytes/encoding';
import { isBug, ParseError } from '../errors';
import type { CertificateFacts } from './facts';
import { nameText } from './names';
import { certificateThumbprints, subjectKeyIdFromExtension } from './thumbprint';
import { SIGNATURE_ALGORITHMS } from './oids';
import { knownSelfSignedRoot } from './public-trust';
import { verifySigned } from './signature';
import { analyzePublicKey, bigIntOf, parseDerFlat, type PublicKeyInfo } from './public-key';
import {
	authorityKeyId,
	basicConstraints,
	extendedKeyUsage,
	keyUsage,
	octetId,
	readExtensions,
	subjectAltNames,
} from './extensions';
import { loadPkijs } from './pkijs-fallback';

/** The code of a ParseError for bytes that are not a parsable X.509 certificate. */
export const NOT_A_CERTIFICATE = 'x509/not-a-certificate';

function timeValue(t: unknown): Date | null {
	if (t instanceof asn1js.UTCTime || t instanceof asn1js.GeneralizedTime) return t.toDate();
	return null;
}

/** Structural fields read straight from the DER (no library opinion on algorithms). */
export interface RawCertificate {
	/** The whole decoded certificate, for views that would otherwise decode it again. */
	root: asn1js.Sequence;
	tbs: asn1js.Sequence;
	serial: Uint8Array;
	signatureOid: string;
	issuer: asn1js.Sequence;
	subject: asn1js.Sequence;
	notBefore: Date;
	notAfter: Date;
	spki: asn1js.Sequence;
	spkiDer: Uint8Array;
	key: PublicKeyInfo;
	/** The TBSCertificate as encoded (what the signature covers) and the signature bits. */
	tbsDer: Uint8Array;
	signature: Uint8Array | null;
	/** The names as encoded (issuer-serial matching compares them byte for byte first). */
	issuerDer: Uint8Array;
	subjectDer: Uint8Array;
	/** The subjectPublicKey BIT STRING contents (RFC 5280 4.2.1.2 method 1 hashes them). */
	subjectPublicKey: Uint8Array;
	/** The subjectKeyIdentifier extension's key identifier, null without it. */
	subjectKeyId: Uint8Array | null;
}

export function readRawCertificate(der: Uint8Array): RawCertificate {
	const cert = parseDerFlat(der);
	if (!(cert instanceof asn1js.Sequence) || cert.valueBlock.value.length < 3) {
		throw new ParseError(NOT_A_CERTIFICATE, 'not a DER X.509 certificate');
	}
	const [tbs, sigAlg] = cert.valueBlock.value;
	if (!(tbs instanceof asn1js.Sequence) || !(sigAlg instanceof asn1js.Sequence)) {
		throw new ParseError(NOT_A_CERTIFICATE, 'not a DER X.509 certificate');
	}
	const f = [...tbs.valueBlock.value];
	if (f[0] instanceof asn1js.Constructed && f[0].idBlock.tagClass === 3) f.shift(); // [0] version
	const [serial, , issuer, validity, subject, spki] = f;
	const sigOid = sigAlg.valueBlock.value[0];
	if (
		!(serial instanceof asn1js.Integer) ||
		!(issuer instanceof asn1js.Sequence) ||
		!(validity instanceof asn1js.Sequence) ||
		!(subject instanceof asn1js.Sequence) ||
		!(spki instanceof asn1js.Sequence) ||
		!(sigOid instanceof asn1js.ObjectIdentifier)
	) {
		throw new ParseError(NOT_A_CERTIFICATE, 'X.509 certificate with an unexpected structure');
	}
	const notBefore = timeValue(validity.valueBlock.value[0]);
	const notAfter = timeValue(validity.valueBlock.value[1]);
	if (!notBefore || !notAfter || isNaN(notBefore.getTime()) || isNaN(notAfter.getTime())) {
		throw new ParseError(NOT_A_CERTIFICATE, 'X.509 certificate with an unreadable validity period');
	}
	const [alg, bits] = spki.valueBlock.value;
	const algOid = alg instanceof asn1js.Sequence ? alg.valueBlock.value[0] : undefined;
	if (!(algOid instanceof asn1js.ObjectIdentifier) || !(bits instanceof asn1js.BitString)) {
		throw new ParseError(NOT_A_CERTIFICATE, 'X.509 certificate with an unreadable public key');
	}
	const signatureBits = cert.valueBlock.value[2];
	const skiExt = readExtensions(tbs).find((e) => e.oid === '2.5.29.14');
	const subjectPublicKey = new Uint8Array(bits.valueBlock.valueHexView);
	return {
		issuerDer: new Uint8Array(issuer.valueBeforeDecodeView),
		subjectDer: new Uint8Array(subject.valueBeforeDecodeView),
		subjectPublicKey,
		subjectKeyId: skiExt ? subjectKeyIdFromExtension(skiExt.value) : null,
		root: cert,
		tbs,
		tbsDer: new Uint8Array(tbs.valueBeforeDecodeView),
		signature:
			signatureBits instanceof asn1js.BitString
				? new Uint8Array(signatureBits.valueBlock.valueHexView)
				: null,
		serial: new Uint8Array(serial.valueBlock.valueHexView),
		signatureOid: sigOid.valueBlock.toString(),
		issuer,
		subject,
		notBefore,
		notAfter,
		spki,
		spkiDer: new Uint8Array(spki.valueBeforeDecodeView),
		key: analyzePublicKey(
			algOid.valueBlock.toString(),
			(alg as asn1js.Sequence).valueBlock.value[1],
			subjectPublicKey,
		),
	};
}

/**
 * The self-signature checked straight with WebCrypto (RSA PKCS#1 v1.5, ECDSA on NIST curves): a
 * truststore holds ~150 self-signed roots, and going through pkijs decodes each certificate a
 * second time. Null for any other algorithm (the caller falls back).
 */
async function verifyOwnSignature(raw: RawCertificate): Promise<boolean | null> {
	if (!raw.signature) return null;
	return verifySigned(
		{ spkiDer: raw.spkiDer, key: raw.key },
		raw.signatureOid,
		raw.signature,
		raw.tbsDer,
	);
}

/** Serial number as the DER integer's two's-complement value: hex (with '-' when negative) and decimal. */
export function serialForms(serial: Uint8Array): { hex: string; decimal: string } {
	const negative = ((serial[0] ?? 0) & 0x80) !== 0;
	let value = bigIntOf(serial);
	if (negative) value -= 1n << BigInt(serial.length * 8);
	const hex = (value < 0n ? '-' + (-value).toString(16) : value.toString(16)).toLowerCase();
	return { hex, decimal: value.toString() };
}

/** Days of validity as CA/B counts them: ceil((notAfter − notBefore + 1 s) / 86400 s). */
export function validityDays(notBefore: string, notAfter: string): number {
	const ms = Date.parse(notAfter) - Date.parse(notBefore) + 1000;
	return Math.ceil(ms / 86_400_000);
}

/** Equal DER encodings (subject vs issuer), read from the bytes they were decoded from. */
function sameBytes(a: asn1js.BaseBlock, b: asn1js.BaseBlock): boolean {
	return equalBytes(
		new Uint8Array(a.valueBeforeDecodeView),
		new Uint8Array(b.valueBeforeDecodeView),
	);
}

export async function certificateFacts(
	der: Uint8Array,
	inputName: string,
	source: string,
): Promise<CertificateFacts> {
	return (await certificateFactsAndTree(der, inputName, source)).facts;
}

/** certificateFacts plus the decoded certificate, so a detail view need not decode it again. */
export async function certificateFactsAndTree(
	der: Uint8Array,
	inputName: string,
	source: string,
): Promise<{ facts: CertificateFacts; tree: asn1js.Sequence }> {
	const raw = readRawCertificate(der);
	const exts = readExtensions(raw.tbs);
	const ext = (oid: string) => exts.find((e) => e.oid === oid)?.value ?? null;
	const bcValue = ext('2.5.29.19');
	const bc = bcValue ? basicConstraints(bcValue) : null;
	const kuValue = ext('2.5.29.15');
	const ekuValue = ext('2.5.29.37');
	const sanValue = ext('2.5.29.17');
	const skiValue = ext('2.5.29.14');
	const akiValue = ext('2.5.29.35');
	const sanNames = sanValue ? subjectAltNames(sanValue) : [];
	const selfIssued = sameBytes(raw.subject, raw.issuer);
	const { sha256, sha1, spkiSha256 } = await certificateThumbprints(der, raw.spkiDer);
	let selfSignatureValid: boolean | null = null;
	if (selfIssued && knownSelfSignedRoot(toHex(sha256))) selfSignatureValid = true;
	else if (selfIssued) {
		try {
			selfSignatureValid =
				(await verifyOwnSignature(raw)) ??
				(await (await loadPkijs()).Certificate.fromBER(toArrayBuffer(der)).verify());
		} catch (error) {
			if (isBug(error)) throw error;
			selfSignatureValid = null; // algorithm WebCrypto lacks (DSA, some curves)
		}
	}
	const akiId = akiValue ? authorityKeyId(akiValue) : null;
	const skiId = skiValue ? octetId(skiValue) : null;
	const selfSigned =
		selfIssued && (selfSignatureValid ?? (akiId === null || skiId === null || akiId === skiId));
	const serial = serialForms(raw.serial);
	const notBefore = raw.notBefore.toISOString().replace(/\.000Z$/, 'Z');
	const notAfter = raw.notAfter.toISOString().replace(/\.000Z$/, 'Z');
	const facts: CertificateFacts = {
		inputName,
		source,
		sha256: toHex(sha256),
		sha1: toHex(sha1),
		subject: nameText(raw.subject),
		issuer: nameText(raw.issuer),
		serialNumber: serial.hex,
		serialDecimal: serial.decimal,
		notBefore,
		notAfter,
		validityDays: validityDays(notBefore, notAfter),
		keyAlgorithm: raw.key.algorithm,
		keySize: raw.key.keySize,
		curve: raw.key.curve,
		explicitCurve: raw.key.explicitCurve,
		rsaExponent: raw.key.rsaExponent,
		publicKeyId: raw.key.identity,
		signatureAlgorithm: SIGNATURE_ALGORITHMS[raw.signatureOid] ?? raw.signatureOid,
		signatureAlgorithmOid: raw.signatureOid,
		selfIssued,
		selfSigned,
		isCA: bc?.ca ?? false,
		hasBasicConstraints: bc !== null,
		keyUsage: kuValue ? keyUsage(kuValue) : [],
		extendedKeyUsage: ekuValue ? extendedKeyUsage(ekuValue) : [],
		subjectAltNames: sanNames,
		hasSan: sanValue !== null,
		subjectKeyId: skiId,
		authorityKeyId: akiId,
		spkiSha256: toHex(spkiSha256),
		chainValid: null,
		chain: [],
		role: selfIssued && (bc?.ca ?? false) ? 'root' : (bc?.ca ?? false) ? 'intermediate' : 'leaf',
		pinned: false,
		privateKeyInInput: false,
	};
	return { facts, tree: raw.root };
}
