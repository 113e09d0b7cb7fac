// Decrypts one EncryptedData: finds its content key (EncryptedKeys in its KeyInfo or pointing to
// it through a ReferenceList, key agreement, named secret keys; then every other candidate, as
// xmlsec's lax key search does) and decrypts the CipherData with it.
import type { Element } from '@xmldom/xmldom';
import {
	ATTACHMENT_TYPES,
	DATA_ALGORITHMS,
	NS,
	shortName,
	TYPE_CONTENT,
	TYPE_ELEMENT,
} from './algorithms';
import { cipherPieces } from './cipher-source';
import {
	checkCipherShape,
	decryptPlaintext,
	type CipherPieces,
	type Plaintext,
} from './data-cipher';
import { child, children, descendants, isElement, rawText } from '../xml/dom';
import { idOf, idsOf } from './dom';
import { cryptoFailureMessage, isCryptoFailure, isStructural } from './errors';
import type { KeyUsedFacts } from './facts';
import { directKeys } from './key-agreement';
import { encryptedKeysOf, readKeyInfo } from './key-info';
import { unwrapEncryptedKey, type ContentKey } from './encrypted-key';
import { derivedTokenKeys, isDerivedKeyToken } from './derived-token';
import { spliceRoom } from './replace';
import { emptySourceInfo, type Attempt, type Env, type KeySourceInfo } from './decryption-run';

export type DataOutcome =
	| { status: 'decrypted'; plaintext: Plaintext; openedBy: KeyUsedFacts; source: KeySourceInfo }
	| {
			status: 'no-key' | 'failed';
			failure: 'crypto' | 'structural' | 'no-key';
			message: string;
			source: KeySourceInfo | null;
	  };

export interface DataHeader {
	algorithm: string;
	type: 'element' | 'content' | 'attachment' | 'other';
	typeUri: string | null;
	mimeType: string | null;
	cipherReference: string | null;
}

export function readHeader(ed: Element): DataHeader {
	const typeUri = ed.getAttribute('Type') || null;
	const type =
		typeUri === TYPE_ELEMENT
			? 'element'
			: typeUri === TYPE_CONTENT
				? 'content'
				: typeUri && ATTACHMENT_TYPES.has(typeUri)
					? 'attachment'
					: 'other';
	const ref = child(child(ed, NS.xenc, 'CipherData') ?? ed, NS.xenc, 'CipherReference');
	return {
		algorithm: child(ed, NS.xenc, 'EncryptionMethod')?.getAttribute('Algorithm') ?? '',
		type,
		typeUri,
		mimeType: ed.getAttribute('MimeType') || null,
		cipherReference: ref ? (ref.getAttribute('URI') ?? '') : null,
	};
}

/** IDs a DataReference may use for this EncryptedData (its own, or its EncryptedHeader's). */
function referenceIds(ed: Element): string[] {
	const ids = idsOf(ed);
	const parent = ed.parentNode;
	if (isElement(parent) && parent.localName === 'EncryptedHeader') ids.push(...idsOf(parent));
	return ids;
}

function referencesTo(ek: Element, ids: readonly string[]): boolean {
	const list = child(ek, NS.xenc, 'ReferenceList');
	if (!list) return false;
	return children(list, NS.xenc, 'DataReference').some((r) => {
		const uri = r.getAttribute('URI') ?? '';
		return uri.startsWith('#') && ids.includes(decodeURIComponent(uri.slice(1)));
	});
}

/** EncryptedKeys in the order they should be tried for this EncryptedData. */
function candidateKeys(
	ed: Element,
	env: Env,
	keyNames: readonly string[],
): { named: Element[]; rest: Element[] } {
	const keyInfo = child(ed, NS.ds, 'KeyInfo');
	const hints = readKeyInfo(keyInfo, env.ids);
	const all = descendants(env.doc, NS.xenc, 'EncryptedKey');
	const ids = referenceIds(ed);
	const named = [
		...encryptedKeysOf(keyInfo, hints),
		...all.filter((ek) => referencesTo(ek, ids)),
		...all.filter((ek) => {
			const carried = rawText(child(ek, NS.xenc, 'CarriedKeyName')).trim();
			return carried !== '' && keyNames.includes(carried);
		}),
	];
	const unique = [...new Set(named)];
	// Lax search: EncryptedKeys that do not say they belong to another EncryptedData.
	const rest = all.filter((ek) => !unique.includes(ek) && !child(ek, NS.xenc, 'ReferenceList'));
	return { named: unique, rest };
}

async function* contentKeys(
	ed: Element,
	keyLength: number,
	env: Env,
	attempt: Attempt,
): AsyncGenerator<ContentKey> {
	const keyInfo = child(ed, NS.ds, 'KeyInfo');
	const keyNames = readKeyInfo(keyInfo, env.ids).keyNames;
	const { named, rest } = candidateKeys(ed, env, keyNames);
	const tryKeys = async function* (list: readonly Element[]): AsyncGenerator<ContentKey> {
		for (const ek of list) {
			try {
				yield* unwrapEncryptedKey(ek, keyLength, env, attempt);
			} catch (error) {
				if (!isStructural(error)) throw error;
				attempt.structural ??= error.message;
			}
		}
	};
	// a DerivedKeyToken the KeyInfo references: its key comes from an EncryptedKey through P_SHA-1
	for (const dkt of readKeyInfo(keyInfo, env.ids).references.filter(isDerivedKeyToken)) {
		try {
			yield* derivedTokenKeys(dkt, keyLength, env, attempt);
		} catch (error) {
			if (!isStructural(error)) throw error;
			attempt.structural ??= error.message;
		}
	}
	yield* tryKeys(named);
	const direct = emptySourceInfo();
	try {
		for await (const k of directKeys(keyInfo, keyLength, env, attempt, direct, false)) {
			yield { ...k, source: direct };
		}
	} catch (error) {
		if (!isStructural(error)) throw error;
		attempt.structural ??= error.message;
	}
	if (direct.keyAgreement || direct.keyDerivation) attempt.sources.push(direct);
	yield* tryKeys(rest);
	// Finally every secret key of the right length (the KeyInfo may name nothing at all).
	if (!direct.keyAgreement && !direct.keyDerivation) {
		const lax = emptySourceInfo();
		for await (const k of directKeys(null, keyLength, env, attempt, lax, true))
			yield { ...k, source: lax };
	}
}

/** The algorithms of the first EncryptedKey meant for this EncryptedData, read without unwrapping. */
function peekSource(ed: Element, env: Env): KeySourceInfo | null {
	const keyInfo = child(ed, NS.ds, 'KeyInfo');
	const ek = candidateKeys(ed, env, readKeyInfo(keyInfo, env.ids).keyNames).named[0];
	if (!ek) return null;
	const info = emptySourceInfo();
	info.encryptedKeyId = idOf(ek);
	info.keyTransport = child(ek, NS.xenc, 'EncryptionMethod')?.getAttribute('Algorithm') || null;
	return info;
}

export async function decryptEncryptedData(
	ed: Element,
	header: DataHeader,
	env: Env,
): Promise<DataOutcome> {
	const attempt: Attempt = { tried: 0, structural: null, sources: [] };
	const cipher = DATA_ALGORITHMS[header.algorithm];
	const structural = (message: string): DataOutcome => ({
		status: 'failed',
		failure: 'structural',
		message,
		source: attempt.sources[0] ?? peekSource(ed, env),
	});
	if (header.type === 'attachment') {
		return structural(
			`encrypts a SOAP attachment (${shortName(header.typeUri)}): the MIME part is not part of the dropped files, so it was skipped`,
		);
	}
	if (!header.algorithm) return structural('EncryptedData has no EncryptionMethod');
	if (!cipher) {
		return structural(
			`uses the unsupported data encryption algorithm ${shortName(header.algorithm)} (${header.algorithm})`,
		);
	}
	let octets: CipherPieces;
	try {
		octets = cipherPieces(ed, env.ids, env.files, env.droppedNames);
		checkCipherShape(cipher, octets.length);
	} catch (error) {
		if (isStructural(error)) return structural(error.message);
		throw error;
	}
	// the rest of the document: its text less this CipherValue's (an inline one is in it)
	const value = child(child(ed, NS.xenc, 'CipherData') ?? ed, NS.xenc, 'CipherValue');
	const room =
		env.textLength === undefined
			? 0
			: spliceRoom(octets.length, env.textLength - (value ? rawText(value).length : 0));
	for await (const ck of contentKeys(ed, cipher.keyLength, env, attempt)) {
		try {
			const plaintext = await decryptPlaintext(cipher, ck.key, octets, { room });
			return { status: 'decrypted', plaintext, openedBy: ck.openedBy, source: ck.source };
		} catch (error) {
			if (isCryptoFailure(error)) continue;
			if (isStructural(error)) return structural(error.message);
			throw error;
		}
	}
	const source = attempt.sources[0] ?? null;
	const sizes = [...new Set(attempt.sizeMismatch ?? [])];
	if (attempt.tried === 0) {
		if (attempt.structural) return structural(attempt.structural);
		if (sizes.length) return structural(`no key of the right size: ${sizes.join('; ')}`);
		return { status: 'no-key', failure: 'no-key', message: noKeyMessage(source), source };
	}
	return {
		status: 'failed',
		failure: 'crypto',
		message:
			cryptoFailureMessage(recipientText(source)) +
			(sizes.length ? ` (not tried: ${sizes.join('; ')})` : ''),
		source,
	};
}

function recipientText(source: KeySourceInfo | null): string | null {
	const r = source?.recipient?.facts;
	if (!r) return null;
	return r.certSubject ?? r.references[0] ?? null;
}

function noKeyMessage(source: KeySourceInfo | null): string {
	const who = recipientText(source);
	if (who)
		return `no key opens this; it was encrypted for ${who}: add that recipient's private key or keystore`;
	return "no key opens this: add the recipient's private key or keystore, or the secret key as a raw key";
}
