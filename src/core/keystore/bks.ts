// BouncyCastle BKS (versions 1 and 2) reader: entries, the HMAC-SHA1 integrity check (PKCS#12
// KDF), sealed keys (PBEWithSHAAnd3-KeyTripleDES-CBC). UBER stores are detected and refused.
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { equalBytes } from '../bytes/encoding';
import { tripleDesCbcDecrypt, unpadPkcs7 } from '../crypto/legacy/des';
import { pkcs12Kdf, pkcs12Password } from '../crypto/legacy/pbe';
import { isBug, LockedError, ParseError } from '../errors';
import type { ParseContext, ParseOutcome } from '../pipeline';
import { defaultTrialsAffordable } from '../crypto/budget';
import { candidatePasswords } from '../keys/default-passwords';
import { lockedOutcome, requireStorePassword, type KeyProbe } from './jks';
import { keystoreOutcome, type RawEntry } from './raw-keystore';
import { ByteReader } from './reader';

const MAX_ENTRIES = 100_000;
const MAX_ITERATIONS = 10_000_000;

interface BksKey {
	keyType: number;
	format: string;
	algorithm: string;
	encoded: Uint8Array;
}

function readKey(r: ByteReader): BksKey {
	const keyType = r.u8('a key type');
	const format = r.utf('a key format');
	const algorithm = r.utf('a key algorithm');
	const encoded = r.lengthPrefixed('key bytes').slice();
	return { keyType, format, algorithm, encoded };
}

interface SealedEntry extends RawEntry {
	sealedData?: Uint8Array;
}

function unseal(data: Uint8Array, password: string): BksKey | null {
	const r = new ByteReader(data, 'BKS');
	const salt = r.lengthPrefixed('a key salt');
	const iterations = r.u32('an iteration count');
	if (iterations > MAX_ITERATIONS)
		throw new ParseError(
			'bks/iterations',
			`BKS key uses ${iterations} iterations, beyond the limit`,
		);
	const cipher = data.subarray(r.offset);
	if (cipher.length === 0 || cipher.length % 8 !== 0) return null;
	const pw = pkcs12Password(password);
	const key = pkcs12Kdf('SHA-1', pw, salt, iterations, 1, 24);
	const iv = pkcs12Kdf('SHA-1', pw, salt, iterations, 2, 8);
	const plain = unpadPkcs7(tripleDesCbcDecrypt(key, iv, cipher));
	if (!plain) return null;
	try {
		return readKey(new ByteReader(plain, 'BKS'));
	} catch (error) {
		// garbage after a wrong password: the null counts as not opened
		if (isBug(error)) throw error;
		return null;
	}
}

/**
 * Whether an alias (u16 length, text) and a creation date in 1995–2100 follow `at`: then a body
 * byte that is not an entry type is damage in a BKS store, not an encrypted UBER body.
 */
function looksLikeBksEntry(bytes: Uint8Array, at: number): boolean {
	if (at + 2 > bytes.length) return false;
	const n = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
	const dateAt = at + 2 + n;
	if (n === 0 || n > 1024 || dateAt + 8 > bytes.length) return false;
	const view = new DataView(bytes.buffer, bytes.byteOffset + dateAt, 8);
	const ms = Number(view.getBigInt64(0));
	return ms > Date.UTC(1995, 0, 1) && ms < Date.UTC(2100, 0, 1);
}

export async function readBks(ctx: ParseContext): Promise<ParseOutcome> {
	const bytes = ctx.file.bytes;
	const r = new ByteReader(bytes, 'BKS');
	const version = r.u32('the version');
	if (version > 2) throw new ParseError('bks/version', `Not a BKS keystore (version ${version})`);
	const salt = r.lengthPrefixed('the store salt');
	const iterations = r.u32('the iteration count');
	if (iterations > MAX_ITERATIONS)
		throw new ParseError(
			'bks/iterations',
			`BKS store claims ${iterations} iterations, beyond the limit`,
		);
	const bodyStart = r.offset;
	const first = bytes[bodyStart] ?? 255;
	if (first > 4 && !looksLikeBksEntry(bytes, bodyStart + 1)) {
		throw new ParseError(
			'bks/uber',
			'BouncyCastle UBER keystore: its whole body is encrypted with Twofish, which is not supported. Convert it with keytool -importkeystore to PKCS#12.',
		);
	}
	const entries: SealedEntry[] = [];
	for (let type = r.u8('an entry type'); type !== 0; type = r.u8('an entry type')) {
		if (entries.length >= MAX_ENTRIES)
			throw new ParseError(
				'bks/too-many-entries',
				`BKS store has more than ${MAX_ENTRIES} entries`,
			);
		const alias = r.utf('an alias');
		const created = r.i64('an entry date');
		const chainLength = r.u32('a chain length');
		if (chainLength > 100)
			throw new ParseError(
				'bks/chain',
				`BKS entry ${alias} claims ${chainLength} chain certificates: corrupt file`,
			);
		const chain: Uint8Array[] = [];
		for (let i = 0; i < chainLength; i++) {
			r.utf('a certificate type');
			chain.push(r.lengthPrefixed('a certificate').slice());
		}
		if (type === 1) {
			r.utf('a certificate type');
			entries.push({
				alias,
				type: 'trusted-certificate',
				created,
				chain: [r.lengthPrefixed('a certificate').slice()],
				keyLocked: false,
				keyProtection: null,
			});
		} else if (type === 2) {
			const key = readKey(r);
			entries.push(keyEntry(alias, created, chain, key, 'none (stored in clear)'));
		} else if (type === 3 || type === 4) {
			const data = r.lengthPrefixed('key data').slice();
			if (type === 3) entries.push(plainEntry(alias, created, chain, data));
			else {
				entries.push({
					alias,
					// until unsealed, what keytool lists (KeyStoreSpi.engineEntryInstanceOf): a key
					// with a certificate chain is a private key, one without a secret key
					type: chain.length > 0 ? 'private-key' : 'secret-key',
					created,
					chain,
					sealedData: data,
					keyLocked: true,
					keyProtection: 'PBEWithSHAAnd3-KeyTripleDES-CBC',
				});
			}
		} else
			throw new ParseError(
				'bks/entry-type',
				`BKS file is damaged: unknown entry type ${type} at byte ${r.offset - 1}`,
			);
	}
	const bodyEnd = r.offset;
	const mac = r.take(20, 'the integrity HMAC');
	// Version 1 derives a 2-byte MAC key (BouncyCastle passed bits where bytes were meant).
	const macKeyLength = version === 2 ? 20 : 2;
	let storePassword: string | null = null;
	// one expensive derivation is not repeated for every default password: the user is asked
	const affordable = defaultTrialsAffordable(iterations, 1);
	const tries = affordable
		? candidatePasswords(ctx.password)
		: ctx.password !== null
			? [ctx.password]
			: [];
	for (const p of ctx.entryPasswords.values()) if (!tries.includes(p)) tries.push(p);
	for (const p of tries) {
		ctx.signal.throwIfAborted();
		const key = pkcs12Kdf('SHA-1', pkcs12Password(p), salt, iterations, 3, macKeyLength, {
			signal: ctx.signal,
		});
		if (equalBytes(hmac(sha1, key, bytes.subarray(bodyStart, bodyEnd)), mac)) {
			storePassword = p;
			break;
		}
	}
	const integrity = (verified: true | null) => ({
		kind: 'hmac' as const,
		algorithm: 'HMAC-SHA1 (PKCS#12 KDF)',
		iterations,
		verified,
	});
	try {
		if (
			storePassword === null &&
			ctx.password === null &&
			!affordable &&
			entries.some((e) => e.type !== 'trusted-certificate')
		) {
			throw new LockedError(
				`This BKS keystore needs its store password (its integrity check uses ${iterations.toLocaleString('en')} iterations: too many to try the default passwords)`,
				false,
			);
		}
		requireStorePassword(ctx, 'BKS', storePassword, entries, 'HMAC-SHA1 integrity check', (pw) => {
			const probe: KeyProbe = { opened: [], failed: 0, garbled: 0 };
			for (const e of entries.filter((x) => x.sealedData).slice(0, 3)) {
				try {
					if (e.sealedData && unseal(e.sealedData, pw)) probe.opened.push(e.alias);
					else probe.failed++;
				} catch (error) {
					if (isBug(error)) throw error;
					// a damaged sealed entry proves nothing
				}
			}
			return probe;
		});
	} catch (error) {
		if (!(error instanceof LockedError)) throw error;
		// as keytool -list: a locked store's entries and certificates (stored in clear), still locked
		return lockedOutcome(
			ctx,
			{ type: 'BKS', formatVersion: `BKS version ${version}`, integrity: integrity(null) },
			entries,
			(e) => e.sealedData !== undefined,
			error,
		);
	}
	for (const e of entries) {
		if (!e.sealedData) continue;
		const own = ctx.entryPasswords.get(e.alias);
		for (const p of [own, storePassword, ctx.password].filter(
			(x): x is string => typeof x === 'string',
		)) {
			const key = unseal(e.sealedData, p);
			if (key) {
				Object.assign(e, keyEntry(e.alias, e.created, e.chain, key, e.keyProtection ?? ''));
				e.keyLocked = false;
				break;
			}
		}
		if (e.keyLocked)
			e.keyWrongPassword = own !== undefined || (storePassword === null && ctx.password !== null);
	}
	return keystoreOutcome(ctx, {
		type: 'BKS',
		formatVersion: `BKS version ${version}`,
		entries,
		integrity: integrity(storePassword !== null ? true : null),
		bags: [],
		storePassword,
		storeLocked: storePassword === null,
	});
}

/**
 * A SECRET (type 3) entry: the bytes handed to KeyStore.setKeyEntry(alias, byte[], chain), kept
 * unsealed. BouncyCastle stores them as given: usually a PKCS#8 key (with a chain, keytool lists a
 * PrivateKeyEntry) or raw secret bytes (no chain: a SecretKeyEntry); an encoded BKS key also occurs.
 */
function plainEntry(
	alias: string,
	created: number,
	chain: Uint8Array[],
	data: Uint8Array,
): SealedEntry {
	try {
		const r = new ByteReader(data, 'BKS');
		const key = readKey(r);
		if (r.remaining === 0 && key.keyType <= 2)
			return keyEntry(alias, created, chain, key, 'none (stored in clear)');
	} catch (error) {
		if (isBug(error)) throw error;
		// not BouncyCastle's key encoding: the bytes as given
	}
	const protection = 'none (stored in clear)';
	if (chain.length > 0)
		return {
			alias,
			type: 'private-key',
			created,
			chain,
			pkcs8: data,
			keyLocked: false,
			keyProtection: protection,
		};
	return {
		alias,
		type: 'secret-key',
		created,
		chain,
		secret: { algorithm: 'unknown (raw bytes)', bytes: data },
		keyLocked: false,
		keyProtection: protection,
	};
}

function keyEntry(
	alias: string,
	created: number | null,
	chain: Uint8Array[],
	key: BksKey,
	protection: string,
): SealedEntry {
	if (key.keyType === 0 && key.format === 'PKCS#8') {
		return {
			alias,
			type: 'private-key',
			created,
			chain,
			pkcs8: key.encoded,
			keyLocked: false,
			keyProtection: protection,
		};
	}
	if (key.keyType === 2) {
		return {
			alias,
			type: 'secret-key',
			created,
			chain,
			secret: { algorithm: key.algorithm, bytes: key.encoded },
			keyLocked: false,
			keyProtection: protection,
		};
	}
	return {
		alias,
		type: 'trusted-certificate',
		created,
		chain,
		keyLocked: false,
		keyProtection: protection,
		note: `${key.algorithm} ${key.format} public key entry`,
	};
}
