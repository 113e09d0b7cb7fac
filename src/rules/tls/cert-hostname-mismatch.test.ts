// Must-flag / must-not-flag table for CERT-HOSTNAME-MISMATCH.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { tlsConnector as tc } from '../../core/tls/connector-builder';
import type { CertificateFacts } from '../../core/x509/facts';
import { facts, runRule } from '../testing';
import { certHostnameMismatch } from './cert-hostname-mismatch';

/** Only the fields the rule reads; the certificate area owns the full type. */
const cert = (c: Partial<CertificateFacts>): CertificateFacts => c as CertificateFacts;

const cases: [string, () => AnalysisFacts, [string, string][]][] = [
	[
		'certificate for another host',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: 'api.example.com', port: 443 } })],
				certificates: [
					cert({
						inputName: 'server.pem',
						sha256: 'ab',
						subject: 'CN=www.example.com',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: false,
						subjectAltNames: ['dns:www.example.com'],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'server.pem',
						size: 1,
						sha256: '00',
						kind: 'pem' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[['high', 'M']],
	],
	[
		'wildcard does not cover two labels',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: 'a.b.example.com', port: 443 } })],
				certificates: [
					cert({
						inputName: 'server.pem',
						sha256: 'ab',
						subject: 'CN=x',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: false,
						subjectAltNames: ['dns:*.example.com'],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'server.pem',
						size: 1,
						sha256: '00',
						kind: 'pem' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[['high', 'M']],
	],
	[
		'wildcard only in the left-most label',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: 'api.example.com', port: 443 } })],
				certificates: [
					cert({
						inputName: 'server.pem',
						sha256: 'ab',
						subject: 'CN=x',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: false,
						subjectAltNames: ['dns:api.*.com'],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'server.pem',
						size: 1,
						sha256: '00',
						kind: 'pem' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[['high', 'M']],
	],
	[
		'CN ignored when a SAN exists',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: 'api.example.com', port: 443 } })],
				certificates: [
					cert({
						inputName: 'server.pem',
						sha256: 'ab',
						subject: 'CN=api.example.com',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: false,
						subjectAltNames: ['dns:www.example.com'],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'server.pem',
						size: 1,
						sha256: '00',
						kind: 'pem' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[['high', 'M']],
	],
	[
		'exact SAN match',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: 'api.example.com', port: 443 } })],
				certificates: [
					cert({
						inputName: 'server.pem',
						sha256: 'ab',
						subject: 'CN=x',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: false,
						subjectAltNames: ['dns:API.example.com'],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'server.pem',
						size: 1,
						sha256: '00',
						kind: 'pem' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[],
	],
	[
		'wildcard match',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: 'api.example.com', port: 443 } })],
				certificates: [
					cert({
						inputName: 'server.pem',
						sha256: 'ab',
						subject: 'CN=x',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: false,
						subjectAltNames: ['dns:*.example.com'],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'server.pem',
						size: 1,
						sha256: '00',
						kind: 'pem' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[],
	],
	[
		'CN used without SAN',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: 'api.example.com', port: 443 } })],
				certificates: [
					cert({
						inputName: 'server.pem',
						sha256: 'ab',
						subject: 'CN=api.example.com',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: false,
						subjectAltNames: [],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'server.pem',
						size: 1,
						sha256: '00',
						kind: 'pem' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[],
	],
	[
		'IP address SAN',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: '10.0.0.5', port: 443 } })],
				certificates: [
					cert({
						inputName: 'server.pem',
						sha256: 'ab',
						subject: 'CN=x',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: false,
						subjectAltNames: ['ip:10.0.0.5'],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'server.pem',
						size: 1,
						sha256: '00',
						kind: 'pem' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[],
	],
	[
		'certificate from a SOAP envelope is not the server certificate',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: 'api.example.com', port: 443 } })],
				certificates: [
					cert({
						inputName: 'request.xml',
						sha256: 'ab',
						subject: 'CN=signer',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: false,
						subjectAltNames: ['dns:client.example.com'],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'request.xml',
						size: 1,
						sha256: '00',
						kind: 'soap-envelope' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[],
	],
	[
		'CA certificates are not compared',
		() =>
			facts({
				tls: [tc({ endpoint: { scheme: 'https', host: 'api.example.com', port: 443 } })],
				certificates: [
					cert({
						inputName: 'server.pem',
						sha256: 'ab',
						subject: 'CN=Root CA',
						issuer: 'CN=CA',
						serialNumber: '01',
						notBefore: '2026-01-01T00:00:00Z',
						notAfter: '2027-01-01T00:00:00Z',
						keyAlgorithm: 'RSA',
						keySize: 2048,
						curve: null,
						signatureAlgorithm: 'sha256WithRSAEncryption',
						selfSigned: false,
						isCA: true,
						subjectAltNames: [],
						source: 'PEM block 1',
						spkiSha256: 'cd',
						chainValid: null,
					}),
				],
				inputs: [
					{
						id: 'i1',
						name: 'server.pem',
						size: 1,
						sha256: '00',
						kind: 'pem' as const,
						kindReason: 'test',
						status: 'parsed' as const,
					},
				],
			}),
		[],
	],
];

describe('CERT-HOSTNAME-MISMATCH', () => {
	it.each(cases)('%s', (_name, input, expected) => {
		const hits = runRule(certHostnameMismatch, input());
		expect(hits.map((h) => [h.severity, h.effect])).toEqual(expected);
		for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
	});
});
