// The ciphertext octets of an EncryptedData or EncryptedKey: an inline CipherValue, or a
// CipherReference into the same document or to another dropped file (matched by file name).
// An EncryptedData's inline CipherValue is decoded piece by piece as it is decrypted
// (cipherPieces), so its octets are never held whole beside its text.
import type { Element } from '@xmldom/xmldom';
import { base64Pieces } from '../bytes/base64-chunks';
import { fromBase64, NOT_BASE64, utf8 } from '../bytes/encoding';
import { chunkLimits, wholePieces, type CipherPieces } from './data-cipher';
import type { InputFile } from '../pipeline';
import { NS } from './algorithms';
import { child, children, rawText } from '../xml/dom';
import { resolveFragment } from './dom';
import { malformed, unsupported } from './errors';
import { hasCode } from '../errors';

const BASE64_TRANSFORM = NS.ds + 'base64';
const XPATH_TRANSFORM = 'http://www.w3.org/TR/1999/REC-xpath-19991116';

export interface CipherOctets {
	bytes: Uint8Array;
	/** The CipherReference URI, or null for an inline CipherValue. */
	reference: string | null;
}

function decodeBase64(text: string, what: string): Uint8Array {
	try {
		return fromBase64(text);
	} catch (error) {
		if (!hasCode(error, NOT_BASE64)) throw error;
		throw malformed(`${what} is not valid base64`, error);
	}
}

/** The last path segment of a URI, for matching a dropped file by name. */
function fileNameOf(uri: string): string {
	const path = uri.replace(/[?#].*$/, '');
	return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * The one XPath form the W3C interop samples use for a same-document CipherReference:
 * `self::text()[parent::p:Name[@Id="x"]]`. General XPath is not evaluated.
 */
function xpathTarget(expr: string, ids: Map<string, Element[]>): Element | null {
	const m =
		/^\s*self::text\(\)\[parent::[\w.-]+(?::[\w.-]+)?\[@Id\s*=\s*["']([^"']+)["']\]\]\s*$/.exec(
			expr,
		);
	return m?.[1] ? resolveFragment(ids, '#' + m[1]) : null;
}

export function cipherOctets(
	owner: Element,
	ids: Map<string, Element[]>,
	files: readonly InputFile[],
	droppedNames: readonly string[] = [],
): CipherOctets {
	const cipherData = child(owner, NS.xenc, 'CipherData');
	if (!cipherData) throw malformed('has no CipherData');
	const value = child(cipherData, NS.xenc, 'CipherValue');
	if (value) return { bytes: decodeBase64(rawText(value), 'CipherValue'), reference: null };
	const ref = child(cipherData, NS.xenc, 'CipherReference');
	if (!ref) throw malformed('has neither CipherValue nor CipherReference');
	const uri = ref.getAttribute('URI') ?? '';
	const transformsEl = child(ref, NS.xenc, 'Transforms');
	const transforms = transformsEl ? children(transformsEl, NS.ds, 'Transform') : [];
	let base64 = false;
	let target: Element | null = null;
	for (const t of transforms) {
		const alg = t.getAttribute('Algorithm') ?? '';
		if (alg === BASE64_TRANSFORM) base64 = true;
		else if (alg === XPATH_TRANSFORM && uri === '') {
			target = xpathTarget(rawText(child(t, NS.ds, 'XPath')), ids);
			if (!target) {
				throw unsupported(
					'CipherReference uses an XPath transform this analyzer does not evaluate',
				);
			}
		} else throw unsupported(`CipherReference uses the unsupported transform ${alg}`);
	}
	if (uri.startsWith('cid:')) {
		throw malformed(
			`CipherReference points to the MIME attachment ${uri}, which is not part of the dropped files`,
		);
	}
	if (uri.startsWith('#') || target) {
		const el = target ?? resolveFragment(ids, uri);
		if (!el)
			throw malformed(`CipherReference target ${uri} is not in the document (or not unique)`);
		const text = rawText(el);
		if (base64)
			return { bytes: decodeBase64(text, `CipherReference ${uri || '(XPath)'}`), reference: uri };
		return { bytes: new TextEncoder().encode(text), reference: uri };
	}
	const name = fileNameOf(uri);
	const file = files.find((f) => f.name === name);
	if (!file && droppedNames.includes(name)) {
		throw malformed(
			`CipherReference points to "${uri}"; "${name}" was dropped but its bytes are not available to decryption (an unrecognized file is not handed to the stages)`,
		);
	}
	if (!file) {
		throw malformed(
			`CipherReference points to "${uri}", and no dropped file is named "${name}": add that file to decrypt this`,
		);
	}
	const bytes = file.bytes;
	return {
		bytes: base64 ? decodeBase64(utf8(bytes), `file ${name}`) : bytes,
		reference: uri,
	};
}

/** Checked CipherValues by element: a document kept between analyses is not checked again. */
const checked = new WeakMap<Element, CipherPieces | null>();

/**
 * The octets of an EncryptedData's CipherData as pieces: an inline CipherValue is checked now
 * and decoded piece by piece when read; a CipherReference's octets are resolved as above.
 */
export function cipherPieces(
	owner: Element,
	ids: Map<string, Element[]>,
	files: readonly InputFile[],
	droppedNames: readonly string[] = [],
): CipherPieces {
	const cipherData = child(owner, NS.xenc, 'CipherData');
	const value = cipherData && child(cipherData, NS.xenc, 'CipherValue');
	if (!value) return wholePieces(cipherOctets(owner, ids, files, droppedNames).bytes);
	let pieces = checked.get(value);
	if (pieces === undefined) {
		pieces = base64Pieces(rawText(value), chunkLimits.sliceChars);
		checked.set(value, pieces);
	}
	if (!pieces) throw malformed('CipherValue is not valid base64');
	return { length: pieces.length, pieces: () => pieces.pieces(), fresh: true };
}
