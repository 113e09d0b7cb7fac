// The corrected file of every failing fixture, read back by the same reader, must leave no
// protocol below TLS 1.2, no CBC or static-RSA suite where the format controls suites, and no
// disabled verification; the diff must reproduce the corrected text.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyFacts } from '../facts';
import { compliant, fixedText, fixesFor } from './fix';
import { parseTlsText } from './formats';
import { loadYaml } from './formats/yaml';
import { runTlsStage } from './stage';

const ROOT = resolve(import.meta.dirname, '../../../tests/fixtures/tls');

function run(name: string, text: string) {
	const facts = emptyFacts('2026-11-22T12:00:00Z');
	facts.inputs.push({
		id: 'f0',
		name,
		size: text.length,
		sha256: '00',
		kind: 'tls-config',
		kindReason: 'test',
		status: 'parsed',
	});
	const parse = parseTlsText(text, name);
	const { connectors, details } = runTlsStage(
		facts,
		[{ inputName: name, inputIndex: 0, parse, text }],
		null,
	);
	return { parse, connectors, detail: details.get(0) };
}

const FAILING = [
	'mozilla/nginx-5.7-old.conf',
	'mozilla/apache-5.7-old.conf',
	'mozilla/haproxy-5.7-old.cfg',
	'mozilla/tomcat-5.7-old.xml',
	'legacy/nginx-1.4-sslv3-rc4.conf',
	'legacy/apache-2.2-default-ssl.conf',
	'legacy/tomcat-7-server.xml',
	'legacy/java-11-weakened.security',
	'legacy/jvm-options-java7.sh',
	'legacy/spring-legacy.properties',
	'legacy/spring-application.yml',
	'legacy/haproxy-1.8-legacy.cfg',
	'legacy/openssl-seclevel0.cnf',
	'legacy/node-client-insecure.js',
	'legacy/dotnet-Program.cs',
	'legacy/mail-plaintext.properties',
	'legacy/mail-trust-all.properties',
	'legacy/connector-sslv3-http.json',
	'distro/debian12-openssl.cnf',
];

// parseTlsText is synchronous: the YAML library (loaded on demand by the TLS parser) first.
beforeAll(() => loadYaml());

describe('corrected configuration files', () => {
	it.each(FAILING)('%s: the fix reads back without the weaknesses', (path) => {
		const name = path.split('/').pop() ?? path;
		const text = readFileSync(resolve(ROOT, path), 'utf8');
		const before = run(name, text);
		expect(before.connectors.some((c) => !compliant(c))).toBe(true);
		const fixes = before.detail?.fixes ?? [];
		const intermediate = fixes.find((f) => f.profile === 'intermediate');
		expect(intermediate, 'an intermediate fix is offered').toBeDefined();
		// The diff reproduces both texts.
		expect(
			intermediate!.diff
				.filter((d) => d.op !== '+')
				.map((d) => d.line)
				.join('\n'),
		).toBe(text);
		expect(
			intermediate!.diff
				.filter((d) => d.op !== '-')
				.map((d) => d.line)
				.join('\n'),
		).toBe(intermediate!.text);
		const after = run(name, intermediate!.text);
		expect(after.parse.format).toBe(before.parse.format);
		for (const c of after.connectors) {
			expect(
				c.protocols.filter((p) => p !== 'TLSv1.2' && p !== 'TLSv1.3'),
				c.name,
			).toEqual([]);
			expect(c.validationDisabled, c.name).toEqual([]);
			if (c.mail) {
				expect(c.mail.mode).toBe('implicit');
				expect(c.mail.checkServerIdentity).toBe(true);
			}
			if (
				['nginx', 'apache', 'haproxy', 'tomcat'].includes(before.parse.format) &&
				c.role === 'server'
			) {
				expect(
					c.suiteFacts.filter((s) => s.mode !== 'AEAD' || s.kx === 'RSA'),
					c.name,
				).toEqual([]);
			}
			expect(c.runtime.disabledAlgorithms?.missing ?? [], c.name).toEqual([]);
			if (c.runtime.secLevel && !c.runtime.secLevel.implicit)
				expect(c.runtime.secLevel.level).toBeGreaterThanOrEqual(2);
		}
	});

	it('offers Modern on request: TLS 1.3 only', () => {
		const text = readFileSync(resolve(ROOT, 'legacy/nginx-1.4-sslv3-rc4.conf'), 'utf8');
		const parse = parseTlsText(text, 'n.conf');
		const modern = fixedText(parse, text, 'modern') ?? '';
		expect(modern).toMatch(/ssl_protocols TLSv1\.3;/);
		expect(modern).not.toMatch(/ssl_ciphers/);
	});

	it('offers nothing for a compliant file or a scan', () => {
		const text = readFileSync(resolve(ROOT, 'mozilla/nginx-6.0-intermediate.conf'), 'utf8');
		expect(run('n.conf', text).detail?.fixes).toEqual([]);
		const scan = readFileSync(resolve(ROOT, 'scans/sslyze-5.2-legacy.json'), 'utf8');
		expect(fixesFor(parseTlsText(scan, 's.json'), scan, [])).toEqual([]);
	});
});
