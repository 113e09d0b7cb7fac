// The stage gates of analyze.ts: a stage runs, and the page's engine loads its area's code, only
// when the stage has something to do. A gate that says "nothing to do" where the stage would have
// changed the facts would make the report depend on which areas were loaded; here every drop is
// analyzed with the gates and with every stage run regardless, and both reports must be equal.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer, type AnalysisRequest } from './analyze';
import { emptySettings, type AnalysisSettings } from './core/facts';
import type { ConnectorForm } from './core/tls/facts';
import { MIX_DIR, MIX_FILES, mixPasswords } from '../tests/support/mix';

const FIXTURES = resolve(MIX_DIR, '..');
const signal = new AbortController().signal;
const now = '2026-12-01T00:00:00.000Z';

function request(paths: string[], patch: Partial<AnalysisSettings> = {}): AnalysisRequest {
	const files = paths.map((path, i) => ({
		id: `in${i + 1}`,
		name: path.replace(/^.*\//, ''),
		bytes: new Uint8Array(readFileSync(resolve(FIXTURES, path))),
	}));
	const secrets = mixPasswords();
	const passwords: Record<string, string> = {};
	for (const f of files) {
		const password = secrets[f.name];
		if (password !== undefined) passwords[f.id] = password;
	}
	return {
		files,
		passwords,
		entryPasswords: {},
		settings: {
			...emptySettings(),
			now,
			...patch,
		},
	};
}

const form: ConnectorForm = {
	name: 'orders',
	type: 'SOAP',
	endpoint: 'https://orders.example.test/ws',
	role: 'client',
	lowestTlsVersion: 'TLSv1',
	runtime: '',
	cipherSuites: '',
	keystoreInput: '',
	truststoreInput: '',
	wsSecurity: { sign: true, encrypt: false, timestamp: true, usernameToken: false },
};

const DROPS: [string, AnalysisRequest][] = [
	...MIX_FILES.map((f): [string, AnalysisRequest] => [f, request([`mix/${f}`])]),
	['the whole mix', request(MIX_FILES.map((f) => `mix/${f}`))],
	['an encrypted private key', request(['mix/client-key.pem'])],
	['Tomcat server.xml declaring keystore passwords', request(['tls/legacy/tomcat-7-server.xml'])],
	['Spring properties declaring passwords', request(['tls/legacy/spring-legacy.properties'])],
	['a .NET app.config with WS-Security', request(['tls/legacy/dotnet-app.config'])],
	['a WCF client app.config', request(['wsdl/wcf/client-app.config'])],
	['a connector JSON', request(['tls/worked/ex3-pega-connect-soap-8u202.json'])],
	['a connector form and nothing dropped', request([], { connector: form })],
	['a connector form and a certificate', request(['mix/server-cert.pem'], { connector: form })],
	['a signed SAML assertion', request(['saml/jdk-saml2-assertion-signed.xml'])],
	[
		'an encrypted envelope and its recipient',
		request(['xmlenc/santuario-kw-aes128-aes256-gcm.xml', 'xmlenc/recipient.p12']),
	],
	[
		'a signed envelope and its CA, trusted',
		request(['wss/tampered-body.xml', 'wss/ca.pem'], { truststoreInputs: ['in2'] }),
	],
	['a raw key file alone', request(['wss/hmac.key'])],
];

describe('a stage skipped by its gate would have changed nothing', () => {
	it.each(DROPS)('%s', async (_, req) => {
		const gated = await new Analyzer().run(req, () => undefined, signal);
		const every = await new Analyzer({ everyStage: true }).run(req, () => undefined, signal);
		expect(gated.report).toEqual(every.report);
		// key ids count the keys read so far in this process (x509/collect.ts): not the stages' doing
		const facts = (f: unknown) => JSON.stringify(f).replace(/"key-\d+-[0-9a-f]{2}"/g, '"key"');
		expect(facts(gated.facts)).toEqual(facts(every.facts));
	});
});
