// Cross-check: our expansion of reference cipher strings against the real `openssl ciphers` of
// the OpenSSL 3 the suite table was built from (expected outputs committed by the generator).
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { describe, expect, it } from 'vitest';
import { allowedAtSecLevel, expandCipherString } from './cipher-string';
import { suiteByName } from './suites';

interface Expected {
	openssl: string;
	expansions: { spec: string; suites: string[] }[];
}
const expected = JSON.parse(
	readFileSync(
		resolve(import.meta.dirname, '../../../tests/fixtures/tls/openssl-expansions.json'),
		'utf8',
	),
) as Expected;

describe('OpenSSL cipher strings', () => {
	it.each(expected.expansions.map((e) => [e.spec, e.suites] as const))(
		'%s expands like openssl ciphers',
		(spec, suites) => {
			const ours = expandCipherString(spec, '3').suites.map((s) => s.iana);
			// OpenSSL's internal order of NULL-encryption suites is not observable (see generator).
			if (suites.some((s) => s.includes('_NULL_')))
				expect([...ours].sort()).toEqual([...suites].sort());
			else expect(ours).toEqual(suites);
		},
	);

	it('reads @SECLEVEL and reports unknown elements', () => {
		const r = expandCipherString('DEFAULT@SECLEVEL=0:FOO', '3');
		expect(r.secLevel).toBe(0);
		expect(r.unknown).toEqual(['FOO']);
	});

	it('keeps 3DES in MEDIUM for OpenSSL 1.1.1, not in HIGH', () => {
		const high = expandCipherString('HIGH:!aNULL:!MD5', '1.1.1').suites.map((s) => s.openssl);
		expect(high).not.toContain('DES-CBC3-SHA');
		const med = expandCipherString('MEDIUM', '1.1.1').suites.map((s) => s.openssl);
		expect(med).toContain('DES-CBC3-SHA');
		expect(expandCipherString('RC4', '1.1.1').suites).toEqual([]);
		expect(expandCipherString('EXPORT', '1.0.2').suites.length).toBeGreaterThan(0);
	});

	it('applies security levels', () => {
		const rc4 = suiteByName('RC4-SHA');
		const rsa = suiteByName('AES128-SHA');
		expect(rc4 && allowedAtSecLevel(rc4, 1)).toBe(true);
		expect(rc4 && allowedAtSecLevel(rc4, 2)).toBe(false);
		expect(rsa && allowedAtSecLevel(rsa, 3)).toBe(false);
	});
});
