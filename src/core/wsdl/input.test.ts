import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../facts';
import type { XmlDocumentRef } from '../pipeline';
import { parseXml } from '../xml/safe-parse';
import { runWsdlStage } from './input';

const dir = resolve(import.meta.dirname, '../../../tests/fixtures/wsdl');
const ref = (path: string): XmlDocumentRef => ({
	inputName: path.split('/').pop()!,
	xml: parseXml(readFileSync(resolve(dir, path), 'utf8')),
	origin: 'input',
});

describe('WSDL stage error policy', () => {
	it('records why an envelope could not be checked against the policy', () => {
		const envelope = ref('envelopes/doubleit-no-security.xml');
		const parsed = envelope.xml;
		// The stage reads each document's root once to index it; the second read, by the envelope
		// reader, fails the way a bug there would.
		let reads = 0;
		const failing: XmlDocumentRef = {
			...envelope,
			xml: {
				...parsed,
				get doc() {
					if (++reads > 1)
						throw new TypeError("Cannot read properties of null (reading 'localName')");
					return parsed.doc;
				},
			},
		};
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		runWsdlStage(facts, [ref('cxf-doubleit-asymmetric.wsdl'), failing]);
		expect(reads).toBe(2);
		expect(facts.wsdls.map((w) => w.inputName)).toEqual(['cxf-doubleit-asymmetric.wsdl']);
		expect(facts.wsdls[0]!.messages).toEqual([]);
		expect(facts.wsdls[0]!.notes).toContainEqual({
			level: 'error',
			message:
				"Internal error while reading doubleit-no-security.xml for the policy check (please report it): Cannot read properties of null (reading 'localName')",
		});
	});
});
