// SunJSSE defaults by version and the disabledAlgorithms grammar.
import { describe, expect, it } from 'vitest';
import {
	defaultDisabledAlgorithms,
	disablingEntry,
	jdkDefaultProtocols,
	missingEntries,
	parseDisabled,
	parseJavaVersion,
} from './java-defaults';
import { suiteByName } from './suites';
import { compareVersions, normalizeVersion } from './versions';
import { dnsMatches } from './hostname';

describe('Java versions and defaults', () => {
	it.each([
		['1.8.0_202', 8, 202],
		['Oracle Java 8u301', 8, 301],
		['17.0.9', 17, 9],
		['OpenJDK 21', 21, 0],
		['java 1.7.0_80', 7, 80],
	])('parses %s', (text, major, update) => {
		expect(parseJavaVersion(text)).toMatchObject({ major, update });
	});

	it('enables TLS 1.0 only for Java 7 clients before 7u111 and TLS 1.3 for 8u341+ clients', () => {
		expect(jdkDefaultProtocols(parseJavaVersion('7u80'), 'client')).toEqual(['TLSv1']);
		expect(jdkDefaultProtocols(parseJavaVersion('7u80'), 'server')).toEqual([
			'TLSv1',
			'TLSv1.1',
			'TLSv1.2',
		]);
		expect(jdkDefaultProtocols(parseJavaVersion('8u301'), 'client')).not.toContain('TLSv1.3');
		expect(jdkDefaultProtocols(parseJavaVersion('8u341'), 'client')).toContain('TLSv1.3');
		expect(jdkDefaultProtocols(parseJavaVersion('8u261'), 'server')).toContain('TLSv1.3');
	});

	it('disables TLS 1.0/1.1 from 8u291 and 11.0.11, and TLS_RSA_* from 24', () => {
		expect(defaultDisabledAlgorithms(parseJavaVersion('8u202'))).not.toMatch(/TLSv1,/);
		expect(defaultDisabledAlgorithms(parseJavaVersion('8u291'))).toMatch(/TLSv1, TLSv1\.1/);
		expect(defaultDisabledAlgorithms(parseJavaVersion('11.0.10'))).not.toMatch(/TLSv1,/);
		expect(defaultDisabledAlgorithms(parseJavaVersion('11.0.11'))).toMatch(/TLSv1, TLSv1\.1/);
		expect(defaultDisabledAlgorithms(parseJavaVersion('25'))).toMatch(/TLS_RSA_\*/);
	});

	it('applies entries, wildcards and keySize constraints', () => {
		const entries = parseDisabled(
			'SSLv3, RC4, 3DES_EDE_CBC, anon, NULL, ECDH, TLS_RSA_*, DH keySize < 2048',
		);
		const hit = (n: string) => disablingEntry(suiteByName(n)!, entries)?.name ?? null;
		expect(hit('SSL_RSA_WITH_3DES_EDE_CBC_SHA')).toBe('3DES_EDE_CBC');
		expect(hit('TLS_RSA_WITH_AES_128_GCM_SHA256')).toBe('TLS_RSA_*');
		expect(hit('TLS_ECDH_RSA_WITH_AES_128_CBC_SHA')).toBe('ECDH');
		expect(hit('TLS_DH_anon_WITH_AES_128_CBC_SHA')).toBe('anon');
		expect(hit('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256')).toBeNull();
		// A stricter keySize covers the default's; a dropped protocol is reported.
		expect(
			missingEntries('SSLv3, RC4, DH keySize < 2048', 'SSLv3, TLSv1, RC4, DH keySize < 1024'),
		).toEqual(['TLSv1']);
	});
});

describe('versions and names', () => {
	it.each([
		['TLSv1', 'TLSv1'],
		['TLS1_1', 'TLSv1.1'],
		['TLS_1_2', 'TLSv1.2'],
		['TLSv1.0', 'TLSv1'],
		['SSLv3', 'SSLv3'],
		['tlsv13', 'TLSv1.3'],
		['SSLv2Hello', null],
	])('normalizes %s', (token, expected) => expect(normalizeVersion(token)).toBe(expected));

	it('compares product versions', () => {
		expect(compareVersions('1.18.0', '1.27.3')).toBeLessThan(0);
		expect(compareVersions('1.27.3', '1.27.3')).toBe(0);
		expect(compareVersions('2.2', '1.8.19')).toBeGreaterThan(0);
	});

	it('matches RFC 6125 wildcards only as a whole left-most label', () => {
		expect(dnsMatches('*.example.com', 'api.example.com')).toBe(true);
		expect(dnsMatches('*.example.com', 'example.com')).toBe(false);
		expect(dnsMatches('*.com', 'example.com')).toBe(false);
		expect(dnsMatches('a*.example.com', 'api.example.com')).toBe(false);
		expect(dnsMatches('*.example.com', '10.0.0.1')).toBe(false);
	});
});
