// Reads private keys in every common encoding (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1, OpenSSL
// DSA, OpenSSL legacy DEK-Info encryption) into PKCS#8 plus public facts (algorithm, size,
// curve, a public-key identity for pairing with certificates).
import * as asn1js from 'asn1js';
import { loadNobleAes, nobleAes } from '../crypto/noble-aes';
import { chacha20 } from '@noble/ciphers/chacha.js';
import { md5 } from '@noble/hashes/legacy.js';
import { fromBase64Url, fromHex, toArrayBuffer, toHex } from '../bytes/encoding';
import {
	desCbcDecrypt,
	desEcb,
	tripleDesCbcDecrypt,
	tripleDesEcb,
	unpadPkcs7,
} from '../crypto/legacy/des';
import { rc2BlockEncryptor, rc2CbcDecrypt } from '../crypto/legacy/rc2';
import { blowfishCbcDecrypt, blowfishEncryptBlock, blowfishKey } from '../crypto/legacy/blowfish';
import { camelliaDecryptBlock, camelliaEncryptBlock, camelliaKey } from '../crypto/legacy/camellia';
import { ariaDecryptBlock, ariaEncryptBlock, ariaKey } from '../crypto/legacy/aria';
import { sm4DecryptBlock, sm4EncryptBlock, sm4Key } from '../crypto/legacy/sm4';
import { seedDecryptBlock, seedEncryptBlock, seedKey } from '../crypto/legacy/seed';
import { cast5DecryptBlock, cast5EncryptBlock, cast5Key } from '../crypto/legacy/cast5';
import { ideaDecryptBlock, ideaEncryptBlock, ideaKey } from '../crypto/legacy/idea';
import { describePbe, pbeDecrypt, type KdfHooks } from '../crypto/legacy/pbe';
import { rsaPkcs8Problem } from '../crypto/rsa-check';
import { isBug, ParseError, UnsupportedError } from '../errors';
import { CURVES, KEY_ALGORITHMS } from './oids';
import { bigIntOf, bitLength, integerBytes, parseDer, rsaIdentity, stripZeros } from './public-key';
import { modPow } from '../crypto/modular';

export interface PrivateKeyInfo {
	pkcs8: Uint8Array;
	algorithm: string;
	keySize: number | null;
	curve: string | null;
	publicKeyId: string | null;
}

const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC = '1.2.840.10045.2.1';
const OID_DSA = '1.2.840.10040.4.1';

function seq(...items: asn1js.AsnType[]): asn1js.Sequence {
	return new asn1js.Sequence({ value: items });
}

function wrapPkcs8(algOid: string, params: asn1js.AsnType | null, keyDer: Uint8Array): Uint8Array {
	const alg = params
		? seq(new asn1js.ObjectIdentifier({ value: algOid }), params)
		: seq(new asn1js.ObjectIdentifier({ value: algOid }), new asn1js.Null());
	const info = seq(
		new asn1js.Integer({ value: 0 }),
		alg,
		new asn1js.OctetString({ valueHex: toArrayBuffer(keyDer) }),
	);
	return new Uint8Array(info.toBER());
}

const JWK_CURVES: Record<string, { curve: string; size: number }> = {
	'P-256': { curve: 'P-256', size: 32 },
	'P-384': { curve: 'P-384', size: 48 },
	'P-521': { curve: 'P-521', size: 66 },
};

/** Public point of an EC / EdDSA key through WebCrypto when the encoding does not carry it. */
async function publicViaWebCrypto(
	pkcs8: Uint8Array,
	algorithm: string,
	curve: string | null,
): Promise<string | null> {
	try {
		if (algorithm === 'EC' && curve && JWK_CURVES[curve]) {
			const key = await crypto.subtle.importKey(
				'pkcs8',
				toArrayBuffer(pkcs8),
				{ name: 'ECDSA', namedCurve: curve },
				true,
				['sign'],
			);
			const jwk = await crypto.subtle.exportKey('jwk', key);
			if (!jwk.x || !jwk.y) return null;
			return 'ec:04' + toHex(fromBase64Url(jwk.x)) + toHex(fromBase64Url(jwk.y));
		}
		if (algorithm === 'Ed25519' || algorithm === 'X25519') {
			const alg = algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'X25519' };
			const usages: KeyUsage[] = algorithm === 'Ed25519' ? ['sign'] : ['deriveBits'];
			const key = await crypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), alg, true, usages);
			const jwk = await crypto.subtle.exportKey('jwk', key);
			return jwk.x ? algorithm.toLowerCase() + ':' + toHex(fromBase64Url(jwk.x)) : null;
		}
	} catch (error) {
		// WebCrypto lacks the algorithm: no public key id; the key is listed without one
		if (isBug(error)) throw error;
		return null;
	}
	return null;
}

/** Facts of a PKCS#8 PrivateKeyInfo. */
export async function analyzePkcs8(pkcs8: Uint8Array): Promise<PrivateKeyInfo> {
	const top = parseDer(pkcs8);
	if (!(top instanceof asn1js.Sequence))
		throw new ParseError('key/malformed', 'not a PKCS#8 PrivateKeyInfo');
	const [, alg, keyOctets, ...rest] = top.valueBlock.value;
	if (!(alg instanceof asn1js.Sequence) || !(keyOctets instanceof asn1js.OctetString)) {
		throw new ParseError('key/malformed', 'not a PKCS#8 PrivateKeyInfo');
	}
	const oidV = alg.valueBlock.value[0];
	const oid = oidV instanceof asn1js.ObjectIdentifier ? oidV.valueBlock.toString() : '?';
	const params = alg.valueBlock.value[1];
	const inner = new Uint8Array(keyOctets.valueBlock.valueHexView);
	const info: PrivateKeyInfo = {
		pkcs8,
		algorithm: KEY_ALGORITHMS[oid] ?? oid,
		keySize: null,
		curve: null,
		publicKeyId: null,
	};
	if (info.algorithm === 'RSA') {
		const problem = rsaPkcs8Problem(pkcs8);
		if (problem) throw new ParseError('key/malformed', `inconsistent RSA private key: ${problem}`);
		const rsa = parseDer(inner);
		if (rsa instanceof asn1js.Sequence) {
			const n = integerBytes(rsa.valueBlock.value[1]);
			if (n) {
				info.keySize = bitLength(n);
				info.publicKeyId = rsaIdentity(n);
			}
		}
	} else if (info.algorithm === 'EC') {
		let curveOid = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : null;
		// Explicit domain parameters (SpecifiedECDomain): the size is the prime field's p.
		let explicit: asn1js.Sequence | null = params instanceof asn1js.Sequence ? params : null;
		const ec = parseDer(inner);
		if (ec instanceof asn1js.Sequence) {
			for (const item of ec.valueBlock.value.slice(2)) {
				if (!(item instanceof asn1js.Constructed)) continue;
				const content = item.valueBlock.value[0];
				if (item.idBlock.tagNumber === 0 && content instanceof asn1js.ObjectIdentifier) {
					curveOid ??= content.valueBlock.toString();
				}
				if (item.idBlock.tagNumber === 0 && content instanceof asn1js.Sequence)
					explicit ??= content;
				if (item.idBlock.tagNumber === 1 && content instanceof asn1js.BitString) {
					info.publicKeyId = 'ec:' + toHex(new Uint8Array(content.valueBlock.valueHexView));
				}
			}
		}
		const curve = curveOid ? CURVES[curveOid] : undefined;
		info.curve = curve?.name ?? curveOid ?? 'explicit parameters';
		info.keySize = curve?.bits ?? null;
		const field = explicit?.valueBlock.value[1];
		if (info.keySize === null && field instanceof asn1js.Sequence) {
			const p = integerBytes(field.valueBlock.value[1]);
			if (p) info.keySize = bitLength(p);
		}
		info.publicKeyId ??= await publicViaWebCrypto(pkcs8, 'EC', info.curve);
	} else if (
		info.algorithm === 'Ed25519' ||
		info.algorithm === 'X25519' ||
		info.algorithm === 'Ed448' ||
		info.algorithm === 'X448'
	) {
		info.keySize = info.algorithm.endsWith('448') ? 448 : 256;
		info.curve = info.algorithm;
		for (const item of rest) {
			if (
				item instanceof asn1js.Primitive &&
				item.idBlock.tagClass === 3 &&
				item.idBlock.tagNumber === 1
			) {
				const bytes = new Uint8Array(item.valueBlock.valueHexView);
				info.publicKeyId = info.algorithm.toLowerCase() + ':' + toHex(bytes.subarray(1));
			}
		}
		info.publicKeyId ??= await publicViaWebCrypto(pkcs8, info.algorithm, null);
	} else if (info.algorithm === 'DSA' || info.algorithm === 'DH') {
		if (params instanceof asn1js.Sequence) {
			const p = integerBytes(params.valueBlock.value[0]);
			const g = integerBytes(params.valueBlock.value[info.algorithm === 'DSA' ? 2 : 1]);
			const x = integerBytes(parseDer(inner));
			if (p) info.keySize = bitLength(p);
			if (p && g && x) {
				const y = modPow(bigIntOf(g), bigIntOf(x), bigIntOf(p));
				let hex = y.toString(16);
				if (hex.length % 2) hex = '0' + hex;
				info.publicKeyId = info.algorithm.toLowerCase() + ':' + toHex(stripZeros(fromHex(hex)));
			}
		}
	}
	return info;
}

/** PKCS#1 RSAPrivateKey → PKCS#8. */
export function pkcs1ToPkcs8(der: Uint8Array): Uint8Array {
	return wrapPkcs8(OID_RSA, null, der);
}

/** SEC1 ECPrivateKey → PKCS#8 (curve moved to the AlgorithmIdentifier). */
export function sec1ToPkcs8(der: Uint8Array): Uint8Array {
	const ec = parseDer(der);
	if (!(ec instanceof asn1js.Sequence))
		throw new ParseError('key/malformed', 'not a SEC1 EC private key');
	let params: asn1js.AsnType | null = null;
	for (const item of ec.valueBlock.value) {
		if (
			item instanceof asn1js.Constructed &&
			item.idBlock.tagClass === 3 &&
			item.idBlock.tagNumber === 0
		) {
			params = item.valueBlock.value[0] ?? null;
		}
	}
	if (!params)
		throw new ParseError('key/malformed', 'SEC1 EC private key without curve parameters');
	return wrapPkcs8(OID_EC, params, der);
}

/** OpenSSL DSAPrivateKey SEQUENCE { 0, p, q, g, y, x } → PKCS#8. */
export function dsaToPkcs8(der: Uint8Array): Uint8Array {
	const s = parseDer(der);
	if (!(s instanceof asn1js.Sequence) || s.valueBlock.value.length < 6)
		throw new ParseError('key/malformed', 'not a DSA private key');
	const [, p, q, g, , x] = s.valueBlock.value;
	if (!p || !q || !g || !x) throw new ParseError('key/malformed', 'not a DSA private key');
	return wrapPkcs8(OID_DSA, seq(p, q, g), new Uint8Array(x.toBER()));
}

/** OpenSSL EVP_BytesToKey with MD5 and one iteration (the legacy PEM key derivation). */
function bytesToKey(password: Uint8Array, salt: Uint8Array, length: number): Uint8Array {
	const out = new Uint8Array(length);
	let have = 0;
	let prev = new Uint8Array(0);
	while (have < length) {
		const input = new Uint8Array(prev.length + password.length + salt.length);
		input.set(prev);
		input.set(password, prev.length);
		input.set(salt, prev.length + password.length);
		prev = md5(input);
		out.set(prev.subarray(0, Math.min(prev.length, length - have)), have);
		have += prev.length;
	}
	return out;
}

type BlockFn = (block: Uint8Array) => Uint8Array;

/** CFB (full-block segments, as OpenSSL's aes-*-cfb and des-ede3-cfb) decryption. */
function cfbDecrypt(encrypt: BlockFn, size: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(data.length);
	let prev = iv;
	for (let at = 0; at < data.length; at += size) {
		const ks = encrypt(prev);
		const c = data.subarray(at, at + size);
		for (let i = 0; i < c.length; i++) out[at + i] = (c[i] ?? 0) ^ (ks[i] ?? 0);
		prev = c.length === size ? c : prev;
	}
	return out;
}

/** CFB with 8-bit segments (OpenSSL's *-cfb8): the register shifts one byte per byte. */
function cfb8Decrypt(encrypt: BlockFn, iv: Uint8Array, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(data.length);
	const reg = Uint8Array.from(iv);
	for (let at = 0; at < data.length; at++) {
		const c = data[at] ?? 0;
		out[at] = c ^ (encrypt(reg)[0] ?? 0);
		reg.copyWithin(0, 1);
		reg[reg.length - 1] = c;
	}
	return out;
}

/** CFB with 1-bit segments (OpenSSL's *-cfb1): one cipher call per bit, most significant first. */
function cfb1Decrypt(encrypt: BlockFn, iv: Uint8Array, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(data.length);
	const reg = Uint8Array.from(iv);
	for (let at = 0; at < data.length; at++) {
		let byte = 0;
		for (let bit = 7; bit >= 0; bit--) {
			const c = ((data[at] ?? 0) >> bit) & 1;
			byte |= (c ^ ((encrypt(reg)[0] ?? 0) >> 7)) << bit;
			for (let i = 0; i < reg.length; i++)
				reg[i] = (((reg[i] ?? 0) << 1) | ((reg[i + 1] ?? c << 7) >> 7)) & 0xff;
			reg[reg.length - 1] = ((reg[reg.length - 1] ?? 0) & 0xfe) | c;
		}
		out[at] = byte;
	}
	return out;
}

/** CBC decryption over any block decryptor (the ciphers noble and des.ts do not cover). */
function cbcDecryptWith(
	decrypt: BlockFn,
	size: number,
	iv: Uint8Array,
	data: Uint8Array,
): Uint8Array {
	const out = new Uint8Array(data.length);
	let prev = iv;
	for (let at = 0; at < data.length; at += size) {
		const c = data.subarray(at, at + size);
		const p = decrypt(c);
		for (let i = 0; i < size; i++) out[at + i] = (p[i] ?? 0) ^ (prev[i] ?? 0);
		prev = c;
	}
	return out;
}

/** OFB decryption (the keystream is the IV encrypted again and again). */
function ofbDecrypt(encrypt: BlockFn, size: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(data.length);
	let ks = iv;
	for (let at = 0; at < data.length; at += size) {
		ks = encrypt(ks);
		for (let i = 0; i < size && at + i < data.length; i++)
			out[at + i] = (data[at + i] ?? 0) ^ (ks[i] ?? 0);
	}
	return out;
}

/** CTR (OpenSSL: the whole IV is a big-endian counter). */
function ctrDecrypt(encrypt: BlockFn, size: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(data.length);
	const counter = Uint8Array.from(iv);
	for (let at = 0; at < data.length; at += size) {
		const ks = encrypt(counter);
		for (let i = 0; i < size && at + i < data.length; i++)
			out[at + i] = (data[at + i] ?? 0) ^ (ks[i] ?? 0);
		for (let i = size - 1; i >= 0; i--) {
			counter[i] = ((counter[i] ?? 0) + 1) & 0xff;
			if (counter[i] !== 0) break;
		}
	}
	return out;
}

// noble's ECB refuses a second encrypt() on one instance: one per block
const aesBlock =
	(k: Uint8Array): BlockFn =>
	(b) =>
		nobleAes().ecb(k, { disablePadding: true }).encrypt(b);
const tdesBlock =
	(k: Uint8Array): BlockFn =>
	(b) =>
		tripleDesEcb(k, b, false);
const desBlock =
	(k: Uint8Array): BlockFn =>
	(b) =>
		desEcb(k, b, false);
const bfBlock = (k: Uint8Array): BlockFn => {
	const key = blowfishKey(k);
	return (b) => blowfishEncryptBlock(key, b);
};
/** A block cipher's two directions for one key (the 16-byte-block ciphers written here). */
type BlockPair = (k: Uint8Array) => { encrypt: BlockFn; decrypt: BlockFn };
const camellia: BlockPair = (k) => {
	const key = camelliaKey(k);
	return {
		encrypt: (b) => camelliaEncryptBlock(key, b),
		decrypt: (b) => camelliaDecryptBlock(key, b),
	};
};
const aria: BlockPair = (k) => {
	const key = ariaKey(k);
	return { encrypt: (b) => ariaEncryptBlock(key, b), decrypt: (b) => ariaDecryptBlock(key, b) };
};
const sm4: BlockPair = (k) => {
	const key = sm4Key(k);
	return { encrypt: (b) => sm4EncryptBlock(key, b), decrypt: (b) => sm4DecryptBlock(key, b) };
};
const seed: BlockPair = (k) => {
	const key = seedKey(k);
	return { encrypt: (b) => seedEncryptBlock(key, b), decrypt: (b) => seedDecryptBlock(key, b) };
};
const cast5: BlockPair = (k) => {
	const key = cast5Key(k);
	return { encrypt: (b) => cast5EncryptBlock(key, b), decrypt: (b) => cast5DecryptBlock(key, b) };
};
const idea: BlockPair = (k) => {
	const key = ideaKey(k);
	return { encrypt: (b) => ideaEncryptBlock(key, b), decrypt: (b) => ideaDecryptBlock(key, b) };
};
/** Families with 128-, 192- and 256-bit keys and 16-byte blocks, in every mode. */
const WIDE_FAMILIES: [string, BlockPair][] = [
	['CAMELLIA', camellia],
	['ARIA', aria],
];
/** Two-key triple DES (K1 K2 K1), as OpenSSL's des-ede-* expand a 16-byte key. */
const twoKey = (k: Uint8Array) => new Uint8Array([...k, ...k.subarray(0, 8)]);

/** DESX-CBC (OpenSSL: DES key, input whitening, output whitening, 8 bytes each). */
function desxCbcDecrypt(k: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
	const des = k.subarray(0, 8);
	const inW = k.subarray(8, 16);
	const outW = k.subarray(16, 24);
	const out = new Uint8Array(data.length);
	for (let at = 0; at < data.length; at += 8) {
		const c = data.subarray(at, at + 8);
		const x = desEcb(
			des,
			c.map((b, i) => b ^ (outW[i] ?? 0)),
			true,
		);
		const prev = at === 0 ? iv : data.subarray(at - 8, at);
		for (let i = 0; i < 8; i++) out[at + i] = (x[i] ?? 0) ^ (inW[i] ?? 0) ^ (prev[i] ?? 0);
	}
	return out;
}

interface DekCipher {
	key: number;
	/** 1 for the stream modes (CFB, OFB, CTR): no padding. */
	block: number;
	run: (k: Uint8Array, iv: Uint8Array, d: Uint8Array) => Uint8Array;
}

const aesCbc = (k: Uint8Array, iv: Uint8Array, d: Uint8Array) =>
	nobleAes().cbc(k, iv, { disablePadding: true }).decrypt(d);

/**
 * The DEK-Info schemes OpenSSL 1.1 and 3 write for legacy PEM keys and this reader decrypts: every
 * mode OpenSSL's PEM writer accepts (it refuses ECB and others without an IV) of AES, DES, two-
 * and three-key triple DES, DESX, Blowfish, RC2, CAST5, Camellia, ARIA, SM4 and SEED, and ChaCha20;
 * and IDEA in the CBC, CFB and OFB modes OpenSSL 1.1 writes (OpenSSL 3 builds leave IDEA out).
 */
const DEK_CIPHERS: Record<string, DekCipher> = {
	'DES-EDE3-CBC': { key: 24, block: 8, run: tripleDesCbcDecrypt },
	'DES-EDE-CBC': { key: 16, block: 8, run: (k, iv, d) => tripleDesCbcDecrypt(twoKey(k), iv, d) },
	'DES-CBC': { key: 8, block: 8, run: desCbcDecrypt },
	'DESX-CBC': { key: 24, block: 8, run: desxCbcDecrypt },
	'RC2-CBC': { key: 16, block: 8, run: (k, iv, d) => rc2CbcDecrypt(k, 128, iv, d) },
	'RC2-64-CBC': { key: 8, block: 8, run: (k, iv, d) => rc2CbcDecrypt(k, 64, iv, d) },
	'RC2-40-CBC': { key: 5, block: 8, run: (k, iv, d) => rc2CbcDecrypt(k, 40, iv, d) },
	// OpenSSL's bf-cbc: a 16-byte key from EVP_BytesToKey
	'BF-CBC': { key: 16, block: 8, run: blowfishCbcDecrypt },
	// EVP chacha20: the 16-byte IV is a little-endian 32-bit block counter and a 12-byte nonce
	CHACHA20: {
		key: 32,
		block: 1,
		run: (k, iv, d) =>
			chacha20(
				k,
				iv.subarray(4, 16),
				d,
				undefined,
				((iv[0] ?? 0) | ((iv[1] ?? 0) << 8) | ((iv[2] ?? 0) << 16) | ((iv[3] ?? 0) << 24)) >>> 0,
			),
	},
};
/** Block ciphers run forward by the stream modes: name, key bytes, block bytes, encryptor. */
const STREAM_BLOCKS: [string, number, number, (k: Uint8Array) => BlockFn][] = [
	['AES-128', 16, 16, aesBlock],
	['AES-192', 24, 16, aesBlock],
	['AES-256', 32, 16, aesBlock],
	['DES', 8, 8, desBlock],
	['DES-EDE', 16, 8, (k) => tdesBlock(twoKey(k))],
	['DES-EDE3', 24, 8, tdesBlock],
	['BF', 16, 8, bfBlock],
	['RC2', 16, 8, (k) => rc2BlockEncryptor(k, 128)],
	...WIDE_FAMILIES.flatMap(([family, pair]) =>
		[128, 192, 256].map((bits): [string, number, number, (k: Uint8Array) => BlockFn] => [
			`${family}-${bits}`,
			bits / 8,
			16,
			(k) => pair(k).encrypt,
		]),
	),
	['SM4', 16, 16, (k) => sm4(k).encrypt],
	['SEED', 16, 16, (k) => seed(k).encrypt],
	['CAST5', 16, 8, (k) => cast5(k).encrypt],
];
for (const [name, key, size, block] of STREAM_BLOCKS) {
	DEK_CIPHERS[`${name}-CFB`] = {
		key,
		block: 1,
		run: (k, iv, d) => cfbDecrypt(block(k), size, iv, d),
	};
	DEK_CIPHERS[`${name}-CFB8`] = { key, block: 1, run: (k, iv, d) => cfb8Decrypt(block(k), iv, d) };
	DEK_CIPHERS[`${name}-CFB1`] = { key, block: 1, run: (k, iv, d) => cfb1Decrypt(block(k), iv, d) };
	DEK_CIPHERS[`${name}-OFB`] = {
		key,
		block: 1,
		run: (k, iv, d) => ofbDecrypt(block(k), size, iv, d),
	};
	if (size === 16)
		DEK_CIPHERS[`${name}-CTR`] = {
			key,
			block: 1,
			run: (k, iv, d) => ctrDecrypt(block(k), size, iv, d),
		};
}
// CBC with our own block ciphers (noble covers AES only): name, block bytes; 16-byte keys, as
// OpenSSL's EVP_BytesToKey derives for sm4-cbc, seed-cbc, cast5-cbc and OpenSSL 1.1's idea-cbc.
for (const [name, pair, size] of [
	['SM4', sm4, 16],
	['SEED', seed, 16],
	['CAST5', cast5, 8],
	['IDEA', idea, 8],
] as const)
	DEK_CIPHERS[`${name}-CBC`] = {
		key: 16,
		block: size,
		run: (k, iv, d) => cbcDecryptWith(pair(k).decrypt, size, iv, d),
	};
// OpenSSL 1.1's idea-cfb (64-bit segments) and idea-ofb; never CFB1, CFB8 or CTR, so not in
// STREAM_BLOCKS.
DEK_CIPHERS['IDEA-CFB'] = {
	key: 16,
	block: 1,
	run: (k, iv, d) => cfbDecrypt(idea(k).encrypt, 8, iv, d),
};
DEK_CIPHERS['IDEA-OFB'] = {
	key: 16,
	block: 1,
	run: (k, iv, d) => ofbDecrypt(idea(k).encrypt, 8, iv, d),
};
for (const bits of [128, 192, 256]) {
	DEK_CIPHERS[`AES-${bits}-CBC`] = { key: bits / 8, block: 16, run: aesCbc };
	for (const [family, pair] of WIDE_FAMILIES)
		DEK_CIPHERS[`${family}-${bits}-CBC`] = {
			key: bits / 8,
			block: 16,
			run: (k, iv, d) => cbcDecryptWith(pair(k).decrypt, 16, iv, d),
		};
}

/**
 * The bytes are exactly one DER SEQUENCE whose length header spans them: checked on the header
 * before asn1js parses (asn1js throws, not fails, on some garbage such as a bad GeneralizedTime).
 */
function isOneDerSequence(b: Uint8Array): boolean {
	if (b.length < 2 || b[0] !== 0x30) return false;
	const first = b[1] ?? 0;
	let len = first;
	let header = 2;
	if (first & 0x80) {
		const n = first & 0x7f;
		if (n === 0 || n > 4 || b.length < 2 + n) return false;
		len = 0;
		for (let i = 0; i < n; i++) len = len * 256 + (b[2 + i] ?? 0);
		header += n;
	}
	if (header + len !== b.length) return false;
	try {
		const r = asn1js.fromBER(b);
		return r.offset === b.length && r.result instanceof asn1js.Sequence;
	} catch (error) {
		if (isBug(error)) throw error;
		return false; // garbage asn1js throws on (a bad time value): a wrong password, no reason needed
	}
}

/** Decrypts an OpenSSL legacy `Proc-Type: 4,ENCRYPTED` block; null when the padding is wrong. */
export async function decryptDekInfo(
	dekInfo: string,
	password: string,
	data: Uint8Array,
): Promise<Uint8Array | null> {
	const [name = '', ivHex = ''] = dekInfo.split(',').map((s) => s.trim());
	const upper = name.toUpperCase();
	const cipher = DEK_CIPHERS[upper];
	if (!cipher)
		throw new UnsupportedError(
			'key/unsupported-encryption',
			// every scheme OpenSSL 1.1 and 3 write is in DEK_CIPHERS; this is another producer's
			`OpenSSL legacy key encryption ${name} is not supported; convert the key with openssl pkcs8 -topk8 -v2 aes-256-cbc`,
		);
	const iv = fromHex(ivHex);
	if (data.length === 0 || data.length % cipher.block !== 0) return null;
	const key = bytesToKey(new TextEncoder().encode(password), iv.subarray(0, 8), cipher.key);
	await loadNobleAes(); // the AES modes of the table (nobleAes)
	const plain = cipher.run(key, iv, data);
	// A wrong password shows as bad padding (block modes), and in any mode as bytes that are not
	// one DER SEQUENCE (a padding check alone passes by chance about once in 256 tries).
	const der = cipher.block > 1 ? unpadPkcs7(plain, cipher.block) : plain;
	return der && isOneDerSequence(der) ? der : null;
}

/** How a key file says it is protected, for display. */
export function encryptedPkcs8Protection(der: Uint8Array): string {
	const top = parseDer(der);
	const alg = top instanceof asn1js.Sequence ? top.valueBlock.value[0] : null;
	return alg instanceof asn1js.Sequence ? describePbe(alg).name : 'unknown';
}

/** Decrypts a DER EncryptedPrivateKeyInfo; null when the password is wrong. */
export async function decryptPkcs8(
	der: Uint8Array,
	password: string,
	hooks: KdfHooks = {},
): Promise<Uint8Array | null> {
	const top = parseDer(der);
	if (!(top instanceof asn1js.Sequence))
		throw new ParseError('key/malformed', 'not an EncryptedPrivateKeyInfo');
	const [alg, data] = top.valueBlock.value;
	if (!(alg instanceof asn1js.Sequence) || !(data instanceof asn1js.OctetString)) {
		throw new ParseError('key/malformed', 'not an EncryptedPrivateKeyInfo');
	}
	const plain = await pbeDecrypt(
		alg,
		password,
		new Uint8Array(data.valueBlock.valueHexView),
		hooks,
	);
	if (!plain) return null;
	// A wrong password can still leave valid-looking padding: the result must parse as PKCS#8.
	const check = parseDer(plain);
	if (
		!(check instanceof asn1js.Sequence) ||
		!(check.valueBlock.value[2] instanceof asn1js.OctetString)
	)
		return null;
	return plain;
}
