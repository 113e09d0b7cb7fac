// The whole engine on real keystores: findings, trust anchors across files, redaction.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { InputFile } from '../pipeline';
import { CORPUS } from '../../../tests/support/vectors';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');
const NOW = '2026-11-22T12:00:00Z';

function file(name: string): InputFile {
	return { id: name, name, bytes: new Uint8Array(readFileSync(resolve(FIX, name))) };
}

async function analyze(
	names: string[],
	passwords: Record<string, string> = {},
	truststores: string[] = [],
) {
	return new Analyzer().run(
		{
			files: names.map(file),
			passwords,
			entryPasswords: {},
			settings: { now: NOW, trustAnchors: [], truststoreInputs: truststores, rawKeys: [] },
		},
		() => {},
		new AbortController().signal,
	);
}

const CORPUS_KEYS = resolve(CORPUS, 'wss4j/ws-security-common/keys');

describe('engine with keystores', () => {
	it('marks the WSS4J revoked certificate from the WSS4J CRL (CERT-REVOKED)', async () => {
		const files = ['wss40rev.crt', 'wss40CACRL.pem', 'wss40.crt'].map((name) => ({
			id: name,
			name,
			bytes: new Uint8Array(readFileSync(resolve(CORPUS_KEYS, name))),
		}));
		const { report } = await new Analyzer().run(
			{
				files,
				passwords: {},
				entryPasswords: {},
				settings: { now: NOW, trustAnchors: [], truststoreInputs: [], rawKeys: [] },
			},
			() => {},
			new AbortController().signal,
		);
		const revoked = report.findings.filter((f) => f.ruleId === 'CERT-REVOKED');
		expect(revoked.map((f) => f.inputName)).toEqual(['wss40rev.crt']);
		expect(revoked[0]?.evidence).toContain('serial 28');
	});

	it('grades a legacy PKCS#12 and a JKS on changeit, and keeps secrets out of the report', async () => {
		const { report, facts } = await analyze(
			['openssl-legacy.p12', 'changeit.jks', 'random.p12', 'million-entries.jks'],
			{
				'openssl-legacy.p12': 'storepass',
			},
		);
		const ids = report.findings.map((f) => f.ruleId);
		expect(ids).toContain('KEYSTORE-PKCS12-WEAK-PBE');
		expect(ids).toContain('KEYSTORE-DEFAULT-PASSWORD');
		expect(ids).toContain('KEYSTORE-JKS-LEGACY-FORMAT');
		expect(ids).toContain('CERT-SELF-SIGNED');
		expect(report.inputs.map((i) => [i.name, i.status])).toEqual([
			['openssl-legacy.p12', 'parsed'],
			['changeit.jks', 'parsed'],
			['random.p12', 'error'],
			['million-entries.jks', 'error'],
		]);
		expect(report.inputs[3]?.error).toMatch(/claims 2,147,483,647 entries/);
		const json = JSON.stringify(report);
		expect(json).not.toContain('storepass');
		expect(facts.keystores).toHaveLength(2);
	});

	it('flags a clear-text password in a Tomcat server.xml, with or without its keystore', async () => {
		const serverXml = `<?xml version="1.0"?>
<Server port="8005" shutdown="SHUTDOWN">
  <Service name="Catalina">
    <Connector port="8443" protocol="org.apache.coyote.http11.Http11NioProtocol" SSLEnabled="true">
      <SSLHostConfig protocols="TLSv1.2+TLSv1.3">
        <Certificate certificateKeystoreFile="conf/changeit.jks" certificateKeystorePassword="changeit" type="RSA"/>
      </SSLHostConfig>
    </Connector>
  </Service>
</Server>`;
		const configOnly = await new Analyzer().run(
			{
				files: [
					{ id: 'server.xml', name: 'server.xml', bytes: new TextEncoder().encode(serverXml) },
				],
				passwords: {},
				entryPasswords: {},
				settings: { now: NOW, trustAnchors: [], truststoreInputs: [], rawKeys: [] },
			},
			() => {},
			new AbortController().signal,
		);
		expect(configOnly.report.findings.map((f) => f.ruleId)).toContain(
			'KEYSTORE-PASSWORD-PLAINTEXT',
		);
		const files = [
			file('changeit.jks'),
			{ id: 'server.xml', name: 'server.xml', bytes: new TextEncoder().encode(serverXml) },
		];
		const { report } = await new Analyzer().run(
			{
				files,
				passwords: {},
				entryPasswords: {},
				settings: { now: NOW, trustAnchors: [], truststoreInputs: [], rawKeys: [] },
			},
			() => {},
			new AbortController().signal,
		);
		const hit = report.findings.find((f) => f.ruleId === 'KEYSTORE-PASSWORD-PLAINTEXT');
		expect(hit?.inputName).toBe('server.xml');
		expect(hit?.subject).toContain('certificateKeystorePassword');
		expect(JSON.stringify(report)).not.toContain('changeit"');
		expect(report.findings.map((f) => f.evidence).join(' ')).not.toContain('changeit');
	});

	it('validates the leaf chain against a truststore dropped beside it, by RFC 5280 rules', async () => {
		const { facts, report } = await analyze(
			['openssl3-default.p12', 'truststore.jks'],
			{ 'openssl3-default.p12': 'storepass', 'truststore.jks': 'storepass' },
			['truststore.jks'],
		);
		const leaf = facts.certificates.find(
			(c) => c.subject.startsWith('CN=api.example.com') && c.inputName === 'openssl3-default.p12',
		);
		// The path ends at the first trust anchor (the truststore holds the intermediate), whose
		// nameConstraints make.sh wrote non-critical (openssl's default): RFC 5280 4.2.1.10 requires
		// it critical, so the chain is refused with that clause (x509-limbo's
		// rfc5280::nc::permitted-dns-match-noncritical), although its signatures and names hold.
		expect(leaf?.chainValid).toBe(false);
		expect(leaf?.chainError).toMatch(/nameConstraints not marked critical \(RFC 5280 4\.2\.1\.10/);
		expect(leaf?.chain).toHaveLength(2);
		expect(report.findings.map((f) => f.ruleId)).toContain('CERT-UNTRUSTED-CHAIN');
		const key = facts.keys.find((k) => k.inputName === 'openssl3-default.p12');
		expect(key?.matchesCertSha256).toEqual([leaf?.sha256]);
	});

	it('reports an untrusted chain when the anchor is another root', async () => {
		const { report } = await analyze(['leaf.pem', 'inter.pem', 'expired.pem'], {}, ['expired.pem']);
		expect(
			report.findings.filter((f) => f.ruleId === 'CERT-UNTRUSTED-CHAIN').length,
		).toBeGreaterThan(0);
	});

	it('lists locked and unreadable keystores in report.keystores with type and status', async () => {
		const { report } = await analyze([
			'keytool.p12',
			'keytool.jks',
			'keytool.jceks',
			'truncated.p12',
			'truncated.jks',
			'bks.bks',
		]);
		const byName = new Map(report.keystores.map((k) => [k.inputName, k]));
		expect(byName.get('keytool.p12')).toMatchObject({ type: 'PKCS12', status: 'locked' });
		expect(byName.get('keytool.jks')).toMatchObject({ type: 'JKS', status: 'locked' });
		expect(byName.get('keytool.jceks')).toMatchObject({ type: 'JCEKS', status: 'locked' });
		expect(byName.get('bks.bks')).toMatchObject({ type: 'BKS', status: 'locked' });
		expect(byName.get('truncated.p12')).toMatchObject({ type: 'PKCS12', status: 'error' });
		expect(byName.get('truncated.jks')).toMatchObject({ type: 'JKS', status: 'error' });
		for (const i of report.inputs) expect(byName.get(i.name)?.status).toBe(i.status);
	});
});
