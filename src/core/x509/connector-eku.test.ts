// extendedKeyUsage in the live analysis: a connector declared as a server whose certificate
// (openssl 3, tests/fixtures/pki/eku, scripts/fixtures/pki/make-eku.sh) lists only clientAuth does
// not validate, as `openssl verify -purpose sslserver` says (expected.txt: "unsuitable certificate
// purpose"); with serverAuth, as a client certificate, or with the role unknown, it validates.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { AnalysisSettings } from '../facts';
import type { Report } from '../report/report';
import type { ConnectorForm } from '../tls/facts';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/pki/eku');
const signal = new AbortController().signal;

function connector(role: 'client' | 'server', keystoreInput: string): ConnectorForm {
	return {
		name: 'OrdersConnector',
		type: 'SOAP',
		endpoint: 'https://api.example.com/services/Orders',
		role,
		lowestTlsVersion: 'TLSv1.2',
		runtime: '',
		cipherSuites: '',
		keystoreInput,
		truststoreInput: '',
		wsSecurity: { sign: false, encrypt: false, timestamp: false, usernameToken: false },
	};
}

/** The page-only fact the certificate card shows when no anchor was supplied. */
let lastPurposeError: string | undefined;
/** The same certificate as the JSON report states it. */
let lastReportCert: Report['certificates'][number] | undefined;

async function untrusted(leaf: string, form: ConnectorForm | null, truststore = true) {
	const files = ['ca.pem', leaf].map((name, i) => ({
		id: `in${i + 1}`,
		name,
		bytes: new Uint8Array(readFileSync(resolve(DIR, name))),
	}));
	const settings: AnalysisSettings = {
		// the leaves are valid from the day the generator ran for 825 days
		now: new Date(Date.parse(leafNotBefore(leaf)) + 86_400_000).toISOString(),
		trustAnchors: [],
		truststoreInputs: truststore ? ['in1'] : [],
		rawKeys: [],
		captureTime: null,
		connector: form,
	};
	const { report, facts } = await new Analyzer().run(
		{ files, passwords: {}, entryPasswords: {}, settings },
		() => undefined,
		signal,
	);
	const cert = report.certificates.find((c) => c.inputName === leaf);
	expect(cert).toBeDefined();
	lastPurposeError = facts.certificates.find((c) => c.inputName === leaf)?.purposeError;
	lastReportCert = cert;
	return report.findings.filter((f) => f.ruleId === 'CERT-UNTRUSTED-CHAIN' && f.inputName === leaf);
}

/** notBefore of the fixture, read from the PEM with the project's own reader. */
function leafNotBefore(leaf: string): string {
	const text = readFileSync(resolve(DIR, leaf), 'utf8');
	const b64 = text.replace(/-----[^-]+-----|\s/g, '');
	const der = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
	// UTCTime YYMMDDHHMMSSZ: the first 0x17 0x0d in the TBS is notBefore
	for (let i = 0; i + 15 < der.length; i++) {
		if (der[i] === 0x17 && der[i + 1] === 0x0d) {
			const t = new TextDecoder().decode(der.subarray(i + 2, i + 15));
			return `20${t.slice(0, 2)}-${t.slice(2, 4)}-${t.slice(4, 6)}T${t.slice(6, 8)}:${t.slice(8, 10)}:${t.slice(10, 12)}Z`;
		}
	}
	throw new Error('no UTCTime');
}

describe('connector role and extendedKeyUsage', () => {
	it('a declared server whose certificate has only clientAuth: CERT-UNTRUSTED-CHAIN', async () => {
		const found = await untrusted(
			'server-clientAuth.pem',
			connector('server', 'server-clientAuth.pem'),
		);
		expect(found).toHaveLength(1);
		expect(found[0]?.evidence).toMatch(/is not for TLS server authentication \(extendedKeyUsage\)/);
		expect(found[0]?.evidence).toMatch(
			/used as the server certificate of SOAP connector OrdersConnector/,
		);
	});

	it('the same certificate on a declared client connector validates', async () => {
		expect(
			await untrusted('server-clientAuth.pem', connector('client', 'server-clientAuth.pem')),
		).toEqual([]);
	});

	it('a declared server with a serverAuth certificate validates', async () => {
		expect(
			await untrusted('server-serverAuth.pem', connector('server', 'server-serverAuth.pem')),
		).toEqual([]);
	});

	// No anchor can make a clientAuth-only certificate valid for a server: the anchor-independent
	// part of rule 25 holds without anchors (the purpose used to reach only the card, never the
	// report or the grade).
	it('without any trust anchor, a declared server with only clientAuth: CERT-UNTRUSTED-CHAIN, in the JSON too', async () => {
		const found = await untrusted(
			'server-clientAuth.pem',
			connector('server', 'server-clientAuth.pem'),
			false,
		);
		expect(found).toHaveLength(1);
		expect(found[0]?.evidence).toMatch(
			/is not for TLS server authentication \(extendedKeyUsage\).*no trust anchor can validate it for this role/,
		);
		expect(lastPurposeError).toMatch(/is not for TLS server authentication \(extendedKeyUsage\)/);
		expect(lastReportCert?.purposeError).toBe(lastPurposeError);
	});

	it('without any trust anchor, a fitting purpose or an unknown role is not flagged', async () => {
		expect(
			await untrusted('server-serverAuth.pem', connector('server', 'server-serverAuth.pem'), false),
		).toEqual([]);
		expect(
			await untrusted('server-clientAuth.pem', connector('client', 'server-clientAuth.pem'), false),
		).toEqual([]);
		expect(await untrusted('server-clientAuth.pem', null, false)).toEqual([]);
	});

	it('with the role unknown (no connector) the purpose is not judged', async () => {
		expect(await untrusted('server-clientAuth.pem', null)).toEqual([]);
	});
});
