// The decryption stage: runs after certificates and before signatures, so signatures
// are verified over the plaintext too (sign-then-encrypt) as well as over the ciphertext.
// For every XML document it decrypts each EncryptedData with the key ring, records the facts and
// appends the decrypted document to ctx.documents.
import type { Document, Element } from '@xmldom/xmldom';
import type { AnalysisFacts } from '../facts';
import type { InputFile, Stage, StageContext, XmlDocumentRef } from '../pipeline';
import { DATA_ALGORITHMS, NS } from './algorithms';
import { describeFailure } from '../errors';
import { cryptoFailureMessage } from './errors';
import { descendants, isElement, rawText } from '../xml/dom';
import { buildIdIndex, elementPath, idOf } from './dom';
import { decryptEncryptedData, readHeader, type DataOutcome } from './encrypted-data';
import { examineEncryptedKeys } from './encrypted-keys';
import { DISPLAY_LIMIT, type DecryptionFacts } from './facts';
import { CertIndex } from './key-match';
import type { Env } from './decryption-run';
import { headOf, replaceDecrypted, type Replacement } from './replace';
import { plaintextHead, releasePlaintext } from './data-cipher';

function locationOf(ed: Element): DecryptionFacts['location'] {
	const parent = ed.parentNode;
	if (isElement(parent) && parent.localName === 'EncryptedHeader') return 'header';
	for (let n = parent; isElement(n); n = n.parentNode) {
		if (n.localName === 'Body' && (n.namespaceURI === NS.soap11 || n.namespaceURI === NS.soap12)) {
			return n === parent ? 'body' : 'body-part';
		}
		if (n.localName === 'Security' && n.namespaceURI === NS.wsse) return 'security-header';
	}
	return 'other';
}

/** The message's WS-Addressing To (either namespace), if any. */
export function wsaToOf(doc: Document): string | null {
	for (const ns of [NS.wsa, NS.wsa2004]) {
		const el = descendants(doc, ns, 'To')[0];
		if (el) return rawText(el).trim() || null;
	}
	return null;
}

function toFacts(
	inputName: string,
	ed: Element,
	outcome: DataOutcome,
	wsaTo: string | null,
	plaintextSha256: string | null,
	/** The page's head when known without the octets (a spliced plaintext's, set later). */
	known?: { text: string; truncated: boolean },
): DecryptionFacts {
	const header = readHeader(ed);
	const source = outcome.source;
	const base: DecryptionFacts = {
		inputName,
		encryptedDataId: idOf(ed),
		dataAlgorithm: header.algorithm,
		keyTransport: source?.keyTransport ?? null,
		status: outcome.status,
		path: elementPath(ed),
		location: locationOf(ed),
		type: header.type,
		typeUri: header.typeUri,
		mimeType: header.mimeType,
		encryptedKeyId: source?.encryptedKeyId ?? null,
		oaep: source?.oaep ?? null,
		keyWrap: source?.keyWrap ?? null,
		keyAgreement: source?.keyAgreement ?? null,
		keyDerivation: source?.keyDerivation ?? null,
		cipherReference: header.cipherReference,
		failure: null,
		openedBy: null,
		recipient: source?.recipient?.facts ?? null,
		wsaTo,
	};
	if (outcome.status === 'decrypted') {
		const head = known ?? plaintextHead(outcome.plaintext, DISPLAY_LIMIT);
		return {
			...base,
			plaintextSha256: plaintextSha256 ?? undefined,
			openedBy: outcome.openedBy,
			plaintext: head.text,
			...(head.truncated ? { plaintextTruncated: true } : {}),
		};
	}
	return { ...base, failure: outcome.failure, error: outcome.message };
}

function asCryptoFailure(f: DecryptionFacts): DecryptionFacts {
	const { plaintext: _p, plaintextSha256: _h, plaintextTruncated: _t, ...rest } = f;
	return {
		...rest,
		status: 'failed',
		failure: 'crypto',
		openedBy: null,
		error: cryptoFailureMessage(f.recipient?.certSubject ?? f.recipient?.references[0]),
	};
}

/** Identity of an EncryptedData across copies of a document: its Id and ciphertext start. */
function identity(ed: Element): string {
	const value = descendants(ed, NS.xenc, 'CipherValue').pop();
	return `${idOf(ed) ?? ''}\u0000${rawText(value ?? null).slice(0, 200)}\u0000${readHeader(ed).cipherReference ?? ''}`;
}

/**
 * Levels of encrypted content decrypted (an EncryptedData inside decrypted content is the next
 * level); deeper ones are reported, not decrypted: each level copies the document.
 */
export const MAX_LEVELS = 8;

/**
 * Every dropped file the stage can reach: `ctx.files` (all files, when the pipeline provides
 * them) or the parsed inputs. A CipherReference target is often a binary file no parser accepts.
 */
function stageFiles(ctx: StageContext): readonly InputFile[] {
	const all = (ctx as StageContext & { files?: readonly InputFile[] }).files;
	return all ?? ctx.inputs.map((i) => i.file);
}

function envOf(
	facts: AnalysisFacts,
	xml: XmlDocumentRef['xml'],
	ctx: StageContext,
	index: CertIndex,
): Env {
	return {
		ring: ctx.keyring,
		index,
		doc: xml.doc,
		ids: buildIdIndex(xml.doc),
		files: stageFiles(ctx),
		droppedNames: facts.inputs.map((i) => i.name),
		textLength: xml.text.length,
	};
}

/** EncryptedData decrypted per document; the rest are listed as not decrypted, naming the bound. */
export const MAX_ENCRYPTED_DATA = 256;

/** EncryptedData found inside MAX_LEVELS levels of decrypted content: named, not decrypted. */
function tooDeep(ref: XmlDocumentRef, seen: Set<string>): DecryptionFacts[] {
	const doc = ref.xml.doc;
	const wsaTo = wsaToOf(doc);
	return descendants(doc, NS.xenc, 'EncryptedData')
		.filter((ed) => !seen.has(identity(ed)))
		.map((ed) => ({
			...toFacts(
				ref.inputName,
				ed,
				{
					status: 'failed',
					failure: 'structural',
					message: `not decrypted: encrypted again inside ${MAX_LEVELS} levels of decrypted content (the analyzer stops at ${MAX_LEVELS} levels; each level copies the document)`,
					source: null,
				},
				wsaTo,
				null,
			),
		}));
}

async function decryptDocument(
	facts: AnalysisFacts,
	ref: XmlDocumentRef,
	ctx: StageContext,
	index: CertIndex,
	seen: Set<string>,
): Promise<{ facts: DecryptionFacts[]; decrypted: XmlDocumentRef | null }> {
	const doc = ref.xml.doc;
	const all = descendants(doc, NS.xenc, 'EncryptedData');
	const fresh = new Set(all.filter((ed) => !seen.has(identity(ed))));
	if (!fresh.size) return { facts: [], decrypted: null };
	for (const ed of fresh) seen.add(identity(ed));
	const eds = all;
	const env = envOf(facts, ref.xml, ctx, index);
	const wsaTo = wsaToOf(doc);
	const out: DecryptionFacts[] = [];
	const replacements: Replacement[] = [];
	const positions: number[] = [];
	let tried = 0;
	for (const [i, ed] of eds.entries()) {
		if (!fresh.has(ed)) continue;
		ctx.signal.throwIfAborted();
		if (++tried > MAX_ENCRYPTED_DATA) {
			// named, not decrypted: 2,001 EncryptedData in 2 MB took 58 s
			const message = `not decrypted: this document holds ${eds.length.toLocaleString('en')} EncryptedData elements; the analyzer decrypts at most ${MAX_ENCRYPTED_DATA} per document`;
			const skipped: DataOutcome = {
				status: 'failed',
				failure: 'structural',
				message,
				source: null,
			};
			out.push(toFacts(ref.inputName, ed, skipped, wsaTo, null));
			positions.push(i);
			continue;
		}
		ctx.progress(
			`${ref.inputName}: decrypting ${i + 1} of ${eds.length}`,
			i / eds.length,
			ctx.inputs.find((p) => p.file.name === ref.inputName)?.file.id,
		);
		const header = readHeader(ed);
		let outcome: DataOutcome;
		try {
			outcome = await decryptEncryptedData(ed, header, env);
		} catch (error) {
			if (ctx.signal.aborted) throw error;
			// An input the steps above did not anticipate, or a bug: this element fails with a
			// specific message (a budget names its bound), the rest goes on.
			outcome = {
				status: 'failed',
				failure: 'structural',
				message: `could not be processed: ${describeFailure(error, 'decrypting').message}`,
				source: null,
			};
		}
		let hash: string | null = null;
		let spliced = false;
		if (outcome.status === 'decrypted') {
			hash = outcome.plaintext.sha256;
			if (header.type === 'element' || header.type === 'content') {
				replacements.push({ index: i, octets: outcome.plaintext.octets, type: header.type });
				spliced = true;
			}
		}
		// a spliced plaintext's head is set from the decrypted document's text below: made from
		// the octets now, 1 MB of it sat beside the octets and the document while it was made
		const later = spliced ? { text: '', truncated: false } : undefined;
		out.push(toFacts(ref.inputName, ed, outcome, wsaTo, hash, later));
		positions.push(i);
		// described: octets no document takes are freed now (replaceDecrypted frees the others)
		if (outcome.status === 'decrypted' && !spliced) releasePlaintext(outcome.plaintext);
	}
	if (!replacements.length) return { facts: out, decrypted: null };
	const { document, errors, texts } = replaceDecrypted(ref.xml, replacements);
	for (const [i, text] of texts) {
		const f = out[positions.indexOf(i)];
		if (f?.status !== 'decrypted') continue;
		const head = headOf(text, DISPLAY_LIMIT);
		f.plaintext = head.text;
		if (head.truncated) f.plaintextTruncated = true;
	}
	for (const [i, message] of errors) {
		const at = positions.indexOf(i);
		const f = out[at];
		if (!f) continue;
		if (DATA_ALGORITHMS[f.dataAlgorithm]?.kind === 'aes-gcm') f.documentError = message;
		// CBC is unauthenticated: "decrypted but not XML" against "could not be decrypted" is the
		// oracle of the CBC attack on XML Encryption, so it gets the one cryptographic message.
		else out[at] = asCryptoFailure(f);
	}
	return {
		facts: out,
		decrypted: document ? { inputName: ref.inputName, xml: document, origin: 'decrypted' } : null,
	};
}

export const stage: Stage = async (facts: AnalysisFacts, ctx: StageContext) => {
	// no XML dropped: nothing to decrypt, and no reason to index every certificate (cacerts)
	if (!ctx.documents.some((d) => d.origin === 'input')) return;
	const index = new CertIndex(ctx.keyring);
	for (const ref of [...ctx.documents]) {
		if (ref.origin !== 'input') continue;
		const seen = new Set<string>();
		const levels: XmlDocumentRef[] = [ref];
		const before = facts.decryptions.length;
		let current: XmlDocumentRef | null = ref;
		for (let level = 0; current && level < MAX_LEVELS; level++) {
			const { facts: found, decrypted } = await decryptDocument(facts, current, ctx, index, seen);
			facts.decryptions.push(...found);
			if (decrypted) {
				ctx.documents.push(decrypted);
				levels.push(decrypted);
			}
			current = decrypted;
		}
		if (current) facts.decryptions.push(...tooDeep(current, seen));
		// EncryptedKeys (also those only a signature uses, or nothing): after the data, so a key
		// already used for data is known as such
		const mine = facts.decryptions.slice(before);
		const eks = { seen: new Set<string>(), unwraps: 0 };
		for (const doc of levels) {
			ctx.signal.throwIfAborted();
			// most messages have none: no ID index for them
			if (!descendants(doc.xml.doc, NS.xenc, 'EncryptedKey').length) continue;
			const env = envOf(facts, doc.xml, ctx, index);
			await examineEncryptedKeys(ref.inputName, env, ctx.keyring, facts, mine, eks);
		}
	}
};
