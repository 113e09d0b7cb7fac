// The detail view of one certificate: every extension decoded to text lines, PEM, ASN.1 tree.
import * as asn1js from 'asn1js';
import { toArrayBuffer, toHex } from '../bytes/encoding';
import type { Asn1Node, CertificateFacts, CertificateView, ExtensionView } from './facts';
import { EXTENSION_NAMES } from './oids';
import { toPem } from './pem';
import { Extension, ExtensionFactory, TextConverter, X509Certificate } from './x509-lib';

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
		const hex = toHex(new Uint8Array(value.valueBlock.valueHexView));
		node.value = hex.length > 64 ? `${hex.length * 4} bits: ${hex.slice(0, 32)}…` : hex;
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
		const hex = toHex(new Uint8Array(value.valueBlock.valueHexView));
		node.value = hex.length > 64 ? `${hex.length / 2} bytes: ${hex.slice(0, 48)}…` : hex;
	}
	return node;
}

const GENERAL_NAME_TAGS: Record<number, string> = {
	1: 'email',
	2: 'dns',
	4: 'dirName',
	6: 'uri',
	7: 'ip',
};

function generalNameText(g: asn1js.AsnType): string {
	const tag = g.idBlock.tagNumber;
	const kind = GENERAL_NAME_TAGS[tag] ?? `[${tag}]`;
	if (g instanceof asn1js.Primitive) {
		const bytes = new Uint8Array(g.valueBlock.valueHexView);
		if (tag === 7) {
			const half = bytes.length / 2;
			const ip = (b: Uint8Array) =>
				b.length === 4 ? [...b].join('.') : toHex(b).replace(/(.{4})(?!$)/g, '$1:');
			return `ip:${ip(bytes.subarray(0, half))}/${ip(bytes.subarray(half))}`;
		}
		return `${kind}:${new TextDecoder().decode(bytes)}`;
	}
	return `${kind}:(structured)`;
}

/** Name constraints (RFC 5280 4.2.1.10), which the library does not decode. */
function nameConstraintLines(value: Uint8Array): string[] {
	const parsed = asn1js.fromBER(toArrayBuffer(value));
	if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return ['(unreadable)'];
	const lines: string[] = [];
	for (const part of parsed.result.valueBlock.value) {
		const label = part.idBlock.tagNumber === 0 ? 'Permitted' : 'Excluded';
		if (!(part instanceof asn1js.Constructed)) continue;
		for (const subtree of part.valueBlock.value) {
			const base = subtree instanceof asn1js.Sequence ? subtree.valueBlock.value[0] : undefined;
			if (base) lines.push(`${label}: ${generalNameText(base)}`);
		}
	}
	return lines;
}

function extensionLines(ext: Extension): string[] {
	if (ext.type === '2.5.29.30') return nameConstraintLines(new Uint8Array(ext.value));
	try {
		const text = TextConverter.serialize(ExtensionFactory.create(ext.rawData).toTextObject());
		return text
			.split('\n')
			.map((l) => l.replace(/\s+$/, ''))
			.filter((l) => l.trim() !== '')
			.slice(1)
			.map((l) => l.replace(/^ {2}/, ''));
	} catch {
		return ['(could not decode) ' + toHex(new Uint8Array(ext.value)).slice(0, 120)];
	}
}

export function certificateView(der: Uint8Array, f: CertificateFacts): CertificateView {
	let extensions: ExtensionView[];
	try {
		const cert = new X509Certificate(toArrayBuffer(der));
		extensions = cert.extensions.map((e) => ({
			oid: e.type,
			name: EXTENSION_NAMES[e.type] ?? e.type,
			critical: e.critical,
			lines: extensionLines(e),
		}));
	} catch {
		extensions = [];
	}
	const parsed = asn1js.fromBER(toArrayBuffer(der));
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
		extensions,
		pem: toPem('CERTIFICATE', der),
		asn1: parsed.offset === -1 ? { label: 'unparsable' } : asn1Tree(parsed.result),
	};
}
