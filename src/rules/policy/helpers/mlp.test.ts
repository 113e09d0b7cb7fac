// Plain-words requirements and MLP-COMPLETE (RULES.md 3.4) on hand-built alternatives.
import { describe, expect, it } from 'vitest';
import { alternative, capturedMessage } from '../../../core/wsdl/testing';
import { emptyFacts } from '../../../core/facts';
import { envFacts } from '../../../core/soap/testing';
import { describeAlternative } from '../../../core/policy/describe';
import { alternativeProtected, messageProtected } from './mlp';

const both = { body: true, allHeaders: false, headers: [], attachments: false };
const full = alternative({
	binding: 'asymmetric',
	algorithmSuite: 'Basic256Sha256',
	includeTimestamp: true,
	signedParts: both,
	encryptedParts: both,
});

describe('plain words', () => {
	it.each([
		[
			'the issue example',
			alternative({
				binding: 'asymmetric',
				algorithmSuite: 'Basic256',
				includeTimestamp: true,
				signedParts: both,
				encryptedParts: both,
			}),
			['https'],
			'Requests must carry a signed Timestamp and a Body signed with RSA-SHA1 and encrypted with AES-256-CBC under RSA-OAEP, over HTTPS.',
		],
		[
			'SHA-256 digests are named',
			full,
			['http'],
			'Requests must carry a signed Timestamp and a Body signed with RSA-SHA1 (SHA-256 digests) and encrypted with AES-256-CBC under RSA-OAEP, over plain HTTP.',
		],
		[
			'transport with a client certificate',
			alternative({
				binding: 'transport',
				tokens: [
					{
						type: 'HttpsToken',
						assertion: 'sp:HttpsToken',
						role: 'transport',
						container: 'sp:TransportToken',
						includeToken: null,
						options: ['RequireClientCertificate'],
					},
				],
			}),
			[],
			'Requests must travel over HTTPS with a client certificate.',
		],
		[
			'no policy on http',
			alternative(),
			['http'],
			'Requests need no message-level security, over plain HTTP.',
		],
	])('%s', (_name, alt, schemes, text) => {
		expect(describeAlternative(alt, 'input', schemes)).toBe(text);
	});
});

describe('MLP-COMPLETE', () => {
	it.each([
		['complete policy', full, true],
		['SHA-1 suite', { ...full, algorithmSuite: 'Basic256' }, false],
		['Rsa15 suite', { ...full, algorithmSuite: 'Basic256Sha256Rsa15' }, false],
		['3DES suite', { ...full, algorithmSuite: 'TripleDesSha256' }, false],
		['no Timestamp', { ...full, includeTimestamp: false }, false],
		['Body not encrypted', { ...full, encryptedParts: { ...both, body: false } }, false],
		['transport binding', alternative({ binding: 'transport' }), false],
	])('policy: %s', (_name, alt, expected) => {
		expect(alternativeProtected(alt)).toBe(expected);
	});

	const ok = capturedMessage({
		securityHeader: true,
		bodyEncrypted: true,
		timestamp: { present: true, signed: true },
		signedTargets: ['Body', 'Timestamp'],
		digestAlgorithms: ['http://www.w3.org/2001/04/xmlenc#sha256'],
		signatureAlgorithms: ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'],
		keyTransports: ['http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p'],
	});
	it.each([
		['complete message', ok, true],
		[
			'SHA-1 digest',
			{ ...ok, digestAlgorithms: ['http://www.w3.org/2000/09/xmldsig#sha1'] },
			false,
		],
		[
			'RSA-SHA1 signature',
			{ ...ok, signatureAlgorithms: ['http://www.w3.org/2000/09/xmldsig#rsa-sha1'] },
			false,
		],
		[
			'rsa-1_5 key transport',
			{ ...ok, keyTransports: ['http://www.w3.org/2001/04/xmlenc#rsa-1_5'] },
			false,
		],
		['unsigned Timestamp', { ...ok, timestamp: { present: true, signed: false } }, false],
		[
			'PasswordText UsernameToken',
			{ ...ok, usernameToken: { present: true, passwordType: 'text' as const } },
			false,
		],
		['Body in clear', { ...ok, bodyEncrypted: false }, false],
	])('message: %s', (_name, msg, expected) => {
		expect(messageProtected(msg, emptyFacts('2026-01-01T00:00:00Z'))).toBe(expected);
	});
	it.each([
		['no wrapping indicator', {}, true],
		[
			'a duplicated id (XSW-DUPLICATE-ID)',
			{ duplicateIds: [{ id: 'b', paths: ['/a', '/b'] }] },
			false,
		],
		['two Bodies (XSW-MULTIPLE-SECURITY-ELEMENTS, F tier)', { bodyCount: 2 }, false],
		['two Headers (XSW-MULTIPLE-SECURITY-ELEMENTS, F tier)', { headerCount: 2 }, false],
	])('message with %s', (_name, envelope, expected) => {
		const facts = emptyFacts('2026-01-01T00:00:00Z');
		facts.envelopes = [envFacts({ inputName: ok.inputName, ...envelope })];
		expect(messageProtected(ok, facts)).toBe(expected);
	});
});
