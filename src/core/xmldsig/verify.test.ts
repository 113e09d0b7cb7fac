// Broken signatures get a specific message on the signature, never an exception or a hang.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/safe-parse';
import { verifyDocument } from './document';
import { CORPUS } from '../../../tests/support/vectors';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const EXC = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const RSA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

function doc(signedInfo: string, rest = '<SignatureValue>AAAA</SignatureValue>'): string {
	return `<r xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><p wsu:Id="a">x</p><Signature xmlns="${DS}">${signedInfo}${rest}</Signature></r>`;
}
const ref = (uri: string, digest = SHA256) =>
	`<Reference URI="${uri}"><Transforms><Transform Algorithm="${EXC}"/></Transforms><DigestMethod Algorithm="${digest}"/><DigestValue>AAAA</DigestValue></Reference>`;
const si = (inner: string, sm = RSA256, cm = EXC) =>
	`<SignedInfo><CanonicalizationMethod Algorithm="${cm}"/><SignatureMethod Algorithm="${sm}"/>${inner}</SignedInfo>`;

async function verify(text: string) {
	const r = await verifyDocument(parseXml(text).doc, {
		inputName: 't.xml',
		origin: 'input',
		certs: [],
		secrets: [],
	});
	return r.signatures[0]?.facts;
}

describe('signatures with missing or unknown parts', () => {
	it.each([
		['no SignedInfo', doc(''), 'malformed', /no ds:SignedInfo/],
		['no SignatureValue', doc(si(ref('#a')), ''), 'malformed', /no ds:SignatureValue/],
		['no Reference', doc(si('')), 'malformed', /no ds:Reference/],
		[
			'SignatureValue not base64',
			doc(si(ref('#a')), '<SignatureValue>***</SignatureValue>'),
			'malformed',
			/not base64/,
		],
		[
			'unknown signature method',
			doc(si(ref('#a'), 'urn:x:rot13')),
			'unsupported-algorithm',
			/signature method urn:x:rot13/,
		],
		[
			'unknown canonicalization',
			doc(si(ref('#a'), RSA256, 'urn:x:c14n')),
			'unsupported-algorithm',
			/canonicalization method urn:x:c14n/,
		],
		[
			'unknown digest',
			doc(si(ref('#a', 'urn:x:digest'))),
			'unsupported-algorithm',
			/digest method urn:x:digest/,
		],
		['reference to a missing id', doc(si(ref('#nope'))), 'malformed', /#nope does not exist/],
		[
			'detached reference to a file not dropped',
			doc(si(ref('other.xml'))),
			'key-not-found',
			/drop that file/,
		],
	])('%s', async (_name, text, kind, message) => {
		const f = await verify(text);
		expect(f?.failureKind).toBe(kind);
		expect(`${f?.error ?? ''} ${f?.references.map((r) => r.error ?? '').join(' ')}`).toMatch(
			message,
		);
		expect(f?.valid).not.toBe(true);
	});

	it('a wrong digest is invalid even when no key is available', async () => {
		const f = await verify(doc(si(ref('#a'))));
		expect(f?.references[0]?.digestValid).toBe(false);
		expect(f?.valid).toBe(false);
		expect(f?.failureKind).toBe('digest-mismatch');
	});
});

describe('work bounds', () => {
	it('stops a quadratic XPath transform instead of hanging', async () => {
		const items = '<i/>'.repeat(6000);
		const xpath = `<Reference URI=""><Transforms><Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><XPath>count(//*) &gt; count(//*/..)</XPath></Transform></Transforms><DigestMethod Algorithm="${SHA256}"/><DigestValue>AAAA</DigestValue></Reference>`;
		const text = `<r>${items}<Signature xmlns="${DS}">${si(xpath)}<SignatureValue>AAAA</SignatureValue></Signature></r>`;
		// the XPath evaluator's work budget is reached (not a clock): the reference says so
		const f = await verify(text);
		expect(f?.failureKind).toBe('unsupported-algorithm');
		expect(f?.references[0]?.error).toMatch(/too expensive/);
	}, 30_000);

	it('verifies at most 64 signatures per document and says so for the rest', async () => {
		const one = `<Signature xmlns="${DS}">${si(ref('#a'))}<SignatureValue>AAAA</SignatureValue></Signature>`;
		const text = `<r xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><p wsu:Id="a">x</p>${one.repeat(70)}</r>`;
		const r = await verifyDocument(parseXml(text).doc, {
			inputName: 't.xml',
			origin: 'input',
			certs: [],
			secrets: [],
		});
		expect(r.signatures).toHaveLength(70);
		expect(r.signatures[69]?.facts.valid).toBeNull();
		expect(r.signatures[69]?.facts.error).toMatch(/only the first 64/);
	});
});

describe('enveloping, as the XSW rules see it', () => {
	const corpus = resolve(CORPUS, 'xmlsec/merlin-xmldsig-twenty-three');
	const wss = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
	it.each([
		// signed content in the signature's own ds:Object
		[resolve(corpus, 'signature-enveloping-rsa.xml'), true],
		[resolve(corpus, 'signature-enveloped-dsa.xml'), false],
		// an STR-Transform reference to the STR in the signature's KeyInfo is not enveloping
		[resolve(wss, 'wss4j-soap11-rsa-strtransform.xml'), false],
		[resolve(wss, 'wss4j-strtransform-ski.xml'), false],
	])('%s: enveloping %s', async (path, enveloping) => {
		const facts = await verify(readFileSync(path, 'utf8'));
		expect(facts?.enveloping).toBe(enveloping);
	});
});
