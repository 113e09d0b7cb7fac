// The idle prewarm's rehearsal: its samples are the producers' files byte for byte, and analyzing
// them runs the verification path a signed drop takes (both signatures verify, nothing fails),
// not an error path that would leave that code cold.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearse } from './rehearsal';
import { WSS4J_BST_ENVELOPE, XMLSEC1_ENVELOPED_KEYVALUE } from './rehearsal-samples';

const WSS = resolve(import.meta.dirname, '../../tests/fixtures/wss');

describe('rehearse', () => {
	it('carries the WSS4J and xmlsec1 fixtures unchanged', () => {
		expect(WSS4J_BST_ENVELOPE).toBe(readFileSync(resolve(WSS, 'wss4j-soap11-rsa-bst.xml'), 'utf8'));
		expect(XMLSEC1_ENVELOPED_KEYVALUE).toBe(
			readFileSync(resolve(WSS, 'xmlsec1-enveloped-rsa-keyvalue.xml'), 'utf8'),
		);
	});

	it('verifies both samples, as a drop of them would', async () => {
		const result = await rehearse(new AbortController().signal);
		expect(result).not.toBeNull();
		const report = result!.report;
		expect(report.inputs.map((i) => [i.kind, i.status])).toEqual([
			['soap-envelope', 'parsed'],
			['xml-signature', 'parsed'],
		]);
		expect(report.signatures.map((s) => s.valid)).toEqual([true, true]);
	});

	it('gives up when aborted', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(rehearse(controller.signal)).resolves.toBeNull();
	});
});
