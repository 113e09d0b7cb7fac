// Content keys from a WS-SecureConversation DerivedKeyToken the EncryptedData's KeyInfo references
// (WS-SecurityPolicy symmetric binding with derived keys, as WSS4J's WSSecDKEncrypt writes it):
// the DerivedKeyToken names an EncryptedKey (by Id or EncryptedKeySHA1), which a dropped private
// key unwraps; P_SHA-1 derives the content key from it.
import type { Element } from '@xmldom/xmldom';
import { sha1 } from '@noble/hashes/legacy.js';
import { toBase64 } from '../bytes/encoding';
import { derivationParams, deriveKey, WSC_NAMESPACES } from '../xmldsig/derived-key';
import { NS } from './algorithms';
import { cipherOctets } from './cipher-source';
import { child, descendants, rawText } from '../xml/dom';
import { resolveFragment } from './dom';
import { unwrapEncryptedKey, type ContentKey } from './encrypted-key';
import { isBug, reasonOf } from '../errors';
import { malformed, unsupported } from './errors';
import type { Attempt, Env } from './decryption-run';

const DEFAULT_P_SHA1 = 'http://schemas.xmlsoap.org/ws/2005/02/sc/dk/p_sha1';

export function isDerivedKeyToken(el: Element): boolean {
	return WSC_NAMESPACES.includes(el.namespaceURI ?? '') && el.localName === 'DerivedKeyToken';
}

/** The EncryptedKey a DerivedKeyToken's STR names, by #Id or by EncryptedKeySHA1. */
function baseEncryptedKey(dkt: Element, env: Env): Element | null {
	const str = child(dkt, NS.wsse, 'SecurityTokenReference');
	if (!str) throw malformed('DerivedKeyToken without SecurityTokenReference');
	const ref = child(str, NS.wsse, 'Reference');
	if (ref) {
		const target = resolveFragment(env.ids, ref.getAttribute('URI') ?? '');
		return target && target.namespaceURI === NS.xenc && target.localName === 'EncryptedKey'
			? target
			: null;
	}
	const kid = child(str, NS.wsse, 'KeyIdentifier');
	if (kid && (kid.getAttribute('ValueType') ?? '').endsWith('#EncryptedKeySHA1')) {
		const want = rawText(kid).replace(/\s+/g, '');
		return (
			descendants(env.doc, NS.xenc, 'EncryptedKey').find((ek) => {
				try {
					const octets = cipherOctets(ek, env.ids, env.files, env.droppedNames).bytes;
					return toBase64(sha1(octets)) === want;
				} catch (error) {
					// no readable cipher octets: not this token's base (that EncryptedKey reports why)
					if (isBug(error)) throw error;
					return false;
				}
			}) ?? null
		);
	}
	return null;
}

/** Yields the derived content keys of one DerivedKeyToken (one per private key that opens its base). */
export async function* derivedTokenKeys(
	dkt: Element,
	keyLength: number,
	env: Env,
	attempt: Attempt,
): AsyncGenerator<ContentKey> {
	let params;
	try {
		params = derivationParams(dkt);
	} catch (error) {
		throw malformed(reasonOf(error), error);
	}
	if (params.length !== keyLength)
		throw malformed(
			`DerivedKeyToken derives ${params.length} bytes, the data algorithm needs ${keyLength}`,
		);
	const ek = baseEncryptedKey(dkt, env);
	if (!ek)
		throw unsupported(
			'DerivedKeyToken: its base token is not an EncryptedKey of this message (SecurityContextToken and others are not supported)',
		);
	for await (const base of unwrapEncryptedKey(ek, null, env, attempt)) {
		base.source.keyDerivation = dkt.getAttribute('Algorithm') || DEFAULT_P_SHA1;
		yield { ...base, key: deriveKey(base.key, params) };
	}
}
