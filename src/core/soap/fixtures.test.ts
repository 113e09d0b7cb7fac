// Signature stage over messages from real producers (WSS4J 1.6, xmlsec1, python3-zeep) and their
// tampered / wrapped copies (tests/fixtures/wss, see its README).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSignatureStage as run, type FixtureReader } from './testing';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
const read: FixtureReader = (name) => new Uint8Array(readFileSync(resolve(DIR, name)));
const runSignatureStage = (files: string[], opts: Parameters<typeof run>[2] = {}) =>
	run(read, files, opts);

const CERTS = ['rsa.cer', 'ec.cer', 'ca.cer'];

describe('signatures from real producers verify', () => {
	it.each([
		['wss4j-soap11-rsa-bst.xml', 'BinarySecurityToken', []],
		['wss4j-soap12-rsa-bst.xml', 'BinarySecurityToken', []],
		['wss4j-soap11-rsa-issuerserial.xml', 'X509IssuerSerial', CERTS],
		['wss4j-soap11-rsa-ski.xml', 'KeyIdentifier', CERTS],
		['wss4j-soap11-rsa-thumbprint.xml', 'KeyIdentifier', CERTS],
		['wss4j-soap11-rsa-sha1-x509keyid.xml', 'KeyIdentifier', []],
		['wss4j-soap11-rsa-strtransform.xml', 'BinarySecurityToken', []],
		['wss4j-soap11-username-http-no-timestamp.xml', 'BinarySecurityToken', []],
		['wss4j-soap11-ec-bst.xml', 'BinarySecurityToken', []],
		['wss4j-soap12-ec-issuerserial.xml', 'X509IssuerSerial', CERTS],
		['xmlsec1-enveloped-rsa-keyvalue.xml', 'KeyValue', []],
		['xmlsec1-enveloped-rsa-x509.xml', 'X509Certificate', []],
		['xmlsec1-enveloped-rsa-keyname.xml', 'uploaded', CERTS],
		['xmlsec1-enveloped-ec-x509.xml', 'X509Certificate', []],
		['xmlsec1-enveloped-rsa-sha1-c14n.xml', 'KeyValue', []],
		['zeep-soap11-x509data.xml', 'X509Certificate', []],
		['zeep-soap11-bst.xml', 'BinarySecurityToken', []],
	])('%s verifies (key from %s)', async (file, keySource, certs) => {
		const { facts } = await runSignatureStage([file], { certs });
		const sig = facts.signatures[0];
		expect(sig?.error ?? '').toBe('');
		expect(sig?.valid).toBe(true);
		expect(sig?.keySource).toBe(keySource);
		expect(sig?.references.every((r) => r.digestValid === true)).toBe(true);
	});

	it('verifies an HMAC signature with a supplied secret key named by KeyName', async () => {
		const { facts } = await runSignatureStage(['xmlsec1-enveloped-hmac-sha256.xml'], {
			secrets: { shared: 'hmac.key' },
		});
		expect(facts.signatures[0]?.valid).toBe(true);
	});

	it('reports "not checked" when the referenced certificate was not supplied', async () => {
		for (const f of [
			'wss4j-soap11-rsa-issuerserial.xml',
			'wss4j-soap11-rsa-ski.xml',
			'wss4j-soap11-rsa-thumbprint.xml',
		]) {
			const { facts } = await runSignatureStage([f]);
			expect(facts.signatures[0]?.valid).toBeNull();
			expect(facts.signatures[0]?.failureKind).toBe('key-not-found');
			expect(facts.signatures[0]?.referencedKey).toBeTruthy();
		}
	});

	it('models the WSS4J envelope: Body, Timestamp, BST, wsa:To, targets', async () => {
		const { facts } = await runSignatureStage(['wss4j-soap11-rsa-bst.xml'], {
			lastModified: Date.UTC(2026, 0, 1),
		});
		const env = facts.envelopes[0];
		expect(env?.soapVersion).toBe('1.1');
		expect(env?.wsa.to).toBe('https://orders.example.com/ws');
		expect(env?.bodyFirstChild).toBe('{urn:example:orders}PlaceOrder');
		expect(env?.securityHeaders[0]?.timestamps).toHaveLength(1);
		expect(env?.securityHeaders[0]?.binarySecurityTokens[0]?.certSha256).toMatch(/^[0-9a-f]{64}$/);
		expect(env?.fileDate).toBe('2026-01-01T00:00:00.000Z');
		const kinds = facts.signatures[0]?.references.map((r) => r.targetKind).sort();
		expect(kinds).toEqual(['body', 'timestamp']);
		expect(facts.signatures[0]?.references.map((r) => r.target)).toContain('soapenv:Body');
		expect(facts.certificates).toHaveLength(1);
		expect(facts.inputs[0]?.detail?.area).toBe('message');
	});
});

describe('tampered and wrapped messages', () => {
	it.each([
		['tampered-body.xml', 'digest-mismatch'],
		['tampered-timestamp.xml', 'digest-mismatch'],
		['tampered-digestvalue.xml', 'digest-mismatch'],
		['tampered-signaturevalue.xml', 'signature-mismatch'],
		['tampered-wrong-key.xml', 'signature-mismatch'],
	])('%s is invalid (%s)', async (file, kind) => {
		const { facts } = await runSignatureStage([file]);
		expect(facts.signatures[0]?.valid).toBe(false);
		expect(facts.signatures[0]?.failureKind).toBe(kind);
	});

	it('a relocated Body still verifies but its reference is not where the service reads it', async () => {
		const { facts } = await runSignatureStage(['xsw-relocated-body.xml']);
		const sig = facts.signatures[0];
		expect(sig?.valid).toBe(true);
		const body = sig?.references.find((r) => r.targetKind === 'body');
		expect(body?.atExpectedPosition).toBe(false);
	});

	it('a duplicated ID never resolves', async () => {
		const { facts } = await runSignatureStage(['xsw-duplicate-id.xml']);
		expect(facts.envelopes[0]?.duplicateIds).toHaveLength(1);
		const sig = facts.signatures[0];
		expect(sig?.valid).toBe(false);
		expect(sig?.references.some((r) => r.duplicateId)).toBe(true);
	});
});

describe('detached references and trust', () => {
	it('a relative-URI reference resolves to a second dropped file', async () => {
		const both = await runSignatureStage(['xmlsec1-detached-rsa.xml', 'detached-data.xml']);
		const sig = both.facts.signatures.find((s) => s.inputName === 'xmlsec1-detached-rsa.xml');
		expect(sig?.valid).toBe(true);
		expect(sig?.references[0]?.target).toBe('detached-data.xml');
		const alone = await runSignatureStage(['xmlsec1-detached-rsa.xml']);
		expect(alone.facts.signatures[0]?.valid).toBeNull();
		expect(alone.facts.signatures[0]?.references[0]?.error).toMatch(/drop that file/);
	});

	it('validates the signer chain against the marked anchors', async () => {
		const trusted = await runSignatureStage(['wss4j-soap11-rsa-bst.xml'], {
			certs: ['ca.cer'],
			anchors: ['ca.cer'],
		});
		expect(trusted.facts.signatures[0]?.chainTrusted).toBe(true);
		const untrusted = await runSignatureStage(['wss4j-soap11-rsa-bst.xml'], {
			certs: ['other.cer'],
			anchors: ['other.cer'],
		});
		expect(untrusted.facts.signatures[0]?.chainTrusted).toBe(false);
		const none = await runSignatureStage(['wss4j-soap11-rsa-bst.xml']);
		expect(none.facts.signatures[0]?.chainTrusted).toBeNull();
	});
});
