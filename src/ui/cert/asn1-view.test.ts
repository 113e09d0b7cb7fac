// The ASN.1 view's model over a real certificate (tests/fixtures/mix/server-cert.pem, openssl).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pemToDer } from '../../core/x509/pem';
import { asn1Elements } from './asn1-view';

const PEM = readFileSync(
	resolve(import.meta.dirname, '../../../tests/fixtures/mix/server-cert.pem'),
	'utf8',
);

describe('asn1Elements', () => {
	const der = pemToDer(PEM);
	const els = asn1Elements(der);

	it('the root spans the whole DER: offset 0, header + content = length', () => {
		const root = els[0];
		expect(root?.tag).toBe('SEQUENCE');
		expect(root?.offset).toBe(0);
		expect((root?.headerLength ?? 0) + (root?.length ?? 0)).toBe(der.length);
		expect(root?.children).toHaveLength(3);
	});

	it('children tile their parent and OIDs carry their names', () => {
		for (const e of els) {
			if (e.children.length === 0) continue;
			const first = els[e.children[0] as number];
			expect(first?.offset).toBe(e.offset + e.headerLength);
		}
		const values = els.map((e) => e.value ?? '');
		expect(values).toContain('1.2.840.113549.1.1.11 sha256WithRSAEncryption');
		expect(values.some((v) => v.startsWith('2.5.4.3 '))).toBe(true);
	});

	it('is empty for bytes that are not DER', () => {
		expect(asn1Elements(new Uint8Array([0x30, 0x05]))).toEqual([]);
	});
});
