// The rehearsal's skeleton canonicalization: a small envelope read as a skeleton under lowered
// limits canonicalizes to as many octets as its whole tree does, through the skeleton path, and
// the limits are the same afterwards, also when the text is not well-formed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/safe-parse';
import { elidedRegions, skeletonLimits } from '../xml/stream/skeleton';
import { canonicalize } from './c14n';
import { canonicalLengthAsSkeleton } from './skeleton-canonical';

const ENVELOPE = readFileSync(
	resolve(import.meta.dirname, '../../../tests/fixtures/wss/wss4j-soap11-rsa-bst.xml'),
	'utf8',
);
/** The envelope with 40 KB of items in its Body: the skeleton elides them under these limits. */
const LARGE = ENVELOPE.replace(
	'<ex:PlaceOrder>',
	'<ex:PlaceOrder>' + '<ex:item sku="S" qty="1">x &amp; y</ex:item>'.repeat(1000),
);
const LIMITS = { minChars: 16 * 1024, minRegion: 8 * 1024 };

describe('canonicalLengthAsSkeleton', () => {
	it('gives the length of the whole tree’s exclusive canonical form, through the skeleton', () => {
		const saved = { ...skeletonLimits };
		const whole = canonicalize(
			{ root: parseXml(LARGE).doc, withComments: false },
			{ exclusive: true, withComments: false },
		);
		expect(canonicalLengthAsSkeleton(LARGE, LIMITS)).toBe(new TextEncoder().encode(whole).length);
		expect(skeletonLimits).toEqual(saved);
		// what it read was a skeleton: the same limits elide the Body's items
		Object.assign(skeletonLimits, LIMITS);
		try {
			expect(elidedRegions(parseXml(LARGE).doc)).toHaveLength(1);
		} finally {
			Object.assign(skeletonLimits, saved);
		}
		// and the real limits do not (below 512 KB)
		expect(elidedRegions(parseXml(LARGE).doc)).toHaveLength(0);
	});

	it('puts the limits back when the text is not well-formed', () => {
		const saved = { ...skeletonLimits };
		expect(() => canonicalLengthAsSkeleton(LARGE.replace('</soapenv:Body>', ''), LIMITS)).toThrow();
		expect(skeletonLimits).toEqual(saved);
	});
});
