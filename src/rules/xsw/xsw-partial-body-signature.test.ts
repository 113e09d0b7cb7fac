// Must-flag / must-not-flag table for XSW-PARTIAL-BODY-SIGNATURE.
import { describe, expect, it } from 'vitest';
import { envFacts, refFacts, sigFacts } from '../../core/soap/testing';
import { facts, runRule } from '../testing';
import { xswPartialBodySignature as rule } from './xsw-partial-body-signature';

const child = (name: string) =>
	sigFacts({
		references: [
			refFacts({ targetKind: 'other', targetPath: '/soapenv:Envelope/soapenv:Body/' + name }),
		],
	});

describe('XSW-PARTIAL-BODY-SIGNATURE', () => {
	it.each([
		['first child signed, Body has two', child('ex:Op'), envFacts({ bodyChildCount: 2 }), 1],
		['second child signed', child('ex:Other'), envFacts({ bodyChildCount: 2 }), 1],
		['sole child signed', child('ex:Op'), envFacts(), 0],
		['whole Body signed', sigFacts(), envFacts({ bodyChildCount: 2 }), 0],
	])('%s', (_name, s, env, n) => {
		const hits = runRule(rule, facts({ envelopes: [env], signatures: [s] }));
		expect(hits).toHaveLength(n);
		if (n) expect(hits[0]).toMatchObject({ severity: 'high', effect: 'cap C' });
	});
});
