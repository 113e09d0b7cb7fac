// Must-flag / must-not-flag table for XSW-MULTIPLE-SECURITY-ELEMENTS.
import { describe, expect, it } from 'vitest';
import { envFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { xswMultipleSecurityElements as rule } from './xsw-multiple-security-elements';

const sec = envFacts().securityHeaders[0]!;

describe('XSW-MULTIPLE-SECURITY-ELEMENTS', () => {
	it.each([
		['two Bodies', envFacts({ bodyCount: 2 }), [['critical', 'F']]],
		['two Headers', envFacts({ headerCount: 2 }), [['critical', 'F']]],
		[
			'two Security headers, same actor',
			envFacts({ securityHeaders: [sec, { ...sec, path: '/x' }] }),
			[['high', 'cap C']],
		],
		[
			'two Timestamps',
			envFacts({}, { timestamps: [...sec.timestamps, ...sec.timestamps] }),
			[['high', 'cap C']],
		],
		[
			'Security headers for different actors',
			envFacts({ securityHeaders: [sec, { ...sec, actor: 'urn:proxy' }] }),
			[],
		],
		['one of each', envFacts(), []],
	])('%s', (_name, env, tiers) => {
		const hits = runRule(rule, facts({ envelopes: [env] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(tiers);
	});
});
