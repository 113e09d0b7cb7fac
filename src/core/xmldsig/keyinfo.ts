// Key resolution for ds:KeyInfo: WS-Security SecurityTokenReference (Reference to a
// BinarySecurityToken, KeyIdentifier SKI / ThumbprintSHA1 / X509v3 / EncryptedKeySHA1, embedded
// X509Data, an xenc:EncryptedKey or a wsc:DerivedKeyToken over one: the symmetric binding, keyed by
// what the decryption stage unwrapped), X509Data (certificate, IssuerSerial, SKI, SubjectName,
// X509Digest), KeyValue (RSA, DSA, dsig11 EC, RFC 4050 ECDSA), DEREncodedKeyValue, KeyName,
// RetrievalMethod and KeyInfoReference. Every hint is matched against the certificates of the
// message and of every dropped file.
import type { Element } from '@xmldom/xmldom';
import { fromBase64, NOT_BASE64, toBase64, equalBytes } from '../bytes/encoding';
import { sha1 } from '@noble/hashes/legacy.js';
import { attr, child, childElements, children, is, localName, NS, trimmedText } from '../xml/dom';
import type { KeySource } from '../report/report';
import { DIGESTS, hash } from './algorithms';
import { deriveKey, derivationParams, WSC_NAMESPACES } from './derived-key';
import { lookupId, type IdMap } from '../xml/ids';
import { dnMatches } from './keys';
import {
	bigintFrom,
	curveFromOid,
	publicKeyFromSpki,
	type CertificateKey,
	type PublicKey,
} from '../x509/certificate-key';
import { hasCode, reasonOf } from '../errors';

const WSS_X509 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#';
const RFC4050 = 'http://www.w3.org/2001/04/xmldsig-more#';

export interface KnownCert {
	sha256: string;
	info: CertificateKey;
	/** Alias or file-derived label, matched against ds:KeyName. */
	names: string[];
	label: string;
}

export interface KnownSecret {
	names: string[];
	bytes: Uint8Array;
	label: string;
}

/** A key the decryption stage unwrapped from an EncryptedKey of this message (stays in the worker). */
export interface SessionSecret {
	/** Base64 SHA-1 of the EncryptedKey's cipher octets. */
	sha1: string;
	bytes: Uint8Array;
	label: string;
}

export interface KeyContext {
	certs: KnownCert[];
	secrets: KnownSecret[];
	/** Keys of the message's EncryptedKeys that a dropped private key opened. */
	sessionKeys?: readonly SessionSecret[];
	idMap: IdMap;
	/** Adds (or finds) a certificate carried by the message itself. */
	addMessageCert(der: Uint8Array, source: string): KnownCert | null;
	/** Bytes of a detached resource named by a relative URI, when one of the dropped files matches. */
	external(uri: string): Uint8Array | null;
}

export type KeyCandidate =
	| { kind: 'public'; key: PublicKey; cert: KnownCert | null; source: KeySource; form: string }
	| { kind: 'secret'; bytes: Uint8Array; label: string; source: KeySource; form: string };

export interface KeyResolution {
	candidates: KeyCandidate[];
	/** The KeyInfo named one key precisely (a failure then means the signature is invalid). */
	identified: boolean;
	forms: string[];
	rawKey: boolean;
	/** What was referenced but not found among the supplied keys. */
	referenced: string | null;
	keyName: string | null;
	/** KeyInfo problems worth showing (unreadable certificate, unsupported token). */
	problems: string[];
	/**
	 * Set when KeyInfo led to no dropped key and every dropped key of the right type became a
	 * candidate (xmlsec1 --lax-key-search): what KeyInfo said, in words.
	 */
	lax: string | null;
}

function b64(el: Element | null): Uint8Array | null {
	if (!el) return null;
	try {
		return fromBase64(trimmedText(el).replace(/\s+/g, ''));
	} catch (error) {
		// the null is 'no value': the caller records a problem or matches nothing with it
		if (!hasCode(error, NOT_BASE64)) throw error;
		return null;
	}
}

/** DER certificates of an X.509 PKIPath (SEQUENCE OF Certificate). */
function pkiPathCerts(bytes: Uint8Array): Uint8Array[] {
	const out: Uint8Array[] = [];
	let at = 2;
	const lenByte = bytes[1] ?? 0;
	if (lenByte & 0x80) at = 2 + (lenByte & 0x7f);
	while (at < bytes.length) {
		const l = bytes[at + 1] ?? 0;
		let len = l;
		let head = 2;
		if (l & 0x80) {
			const n = l & 0x7f;
			len = 0;
			for (let i = 0; i < n; i++) len = len * 256 + (bytes[at + 2 + i] ?? 0);
			head = 2 + n;
		}
		out.push(bytes.slice(at, at + head + len));
		at += head + len;
	}
	return out;
}

class Resolver {
	readonly res: KeyResolution = {
		candidates: [],
		identified: false,
		forms: [],
		rawKey: false,
		referenced: null,
		keyName: null,
		problems: [],
		lax: null,
	};
	depth = 0;
	constructor(private readonly ctx: KeyContext) {}

	private addCert(cert: KnownCert, source: KeySource, form: string): void {
		if (this.res.candidates.some((c) => c.kind === 'public' && c.cert === cert)) return;
		this.res.candidates.push({ kind: 'public', key: cert.info.key, cert, source, form });
		this.res.identified = true;
	}

	private messageCert(der: Uint8Array | null, source: string): KnownCert | null {
		if (!der) {
			this.res.problems.push(`${source}: not valid base64`);
			return null;
		}
		const c = this.ctx.addMessageCert(der, source);
		if (!c) this.res.problems.push(`${source}: not a readable X.509 certificate`);
		return c;
	}

	private notFound(what: string): void {
		this.res.referenced ??= what;
	}

	async keyInfo(ki: Element): Promise<void> {
		if (++this.depth > 4) return;
		for (const el of childElements(ki)) await this.item(el);
	}

	private async item(el: Element): Promise<void> {
		const name = localName(el);
		if (is(el, NS.wsse, 'SecurityTokenReference')) return this.str(el);
		if (el.namespaceURI === NS.ds && name === 'X509Data') {
			// the message brings its signer's certificate, whether KeyInfo holds it or a
			// RetrievalMethod points at it: the key is the message's own (BSP R5417)
			this.res.rawKey = true;
			return this.x509Data(el, 'ds:X509Data');
		}
		if (el.namespaceURI === NS.ds && name === 'KeyValue') {
			this.res.rawKey = true;
			for (const kv of childElements(el)) this.keyValue(kv);
			return;
		}
		if (is(el, NS.dsig11, 'DEREncodedKeyValue')) {
			this.res.rawKey = true;
			this.res.forms.push('dsig11:DEREncodedKeyValue');
			const der = b64(el);
			if (!der) return void this.res.problems.push('DEREncodedKeyValue is not base64');
			try {
				this.res.candidates.push({
					kind: 'public',
					key: publicKeyFromSpki(der),
					cert: null,
					source: 'KeyValue',
					form: 'DEREncodedKeyValue',
				});
				this.res.identified = true;
			} catch (e) {
				this.res.problems.push(`DEREncodedKeyValue: ${reasonOf(e)}`);
			}
			return;
		}
		if (el.namespaceURI === NS.ds && name === 'KeyName') return this.keyName(trimmedText(el));
		if (
			(el.namespaceURI === NS.ds && (name === 'RSAKeyValue' || name === 'DSAKeyValue')) ||
			is(el, NS.dsig11, 'ECKeyValue')
		) {
			// a RetrievalMethod may point straight at the key value element
			this.res.rawKey = true;
			return this.keyValue(el);
		}
		if (el.namespaceURI === NS.ds && name === 'RetrievalMethod') return this.retrieval(el);
		if (is(el, NS.dsig11, 'KeyInfoReference')) {
			this.res.forms.push('dsig11:KeyInfoReference');
			const target = this.byUri(attr(el, 'URI'));
			if (target) await this.keyInfo(target);
			return;
		}
		this.res.forms.push(el.tagName);
	}

	private byUri(uri: string | null): Element | null {
		if (!uri?.startsWith('#')) {
			this.res.problems.push(`reference ${uri ?? '(none)'} is not a same-document #id`);
			return null;
		}
		const found = lookupId(this.ctx.idMap, uri.slice(1));
		if (found.ok) return found.element;
		this.res.problems.push(
			found.reason === 'duplicate'
				? `${uri} is held by ${found.count} elements (duplicate ID): not resolved`
				: `${uri} does not exist in the document`,
		);
		return null;
	}

	private async retrieval(el: Element): Promise<void> {
		const uri = attr(el, 'URI');
		const type = attr(el, 'Type') ?? '';
		this.res.forms.push('ds:RetrievalMethod');
		if (type.endsWith('#rawX509Certificate')) {
			const bytes = uri && !uri.startsWith('#') ? this.ctx.external(uri) : null;
			const cert = bytes ? this.messageCert(bytes, `RetrievalMethod ${uri}`) : null;
			if (cert) this.addCert(cert, 'X509Certificate', 'RetrievalMethod rawX509Certificate');
			else this.notFound(`certificate at ${uri ?? '?'}`);
			return;
		}
		const target = this.byUri(uri);
		if (!target) return;
		if (is(target, NS.ds, 'KeyInfo')) await this.keyInfo(target);
		else await this.item(target);
	}

	private keyName(name: string): void {
		this.res.forms.push('ds:KeyName');
		this.res.keyName = name;
		let found = false;
		for (const c of this.ctx.certs) {
			if (c.names.includes(name)) {
				this.addCert(c, 'uploaded', 'KeyName');
				found = true;
			}
		}
		for (const s of this.ctx.secrets) {
			if (s.names.includes(name)) {
				this.res.candidates.push({
					kind: 'secret',
					bytes: s.bytes,
					label: s.label,
					source: 'uploaded',
					form: 'KeyName',
				});
				this.res.identified = true;
				found = true;
			}
		}
		if (!found) this.notFound(`key named "${name}"`);
	}

	private keyValue(kv: Element): void {
		const name = localName(kv);
		this.res.forms.push(`ds:KeyValue/${name}`);
		let key: PublicKey | null = null;
		try {
			if (is(kv, NS.ds, 'RSAKeyValue')) {
				const n = b64(child(kv, NS.ds, 'Modulus'));
				const e = b64(child(kv, NS.ds, 'Exponent'));
				if (n && e) key = { kind: 'rsa', n: bigintFrom(n), e: bigintFrom(e) };
			} else if (is(kv, NS.ds, 'DSAKeyValue')) {
				const [p, q, g, y] = ['P', 'Q', 'G', 'Y'].map((x) => b64(child(kv, NS.ds, x)));
				if (p && q && g && y)
					key = {
						kind: 'dsa',
						p: bigintFrom(p),
						q: bigintFrom(q),
						g: bigintFrom(g),
						y: bigintFrom(y),
					};
			} else if (is(kv, NS.dsig11, 'ECKeyValue')) {
				const curveUri = attr(child(kv, NS.dsig11, 'NamedCurve'), 'URI') ?? '';
				const curve = curveFromOid(curveUri.replace(/^urn:oid:/, ''));
				const point = b64(child(kv, NS.dsig11, 'PublicKey'));
				if (curve && point) key = { kind: 'ec', curve, point };
				else this.res.problems.push(`ECKeyValue on unsupported curve ${curveUri}`);
			} else if (is(kv, RFC4050, 'ECDSAKeyValue')) {
				const dp = child(kv, RFC4050, 'DomainParameters');
				const urn = attr(child(dp, RFC4050, 'NamedCurve'), 'URN') ?? '';
				const curve = curveFromOid(urn.replace(/^urn:oid:/, ''));
				const pk = child(kv, RFC4050, 'PublicKey');
				const x = attr(child(pk, RFC4050, 'X'), 'Value');
				const y = attr(child(pk, RFC4050, 'Y'), 'Value');
				if (curve && x && y) {
					const size = curve === 'P-256' ? 32 : curve === 'P-384' ? 48 : 66;
					const hex = (v: string): string =>
						BigInt(v)
							.toString(16)
							.padStart(size * 2, '0');
					const bytes = new Uint8Array(1 + size * 2);
					bytes[0] = 4;
					const xy = hex(x) + hex(y);
					for (let i = 0; i < size * 2; i++)
						bytes[1 + i] = parseInt(xy.slice(i * 2, i * 2 + 2), 16);
					key = { kind: 'ec', curve, point: bytes };
				}
			}
		} catch (e) {
			this.res.problems.push(`${name}: ${reasonOf(e)}`);
		}
		if (key) {
			this.res.candidates.push({ kind: 'public', key, cert: null, source: 'KeyValue', form: name });
			this.res.identified = true;
		} else if (!this.res.problems.some((p) => p.startsWith(name))) {
			this.res.problems.push(`${name}: unreadable or unsupported key value`);
		}
	}

	private async x509Data(el: Element, form: string): Promise<void> {
		this.res.forms.push(form);
		const embedded: KnownCert[] = [];
		for (const c of children(el, NS.ds, 'X509Certificate')) {
			const cert = this.messageCert(b64(c), 'ds:X509Certificate');
			if (cert) embedded.push(cert);
		}
		const pool = [...embedded, ...this.ctx.certs.filter((c) => !embedded.includes(c))];
		let hinted = false;
		const match = (
			pred: (c: KnownCert) => boolean,
			source: KeySource,
			what: string,
			hint: string,
		) => {
			hinted = true;
			const hits = pool.filter(pred);
			for (const h of hits) this.addCert(h, source, hint);
			if (hits.length === 0) this.notFound(what);
		};
		for (const is_ of children(el, NS.ds, 'X509IssuerSerial')) {
			const issuer = trimmedText(child(is_, NS.ds, 'X509IssuerName'));
			const serialText = trimmedText(child(is_, NS.ds, 'X509SerialNumber'));
			if (!issuer && !serialText) {
				// python-xmlsec templates (zeep) leave an empty X509IssuerSerial next to the certificate
				this.res.problems.push('empty X509IssuerSerial ignored');
				continue;
			}
			let serial: bigint | null = null;
			try {
				serial = BigInt(serialText);
			} catch (error) {
				if (!(error instanceof SyntaxError)) throw error;
				this.res.problems.push(`X509SerialNumber "${serialText}" is not a decimal integer`);
			}
			match(
				(c) => serial !== null && c.info.serial === serial && dnMatches(issuer, c.info.issuerRdns),
				'X509IssuerSerial',
				`certificate issued by ${issuer} with serial ${serialText}`,
				'X509IssuerSerial',
			);
		}
		for (const ski of children(el, NS.ds, 'X509SKI')) {
			const v = b64(ski);
			match(
				(c) => !!v && !!c.info.skiExtension && equalBytes(c.info.skiExtension, v),
				'KeyIdentifier',
				`certificate with subject key identifier ${trimmedText(ski)}`,
				'X509SKI',
			);
		}
		for (const sn of children(el, NS.ds, 'X509SubjectName')) {
			const name = trimmedText(sn);
			match(
				(c) => dnMatches(name, c.info.subjectRdns),
				'KeyIdentifier',
				`certificate for ${name}`,
				'X509SubjectName',
			);
		}
		for (const d of children(el, NS.dsig11, 'X509Digest')) {
			const alg = DIGESTS[attr(d, 'Algorithm') ?? ''];
			const v = b64(d);
			const hits: KnownCert[] = [];
			if (alg && v)
				for (const c of pool) if (equalBytes(await hash(alg, c.info.der), v)) hits.push(c);
			hinted = true;
			for (const h of hits) this.addCert(h, 'KeyIdentifier', 'X509Digest');
			if (!hits.length) this.notFound(`certificate with digest ${trimmedText(d)}`);
		}
		if (!hinted) for (const c of embedded) this.addCert(c, 'X509Certificate', 'X509Certificate');
	}

	async str(el: Element): Promise<void> {
		const ref = child(el, NS.wsse, 'Reference');
		const kid = child(el, NS.wsse, 'KeyIdentifier');
		const x509 = child(el, NS.ds, 'X509Data');
		const embedded = child(el, NS.wsse, 'Embedded');
		if (ref) {
			const uri = attr(ref, 'URI');
			this.res.forms.push('wsse:SecurityTokenReference/wsse:Reference');
			const target = this.byUri(uri);
			if (!target) return void this.notFound(`token ${uri ?? ''}`);
			await this.token(target, 'BinarySecurityToken');
			return;
		}
		if (embedded) {
			this.res.forms.push('wsse:SecurityTokenReference/wsse:Embedded');
			for (const t of childElements(embedded)) await this.token(t, 'BinarySecurityToken');
			return;
		}
		if (kid) {
			const vt = attr(kid, 'ValueType') ?? '';
			const v = b64(kid);
			this.res.forms.push(`wsse:KeyIdentifier ${vt.replace(/^.*#/, '')}`);
			if (vt === WSS_X509 + 'X509SubjectKeyIdentifier') {
				const hits = this.ctx.certs.filter(
					(c) => !!v && !!c.info.skiExtension && equalBytes(c.info.skiExtension, v),
				);
				for (const h of hits)
					this.addCert(h, 'KeyIdentifier', 'KeyIdentifier X509SubjectKeyIdentifier');
				if (!hits.length)
					this.notFound(`certificate with subject key identifier ${trimmedText(kid)}`);
			} else if (vt.endsWith('#ThumbprintSHA1')) {
				const hits: KnownCert[] = [];
				for (const c of this.ctx.certs) if (v && equalBytes(c.info.sha1, v)) hits.push(c);
				for (const h of hits) this.addCert(h, 'KeyIdentifier', 'KeyIdentifier ThumbprintSHA1');
				if (!hits.length) this.notFound(`certificate with SHA-1 thumbprint ${trimmedText(kid)}`);
			} else if (vt.endsWith('#EncryptedKeySHA1')) {
				this.sessionKey(trimmedText(kid).replace(/\s+/g, ''), 'KeyIdentifier', 'EncryptedKeySHA1');
			} else if (vt === WSS_X509 + 'X509v3' || vt.endsWith('#X509')) {
				const cert = this.messageCert(v, 'wsse:KeyIdentifier X509v3');
				if (cert) this.addCert(cert, 'KeyIdentifier', 'KeyIdentifier X509v3');
			} else {
				this.notFound(
					`token identified by ${vt.replace(/^.*#/, '') || 'an unknown KeyIdentifier type'}`,
				);
			}
			return;
		}
		if (x509) return this.x509Data(x509, 'wsse:SecurityTokenReference/ds:X509Data');
		this.res.problems.push('SecurityTokenReference without Reference, KeyIdentifier or X509Data');
	}

	private async token(t: Element, source: KeySource): Promise<void> {
		if (is(t, NS.wsse, 'BinarySecurityToken')) {
			const vt = attr(t, 'ValueType') ?? '';
			const bytes = b64(t);
			if (vt.endsWith('#X509PKIPathv1') && bytes) {
				const ders = pkiPathCerts(bytes);
				const certs = ders.map((d) => this.messageCert(d, 'BinarySecurityToken PKIPath'));
				const leaf = certs[certs.length - 1];
				if (leaf) this.addCert(leaf, source, 'BinarySecurityToken X509PKIPathv1');
				return;
			}
			if (vt.endsWith('#X509v3') || vt.endsWith('#X509') || vt === '') {
				const cert = this.messageCert(bytes, 'BinarySecurityToken');
				if (cert) this.addCert(cert, source, 'BinarySecurityToken X509v3');
				return;
			}
			this.notFound(`BinarySecurityToken of type ${vt.replace(/^.*#/, '')}`);
			return;
		}
		if (is(t, NS.ds, 'KeyInfo')) return this.keyInfo(t);
		if (is(t, NS.xenc, 'EncryptedKey')) {
			const sha = encryptedKeySha1(t);
			if (!sha) return void this.res.problems.push('EncryptedKey without a readable CipherValue');
			return this.sessionKey(sha, source, `EncryptedKey ${attr(t, 'Id') ?? ''}`.trim());
		}
		if (WSC_NAMESPACES.includes(t.namespaceURI ?? '') && localName(t) === 'DerivedKeyToken')
			return this.derivedKey(t, source);
		this.notFound(`key carried by ${t.tagName} (not supported as a signing key)`);
	}

	/** The key unwrapped from the message's EncryptedKey with this SHA-1, if a dropped key opened it. */
	private sessionKey(sha: string, source: KeySource, form: string): void {
		this.res.forms.push(form);
		const found = this.ctx.sessionKeys?.find((k) => k.sha1 === sha);
		if (!found) {
			this.notFound(
				`the key inside ${form.startsWith('EncryptedKeySHA1') ? `the EncryptedKey with SHA-1 ${sha}` : form}, which only the recipient's private key unwraps`,
			);
			return;
		}
		this.res.candidates.push({
			kind: 'secret',
			bytes: found.bytes,
			label: found.label,
			source,
			form: `${form} (${found.label})`,
		});
		this.res.identified = true;
	}

	/** wsc:DerivedKeyToken: resolve its base key (an EncryptedKey), then P_SHA-1. */
	private async derivedKey(dkt: Element, source: KeySource): Promise<void> {
		this.res.forms.push('wsc:DerivedKeyToken');
		let params;
		try {
			params = derivationParams(dkt);
		} catch (e) {
			this.res.problems.push(reasonOf(e));
			return;
		}
		const str = child(dkt, NS.wsse, 'SecurityTokenReference');
		if (!str) return void this.res.problems.push('DerivedKeyToken without SecurityTokenReference');
		const base = new Resolver(this.ctx);
		base.depth = this.depth + 1;
		if (base.depth > 4) return;
		await base.str(str);
		this.res.forms.push(...base.res.forms);
		this.res.problems.push(...base.res.problems);
		if (base.res.referenced) this.notFound(base.res.referenced);
		for (const c of base.res.candidates) {
			if (c.kind !== 'secret') continue;
			this.res.candidates.push({
				kind: 'secret',
				bytes: deriveKey(c.bytes, params),
				label: c.label,
				source,
				form: `DerivedKeyToken ${dkt.getAttributeNS(NS.wsu, 'Id') ?? ''} from ${c.form}`.replace(
					/\s+/g,
					' ',
				),
			});
			this.res.identified = true;
		}
	}
}

/** In words, why KeyInfo led to no dropped key (for the lax key search's note). */
function laxReason(keyInfo: Element | null, res: KeyResolution): string {
	if (!keyInfo) return 'the signature has no KeyInfo';
	if (res.keyName !== null && res.referenced?.startsWith('key named'))
		return `the KeyName "${res.keyName}" did not match any dropped file`;
	if (res.referenced) return `KeyInfo names ${res.referenced}, which no dropped file holds`;
	return 'KeyInfo names no key that a dropped file holds';
}

/**
 * Resolves the candidate keys of a signature's KeyInfo. When KeyInfo leads to no dropped key (a
 * KeyName nobody dropped, a token absent from the document, no KeyInfo) every dropped key of the
 * right type is tried, as xmlsec1 --lax-key-search does; `lax` then says why.
 */
export async function resolveKeys(
	keyInfo: Element | null,
	ctx: KeyContext,
	symmetric: boolean,
): Promise<KeyResolution> {
	const r = new Resolver(ctx);
	if (keyInfo) await r.keyInfo(keyInfo);
	const res = r.res;
	if (symmetric) {
		// HMAC: the secret never travels in KeyInfo; try the named key first, then every supplied secret.
		res.candidates = res.candidates.filter((c) => c.kind === 'secret');
		if (!res.identified || res.candidates.length === 0) {
			res.identified = res.candidates.length > 0;
			if (!res.identified && ctx.secrets.length) res.lax = laxReason(keyInfo, res);
			for (const s of ctx.secrets) {
				if (res.candidates.some((c) => c.kind === 'secret' && c.bytes === s.bytes)) continue;
				res.candidates.push({
					kind: 'secret',
					bytes: s.bytes,
					label: s.label,
					source: 'uploaded',
					form: 'supplied secret key',
				});
			}
		}
		return res;
	}
	res.candidates = res.candidates.filter((c) => c.kind === 'public');
	if (res.candidates.length === 0) {
		res.identified = false;
		if (ctx.certs.length) res.lax = laxReason(keyInfo, res);
		for (const c of ctx.certs)
			res.candidates.push({
				kind: 'public',
				key: c.info.key,
				cert: c,
				source: 'uploaded',
				form: 'supplied certificate',
			});
	}
	return res;
}

/** Base64 SHA-1 of an EncryptedKey's inline cipher octets (its WSS 1.1 EncryptedKeySHA1). */
export function encryptedKeySha1(ek: Element): string | null {
	const cv = child(child(ek, NS.xenc, 'CipherData'), NS.xenc, 'CipherValue');
	const bytes = b64(cv);
	return bytes ? toBase64(sha1(bytes)) : null;
}
