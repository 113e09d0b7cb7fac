import { describe, expect, it } from 'vitest';
import { buildIdMap, lookupId } from './ids';
import { parseXml } from './safe-parse';

describe('buildIdMap is built once per document state', () => {
	it('hands every stage the same map until the document changes', () => {
		const { doc } = parseXml('<r><a Id="x"/><b/></r>');
		const first = buildIdMap(doc);
		expect(buildIdMap(doc)).toBe(first);
		expect(lookupId(first, 'x').ok).toBe(true);
		// a wrapper copy added later makes the ID ambiguous: a stale map would still resolve it
		const copy = doc.createElement('w');
		copy.setAttribute('Id', 'x');
		doc.documentElement?.appendChild(copy);
		const after = buildIdMap(doc);
		expect(after).not.toBe(first);
		expect(lookupId(after, 'x')).toEqual({ ok: false, reason: 'duplicate', count: 2 });
	});
});
