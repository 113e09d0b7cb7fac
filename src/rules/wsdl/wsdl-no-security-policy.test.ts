import { describe, expect, it } from 'vitest';
import { alternative, operation, wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
import { wsdlNoSecurityPolicy } from './wsdl-no-security-policy';

const transport = alternative({ binding: 'transport' });

describe('WSDL-NO-SECURITY-POLICY', () => {
	it.each([
		['no policy at all', [operation('B', 'Op', [alternative()])], 1],
		[
			'two operations without policy are one finding',
			[operation('B', 'A', [alternative()]), operation('B', 'C', [alternative()])],
			1,
		],
		[
			'policy without binding (only SignedParts)',
			[
				operation('B', 'Op', [
					alternative({
						signedParts: { body: true, allHeaders: false, headers: [], attachments: false },
					}),
				]),
			],
			1,
		],
		['transport binding', [operation('B', 'Op', [transport])], 0],
		[
			'optional security (POLICY-OPTIONAL-SECURITY covers it)',
			[operation('B', 'Op', [transport, alternative()])],
			0,
		],
		['no acceptable alternative', [operation('B', 'Op', [])], 0],
	])('%s', (_name, operations, count) => {
		const hits = runRule(wsdlNoSecurityPolicy, facts({ wsdls: [wsdlFacts({ operations })] }));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect(h).toMatchObject({ severity: 'info', effect: 'none' });
	});
});
