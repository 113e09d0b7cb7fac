// Certification path building and validation per RFC 5280 §6.1: every candidate issuer is tried
// (by name, AKI/SKI ordering first) across all dropped certificates and the trust anchors; each
// path that ends at an anchor is validated (signatures, validity at the analysis time, issuer
// names, basicConstraints cA and pathLenConstraint, keyUsage keyCertSign, name constraints for
// DNS, IP, e-mail, URI and directory names, the certificate policy tree with policyMappings,
// requireExplicitPolicy, inhibitPolicyMapping and inhibitAnyPolicy, unknown critical extensions, extendedKeyUsage when the role is known, broken
// MD2/MD4/MD5 signatures). The first path that validates is reported, with why the others failed.
//
// pkijs's CertificateChainValidationEngine is not used for the verdict: it takes the first issuer
// it finds by name (so an expired intermediate hides a valid cross-sign), and it does not reject
// several of the cases above. pkijs is kept as the fallback for signature algorithms WebCrypto
// is not called for directly (RSA-PSS, Ed25519).
import * as asn1js from 'asn1js';
import { loadPkijs } from './pkijs-fallback';
import { equalBytes, toArrayBuffer, toHex } from '../bytes/encoding';
import { readRawCertificate } from './certificate-facts';
import { KEY_USAGE_NAMES, readExtensions, type RawExtension } from './extensions';
import { nameText } from './names';
import { SIGNATURE_ALGORITHMS, signatureDigest } from './oids';
import { verifySigned } from './signature';
import { isBug } from '../errors';

/** Paths longer than this are not followed (a hostile drop may hold long cross-signature loops). */
export const MAX_PATH_LENGTH = 12;
/** Candidate paths examined per certificate at most (denial of service by many cross-signs). */
const MAX_PATHS = 48;
/** Issuer-lookup steps per certificate at most. */
const MAX_STEPS = 400;

const OID = {
	keyUsage: '2.5.29.15',
	basicConstraints: '2.5.29.19',
	subjectAltName: '2.5.29.17',
	nameConstraints: '2.5.29.30',
	certificatePolicies: '2.5.29.32',
	policyMappings: '2.5.29.33',
	policyConstraints: '2.5.29.36',
	inhibitAnyPolicy: '2.5.29.54',
	extKeyUsage: '2.5.29.37',
	subjectKeyId: '2.5.29.14',
	authorityKeyId: '2.5.29.35',
	anyPolicy: '2.5.29.32.0',
	anyEku: '2.5.29.37.0',
	authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
	emailAddress: '1.2.840.113549.1.9.1',
} as const;

/** Extensions this validator processes: a critical extension outside this set fails the path. */
const PROCESSED = new Set<string>([
	OID.keyUsage,
	OID.basicConstraints,
	OID.subjectAltName,
	OID.nameConstraints,
	OID.certificatePolicies,
	OID.policyConstraints,
	OID.policyMappings,
	OID.inhibitAnyPolicy,
	OID.extKeyUsage,
	OID.subjectKeyId,
	OID.authorityKeyId,
	'2.5.29.18', // issuerAltName: informational
]);

export const EKU_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const EKU_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** A general name as the constraint checks need it. */
type GName =
	| { type: 'dns' | 'email' | 'uri'; value: string }
	| { type: 'ip'; bytes: Uint8Array }
	| { type: 'dn'; rdns: string[] }
	| { type: 'other'; tag: number };

type Subtree =
	| { type: 'dns' | 'email' | 'uri'; value: string }
	| { type: 'ip'; addr: Uint8Array; mask: Uint8Array }
	| { type: 'dn'; rdns: string[] }
	| { type: 'other'; tag: number };

interface NameConstraints {
	permitted: Subtree[];
	excluded: Subtree[];
}

/** One certificate as the validator sees it. */
export interface PathCert {
	sha256: string;
	der: Uint8Array;
	subject: string;
	issuer: string;
	version: number;
	/** Normalized names (RFC 5280 §7.1: case and spaces folded in strings). */
	subjectKey: string;
	issuerKey: string;
	subjectRdns: string[];
	selfIssued: boolean;
	notBefore: number;
	notAfter: number;
	signatureOid: string;
	/** The TBSCertificate's signature field equals the outer signatureAlgorithm (RFC 5280 4.1.1.2). */
	signatureFieldsMatch: boolean;
	tbsDer: Uint8Array;
	signature: Uint8Array | null;
	spkiDer: Uint8Array;
	key: { algorithm: string; curve: string | null };
	keySize: number | null;
	ca: boolean | null;
	pathLen: number | null;
	/** keyUsage bits by name, null without the extension. */
	keyUsage: Set<string> | null;
	eku: string[] | null;
	ski: string | null;
	aki: string | null;
	san: GName[] | null;
	/** Subject e-mail attributes (checked against rfc822 constraints when there is no SAN). */
	subjectEmails: string[];
	nameConstraints: NameConstraints | null;
	/** Policies (OIDs), null without the extension. */
	policies: string[] | null;
	requireExplicitPolicy: number | null;
	inhibitPolicyMapping: number | null;
	inhibitAnyPolicy: number | null;
	/** policyMappings as [issuerDomainPolicy, subjectDomainPolicy] pairs, null without it. */
	policyMappings: [string, string][] | null;
	/** Why the certificate cannot be used in any path (a malformed or duplicated extension). */
	defect: string | null;
	unknownCritical: string[];
	/** Criticality of each extension present, by OID. */
	critical: Map<string, boolean>;
	serial: Uint8Array;
	/** The authorityKeyIdentifier holds only a keyIdentifier (no issuer name or serial). */
	akiKeyIdOnly: boolean;
	/** Common names of the subject, as encoded. */
	commonNames: string[];
	/** The authorityInfoAccess extension is present but holds no well-formed AccessDescription. */
	aiaMalformed: boolean;
}

function parse(bytes: Uint8Array): asn1js.AsnType | null {
	const r = asn1js.fromBER(bytes, { parseEmbedded: false, copyInput: false });
	return r.offset === -1 || r.offset !== bytes.length ? null : r.result;
}

function kids(v: unknown): asn1js.AsnType[] {
	return v instanceof asn1js.Constructed ? v.valueBlock.value : [];
}

function oidOf(v: unknown): string | null {
	return v instanceof asn1js.ObjectIdentifier ? v.valueBlock.toString() : null;
}

function primBytes(v: unknown): Uint8Array {
	return v instanceof asn1js.Primitive
		? new Uint8Array(v.valueBlock.valueHexView)
		: new Uint8Array();
}

function ascii(bytes: Uint8Array): string {
	return String.fromCharCode(...bytes);
}

/** RFC 5280 §7.1 (simplified RFC 4518): strings compared case-folded with spaces collapsed. */
function normalizedValue(v: unknown): string {
	if (v instanceof asn1js.BaseStringBlock) {
		return v.getValue().normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
	}
	if (v instanceof asn1js.BaseBlock) return '#' + toHex(new Uint8Array(v.toBER()));
	return '';
}

/** Each RDN as a sorted 'oid=value' list; the name key joins them. */
function nameRdns(name: unknown): string[] {
	return kids(name).map((set) =>
		kids(set)
			.map((atv) => {
				const [t, v] = kids(atv);
				return `${oidOf(t) ?? '?'}=${normalizedValue(v)}`;
			})
			.sort()
			.join('+'),
	);
}

function readGeneralName(g: asn1js.AsnType): GName {
	const tag = g.idBlock.tagNumber;
	if (g.idBlock.tagClass !== 3) return { type: 'other', tag: -1 };
	switch (tag) {
		case 1:
			return { type: 'email', value: ascii(primBytes(g)) };
		case 2:
			return { type: 'dns', value: ascii(primBytes(g)) };
		case 6:
			return { type: 'uri', value: ascii(primBytes(g)) };
		case 7:
			return { type: 'ip', bytes: primBytes(g) };
		case 4:
			return { type: 'dn', rdns: nameRdns(kids(g)[0]) };
		default:
			return { type: 'other', tag };
	}
}

function readSubtree(g: asn1js.AsnType): Subtree {
	const n = readGeneralName(g);
	if (n.type !== 'ip') return n;
	const half = n.bytes.length / 2;
	if (n.bytes.length !== 8 && n.bytes.length !== 32)
		return { type: 'ip', addr: n.bytes, mask: new Uint8Array() };
	return { type: 'ip', addr: n.bytes.subarray(0, half), mask: n.bytes.subarray(half) };
}

/** A contiguous netmask (ones then zeros); anything else is a malformed constraint. */
function validMask(mask: Uint8Array): boolean {
	let zero = false;
	for (const byte of mask) {
		for (let bit = 7; bit >= 0; bit--) {
			const one = ((byte >> bit) & 1) === 1;
			if (one && zero) return false;
			if (!one) zero = true;
		}
	}
	return true;
}

/** RFC 1034 3.5 preferred name syntax (as RFC 1123 relaxes it); `*.` first label when allowed. */
export function validDnsName(name: string, wildcard: boolean): boolean {
	const labels = (wildcard && name.startsWith('*.') ? name.slice(2) : name).split('.');
	if (labels.length === 0 || name.length > 253) return false;
	return labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(l));
}

/** An RFC 5322 addr-spec as RFC 5280 4.2.1.6 requires for rfc822Name (local-part@domain). */
function validMailbox(value: string): boolean {
	const at = value.lastIndexOf('@');
	if (at <= 0) return false;
	const local = value.slice(0, at);
	return (
		/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local) &&
		!local.startsWith('.') &&
		!local.endsWith('.') &&
		!local.includes('..') &&
		validDnsName(value.slice(at + 1), false)
	);
}

function readNameConstraints(value: Uint8Array): NameConstraints | string {
	const v = parse(value);
	if (!(v instanceof asn1js.Sequence)) return 'unreadable nameConstraints';
	const out: NameConstraints = { permitted: [], excluded: [] };
	for (const part of kids(v)) {
		const list = part.idBlock.tagNumber === 0 ? out.permitted : out.excluded;
		for (const subtree of kids(part)) {
			const [base, ...rest] = kids(subtree);
			if (!base) return 'empty name constraint subtree';
			// RFC 5280 4.2.1.10: minimum MUST be zero and maximum MUST be absent.
			for (const r of rest) {
				if (r.idBlock.tagNumber === 1) return 'name constraint with a maximum';
				if (r.idBlock.tagNumber === 0 && primBytes(r).some((b) => b !== 0))
					return 'name constraint with a non-zero minimum';
			}
			const s = readSubtree(base);
			if (s.type === 'ip' && (s.mask.length === 0 || !validMask(s.mask)))
				return 'name constraint with a malformed IP address range';
			// RFC 5280 4.2.1.10: a leading period is for URI constraints; a dNSName constraint is a
			// host name ("example.com" covers its subdomains). OpenSSL accepts ".example.com".
			if (s.type === 'dns' && s.value !== '' && !validDnsName(s.value, false))
				return `malformed DNS name constraint "${s.value}"`;
			list.push(s);
		}
	}
	if (out.permitted.length === 0 && out.excluded.length === 0)
		return 'nameConstraints without any subtree';
	return out;
}

function readPolicies(value: Uint8Array): string[] | string {
	const v = parse(value);
	if (!(v instanceof asn1js.Sequence)) return 'unreadable certificatePolicies';
	const ids = kids(v).map((pi) => oidOf(kids(pi)[0]) ?? '?');
	if (new Set(ids).size !== ids.length) return 'certificatePolicies lists a policy twice';
	return ids;
}

/** Parses a certificate for path validation; throws on a certificate that cannot be read. */
export function pathCertificate(der: Uint8Array, sha256: string): PathCert {
	const raw = readRawCertificate(der);
	const tbs = raw.tbs.valueBlock.value;
	const versionField = tbs[0];
	const version =
		versionField instanceof asn1js.Constructed && versionField.idBlock.tagClass === 3
			? ((kids(versionField)[0] as asn1js.Integer | undefined)?.valueBlock.valueDec ?? 0) + 1
			: 1;
	const sigFieldIndex = version === 1 && !(versionField instanceof asn1js.Constructed) ? 1 : 2;
	const innerSig = tbs[sigFieldIndex];
	const outerSig = raw.root.valueBlock.value[1];
	const signatureFieldsMatch =
		innerSig !== undefined &&
		outerSig !== undefined &&
		equalBytes(
			new Uint8Array(innerSig.valueBeforeDecodeView),
			new Uint8Array(outerSig.valueBeforeDecodeView),
		);
	const exts: RawExtension[] = readExtensions(raw.tbs);
	const cert: PathCert = {
		sha256,
		der,
		subject: nameText(raw.subject),
		issuer: nameText(raw.issuer),
		version,
		subjectKey: nameRdns(raw.subject).join(','),
		issuerKey: nameRdns(raw.issuer).join(','),
		subjectRdns: nameRdns(raw.subject),
		selfIssued: false,
		notBefore: raw.notBefore.getTime(),
		notAfter: raw.notAfter.getTime(),
		signatureOid: raw.signatureOid,
		signatureFieldsMatch,
		tbsDer: raw.tbsDer,
		signature: raw.signature,
		spkiDer: raw.spkiDer,
		key: raw.key,
		keySize: raw.key.keySize,
		ca: null,
		pathLen: null,
		keyUsage: null,
		eku: null,
		ski: null,
		aki: null,
		san: null,
		subjectEmails: [],
		nameConstraints: null,
		policies: null,
		requireExplicitPolicy: null,
		inhibitPolicyMapping: null,
		inhibitAnyPolicy: null,
		policyMappings: null,
		defect: null,
		unknownCritical: [],
		critical: new Map(exts.map((e) => [e.oid, e.critical])),
		serial: raw.serial,
		akiKeyIdOnly: true,
		commonNames: [],
		aiaMalformed: false,
	};
	cert.selfIssued = cert.subjectKey === cert.issuerKey;
	for (const atv of kids(raw.subject).flatMap((set) => kids(set))) {
		const [t, v] = kids(atv);
		if (oidOf(t) === OID.emailAddress && v instanceof asn1js.BaseStringBlock)
			cert.subjectEmails.push(v.getValue());
		if (oidOf(t) === '2.5.4.3' && v instanceof asn1js.BaseStringBlock)
			cert.commonNames.push(v.getValue());
	}
	const seen = new Set<string>();
	const defect = (text: string) => {
		cert.defect ??= text;
	};
	if (version < 3 && exts.length > 0) defect(`a version ${version} certificate carries extensions`);
	for (const e of exts) {
		if (seen.has(e.oid)) defect(`extension ${e.oid} appears twice`);
		seen.add(e.oid);
		if (e.critical && !PROCESSED.has(e.oid)) cert.unknownCritical.push(e.oid);
		const v = parse(e.value);
		if (!v) {
			if (PROCESSED.has(e.oid)) defect(`extension ${e.oid} cannot be decoded`);
			if (e.oid === OID.authorityInfoAccess) cert.aiaMalformed = true;
			continue;
		}
		switch (e.oid) {
			case OID.basicConstraints: {
				const items = kids(v);
				const ca = items.find((k) => k instanceof asn1js.Boolean);
				const len = items.find((k) => k instanceof asn1js.Integer);
				cert.ca = ca instanceof asn1js.Boolean ? ca.valueBlock.value : false;
				cert.pathLen = len instanceof asn1js.Integer ? len.valueBlock.valueDec : null;
				if (cert.pathLen !== null && cert.pathLen < 0) defect('negative pathLenConstraint');
				break;
			}
			case OID.keyUsage: {
				const bits =
					v instanceof asn1js.BitString ? new Uint8Array(v.valueBlock.valueHexView) : null;
				if (!bits) {
					defect('unreadable keyUsage');
					break;
				}
				cert.keyUsage = new Set(
					KEY_USAGE_NAMES.filter((_n, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0),
				);
				if (cert.keyUsage.size === 0) defect('keyUsage with no bit set');
				break;
			}
			case OID.extKeyUsage:
				cert.eku = kids(v).map((k) => oidOf(k) ?? '?');
				if (cert.eku.length === 0) defect('empty extendedKeyUsage');
				break;
			case OID.subjectKeyId:
				// an OctetString is no asn1js Primitive: primBytes would read it as empty
				cert.ski =
					v instanceof asn1js.OctetString ? toHex(new Uint8Array(v.valueBlock.valueHexView)) : null;
				break;
			case OID.authorityKeyId: {
				const k = kids(v).find((x) => x.idBlock.tagNumber === 0 && x.idBlock.tagClass === 3);
				cert.aki = k ? toHex(primBytes(k)) : null;
				cert.akiKeyIdOnly = k !== undefined && kids(v).length === 1;
				break;
			}
			case OID.authorityInfoAccess: {
				const ads = kids(v);
				cert.aiaMalformed =
					!(v instanceof asn1js.Sequence) ||
					ads.length === 0 ||
					ads.some((ad) => kids(ad).length !== 2 || oidOf(kids(ad)[0]) === null);
				break;
			}
			case OID.subjectAltName:
				cert.san = kids(v).map(readGeneralName);
				if (cert.san.length === 0) defect('empty subjectAltName');
				break;
			case OID.nameConstraints: {
				const nc = readNameConstraints(e.value);
				if (typeof nc === 'string') defect(nc);
				else cert.nameConstraints = nc;
				break;
			}
			case OID.certificatePolicies: {
				const p = readPolicies(e.value);
				if (typeof p === 'string') defect(p);
				else cert.policies = p;
				break;
			}
			case OID.policyConstraints:
				for (const k of kids(v)) {
					const n = Number(BigInt('0x' + (toHex(primBytes(k)) || '0')));
					if (k.idBlock.tagNumber === 0) cert.requireExplicitPolicy = n;
					if (k.idBlock.tagNumber === 1) cert.inhibitPolicyMapping = n;
				}
				break;
			case OID.inhibitAnyPolicy:
				cert.inhibitAnyPolicy = v instanceof asn1js.Integer ? v.valueBlock.valueDec : null;
				break;
			case OID.policyMappings: {
				const pairs = kids(v).map((m): [string, string] => [
					oidOf(kids(m)[0]) ?? '?',
					oidOf(kids(m)[1]) ?? '?',
				]);
				if (!(v instanceof asn1js.Sequence) || pairs.length === 0)
					defect('policyMappings without any mapping');
				else if (pairs.some(([a, b]) => a === '?' || b === '?'))
					defect('unreadable policyMappings');
				cert.policyMappings = pairs;
				break;
			}
		}
	}
	return cert;
}

// ---------------------------------------------------------------- name constraint matching

function dnsMatches(name: string, base: string): boolean {
	const n = name.toLowerCase().replace(/\.$/, '');
	let b = base.toLowerCase().replace(/\.$/, '');
	if (b === '') return true;
	if (b.startsWith('.')) return n.endsWith(b);
	// A wildcard SAN is matched by its base domain (the wildcard stands for one label).
	if (n === b) return true;
	b = '.' + b;
	return n.endsWith(b);
}

function emailMatches(name: string, base: string): boolean {
	const at = name.lastIndexOf('@');
	if (at < 0) return false;
	const host = name.slice(at + 1).toLowerCase();
	const b = base.toLowerCase();
	if (b.includes('@'))
		return (
			name.slice(0, at) === base.slice(0, base.lastIndexOf('@')) &&
			host === b.slice(b.lastIndexOf('@') + 1)
		);
	if (b.startsWith('.')) return host.endsWith(b);
	return host === b;
}

function uriHost(uri: string): string | null {
	const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(uri);
	return m?.[1] ? m[1].toLowerCase() : null;
}

function uriMatches(name: string, base: string): boolean | null {
	const host = uriHost(name);
	if (host === null) return null;
	const b = base.toLowerCase();
	if (b.startsWith('.')) return host.endsWith(b);
	return host === b;
}

function ipMatches(ip: Uint8Array, s: { addr: Uint8Array; mask: Uint8Array }): boolean {
	if (ip.length !== s.addr.length) return false;
	for (let i = 0; i < ip.length; i++) {
		if (((ip[i] ?? 0) & (s.mask[i] ?? 0)) !== ((s.addr[i] ?? 0) & (s.mask[i] ?? 0))) return false;
	}
	return true;
}

function dnMatches(rdns: string[], base: string[]): boolean {
	if (base.length > rdns.length) return false;
	return base.every((r, i) => rdns[i] === r);
}

/** Whether the subtree (of the same type) covers the name; null when it cannot be decided. */
function within(name: GName, s: Subtree): boolean | null {
	if (name.type === 'dns' && s.type === 'dns') return dnsMatches(name.value, s.value);
	if (name.type === 'email' && s.type === 'email') return emailMatches(name.value, s.value);
	if (name.type === 'uri' && s.type === 'uri') return uriMatches(name.value, s.value);
	if (name.type === 'ip' && s.type === 'ip') return ipMatches(name.bytes, s);
	if (name.type === 'dn' && s.type === 'dn') return dnMatches(name.rdns, s.rdns);
	if (name.type === 'other' && s.type === 'other' && name.tag === s.tag) return null;
	return false;
}

function sameType(name: GName, s: Subtree): boolean {
	return (
		name.type === s.type && (name.type !== 'other' || (s.type === 'other' && name.tag === s.tag))
	);
}

function nameLabel(n: GName): string {
	switch (n.type) {
		case 'ip':
			return `IP ${n.bytes.length === 4 ? [...n.bytes].join('.') : toHex(n.bytes)}`;
		case 'dn':
			return 'directory name';
		case 'other':
			return `name of type [${n.tag}]`;
		default:
			return `${n.type === 'dns' ? 'DNS' : n.type === 'email' ? 'e-mail' : 'URI'} ${n.value}`;
	}
}

/**
 * The names of a certificate that name constraints apply to. For the end entity without a DNS or
 * IP subjectAltName, a host-name-like common name too: hostname matching falls back to it then
 * (core/tls/hostname.ts, RFC 6125 6.4.4), so a constrained CA must not escape its DNS subtrees
 * through the CN. OpenSSL applies the same rule (NAME_CONSTRAINTS_check_CN: the leaf only, a CN
 * that is a host name with at least one dot).
 */
function constrainedNames(c: PathCert, endEntity: boolean): GName[] {
	const names: GName[] = [];
	if (c.subjectRdns.length > 0) names.push({ type: 'dn', rdns: c.subjectRdns });
	if (c.san) names.push(...c.san);
	else for (const e of c.subjectEmails) names.push({ type: 'email', value: e });
	const hostSan = (c.san ?? []).some((g) => g.type === 'dns' || g.type === 'ip');
	if (endEntity && !hostSan)
		for (const cn of c.commonNames)
			if (cn.includes('.') && validDnsName(cn, true)) names.push({ type: 'dns', value: cn });
	return names;
}

function checkNameConstraints(
	c: PathCert,
	nc: NameConstraints,
	by: PathCert,
	endEntity: boolean,
): string | null {
	for (const name of constrainedNames(c, endEntity)) {
		for (const s of nc.excluded) {
			if (!sameType(name, s)) continue;
			// A wildcard name may stand for an excluded host: *.example.com covers bar.example.com.
			const wildHit =
				name.type === 'dns' &&
				s.type === 'dns' &&
				name.value.startsWith('*.') &&
				s.value.toLowerCase().replace(/^[^.]*\./, '') === name.value.slice(2).toLowerCase();
			const hit = wildHit || within(name, s);
			if (hit !== false)
				return `${nameLabel(name)} of ${c.subject || '(empty subject)'} is excluded by the name constraints of ${by.subject}`;
		}
		const ofType = nc.permitted.filter((s) => sameType(name, s));
		if (ofType.length === 0) continue;
		if (!ofType.some((s) => within(name, s) === true))
			return `${nameLabel(name)} of ${c.subject || '(empty subject)'} is outside the permitted names of ${by.subject}`;
	}
	return null;
}

// ---------------------------------------------------------------- signatures

const BROKEN_DIGESTS = new Set(['md2', 'md4', 'md5']);

/** Why `c`'s own signature is unacceptable whatever it verifies to (MD2/MD4/MD5), or null. */
function brokenHashError(c: PathCert): string | null {
	const name = SIGNATURE_ALGORITHMS[c.signatureOid] ?? '';
	if (!BROKEN_DIGESTS.has(signatureDigest(name))) return null;
	return `${label(c)} is signed with a broken hash (${name}), which no client accepts whether or not the signature verifies`;
}

/** Name-constraint comparisons per path at most (a constraint × name blow-up is refused). */
const MAX_NC_COMPARISONS = 250_000;

/**
 * RFC 5280 §4 profile requirements a validator can see on one certificate of a path (the MUSTs
 * x509-limbo tests); `i` is its position (0 = end entity), `n` the path length.
 */
function profileError(c: PathCert, i: number, n: number, webPki: boolean): string | null {
	const isAnchor = i === n - 1;
	const isCA = c.ca === true;
	const who = label(c);
	if (c.serial.length > 20) return `${who}: serial number longer than 20 octets (RFC 5280 4.1.2.2)`;
	if ((c.serial[0] ?? 0) & 0x80) return `${who}: negative serial number (RFC 5280 4.1.2.2)`;
	if (c.serial.every((b) => b === 0)) return `${who}: serial number zero (RFC 5280 4.1.2.2)`;
	if (c.critical.get(OID.authorityKeyId))
		return `${who}: authorityKeyIdentifier marked critical (RFC 5280 4.2.1.1)`;
	if (c.critical.get(OID.subjectKeyId))
		return `${who}: subjectKeyIdentifier marked critical (RFC 5280 4.2.1.2)`;
	if (c.version >= 3) {
		// The anchor is trusted by name and key: it needs no key identifier of its issuer.
		if (c.aki === null && !isAnchor)
			return `${who} has no authorityKeyIdentifier keyIdentifier (RFC 5280 4.2.1.1)`;
		if (isCA && c.ski === null)
			return `${who} is a CA without subjectKeyIdentifier (RFC 5280 4.2.1.2)`;
	}
	if (c.critical.has(OID.nameConstraints)) {
		if (!isCA) return `${who} is not a CA but carries nameConstraints (RFC 5280 4.2.1.10)`;
		// RFC 5280 4.2.1.10: "Conforming CAs MUST mark this extension as critical" (so that a
		// validator that cannot apply it refuses the path instead of ignoring it). The CA/B BRs
		// (7.1.2.10.8) allow a non-critical one for the Web PKI, where it is applied.
		if (!webPki && c.critical.get(OID.nameConstraints) === false)
			return `${who}: nameConstraints not marked critical (RFC 5280 4.2.1.10; the CA/B Baseline Requirements 7.1.2.10.8 allow it only for the Web PKI)`;
	}
	if (c.subjectRdns.length === 0) {
		if (isCA || i > 0) return `CA certificate with an empty subject (RFC 5280 4.1.2.6)`;
		if (!c.san) return `${who}: empty subject and no subjectAltName (RFC 5280 4.1.2.6)`;
		if (!c.critical.get(OID.subjectAltName))
			return `${who}: empty subject with a non-critical subjectAltName (RFC 5280 4.2.1.6)`;
	}
	if (!isCA && c.keyUsage?.has('keyCertSign'))
		return `${who}: keyUsage keyCertSign without basicConstraints cA (RFC 5280 4.2.1.9)`;
	for (const g of c.san ?? []) {
		if (g.type === 'dns' && !validDnsName(g.value, true))
			return `${who}: subjectAltName DNS name "${g.value}" is not a valid host name (RFC 5280 4.2.1.6)`;
		if (g.type === 'email' && !validMailbox(g.value))
			return `${who}: subjectAltName e-mail "${g.value}" is not a valid mailbox (RFC 5280 4.2.1.6)`;
	}
	return null;
}

/** Canonical text of an IP address as a CN must spell it (dotted decimal; RFC 5952 for IPv6). */
function ipText(b: Uint8Array): string {
	if (b.length === 4) return [...b].join('.');
	const groups: number[] = [];
	for (let i = 0; i < 16; i += 2) groups.push(((b[i] ?? 0) << 8) | (b[i + 1] ?? 0));
	let bestStart = -1;
	let bestLen = 1;
	for (let i = 0; i < 8;) {
		if (groups[i] !== 0) {
			i++;
			continue;
		}
		let j = i;
		while (j < 8 && groups[j] === 0) j++;
		if (j - i > bestLen) {
			bestStart = i;
			bestLen = j - i;
		}
		i = j;
	}
	const hex = groups.map((g) => g.toString(16));
	if (bestStart < 0) return hex.join(':');
	return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/**
 * The CA/Browser Forum Baseline Requirements a TLS server path must also meet (applied when the
 * role is TLS server): subscriber EKU, CN copied from the SAN, algorithm and key limits, root
 * profile (§7.1.2, §6.1.5, §7.1.4.3).
 */
function webPkiError(c: PathCert, i: number, n: number): string | null {
	const who = label(c);
	const isAnchor = i === n - 1 && i > 0;
	if (c.key.algorithm === 'DSA') return `${who}: DSA key (CA/B BR 6.1.5 allows RSA and ECDSA)`;
	if (c.key.algorithm === 'EC' && !['P-256', 'P-384', 'P-521'].includes(c.key.curve ?? ''))
		return `${who}: EC curve ${c.key.curve ?? 'unknown'} (CA/B BR 6.1.5 allows P-256, P-384, P-521)`;
	if (c.key.algorithm === 'RSA' && c.keySize !== null && (c.keySize < 2048 || c.keySize % 8 !== 0))
		return `${who}: RSA ${c.keySize}-bit key (CA/B BR 6.1.5: at least 2048 and a multiple of 8)`;
	if (c.aiaMalformed) return `${who}: malformed authorityInfoAccess (CA/B BR 7.1.2)`;
	if (isAnchor) {
		if (c.eku) return `${who}: a root with extendedKeyUsage (CA/B BR 7.1.2.1)`;
		if (
			c.critical.has(OID.authorityKeyId) &&
			(!c.akiKeyIdOnly || (c.ski !== null && c.aki !== c.ski))
		)
			return `${who}: root authorityKeyIdentifier must hold only its own key identifier (CA/B BR 7.1.2.1)`;
	}
	if (i === 0) {
		if (c.ca === true) return `${who}: a CA certificate used as the server certificate`;
		if (!c.eku) return `${who}: no extendedKeyUsage (CA/B BR 7.1.2.7 requires serverAuth)`;
		if (c.eku.includes(OID.anyEku)) return `${who}: anyExtendedKeyUsage (CA/B BR 7.1.2.7)`;
		if (c.critical.get(OID.extKeyUsage))
			return `${who}: extendedKeyUsage marked critical (CA/B BR 7.1.2.7)`;
		if (c.subjectRdns.length > 0 && c.critical.get(OID.subjectAltName))
			return `${who}: subjectAltName critical with a non-empty subject (CA/B BR 7.1.2.7)`;
		const sanTexts = new Set(
			(c.san ?? []).flatMap((g) =>
				g.type === 'dns' ? [g.value] : g.type === 'ip' ? [ipText(g.bytes)] : [],
			),
		);
		for (const cn of c.commonNames)
			if (!sanTexts.has(cn))
				return `${who}: common name "${cn}" is not one of its subjectAltName entries as written (CA/B BR 7.1.4.3)`;
	}
	return null;
}

/** Whether `child`'s signature verifies with `issuer`'s key; null when it cannot be checked here. */
async function signatureVerifies(
	child: PathCert,
	issuer: PathCert,
	above: PathCert | undefined,
): Promise<boolean | null> {
	if (!child.signature) return false;
	try {
		const direct = await verifySigned(
			{ spkiDer: issuer.spkiDer, key: issuer.key, inheritedDsaSpki: above?.spkiDer ?? null },
			child.signatureOid,
			child.signature,
			child.tbsDer,
		);
		if (direct !== null) return direct;
	} catch (error) {
		if (isBug(error)) throw error;
		return false; // a key WebCrypto rejects as malformed
	}
	try {
		const pkijs = await loadPkijs();
		const c = pkijs.Certificate.fromBER(toArrayBuffer(child.der));
		const i = pkijs.Certificate.fromBER(toArrayBuffer(issuer.der));
		return await c.verify(i);
	} catch (error) {
		// pkijs cannot verify this key or algorithm either: unknown (null), not invalid
		if (isBug(error)) throw error;
		return null;
	}
}

// ---------------------------------------------------------------- validation

export interface PathOptions {
	/** Analysis time (ms since epoch). */
	time: number;
	/** Required extendedKeyUsage of the end entity (serverAuth, clientAuth), when the role is known. */
	eku?: string | null;
	/**
	 * 'webpki' adds the CA/Browser Forum Baseline Requirements for a publicly trusted TLS server
	 * certificate to RFC 5280 (the default, for private PKIs).
	 */
	profile?: 'rfc5280' | 'webpki';
	/**
	 * RFC 5280 6.1.1 (f) initial-explicit-policy: the path must be valid for at least one policy
	 * (openssl verify -explicit_policy). Off by default, as in openssl verify and browsers.
	 */
	explicitPolicy?: boolean;
	/**
	 * The trust anchor is not known and sits above the path's last certificate (no anchors were
	 * supplied): every certificate of the path is validated as one below the anchor, so only what
	 * no anchor can change is judged (see `checkSuppliedChain`).
	 */
	openTop?: boolean;
}

/** A path and why it does not validate (null when it does). */
export interface PathVerdict {
	path: string[];
	error: string | null;
	/** Every certificate's signature verified (the path may still fail other checks). */
	signaturesValid: boolean;
	/** A signature could not be checked here: the verdict is unknown, not invalid. */
	unknown?: boolean;
	/** RFC 5280 profile rules the path breaks but is accepted despite, each with the clause. */
	deviations: string[];
}

function when(t: number): string {
	return new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}

function label(c: PathCert): string {
	return c.subject || `(empty subject, sha256 ${c.sha256.slice(0, 16)}…)`;
}

/** Signature memo: a pool is validated for many targets that share intermediates. */
export class SignatureCache {
	private readonly memo = new Map<string, Promise<boolean | null>>();
	/** `above`: the issuer's own issuer, whose DSA parameters an issuer key without them inherits. */
	check(child: PathCert, issuer: PathCert, above?: PathCert): Promise<boolean | null> {
		const inherits = issuer.key.algorithm === 'DSA';
		const key = `${child.sha256}>${issuer.sha256}${inherits ? `>${above?.sha256 ?? ''}` : ''}`;
		let p = this.memo.get(key);
		if (!p) {
			p = signatureVerifies(child, issuer, above);
			this.memo.set(key, p);
		}
		return p;
	}
}

/**
 * RFC 5280 §6.1 over one path, leaf first and the trust anchor last. The anchor contributes its
 * name and key; like OpenSSL and Go, its validity, basicConstraints, pathLenConstraint and name
 * constraints are applied as well when it is a certificate.
 */
export async function validatePath(
	path: readonly PathCert[],
	opts: PathOptions,
	sigs: SignatureCache = new SignatureCache(),
): Promise<PathVerdict> {
	const shas = path.map((c) => c.sha256);
	const deviations: string[] = [];
	const fail = (error: string, signaturesValid = true): PathVerdict => ({
		path: shas,
		error,
		signaturesValid,
		deviations,
	});
	const n = path.length;
	const anchor = path[n - 1];
	if (!anchor) return fail('empty path');
	// Position of the trust anchor: the last certificate, or one above the path when it is unknown.
	const top = opts.openTop ? n : n - 1;
	// Signatures first: a path whose signatures fail is not a path at all.
	for (let i = 0; i < n - 1; i++) {
		const child = path[i] as PathCert;
		const issuer = path[i + 1] as PathCert;
		// A broken hash is refused before the signature is checked: WebCrypto cannot check MD5, and
		// no client accepts such a signature whether or not it would verify.
		const broken = brokenHashError(child);
		if (broken) return fail(broken, false);
		const ok = await sigs.check(child, issuer, path[i + 2]);
		if (ok === null)
			return {
				...fail(
					`the signature of ${label(child)} (${SIGNATURE_ALGORITHMS[child.signatureOid] ?? child.signatureOid}) cannot be checked here`,
					false,
				),
				unknown: true,
			};
		if (!ok)
			return fail(
				`the signature of ${label(child)} does not verify with the key of ${label(issuer)}`,
				false,
			);
	}
	// Validity is encoded to the second: compare at that granularity.
	const time = Math.floor(opts.time / 1000) * 1000;
	const webPki = opts.profile === 'webpki';
	for (const [i, c] of path.entries()) {
		if (c.defect) return fail(`${label(c)}: ${c.defect}`);
		const profile =
			profileError(c, i, top + 1, webPki) ?? (webPki ? webPkiError(c, i, top + 1) : null);
		if (profile) return fail(profile);
		if (time < c.notBefore) return fail(`${label(c)} is not valid before ${when(c.notBefore)}`);
		if (time > c.notAfter) return fail(`${label(c)} expired on ${when(c.notAfter)}`);
		// RFC 5280 4.2.1.11: CAs MUST mark policyConstraints critical, and x509-limbo
		// (rfc5280::pc::ica-noncritical-pc) refuses the path; NIST PKITS, the RFC 5280 path
		// validation suite, has its policy CAs carry it non-critical and states those paths valid
		// (4.8.6, 4.8.10, 4.10.9, 4.12.2 and others). The constraint is applied either way and the
		// deviation is shown with the verdict.
		if (c.critical.get(OID.policyConstraints) === false)
			deviations.push(`${label(c)}: policyConstraints not marked critical (RFC 5280 4.2.1.11)`);
		if (c.unknownCritical.length > 0)
			return fail(`${label(c)} has an unknown critical extension ${c.unknownCritical.join(', ')}`);
		if (!c.signatureFieldsMatch && i < top)
			return fail(
				`${label(c)}: the signature algorithm inside the certificate differs from the outer one`,
			);
		const broken = i < top ? brokenHashError(c) : null;
		if (broken) return fail(broken);
		if (i > 0) {
			const child = path[i - 1] as PathCert;
			if (child.issuerKey !== c.subjectKey)
				return fail(`the issuer name of ${label(child)} does not match the subject of ${label(c)}`);
			// A CA: basicConstraints cA (v1/v2 CA certificates are only accepted as the anchor).
			if (c.ca !== true && !(i === top && c.version < 3))
				return fail(
					c.ca === false
						? `${label(c)} issued ${label(child)} but is not a CA (basicConstraints cA is false)`
						: `${label(c)} issued ${label(child)} but has no basicConstraints extension marking it as a CA`,
				);
			if (c.keyUsage && !c.keyUsage.has('keyCertSign'))
				return fail(`${label(c)} issued ${label(child)} but its keyUsage lacks keyCertSign`);
			// RFC 5280 4.2.1.1: the authorityKeyIdentifier names the key that signed the certificate.
			// Path validation (§6) does not use it and the signature verified with this issuer's key,
			// so the path stands; but the certificate misnames its issuer's key, and OpenSSL, which
			// picks issuers by it, finds no issuer: a deviation shown with the verdict.
			if (child.aki !== null && c.ski !== null && child.aki !== c.ski)
				deviations.push(
					`the authorityKeyIdentifier of ${label(child)} is not the subjectKeyIdentifier of its issuer ${label(c)} (RFC 5280 4.2.1.1; openssl verify finds no issuer for it)`,
				);
			// RFC 5280 4.2.1.9: a CA that signs certificates MUST mark basicConstraints critical, and
			// x509-limbo (root-non-critical-basic-constraints) and openssl verify -x509_strict refuse
			// the path. It is accepted here, as a deviation shown with the verdict, because the
			// public xmlsec interop suite states its test CA (root and second-level CA, made by
			// OpenSSL 1.0's CA configuration, which wrote it non-critical) trusted, as default
			// openssl verify, Go and Java do: refusing it would contradict that suite's verdicts.
			if (c.critical.get(OID.basicConstraints) === false)
				deviations.push(
					`${label(c)} issues certificates but its basicConstraints is not marked critical (RFC 5280 4.2.1.9; openssl verify -x509_strict refuses it)`,
				);
		}
	}
	// RFC 5280 4.2.1.1: every certificate a CA generates carries the AKI keyIdentifier, except a
	// self-signed one. The anchor is exempt from the check above only as a self-signed root (its
	// signature made with its own key); an anchor that another CA signed (a cross-certificate
	// trusted directly) without it is refused, as x509-limbo's cross-signed-root-missing-aki
	// expects. Signed with its own key under another issuer name, it stays exempt (limbo's roots
	// are made so and cve-2024-0567 expects them trusted).
	if (!opts.openTop && n > 1 && anchor.version >= 3 && anchor.aki === null) {
		const own = await sigs.check(anchor, anchor);
		if (own !== true)
			return fail(
				own === false
					? `trust anchor ${label(anchor)} was signed by another CA (${anchor.issuer || 'empty issuer name'}), not by its own key, and has no authorityKeyIdentifier keyIdentifier (RFC 5280 4.2.1.1 lets only self-signed certificates omit it)`
					: `trust anchor ${label(anchor)} has no authorityKeyIdentifier keyIdentifier and whether it is self-signed cannot be checked here (${SIGNATURE_ALGORITHMS[anchor.signatureOid] ?? anchor.signatureOid}); RFC 5280 4.2.1.1 lets only self-signed certificates omit it`,
			);
	}
	// pathLenConstraint: counted from the anchor down; self-issued intermediates do not count.
	let maxPath = Infinity;
	for (let i = n - 1; i >= 1; i--) {
		const c = path[i] as PathCert;
		if (i < top && !c.selfIssued) {
			if (maxPath <= 0)
				return fail(`the path is longer than a pathLenConstraint above ${label(c)} allows`);
			maxPath--;
		}
		if (c.pathLen !== null && c.pathLen < maxPath) maxPath = c.pathLen;
	}
	// Name constraints of every CA apply to every certificate below it (self-issued intermediates
	// excepted, RFC 5280 6.1.3 b).
	let comparisons = 0;
	for (let i = n - 1; i >= 1; i--) {
		const ca = path[i] as PathCert;
		if (!ca.nameConstraints) continue;
		for (let j = i - 1; j >= 0; j--) {
			const c = path[j] as PathCert;
			if (j > 0 && c.selfIssued) continue;
			comparisons +=
				(ca.nameConstraints.permitted.length + ca.nameConstraints.excluded.length) *
				constrainedNames(c, j === 0).length;
			if (comparisons > MAX_NC_COMPARISONS)
				return fail(
					`name constraints of ${label(ca)} against the names below it need more than ${MAX_NC_COMPARISONS} comparisons; refused like Go and OpenSSL do`,
				);
			const err = checkNameConstraints(c, ca.nameConstraints, ca, j === 0);
			if (err) return fail(err);
		}
	}
	// The policy tree starts at the anchor (RFC 5280 6.1.2): with the anchor unknown it is not
	// judged, so an open path is never refused for a policy an anchor might have supplied.
	const policyError = opts.openTop ? null : checkPolicies(path, opts.explicitPolicy === true);
	if (policyError) return fail(policyError);
	if (opts.eku) {
		const err = purposeError(path, opts.eku, !opts.openTop);
		if (err) return fail(err);
	}
	return { path: shas, error: null, signaturesValid: true, deviations };
}

/**
 * extendedKeyUsage against the wanted purpose (RFC 5280 4.2.1.12): the end entity must list it
 * (or anyExtendedKeyUsage); a CA that lists key purposes restricts the certificates below it, as
 * OpenSSL, Go and Windows apply. The top certificate's own EKU does not bind when it is the trust
 * anchor or a root (`topIsRoot`). Null when the purpose is allowed.
 */
export function purposeError(
	path: readonly PathCert[],
	wanted: string,
	topIsRoot: boolean,
): string | null {
	const n = path.length;
	const leaf = path[0];
	const purpose =
		wanted === EKU_SERVER_AUTH ? 'TLS server' : wanted === EKU_CLIENT_AUTH ? 'TLS client' : wanted;
	for (const [i, c] of path.entries()) {
		if (topIsRoot && i === n - 1 && i !== 0) continue;
		if (!c.eku) continue;
		if (c.eku.includes(wanted) || c.eku.includes(OID.anyEku)) continue;
		return `${label(c)} ${c === leaf ? 'is not for' : 'does not allow'} ${purpose} authentication (extendedKeyUsage)`;
	}
	return null;
}

/** A node of the valid_policy_tree (RFC 5280 6.1.2 a); qualifiers are not kept. */
interface PolicyNode {
	policy: string;
	expected: Set<string>;
	parent: PolicyNode | null;
	children: PolicyNode[];
}

/** Policy nodes a path may create at most (a hostile mapping fan-out is refused, as OpenSSL does). */
const MAX_POLICY_NODES = 10_000;
/** Node visits while building the tree at most (many policies × a wide level). */
const MAX_POLICY_WORK = 2_000_000;

/**
 * Certificate policies per RFC 5280 §6.1 with user-initial-policy-set {anyPolicy}: the
 * valid_policy_tree (6.1.3 d–f), policyMappings with inhibitPolicyMapping (6.1.4 a–b),
 * requireExplicitPolicy, inhibitAnyPolicy and the wrap-up (6.1.5). The trust anchor is input to
 * the algorithm, not one of its certificates, so its own policy extensions are not applied.
 */
function checkPolicies(path: readonly PathCert[], initialExplicit: boolean): string | null {
	const n = path.length - 1; // certificates below the anchor
	if (n < 1) return null;
	const certs = path.slice(0, n).reverse(); // RFC order: certs[0] is certificate 1
	let explicit = initialExplicit ? 0 : n + 1;
	let explicitBy = initialExplicit ? 'the analysis requires one' : '';
	let inhibitAny = n + 1;
	let mapping = n + 1;
	const node = (policy: string, expected: Set<string>, parent: PolicyNode | null): PolicyNode => {
		const x: PolicyNode = { policy, expected, parent, children: [] };
		parent?.children.push(x);
		return x;
	};
	// levels[d]: the nodes of depth d; null once the tree is NULL.
	let levels: PolicyNode[][] | null = [[node(OID.anyPolicy, new Set([OID.anyPolicy]), null)]];
	let nodes = 1;
	let work = 0;
	/** 6.1.3 (d)(3): deletes childless nodes above the deepest level, up to the root. */
	const prune = (tree: PolicyNode[][]): PolicyNode[][] | null => {
		for (let d = tree.length - 2; d >= 0; d--) {
			const keep = (tree[d] ?? []).filter((x) => x.children.length > 0);
			for (const x of tree[d] ?? [])
				if (x.children.length === 0 && x.parent)
					x.parent.children = x.parent.children.filter((ch) => ch !== x);
			tree[d] = keep;
		}
		return (tree[0] ?? []).length > 0 ? tree : null;
	};
	for (const [k, c] of certs.entries()) {
		const last = k + 1 === n;
		const who = label(c);
		if (c.policies === null)
			levels = null; // 6.1.3 (e)
		else if (levels !== null) {
			// 6.1.3 (d)
			const above = levels[levels.length - 1] ?? [];
			const next: PolicyNode[] = [];
			const add = (parent: PolicyNode, policy: string) => {
				next.push(node(policy, new Set([policy]), parent));
				nodes++;
			};
			for (const p of c.policies) {
				if (p === OID.anyPolicy) continue;
				work += above.length;
				if (work > MAX_POLICY_WORK || nodes > MAX_POLICY_NODES)
					return `certificate policies of the path need more than ${MAX_POLICY_NODES} policy tree nodes or ${MAX_POLICY_WORK} steps; refused like OpenSSL does`;
				const matching = above.filter((x) => x.expected.has(p));
				if (matching.length > 0) for (const x of matching) add(x, p);
				else {
					const any = above.find((x) => x.policy === OID.anyPolicy);
					if (any) add(any, p);
				}
			}
			if (c.policies.includes(OID.anyPolicy) && (inhibitAny > 0 || (!last && c.selfIssued))) {
				for (const x of above) {
					const have = new Set(x.children.map((ch) => ch.policy));
					for (const e of x.expected) if (!have.has(e)) add(x, e);
				}
			}
			if (nodes > MAX_POLICY_NODES)
				return `certificate policies of the path need more than ${MAX_POLICY_NODES} policy tree nodes; refused like OpenSSL does`;
			levels.push(next);
			levels = prune(levels);
		}
		if (!last) {
			// 6.1.4 (a)
			if (c.policyMappings?.some(([a, b]) => a === OID.anyPolicy || b === OID.anyPolicy))
				return `${who}: policyMappings maps to or from anyPolicy (RFC 5280 6.1.4 a)`;
			// 6.1.4 (b)
			if (c.policyMappings && levels !== null) {
				const byIssuer = new Map<string, Set<string>>();
				for (const [a, b] of c.policyMappings)
					byIssuer.set(a, (byIssuer.get(a) ?? new Set<string>()).add(b));
				const depth = levels.length - 1;
				const here = levels[depth] ?? [];
				work += byIssuer.size * here.length;
				if (work > MAX_POLICY_WORK)
					return `policy mappings of the path need more than ${MAX_POLICY_WORK} steps; refused like OpenSSL does`;
				if (mapping > 0) {
					for (const [a, targets] of byIssuer) {
						const hits = here.filter((x) => x.policy === a);
						for (const x of hits) x.expected = new Set(targets);
						const any = here.find((x) => x.policy === OID.anyPolicy);
						if (hits.length === 0 && any?.parent) {
							here.push(node(a, new Set(targets), any.parent));
							nodes++;
						}
					}
				} else {
					for (const x of here)
						if (byIssuer.has(x.policy) && x.parent)
							x.parent.children = x.parent.children.filter((ch) => ch !== x);
					levels[depth] = here.filter((x) => !byIssuer.has(x.policy));
					levels = prune(levels);
				}
			}
			// 6.1.4 (h)–(j)
			if (!c.selfIssued) {
				if (explicit > 0) explicit--;
				if (mapping > 0) mapping--;
				if (inhibitAny > 0) inhibitAny--;
			}
			if (c.requireExplicitPolicy !== null && c.requireExplicitPolicy < explicit) {
				explicit = c.requireExplicitPolicy;
				explicitBy = `requireExplicitPolicy of ${who}`;
			}
			if (c.inhibitPolicyMapping !== null && c.inhibitPolicyMapping < mapping)
				mapping = c.inhibitPolicyMapping;
			if (c.inhibitAnyPolicy !== null && c.inhibitAnyPolicy < inhibitAny)
				inhibitAny = c.inhibitAnyPolicy;
		} else {
			// 6.1.5 (a)–(b)
			if (explicit > 0) explicit--;
			if (c.requireExplicitPolicy === 0) {
				explicit = 0;
				explicitBy = `requireExplicitPolicy of ${who}`;
			}
		}
		// 6.1.3 (f) and 6.1.5 (g): with user-initial-policy-set {anyPolicy} the tree is kept as is.
		if (explicit === 0 && levels === null)
			return `no certificate policy is valid for the path down to ${who}, and an explicit policy is required (${explicitBy || 'policyConstraints'}; RFC 5280 6.1.3 f, 6.1.5 g)`;
	}
	return null;
}

// ---------------------------------------------------------------- path building

/** All certificates available to build paths from, indexed by subject name. */
export class CertificatePool {
	private readonly bySubject = new Map<string, PathCert[]>();
	readonly bySha = new Map<string, PathCert>();

	add(c: PathCert): void {
		if (this.bySha.has(c.sha256)) return;
		this.bySha.set(c.sha256, c);
		const list = this.bySubject.get(c.subjectKey) ?? [];
		list.push(c);
		this.bySubject.set(c.subjectKey, list);
	}

	/** Possible issuers of `c`: same name; AKI = SKI first, then those valid at `time`. */
	issuersOf(c: PathCert, time: number): PathCert[] {
		const list = (this.bySubject.get(c.issuerKey) ?? []).filter((x) => x.sha256 !== c.sha256);
		const score = (x: PathCert) =>
			(c.aki && x.ski ? (c.aki === x.ski ? 0 : 4) : 2) +
			(time >= x.notBefore && time <= x.notAfter ? 0 : 1);
		return [...list].sort((a, b) => score(a) - score(b));
	}
}

/** The outcome of building and validating paths for one certificate. */
export interface TrustResult {
	/** A path to an anchor validated. */
	valid: boolean;
	/** The validated path; else the most promising one (leaf first, sha256). */
	path: string[];
	/** Why `path` does not validate (null when valid). */
	error: string | null;
	/** Other paths tried and why each failed. */
	rejected: { path: string[]; error: string }[];
	/** Profile rules the validated path breaks but was accepted despite (see PathVerdict). */
	deviations?: string[];
}

/** Depth-first enumeration of issuer paths from `target` (bounded). */
function enumeratePaths(
	target: PathCert,
	pool: CertificatePool,
	isAnchor: (sha: string) => boolean,
	time: number,
): { anchored: PathCert[][]; dangling: PathCert[][] } {
	const anchored: PathCert[][] = [];
	const dangling: PathCert[][] = [];
	let steps = 0;
	const walk = (path: PathCert[]) => {
		if (anchored.length + dangling.length >= MAX_PATHS || steps++ > MAX_STEPS) return;
		const top = path[path.length - 1] as PathCert;
		if (isAnchor(top.sha256)) {
			anchored.push(path);
			return;
		}
		if (path.length >= MAX_PATH_LENGTH) {
			dangling.push(path);
			return;
		}
		const issuers = pool
			.issuersOf(top, time)
			.filter(
				(x) =>
					!path.some(
						(p) =>
							p.sha256 === x.sha256 ||
							(p.spkiDer.length === x.spkiDer.length &&
								equalBytes(p.spkiDer, x.spkiDer) &&
								p.subjectKey === x.subjectKey),
					),
			);
		if (issuers.length === 0) {
			dangling.push(path);
			return;
		}
		for (const x of issuers) walk([...path, x]);
	};
	walk([target]);
	return { anchored, dangling };
}

/**
 * Builds every candidate path from `target` through the pool and validates those ending at an
 * anchor; the first that validates wins. Without anchors (`anchors` empty) the best chain is the
 * longest whose signatures verify (for display and the completeness check), and `valid` is false.
 */
export async function buildAndValidate(
	target: PathCert,
	pool: CertificatePool,
	anchors: ReadonlySet<string>,
	opts: PathOptions,
	sigs: SignatureCache = new SignatureCache(),
): Promise<TrustResult> {
	if (anchors.has(target.sha256)) {
		// Pinned: trusted by itself, within its validity and the certificate profile.
		const v = await validatePath([target], opts, sigs);
		return {
			valid: v.error === null,
			path: [target.sha256],
			error: v.error,
			rejected: [],
			deviations: v.deviations,
		};
	}
	const { anchored, dangling } = enumeratePaths(target, pool, (s) => anchors.has(s), opts.time);
	const rejected: { path: string[]; error: string }[] = [];
	for (const p of anchored) {
		const v = await validatePath(p, opts, sigs);
		if (v.error === null)
			return { valid: true, path: v.path, error: null, rejected, deviations: v.deviations };
		rejected.push({ path: v.path, error: v.error });
	}
	// The displayed chain: the longest dangling path whose signatures verify, cut where one fails.
	let best: string[] = [target.sha256];
	for (const p of dangling) {
		let ok = 1;
		for (let i = 0; i < p.length - 1; i++) {
			if ((await sigs.check(p[i] as PathCert, p[i + 1] as PathCert)) !== true) break;
			ok = i + 2;
		}
		if (ok > best.length) best = p.slice(0, ok).map((c) => c.sha256);
	}
	if (anchors.size === 0) return { valid: false, path: best, error: null, rejected };
	const first =
		rejected.find((r) => !/does not verify|cannot be checked/.test(r.error)) ?? rejected[0];
	if (first)
		return {
			valid: false,
			path: first.path,
			error: first.error,
			rejected: rejected.filter((r) => r !== first),
		};
	const top = pool.bySha.get(best[best.length - 1] ?? '') ?? target;
	return {
		valid: false,
		path: best,
		error: top.selfIssued
			? `the chain ends at ${label(top)}, which is not a trust anchor`
			: `no issuer of ${label(top)} (${top.issuer || 'empty issuer name'}) among the trust anchors and dropped certificates`,
		rejected,
	};
}

/** The supplied chain of a certificate judged without trust anchors (`checkSuppliedChain`). */
export interface SuppliedChainResult {
	/**
	 * 'passes': some path through the supplied certificates meets every check no anchor can
	 * change, so only an anchor can tell (cannot verify); 'fails': every such path breaks one;
	 * 'unknown': a signature on the way cannot be checked here.
	 */
	outcome: 'passes' | 'fails' | 'unknown';
	/** The path that passes, else the one whose reason is given (leaf first, sha256). */
	path: string[];
	/** Why that path fails or cannot be checked (null when it passes). */
	error: string | null;
	deviations: string[];
}

/**
 * RFC 5280 §6.1 on the chain a certificate was supplied with, when no trust anchor is known:
 * each path through the supplied certificates up to one without a supplied issuer is validated
 * with the anchor above its top (a self-signed top is the anchor itself). What the anchor decides
 * (who it is, its constraints, the policy tree it starts) is not judged; signatures between the
 * supplied certificates, validity, basicConstraints, keyUsage, pathLenConstraint, name
 * constraints and critical extensions are. One path that passes is enough (an unused
 * cross-certificate does not fail a chain that has another way up, RFC 4158).
 */
export async function checkSuppliedChain(
	target: PathCert,
	pool: CertificatePool,
	opts: PathOptions,
	sigs: SignatureCache = new SignatureCache(),
): Promise<SuppliedChainResult> {
	const { dangling } = enumeratePaths(target, pool, () => false, opts.time);
	let failed: PathVerdict | null = null;
	let unknown: PathVerdict | null = null;
	for (const p of dangling) {
		const top = p[p.length - 1] as PathCert;
		const v = await validatePath(p, { ...opts, openTop: !top.selfIssued }, sigs);
		if (v.error === null)
			return { outcome: 'passes', path: v.path, error: null, deviations: v.deviations };
		if (v.unknown) unknown ??= v;
		// The reason shown is a failure other than a signature mismatch when there is one, as with
		// anchors (a wrong candidate issuer is the least informative reason).
		else if (!failed || (!failed.signaturesValid && v.signaturesValid)) failed = v;
	}
	const shown = unknown ?? failed;
	if (!shown) return { outcome: 'unknown', path: [target.sha256], error: null, deviations: [] };
	return {
		outcome: unknown ? 'unknown' : 'fails',
		path: shown.path,
		error: shown.error,
		deviations: shown.deviations,
	};
}

/** A certificate handed in by another stage: its DER and SHA-256 fingerprint. */
export interface CertificateRef {
	der: Uint8Array;
	sha256: string;
}

/**
 * The one chain verdict for callers outside the certificate stage (signers of XML signatures,
 * encryption certificates): `target` against `anchors` with every other certificate as a
 * candidate intermediate. Throws when the target itself cannot be read.
 */
export async function trustOf(
	target: CertificateRef,
	all: readonly CertificateRef[],
	anchors: ReadonlySet<string>,
	opts: PathOptions,
): Promise<TrustResult> {
	const pool = new CertificatePool();
	for (const c of all) {
		try {
			pool.add(pathCertificate(c.der, c.sha256));
		} catch (error) {
			if (isBug(error)) throw error;
			// an unreadable certificate cannot be part of any path
		}
	}
	const t = pool.bySha.get(target.sha256) ?? pathCertificate(target.der, target.sha256);
	pool.add(t);
	return buildAndValidate(t, pool, anchors, opts);
}
