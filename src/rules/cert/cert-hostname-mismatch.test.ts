// Must-flag / must-not-flag table for CERT-HOSTNAME-MISMATCH.
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/testing';
import type { InputKind } from '../../core/report/report';
import type { CertificateFacts } from '../../core/x509/facts';
import { facts, RuleTester } from '../testing';
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

RuleTester.run(certHostnameMismatch, {
	valid: [
		{
			name: 'exact SAN match',
			facts: hostFacts('api.example.com', {
				inputName: 'server.pem',
				subject: 'CN=x',
				isCA: false,
				subjectAltNames: ['dns:API.example.com'],
			}),
		},
		{
			name: 'wildcard match',
			facts: hostFacts('api.example.com', {
				inputName: 'server.pem',
				subject: 'CN=x',
				isCA: false,
				subjectAltNames: ['dns:*.example.com'],
			}),
		},
		{
			name: 'CN used without SAN',
			facts: hostFacts('api.example.com', {
				inputName: 'server.pem',
				subject: 'CN=api.example.com',
				isCA: false,
				subjectAltNames: [],
			}),
		},
		{
			name: 'IP address SAN',
			facts: hostFacts('10.0.0.5', {
				inputName: 'server.pem',
				subject: 'CN=x',
				isCA: false,
				subjectAltNames: ['ip:10.0.0.5'],
			}),
		},
		{
			name: 'certificate from a SOAP envelope is not the server certificate',
			facts: hostFacts(
				'api.example.com',
				{
					inputName: 'request.xml',
					subject: 'CN=signer',
					isCA: false,
					subjectAltNames: ['dns:client.example.com'],
				},
				'soap-envelope',
			),
		},
		{
			name: 'CA certificates are not compared',
			facts: hostFacts('api.example.com', {
				inputName: 'server.pem',
				subject: 'CN=Root CA',
				isCA: true,
				subjectAltNames: [],
			}),
		},
	],
	invalid: [
		{
			name: 'certificate for another host',
			facts: hostFacts('api.example.com', {
				inputName: 'server.pem',
				subject: 'CN=www.example.com',
				isCA: false,
				subjectAltNames: ['dns:www.example.com'],
			}),
			findings: [
				{
					ruleId: 'CERT-HOSTNAME-MISMATCH',
					severity: 'high',
					effect: 'M',
					inputName: 'test.conf',
					subject: 'api.example.com (endpoint)',
					evidence: 'certificate names: www.example.com (server.pem)',
				},
			],
		},
		{
			name: 'wildcard does not cover two labels',
			facts: hostFacts('a.b.example.com', {
				inputName: 'server.pem',
				subject: 'CN=x',
				isCA: false,
				subjectAltNames: ['dns:*.example.com'],
			}),
			findings: [
				{
					ruleId: 'CERT-HOSTNAME-MISMATCH',
					severity: 'high',
					effect: 'M',
					inputName: 'test.conf',
					subject: 'a.b.example.com (endpoint)',
					evidence: 'certificate names: *.example.com (server.pem)',
				},
			],
		},
		{
			name: 'wildcard only in the left-most label',
			facts: hostFacts('api.example.com', {
				inputName: 'server.pem',
				subject: 'CN=x',
				isCA: false,
				subjectAltNames: ['dns:api.*.com'],
			}),
			findings: [
				{
					ruleId: 'CERT-HOSTNAME-MISMATCH',
					severity: 'high',
					effect: 'M',
					inputName: 'test.conf',
					subject: 'api.example.com (endpoint)',
					evidence: 'certificate names: api.*.com (server.pem)',
				},
			],
		},
		{
			name: 'CN ignored when a SAN exists',
			facts: hostFacts('api.example.com', {
				inputName: 'server.pem',
				subject: 'CN=api.example.com',
				isCA: false,
				subjectAltNames: ['dns:www.example.com'],
			}),
			findings: [
				{
					ruleId: 'CERT-HOSTNAME-MISMATCH',
					severity: 'high',
					effect: 'M',
					inputName: 'test.conf',
					subject: 'api.example.com (endpoint)',
					evidence: 'certificate names: www.example.com (server.pem)',
				},
			],
		},
	],
});
