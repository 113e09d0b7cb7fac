// Must-flag / must-not-flag table for RUNTIME-DOTNET-PROTOCOL-OVERRIDE.
import { describe, expect, it } from 'vitest';
import type { TlsFacts } from '../../core/tls/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { runtimeDotnetProtocolOverride } from './runtime-dotnet-protocol-override';

/** A .NET connector: the framework, the SecurityProtocolType flags the code sets (if any), strong crypto. */
function dotnet(
	framework: string,
	flags: string[] | null,
	strongCrypto: boolean | null = null,
): TlsFacts {
	return tc({
		runtime: {
			kind: 'dotnet',
			label: '.NET',
			version: framework,
			dotnet: {
				framework,
				flags: flags && {
					names: flags,
					origin: origin('App.cs', 'SecurityProtocolType', 7, 'x'),
				},
				strongCrypto,
			},
		},
	});
}

const cases: [string, TlsFacts, [string, string][]][] = [
	['Tls and Tls11 hard-coded', dotnet('4.8', ['Tls', 'Tls11', 'Tls12']), [['medium', 'cap B']]],
	['framework 4.5 without strong crypto', dotnet('4.5', null), [['high', 'cap C']]],
	['framework 4.5 with SchUseStrongCrypto', dotnet('4.5', null, true), []],
	['only Tls12 hard-coded', dotnet('4.8', ['Tls12']), [['low', 'warn']]],
	['SystemDefault on 4.8', dotnet('4.8', ['SystemDefault']), []],
];

describe('RUNTIME-DOTNET-PROTOCOL-OVERRIDE', () => {
	it.each(cases)('%s', (_name, connector, expected) => {
		const hits = runRule(runtimeDotnetProtocolOverride, facts({ tls: [connector] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
