// Must-flag / must-not-flag table for RUNTIME-OPENSSL-SECLEVEL-LOW.
import { describe, expect, it } from 'vitest';
import type { TlsFacts } from '../../core/tls/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import { origin } from '../../core/tls/model';
import { facts, runRule } from '../testing';
import { runtimeOpensslSeclevelLow } from './runtime-openssl-seclevel-low';

/** An OpenSSL 3 connector at security level `level`, stated in ssl_ciphers or the library default. */
function openssl(level: number, implicit = false): TlsFacts {
	return tc({
		runtime: {
			kind: 'openssl',
			label: 'OpenSSL 3',
			version: '3.0.0',
			secLevel: {
				level,
				implicit,
				origin: origin('nginx.conf', 'ssl_ciphers', 9, `DEFAULT@SECLEVEL=${level}`),
			},
		},
	});
}

const cases: [string, TlsFacts, [string, string][]][] = [
	['@SECLEVEL=0', openssl(0), [['medium', 'cap B']]],
	['@SECLEVEL=1 explicit', openssl(1), [['low', 'warn']]],
	['library default level 1 (not stated)', openssl(1, true), []],
	['@SECLEVEL=2', openssl(2), []],
];

describe('RUNTIME-OPENSSL-SECLEVEL-LOW', () => {
	it.each(cases)('%s', (_name, connector, expected) => {
		const hits = runRule(runtimeOpensslSeclevelLow, facts({ tls: [connector] }));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
