// The common first step for every XML input: safe parse, kept for the cross-file stages. An
// xmlsec1 keys file (<Keys xmlns="http://www.aleksey.com/xmlsec/2002">, what `xmlsec1 --keys-file`
// reads) also gives its named symmetric keys to the key ring.
import { hasCode, ParseError } from '../errors';
import type { ParseContext, ParseOutcome } from '../pipeline';
import { fromBase64, NOT_BASE64 } from '../bytes/encoding';
import { childElements, localName, NS, trimmedText } from './dom';
import { parseXml } from './safe-parse';
import type { Document } from '@xmldom/xmldom';

export const XMLSEC_KEYS_NS = 'http://www.aleksey.com/xmlsec/2002';

/** A named secret key of a keys file (the key ring's SecretKeyMaterial shape; core/xml imports no keys). */
export interface KeysFileSecret {
	id: string;
	inputName: string;
	name: string | null;
	algorithm: string;
	bytes: Uint8Array;
}

const SECRET_VALUES: Record<string, string> = {
	AESKeyValue: 'AES',
	DESKeyValue: '3DES',
	HMACKeyValue: 'HMAC',
};

/** Named AES / Triple-DES / HMAC keys of an xmlsec1 keys file (other entries are skipped). */
export function xmlsecKeysFileSecrets(doc: Document, inputName: string): KeysFileSecret[] {
	const root = doc.documentElement;
	if (!root || root.namespaceURI !== XMLSEC_KEYS_NS || localName(root) !== 'Keys') return [];
	const out: KeysFileSecret[] = [];
	for (const [i, ki] of childElements(root).entries()) {
		if (ki.namespaceURI !== NS.ds || localName(ki) !== 'KeyInfo') continue;
		const name = childElements(ki).find((e) => localName(e) === 'KeyName');
		const kv = childElements(ki).find((e) => localName(e) === 'KeyValue');
		for (const v of kv ? childElements(kv) : []) {
			const algorithm = SECRET_VALUES[localName(v)];
			if (!algorithm || v.namespaceURI !== XMLSEC_KEYS_NS) continue;
			try {
				out.push({
					id: `${inputName}#${i}`,
					inputName,
					name: name ? trimmedText(name) : null,
					algorithm,
					bytes: fromBase64(trimmedText(v).replace(/\s+/g, '')),
				});
			} catch (error) {
				if (!hasCode(error, NOT_BASE64)) throw error;
				// a value that is not base64 is no key
			}
		}
	}
	return out;
}

/**
 * A DOCTYPE whose internal subset only declares attribute lists (the XML-DSig and XML-Enc test
 * suites declare their ID attributes so) expands nothing: no ENTITY, no external subset, no
 * parameter entity. Such a subset is blanked out (spaces, so line and column numbers stay) and the
 * document parsed without it; the ID rule of xml/ids.ts already knows Id, ID and id. Any other
 * DOCTYPE, and any DOCTYPE on a SOAP envelope (SOAP forbids DTDs), is still refused by parseXml.
 */
export function withoutAttlistDoctype(text: string): string | null {
	const m =
		/<!DOCTYPE\s+([A-Za-z_][\w.:-]*)\s*\[((?:\s+|<!ATTLIST\s[^<>%"']*(?:(?:"[^"<>%]*"|'[^'<>%]*')[^<>%"']*)*>|<!--(?:[^-]|-(?!->))*-->)*)\]\s*>/.exec(
			text.slice(0, 64 * 1024),
		);
	if (!m) return null;
	const at = m.index;
	// only whitespace, an XML declaration and comments may come before it
	if (!/^(\uFEFF)?(<\?xml[^>]*\?>)?(\s|<!--(?:[^-]|-(?!->))*-->)*$/.test(text.slice(0, at)))
		return null;
	return text.slice(0, at) + m[0].replace(/[^\n]/g, ' ') + text.slice(at + m[0].length);
}

function parseAllowingAttlist(text: string): ReturnType<typeof parseXml> {
	try {
		return parseXml(text);
	} catch (error) {
		const stripped =
			error instanceof ParseError && error.code === 'xml/doctype'
				? withoutAttlistDoctype(text)
				: null;
		if (stripped === null) throw error;
		const xml = parseXml(stripped);
		const ns = xml.doc.documentElement?.namespaceURI ?? '';
		// SOAP forbids DTDs: an envelope with one stays refused
		if (ns === NS.soap11 || ns === NS.soap12) throw error;
		return xml;
	}
}

export async function parseXmlInput(ctx: ParseContext): Promise<ParseOutcome> {
	if (ctx.text === null)
		throw new ParseError('xml/not-utf8', 'The file is not UTF-8 text, so it cannot be XML');
	const xml = parseAllowingAttlist(ctx.text);
	const secretKeys = xmlsecKeysFileSecrets(xml.doc, ctx.file.name);
	return Promise.resolve({
		facts: {},
		material: secretKeys.length ? { secretKeys } : {},
		xml,
	});
}
