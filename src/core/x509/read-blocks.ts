// Reads the blocks of PEM files and the DER kinds (certificate, CSR, CRL, PKCS#7, keys) into an
// InputCollector: the shared core of the pem, der-certificate, pkcs7 and private-key parsers.
import type { DhParameters } from '../facts';
import * as asn1js from 'asn1js';
import { candidatePasswords } from '../keys/default-passwords';
import type { ParseContext } from '../pipeline';
import { hasCode, isBug, ParseError } from '../errors';
import { UNSUPPORTED_PBE } from '../crypto/legacy/pbe';
import type { InputCollector } from './collect';
import { NOT_A_CERTIFICATE, serialForms } from './certificate-facts';
import type { CrlView } from './facts';
import { nameText } from './names';
import { SIGNATURE_ALGORITHMS } from './oids';
import type { PemBlock } from './pem';
import {
	analyzePkcs8,
	decryptDekInfo,
	decryptPkcs8,
	dsaToPkcs8,
	encryptedPkcs8Protection,
	pkcs1ToPkcs8,
	sec1ToPkcs8,
} from './private-key';
import { analyzeSpki, parseDer } from './public-key';

/** What a key block needs beyond its bytes. */
export interface KeyContext {
	ctx: ParseContext;
	/** Passwords that opened something, for KEYSTORE-DEFAULT-PASSWORD. */
	usedPasswords: Set<string>;
	/** Locked key blocks, by the alias the UI shows for the entry-password hook. */
	locked: { alias: string; wrongPassword: boolean }[];
}

/** Certificates ([0]) and CRLs ([1], as `openssl crl2pkcs7 -crlfile` writes) of a PKCS#7 SignedData. */
export function pkcs7Contents(der: Uint8Array): { certificates: Uint8Array[]; crls: Uint8Array[] } {
	const ci = parseDer(der);
	if (!(ci instanceof asn1js.Sequence))
		throw new ParseError('pkcs7/not-der', 'Not a DER PKCS#7 structure');
	const oid = ci.valueBlock.value[0];
	if (
		!(oid instanceof asn1js.ObjectIdentifier) ||
		oid.valueBlock.toString() !== '1.2.840.113549.1.7.2'
	) {
		throw new ParseError(
			'pkcs7/not-signed-data',
			'PKCS#7 content is not SignedData, so it holds no certificate list',
		);
	}
	const wrapper = ci.valueBlock.value[1];
	const sd = wrapper instanceof asn1js.Constructed ? wrapper.valueBlock.value[0] : null;
	if (!(sd instanceof asn1js.Sequence))
		throw new ParseError('pkcs7/truncated', 'PKCS#7 SignedData is truncated or malformed');
	const certificates: Uint8Array[] = [];
	const crls: Uint8Array[] = [];
	for (const item of sd.valueBlock.value) {
		if (item.idBlock.tagClass !== 3 || !(item instanceof asn1js.Constructed)) continue;
		const list =
			item.idBlock.tagNumber === 0 ? certificates : item.idBlock.tagNumber === 1 ? crls : null;
		for (const c of list ? item.valueBlock.value : []) list?.push(new Uint8Array(c.toBER()));
	}
	return { certificates, crls };
}

function timeOf(v: unknown): string | null {
	return v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime
		? v
				.toDate()
				.toISOString()
				.replace(/\.000Z$/, 'Z')
		: null;
}

/** The directoryName of a CRL entry's certificateIssuer extension, as the DN printer writes it. */
function entryCertificateIssuer(exts: asn1js.AsnType | undefined): string | undefined {
	if (!(exts instanceof asn1js.Sequence)) return undefined;
	for (const e of exts.valueBlock.value) {
		const [oid, ...rest] = e instanceof asn1js.Sequence ? e.valueBlock.value : [];
		const value = rest[rest.length - 1];
		if (!(oid instanceof asn1js.ObjectIdentifier) || oid.valueBlock.toString() !== '2.5.29.29')
			continue;
		if (!(value instanceof asn1js.OctetString)) continue;
		const names = parseDer(new Uint8Array(value.valueBlock.valueHexView));
		const dn = (names instanceof asn1js.Sequence ? names.valueBlock.value : []).find(
			(g) => g.idBlock.tagClass === 3 && g.idBlock.tagNumber === 4,
		);
		if (dn instanceof asn1js.Constructed) return nameText(dn.valueBlock.value[0]);
	}
	return undefined;
}

/** A CRL entry's extensions hold reasonCode removeFromCRL. */
function removedFromCrl(exts: asn1js.AsnType | undefined): boolean {
	if (!(exts instanceof asn1js.Sequence)) return false;
	return exts.valueBlock.value.some((e) => {
		const [oid, ...rest] = e instanceof asn1js.Sequence ? e.valueBlock.value : [];
		const value = rest[rest.length - 1];
		if (!(oid instanceof asn1js.ObjectIdentifier) || oid.valueBlock.toString() !== '2.5.29.21')
			return false;
		if (!(value instanceof asn1js.OctetString)) return false;
		const reason = parseDer(new Uint8Array(value.valueBlock.valueHexView));
		return reason instanceof asn1js.Enumerated && reason.valueBlock.valueDec === 8;
	});
}

/** A CRL's issuer, dates and revoked serials (the certificate stage checks its signature). */
export function readCrl(der: Uint8Array): CrlView | null {
	const crl = parseDer(der);
	const tbs = crl instanceof asn1js.Sequence ? crl.valueBlock.value[0] : null;
	if (!(tbs instanceof asn1js.Sequence)) return null;
	const f = [...tbs.valueBlock.value];
	if (f[0] instanceof asn1js.Integer) f.shift();
	const issuer = nameText(f[1]);
	const list = f
		.slice(3)
		.find(
			(x) =>
				x instanceof asn1js.Sequence &&
				x.valueBlock.value.every((e) => e instanceof asn1js.Sequence),
		);
	// RFC 5280 5.3.3: on an indirect CRL, a certificateIssuer entry extension names the issuer of
	// that entry and of the entries after it, until the next one.
	let certificateIssuer: string | undefined;
	const removed: string[] = [];
	const revoked = (list instanceof asn1js.Sequence ? list.valueBlock.value : []).flatMap(
		(entry) => {
			const [serial, date, exts] = entry instanceof asn1js.Sequence ? entry.valueBlock.value : [];
			if (!(serial instanceof asn1js.Integer)) return [];
			certificateIssuer = entryCertificateIssuer(exts) ?? certificateIssuer;
			// reasonCode removeFromCRL (8): a delta CRL taking a certificate off hold (RFC 5280 5.3.1)
			if (removedFromCrl(exts)) {
				removed.push(serialForms(new Uint8Array(serial.valueBlock.valueHexView)).hex);
				return [];
			}
			return [
				{
					serial: serialForms(new Uint8Array(serial.valueBlock.valueHexView)).hex,
					date: timeOf(date),
					...(certificateIssuer ? { certificateIssuer } : {}),
				},
			];
		},
	);
	const sigAlg = crl instanceof asn1js.Sequence ? crl.valueBlock.value[1] : null;
	const sigOid =
		sigAlg instanceof asn1js.Sequence &&
		sigAlg.valueBlock.value[0] instanceof asn1js.ObjectIdentifier
			? sigAlg.valueBlock.value[0].valueBlock.toString()
			: '?';
	return {
		issuer,
		thisUpdate: timeOf(f[2]),
		nextUpdate: timeOf(f[3]),
		revoked,
		...(removed.length > 0 ? { removed } : {}),
		signatureAlgorithm: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid,
		der,
	};
}

/** CRLs carried in a PKCS#7 bundle, listed like PEM X509 CRL blocks. */
export function addCrls(col: InputCollector, ders: readonly Uint8Array[]): void {
	for (const der of ders) {
		const crl = readCrl(der);
		if (crl) col.crls.push(crl);
		col.others.push({ label: 'X509 CRL (in PKCS#7)', description: describeCrl(crl) });
	}
}

function describeCrl(crl: CrlView | null): string {
	if (!crl) return 'unreadable CRL';
	const count = crl.revoked.length;
	return `CRL issued by ${crl.issuer}; ${count} revoked certificate${count === 1 ? '' : 's'}${crl.nextUpdate ? `; next update ${crl.nextUpdate}` : ''}`;
}

function describeCsr(der: Uint8Array): string {
	const csr = parseDer(der);
	const info = csr instanceof asn1js.Sequence ? csr.valueBlock.value[0] : null;
	if (!(info instanceof asn1js.Sequence)) return 'unreadable certificate request';
	const [, subject, spki] = info.valueBlock.value;
	const key = spki ? analyzeSpki(new Uint8Array(spki.toBER())) : null;
	return `Certificate request for ${nameText(subject) || '(empty subject)'}${key ? `, ${key.algorithm} ${key.curve ?? key.keySize ?? ''}` : ''}`;
}

function describePublicKey(der: Uint8Array): string {
	const key = analyzeSpki(der);
	return key
		? `Public key: ${key.algorithm} ${key.curve ?? (key.keySize ? `${key.keySize} bits` : '')}`
		: 'unreadable public key';
}

/** Tries the user's password, then the default list; returns the plaintext and the password. */
async function openWithPasswords(
	kc: KeyContext,
	alias: string,
	attempt: (password: string) => Promise<Uint8Array | null>,
): Promise<{ plain: Uint8Array; password: string } | { locked: true; wrongPassword: boolean }> {
	const entry = kc.ctx.entryPasswords.get(alias);
	const user = entry ?? kc.ctx.password;
	for (const password of candidatePasswords(user)) {
		kc.ctx.signal.throwIfAborted();
		const plain = await attempt(password);
		if (plain) return { plain, password };
	}
	return { locked: true, wrongPassword: user !== null };
}

const KEY_LABELS = new Set([
	'PRIVATE KEY',
	'ENCRYPTED PRIVATE KEY',
	'RSA PRIVATE KEY',
	'EC PRIVATE KEY',
	'DSA PRIVATE KEY',
]);

export function isKeyLabel(label: string): boolean {
	return KEY_LABELS.has(label);
}

/** Reads one private key in any encoding (PEM label or DER kind) into the collector. */
export async function readKey(
	col: InputCollector,
	kc: KeyContext,
	label: string,
	der: Uint8Array,
	headers: Record<string, string>,
	source: string,
): Promise<void> {
	const alias = source;
	const legacy = headers['Proc-Type']?.includes('ENCRYPTED') ? (headers['DEK-Info'] ?? '') : null;
	const format =
		label === 'RSA PRIVATE KEY'
			? 'PKCS#1'
			: label === 'EC PRIVATE KEY'
				? 'SEC1'
				: label === 'DSA PRIVATE KEY'
					? 'DSA (OpenSSL)'
					: 'PKCS#8';
	const toPkcs8 = (plain: Uint8Array): Uint8Array =>
		label === 'RSA PRIVATE KEY'
			? pkcs1ToPkcs8(plain)
			: label === 'EC PRIVATE KEY'
				? sec1ToPkcs8(plain)
				: label === 'DSA PRIVATE KEY'
					? dsaToPkcs8(plain)
					: plain;
	try {
		if (legacy !== null || label === 'ENCRYPTED PRIVATE KEY') {
			const protection =
				legacy !== null
					? `OpenSSL legacy PEM encryption (${legacy.split(',')[0]})`
					: encryptedPkcs8Protection(der);
			const opened = await openWithPasswords(kc, alias, async (pw) => {
				if (legacy !== null) {
					const plain = await decryptDekInfo(legacy, pw, der);
					if (!plain) return null;
					try {
						const pkcs8 = toPkcs8(plain);
						await analyzePkcs8(pkcs8);
						return pkcs8;
					} catch (error) {
						if (isBug(error)) throw error;
						return null; // padding happened to look right with a wrong password
					}
				}
				return decryptPkcs8(der, pw, { progress: kc.ctx.progress, signal: kc.ctx.signal });
			});
			if ('locked' in opened) {
				kc.locked.push({ alias, wrongPassword: opened.wrongPassword });
				col.addUnreadableKey(
					source,
					legacy !== null ? format : 'PKCS#8 (encrypted)',
					'locked',
					protection,
					opened.wrongPassword ? 'wrong password' : 'needs its password',
					alias,
				);
				return;
			}
			kc.usedPasswords.add(opened.password);
			const info = await analyzePkcs8(opened.plain);
			col.addKey(info, source, legacy !== null ? format : 'PKCS#8', true, protection, null);
			return;
		}
		const info = await analyzePkcs8(toPkcs8(der));
		col.addKey(info, source, format, false, null, null);
	} catch (error) {
		if (hasCode(error, UNSUPPORTED_PBE)) {
			col.addUnreadableKey(source, format, 'error', null, `unsupported: ${error.message}`, alias);
		} else if (error instanceof ParseError) {
			col.addUnreadableKey(source, format, 'error', null, error.message, alias);
		} else throw error;
	}
}

/**
 * `openssl dhparam` output: DHParameter ::= SEQUENCE { prime, base, privateValueLength? } (PKCS#3)
 * or X9.42 DomainParameters ::= SEQUENCE { p, g, q, … }; the prime's size is what TLS clients see.
 */
function readDhParameters(der: Uint8Array, inputName: string): DhParameters {
	const seq = parseDer(der);
	const items = seq instanceof asn1js.Sequence ? seq.valueBlock.value : [];
	const p = items[0];
	if (!(p instanceof asn1js.Integer))
		throw new ParseError('pem/dh', 'DH parameters without a prime');
	const prime = new Uint8Array(p.valueBlock.valueHexView);
	let start = 0;
	while (start < prime.length && prime[start] === 0) start++;
	const first = prime[start] ?? 0;
	const bits = first ? (prime.length - start - 1) * 8 + (32 - Math.clz32(first)) : 0;
	const g = items[1];
	const generator =
		g instanceof asn1js.Integer && g.valueBlock.valueHexView.length <= 4
			? g.valueBlock.valueDec
			: null;
	return { inputName, bits, generator };
}

/** Reads every PEM block into the collector. */
export async function readPemBlocks(
	col: InputCollector,
	kc: KeyContext,
	blocks: readonly PemBlock[],
): Promise<void> {
	for (const b of blocks) {
		kc.ctx.signal.throwIfAborted();
		const source = `PEM block ${b.index} (${b.label})`;
		try {
			switch (b.label) {
				case 'CERTIFICATE':
				case 'X509 CERTIFICATE':
					await col.addCertificate(b.der, source);
					break;
				case 'TRUSTED CERTIFICATE': {
					// OpenSSL's trusted form: the certificate followed by its trust settings.
					const cert = parseDer(b.der);
					const first = cert instanceof asn1js.Sequence ? new Uint8Array(cert.toBER()) : b.der;
					await col.addCertificate(first, source, { pinned: true });
					break;
				}
				case 'PKCS7':
				case 'CMS': {
					const { certificates, crls } = pkcs7Contents(b.der);
					for (const [i, der] of certificates.entries()) {
						await col.addCertificate(der, `${source}, certificate ${i + 1}`);
					}
					addCrls(col, crls);
					break;
				}
				case 'X509 CRL':
					{
						const crl = readCrl(b.der);
						if (crl) col.crls.push(crl);
						col.others.push({ label: b.label, description: describeCrl(crl) });
					}
					break;
				case 'CERTIFICATE REQUEST':
				case 'NEW CERTIFICATE REQUEST':
					col.others.push({ label: b.label, description: describeCsr(b.der) });
					break;
				case 'PUBLIC KEY':
					col.others.push({ label: b.label, description: describePublicKey(b.der) });
					break;
				case 'RSA PUBLIC KEY':
					col.others.push({ label: b.label, description: 'PKCS#1 RSA public key' });
					break;
				case 'DH PARAMETERS':
				case 'X9.42 DH PARAMETERS': {
					const dh = readDhParameters(b.der, col.inputName);
					col.dhParameters.push(dh);
					col.others.push({
						label: b.label,
						description: `Diffie-Hellman parameters: ${dh.bits}-bit prime${dh.generator !== null ? `, generator ${dh.generator}` : ''} (used by the server configuration that names this file)`,
					});
					break;
				}
				default:
					if (isKeyLabel(b.label)) await readKey(col, kc, b.label, b.der, b.headers, source);
					else
						col.others.push({
							label: b.label,
							description: `PEM block "${b.label}" is not analyzed`,
						});
			}
		} catch (error) {
			if (hasCode(error, NOT_A_CERTIFICATE)) {
				col.others.push({ label: b.label, description: `unreadable: ${error.message}` });
			} else if (error instanceof ParseError) {
				col.others.push({ label: b.label, description: error.message });
			} else throw error;
		}
	}
	col.pairWithinInput();
}
