// Every EncryptedKey of a document, whatever refers to it: what it is for (content key of encrypted
// data, signing key of an HMAC signature, or nothing at all: "unlinked"), and, when a dropped
// private key opens it, its key for the signature stage (WS-Security symmetric binding).
import type { Element } from '@xmldom/xmldom';
import { sha1 } from '@noble/hashes/legacy.js';
import { toBase64 } from '../bytes/encoding';
import type { KeyRing } from '../keys/keyring';
import { NS } from './algorithms';
import { cipherOctets } from './cipher-source';
import { childNs, childrenNs, descendantsNs, elementPath, idsOf, isElement, textOf } from './dom';
import { unwrapEncryptedKey } from './encrypted-key';
import type { DecryptionFacts, EncryptedKeyFacts, KeyUsedFacts } from './facts';
import type { Env } from './model';
import { addEncryptedKeyFacts, addSessionKey } from './session-keys';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const WSC = [
	'http://schemas.xmlsoap.org/ws/2005/02/sc',
	'http://docs.oasis-open.org/ws-sx/ws-secureconversation/200512',
];
const EK_SHA1 = 'EncryptedKeySHA1';

type Use = EncryptedKeyFacts['use'];

/** Elements that name `target` (by #id, or by its SHA-1 for an EncryptedKey). */
function referrers(
	all: readonly Element[],
	ids: readonly string[],
	sha1b64: string | null,
): Element[] {
	const uris = new Set(ids.map((i) => '#' + i));
	return all.filter((el) => {
		const uri = el.getAttribute('URI');
		if (uri && uris.has(uri)) return true;
		return (
			sha1b64 !== null &&
			el.localName === 'KeyIdentifier' &&
			(el.getAttribute('ValueType') ?? '').endsWith(EK_SHA1) &&
			textOf(el).replace(/\s+/g, '') === sha1b64
		);
	});
}

/** What a referring element sits in: encrypted data, a signature, or a DerivedKeyToken (followed once). */
function useOf(ref: Element, all: readonly Element[], depth = 0): Use | null {
	for (let n = ref.parentNode; isElement(n); n = n.parentNode) {
		if (
			n.namespaceURI === NS.xenc &&
			(n.localName === 'EncryptedData' || n.localName === 'ReferenceList')
		)
			return 'data';
		if (n.namespaceURI === DS && n.localName === 'Signature') return 'signature';
		if (WSC.includes(n.namespaceURI ?? '') && n.localName === 'DerivedKeyToken' && depth === 0) {
			let best: Use | null = null;
			for (const r of referrers(all, idsOf(n), null)) {
				const u = useOf(r, all, 1);
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
	allOf: () => readonly Element[],
	sha1b64: string | null,
	decryptions: readonly DecryptionFacts[],
): Use {
	const refList = childNs(ek, NS.xenc, 'ReferenceList');
	if (refList && childrenNs(refList, NS.xenc, 'DataReference').length) return 'data';
	for (let n = ek.parentNode; isElement(n); n = n.parentNode)
		if (n.namespaceURI === NS.xenc && n.localName === 'EncryptedData') return 'data';
	const ids = idsOf(ek);
	if (ids.some((id) => decryptions.some((d) => d.encryptedKeyId === id))) return 'data';
	// only now every element is looked at: most EncryptedKeys say what they are for themselves
	const all = allOf();
	let use: Use = 'unlinked';
	for (const r of referrers(all, ids, sha1b64)) {
		const u = useOf(r, all);
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

/** Examines the EncryptedKeys of one document; `seen` (SHA-1s) skips copies in decrypted documents. */
export async function examineEncryptedKeys(
	inputName: string,
	env: Env,
	ring: KeyRing,
	decryptions: readonly DecryptionFacts[],
	seen: Set<string>,
): Promise<void> {
	const eks = descendantsNs(env.doc, NS.xenc, 'EncryptedKey');
	if (!eks.length) return;
	let hmac: boolean | null = null;
	const hmacSigned = (): boolean =>
		(hmac ??= descendantsNs(env.doc, DS, 'SignatureMethod').some((m) =>
			/hmac/i.test(m.getAttribute('Algorithm') ?? ''),
		));
	let all: readonly Element[] | null = null;
	const allOf = (): readonly Element[] => (all ??= descendantsNs(env.doc, '*', '*'));
	for (const ek of eks) {
		let sha: string | null = null;
		try {
			sha = toBase64(sha1(cipherOctets(ek, env.ids, env.files, env.droppedNames).bytes));
		} catch {
			// no readable cipher octets: the EncryptedData that uses it reports why
		}
		const key = sha ?? elementPath(ek);
		if (seen.has(key)) continue;
		seen.add(key);
		const use = linkage(ek, allOf, sha, decryptions);
		let openedBy: KeyUsedFacts | null = null;
		const attempt = { tried: 0, structural: null, sources: [] };
		// a content key was already unwrapped for its data: again only when an HMAC may use it
		if (sha && (use !== 'data' || hmacSigned())) {
			try {
				for await (const found of unwrapEncryptedKey(ek, null, env, attempt)) {
					openedBy = found.openedBy;
					addSessionKey(ring, {
						inputName,
						sha1: sha,
						bytes: found.key,
						label: `EncryptedKey opened with ${found.openedBy.alias ?? found.openedBy.id}`,
					});
					break;
				}
			} catch {
				// unsupported or malformed: an EncryptedData using it reports the reason
			}
		}
		addEncryptedKeyFacts(ring, {
			inputName,
			id: idsOf(ek)[0] ?? null,
			path: elementPath(ek),
			keyTransport: childNs(ek, NS.xenc, 'EncryptionMethod')?.getAttribute('Algorithm') ?? null,
			use,
			sha1: sha,
			unwrapped: openedBy !== null,
			openedBy,
			note: describe(use, openedBy, attempt.tried > 0),
		});
	}
}
