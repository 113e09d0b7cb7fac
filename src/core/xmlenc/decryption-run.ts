// Shared shapes of the decryption engine: what one run knows (Env), what a key source says about
// itself for the page (KeySourceInfo), and the bookkeeping of tries per EncryptedData (Attempt).
import type { Document, Element } from '@xmldom/xmldom';
import type { KeyRing } from '../keys/keyring';
import type { InputFile } from '../pipeline';
import type { CertIndex, Recipient } from './key-match';

export interface Env {
	ring: KeyRing;
	index: CertIndex;
	doc: Document;
	ids: Map<string, Element[]>;
	/** Files a CipherReference may name: every dropped file the stage can see. */
	files: readonly InputFile[];
	/** Names of every dropped file, also those the engine could not parse (for messages). */
	droppedNames: readonly string[];
	/**
	 * Length of the document's text, when known: what the decrypted document keeps around a
	 * large plaintext, so it can be decrypted with room for that (replace.ts spliceRoom).
	 */
	textLength?: number;
}

export interface KeySourceInfo {
	encryptedKeyId: string | null;
	keyTransport: string | null;
	oaep: { digest: string; mgf: string; params: boolean } | null;
	keyWrap: string | null;
	keyAgreement: string | null;
	keyDerivation: string | null;
	recipient: Recipient | null;
}

export function emptySourceInfo(): KeySourceInfo {
	return {
		encryptedKeyId: null,
		keyTransport: null,
		oaep: null,
		keyWrap: null,
		keyAgreement: null,
		keyDerivation: null,
		recipient: null,
	};
}

export interface Attempt {
	/** Keys tried (private keys, KEKs, secret keys): zero means "no key". */
	tried: number;
	/** First structural problem met on the way (unknown algorithm, missing reference). */
	structural: string | null;
	/** Key sources seen, in order; the first one describes the message when nothing opened it. */
	sources: KeySourceInfo[];
	/** Secret keys left out because their size does not fit the algorithm, in words. */
	sizeMismatch?: string[];
}
