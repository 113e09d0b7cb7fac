// Must-flag / must-not-flag table for XSW-SIGNED-ELEMENT-RELOCATED.
import { describe, expect, it } from 'vitest';
import { refFacts, sigFacts, tsRef } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { xswSignedElementRelocated as rule } from './xsw-signed-element-relocated';

describe('XSW-SIGNED-ELEMENT-RELOCATED', () => {
	it.each([
		[
			'Body in a header wrapper',
			sigFacts({ references: [refFacts({ atExpectedPosition: false, targetPath: '/e/h/w/b' })] }),
			1,
		],
		[
			'Timestamp outside Security',
			sigFacts({ references: [tsRef({ atExpectedPosition: false })] }),
			1,
		],
		['at their places', sigFacts({ references: [refFacts(), tsRef()] }), 0],
		[
			'other elements (no rule applies)',
			sigFacts({ references: [refFacts({ targetKind: 'other', atExpectedPosition: null })] }),
			0,
		],
	])('%s', (_name, s, n) => {
		const hits = runRule(rule, facts({ signatures: [s] }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'critical', effect: 'F' });
	});
});
