// The message and XSW rules over messages from real producers (tests/fixtures/wss): the signature
// stage builds the facts, then every rule of both folders runs, as in the page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import { runSignatureStage, type FixtureReader } from '../../core/soap/testing';
import { runRule } from '../testing';
import { rules as message } from './index';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
const read: FixtureReader = (name) => new Uint8Array(readFileSync(resolve(DIR, name)));

async function ruleIds(file: string, certs: string[] = []): Promise<string[]> {
	const { facts } = await runSignatureStage(read, [file], { certs });
	return message.filter((r) => runRule(r, facts).length > 0).map((r) => r.meta.id);
}

describe('rules over real messages', () => {
	it.each([
		[
			'wss4j-soap11-rsa-bst.xml',
			[],
			[],
			['WSS-SIGNATURE-INVALID', 'WSS-BODY-NOT-SIGNED', 'WSS-TIMESTAMP-NOT-SIGNED'],
		],
		[
			'wss4j-soap11-rsa-sha1-x509keyid.xml',
			[],
			['WSS-SHA1-DIGEST', 'WSS-WEAK-SIGNATURE-METHOD'],
			['WSS-SIGNATURE-INVALID'],
		],
		[
			'wss4j-soap11-username-http-no-timestamp.xml',
			[],
			['WSS-USERNAME-PLAINTEXT-OVER-HTTP', 'WSS-TIMESTAMP-MISSING'],
			['WSS-USERNAME-NO-NONCE'],
		],
		['wss4j-soap11-rsa-ski.xml', [], ['WSS-SIGNER-UNKNOWN'], ['WSS-SIGNATURE-INVALID']],
		// the STR-Transform reference points into the signature's KeyInfo: not an enveloping signature
		[
			'wss4j-soap11-rsa-strtransform.xml',
			[],
			[],
			['XSW-NON-BSP-SIGNATURE-STRUCTURE', 'WSS-SIGNATURE-INVALID'],
		],
		['tampered-body.xml', [], ['WSS-SIGNATURE-INVALID'], []],
		['tampered-wrong-key.xml', [], ['WSS-SIGNATURE-INVALID'], []],
		[
			'xsw-relocated-body.xml',
			[],
			['XSW-SIGNED-ELEMENT-RELOCATED', 'WSS-BODY-NOT-SIGNED'],
			['WSS-SIGNATURE-INVALID'],
		],
		['xsw-duplicate-id.xml', [], ['XSW-DUPLICATE-ID', 'WSS-BODY-NOT-SIGNED'], []],
		['xsw-two-security-headers.xml', [], ['XSW-MULTIPLE-SECURITY-ELEMENTS'], []],
		[
			'xmlsec1-enveloped-rsa-keyvalue.xml',
			[],
			['WSS-KEYINFO-RAW-KEY'],
			['WSS-SIGNATURE-INVALID', 'XSW-NON-BSP-SIGNATURE-STRUCTURE'],
		],
	])('%s', async (file, certs, present, absent) => {
		const ids = await ruleIds(file, certs);
		for (const id of present) expect(ids, `${id} should fire`).toContain(id);
		for (const id of absent) expect(ids, `${id} should not fire`).not.toContain(id);
	});

	// symmetric binding (WSS4J): the HMAC key is inside an EncryptedKey only the recipient opens
	it.each([
		[
			'wss4j-hmac-encryptedkey-id.xml',
			['rsa-key.pem'],
			[],
			['WSS-SIGNER-UNKNOWN', 'WSS-SIGNATURE-INVALID'],
		],
		['wss4j-hmac-encryptedkey-id.xml', [], ['WSS-SIGNER-UNKNOWN'], ['WSS-SIGNATURE-INVALID']],
		['wss4j-hmac-derivedkey.xml', [], ['WSS-SIGNER-UNKNOWN'], ['WSS-SIGNATURE-INVALID']],
		['wss4j-hmac-derivedkey.xml', ['rsa-key.pem'], ['WSS-SHA1-DIGEST'], ['WSS-SIGNER-UNKNOWN']],
		['tampered-wss4j-hmac-derivedkey.xml', ['rsa-key.pem'], ['WSS-SIGNATURE-INVALID'], []],
	])('%s with private keys %j', async (file, privateKeys, present, absent) => {
		const { facts } = await runSignatureStage(read, [file], { privateKeys });
		const ids = message.filter((r) => runRule(r, facts).length > 0).map((r) => r.meta.id);
		for (const id of present) expect(ids, `${id} should fire`).toContain(id);
		for (const id of absent) expect(ids, `${id} should not fire`).not.toContain(id);
	});

	it.each([
		['wss4j-hmac-encryptedkey-rsa15.xml', 1],
		['wss4j-hmac-encryptedkey-id.xml', 0],
	])('%s: WSS-RSA15-KEY-TRANSPORT on the signing key %d time(s)', async (file, count) => {
		const { facts } = await runSignatureStage(read, [file], { privateKeys: ['rsa-key.pem'] });
		expect(facts.signatures[0]?.valid).toBe(true);
		const rule = message.find((r) => r.meta.id === 'WSS-RSA15-KEY-TRANSPORT');
		expect(rule && runRule(rule, facts)).toHaveLength(count);
	});

	// A signature that could not be verified covers nothing, and says why; a URI no specification
	// defines is invalid, not unverifiable. The WSS4J message is edited after signing: only the
	// SignatureMethod's Algorithm changes.
	const RSA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
	async function withSignatureMethod(file: string, uri: string) {
		const edited = (name: string) =>
			name === file
				? new TextEncoder().encode(new TextDecoder().decode(read(name)).replace(RSA256, uri))
				: read(name);
		const { facts } = await runSignatureStage(edited, [file]);
		const ids = message.filter((r) => runRule(r, facts).length > 0).map((r) => r.meta.id);
		return { sig: facts.signatures[0], ids, facts };
	}

	it('a signature method no specification defines makes the signature invalid', async () => {
		const { sig, ids } = await withSignatureMethod(
			'wss4j-soap11-rsa-bst.xml',
			'http://example.invalid/bogus-sig',
		);
		expect(sig?.valid).toBe(false);
		expect(sig?.undefinedAlgorithm).toBe('http://example.invalid/bogus-sig');
		expect(ids).toContain('WSS-SIGNATURE-INVALID');
	});

	it('a specified signature method we do not implement: cannot verify, and covers nothing', async () => {
		const ed448 = 'http://www.w3.org/2021/04/xmldsig-more#eddsa-ed448';
		const { sig, ids, facts } = await withSignatureMethod('wss4j-soap11-rsa-bst.xml', ed448);
		expect(sig?.valid).toBeNull();
		expect(sig?.undefinedAlgorithm).toBeUndefined();
		expect(ids).not.toContain('WSS-SIGNATURE-INVALID');
		for (const id of ['WSS-SIGNER-UNKNOWN', 'WSS-BODY-NOT-SIGNED', 'WSS-TIMESTAMP-NOT-SIGNED'])
			expect(ids, `${id} should fire`).toContain(id);
		const body = message.find((r) => r.meta.id === 'WSS-BODY-NOT-SIGNED');
		expect(body && runRule(body, facts)[0]?.evidence).toMatch(
			/references the Body but could not be verified \(signature method .*eddsa-ed448 is not supported\)/,
		);
	});

	it('a signer certificate that was not supplied: the Body is not shown to be signed', async () => {
		const ids = await ruleIds('wss4j-soap11-rsa-ski.xml');
		expect(ids).toContain('WSS-SIGNER-UNKNOWN');
		expect(ids).toContain('WSS-BODY-NOT-SIGNED');
		expect(await ruleIds('wss4j-soap11-rsa-ski.xml', ['rsa.cer'])).not.toContain(
			'WSS-BODY-NOT-SIGNED',
		);
	});

	// xmlsec1 signed URI="" through an XPath transform that keeps only the Order; the note beside it
	// was edited after signing (scripts/fixtures/saml/partial-signature.sh). The signature verifies,
	// as xmlsec1 says, but the document is not signed as a whole: the report must say so.
	it('a reference whose XPath transform keeps only part of the document', async () => {
		const file = 'xmlsec1-xpath-partial-document-note-edited.xml';
		const result = await new Analyzer().run(
			{
				files: [{ id: 'a', name: file, bytes: read(file) }],
				passwords: {},
				entryPasswords: {},
				settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
			},
			() => undefined,
			new AbortController().signal,
		);
		const { signatures, findings } = result.report;
		expect(signatures.map((s) => s.verdict)).toEqual(['valid']);
		expect(signatures[0]?.references).toMatchObject([
			{ uri: '', target: 'Orders', coversWholeTarget: false },
		]);
		const partial = findings.find((f) => f.ruleId === 'XSW-NON-BSP-SIGNATURE-STRUCTURE');
		expect(partial?.severity).toBe('medium');
		expect(partial?.evidence).toMatch(
			/reference URI="" signs only part of Orders \(\/Orders\): .*REC-xpath-19991116 \(ancestor-or-self::o:Order\)/,
		);
		const whole = await runSignatureStage(read, ['xmlsec1-enveloped-rsa-x509.xml']);
		expect(whole.facts.signatures[0]?.references[0]?.narrowedBy).toBeUndefined();
	});

	// xmlsec1 signed with KeyValue only: the key is the message's own, no certificate names it
	it('a KeyValue-only signer with a trust anchor given does not chain to it', async () => {
		const { facts } = await runSignatureStage(read, ['xmlsec1-enveloped-rsa-keyvalue.xml'], {
			anchors: ['ca.cer'],
		});
		expect(facts.signatures[0]).toMatchObject({ valid: true, chainTrusted: false });
		const untrusted = message.find((r) => r.meta.id === 'WSS-SIGNER-UNTRUSTED');
		expect(untrusted && runRule(untrusted, facts)[0]?.evidence).toMatch(
			/bare public key from ds:KeyValue with no certificate/,
		);
		const without = await runSignatureStage(read, ['xmlsec1-enveloped-rsa-keyvalue.xml']);
		expect(without.facts.signatures[0]?.chainTrusted).toBeNull();
	});

	// a certificate in the message and no anchor: the signature verifies, nobody is authenticated
	it('a certificate signer with no trust anchor given: the report says the signer is not authenticated', async () => {
		const file = 'xmlsec1-enveloped-rsa-x509.xml';
		const analyze = async (trustAnchors: string[], extra: string[]) =>
			(
				await new Analyzer().run(
					{
						files: [file, ...extra].map((name, i) => ({ id: `f${i}`, name, bytes: read(name) })),
						passwords: {},
						entryPasswords: {},
						settings: { trustAnchors, truststoreInputs: [], rawKeys: [] },
					},
					() => undefined,
					new AbortController().signal,
				)
			).report;
		const report = await analyze([], []);
		expect(report.signatures).toMatchObject([{ verdict: 'valid', chainTrusted: null }]);
		const raw = report.findings.find((f) => f.ruleId === 'WSS-KEYINFO-RAW-KEY');
		expect(raw?.evidence).toMatch(
			/no trust anchor was given, so the signer is not authenticated: add the issuing CA/,
		);
	});

	// xmlsec's vector: the signer's X509Data sits in the document and KeyInfo reaches it through
	// a ds:RetrievalMethod; the certificate is still the message's own (BSP R5417)
	it('X509Data reached through ds:RetrievalMethod is a raw key too', async () => {
		const dir = resolve(
			import.meta.dirname,
			'../../../tests/vectors/corpus/xmlsec/aleksey-xmldsig-01',
		);
		const file = 'enveloping-sha256-rsa2048-retrieval-method-x509-data.xml';
		const { facts } = await runSignatureStage(
			(name) => new Uint8Array(readFileSync(resolve(dir, name))),
			[file],
		);
		expect(facts.signatures[0]).toMatchObject({ valid: true, rawKeyInKeyInfo: true });
		expect(facts.signatures[0]?.keyInfoForms).toContain('ds:RetrievalMethod');
		const ids = message.filter((r) => runRule(r, facts).length > 0).map((r) => r.meta.id);
		expect(ids).toContain('WSS-KEYINFO-RAW-KEY');
	});

	it('a Timestamp is stale when the file is dated a day after it was created', async () => {
		const { facts } = await runSignatureStage(read, ['wss4j-soap11-rsa-bst.xml'], {
			// the fixture's wsu:Created is 2026-11-22T11:04:39.959Z: a fixed file date a day later
			lastModified: Date.parse('2026-11-23T11:04:39.959Z'),
		});
		const stale = [...message].find((r) => r.meta.id === 'WSS-TIMESTAMP-STALE');
		expect(stale && runRule(stale, facts).map((h) => h.severity)).toEqual(['medium']);
	});
});
