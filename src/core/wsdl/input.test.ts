import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runWsdlOnTexts } from './testing';

// A bug while reading a captured envelope must leave its reason on the WSDL, not vanish.
vi.mock('../policy/envelope', async (importOriginal) => ({
	...(await importOriginal<typeof import('../policy/envelope')>()),
	readCapturedMessage: () => {
		throw new TypeError("Cannot read properties of null (reading 'localName')");
	},
}));

const dir = resolve(import.meta.dirname, '../../../tests/fixtures/wsdl');
const read = (p: string) => ({
	name: p.split('/').pop()!,
	text: readFileSync(resolve(dir, p), 'utf8'),
});

describe('WSDL stage error policy', () => {
	it('records why an envelope could not be checked against the policy', () => {
		const facts = runWsdlOnTexts([
			read('cxf-doubleit-asymmetric.wsdl'),
			read('envelopes/doubleit-no-security.xml'),
		]);
		expect(facts.wsdls.map((w) => w.inputName)).toEqual(['cxf-doubleit-asymmetric.wsdl']);
		expect(facts.wsdls[0]!.messages).toEqual([]);
		expect(facts.wsdls[0]!.notes).toContainEqual({
			level: 'error',
			message:
				"Internal error while reading doubleit-no-security.xml for the policy check (please report it): Cannot read properties of null (reading 'localName')",
		});
	});
});
