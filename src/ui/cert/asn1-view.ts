// The raw DER of a certificate as lapo's asn1js shows it: each element with its offset, header
// and content lengths, tag name, a decoded value (OIDs with their names) and its bytes, so the
// tree and the hex dump beside it point at the same octets.
import { children, oidText, readTlv, type Tlv } from '../../core/asn1/der';
import {
	ATTRIBUTE_NAMES,
	CURVES,
	EKU_NAMES,
	EXTENSION_NAMES,
	KEY_ALGORITHMS,
	SIGNATURE_ALGORITHMS,
} from '../../core/x509/oids';

export interface Asn1Element {
	/** Position in the flat list (document order). */
	index: number;
	depth: number;
	parent: number | null;
	children: number[];
	tag: string;
	offset: number;
	headerLength: number;
	length: number;
	value: string | null;
}

/** Bounds: a certificate has a few hundred elements; a crafted one must not hang the page. */
const MAX_ELEMENTS = 2000;
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
	20: 'TeletexString',
	22: 'IA5String',
	23: 'UTCTime',
	24: 'GeneralizedTime',
	26: 'VisibleString',
	30: 'BMPString',
};

function tagName(tag: number): string {
	const number = tag & 0x1f;
	switch (tag & 0xc0) {
		case 0x00:
			return UNIVERSAL[number] ?? `UNIVERSAL ${number}`;
		case 0x40:
			return `[APPLICATION ${number}]`;
		case 0x80:
			return `[${number}]`;
		default:
			return `[PRIVATE ${number}]`;
	}
}

/** The name of an OID from the tables the certificate views already use, or null. */
export function oidName(oid: string): string | null {
	return (
		EXTENSION_NAMES[oid] ??
		SIGNATURE_ALGORITHMS[oid] ??
		KEY_ALGORITHMS[oid] ??
		ATTRIBUTE_NAMES[oid] ??
		EKU_NAMES[oid] ??
		CURVES[oid]?.name ??
		null
	);
}

const hex = (bytes: Uint8Array, from: number, to: number) =>
	Array.from(bytes.subarray(from, to), (b) => b.toString(16).padStart(2, '0')).join('');

function valueOf(bytes: Uint8Array, t: Tlv): string | null {
	const content = bytes.subarray(t.contentStart, t.end);
	switch (t.tag) {
		case 0x01:
			return content[0] ? 'true' : 'false';
		case 0x02: {
			const n = content.length;
			return n > 16
				? `${(n - (content[0] === 0 ? 1 : 0)) * 8} bits`
				: hex(bytes, t.contentStart, t.end);
		}
		case 0x06: {
			const oid = oidText(bytes, t);
			const name = oidName(oid);
			return name ? `${oid} ${name}` : oid;
		}
		case 0x05:
			return null;
		case 0x03:
			return `${Math.max(0, content.length - 1)} bytes`;
		case 0x04:
			return `${content.length} bytes`;
		case 0x0c:
		case 0x13:
		case 0x14:
		case 0x16:
		case 0x17:
		case 0x18:
		case 0x1a:
			return new TextDecoder('utf-8', { fatal: false }).decode(content);
		default:
			return null;
	}
}

/** Flat list of the elements of `der` in document order; empty when it is not DER. */
export function asn1Elements(der: Uint8Array): Asn1Element[] {
	const out: Asn1Element[] = [];
	const root = readTlv(der, 0);
	if (!root) return out;
	const visit = (t: Tlv, depth: number, parent: number | null) => {
		if (out.length >= MAX_ELEMENTS) return;
		const index = out.length;
		const contentEnd = t.indefinite ? t.end - 2 : t.end;
		out.push({
			index,
			depth,
			parent,
			children: [],
			tag: tagName(t.tag),
			offset: t.start,
			headerLength: t.contentStart - t.start,
			length: contentEnd - t.contentStart,
			value: t.constructed ? null : valueOf(der, t),
		});
		if (parent !== null) out[parent]?.children.push(index);
		if (!t.constructed || depth >= MAX_DEPTH) return;
		for (const c of children(der, t, 512) ?? []) visit(c, depth + 1, index);
	};
	visit(root, 0, null);
	return out;
}
