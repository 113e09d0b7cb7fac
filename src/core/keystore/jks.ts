// JKS and JCEKS reader (Sun formats): entries, the SHA-1 integrity trailer, JKS key protector,
// JCEKS PBEWithMD5AndTripleDES keys and sealed secret keys. Certificates are readable without
// any password; keys need the store password or their own key password.
import * as asn1js from 'asn1js';
import { integerValue } from '../asn1/der';
import { chargeKdf } from '../crypto/budget';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { digest } from '../bytes/digest';
import { equalBytes } from '../bytes/encoding';
import { tripleDesCbcDecrypt, unpadPkcs7 } from '../crypto/legacy/des';
import { iterateMd5WithSuffix } from '../crypto/legacy/iterated';
import { isBug, LockedError, ParseError } from '../errors';
import type { ParseContext, ParseOutcome } from '../pipeline';
import { parseDer } from '../x509/public-key';
import { candidatePasswords } from '../keys/default-passwords';
import { fieldBytes, fieldString, JavaStreamReader, type JavaValue } from './java-serial';
import { keystoreOutcome, type RawEntry, type RawKeystore } from './raw-keystore';
import { ByteReader, utf16be } from './reader';

const MAGIC_JKS = 0xfeedfeed;
const MAGIC_JCEKS = 0xcececece;
const OID_JKS_KEY = '1.3.6.1.4.1.42.2.17.1.1';
const OID_JCEKS_KEY = '1.3.6.1.4.1.42.2.19.1';
const MAX_CHAIN = 100;
const MAX_ITERATIONS = 10_000_000;
/** Total JCEKS derivation rounds one store may cost (about 20 s of work at worst). */
const MAX_TOTAL_ROUNDS = 40_000_000;
const derivationBudget = { rounds: MAX_TOTAL_ROUNDS };

interface ParsedEntry extends RawEntry {
	encryptedKey?: Uint8Array;
	sealed?: JavaValue;
}

/** Parses structure only; throws ParseError for anything malformed. */
function parseStructure(bytes: Uint8Array): {
	kind: 'JKS' | 'JCEKS';
	version: number;
	entries: ParsedEntry[];
	bodyEnd: number;
} {
	const r = new ByteReader(bytes, 'JKS');
	const magic = r.u32('the magic number');
	if (magic !== MAGIC_JKS && magic !== MAGIC_JCEKS)
		throw new ParseError('jks/not-jks', 'Not a JKS or JCEKS keystore (wrong magic number)');
	const kind = magic === MAGIC_JKS ? 'JKS' : 'JCEKS';
	const rr = new ByteReader(bytes, kind);
	rr.offset = 4;
	const version = rr.u32('the version');
	if (version !== 1 && version !== 2)
		throw new ParseError(
			'jks/version',
			`${kind} version ${version} is not 1 or 2: the file is corrupt or not a ${kind} keystore`,
		);
	const count = rr.u32('the entry count');
	// The smallest entry (tag, empty alias, date, empty cert) takes 18 bytes.
	const max = Math.floor((bytes.length - 12 - 20) / 18);
	if (count > max) {
		throw new ParseError(
			'jks/too-many-entries',
			`${kind} header claims ${count.toLocaleString('en')} entries, but a ${bytes.length}-byte file can hold at most ${Math.max(0, max)}: the file is corrupt or hostile`,
		);
	}
	const entries: ParsedEntry[] = [];
	const cert = () => {
		if (version === 2) rr.utf('a certificate type');
		return rr.lengthPrefixed('a certificate').slice();
	};
	for (let i = 0; i < count; i++) {
		const tag = rr.u32(`the tag of entry ${i + 1}`);
		const alias = rr.utf(`the alias of entry ${i + 1}`);
		const created = rr.i64(`the date of entry ${alias}`);
		if (tag === 1) {
			const encryptedKey = rr.lengthPrefixed(`the key of ${alias}`).slice();
			const n = rr.u32(`the chain length of ${alias}`);
			if (n > MAX_CHAIN)
				throw new ParseError(
					'jks/chain',
					`${kind} entry ${alias} claims ${n} chain certificates: corrupt file`,
				);
			const chain: Uint8Array[] = [];
			for (let c = 0; c < n; c++) chain.push(cert());
			entries.push({
				alias,
				type: 'private-key',
				created,
				chain,
				encryptedKey,
				keyLocked: true,
				keyProtection: null,
			});
		} else if (tag === 2) {
			entries.push({
				alias,
				type: 'trusted-certificate',
				created,
				chain: [cert()],
				keyLocked: false,
				keyProtection: null,
			});
		} else if (tag === 3 && kind === 'JCEKS') {
			// A Java serialization stream follows with no length prefix: walk it to find its end.
			const sealed = new JavaStreamReader(rr).readStream();
			entries.push({
				alias,
				type: 'secret-key',
				created,
				chain: [],
				sealed,
				keyLocked: true,
				keyProtection: null,
			});
		} else {
			throw new ParseError(
				`${kind.toLowerCase()}/entry-tag`,
				`${kind} entry ${i + 1} has unknown type ${tag}: corrupt file`,
			);
		}
	}
	if (rr.remaining < 20)
		throw new ParseError(
			`${kind.toLowerCase()}/truncated`,
			`${kind} file is truncated: the 20-byte integrity digest is missing`,
		);
	return { kind, version, entries, bodyEnd: rr.offset };
}

const MIGHTY = new TextEncoder().encode('Mighty Aphrodite');

/** SHA-1(password as UTF-16BE ‖ "Mighty Aphrodite" ‖ body) through WebCrypto: a truststore body
 * is ~150 KB, which native SHA-1 hashes far faster than JavaScript in a freshly started worker. */
async function integrityMatches(
	bytes: Uint8Array,
	bodyEnd: number,
	password: string,
): Promise<boolean> {
	const pw = utf16be(password);
	const input = new Uint8Array(pw.length + MIGHTY.length + bodyEnd);
	input.set(pw, 0);
	input.set(MIGHTY, pw.length);
	input.set(bytes.subarray(0, bodyEnd), pw.length + MIGHTY.length);
	return equalBytes(await digest('SHA-1', input), bytes.subarray(bodyEnd, bodyEnd + 20));
}

/** One JCEKS derivation may not ask for more than MAX_ITERATIONS (checked before any work). */
function checkJceksIterations(iterations: number): void {
	if (iterations < 1 || iterations > MAX_ITERATIONS)
		throw new ParseError(
			'jceks/iterations',
			`JCEKS key uses ${iterations.toLocaleString('en')} iterations, beyond the limit of ${MAX_ITERATIONS.toLocaleString('en')}: not derived`,
		);
}

/** JKS KeyProtector: SHA-1 keystream XOR, then a SHA-1 check over password and plaintext. */
function jksUnprotect(blob: Uint8Array, password: string): Uint8Array | null {
	if (blob.length < 41) return null;
	const pw = utf16be(password);
	const salt = blob.subarray(0, 20);
	const cipher = blob.subarray(20, blob.length - 20);
	const check = blob.subarray(blob.length - 20);
	const plain = new Uint8Array(cipher.length);
	let d: Uint8Array = salt;
	const buf = new Uint8Array(pw.length + 20);
	buf.set(pw);
	for (let at = 0; at < cipher.length; at += 20) {
		buf.set(d, pw.length);
		d = sha1(buf);
		for (let i = 0; i < 20 && at + i < cipher.length; i++)
			plain[at + i] = (cipher[at + i] ?? 0) ^ (d[i] ?? 0);
	}
	const verify = new Uint8Array(pw.length + plain.length);
	verify.set(pw);
	verify.set(plain, pw.length);
	return equalBytes(sha1(verify), check) ? plain : null;
}

/** JCEKS PBEWithMD5AndTripleDES key derivation (com.sun.crypto.provider.PBES1Core). */
export function jceksDerive(
	password: string,
	salt: Uint8Array,
	iterations: number,
	signal?: AbortSignal,
): { key: Uint8Array; iv: Uint8Array } {
	checkJceksIterations(iterations);
	const s = salt.slice();
	if (s.length === 8 && equalBytes(s.subarray(0, 4), s.subarray(4, 8))) {
		// Java's "invert the first half", literally (it is not a plain reversal).
		for (let i = 0; i < 2; i++) {
			const tmp = s[i] ?? 0;
			s[i] = s[3 - i] ?? 0;
			s[2] = tmp;
		}
	}
	chargeKdf('JCEKS PBEWithMD5AndTripleDES', iterations, 2);
	const pw = new Uint8Array([...password].map((c) => c.charCodeAt(0) & 0xff));
	const out = new Uint8Array(32);
	const buf = new Uint8Array(16 + pw.length);
	for (let half = 0; half < 2; half++) {
		let t: Uint8Array = md5(new Uint8Array([...s.subarray(half * 4, half * 4 + 4), ...pw]));
		const fast = iterateMd5WithSuffix(t, pw, iterations - 1, { signal });
		if (fast) t = fast;
		else {
			buf.set(pw, 16);
			for (let j = 1; j < iterations; j++) {
				buf.set(t, 0);
				t = md5(buf);
				if ((j & 0x3fff) === 0) signal?.throwIfAborted();
			}
		}
		out.set(t, half * 16);
	}
	return { key: out.subarray(0, 24), iv: out.subarray(24, 32) };
}

function jceksDecrypt(
	params: { salt: Uint8Array; iterations: number },
	data: Uint8Array,
	password: string,
	signal: AbortSignal,
): Uint8Array | null {
	if ([...password].some((c) => c.charCodeAt(0) > 0x7f)) return null; // JCEKS passwords are ASCII only
	if (data.length === 0 || data.length % 8 !== 0) return null;
	// one entry past the limit is that entry's problem, not the store's budget (checked next)
	checkJceksIterations(params.iterations);
	// A hostile store can multiply entries with millions of iterations: cap the total work.
	derivationBudget.rounds -= params.iterations;
	if (derivationBudget.rounds < 0) {
		throw new ParseError(
			'jceks/budget',
			`JCEKS key derivations exceed ${MAX_TOTAL_ROUNDS.toLocaleString('en')} MD5 rounds in all: the remaining keys were not opened`,
		);
	}
	const { key, iv } = jceksDerive(password, params.salt, params.iterations, signal);
	return unpadPkcs7(tripleDesCbcDecrypt(key, iv, data));
}

function pbeParams(v: unknown): { salt: Uint8Array; iterations: number } | null {
	const p = v instanceof asn1js.Sequence ? v : null;
	const salt = p?.valueBlock.value[0];
	const it = p?.valueBlock.value[1];
	if (!(salt instanceof asn1js.OctetString) || !(it instanceof asn1js.Integer)) return null;
	return { salt: new Uint8Array(salt.valueBlock.valueHexView), iterations: integerValue(it) };
}

/** Decrypts one private key entry; returns PKCS#8 or null, and the protection description. */
function openKey(
	blob: Uint8Array,
	password: string,
	signal: AbortSignal,
): { pkcs8: Uint8Array | null; protection: string; garbled?: boolean } {
	const epki = parseDer(blob);
	if (!(epki instanceof asn1js.Sequence))
		throw new ParseError('jks/key', 'key entry is not an EncryptedPrivateKeyInfo');
	const [alg, data] = epki.valueBlock.value;
	const oidV = alg instanceof asn1js.Sequence ? alg.valueBlock.value[0] : null;
	const oid = oidV instanceof asn1js.ObjectIdentifier ? oidV.valueBlock.toString() : '?';
	if (!(data instanceof asn1js.OctetString))
		throw new ParseError('jks/key', 'key entry has no encrypted data');
	const bytes = new Uint8Array(data.valueBlock.valueHexView);
	if (oid === OID_JKS_KEY)
		return {
			pkcs8: jksUnprotect(bytes, password),
			protection: 'JKS key protector (SHA-1 keystream)',
		};
	if (oid === OID_JCEKS_KEY) {
		const params = pbeParams((alg as asn1js.Sequence).valueBlock.value[1]);
		if (!params) throw new ParseError('jceks/key', 'JCEKS key entry with malformed PBE parameters');
		const plain = jceksDecrypt(params, bytes, password, signal);
		const ok = plain && parseDer(plain) instanceof asn1js.Sequence ? plain : null;
		return {
			pkcs8: ok,
			protection: `PBEWithMD5AndTripleDES, ${params.iterations} iterations`,
			// valid CBC padding but no DER inside: damage, if the password is known to be right
			garbled: plain !== null && ok === null,
		};
	}
	throw new ParseError('jks/key-algorithm', `key protected with unsupported algorithm ${oid}`);
}

/** Opens a JCEKS sealed secret key: SealedObjectForKeyProtector → SecretKeySpec / KeyRep. */
function openSealed(
	sealed: JavaValue,
	password: string,
	signal: AbortSignal,
): {
	secret: { algorithm: string; bytes: Uint8Array } | null;
	protection: string;
	garbled?: boolean;
	unsupported?: boolean;
} {
	const params = fieldBytes(sealed, 'encodedParams');
	const content = fieldBytes(sealed, 'encryptedContent');
	const paramsAlg = fieldString(sealed, 'paramsAlg') ?? '?';
	const p = params ? pbeParams(parseDer(params)) : null;
	if (!p || !content)
		throw new ParseError('jceks/sealed', 'JCEKS sealed key without parameters or content');
	const protection = `${paramsAlg}, ${p.iterations} iterations`;
	if (!/PBEWithMD5AndTripleDES/i.test(paramsAlg))
		return { secret: null, protection: `${protection} (unsupported)`, unsupported: true };
	const plain = jceksDecrypt(p, content, password, signal);
	if (!plain) return { secret: null, protection };
	let key: JavaValue;
	try {
		key = new JavaStreamReader(new ByteReader(plain, 'JCEKS')).readStream();
	} catch (error) {
		if (isBug(error)) throw error;
		// a wrong password that happened to unpad, or damage if the password is known to be right
		return { secret: null, protection, garbled: true };
	}
	const bytes = fieldBytes(key, 'key') ?? fieldBytes(key, 'encoded');
	const algorithm = fieldString(key, 'algorithm') ?? 'unknown';
	return { secret: bytes ? { algorithm, bytes } : null, protection, garbled: !bytes };
}

/** What a password did to (up to three) key entries when it failed the integrity check. */
export interface KeyProbe {
	/** The entries it opened, by alias. */
	opened: string[];
	/** Entries it did not open (a wrong password, or damage in that entry). */
	failed: number;
	/** Entries it decrypted to valid padding around something that is no key: damage, if it opened another. */
	garbled: number;
}

/**
 * A store whose password is unknown is locked when it holds keys (the card asks for the store
 * password), or when the user typed a password that fails the integrity check. A truststore
 * (certificates only) opened without any password is listed, its integrity unverified.
 *
 * A failed integrity check alone cannot tell a wrong password from a damaged file (keytool says
 * "tampered with, or password was incorrect"). The key entries are a second check, but a key that
 * opens proves less than it seems: keytool -keypass gives an entry a password of its own, and
 * that password opens the entry and fails the digest exactly as the store password does on a
 * file altered outside the keys. Only an entry the same password decrypts to garbage (valid
 * padding, no key inside) proves damage; otherwise the message names both readings.
 */
export function requireStorePassword(
	ctx: ParseContext,
	kind: string,
	storePassword: string | null,
	entries: readonly RawEntry[],
	check: string,
	/** Tries the password on (up to three) key entries. */
	opensKey?: (password: string) => KeyProbe,
): void {
	if (storePassword !== null) return;
	const keys = entries.filter((e) => e.type !== 'trusted-certificate').length;
	if (ctx.password !== null) {
		const probe: KeyProbe =
			keys > 0 && opensKey ? opensKey(ctx.password) : { opened: [], failed: 0, garbled: 0 };
		const first = probe.opened[0];
		if (first !== undefined && probe.garbled > 0)
			throw new ParseError(
				`${kind.toLowerCase()}/damaged`,
				`${kind} file is damaged: its ${check} does not match, although the password opens the key entry "${first}" (and decrypts another entry to something that is no key)`,
			);
		if (first !== undefined) {
			const which =
				probe.opened.length === 1
					? `the key entry "${first}"`
					: `the key entries ${probe.opened.map((a) => `"${a}"`).join(', ')}`;
			const others =
				probe.failed > 0
					? ` (it does not open ${probe.failed} other key entr${probe.failed === 1 ? 'y' : 'ies'})`
					: '';
			throw new LockedError(
				`Wrong password or damaged file: the password opens ${which}${others} but does not match the ${kind} ${check}, so it does not open the store. It is probably ${probe.opened.length === 1 ? "that entry's" : "those entries'"} own key password (keytool -keypass): give the store password. Otherwise the file was altered after it was written`,
				true,
			);
		}
		// a garbled entry without any that opens is a wrong password that unpadded by chance
		const failed = probe.failed + probe.garbled;
		// One altered byte breaks the digest and at most one key entry: two failed keys prove it.
		if (failed >= 2)
			throw new LockedError(
				`Wrong password: the ${kind} ${check} does not match it, and it opens none of ${failed} key entries`,
				true,
			);
		throw new LockedError(
			`Wrong password or damaged file: the ${kind} ${check} does not match${failed === 1 ? ' and the one key entry does not open (damage in that entry would do the same)' : ' (no key entry to tell the two apart)'}`,
			true,
		);
	}
	if (keys > 0) {
		throw new LockedError(
			`This ${kind} keystore needs its store password (${entries.length} entries, ${keys} with keys; none of the default passwords opens it)`,
			false,
		);
	}
}

/**
 * Tries each password on one key or sealed secret-key entry. `verified` is the store password the
 * integrity digest proved (or null): with it, valid padding around content that is not a key
 * proves damage (a wrong password unpads by chance once in 256 tries). An entry that cannot be
 * read at all (malformed, unsupported protection) is marked unreadable: no password would help.
 */
function openEntry(
	e: ParsedEntry,
	passwords: readonly string[],
	signal: AbortSignal,
	verified: string | null = null,
): void {
	const unreadable = (note: string): void => {
		e.keyUnreadable = true;
		e.note = note;
	};
	for (const pw of passwords) {
		try {
			if (e.encryptedKey) {
				const { pkcs8, protection, garbled } = openKey(e.encryptedKey, pw, signal);
				e.keyProtection = protection;
				if (pkcs8) {
					e.pkcs8 = pkcs8;
					e.keyLocked = false;
					return;
				}
				if (garbled && pw === verified)
					return unreadable(
						'damaged: the store password (verified by the integrity digest) decrypts this key entry, but what it holds is not a PKCS#8 key',
					);
			} else if (e.sealed !== undefined) {
				const { secret, protection, garbled, unsupported } = openSealed(e.sealed, pw, signal);
				e.keyProtection = protection;
				if (secret) {
					e.secret = secret;
					e.keyLocked = false;
					return;
				}
				if (unsupported)
					return unreadable(`not supported: sealed secret key protected with ${protection}`);
				if (garbled && pw === verified)
					return unreadable(
						'damaged: the store password (verified by the integrity digest) decrypts this sealed secret key, but what it holds is not a serialized key',
					);
			}
		} catch (error) {
			if (!(error instanceof ParseError) || error.code === 'jceks/budget') throw error;
			return unreadable(
				error.code === 'jks/key-algorithm'
					? `not supported: ${error.message}`
					: `damaged: ${error.message}`,
			);
		}
	}
}

/** The JKS/JCEKS integrity digest (keyed SHA-1): verified only when the store password is known. */
function digestIntegrity(verified: true | null) {
	return {
		kind: 'digest' as const,
		algorithm: `SHA-1 ("Mighty Aphrodite")`,
		iterations: null,
		verified,
	};
}

/**
 * What a locked JKS, JCEKS or BKS shows without its password: every entry and its certificates
 * (stored in clear), the keys left encrypted (`encrypted` says which entries hold one), the
 * integrity unverified. The store stays locked: the lock message says why, and no entry asks for
 * a key password of its own before the store password is known.
 */
export async function lockedOutcome<E extends RawEntry>(
	ctx: ParseContext,
	store: Pick<RawKeystore, 'type' | 'formatVersion' | 'integrity'>,
	entries: E[],
	encrypted: (e: E) => boolean,
	lock: LockedError,
): Promise<ParseOutcome> {
	for (const e of entries) if (encrypted(e)) e.note = 'not read: the store password is needed';
	const outcome = await keystoreOutcome(ctx, {
		...store,
		entries,
		bags: [],
		storePassword: null,
		storeLocked: true,
	});
	const { lockedEntries: _entries, notes: _notes, ...rest } = outcome;
	return {
		...rest,
		facts: {
			...rest.facts,
			keystores: (rest.facts.keystores ?? []).map((k) => ({ ...k, status: 'locked' as const })),
		},
		locked: {
			message: `${lock.message}. Its ${entries.length} entr${entries.length === 1 ? 'y is' : 'ies are'} listed as read without the password (certificates are stored in clear; keys stay encrypted, and the integrity is not verified)`,
			wrongPassword: lock.wrongPassword,
		},
	};
}

export async function readJks(ctx: ParseContext): Promise<ParseOutcome> {
	const bytes = ctx.file.bytes;
	const { kind, version, entries, bodyEnd } = parseStructure(bytes);
	const candidates = candidatePasswords(ctx.password);
	for (const p of ctx.entryPasswords.values()) if (!candidates.includes(p)) candidates.push(p);
	let storePassword: string | null = null;
	for (const p of candidates) {
		if (await integrityMatches(bytes, bodyEnd, p)) {
			storePassword = p;
			break;
		}
	}
	try {
		requireStorePassword(ctx, kind, storePassword, entries, 'SHA-1 integrity digest', probeKeys);
	} catch (error) {
		if (!(error instanceof LockedError)) throw error;
		// keytool -list shows a locked store's entries and certificates: so do we, still locked
		return lockedOutcome(
			ctx,
			{ type: kind, formatVersion: `${kind} version ${version}`, integrity: digestIntegrity(null) },
			entries,
			(e) => e.encryptedKey !== undefined || e.sealed !== undefined,
			error,
		);
	}
	function probeKeys(pw: string): KeyProbe {
		// at most three entries (a JCEKS derivation costs 200 000 MD5 rounds)
		const probe: KeyProbe = { opened: [], failed: 0, garbled: 0 };
		for (const e of entries.filter((x) => x.encryptedKey || x.sealed !== undefined).slice(0, 3)) {
			const copy = { ...e };
			try {
				// as if verified: a garbled entry is then marked unreadable as damaged
				openEntry(copy, [pw], ctx.signal, pw);
			} catch (error) {
				if (isBug(error)) throw error;
				continue; // unreadable: proves nothing
			}
			if (!copy.keyLocked) probe.opened.push(e.alias);
			else if (copy.keyUnreadable && copy.note?.startsWith('damaged: the store password'))
				probe.garbled++;
			else if (!copy.keyUnreadable) probe.failed++;
		}
		return probe;
	}
	derivationBudget.rounds = MAX_TOTAL_ROUNDS;
	for (const e of entries) {
		ctx.signal.throwIfAborted();
		if (derivationBudget.rounds <= 0) {
			if (e.encryptedKey || e.sealed !== undefined)
				e.note = 'not opened: key derivation budget of this store exhausted';
			continue;
		}
		const own = ctx.entryPasswords.get(e.alias);
		// Cheap JKS keys may try the default list; JCEKS derivations (200 000 MD5 rounds) may not.
		const tries = [own, storePassword, ctx.password].filter(
			(p): p is string => p !== null && p !== undefined,
		);
		if (kind === 'JKS' && storePassword === null)
			for (const p of candidates) if (!tries.includes(p)) tries.push(p);
		const unique = [...new Set(tries)];
		if (e.type !== 'trusted-certificate') ctx.progress(`opening ${e.alias}`);
		try {
			openEntry(e, unique, ctx.signal, storePassword);
		} catch (error) {
			if (!(error instanceof ParseError) || error.code !== 'jceks/budget') throw error;
			e.note = error.message;
			continue;
		}
		if (e.keyLocked && !e.keyUnreadable && (e.encryptedKey || e.sealed !== undefined)) {
			e.keyWrongPassword = own !== undefined || (storePassword === null && ctx.password !== null);
			// The store password is proven right and does not open it: keytool -keypass gave it
			// its own password, or its last cipher blocks are damaged (which breaks the padding
			// just as a wrong password does). Both are possible; say so.
			if (storePassword !== null && own === undefined)
				e.note = `does not open with the store password (verified by the integrity digest): the entry has its own key password, or its encrypted content is damaged`;
		}
	}
	return keystoreOutcome(ctx, {
		type: kind,
		formatVersion: `${kind} version ${version}`,
		entries,
		integrity: digestIntegrity(storePassword !== null ? true : null),
		bags: [],
		storePassword,
		storeLocked: storePassword === null,
	});
}
