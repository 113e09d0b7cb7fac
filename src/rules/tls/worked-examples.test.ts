// RULES.md 3.7 worked examples through the whole engine (detect → parse → stages → rules →
// grade), for the parts that TLS inputs alone decide. The page-level versions with WSDL and
// envelopes are in tests/e2e/tls.spec.ts.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { ConnectorForm } from '../../core/tls/facts';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/tls/worked');

async function analyze(names: string[], connector: ConnectorForm | null = null) {
	const files = names.map((name, i) => ({
		id: `f${i}`,
		name,
		bytes: new Uint8Array(readFileSync(resolve(DIR, name))),
	}));
	const analyzer = new Analyzer();
	return analyzer.run(
		{
			files,
			passwords: {},
			entryPasswords: {},
			settings: {
				now: '2026-11-22T12:00:00Z',
				connector,
				trustAnchors: [],
				truststoreInputs: [],
				rawKeys: [],
			},
		},
		() => {},
		new AbortController().signal,
	);
}

const ids = (r: Awaited<ReturnType<typeof analyze>>) =>
	[...new Set(r.report.findings.map((f) => f.ruleId))].sort();

describe('RULES.md 3.7 worked examples (TLS parts)', () => {
	it('1: nginx 1.18 defaults → scores 95/90/90, total 91, grade B', async () => {
		const r = await analyze(['ex1-nginx-1.18-defaults.conf']);
		expect(r.facts.tls).toHaveLength(1);
		const c = r.facts.tls[0]!;
		expect(c.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
		expect(c.scores).toEqual({ protocol: 95, keyExchange: 90, cipher: 90 });
		expect(ids(r)).toEqual([
			'TLS-CBC-CIPHERS',
			'TLS-MIN-VERSION',
			'TLS-NO-TLS13',
			'TLS-STATIC-RSA-KEX',
		]);
		expect(r.report.grade.overall).toBe('B');
	});

	it('2: nginx 1.27.3 defaults + Mozilla Intermediate 6.0 ciphers → A+', async () => {
		const r = await analyze(['ex2-nginx-intermediate-6.0.conf']);
		const c = r.facts.tls[0]!;
		expect(c.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
		expect(c.scores?.protocol).toBe(100);
		expect(c.scores?.cipher).toBe(90);
		expect(ids(r)).toEqual([]);
		expect(r.report.grade.overall).toBe('A+');
	});

	it('3: Pega connector on JDK 8u202, lowest TLSv1 → TLS part B (policy findings make it C)', async () => {
		const r = await analyze(['ex3-pega-connect-soap-8u202.json']);
		const c = r.facts.tls[0]!;
		expect(c.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
		expect(ids(r)).toEqual([
			'TLS-CBC-CIPHERS',
			'TLS-MIN-VERSION',
			'TLS-NO-TLS13',
			'TLS-STATIC-RSA-KEX',
		]);
		expect(r.report.grade.overall).toBe('B');
		// TLS-NO-TLS13 says why: JDK 8u202 has no TLS 1.3 at all.
		const noTls13 = r.report.findings.find((f) => f.ruleId === 'TLS-NO-TLS13');
		expect(noTls13?.evidence).toMatch(/Java 8u202 cannot do TLS 1\.3/);
	});

	it('4: same on JDK 8u301 → TLS 1.0/1.1 disabled by the JVM, no TLS-MIN-VERSION', async () => {
		const r = await analyze(['ex4-pega-connect-soap-8u301.json']);
		const c = r.facts.tls[0]!;
		expect(c.protocols).toEqual(['TLSv1.2']);
		expect(c.notes.join('\n')).toMatch(/TLSv1 removed by jdk\.tls\.disabledAlgorithms/);
		expect(ids(r)).toEqual(['TLS-CBC-CIPHERS', 'TLS-NO-TLS13', 'TLS-STATIC-RSA-KEX']);
		expect(r.report.grade.overall).toBe('A');
	});

	it('5: SMTP 587 with optional STARTTLS, no checkserveridentity → C', async () => {
		const r = await analyze(['ex5-javamail-smtp-587.properties']);
		expect(ids(r)).toEqual(
			expect.arrayContaining([
				'MAIL-SERVER-IDENTITY-NOT-CHECKED',
				'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
				'MAIL-STARTTLS-OPPORTUNISTIC',
			]),
		);
		expect(r.report.grade.overall).toBe('C');
	});

	it('6: plain-HTTP connector → no TLS score, no TLS finding', async () => {
		const r = await analyze(['ex6-plain-http-connector.json']);
		expect(r.facts.tls[0]?.channel).toBe('PLAIN');
		expect(r.facts.tls[0]?.scores).toBeNull();
		expect(ids(r).filter((i) => i.startsWith('TLS-'))).toEqual([]);
	});
});
