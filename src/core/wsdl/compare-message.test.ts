// Captured envelopes made by WSS4J (scripts/fixtures/wsdl/generate.sh) against the DoubleIt
// policy: matching to the operation and the unmet requirements of each variant.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../facts';
import { runWsdlOnTexts } from './testing';
import { allVerdicts } from './compare-message';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/wsdl');
const read = (p: string) => ({
	name: p.split('/').pop()!,
	text: readFileSync(resolve(DIR, p), 'utf8'),
});
const WSDL = ['cxf-doubleit-asymmetric.wsdl', 'DoubleIt.xsd', 'DoubleItTypes.xsd'];

function verdictFor(envelope: string) {
	const facts = runWsdlOnTexts([...WSDL, `envelopes/${envelope}`].map(read));
	const all = allVerdicts(facts.wsdls);
	expect(all).toHaveLength(1);
	return { facts, ...all[0]! };
}

describe('captured envelopes against the DoubleIt policy', () => {
	it.each([
		['doubleit-meets-policy.xml', []],
		['doubleit-meets-policy-http.xml', []],
		['doubleit-no-security.xml', ['security-header']],
		['doubleit-3des-rsa15-no-timestamp.xml', ['timestamp', 'encryption', 'key-transport']],
		['doubleit-body-not-signed.xml', ['body-signed']],
		['doubleit-body-in-clear.xml', ['body-encrypted']],
	])('%s: unmet %j', (file, kinds) => {
		const { msg, verdict } = verdictFor(file);
		expect(msg.match?.operation).toBe('DoubleIt');
		expect(msg.match?.direction).toBe('input');
		expect(msg.match?.by).toBe('wsa:Action');
		expect(verdict.unmet.map((u) => u.kind).sort()).toEqual([...kinds].sort());
	});

	it('reads what WSS4J put in the header (from the document when no signature facts exist)', () => {
		const { msg } = verdictFor('doubleit-meets-policy.xml');
		expect(msg.algorithmSource).toBe('document');
		expect(msg.securityHeader).toBe(true);
		expect(msg.timestamp).toEqual({ present: true, signed: true });
		expect(msg.signedTargets.sort()).toEqual(['Body', 'Timestamp']);
		expect(msg.bodyEncrypted).toBe(true);
		expect(msg.binaryTokens).toEqual(['X509v3']);
		expect(msg.dataAlgorithms).toEqual(['http://www.w3.org/2001/04/xmlenc#aes256-cbc']);
		expect(msg.keyTransports).toEqual(['http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p']);
		expect(msg.to).toBe('https://localhost:9009/DoubleItAsymmetric');
	});

	it('shows the policy assertion and the message element side by side', () => {
		const { verdict } = verdictFor('doubleit-3des-rsa15-no-timestamp.xml');
		const kt = verdict.unmet.find((u) => u.kind === 'key-transport');
		expect(kt?.assertion).toContain('sp:AlgorithmSuite Basic256');
		expect(kt?.observed).toContain('RSA-1_5');
		const ts = verdict.unmet.find((u) => u.kind === 'timestamp');
		expect(ts?.assertion).toBe('sp:AsymmetricBinding/sp:IncludeTimestamp');
	});

	it('uses contract-shaped signature facts when the signature stage wrote them', () => {
		const files = [...WSDL, 'envelopes/doubleit-body-not-signed.xml'].map(read);
		// The signature facts claim the Body is signed (targetKind); the document is not consulted.
		// Only contract fields plus targetKind are relied upon; the rest of the signature engineer's
		// facts are left out on purpose.
		const ref = (uri: string, target: string, targetKind: string) => ({
			uri,
			target,
			targetKind,
			digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
			digestValid: true,
		});
		const signature = {
			inputName: 'doubleit-body-not-signed.xml',
			signatureId: 'SIG-1',
			valid: true,
			signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
			references: [
				ref('#nowhere', 'soap:Body', 'body'),
				ref('#nowhere-2', 'wsu:Timestamp', 'timestamp'),
			],
			signerCertSha256: null,
			keySource: 'BinarySecurityToken',
		};
		const facts = runWsdlOnTexts(files, {
			signatures: [signature as unknown as AnalysisFacts['signatures'][number]],
		});
		const [v] = allVerdicts(facts.wsdls);
		expect(v?.msg.algorithmSource).toBe('facts');
		expect(v?.verdict.unmet).toEqual([]);
	});

	it('matches a wsa:Action equal to the operation SOAPAction (WCF, CXF)', () => {
		const wsdl = read('cxf-doubleit-asymmetric.wsdl').text.replace(
			'soapAction=""',
			'soapAction="urn:doubleit:DoubleIt"',
		);
		const env = read('envelopes/doubleit-body-in-clear.xml').text.replace(
			'http://www.example.org/contract/DoubleIt/DoubleItPortType/DoubleItRequest',
			'urn:doubleit:DoubleIt',
		);
		const facts = runWsdlOnTexts([
			{ name: 'a.wsdl', text: wsdl },
			{ name: 'b.xml', text: env },
		]);
		expect(allVerdicts(facts.wsdls)[0]?.msg.match?.by).toBe('SOAPAction');
	});

	it('matches by the Body element when there is no wsa:Action', () => {
		const text = read('envelopes/doubleit-body-in-clear.xml').text.replace(
			/<wsa:Action[^]*?<\/wsa:Action>/,
			'',
		);
		const facts = runWsdlOnTexts([...WSDL.map(read), { name: 'no-action.xml', text }]);
		const [v] = allVerdicts(facts.wsdls);
		expect(v?.msg.match?.by).toBe('Body element');
		expect(v?.verdict.unmet.map((u) => u.kind)).toEqual(['body-encrypted']);
	});

	it('keeps an unmatched envelope as a capture with the reason', () => {
		const text = read('envelopes/doubleit-no-security.xml')
			.text.replace(/DoubleItRequest/, 'Other')
			.replace(/ns2:DoubleIt /, 'ns2:Other ')
			.replace(/<\/ns2:DoubleIt>/, '</ns2:Other>');
		const facts = runWsdlOnTexts([...WSDL.map(read), { name: 'other.xml', text }]);
		const capture = facts.wsdls.find((w) => w.kind === 'capture');
		expect(capture?.messages[0]?.match).toBeNull();
		expect(capture?.notes[0]?.message).toMatch(/no operation matches wsa:Action .*Other/);
	});

	it('without a WSDL, keeps only envelopes whose wsa:To is plain HTTP', () => {
		const facts = runWsdlOnTexts(
			['envelopes/doubleit-no-security.xml', 'envelopes/doubleit-meets-policy.xml'].map(read),
		);
		expect(facts.wsdls.map((w) => [w.kind, w.inputName, w.messages[0]?.to])).toEqual([
			['capture', 'doubleit-no-security.xml', 'http://localhost:9001/DoubleItAsymmetric'],
		]);
	});

	it.each([
		['orders-meets-policy.xml', []],
		['orders-no-username.xml', ['token']],
	])('transport policy with a signed supporting UsernameToken: %s', (file, kinds) => {
		const facts = runWsdlOnTexts(
			['wss4j-transport-usernametoken.wsdl', `envelopes/${file}`].map(read),
		);
		const [v] = allVerdicts(facts.wsdls);
		expect(v?.msg.match).toMatchObject({ operation: 'PlaceOrder', by: 'SOAPAction' });
		expect(v?.verdict.unmet.map((u) => u.kind)).toEqual(kinds);
	});
});
