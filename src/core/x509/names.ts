// Distinguished names as RFC 4514 text (most specific first, like Java and keytool show them).
import * as asn1js from 'asn1js';
import { toArrayBuffer, toHex } from '../bytes/encoding';
import { ATTRIBUTE_NAMES } from './oids';

function escapeValue(value: string): string {
	let out = value.replace(/[\\,+"<>;]/g, (c) => '\\' + c);
	if (out.startsWith('#') || out.startsWith(' ')) out = '\\' + out;
	if (out.endsWith(' ') && out.length > 1) out = out.slice(0, -1) + '\\ ';
	return out;
}

/** Text of a directory string value; non-string values as '#' + DER hex (RFC 4514 2.4). */
export function attributeValueText(value: unknown): string {
	if (value instanceof asn1js.BmpString || value instanceof asn1js.UniversalString) {
		return value.valueBlock.value;
	}
	if (
		value instanceof asn1js.Utf8String ||
		value instanceof asn1js.PrintableString ||
		value instanceof asn1js.IA5String ||
		value instanceof asn1js.TeletexString ||
		value instanceof asn1js.VisibleString ||
		value instanceof asn1js.NumericString ||
		value instanceof asn1js.VideotexString ||
		value instanceof asn1js.GeneralString ||
		value instanceof asn1js.GraphicString ||
		value instanceof asn1js.CharacterString
	) {
		return value.valueBlock.value;
	}
	if (value instanceof asn1js.BaseBlock) return '#' + toHex(new Uint8Array(value.toBER()));
	return '';
}

/** One attribute of a distinguished name: its OID and value text ('#' + DER hex when not a string). */
export interface DnAttribute {
	oid: string;
	value: string;
}

/**
 * The one DN printer (keystores, x509, signatures, decryption all print names through it): RFC
 * 4514 / openssl `-nameopt RFC2253` order and escaping: the DER attribute list reversed (most
 * specific RDN first; openssl also reverses the members of a multi-valued RDN), joined by '+', keytool's attribute keywords (EMAILADDRESS, not openssl's emailAddress or E) and
 * keytool's ', ' separator. Unknown attribute types print as their dotted OID.
 */
export function formatDn(rdns: readonly (readonly DnAttribute[])[], separator = ', '): string {
	return [...rdns]
		.reverse()
		.map((rdn) =>
			[...rdn]
				.reverse()
				.map(({ oid, value }) => {
					const key = ATTRIBUTE_NAMES[oid] ?? oid;
					return `${key}=${value.startsWith('#') && !ATTRIBUTE_NAMES[oid] ? value : escapeValue(value)}`;
				})
				.join('+'),
		)
		.join(separator);
}

/** The RDNs of an asn1js Name (SEQUENCE OF SET OF AttributeTypeAndValue), in DER order. */
export function nameAttributes(name: unknown): DnAttribute[][] {
	if (!(name instanceof asn1js.Sequence)) return [];
	const rdns: DnAttribute[][] = [];
	for (const set of name.valueBlock.value) {
		if (!(set instanceof asn1js.Set)) continue;
		const parts: DnAttribute[] = [];
		for (const atv of set.valueBlock.value) {
			if (!(atv instanceof asn1js.Sequence)) continue;
			const [type, value] = atv.valueBlock.value;
			if (!(type instanceof asn1js.ObjectIdentifier)) continue;
			parts.push({ oid: type.valueBlock.toString(), value: attributeValueText(value) });
		}
		rdns.push(parts);
	}
	return rdns;
}

/** RFC 4514 text of an asn1js Name, most specific first (see formatDn). */
export function nameText(name: unknown, separator = ', '): string {
	return formatDn(nameAttributes(name), separator);
}

/** RFC 4514 text of a DER-encoded Name; '' when it does not parse. */
export function nameTextFromDer(der: Uint8Array, separator = ', '): string {
	const parsed = asn1js.fromBER(toArrayBuffer(der));
	return parsed.offset === -1 ? '' : nameText(parsed.result, separator);
}

/** The common name (last CN) of a Name, or null. */
export function commonName(name: unknown): string | null {
	const m = /(?:^|, )CN=((?:[^,\\]|\\.)*)/.exec(nameText(name));
	return m?.[1]?.replace(/\\(.)/g, '$1') ?? null;
}
