// Must-flag / must-not-flag table for RUNTIME-JDK-DISABLEDALGS-WEAKENED.
import { describe, expect, it } from 'vitest';
import type { TlsFacts } from '../../core/tls/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { runtimeJdkDisabledalgsWeakened } from './runtime-jdk-disabledalgs-weakened';

/** A Java 17 connector whose jdk.tls.disabledAlgorithms lacks `missing` of the default list. */
function java(missing: string[], file: string | null = 'java.security'): TlsFacts {
	return tc({
		runtime: {
			kind: 'java',
			label: 'Java 17',
			version: '17',
			disabledAlgorithms: {
				value: 'SSLv3, RC4',
				origin: origin(file, file ? 'jdk.tls.disabledAlgorithms' : 'default', 12, 'SSLv3, RC4'),
				defaultValue: 'SSLv3, TLSv1, TLSv1.1, RC4',
				missing,
			},
		},
	});
}

const cases: [string, TlsFacts[], [string, string][]][] = [
	['TLSv1 re-enabled in java.security', [java(['TLSv1', 'TLSv1.1'])], [['medium', 'warn']]],
	[
		'two connectors, one file: reported once',
		[java(['TLSv1']), java(['TLSv1'])],
		[['medium', 'warn']],
	],
	['default list (no file)', [java(['TLSv1'], null)], []],
	['nothing missing', [java([])], []],
];

describe('RUNTIME-JDK-DISABLEDALGS-WEAKENED', () => {
	it.each(cases)('%s', (_name, tls, expected) => {
		const hits = runRule(runtimeJdkDisabledalgsWeakened, facts({ tls }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
