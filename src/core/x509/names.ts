// Distinguished names as RFC 4514 text (most specific first, like Java and keytool show them).
import * as asn1js from 'asn1js';
import { toHex } from '../bytes/encoding';
import { ATTRIBUTE_NAMES } from './oids';

function escapeValue(value: string): string {
	let out = value.replace(/[\\,+"<>;=]/g, (c) => '\\' + c);
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

/** RFC 4514 text of an asn1js Name (SEQUENCE OF SET OF AttributeTypeAndValue), reversed order. */
export function nameText(name: unknown, separator = ', '): string {
	if (!(name instanceof asn1js.Sequence)) return '';
	const rdns: string[] = [];
	for (const set of name.valueBlock.value) {
		if (!(set instanceof asn1js.Set)) continue;
		const parts: string[] = [];
		for (const atv of set.valueBlock.value) {
			if (!(atv instanceof asn1js.Sequence)) continue;
			const [type, value] = atv.valueBlock.value;
			if (!(type instanceof asn1js.ObjectIdentifier)) continue;
			const oid = type.valueBlock.toString();
			const key = ATTRIBUTE_NAMES[oid] ?? oid;
			const text = attributeValueText(value);
			parts.push(
				`${key}=${text.startsWith('#') && !ATTRIBUTE_NAMES[oid] ? text : escapeValue(text)}`,
			);
		}
		rdns.push(parts.join('+'));
	}
	return rdns.reverse().join(separator);
}

/** The common name (last CN) of a Name, or null. */
export function commonName(name: unknown): string | null {
	const m = /(?:^|, )CN=((?:[^,\\]|\\.)*)/.exec(nameText(name));
	return m?.[1]?.replace(/\\(.)/g, '$1') ?? null;
}
