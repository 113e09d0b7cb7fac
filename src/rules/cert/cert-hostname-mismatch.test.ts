// Must-flag / must-not-flag table for CERT-HOSTNAME-MISMATCH.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import type { InputKind } from '../../core/report/report';
import type { CertificateFacts } from '../../core/x509/facts';
import { facts, runRule } from '../testing';
import { certHostnameMismatch } from './cert-hostname-mismatch';

/**
 * One https connector to `host` and one dropped certificate (only the fields the rule reads),
 * from an input of `kind` named after the certificate's inputName.
 */
function hostFacts(
	host: string,
	certificate: Partial<CertificateFacts>,
	kind: InputKind = 'pem',
): AnalysisFacts {
	const c = {
		sha256: 'ab',
		issuer: 'CN=CA',
		serialNumber: '01',
		notBefore: '2026-01-01T00:00:00Z',
		notAfter: '2027-01-01T00:00:00Z',
		keyAlgorithm: 'RSA',
		keySize: 2048,
		curve: null,
		signatureAlgorithm: 'sha256WithRSAEncryption',
		selfSigned: false,
		source: 'PEM block 1',
		spkiSha256: 'cd',
		chainValid: null,
		...certificate,
	} as CertificateFacts;
	return facts({
		tls: [tc({ endpoint: { scheme: 'https', host, port: 443 } })],
		certificates: [c],
		inputs: [
			{
				id: 'i1',
				name: c.inputName,
				size: 1,
				sha256: '00',
				kind,
				kindReason: 'test',
				status: 'parsed',
			},
		],
	});
}

const cases: [string, string, Partial<CertificateFacts>, [string, string][], InputKind?][] = [
	[
		'certificate for another host',
		'api.example.com',
		{
			inputName: 'server.pem',
			subject: 'CN=www.example.com',
			isCA: false,
			subjectAltNames: ['dns:www.example.com'],
		},
		[['high', 'M']],
	],
	[
		'wildcard does not cover two labels',
		'a.b.example.com',
		{
			inputName: 'server.pem',
			subject: 'CN=x',
			isCA: false,
			subjectAltNames: ['dns:*.example.com'],
		},
		[['high', 'M']],
	],
	[
		'wildcard only in the left-most label',
		'api.example.com',
		{ inputName: 'server.pem', subject: 'CN=x', isCA: false, subjectAltNames: ['dns:api.*.com'] },
		[['high', 'M']],
	],
	[
		'CN ignored when a SAN exists',
		'api.example.com',
		{
			inputName: 'server.pem',
			subject: 'CN=api.example.com',
			isCA: false,
			subjectAltNames: ['dns:www.example.com'],
		},
		[['high', 'M']],
	],
	[
		'exact SAN match',
		'api.example.com',
		{
			inputName: 'server.pem',
			subject: 'CN=x',
			isCA: false,
			subjectAltNames: ['dns:API.example.com'],
		},
		[],
	],
	[
		'wildcard match',
		'api.example.com',
		{
			inputName: 'server.pem',
			subject: 'CN=x',
			isCA: false,
			subjectAltNames: ['dns:*.example.com'],
		},
		[],
	],
	[
		'CN used without SAN',
		'api.example.com',
		{ inputName: 'server.pem', subject: 'CN=api.example.com', isCA: false, subjectAltNames: [] },
		[],
	],
	[
		'IP address SAN',
		'10.0.0.5',
		{ inputName: 'server.pem', subject: 'CN=x', isCA: false, subjectAltNames: ['ip:10.0.0.5'] },
		[],
	],
	[
		'certificate from a SOAP envelope is not the server certificate',
		'api.example.com',
		{
			inputName: 'request.xml',
			subject: 'CN=signer',
			isCA: false,
			subjectAltNames: ['dns:client.example.com'],
		},
		[],
		'soap-envelope',
	],
	[
		'CA certificates are not compared',
		'api.example.com',
		{ inputName: 'server.pem', subject: 'CN=Root CA', isCA: true, subjectAltNames: [] },
		[],
	],
];

describe('CERT-HOSTNAME-MISMATCH', () => {
	it.each(cases)('%s', (_name, host, certificate, expected, kind) => {
		const hits = runRule(certHostnameMismatch, hostFacts(host, certificate, kind));
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
