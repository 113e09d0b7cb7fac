// The detail view of one certificate: names, dates, key and PEM; its extensions as text lines
// (certificateExtensions) and raw ASN.1 tree (certificateAsn1) are built when the page opens them.
import * as asn1js from 'asn1js';
import { toArrayBuffer, toHex } from '../bytes/encoding';
import type { Asn1Node, CertificateFacts, CertificateView, ExtensionView } from './facts';
import { EXTENSION_NAMES } from './oids';
import { toPem } from './pem';
import { extensionLines, extensionName, readExtensions } from './extensions';

const MAX_NODES = 2000;
const MAX_DEPTH = 24;

const UNIVERSAL: Record<number, string> = {
	1: 'BOOLEAN',
	2: 'INTEGER',
	3: 'BIT STRING',
	4: 'OCTET STRING',
	5: 'NULL',
	6: 'OBJECT IDENTIFIER',
	10: 'ENUMERATED',
	12: 'UTF8String',
	16: 'SEQUENCE',
	17: 'SET',
	19: 'PrintableString',
	20: 'T61String',
	22: 'IA5String',
	23: 'UTCTime',
	24: 'GeneralizedTime',
	26: 'VisibleString',
	30: 'BMPString',
};

/** Bounded ASN.1 tree for display: labels and short values, never the whole content. */
export function asn1Tree(value: asn1js.AsnType, budget = { nodes: 0 }, depth = 0): Asn1Node {
	budget.nodes++;
	const id = value.idBlock;
	const label =
		id.tagClass === 1
			? (UNIVERSAL[id.tagNumber] ?? `UNIVERSAL ${id.tagNumber}`)
			: `[${id.tagNumber}]`;
	const node: Asn1Node = { label };
	if (value instanceof asn1js.ObjectIdentifier) {
		const oid = value.valueBlock.toString();
		node.value = EXTENSION_NAMES[oid] ? `${oid} (${EXTENSION_NAMES[oid]})` : oid;
	} else if (value instanceof asn1js.Integer) {
		// Hex only what is shown: a truststore has hundreds of 2048-bit moduli.
		const bytes = new Uint8Array(value.valueBlock.valueHexView);
		node.value =
			bytes.length > 32
				? `${bytes.length * 8} bits: ${toHex(bytes.subarray(0, 16))}…`
				: toHex(bytes);
	} else if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
		node.value = value.toDate().toISOString();
	} else if (value instanceof asn1js.BaseStringBlock) {
		node.value = value.getValue();
	} else if (value instanceof asn1js.Boolean) {
		node.value = String(value.valueBlock.value);
	}
	const kids = value instanceof asn1js.Constructed ? value.valueBlock.value : [];
	if (kids.length > 0) {
		if (depth >= MAX_DEPTH || budget.nodes >= MAX_NODES) {
			node.value = `${kids.length} more elements`;
		} else {
			node.children = kids.map((k) => asn1Tree(k, budget, depth + 1));
		}
	} else if (
		(value instanceof asn1js.OctetString || value instanceof asn1js.BitString) &&
		!node.value
	) {
		const bytes = new Uint8Array(value.valueBlock.valueHexView);
		node.value =
			bytes.length > 32 ? `${bytes.length} bytes: ${toHex(bytes.subarray(0, 24))}…` : toHex(bytes);
	}
	return node;
}

/**
 * The raw ASN.1 tree of a certificate, built when the page opens it: a truststore holds ~150
 * certificates whose trees nobody looks at, and building and posting them all cost more than
 * the rest of their analysis.
 */
export function certificateAsn1(der: Uint8Array): Asn1Node {
	const parsed = asn1js.fromBER(toArrayBuffer(der));
	return parsed.offset === -1 ? { label: 'unparsable' } : asn1Tree(parsed.result);
}

/** Every extension decoded to text lines, built when the page opens the extensions. */
export function certificateExtensions(der: Uint8Array): ExtensionView[] {
	const parsed = asn1js.fromBER(toArrayBuffer(der));
	const tbs = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value[0] : null;
	if (parsed.offset === -1 || !(tbs instanceof asn1js.Sequence)) return [];
	return readExtensions(tbs).map((e) => ({
		oid: e.oid,
		name: extensionName(e.oid),
		critical: e.critical,
		lines: extensionLines(e),
	}));
}

/** Number of extensions: the children of the TBSCertificate's [3] wrapper, nothing decoded. */
function extensionCount(tree: asn1js.AsnType | undefined): number {
	const tbs = tree instanceof asn1js.Sequence ? tree.valueBlock.value[0] : null;
	if (!(tbs instanceof asn1js.Sequence)) return 0;
	const wrapper = tbs.valueBlock.value.find(
		(v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 3,
	);
	const list = wrapper instanceof asn1js.Constructed ? wrapper.valueBlock.value[0] : null;
	return list instanceof asn1js.Sequence ? list.valueBlock.value.length : 0;
}

/** `tree` is the certificate as certificateFactsAndTree decoded it (decoded here when absent). */
export function certificateView(
	der: Uint8Array,
	f: CertificateFacts,
	tree?: asn1js.Sequence,
): CertificateView {
	const parsed = tree ? { offset: 0, result: tree } : asn1js.fromBER(toArrayBuffer(der));
	return {
		sha256: f.sha256,
		sha1: f.sha1,
		source: f.source,
		subject: f.subject,
		issuer: f.issuer,
		serialHex: f.serialNumber,
		serialDecimal: f.serialDecimal,
		notBefore: f.notBefore,
		notAfter: f.notAfter,
		keyAlgorithm: f.keyAlgorithm,
		keySize: f.keySize,
		curve: f.curve,
		signatureAlgorithm: f.signatureAlgorithm,
		extensionCount: parsed.offset === -1 ? 0 : extensionCount(parsed.result),
		pem: toPem('CERTIFICATE', der),
	};
}
