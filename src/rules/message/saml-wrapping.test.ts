// Signature wrapping judged by position over SAML from a real signer (xmlsec1, see
// tests/fixtures/saml/README.md): each variant moves, copies or nests elements of a genuinely
// signed message. The signed originals raise no XSW finding; every variant does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSignatureStage, type FixtureReader } from '../../core/soap/testing';
import { runRule } from '../testing';
import { rules as message } from './index';
import { xswSignedElementRelocated } from './xsw-signed-element-relocated';

/** The XML Signature Wrapping rules of the message area. */
const XSW = message.filter((r) => r.meta.id.startsWith('XSW-'));

const SAML = resolve(import.meta.dirname, '../../../tests/fixtures/saml');
const WSS = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
const read: FixtureReader = (name) =>
	new Uint8Array(readFileSync(name === 'rsa.cer' ? resolve(WSS, name) : resolve(SAML, name)));

async function run(file: string) {
	const { facts } = await runSignatureStage(read, [file], { certs: ['rsa.cer'] });
	const ids = XSW.filter((r) => runRule(r, facts).length > 0).map((r) => r.meta.id);
	return { facts, ids, relocated: runRule(xswSignedElementRelocated, facts) };
}

describe('signed SAML as produced: no wrapping finding', () => {
	it.each([
		'saml2-response-signed-assertion.xml',
		'saml2-response-signed.xml',
		'saml2-assertion-signed.xml',
		'saml11-assertion-signed.xml',
		'soap-saml2-token.xml',
		'soap-saml11-token.xml',
	])('%s', async (file) => {
		const { facts, ids } = await run(file);
		expect(facts.signatures.map((s) => s.valid)).toEqual([true]);
		expect(ids).toEqual([]);
		const refs = facts.signatures[0]?.references ?? [];
		expect(refs.every((r) => r.atExpectedPosition === true)).toBe(true);
	});
});

describe('wrapping variants of those messages: XSW-SIGNED-ELEMENT-RELOCATED', () => {
	it.each([
		['saml2-xsw-response-in-statusdetail.xml', true, 'relocated', /samlp:StatusDetail/],
		['saml2-xsw-assertion-concealed.xml', true, 'relocated', /samlp:Extensions/],
		['saml2-xsw-assertion-doubled.xml', true, 'duplicated', /2 assertions .*_evil-assert/],
		['saml2-xsw-assertion-nested.xml', true, 'nested', /nested inside another assertion/],
		// the enveloped transform now removes the whole assertion: invalid and a wrapping
		['saml2-xsw-assertion-in-signature-object.xml', false, 'relocated', /ds:Object/],
		['soap-saml2-xsw-relocated.xml', true, 'relocated', /wrap:Wrapper/],
		['soap-saml11-xsw-doubled.xml', true, 'duplicated', /_evil-a11/],
	])('%s', async (file, valid, variant, detail) => {
		const { facts, relocated } = await run(file);
		expect(facts.signatures.map((s) => s.valid)).toEqual([valid]);
		expect(relocated).toHaveLength(1);
		expect(relocated[0]).toMatchObject({ severity: 'critical', effect: 'F' });
		const ref = facts.signatures[0]?.references[0];
		expect(ref?.wrapping?.variant).toBe(variant);
		expect(relocated[0]?.evidence).toMatch(detail);
	});
});

describe('SAML assertions as first-class facts', () => {
	const samlOf = async (file: string) => {
		const { facts } = await run(file);
		const detail = facts.inputs.find((i) => i.name === file)?.detail;
		return detail?.area === 'message' ? (detail.data.saml ?? []) : [];
	};
	it.each([
		[
			'saml2-response-signed-assertion.xml',
			'2.0',
			'https://idp.example.org/metadata',
			'alice@example.com',
			'https://sp.example.com/metadata',
		],
		[
			'saml2-response-signed.xml',
			'2.0',
			'https://idp.example.org/metadata',
			'alice@example.com',
			'https://sp.example.com/metadata',
		],
		[
			'saml11-assertion-signed.xml',
			'1.1',
			'https://sts.example.org',
			'alice',
			'urn:example:orders',
		],
		['soap-saml11-token.xml', '1.1', 'https://sts.example.org', 'alice', 'urn:example:orders'],
		[
			'soap-saml2-token.xml',
			'2.0',
			'https://idp.example.org/metadata',
			'alice@example.com',
			'https://sp.example.com/metadata',
		],
	])('%s: issuer, subject, audience, signer', async (file, version, issuer, subject, audience) => {
		const [a, ...rest] = await samlOf(file);
		expect(rest).toHaveLength(0);
		expect(a).toMatchObject({ version, issuer, subject, audiences: [audience], effective: true });
		expect(a?.notOnOrAfter).toBe('2026-12-01T10:05:00Z');
		// the signer is the certificate of the rsa key (signed by itself or through the Response)
		expect(a?.signedBy).toMatch(/orders-client/);
	});
	it('the doubled variant: the consumer-read attacker assertion is not signed', async () => {
		const list = await samlOf('saml2-xsw-assertion-doubled.xml');
		expect(list.map((a) => [a.subject, a.effective, a.signedBy !== null])).toEqual([
			['admin@evil.example', true, false],
			['alice@example.com', true, true],
		]);
	});
});
