// References × document size is bounded per document: 255 whole-document references over 4 MB
// took 50 s. Past the budget the remaining references are reported as not checked, naming it.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/safe-parse';
import { verifyDocument } from './document';
import { MAX_DIGESTED_BYTES } from './verify';

const DS = 'http://www.w3.org/2000/09/xmldsig#';

function document(references: number, filler: number): string {
	const ref = `<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${DS}enveloped-signature"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>`;
	return `<r><data>${'x'.repeat(filler)}</data><ds:Signature xmlns:ds="${DS}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>${ref.repeat(references)}</ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></r>`;
}

describe('digest budget per document', () => {
	it('stops digesting whole-document references once the document has digested its budget', async () => {
		const { doc } = parseXml(document(50, 20_000));
		const budget = 100_000;
		const result = await verifyDocument(doc, {
			inputName: 'many-refs.xml',
			origin: 'input',
			certs: [],
			secrets: [],
			digestBudget: budget,
		});
		const refs = result.signatures[0]!.facts.references;
		expect(refs).toHaveLength(50);
		const digestedRefs = refs.filter((r) => r.computedDigest !== null);
		const refused = refs.filter((r) => r.error?.startsWith('not checked'));
		// each whole-document digest is a little over 20,000 bytes: five fit in 100,000
		expect(digestedRefs).toHaveLength(5);
		expect(refused).toHaveLength(45);
		expect(refused[0]!.error).toContain('the limit per document is 100,000');
		expect(refused.every((r) => r.digestValid === false)).toBe(true);
	});

	it('the default budget is far above what a real message digests', () => {
		expect(MAX_DIGESTED_BYTES).toBeGreaterThanOrEqual(64 * 1024 * 1024);
	});
});
