// Keys that come from a KeyInfo without an EncryptedKey: ECDH-ES key agreement with ConcatKDF
// (xmlenc11 5.6), PBKDF2 / HKDF derived keys (xmlenc11 5.4, RFC 9231 HKDF), and named secret keys.
import type { Element } from '@xmldom/xmldom';
import { fromBase64 } from '../bytes/encoding';
import { ecdhSharedSecret } from '../crypto/ecdh';
import { syncHash } from '../crypto/hashes';
import { concatKdf, concatKdfParam, hkdf, pbkdf2 } from '../crypto/kdf';
import { CONCAT_KDF, DIGESTS, ECDH_ES, HKDF, HMAC_PRFS, NS, PBKDF2 } from './algorithms';
import { certificateKeyOrNull, type CertificateKey } from '../x509/certificate-key';
import { child, childElements, rawText } from '../xml/dom';
import { isBug, reasonOf } from '../errors';
import { malformed, unsupported } from './errors';
import type { KeyUsedFacts } from './facts';
import { readKeyInfo } from './key-info';
import { certsByName, findRecipient, orderPrivateKeys, orderSecretKeys } from './key-match';
import type { Attempt, Env, KeySourceInfo } from './decryption-run';

export interface DirectKey {
	key: Uint8Array;
	openedBy: KeyUsedFacts;
}

const CURVES: Record<string, string> = {
	'urn:oid:1.2.840.10045.3.1.7': 'P-256',
	'urn:oid:1.3.132.0.34': 'P-384',
	'urn:oid:1.3.132.0.35': 'P-521',
};

function inlineCertificateKeys(certs: readonly Uint8Array[]): (CertificateKey | null)[] {
	return certs.map((der) => certificateKeyOrNull(der));
}

type OriginatorKey = { curve: string | null; pub: { spki: Uint8Array } | { raw: Uint8Array } };

/** id-ecPublicKey (1.2.840.10045.2.1) as it appears in a SubjectPublicKeyInfo's DER. */
const EC_PUBLIC_KEY_OID = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];

function isEcSpki(spki: Uint8Array): boolean {
	const head = spki.subarray(0, 32);
	outer: for (let i = 0; i + EC_PUBLIC_KEY_OID.length <= head.length; i++) {
		for (let j = 0; j < EC_PUBLIC_KEY_OID.length; j++)
			if (head[i + j] !== EC_PUBLIC_KEY_OID[j]) continue outer;
		return true;
	}
	return false;
}

/**
 * The originator's public key(s): the one OriginatorKeyInfo carries or names; when it names one
 * no dropped file holds (a KeyName nobody dropped), every dropped EC certificate, as xmlsec1's lax
 * key search does (the key unwrap's integrity check then tells the right one).
 */
function originatorKeys(originator: Element | null, env: Env): OriginatorKey[] {
	const one = originatorKey(originator, env);
	if (one) return [one];
	if (!originator) return [];
	return env.index.certs
		.filter((c) => isEcSpki(c.info.spki))
		.map((c) => ({ curve: null, pub: { spki: c.info.spki } }));
}

function originatorKey(originator: Element | null, env: Env): OriginatorKey | null {
	if (!originator) return null;
	for (const kv of childElements(originator)) {
		if (kv.namespaceURI !== NS.ds || kv.localName !== 'KeyValue') continue;
		const ec = child(kv, NS.dsig11, 'ECKeyValue');
		const point = ec ? child(ec, NS.dsig11, 'PublicKey') : null;
		if (ec && point) {
			const uri = child(ec, NS.dsig11, 'NamedCurve')?.getAttribute('URI') ?? '';
			const curve = CURVES[uri];
			if (!curve) throw unsupported(`ECDH-ES originator key on the unsupported curve ${uri}`);
			return { curve, pub: { raw: fromBase64(rawText(point)) } };
		}
	}
	const hints = readKeyInfo(originator, env.ids);
	const inline = inlineCertificateKeys(hints.certificates).filter((c) => c !== null);
	const cert = inline[0] ?? certsByName(env.index, hints.keyNames)[0]?.info;
	if (cert) return { curve: null, pub: { spki: cert.spki } };
	const named = findRecipient(hints, env.index, []);
	const sha = named.certs[0];
	const known = sha ? env.index.bySha256(sha) : null;
	return known ? { curve: null, pub: { spki: known.info.spki } } : null;
}

async function* agreementKeys(
	method: Element,
	length: number,
	env: Env,
	attempt: Attempt,
	info: KeySourceInfo,
): AsyncGenerator<DirectKey> {
	const alg = method.getAttribute('Algorithm') ?? '';
	info.keyAgreement = alg;
	if (alg !== ECDH_ES) throw unsupported(`unsupported key agreement ${alg}`);
	const kdm = child(method, NS.xenc11, 'KeyDerivationMethod');
	const kdfAlg = kdm?.getAttribute('Algorithm') ?? '';
	info.keyDerivation = kdfAlg || null;
	if (kdfAlg !== CONCAT_KDF)
		throw unsupported(`unsupported key derivation ${kdfAlg || '(none)'} after ECDH-ES`);
	const params = kdm ? child(kdm, NS.xenc11, 'ConcatKDFParams') : null;
	const digestUri = params
		? (child(params, NS.ds, 'DigestMethod')?.getAttribute('Algorithm') ?? '')
		: '';
	const hash = DIGESTS[digestUri];
	if (!params || !hash)
		throw unsupported(`ConcatKDF without a supported DigestMethod (${digestUri})`);
	let otherInfo: Uint8Array;
	try {
		const parts = ['AlgorithmID', 'PartyUInfo', 'PartyVInfo', 'SuppPubInfo', 'SuppPrivInfo'].map(
			(a) => concatKdfParam(params.getAttribute(a)),
		);
		otherInfo = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
		let at = 0;
		for (const p of parts) {
			otherInfo.set(p, at);
			at += p.length;
		}
	} catch (error) {
		throw malformed(`ConcatKDFParams: ${reasonOf(error)}`, error);
	}
	const origins = originatorKeys(child(method, NS.xenc, 'OriginatorKeyInfo'), env);
	if (!origins.length) throw malformed('ECDH-ES without a readable originator public key');
	const recipientHints = readKeyInfo(child(method, NS.xenc, 'RecipientKeyInfo'), env.ids);
	const recipient = findRecipient(
		recipientHints,
		env.index,
		inlineCertificateKeys(recipientHints.certificates).filter((c) => c !== null),
	);
	info.recipient ??= recipient;
	const keys = orderPrivateKeys(
		env.ring,
		env.index,
		'EC',
		recipient.certs,
		recipientHints.keyNames,
	);
	for (const origin of origins)
		for (const { key } of keys) {
			if (origin.curve && key.curve !== origin.curve) continue;
			attempt.tried++;
			let kek: Uint8Array;
			try {
				const z = await ecdhSharedSecret(
					key.pkcs8,
					key.curve ?? origin.curve ?? 'P-256',
					origin.pub,
				);
				kek = concatKdf(syncHash(hash), z, otherInfo, length);
			} catch (error) {
				// this key does not fit the originator's curve or derivation: the next may (the EncryptedData says if none did)
				if (isBug(error)) throw error;
				continue;
			}
			const cert = env.index.certsOfKey(key)[0] ?? null;
			yield {
				key: kek,
				openedBy: {
					kind: 'private-key',
					id: key.id,
					inputName: key.inputName,
					alias: key.alias,
					certSha256: cert,
					certSubject: cert ? (env.index.bySha256(cert)?.info.subjectName ?? null) : null,
				},
			};
		}
}

async function* derivedKeys(
	derived: Element,
	length: number,
	env: Env,
	attempt: Attempt,
	info: KeySourceInfo,
): AsyncGenerator<DirectKey> {
	const kdm = child(derived, NS.xenc11, 'KeyDerivationMethod');
	const alg = kdm?.getAttribute('Algorithm') ?? '';
	info.keyDerivation = alg || null;
	const master = rawText(child(derived, NS.xenc11, 'MasterKeyName')).trim();
	let derive: (secret: Uint8Array) => Promise<Uint8Array>;
	if (alg === PBKDF2 && kdm) {
		const p = child(kdm, NS.xenc11, 'PBKDF2-params');
		const salt = p ? child(child(p, NS.xenc11, 'Salt') ?? p, NS.xenc11, 'Specified') : null;
		const prf = HMAC_PRFS[(p && child(p, NS.xenc11, 'PRF')?.getAttribute('Algorithm')) ?? ''];
		const iterations = Number(rawText(p && child(p, NS.xenc11, 'IterationCount')));
		const keyLength = Number(rawText(p && child(p, NS.xenc11, 'KeyLength')) || length);
		if (!p || !salt || !prf || !Number.isSafeInteger(iterations) || iterations < 1) {
			throw unsupported('PBKDF2 derived key with missing or unsupported parameters');
		}
		const saltBytes = fromBase64(rawText(salt));
		derive = (secret) => pbkdf2(prf, secret, saltBytes, iterations, keyLength);
	} else if (alg === HKDF && kdm) {
		const p = child(kdm, NS.dsigMore2021, 'HKDFParams');
		const prf = HMAC_PRFS[(p && child(p, NS.dsigMore2021, 'PRF')?.getAttribute('Algorithm')) ?? ''];
		if (!p || !prf) throw unsupported('HKDF derived key with missing or unsupported parameters');
		const saltEl = child(p, NS.dsigMore2021, 'Salt');
		const infoEl = child(p, NS.dsigMore2021, 'Info');
		const salt = saltEl ? fromBase64(rawText(saltEl)) : new Uint8Array();
		const infoBytes = infoEl ? fromBase64(rawText(infoEl)) : new Uint8Array();
		const keyLength = Number(rawText(child(p, NS.dsigMore2021, 'KeyLength')) || length);
		derive = (secret) => hkdf(prf, secret, salt, infoBytes, keyLength);
	} else {
		throw unsupported(`unsupported key derivation ${alg || '(none)'}`);
	}
	for (const { key } of orderSecretKeys(env.ring, master ? [master] : [], null)) {
		attempt.tried++;
		yield { key: await derive(key.bytes), openedBy: secretKeyUsed(key) };
	}
}

export function secretKeyUsed(key: {
	id: string;
	inputName: string;
	name: string | null;
}): KeyUsedFacts {
	return {
		kind: 'secret-key',
		id: key.id,
		inputName: key.inputName,
		alias: key.name,
		certSha256: null,
		certSubject: null,
	};
}

/**
 * Symmetric keys a KeyInfo yields by itself (for an EncryptedKey's KEK or an EncryptedData's
 * content key): key agreement, a derived key, or secret keys (named first, then all that fit).
 */
export async function* directKeys(
	keyInfo: Element | null,
	length: number,
	env: Env,
	attempt: Attempt,
	info: KeySourceInfo,
	includeUnnamed: boolean,
): AsyncGenerator<DirectKey> {
	if (keyInfo) {
		const agreement = child(keyInfo, NS.xenc, 'AgreementMethod');
		if (agreement) {
			yield* agreementKeys(agreement, length, env, attempt, info);
			return;
		}
		const derived = child(keyInfo, NS.xenc11, 'DerivedKey');
		if (derived) {
			yield* derivedKeys(derived, length, env, attempt, info);
			return;
		}
	}
	const names = keyInfo ? readKeyInfo(keyInfo, env.ids).keyNames : [];
	const ordered = orderSecretKeys(env.ring, names, length);
	// a key of the wrong size is named with the size the algorithm needs instead of being tried
	const unfit = env.ring.secretKeys.filter(
		(k) => k.bytes.length !== length && (ordered.some((o) => o.key === k) || !ordered.length),
	);
	if (unfit.length) {
		attempt.sizeMismatch ??= [];
		for (const k of unfit)
			attempt.sizeMismatch.push(
				`the secret key ${k.name ?? k.inputName} is ${k.bytes.length} bytes; this algorithm needs a ${length}-byte (${length * 8}-bit) key`,
			);
	}
	for (const { key, matched } of ordered) {
		if (key.bytes.length !== length) continue;
		if (!matched && !includeUnnamed) continue;
		attempt.tried++;
		yield { key: key.bytes, openedBy: secretKeyUsed(key) };
	}
}
