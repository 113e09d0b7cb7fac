// STR-Transform references whose STR names the signer's certificate by a KeyIdentifier (no
// BinarySecurityToken in the message), from WSS4J 1.6 (tests/fixtures/wss/README.md).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { XmlDetail } from './facts';
import { runSignatureStage as run, type FixtureReader } from './testing';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
const read: FixtureReader = (name) => new Uint8Array(readFileSync(resolve(DIR, name)));
const STR =
	'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#STR-Transform';
const FILES = [
	'wss4j-strtransform-ski.xml',
	'wss4j-strtransform-thumbprint.xml',
	'wss4j-strtransform-issuerserial.xml',
];

describe('STR-Transform through a KeyIdentifier or ds:X509Data', () => {
	it('X509v3 KeyIdentifier: the certificate travels in the STR itself', async () => {
		const { facts } = await run(read, ['wss4j-strtransform-x509keyid.xml']);
		expect(facts.signatures[0]?.valid).toBe(true);
		expect(facts.signatures[0]?.references.map((r) => r.digestValid)).toEqual([true, true, true]);
	});

	it.each(FILES)('%s verifies, the STR reference over the named certificate', async (file) => {
		const { facts } = await run(read, [file], { certs: ['rsa.cer', 'ca.cer'] });
		const sig = facts.signatures[0];
		expect(sig?.error ?? '').toBe('');
		expect(sig?.valid).toBe(true);
		const strRef = sig?.references.find((r) => r.transforms.includes(STR));
		expect(strRef?.digestValid).toBe(true);
		const detail = facts.inputs[0]?.detail?.data as XmlDetail;
		const canonical = detail.signatures[0]?.references.find(
			(r) => r.uri === strRef?.uri,
		)?.canonical;
		expect(canonical).toMatch(
			/^<wsse:BinarySecurityToken xmlns="" xmlns:wsse="[^"]+" ValueType="[^"]+#X509v3">MII/,
		);
	});

	it.each(FILES)('%s without the certificate: not checked', async (file) => {
		const { facts } = await run(read, [file], { certs: ['ca.cer'] });
		expect(facts.signatures[0]?.valid).toBeNull();
		expect(facts.signatures[0]?.failureKind).toBe('key-not-found');
	});

	it('a changed DigestValue of the STR reference makes the signature invalid', async () => {
		const text = new TextDecoder().decode(read(FILES[0] ?? ''));
		const last = [...text.matchAll(/<ds:DigestValue>([^<]+)</g)].pop()?.[1] ?? '';
		const tampered = text.replace(last, 'A' + last.slice(1));
		expect(tampered).not.toBe(text);
		const reader: FixtureReader = (n) =>
			n === 'tampered.xml' ? new TextEncoder().encode(tampered) : read(n);
		const { facts } = await run(reader, ['tampered.xml'], { certs: ['rsa.cer'] });
		const sig = facts.signatures[0];
		expect(sig?.valid).toBe(false);
		expect(sig?.references.find((r) => r.transforms.includes(STR))?.digestValid).toBe(false);
	});
});
