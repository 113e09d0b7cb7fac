// Public keys for signature verification, read from certificates (DER), SubjectPublicKeyInfo and
// XML KeyValue forms, plus the certificate fields KeyInfo hints match against (issuer + serial,
// SKI, subject, thumbprints). Plain DER walking: fast, no library state, worker- and Node-safe.
import { children, oidText, readTlv, type Tlv } from '../asn1/der';
import { toHex } from '../bytes/encoding';
import { ParseError } from '../errors';
import { formatDn } from '../x509/names';
import { ATTRIBUTE_NAMES } from '../x509/oids';

export type EcCurve = 'P-256' | 'P-384' | 'P-521';

export type PublicKey =
	| { kind: 'rsa'; n: bigint; e: bigint }
	| { kind: 'ec'; curve: EcCurve; point: Uint8Array }
	| { kind: 'dsa'; p: bigint; q: bigint; g: bigint; y: bigint }
	| { kind: 'ed25519'; point: Uint8Array }
	| { kind: 'unsupported'; algorithm: string };

export interface CertInfo {
	der: Uint8Array;
	serial: bigint;
	issuer: Rdn[];
	subject: Rdn[];
	issuerDer: Uint8Array;
	subjectDer: Uint8Array;
	spki: Uint8Array;
	ski: Uint8Array | null;
	key: PublicKey;
	notBefore: string | null;
	notAfter: string | null;
}

/** One attribute of a distinguished name: OID and value text. */
export interface Rdn {
	oid: string;
	value: string;
	/** Index of its RDN (SET) in the Name, so multi-valued RDNs print joined by '+'. */
	set?: number;
}

const CURVES: Record<string, EcCurve> = {
	'1.2.840.10045.3.1.7': 'P-256',
	'1.3.132.0.34': 'P-384',
	'1.3.132.0.35': 'P-521',
};

export function curveFromOid(oid: string): EcCurve | null {
	return CURVES[oid] ?? null;
}

export function bigintFrom(bytes: Uint8Array): bigint {
	return bytes.length === 0 ? 0n : BigInt('0x' + toHex(bytes));
}

function content(bytes: Uint8Array, t: Tlv): Uint8Array {
	return bytes.subarray(t.contentStart, t.end);
}

function kids(bytes: Uint8Array, t: Tlv | undefined, what: string): Tlv[] {
	const k = t ? children(bytes, t, 4096) : null;
	if (!k) throw new ParseError('xmldsig/malformed-der', `malformed DER (${what})`);
	return k;
}

/** Reads a SubjectPublicKeyInfo. */
export function publicKeyFromSpki(spki: Uint8Array): PublicKey {
	const top = readTlv(spki);
	const [alg, bits] = kids(spki, top ?? undefined, 'SubjectPublicKeyInfo');
	const [oidTlv, params] = kids(spki, alg, 'AlgorithmIdentifier');
	if (!oidTlv || !bits)
		throw new ParseError('xmldsig/malformed-spki', 'malformed SubjectPublicKeyInfo');
	const oid = oidText(spki, oidTlv);
	const keyBytes = spki.subarray(bits.contentStart + 1, bits.end);
	if (oid === '1.2.840.113549.1.1.1' || oid === '1.2.840.113549.1.1.10') {
		const seq = readTlv(keyBytes);
		const [n, e] = kids(keyBytes, seq ?? undefined, 'RSAPublicKey');
		if (!n || !e) throw new ParseError('xmldsig/malformed-rsa-key', 'malformed RSAPublicKey');
		return {
			kind: 'rsa',
			n: bigintFrom(content(keyBytes, n)),
			e: bigintFrom(content(keyBytes, e)),
		};
	}
	if (oid === '1.2.840.10045.2.1') {
		const curve = params && params.tag === 0x06 ? curveFromOid(oidText(spki, params)) : null;
		if (!curve) return { kind: 'unsupported', algorithm: 'EC on an unsupported curve' };
		return { kind: 'ec', curve, point: keyBytes.slice() };
	}
	if (oid === '1.2.840.10040.4.1') {
		const [p, q, g] = kids(spki, params, 'Dss-Parms');
		const y = readTlv(keyBytes);
		if (!p || !q || !g || !y)
			throw new ParseError('xmldsig/malformed-dsa-key', 'malformed DSA key');
		return {
			kind: 'dsa',
			p: bigintFrom(content(spki, p)),
			q: bigintFrom(content(spki, q)),
			g: bigintFrom(content(spki, g)),
			y: bigintFrom(content(keyBytes, y)),
		};
	}
	if (oid === '1.3.101.112') return { kind: 'ed25519', point: keyBytes.slice() };
	return { kind: 'unsupported', algorithm: `key algorithm ${oid}` };
}

function decodeString(bytes: Uint8Array, t: Tlv): string {
	const c = content(bytes, t);
	if (t.tag === 0x1e) {
		let s = '';
		for (let i = 0; i + 1 < c.length; i += 2)
			s += String.fromCharCode(((c[i] ?? 0) << 8) | (c[i + 1] ?? 0));
		return s;
	}
	if (t.tag === 0x1c) return '';
	return new TextDecoder().decode(c);
}

function readName(bytes: Uint8Array, name: Tlv): Rdn[] {
	const out: Rdn[] = [];
	kids(bytes, name, 'Name').forEach((set, index) => {
		for (const atv of kids(bytes, set, 'RDN')) {
			const [oid, value] = kids(bytes, atv, 'AttributeTypeAndValue');
			if (oid && value)
				out.push({ oid: oidText(bytes, oid), value: decodeString(bytes, value), set: index });
		}
	});
	return out;
}

function timeText(bytes: Uint8Array, t: Tlv | undefined): string | null {
	if (!t) return null;
	const s = new TextDecoder().decode(content(bytes, t));
	const m = (
		t.tag === 0x17
			? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/
			: /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/
	).exec(s);
	if (!m) return null;
	let year = Number(m[1]);
	if ((m[1] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
	return `${year}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}Z`;
}

/** Parses the fields of an X.509 certificate that KeyInfo matching and verification need. */
export function certInfo(der: Uint8Array): CertInfo {
	const top = readTlv(der);
	const [tbs] = kids(der, top ?? undefined, 'Certificate');
	const f = kids(der, tbs, 'TBSCertificate');
	let i = 0;
	if (f[0]?.tag === 0xa0) i++;
	const serial = f[i];
	const issuer = f[i + 2];
	const validity = f[i + 3];
	const subject = f[i + 4];
	const spki = f[i + 5];
	if (!serial || !issuer || !subject || !spki || !validity)
		throw new ParseError('xmldsig/malformed-certificate', 'malformed certificate');
	const [nb, na] = kids(der, validity, 'Validity');
	let ski: Uint8Array | null = null;
	for (const ext of f.slice(i + 6)) {
		if (ext.tag !== 0xa3) continue;
		const [list] = kids(der, ext, 'extensions');
		for (const e of kids(der, list, 'Extensions')) {
			const parts = kids(der, e, 'Extension');
			const oid = parts[0];
			const value = parts[parts.length - 1];
			if (oid && value && oidText(der, oid) === '2.5.29.14') {
				const inner = readTlv(der, value.contentStart, value.end);
				if (inner) ski = content(der, inner).slice();
			}
		}
	}
	const spkiBytes = der.slice(spki.start, spki.end);
	let key: PublicKey;
	try {
		key = publicKeyFromSpki(spkiBytes);
	} catch (error) {
		key = {
			kind: 'unsupported',
			algorithm: error instanceof Error ? error.message : 'unreadable key',
		};
	}
	const serialBytes = content(der, serial);
	let serialValue = bigintFrom(serialBytes);
	if ((serialBytes[0] ?? 0) & 0x80) serialValue -= 1n << BigInt(serialBytes.length * 8);
	return {
		der,
		serial: serialValue,
		issuer: readName(der, issuer),
		subject: readName(der, subject),
		issuerDer: der.slice(issuer.start, issuer.end),
		subjectDer: der.slice(subject.start, subject.end),
		spki: spkiBytes,
		ski,
		key,
		notBefore: timeText(der, nb),
		notAfter: timeText(der, na),
	};
}

const NAME_OIDS: Record<string, string> = {
	CN: '2.5.4.3',
	SN: '2.5.4.4',
	SERIALNUMBER: '2.5.4.5',
	C: '2.5.4.6',
	L: '2.5.4.7',
	ST: '2.5.4.8',
	S: '2.5.4.8',
	STREET: '2.5.4.9',
	O: '2.5.4.10',
	OU: '2.5.4.11',
	T: '2.5.4.12',
	TITLE: '2.5.4.12',
	GIVENNAME: '2.5.4.42',
	DC: '0.9.2342.19200300.100.1.25',
	UID: '0.9.2342.19200300.100.1.1',
	E: '1.2.840.113549.1.9.1',
	EMAILADDRESS: '1.2.840.113549.1.9.1',
	EMAIL: '1.2.840.113549.1.9.1',
};

/** A DN as text, through the one DN printer (x509/names.ts), most specific first. */
export function dnText(rdns: readonly Rdn[]): string {
	const groups: Rdn[][] = [];
	rdns.forEach((r, k) => {
		const last = groups[groups.length - 1];
		const prev = rdns[k - 1];
		if (last && r.set !== undefined && prev?.set === r.set) last.push(r);
		else groups.push([r]);
	});
	return formatDn(groups);
}

/** Keywords the DN printer writes (x509/oids.ts), so every name it prints parses back. */
const PRINTED_OIDS: Record<string, string> = Object.fromEntries(
	Object.entries(ATTRIBUTE_NAMES).map(([oid, key]) => [key, oid]),
);

/** Parses an RFC 2253/4514-style DN string as written in X509IssuerName / X509SubjectName. */
export function parseDn(text: string): Rdn[] | null {
	const out: Rdn[] = [];
	let i = 0;
	const s = text.trim();
	while (i < s.length) {
		const eq = s.indexOf('=', i);
		if (eq === -1) return null;
		const type = s
			.slice(i, eq)
			.trim()
			.toUpperCase()
			.replace(/^OID\./, '');
		let value = '';
		let j = eq + 1;
		while (j < s.length && s[j] === ' ') j++;
		if (s[j] === '#') return null;
		for (; j < s.length; j++) {
			const ch = s[j] as string;
			if (ch === '\\' && j + 1 < s.length) {
				const hex = /^[0-9a-fA-F]{2}/.exec(s.slice(j + 1, j + 3));
				if (hex) {
					value += String.fromCharCode(parseInt(hex[0], 16));
					j += 2;
				} else value += s[++j];
			} else if (ch === ',' || ch === '+' || ch === ';') break;
			else value += ch;
		}
		const oid = /^\d+(\.\d+)+$/.test(type) ? type : (NAME_OIDS[type] ?? PRINTED_OIDS[type]);
		if (!oid) return null;
		out.push({ oid, value: value.trim() });
		i = j + 1;
	}
	return out.reverse();
}

function norm(v: string): string {
	return v.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Compares a DN string to a certificate's name as sets of (type, value), case- and space-insensitive. */
export function dnMatches(text: string, rdns: readonly Rdn[]): boolean {
	const parsed = parseDn(text);
	if (!parsed || parsed.length !== rdns.length) return false;
	const a = parsed.map((r) => `${r.oid}=${norm(r.value)}`).sort();
	const b = rdns.map((r) => `${r.oid}=${norm(r.value)}`).sort();
	return a.every((x, k) => x === b[k]);
}
