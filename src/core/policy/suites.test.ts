// The algorithm suite table of RULES.md 1.10 (WS-SP 6.1 as encoded by WSS4J AlgorithmSuite.java).
import { describe, expect, it } from 'vitest';
import { ALG, SUITES, algorithmName, suiteAlgorithms } from './suites';

describe('WS-SecurityPolicy algorithm suites', () => {
	it.each([
		['Basic256', ALG.sha1, ALG.aes256cbc, ALG.kwAes256, ALG.rsaOaep, 256],
		['Basic192', ALG.sha1, ALG.aes192cbc, ALG.kwAes192, ALG.rsaOaep, 192],
		['Basic128', ALG.sha1, ALG.aes128cbc, ALG.kwAes128, ALG.rsaOaep, 128],
		['TripleDes', ALG.sha1, ALG.tripledes, ALG.kwTripleDes, ALG.rsaOaep, 192],
		['Basic256Rsa15', ALG.sha1, ALG.aes256cbc, ALG.kwAes256, ALG.rsa15, 256],
		['Basic192Rsa15', ALG.sha1, ALG.aes192cbc, ALG.kwAes192, ALG.rsa15, 192],
		['Basic128Rsa15', ALG.sha1, ALG.aes128cbc, ALG.kwAes128, ALG.rsa15, 128],
		['TripleDesRsa15', ALG.sha1, ALG.tripledes, ALG.kwTripleDes, ALG.rsa15, 192],
		['Basic256Sha256', ALG.sha256, ALG.aes256cbc, ALG.kwAes256, ALG.rsaOaep, 256],
		['Basic192Sha256', ALG.sha256, ALG.aes192cbc, ALG.kwAes192, ALG.rsaOaep, 192],
		['Basic128Sha256', ALG.sha256, ALG.aes128cbc, ALG.kwAes128, ALG.rsaOaep, 128],
		['TripleDesSha256', ALG.sha256, ALG.tripledes, ALG.kwTripleDes, ALG.rsaOaep, 192],
		['Basic256Sha256Rsa15', ALG.sha256, ALG.aes256cbc, ALG.kwAes256, ALG.rsa15, 256],
		['Basic192Sha256Rsa15', ALG.sha256, ALG.aes192cbc, ALG.kwAes192, ALG.rsa15, 192],
		['Basic128Sha256Rsa15', ALG.sha256, ALG.aes128cbc, ALG.kwAes128, ALG.rsa15, 128],
		['TripleDesSha256Rsa15', ALG.sha256, ALG.tripledes, ALG.kwTripleDes, ALG.rsa15, 192],
	])('%s', (name, digest, encryption, symKeyWrap, asymKeyWrap, minSkl) => {
		const s = suiteAlgorithms(name);
		expect(s).toMatchObject({
			standard: true,
			digest,
			encryption,
			symKeyWrap,
			asymKeyWrap,
			minSymmetricKeyLength: minSkl,
		});
		// Shared by every standard suite (RULES.md 1.10).
		expect(s).toMatchObject({
			symSignature: ALG.hmacSha1,
			asymSignature: ALG.rsaSha1,
			c14n: ALG.excC14n,
			minAsymmetricKeyLength: 1024,
			maxAsymmetricKeyLength: 4096,
		});
	});

	it('knows exactly the 16 standard suites plus the WSS4J/CXF GCM extensions', () => {
		expect([...SUITES.values()].filter((s) => s.standard)).toHaveLength(16);
		expect(suiteAlgorithms('Basic256GCM')).toMatchObject({
			standard: false,
			encryption: ALG.aes256gcm,
		});
		expect(suiteAlgorithms('NoSuchSuite')).toBeNull();
	});

	it('names algorithms for people', () => {
		expect(algorithmName(ALG.rsaOaep)).toBe('RSA-OAEP');
		expect(algorithmName(ALG.aes256cbc)).toBe('AES-256-CBC');
		expect(algorithmName('urn:unknown#thing')).toBe('thing');
	});
});
