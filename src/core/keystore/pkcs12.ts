// PKCS#12 reader: MAC check (RFC 7292 KDF), every SafeContents decrypted on its own (PBES2 via
// WebCrypto, legacy RC2/3DES/RC4 via our shim) so one unopenable bag never hides the others,
// and the protection of every bag recorded for KEYSTORE-PKCS12-WEAK-PBE.
import * as asn1js from 'asn1js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { declaredDerLength } from '../asn1/declared-length';
import { integerValue } from '../asn1/der';
import { equalBytes, joinBytes, toHex } from '../bytes/encoding';
import {
	algorithmName,
	describePbe,
	DIGEST_HASH,
	pbeDecrypt,
	pbkdf2,
	pkcs12Kdf,
	pkcs12Password,
	UNSUPPORTED_PBE,
	type HashName,
} from '../crypto/legacy/pbe';
import { hasCode, isBug, LockedError, ParseError } from '../errors';
import type { InputNote } from '../facts';
import type { ParseContext, ParseOutcome } from '../pipeline';
import { parseDer } from '../x509/public-key';
import { readRawCertificate } from '../x509/certificate-facts';
import { analyzePkcs8 } from '../x509/private-key';
import { candidatePasswords } from '../keys/default-passwords';
import type { KeystoreIntegrity, Pkcs12Bag } from './facts';
import { keystoreOutcome, type RawEntry } from './raw-keystore';

const OID = {
	data: '1.2.840.113549.1.7.1',
	signedData: '1.2.840.113549.1.7.2',
	envelopedData: '1.2.840.113549.1.7.3',
	encryptedData: '1.2.840.113549.1.7.6',
	keyBag: '1.2.840.113549.1.12.10.1.1',
	shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
	certBag: '1.2.840.113549.1.12.10.1.3',
	crlBag: '1.2.840.113549.1.12.10.1.4',
	secretBag: '1.2.840.113549.1.12.10.1.5',
	safeContentsBag: '1.2.840.113549.1.12.10.1.6',
	x509Certificate: '1.2.840.113549.1.9.22.1',
	friendlyName: '1.2.840.113549.1.9.20',
	localKeyId: '1.2.840.113549.1.9.21',
	javaTrusted: '2.16.840.1.113894.746875.1.1',
	pbmac1: '1.2.840.113549.1.5.14',
} as const;

const MAX_BAGS = 10_000;
/** Above this MAC iteration count only the user's password is tried (each try costs a full KDF). */
const DEFAULT_TRY_LIMIT = 100_000;

const HMAC_HASH: Record<HashName, Parameters<typeof hmac>[0] | null> = {
	'SHA-1': sha1,
	'SHA-224': sha224,
	'SHA-256': sha256,
	'SHA-384': sha384,
	'SHA-512': sha512,
	MD5: null,
};
const HASH_LEN: Record<HashName, number> = {
	'SHA-1': 20,
	'SHA-224': 28,
	'SHA-256': 32,
	'SHA-384': 48,
	'SHA-512': 64,
	MD5: 16,
};

function oidOf(v: unknown): string | null {
	return v instanceof asn1js.ObjectIdentifier ? v.valueBlock.toString() : null;
}

/** OCTET STRING content, also when BER-constructed from pieces. */
function octets(v: unknown): Uint8Array | null {
	if (!(v instanceof asn1js.OctetString)) return null;
	if (v.valueBlock.isConstructed) {
		return joinBytes(v.valueBlock.value.map((p) => octets(p) ?? new Uint8Array(0)));
	}
	return new Uint8Array(v.valueBlock.valueHexView);
}

/** [0] IMPLICIT OCTET STRING content (primitive, or constructed from primitive pieces). */
function implicitOctets(v: asn1js.AsnType): Uint8Array | null {
	// BER pieces are universal OCTET STRINGs (asn1js.OctetString is not a Primitive)
	if (v instanceof asn1js.OctetString) return octets(v);
	if (v instanceof asn1js.Primitive) return new Uint8Array(v.valueBlock.valueHexView);
	if (!(v instanceof asn1js.Constructed)) return null;
	const parts = v.valueBlock.value.map((p) => implicitOctets(p) ?? new Uint8Array(0));
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** [0] EXPLICIT content of a ContentInfo-like structure. */
function explicit0(v: unknown): asn1js.AsnType | null {
	return v instanceof asn1js.Constructed && v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0
		? (v.valueBlock.value[0] ?? null)
		: null;
}

function corrupt(message: string): ParseError {
	return new ParseError('pkcs12/corrupt', `PKCS#12 file is corrupt or truncated: ${message}`);
}

interface Mac {
	hash: HashName | null;
	hashOid: string;
	digest: Uint8Array;
	salt: Uint8Array;
	iterations: number;
	/** RFC 9579 PBMAC1: the key comes from PBKDF2 with these parameters, not the RFC 7292 KDF. */
	pbmac1?: Pbmac1;
}

interface Pbmac1 {
	salt: Uint8Array;
	iterations: number;
	/** Required by RFC 9579; null when the file omits it (such a MAC never verifies). */
	keyLength: number | null;
	prf: HashName | null;
	prfOid: string;
	macOid: string;
}

const HMAC_OID_HASH: Record<string, HashName> = {
	'1.2.840.113549.2.7': 'SHA-1',
	'1.2.840.113549.2.8': 'SHA-224',
	'1.2.840.113549.2.9': 'SHA-256',
	'1.2.840.113549.2.10': 'SHA-384',
	'1.2.840.113549.2.11': 'SHA-512',
};

/** PBMAC1-params ::= SEQUENCE { keyDerivationFunc (PBKDF2), messageAuthScheme (hmacWith…) }. */
function readPbmac1(params: unknown): Pbmac1 {
	const [kdf, scheme] = params instanceof asn1js.Sequence ? params.valueBlock.value : [];
	const kdfOid = kdf instanceof asn1js.Sequence ? oidOf(kdf.valueBlock.value[0]) : null;
	const kp = kdf instanceof asn1js.Sequence ? kdf.valueBlock.value[1] : null;
	const macOid = scheme instanceof asn1js.Sequence ? oidOf(scheme.valueBlock.value[0]) : null;
	if (kdfOid !== '1.2.840.113549.1.5.12' || !(kp instanceof asn1js.Sequence) || !macOid)
		throw corrupt(
			`PBMAC1 parameters are malformed (key derivation ${algorithmName(kdfOid ?? '?')})`,
		);
	const [salt, iter, ...rest] = kp.valueBlock.value;
	const saltBytes = octets(salt);
	if (!saltBytes || !(iter instanceof asn1js.Integer))
		throw corrupt('PBMAC1 PBKDF2 parameters lack the salt or iteration count');
	let keyLength: number | null = null;
	let prfOid = '1.2.840.113549.2.7'; // PBKDF2's default PRF
	for (const item of rest) {
		if (item instanceof asn1js.Integer) keyLength = integerValue(item);
		if (item instanceof asn1js.Sequence) prfOid = oidOf(item.valueBlock.value[0]) ?? prfOid;
	}
	return {
		salt: saltBytes,
		iterations: integerValue(iter),
		keyLength,
		prf: HMAC_OID_HASH[prfOid] ?? null,
		prfOid,
		macOid,
	};
}

/**
 * RFC 9579: key = PBKDF2(UTF-8 password, salt, iterations, keyLength, prf); MAC = HMAC over the
 * authenticated safe. MacData's own salt and iteration count are ignored (the RFC's negative
 * vectors check exactly that), and a missing keyLength fails.
 */
async function pbmac1Matches(
	mac: Mac,
	p: Pbmac1,
	content: Uint8Array,
	password: string,
): Promise<boolean> {
	const fn = mac.hash ? HMAC_HASH[mac.hash] : null;
	if (!fn || !p.prf || p.keyLength === null || p.keyLength <= 0 || p.keyLength > 1024) return false;
	const key = await pbkdf2(p.prf, utf8Bytes(password), p.salt, p.iterations, p.keyLength);
	return equalBytes(hmac(fn, key, content), mac.digest);
}

function utf8Bytes(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

/**
 * The password as producers feed it to the PKCS#12 KDF: BMPString (RFC 7292), the absent password
 * (no octets, as some write the empty one), and the UTF-8 or Latin-1 octets each widened to a BMP
 * character (OpenSSL before 1.1.0 and others that convert byte by byte).
 */
export function passwordVariants(password: string): { label: string; bmp: Uint8Array }[] {
	const out = [{ label: 'BMPString', bmp: pkcs12Password(password) }];
	if (password === '') out.push({ label: 'absent password', bmp: new Uint8Array(0) });
	const widen = (octets: Uint8Array) => {
		const b = new Uint8Array((octets.length + 1) * 2);
		octets.forEach((o, i) => (b[2 * i + 1] = o));
		return b;
	};
	const utf8 = utf8Bytes(password);
	if (utf8.length !== password.length) out.push({ label: 'UTF-8 octets', bmp: widen(utf8) });
	if (
		[...password].some((c) => c.charCodeAt(0) > 0xff) &&
		[...password].every((c) => c.charCodeAt(0) <= 0xffff)
	) {
		const latin1 = new Uint8Array([...password].map((c) => c.charCodeAt(0) & 0xff));
		out.push({ label: 'Latin-1 octets', bmp: widen(latin1) });
	}
	return out;
}

/** The label of the password encoding that verifies the MAC, or null. */
async function macMatches(
	mac: Mac,
	content: Uint8Array,
	password: string,
	ctx: ParseContext,
): Promise<string | null> {
	if (mac.pbmac1) return (await pbmac1Matches(mac, mac.pbmac1, content, password)) ? 'UTF-8' : null;
	if (!mac.hash) return null;
	const fn = HMAC_HASH[mac.hash];
	if (!fn) return null;
	for (const v of passwordVariants(password)) {
		const key = pkcs12Kdf(mac.hash, v.bmp, mac.salt, mac.iterations, 3, HASH_LEN[mac.hash], {
			progress: ctx.progress,
			signal: ctx.signal,
		});
		if (equalBytes(hmac(fn, key, content), mac.digest)) return v.label;
	}
	return null;
}

/**
 * Decrypts a PBE-protected part with the password, in the encoding that opened the MAC first and
 * then the others (a producer may derive the MAC and the bag keys differently).
 */
async function decryptWith(
	alg: asn1js.Sequence,
	password: string,
	data: Uint8Array,
	ctx: ParseContext,
	preferred: string | null,
): Promise<Uint8Array | null> {
	const variants = passwordVariants(password).sort(
		(a, b) => Number(b.label === preferred) - Number(a.label === preferred),
	);
	for (const v of variants) {
		const plain = await pbeDecrypt(
			alg,
			password,
			data,
			{ progress: ctx.progress, signal: ctx.signal },
			v.bmp,
		);
		if (plain && parseDer(plain) instanceof asn1js.Sequence) return plain;
		// PBES2 ignores the BMP form (PBKDF2 takes the UTF-8 octets): one try is enough
		if (oidOf(alg.valueBlock.value[0]) === '1.2.840.113549.1.5.13') break;
	}
	return null;
}

interface Bag {
	oid: string;
	value: asn1js.AsnType | null;
	alias: string | null;
	localKeyId: string | null;
	javaTrusted: boolean;
}

function readBags(sc: Uint8Array, depth = 0): Bag[] {
	const seq = parseDer(sc);
	if (!(seq instanceof asn1js.Sequence)) throw corrupt('a SafeContents is not a SEQUENCE');
	const out: Bag[] = [];
	for (const bag of seq.valueBlock.value) {
		if (out.length > MAX_BAGS) throw corrupt(`more than ${MAX_BAGS} bags`);
		if (!(bag instanceof asn1js.Sequence)) throw corrupt('a SafeBag is not a SEQUENCE');
		const [id, val, attrs] = bag.valueBlock.value;
		const oid = oidOf(id) ?? '?';
		let alias: string | null = null;
		let localKeyId: string | null = null;
		let javaTrusted = false;
		if (attrs instanceof asn1js.Set) {
			for (const a of attrs.valueBlock.value) {
				if (!(a instanceof asn1js.Sequence)) continue;
				const [aid, values] = a.valueBlock.value;
				const first = values instanceof asn1js.Set ? values.valueBlock.value[0] : undefined;
				const aoid = oidOf(aid);
				if (aoid === OID.friendlyName && first instanceof asn1js.BmpString)
					alias = first.valueBlock.value;
				if (aoid === OID.localKeyId && first instanceof asn1js.OctetString) {
					localKeyId = [...new Uint8Array(first.valueBlock.valueHexView)]
						.map((b) => b.toString(16).padStart(2, '0'))
						.join('');
				}
				if (aoid === OID.javaTrusted) javaTrusted = true;
			}
		}
		const value = explicit0(val);
		if (oid === OID.safeContentsBag && value instanceof asn1js.Sequence && depth < 4) {
			out.push(...readBags(new Uint8Array(value.toBER()), depth + 1));
			continue;
		}
		out.push({ oid, value, alias, localKeyId, javaTrusted });
	}
	return out;
}

/** The PFX structure: authenticated safe content bytes, its ContentInfos, the MAC. */
function readPfx(bytes: Uint8Array): {
	content: Uint8Array;
	infos: asn1js.Sequence[];
	mac: Mac | null;
	integrityKind: 'mac' | 'public-key' | 'none';
} {
	const pfx = parseDer(bytes);
	if (!(pfx instanceof asn1js.Sequence)) {
		const declared = declaredDerLength(bytes);
		if (declared !== null && declared > bytes.length)
			throw new ParseError(
				'pkcs12/truncated',
				`PKCS#12 file is damaged: truncated at byte ${bytes.length} (its outer structure declares ${declared} bytes)`,
			);
		throw new ParseError('pkcs12/not-pkcs12', 'Not a PKCS#12 file: the content is not DER');
	}
	const [version, authSafe, macData] = pfx.valueBlock.value;
	if (
		!(version instanceof asn1js.Integer) ||
		version.valueBlock.valueDec !== 3 ||
		!(authSafe instanceof asn1js.Sequence)
	) {
		throw new ParseError('pkcs12/not-pkcs12', 'Not a PKCS#12 file (no PFX version 3 structure)');
	}
	const type = oidOf(authSafe.valueBlock.value[0]);
	let content: Uint8Array | null;
	let integrityKind: 'mac' | 'public-key' | 'none' = macData ? 'mac' : 'none';
	if (type === OID.data) content = octets(explicit0(authSafe.valueBlock.value[1]));
	else if (type === OID.signedData) {
		integrityKind = 'public-key';
		const sd = explicit0(authSafe.valueBlock.value[1]);
		const encap =
			sd instanceof asn1js.Sequence
				? sd.valueBlock.value.find(
						(v) => v instanceof asn1js.Sequence && oidOf(v.valueBlock.value[0]) === OID.data,
					)
				: undefined;
		content =
			encap instanceof asn1js.Sequence ? octets(explicit0(encap.valueBlock.value[1])) : null;
	} else
		throw new ParseError(
			'pkcs12/unsupported',
			`PKCS#12 authenticated safe of type ${type ?? '?'} is not supported`,
		);
	if (!content) throw corrupt('the authenticated safe has no content');
	const safe = parseDer(content);
	if (!(safe instanceof asn1js.Sequence)) throw corrupt('the authenticated safe is not a SEQUENCE');
	const infos = safe.valueBlock.value.filter(
		(v): v is asn1js.Sequence => v instanceof asn1js.Sequence,
	);
	let mac: Mac | null = null;
	if (macData instanceof asn1js.Sequence) {
		const [digestInfo, salt, iter] = macData.valueBlock.value;
		const alg = digestInfo instanceof asn1js.Sequence ? digestInfo.valueBlock.value[0] : null;
		const hashOid = alg instanceof asn1js.Sequence ? (oidOf(alg.valueBlock.value[0]) ?? '?') : '?';
		const digest =
			digestInfo instanceof asn1js.Sequence ? octets(digestInfo.valueBlock.value[1]) : null;
		const s = octets(salt);
		if (!digest || !s) throw corrupt('malformed MAC data');
		const pbmac1 =
			hashOid === OID.pbmac1 && alg instanceof asn1js.Sequence
				? readPbmac1(alg.valueBlock.value[1])
				: undefined;
		mac = {
			hash: pbmac1 ? (HMAC_OID_HASH[pbmac1.macOid] ?? null) : (DIGEST_HASH[hashOid] ?? null),
			hashOid,
			digest,
			salt: s,
			iterations: pbmac1
				? pbmac1.iterations
				: iter instanceof asn1js.Integer
					? integerValue(iter)
					: 1,
			...(pbmac1 ? { pbmac1 } : {}),
		};
	}
	return { content, infos, mac, integrityKind };
}

/**
 * Tries a password on up to three encrypted parts (EncryptedData SafeContents, shrouded key
 * bags): what it opens, and how many it does not open. Unreadable parts prove nothing.
 */
async function probeDecrypt(
	infos: readonly asn1js.Sequence[],
	password: string,
	ctx: ParseContext,
): Promise<{ opened: string[]; failed: number }> {
	const parts: { alg: asn1js.Sequence; data: Uint8Array; what: string }[] = [];
	for (const info of infos) {
		const type = oidOf(info.valueBlock.value[0]);
		const inner = explicit0(info.valueBlock.value[1]);
		if (type === OID.encryptedData) {
			const eci = inner instanceof asn1js.Sequence ? inner.valueBlock.value[1] : null;
			const alg = eci instanceof asn1js.Sequence ? eci.valueBlock.value[1] : null;
			const data = eci instanceof asn1js.Sequence ? eci.valueBlock.value[2] : null;
			const raw = data ? implicitOctets(data) : null;
			if (alg instanceof asn1js.Sequence && raw)
				parts.push({ alg, data: raw, what: 'certificates' });
		} else if (type === OID.data) {
			let bags: Bag[];
			try {
				bags = readBags(octets(inner) ?? new Uint8Array());
			} catch (error) {
				// unreadable bags prove nothing about the password; the main reader reports them
				if (isBug(error)) throw error;
				continue;
			}
			for (const b of bags) {
				if (b.oid !== OID.shroudedKeyBag || !(b.value instanceof asn1js.Sequence)) continue;
				const alg = b.value.valueBlock.value[0];
				const data = octets(b.value.valueBlock.value[1]);
				if (alg instanceof asn1js.Sequence && data)
					parts.push({ alg, data, what: `key ${b.alias ?? ''}`.trim() });
			}
		}
	}
	const opened: string[] = [];
	let failed = 0;
	for (const part of parts.slice(0, 3)) {
		try {
			const plain = await decryptWith(part.alg, password, part.data, ctx, null);
			if (plain) opened.push(part.what);
			else failed++;
		} catch (error) {
			if (ctx.signal.aborted) throw error;
		}
	}
	return { opened, failed };
}

/** A PKCS#12 file without MAC whose encrypted parts stay shut: ask for (or reject) the password. */
function noMacLocked(ctx: ParseContext, bags: readonly Pkcs12Bag[]): LockedError {
	const failed = bags.filter(
		(b) => b.unopened && /wrong password|does not decrypt/.test(b.note ?? ''),
	).length;
	if (ctx.password === null)
		return new LockedError(
			`This PKCS#12 file has no MAC and ${failed} encrypted part${failed === 1 ? '' : 's'} that none of the default passwords opens: enter its password`,
			false,
		);
	return new LockedError(
		failed >= 2
			? `Wrong password: none of the ${failed} encrypted parts of this PKCS#12 file (it has no MAC) decrypts with it`
			: 'Wrong password or damaged file: the one encrypted part of this PKCS#12 file (it has no MAC) does not decrypt with it',
		true,
	);
}

function describeMac(mac: Mac | null): string | null {
	if (!mac) return null;
	if (mac.pbmac1)
		return `PBMAC1 (PBKDF2 ${algorithmName(mac.pbmac1.prfOid)}, ${algorithmName(mac.pbmac1.macOid)})`;
	return `HMAC-${mac.hash ?? algorithmName(mac.hashOid)}`;
}

export async function readPkcs12(ctx: ParseContext): Promise<ParseOutcome> {
	try {
		return await readPkcs12With(ctx, false);
	} catch (error) {
		if (!(error instanceof LockedError)) throw error;
		// what reads without the password: the protection of every part, plain bags
		return lockedPkcs12(await readPkcs12With(ctx, true), error);
	}
}

/**
 * The PKCS#12 reader. `listOnly`: no password is tried and nothing encrypted is opened; the
 * structure, the protection of every part and the plain (unencrypted) bags are read, for a file
 * that stays locked.
 */
async function readPkcs12With(ctx: ParseContext, listOnly: boolean): Promise<ParseOutcome> {
	const { content, infos, mac, integrityKind } = readPfx(ctx.file.bytes);
	const integrity: KeystoreIntegrity = {
		kind: integrityKind,
		algorithm: describeMac(mac),
		iterations: mac?.iterations ?? null,
		verified: null,
	};
	if (mac && (!mac.hash || (mac.pbmac1 && !mac.pbmac1.prf))) {
		throw new ParseError(
			'pkcs12/unsupported-mac',
			`PKCS#12 integrity uses ${integrity.algorithm ?? 'an unknown MAC'}, which is not supported`,
		);
	}
	if (mac?.pbmac1 && mac.pbmac1.keyLength === null) {
		throw new ParseError(
			'pkcs12/bad-pbmac1',
			'PKCS#12 PBMAC1 integrity without the PBKDF2 key length, which RFC 9579 requires: the MAC cannot be verified',
		);
	}
	// Which password opens the store: the MAC decides when there is one.
	let password: string | null = null;
	let passwordEncoding: string | null = null;
	const tries = listOnly ? [] : candidatePasswords(ctx.password);
	const limited = mac && mac.iterations > DEFAULT_TRY_LIMIT;
	const list = limited ? (ctx.password !== null ? [ctx.password] : []) : tries;
	if (mac && !listOnly) {
		for (const p of list) {
			ctx.signal.throwIfAborted();
			const encoding = await macMatches(mac, content, p, ctx);
			if (encoding) {
				password = p;
				passwordEncoding = encoding;
				break;
			}
		}
		if (password === null) {
			const wrong = ctx.password !== null;
			const what = `${integrity.algorithm}, ${mac.iterations.toLocaleString('en')} iterations`;
			if (wrong && ctx.password !== null) {
				// The MAC alone cannot tell a wrong password from a damaged file: the encrypted
				// parts are a second, independent check.
				const probe = await probeDecrypt(infos, ctx.password, ctx);
				const opened = probe.opened.join(' and ');
				// One altered byte breaks the MAC and at most one part: a part the password opens
				// beside one it does not proves damage.
				if (probe.opened.length > 0 && probe.failed > 0)
					throw new ParseError(
						'pkcs12/damaged',
						`PKCS#12 file is damaged: its integrity MAC (${what}) does not verify, although the password decrypts its ${opened} (and not the other encrypted part${probe.failed === 1 ? '' : 's'})`,
					);
				// Everything it tries opens: a file written with two passwords (openssl pkcs12
				// -twopass) given its encryption password looks exactly like an altered file
				// given its one password. Say both.
				if (probe.opened.length > 0)
					throw new LockedError(
						`Wrong password or damaged file: the password decrypts the ${opened} but does not verify the PKCS#12 integrity MAC (${what}), so it does not open the store. It is probably the encryption password of a file written with two passwords (openssl pkcs12 -twopass): give its MAC password. Otherwise the file was altered after it was written`,
						true,
					);
				throw new LockedError(
					probe.failed >= 2
						? `Wrong password: the PKCS#12 integrity MAC (${what}) does not verify with it, and it decrypts none of ${probe.failed} encrypted parts`
						: `Wrong password or damaged file: the PKCS#12 integrity MAC (${what}) does not verify with it${probe.failed === 1 ? ' and the one encrypted part does not decrypt (damage there would do the same)' : ' (nothing else in the file is encrypted to tell the two apart)'}`,
					true,
				);
			}
			throw new LockedError(
				limited
					? `This PKCS#12 file needs its password (MAC ${what}; too many iterations to try the default passwords)`
					: `This PKCS#12 file needs its password (none of the default passwords verifies its MAC, ${what})`,
				false,
			);
		}
		integrity.verified = true;
		// say which form of the password opened it when it is not the standard BMPString
		if (passwordEncoding && passwordEncoding !== 'BMPString' && passwordEncoding !== 'UTF-8')
			integrity.algorithm = `${integrity.algorithm ?? 'MAC'} (password as ${passwordEncoding})`;
	}
	const entryPasswords = listOnly ? [] : [...new Set(ctx.entryPasswords.values())];
	const bags: Pkcs12Bag[] = [];
	const allBags: Bag[] = [];
	const bagProtection = new Map<
		Bag,
		{ name: string; oid: string; prf: string | null; iterations: number | null } | null
	>();
	for (const info of infos) {
		ctx.signal.throwIfAborted();
		const type = oidOf(info.valueBlock.value[0]);
		const inner = explicit0(info.valueBlock.value[1]);
		if (type === OID.data) {
			const sc = octets(inner);
			if (!sc) throw corrupt('a Data SafeContents has no content');
			for (const b of readBags(sc)) {
				allBags.push(b);
				bagProtection.set(b, null);
			}
		} else if (type === OID.encryptedData) {
			const eci = inner instanceof asn1js.Sequence ? inner.valueBlock.value[1] : null;
			const alg = eci instanceof asn1js.Sequence ? eci.valueBlock.value[1] : null;
			const data = eci instanceof asn1js.Sequence ? eci.valueBlock.value[2] : null;
			if (!(alg instanceof asn1js.Sequence) || !data)
				throw corrupt('an EncryptedData SafeContents is malformed');
			const d = describePbe(alg);
			const raw = implicitOctets(data);
			const record: Pkcs12Bag = {
				kind: 'encrypted-safe',
				alias: null,
				protection: d.name,
				protectionOid: d.schemeOid,
				prf: d.prf,
				iterations: d.iterations,
			};
			bags.push(record);
			if (!raw) {
				record.unopened = true;
				record.note = 'no encrypted content';
				continue;
			}
			// a two-password file's parts open with the encryption password, given on the page as
			// the key password of its entry
			const pws = password !== null ? [password, ...entryPasswords] : tries;
			let plain: Uint8Array | null = null;
			try {
				for (const p of pws) {
					plain = await decryptWith(alg, p, raw, ctx, passwordEncoding);
					if (plain) {
						password ??= p;
						break;
					}
				}
			} catch (error) {
				if (!hasCode(error, UNSUPPORTED_PBE)) throw error;
				record.unopened = true;
				record.note = `unsupported algorithm: ${error.message}`;
				continue;
			}
			if (!plain) {
				record.unopened = true;
				record.note = listOnly
					? 'not opened: the password is needed'
					: mac
						? 'does not decrypt with the store password'
						: 'wrong password';
				continue;
			}
			for (const b of readBags(plain)) {
				allBags.push(b);
				bagProtection.set(b, {
					name: d.name,
					oid: d.schemeOid,
					prf: d.prf,
					iterations: d.iterations,
				});
			}
		} else if (type === OID.envelopedData) {
			bags.push({
				kind: 'enveloped-safe',
				alias: null,
				protection: 'EnvelopedData (public-key privacy)',
				protectionOid: OID.envelopedData,
				prf: null,
				iterations: null,
				unopened: true,
				note: 'not supported: EnvelopedData (public-key encrypted) bag',
			});
		} else {
			bags.push({
				kind: 'other',
				alias: null,
				protection: null,
				protectionOid: null,
				prf: null,
				iterations: null,
				unopened: true,
				note: `content type ${type ?? '?'}`,
			});
		}
	}
	// No MAC: nothing verified the password, so any encrypted part that stays shut means the file
	// needs one (and the page asks), also when plain bags beside it opened.
	if (!mac && password === null && bags.some((b) => b.unopened && b.note === 'wrong password')) {
		throw noMacLocked(ctx, bags);
	}
	// Keys and certificates.
	const certs: { der: Uint8Array; bag: Bag }[] = [];
	const entries: RawEntry[] = [];
	// An entry without friendlyName gets the name keytool gives it: a counter from 1 over the
	// unnamed entries (the JDK's PKCS12KeyStore "unfriendly name").
	const unnamed = new Set<string>();
	const unfriendlyName = () => {
		const name = String(unnamed.size + 1);
		unnamed.add(name);
		return name;
	};
	for (const b of allBags) {
		ctx.signal.throwIfAborted();
		const outer = bagProtection.get(b) ?? null;
		if (b.oid === OID.certBag && b.value instanceof asn1js.Sequence) {
			const der = octets(explicit0(b.value.valueBlock.value[1]));
			if (oidOf(b.value.valueBlock.value[0]) === OID.x509Certificate && der)
				certs.push({ der, bag: b });
			bags.push({
				kind: 'certificate',
				alias: b.alias,
				protection: outer?.name ?? null,
				protectionOid: outer?.oid ?? null,
				prf: outer?.prf ?? null,
				iterations: outer?.iterations ?? null,
			});
		} else if (b.oid === OID.keyBag && b.value) {
			bags.push({
				kind: 'key',
				alias: b.alias,
				protection: outer?.name ?? null,
				protectionOid: outer?.oid ?? null,
				prf: outer?.prf ?? null,
				iterations: outer?.iterations ?? null,
			});
			entries.push({
				// like a shrouded key bag: the localKeyId pairs it (note), it is no name to show
				alias: b.alias ?? unfriendlyName(),
				type: 'private-key',
				created: null,
				chain: [],
				pkcs8: new Uint8Array(b.value.toBER()),
				keyLocked: false,
				keyProtection: outer ? `inside ${outer.name}` : 'none (plain KeyBag)',
				note: b.localKeyId ?? undefined,
			});
		} else if (
			(b.oid === OID.shroudedKeyBag || b.oid === OID.secretBag) &&
			b.value instanceof asn1js.Sequence
		) {
			let epki: asn1js.AsnType | null = b.value;
			const secret = b.oid === OID.secretBag;
			if (secret) epki = explicit0(b.value.valueBlock.value[1]);
			if (secret && epki instanceof asn1js.OctetString)
				epki = parseDer(octets(epki) ?? new Uint8Array());
			const alg = epki instanceof asn1js.Sequence ? epki.valueBlock.value[0] : null;
			const data = epki instanceof asn1js.Sequence ? octets(epki.valueBlock.value[1]) : null;
			if (!(alg instanceof asn1js.Sequence) || !data) {
				bags.push({
					kind: secret ? 'secret' : 'shrouded-key',
					alias: b.alias,
					protection: null,
					protectionOid: null,
					prf: null,
					iterations: null,
					unopened: true,
					note: 'malformed',
				});
				continue;
			}
			const d = describePbe(alg);
			const record: Pkcs12Bag = {
				kind: secret ? 'secret' : 'shrouded-key',
				alias: b.alias,
				protection: d.name,
				protectionOid: d.schemeOid,
				prf: d.prf,
				iterations: d.iterations,
			};
			bags.push(record);
			const entry: RawEntry = {
				alias: b.alias ?? unfriendlyName(),
				type: secret ? 'secret-key' : 'private-key',
				created: null,
				chain: [],
				keyLocked: true,
				keyProtection: `${d.name}${d.iterations ? `, ${d.iterations} iterations` : ''}`,
				note: b.localKeyId ?? undefined,
			};
			entries.push(entry);
			try {
				const own = ctx.entryPasswords.get(entry.alias);
				const pws =
					password !== null ? [...new Set([own ?? password, password, ...entryPasswords])] : tries;
				for (const p of pws) {
					const plain = await decryptWith(alg, p, data, ctx, passwordEncoding);
					const check = plain ? parseDer(plain) : null;
					if (plain && check instanceof asn1js.Sequence) {
						password ??= p;
						entry.keyLocked = false;
						if (secret) {
							const algOid = oidOf(
								(check.valueBlock.value[1] as asn1js.Sequence | undefined)?.valueBlock.value[0],
							);
							const key = octets(check.valueBlock.value[2]);
							if (key) entry.secret = { algorithm: secretAlgorithm(algOid), bytes: key };
						} else entry.pkcs8 = plain;
						break;
					}
				}
				if (entry.keyLocked) {
					record.unopened = true;
					record.note = listOnly
						? 'not opened: the password is needed'
						: 'does not decrypt with the store password';
					entry.keyWrongPassword = ctx.password !== null || own !== undefined;
				}
			} catch (error) {
				if (!hasCode(error, UNSUPPORTED_PBE)) throw error;
				record.unopened = true;
				record.note = `unsupported algorithm: ${error.message}`;
				entry.keyLocked = false;
				entry.note = `key protected with an unsupported algorithm: ${error.message}`;
			}
		} else if (b.oid === OID.crlBag) {
			bags.push({
				kind: 'crl',
				alias: b.alias,
				protection: outer?.name ?? null,
				protectionOid: outer?.oid ?? null,
				prf: null,
				iterations: null,
			});
		}
	}
	if (!listOnly && !mac && password === null && entries.some((e) => e.keyLocked))
		throw noMacLocked(ctx, bags);
	// Attach certificates: the key's own (same localKeyId), then its issuers by name; the rest are trusted entries.
	// By content: producers (keytool) write a CA certificate once as a key entry's own certificate
	// and again, under its subject as friendly name, as the chain member of another entry.
	const used = new Set<string>();
	for (const e of entries) {
		if (e.type !== 'private-key') continue;
		const keyId = e.note;
		const keyIdentity = e.pkcs8 ? await publicIdentity(e.pkcs8) : null;
		const own =
			certs.find((c) => c.bag.localKeyId !== null && c.bag.localKeyId === keyId) ??
			certs.find((c) => keyIdentity !== null && certIdentity(c.der) === keyIdentity) ??
			certs.find((c) => c.bag.alias !== null && c.bag.alias === e.alias);
		if (own) {
			e.chain.push(own.der);
			used.add(toHex(own.der));
			if (unnamed.has(e.alias) && own.bag.alias) e.alias = own.bag.alias;
			e.chain.push(
				...issuersOf(
					own.der,
					certs.map((c) => c.der),
				),
			);
			for (const d of e.chain) used.add(toHex(d));
		}
	}
	for (const e of entries) if (e.note && /^[0-9a-f]+$/.test(e.note)) delete e.note;
	certs.forEach((c, i) => {
		if (used.has(toHex(c.der)) && !c.bag.javaTrusted) return;
		entries.push({
			alias: c.bag.alias ?? `certificate ${i + 1}`,
			type: 'trusted-certificate',
			created: null,
			chain: [c.der],
			keyLocked: false,
			keyProtection: null,
		});
	});
	const outcome = await keystoreOutcome(ctx, {
		type: 'PKCS12',
		formatVersion: 'PKCS#12',
		entries,
		integrity,
		bags,
		storePassword: password,
		storeLocked: false,
	});
	const shut = twoPasswordNote(bags, integrity);
	return shut ? { ...outcome, notes: [...(outcome.notes ?? []), shut] } : outcome;
}

/**
 * A locked PKCS#12 with what it shows without the password: the protection of each part (the
 * algorithm identifiers are in clear; KEYSTORE-PKCS12-WEAK-PBE judges them), plain certificates
 * and keys. The lock message names the protections, so a weak one is seen before any password.
 */
function lockedPkcs12(partial: ParseOutcome, error: LockedError): ParseOutcome {
	const { lockedEntries: _entries, notes: _notes, ...rest } = partial;
	const keystores = (rest.facts.keystores ?? []).map((k) => ({ ...k, status: 'locked' as const }));
	const parts = keystores.flatMap((k) =>
		k.bags.flatMap((b) => {
			if (b.kind === 'encrypted-safe' && b.protection)
				return [`certificates under ${b.protection}`];
			if ((b.kind === 'shrouded-key' || b.kind === 'secret') && b.protection)
				return [
					`${b.kind === 'secret' ? 'secret key' : 'key'} ${b.alias ? `"${b.alias}" ` : ''}under ${b.protection}`,
				];
			if (b.kind === 'key' && b.protection === null)
				return [`private key ${b.alias ? `"${b.alias}" ` : ''}in a plain KeyBag (not encrypted)`];
			if (b.kind === 'certificate' && b.protection === null)
				return [`certificate ${b.alias ? `"${b.alias}" ` : ''}in clear`];
			return [];
		}),
	);
	const seen = [...new Set(parts)];
	return {
		...rest,
		facts: { ...rest.facts, keystores },
		locked: {
			message: seen.length
				? `${error.message}. Read without the password: ${seen.join('; ')}`
				: error.message,
			wrongPassword: error.wrongPassword,
		},
	};
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The password verified the MAC, yet encrypted parts stay shut: what they hold (keys,
 * certificates) was not analyzed, and `openssl pkcs12 -twopass` writes exactly such files. The
 * note makes the grade incomplete and says which password is still needed.
 */
function twoPasswordNote(
	bags: readonly Pkcs12Bag[],
	integrity: KeystoreIntegrity,
): InputNote | null {
	if (integrity.verified !== true) return null;
	const shut = bags.filter(
		(b) => b.unopened && b.note === 'does not decrypt with the store password',
	);
	if (shut.length === 0) return null;
	const what = shut.map((b) =>
		b.kind === 'encrypted-safe'
			? 'an encrypted part (its certificates)'
			: `the key "${b.alias ?? '?'}"`,
	);
	return {
		level: 'error',
		message: `${capitalize(what.join(' and '))} of this PKCS#12 file do${shut.length === 1 ? 'es' : ''} not decrypt with the password that verifies its integrity MAC, so ${shut.length === 1 ? 'it was' : 'they were'} not analyzed. The file was probably written with two passwords (openssl pkcs12 -twopass): give its encryption password as the key password of its entry to open ${shut.length === 1 ? 'it' : 'them'}`,
	};
}

async function publicIdentity(pkcs8: Uint8Array): Promise<string | null> {
	try {
		return (await analyzePkcs8(pkcs8)).publicKeyId;
	} catch (error) {
		// an unreadable key has no identity: pairing falls back to localKeyId and alias
		if (isBug(error)) throw error;
		return null;
	}
}

function certIdentity(der: Uint8Array): string | null {
	try {
		return readRawCertificate(der).key.identity;
	} catch (error) {
		// an unreadable certificate has no identity: pairing falls back to localKeyId and alias
		if (isBug(error)) throw error;
		return null;
	}
}

const SECRET_ALGORITHMS: Record<string, string> = {
	'2.16.840.1.101.3.4.1': 'AES',
	'1.2.840.113549.3.7': 'DESede',
	'1.2.840.113549.2.9': 'HmacSHA256',
	'1.2.840.113549.2.7': 'HmacSHA1',
	'1.2.840.113549.2.10': 'HmacSHA384',
	'1.2.840.113549.2.11': 'HmacSHA512',
};

function secretAlgorithm(oid: string | null): string {
	return oid ? (SECRET_ALGORITHMS[oid] ?? oid) : 'unknown';
}

/** Issuer chain of a certificate among others, by issuer/subject DER. */
function issuersOf(leaf: Uint8Array, pool: Uint8Array[]): Uint8Array[] {
	const names = (der: Uint8Array): { subject: string; issuer: string } | null => {
		const c = parseDer(der);
		const tbs = c instanceof asn1js.Sequence ? c.valueBlock.value[0] : null;
		if (!(tbs instanceof asn1js.Sequence)) return null;
		const f = [...tbs.valueBlock.value];
		if (f[0] instanceof asn1js.Constructed && f[0].idBlock.tagClass === 3) f.shift();
		const hex = (v: asn1js.AsnType | undefined) =>
			v ? [...new Uint8Array(v.toBER())].map((b) => b.toString(16)).join('') : '';
		return { issuer: hex(f[2]), subject: hex(f[4]) };
	};
	const out: Uint8Array[] = [];
	let current = names(leaf);
	const seen = new Set<Uint8Array>([leaf]);
	while (current && current.issuer !== current.subject && out.length < 10) {
		const next = pool.find((p) => !seen.has(p) && names(p)?.subject === current?.issuer);
		if (!next) break;
		out.push(next);
		seen.add(next);
		current = names(next);
	}
	return out;
}
