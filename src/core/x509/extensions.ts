// Decodes the common X.509 extensions straight from their DER (asn1js): SAN/IAN, key usage,
// extended key usage, basic constraints, SKI, AKI, CRL distribution points, AIA, certificate
// policies, name constraints. Fast enough for 150-certificate truststores.
import * as asn1js from 'asn1js';
import { integerValue } from '../asn1/der';
import { toHex } from '../bytes/encoding';
import { nameText } from './names';
import { EKU_NAMES, EXTENSION_NAMES } from './oids';

export interface RawExtension {
	oid: string;
	critical: boolean;
	value: Uint8Array;
}

export const KEY_USAGE_NAMES = [
	'digitalSignature',
	'nonRepudiation',
	'keyEncipherment',
	'dataEncipherment',
	'keyAgreement',
	'keyCertSign',
	'cRLSign',
	'encipherOnly',
	'decipherOnly',
];

const POLICY_NAMES: Record<string, string> = {
	'2.23.140.1.2.1': 'CA/B domain validated',
	'2.23.140.1.2.2': 'CA/B organization validated',
	'2.23.140.1.2.3': 'CA/B individual validated',
	'2.23.140.1.1': 'CA/B extended validation',
	'2.5.29.32.0': 'anyPolicy',
};

function parse(bytes: Uint8Array): asn1js.AsnType | null {
	// Extension contents are read field by field: no guessing at nested ASN.1 in their strings.
	const r = asn1js.fromBER(bytes, { parseEmbedded: false, copyInput: false });
	return r.offset === -1 ? null : r.result;
}

function kids(v: unknown): asn1js.AsnType[] {
	return v instanceof asn1js.Constructed ? v.valueBlock.value : [];
}

function oid(v: unknown): string | null {
	return v instanceof asn1js.ObjectIdentifier ? v.valueBlock.toString() : null;
}

function hexColons(bytes: Uint8Array): string {
	return toHex(bytes).replace(/(..)(?!$)/g, '$1:');
}

function ipText(b: Uint8Array): string {
	if (b.length === 4) return [...b].join('.');
	if (b.length === 16)
		return toHex(b)
			.replace(/(.{4})(?!$)/g, '$1:')
			.replace(/(^|:)0{1,3}/g, '$1');
	return toHex(b);
}

/** One GeneralName as 'type:value' (the SAN notation the report uses: dns, ip, email, url, dn). */
export function generalName(g: asn1js.AsnType): string {
	const tag = g.idBlock.tagNumber;
	if (g instanceof asn1js.Primitive) {
		const bytes = new Uint8Array(g.valueBlock.valueHexView);
		switch (tag) {
			case 1:
				return `email:${new TextDecoder().decode(bytes)}`;
			case 2:
				return `dns:${new TextDecoder().decode(bytes)}`;
			case 6:
				return `url:${new TextDecoder().decode(bytes)}`;
			case 7:
				return `ip:${ipText(bytes)}`;
			case 8: {
				const o = parse(new Uint8Array([0x06, bytes.length, ...bytes]));
				return `id:${oid(o) ?? toHex(bytes)}`;
			}
			default:
				return `[${tag}]:${toHex(bytes).slice(0, 64)}`;
		}
	}
	if (tag === 4) return `dn:${nameText(kids(g)[0])}`;
	if (tag === 0) return `other:${oid(kids(g)[0]) ?? '?'}`;
	return `[${tag}]:(structured)`;
}

function generalNames(v: unknown): string[] {
	return kids(v).map(generalName);
}

/** Text lines of one extension; unknown ones as bounded hex. */
export function extensionLines(ext: RawExtension): string[] {
	const v = parse(ext.value);
	if (!v) return ['(unreadable)'];
	switch (ext.oid) {
		case '2.5.29.17':
		case '2.5.29.18':
			return generalNames(v);
		case '2.5.29.15':
			return [keyUsage(ext.value).join(', ') || '(none)'];
		case '2.5.29.37':
			return [
				kids(v)
					.map((k) => EKU_NAMES[oid(k) ?? ''] ?? oid(k) ?? '?')
					.join(', '),
			];
		case '2.5.29.19': {
			const bc = basicConstraints(ext.value);
			return [`CA: ${bc.ca}${bc.pathLength !== null ? `, path length ${bc.pathLength}` : ''}`];
		}
		case '2.5.29.14':
			return [
				v instanceof asn1js.OctetString
					? hexColons(new Uint8Array(v.valueBlock.valueHexView))
					: '?',
			];
		case '2.5.29.35':
			return kids(v).map((k) => {
				if (k.idBlock.tagNumber === 0 && k instanceof asn1js.Primitive)
					return `key id ${hexColons(new Uint8Array(k.valueBlock.valueHexView))}`;
				if (k.idBlock.tagNumber === 1) return `issuer ${generalNames(k).join(', ')}`;
				if (k instanceof asn1js.Primitive)
					return `serial ${toHex(new Uint8Array(k.valueBlock.valueHexView))}`;
				return '?';
			});
		case '2.5.29.31':
			return kids(v).flatMap((dp) =>
				kids(dp).flatMap((part) =>
					part.idBlock.tagNumber === 0
						? kids(part).flatMap((name) =>
								name.idBlock.tagNumber === 0 ? generalNames(name) : ['relative name'],
							)
						: [],
				),
			);
		case '1.3.6.1.5.5.7.1.1':
			return kids(v).map((ad) => {
				const [m, loc] = kids(ad);
				const method = oid(m);
				const label =
					method === '1.3.6.1.5.5.7.48.1'
						? 'OCSP'
						: method === '1.3.6.1.5.5.7.48.2'
							? 'CA Issuers'
							: (method ?? '?');
				return `${label}: ${loc ? generalName(loc) : '?'}`;
			});
		case '2.5.29.32':
			return kids(v).flatMap((pi) => {
				const [id, qualifiers] = kids(pi);
				const p = oid(id) ?? '?';
				const lines = [`Policy ${p}${POLICY_NAMES[p] ? ` (${POLICY_NAMES[p]})` : ''}`];
				for (const q of kids(qualifiers)) {
					const [qid, qv] = kids(q);
					if (oid(qid) === '1.3.6.1.5.5.7.2.1' && qv instanceof asn1js.BaseStringBlock)
						lines.push(`  CPS ${qv.getValue()}`);
					else if (oid(qid) === '1.3.6.1.5.5.7.2.2') lines.push('  user notice');
				}
				return lines;
			});
		case '2.5.29.30':
			return kids(v).flatMap((part) =>
				kids(part).map(
					(subtree) =>
						`${part.idBlock.tagNumber === 0 ? 'Permitted' : 'Excluded'}: ${nameConstraintBase(kids(subtree)[0])}`,
				),
			);
		default: {
			const hex = toHex(ext.value);
			return [hex.length > 96 ? `${hex.slice(0, 96)}… (${ext.value.length} bytes)` : hex];
		}
	}
}

function nameConstraintBase(g: asn1js.AsnType | undefined): string {
	if (!g) return '?';
	if (g.idBlock.tagNumber === 7 && g instanceof asn1js.Primitive) {
		const b = new Uint8Array(g.valueBlock.valueHexView);
		const half = b.length / 2;
		return `ip:${ipText(b.subarray(0, half))}/${ipText(b.subarray(half))}`;
	}
	return generalName(g);
}

export function keyUsage(value: Uint8Array): string[] {
	const v = parse(value);
	if (!(v instanceof asn1js.BitString)) return [];
	const bytes = new Uint8Array(v.valueBlock.valueHexView);
	return KEY_USAGE_NAMES.filter((_n, i) => ((bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

export function basicConstraints(value: Uint8Array): { ca: boolean; pathLength: number | null } {
	const items = kids(parse(value));
	const ca = items.find((k) => k instanceof asn1js.Boolean);
	const len = items.find((k) => k instanceof asn1js.Integer);
	return {
		ca: ca instanceof asn1js.Boolean ? ca.valueBlock.value : false,
		pathLength: len instanceof asn1js.Integer ? integerValue(len) : null,
	};
}

export function extendedKeyUsage(value: Uint8Array): string[] {
	return kids(parse(value)).map((k) => EKU_NAMES[oid(k) ?? ''] ?? oid(k) ?? '?');
}

export function subjectAltNames(value: Uint8Array): string[] {
	return generalNames(parse(value));
}

export function octetId(value: Uint8Array): string | null {
	const v = parse(value);
	return v instanceof asn1js.OctetString ? toHex(new Uint8Array(v.valueBlock.valueHexView)) : null;
}

export function authorityKeyId(value: Uint8Array): string | null {
	const k = kids(parse(value)).find((x) => x.idBlock.tagNumber === 0);
	return k instanceof asn1js.Primitive ? toHex(new Uint8Array(k.valueBlock.valueHexView)) : null;
}

/** The extensions of a TBSCertificate ([3] EXPLICIT SEQUENCE OF Extension). */
export function readExtensions(tbs: asn1js.Sequence): RawExtension[] {
	const wrapper = tbs.valueBlock.value.find(
		(v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 3,
	);
	const list = kids(wrapper)[0];
	return kids(list).flatMap((e) => {
		const [id, second, third] = kids(e);
		const critical = second instanceof asn1js.Boolean ? second.valueBlock.value : false;
		const octets = second instanceof asn1js.OctetString ? second : third;
		const o = oid(id);
		if (!o || !(octets instanceof asn1js.OctetString)) return [];
		return [{ oid: o, critical, value: new Uint8Array(octets.valueBlock.valueHexView) }];
	});
}

export function extensionName(o: string): string {
	return EXTENSION_NAMES[o] ?? o;
}
