// DerivedKeyToken parameters from the message are bounded and checked; P_SHA-1 cuts at Offset or
// Generation × Length (the derivation itself is checked end to end on WSS4J messages).
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/safe-parse';
import { derivationParams, deriveKey, pSha1 } from './derived-key';

const WSC = 'http://schemas.xmlsoap.org/ws/2005/02/sc';
const dkt = (inner: string, attrs = '') =>
	parseXml(`<wsc:DerivedKeyToken xmlns:wsc="${WSC}" ${attrs}>${inner}</wsc:DerivedKeyToken>`).doc
		.documentElement as Element;

describe('DerivedKeyToken parameters', () => {
	it.each([
		['no Nonce', dkt('<wsc:Length>16</wsc:Length>'), /has no Nonce/],
		['Nonce not base64', dkt('<wsc:Nonce>***</wsc:Nonce>'), /Nonce is not base64/],
		[
			'negative Length',
			dkt('<wsc:Nonce>AAAA</wsc:Nonce><wsc:Length>-1</wsc:Length>'),
			/Length is not a whole number/,
		],
		[
			'huge Offset',
			dkt('<wsc:Nonce>AAAA</wsc:Nonce><wsc:Offset>100000000</wsc:Offset>'),
			/refused \(limit 1024\)/,
		],
		[
			'unknown algorithm',
			dkt('<wsc:Nonce>AAAA</wsc:Nonce>', 'Algorithm="urn:other"'),
			/only P_SHA-1/,
		],
	])('%s is refused with a plain message', (_, el, message) => {
		expect(() => derivationParams(el)).toThrow(message);
	});

	it('defaults: 32 bytes from offset 0, the WS-SecureConversation label', () => {
		expect(derivationParams(dkt('<wsc:Nonce>AAAA</wsc:Nonce>'))).toMatchObject({
			length: 32,
			offset: 0,
			label: 'WS-SecureConversationWS-SecureConversation',
		});
	});

	it('Generation selects the Generation-th block of Length bytes', () => {
		const secret = new Uint8Array(16).fill(1);
		const p = derivationParams(
			dkt(
				'<wsc:Nonce>AAAA</wsc:Nonce><wsc:Generation>2</wsc:Generation><wsc:Length>16</wsc:Length><wsc:Label>L</wsc:Label>',
			),
		);
		expect(p.offset).toBe(32);
		const seed = new Uint8Array([0x4c, 0, 0, 0]); // "L" + the nonce bytes
		expect(deriveKey(secret, p)).toEqual(pSha1(secret, seed, 48).slice(32));
	});
});
