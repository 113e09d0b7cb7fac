// WS-SecureConversation DerivedKeyToken: P_SHA-1 (the TLS 1.0 PRF half, RFC 2246 section 5) over a
// base secret with label + nonce as seed, cut at Offset (or Generation × Length) for Length bytes.
import type { Element } from '@xmldom/xmldom';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { fromBase64, NOT_BASE64 } from '../bytes/encoding';
import { attr, child, trimmedText } from '../xml/dom';
import { BudgetError, hasCode, ParseError, UnsupportedError } from '../errors';
import { WSC_NAMESPACES } from '../xml/namespaces';

export { WSC_NAMESPACES };
const P_SHA1 = new Set(WSC_NAMESPACES.map((ns) => ns + '/dk/p_sha1'));
/** The label WS-SecureConversation uses when the token names none. */
const DEFAULT_LABEL = 'WS-SecureConversationWS-SecureConversation';
/** Longest derived key accepted (the parameters come from the message). */
const MAX_OUTPUT = 1024;

/** P_SHA-1(secret, seed) truncated to `length` bytes. */
export function pSha1(secret: Uint8Array, seed: Uint8Array, length: number): Uint8Array {
	const out = new Uint8Array(length);
	let a = seed;
	let filled = 0;
	while (filled < length) {
		a = hmac(sha1, secret, a);
		const joined = new Uint8Array(a.length + seed.length);
		joined.set(a);
		joined.set(seed, a.length);
		const block = hmac(sha1, secret, joined);
		out.set(block.subarray(0, Math.min(block.length, length - filled)), filled);
		filled += block.length;
	}
	return out;
}

export interface DerivationParams {
	nonce: Uint8Array;
	label: string;
	offset: number;
	length: number;
}

function wscChild(dkt: Element, local: string): Element | null {
	for (const ns of WSC_NAMESPACES) {
		const c = child(dkt, ns, local);
		if (c) return c;
	}
	return null;
}

/** Reads a DerivedKeyToken's parameters; throws with a plain message when they are unusable. */
export function derivationParams(dkt: Element): DerivationParams {
	const alg = attr(dkt, 'Algorithm');
	if (alg && !P_SHA1.has(alg))
		throw new UnsupportedError(
			'wssc/derivation-algorithm',
			`key derivation ${alg} is not supported (only P_SHA-1)`,
		);
	const nonceEl = wscChild(dkt, 'Nonce');
	if (!nonceEl) throw new ParseError('wssc/no-nonce', 'DerivedKeyToken has no Nonce');
	let nonce: Uint8Array;
	try {
		nonce = fromBase64(trimmedText(nonceEl).replace(/\s+/g, ''));
	} catch (error) {
		if (!hasCode(error, NOT_BASE64)) throw error;
		throw new ParseError(
			'wssc/nonce-not-base64',
			'DerivedKeyToken Nonce is not base64',
			{},
			{
				cause: error,
			},
		);
	}
	const num = (local: string): number | null => {
		const el = wscChild(dkt, local);
		if (!el) return null;
		const v = Number(trimmedText(el).trim());
		if (!Number.isInteger(v) || v < 0)
			throw new ParseError('wssc/not-a-number', `DerivedKeyToken ${local} is not a whole number`);
		return v;
	};
	const length = num('Length') ?? 32;
	const generation = num('Generation');
	const offset = num('Offset') ?? (generation !== null ? generation * length : 0);
	if (length === 0 || offset + length > MAX_OUTPUT)
		throw new BudgetError(
			'wssc/derived-length',
			`DerivedKeyToken asks for bytes ${offset}..${offset + length}: refused (limit ${MAX_OUTPUT})`,
			MAX_OUTPUT,
			offset + length,
		);
	const labelEl = wscChild(dkt, 'Label');
	return { nonce, label: labelEl ? trimmedText(labelEl) : DEFAULT_LABEL, offset, length };
}

/** The derived key for a base secret. */
export function deriveKey(secret: Uint8Array, p: DerivationParams): Uint8Array {
	const label = new TextEncoder().encode(p.label);
	const seed = new Uint8Array(label.length + p.nonce.length);
	seed.set(label);
	seed.set(p.nonce, label.length);
	return pSha1(secret, seed, p.offset + p.length).slice(p.offset);
}
