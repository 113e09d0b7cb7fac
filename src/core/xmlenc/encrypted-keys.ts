// Every EncryptedKey of a document, whatever refers to it: what it is for (content key of encrypted
// data, signing key of an HMAC signature, or nothing at all: "unlinked"), and, when a dropped
// private key opens it, its key for the signature stage (WS-Security symmetric binding).
import type { Element } from '@xmldom/xmldom';
import { sha1 } from '@noble/hashes/legacy.js';
import { toBase64 } from '../bytes/encoding';
import type { AnalysisFacts } from '../facts';
import type { KeyRing } from '../keys/keyring';
import { NS } from './algorithms';
import { WSC_NAMESPACES } from '../xml/namespaces';
import { cipherOctets } from './cipher-source';
import { child, children, descendants, isElement, rawText } from '../xml/dom';
import { elementPath, idsOf } from './dom';
import { unwrapEncryptedKey } from './encrypted-key';
import type { DecryptionFacts, EncryptedKeyFacts, KeyUsedFacts } from './facts';
import type { Env } from './decryption-run';
import { isBug } from '../errors';

const DS = NS.ds;
const WSC = WSC_NAMESPACES;
const EK_SHA1 = 'EncryptedKeySHA1';

type Use = EncryptedKeyFacts['use'];

/** EncryptedKeys unwrapped per input for signatures (beyond: classified, not opened). */
export const MAX_UNWRAPS = 32;

/** What one input's examination remembers across its decrypted levels. */
export interface ExamineState {
	/** SHA-1s (or paths) of EncryptedKeys already examined: decrypted copies repeat them. */
	seen: Set<string>;
	unwraps: number;
}

/** Who names what: `#id` URIs and EncryptedKeySHA1 KeyIdentifiers, built in one pass. */
class Referrers {
	private readonly byUri = new Map<string, Element[]>();
	private readonly bySha1 = new Map<string, Element[]>();
	constructor(all: readonly Element[]) {
		for (const el of all) {
			const uri = el.getAttribute('URI');
			if (uri?.startsWith('#')) push(this.byUri, uri, el);
			if (
				el.localName === 'KeyIdentifier' &&
				(el.getAttribute('ValueType') ?? '').endsWith(EK_SHA1)
			)
				push(this.bySha1, rawText(el).replace(/\s+/g, ''), el);
		}
	}
	/** Elements that name a target with these ids (or, for an EncryptedKey, this SHA-1). */
	of(ids: readonly string[], sha1b64: string | null): Element[] {
		const out = ids.flatMap((id) => this.byUri.get('#' + id) ?? []);
		if (sha1b64 !== null) out.push(...(this.bySha1.get(sha1b64) ?? []));
		return out;
	}
}

function push(map: Map<string, Element[]>, key: string, el: Element): void {
	const list = map.get(key);
	if (list) list.push(el);
	else map.set(key, [el]);
}

/** What a referring element sits in: encrypted data, a signature, or a DerivedKeyToken (followed once). */
function useOf(ref: Element, refs: Referrers, depth = 0): Use | null {
	for (let n = ref.parentNode; isElement(n); n = n.parentNode) {
		if (
			n.namespaceURI === NS.xenc &&
			(n.localName === 'EncryptedData' || n.localName === 'ReferenceList')
		)
			return 'data';
		if (n.namespaceURI === DS && n.localName === 'Signature') return 'signature';
		if (WSC.includes(n.namespaceURI ?? '') && n.localName === 'DerivedKeyToken' && depth === 0) {
			let best: Use | null = null;
			for (const r of refs.of(idsOf(n), null)) {
				const u = useOf(r, refs, 1);
				if (u === 'data') return 'data';
				best ??= u;
			}
			return best;
		}
	}
	return null;
}

function linkage(
	ek: Element,
	refsOf: () => Referrers,
	sha1b64: string | null,
	decryptions: readonly DecryptionFacts[],
): Use {
	const refList = child(ek, NS.xenc, 'ReferenceList');
	if (refList && children(refList, NS.xenc, 'DataReference').length) return 'data';
	for (let n = ek.parentNode; isElement(n); n = n.parentNode)
		if (n.namespaceURI === NS.xenc && n.localName === 'EncryptedData') return 'data';
	const ids = idsOf(ek);
	if (ids.some((id) => decryptions.some((d) => d.encryptedKeyId === id))) return 'data';
	// only now every element is looked at: most EncryptedKeys say what they are for themselves
	const refs = refsOf();
	let use: Use = 'unlinked';
	for (const r of refs.of(ids, sha1b64)) {
		const u = useOf(r, refs);
		if (u === 'data') return 'data';
		if (u === 'signature') use = 'signature';
	}
	return use;
}

function describe(use: Use, openedBy: KeyUsedFacts | null, tried: boolean): string {
	const by = openedBy ? `${openedBy.alias ?? openedBy.id} (${openedBy.inputName})` : null;
	switch (use) {
		case 'data':
			return by
				? `carries the key of encrypted data; opened with ${by}`
				: 'carries the key of encrypted data';
		case 'signature':
			return by
				? `the signing key of an HMAC signature; opened with ${by}, the signature is checked with it`
				: `the signing key of an HMAC signature; ${tried ? 'none of the dropped private keys opens it' : 'drop the recipient\u2019s private key to unwrap it'}, so the signature cannot be checked`;
		case 'unlinked':
			return 'unlinked: no ReferenceList/DataReference, no EncryptedData and no signature refers to this EncryptedKey, so receivers ignore it (leftover of a misconfigured sender, or content added on the way)';
	}
}

/** Examines the EncryptedKeys of one document (skipping those an earlier level of the input had). */
export async function examineEncryptedKeys(
	inputName: string,
	env: Env,
	ring: KeyRing,
	facts: AnalysisFacts,
	decryptions: readonly DecryptionFacts[],
	state: ExamineState,
): Promise<void> {
	const eks = descendants(env.doc, NS.xenc, 'EncryptedKey');
	if (!eks.length) return;
	let hmac: boolean | null = null;
	const hmacSigned = (): boolean =>
		(hmac ??= descendants(env.doc, DS, 'SignatureMethod').some((m) =>
			/hmac/i.test(m.getAttribute('Algorithm') ?? ''),
		));
	let refs: Referrers | null = null;
	const refsOf = (): Referrers => (refs ??= new Referrers(descendants(env.doc, '*', '*')));
	for (const ek of eks) {
		let sha: string | null = null;
		try {
			sha = toBase64(sha1(cipherOctets(ek, env.ids, env.files, env.droppedNames).bytes));
		} catch (error) {
			if (isBug(error)) throw error;
			// no readable cipher octets: the EncryptedData that uses it reports why
		}
		const key = sha ?? elementPath(ek);
		if (state.seen.has(key)) continue;
		state.seen.add(key);
		const use = linkage(ek, refsOf, sha, decryptions);
		let openedBy: KeyUsedFacts | null = null;
		const attempt = { tried: 0, structural: null, sources: [] };
		// a content key was already unwrapped for its data: again only when an HMAC may use it
		// each unwrap is an RSA private-key operation per candidate key: bounded per input
		const tried = !!sha && state.unwraps < MAX_UNWRAPS && (use !== 'data' || hmacSigned());
		if (sha && tried) {
			state.unwraps++;
			try {
				for await (const found of unwrapEncryptedKey(ek, null, env, attempt)) {
					openedBy = found.openedBy;
					// the secret stays in the worker's key ring, never in the facts
					if (!ring.sessionKeys.some((k) => k.sha1 === sha && k.inputName === inputName))
						ring.sessionKeys.push({
							inputName,
							sha1: sha,
							bytes: found.key,
							label: `EncryptedKey opened with ${found.openedBy.alias ?? found.openedBy.id}`,
						});
					break;
				}
			} catch (error) {
				if (isBug(error)) throw error;
				// unsupported or malformed: an EncryptedData using it reports the reason
			}
		}
		facts.encryptedKeys.push({
			inputName,
			id: idsOf(ek)[0] ?? null,
			path: elementPath(ek),
			keyTransport: child(ek, NS.xenc, 'EncryptionMethod')?.getAttribute('Algorithm') ?? null,
			use,
			sha1: sha,
			tried,
			unwrapped: openedBy !== null,
			openedBy,
			note:
				describe(use, openedBy, attempt.tried > 0) +
				(!tried && use !== 'data' && sha
					? ` (not opened: only the first ${MAX_UNWRAPS} EncryptedKeys of an input are unwrapped)`
					: ''),
		});
	}
}
