// Must-flag / must-not-flag table for CERT-CHAIN-INCOMPLETE.
import { describe, expect, it } from 'vitest';
import type { CertificateFacts } from '../../core/x509/facts';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certChainIncomplete as rule } from './cert-chain-incomplete';

const root = certFacts({
	sha256: 'r'.repeat(64),
	role: 'root',
	selfIssued: true,
	selfSigned: true,
	isCA: true,
	subject: 'CN=Root',
	issuer: 'CN=Root',
});
const inter = certFacts({
	sha256: 'i'.repeat(64),
	role: 'intermediate',
	isCA: true,
	subject: 'CN=Inter',
	issuer: 'CN=Root',
});
const leaf = (chain: string[], extra: Partial<CertificateFacts> = {}) =>
	certFacts({
		privateKeyInInput: true,
		issuer: 'CN=Inter',
		chain: ['l'.repeat(64), ...chain],
		sha256: 'l'.repeat(64),
		...extra,
	});

describe('CERT-CHAIN-INCOMPLETE', () => {
	it.each<[string, CertificateFacts[], string[], number]>([
		['leaf alone, issuer nowhere', [leaf([])], [], 1],
		[
			'leaf + intermediate + root in the file',
			[leaf([inter.sha256, root.sha256]), inter, root],
			[],
			0,
		],
		[
			'leaf + intermediate, root is an anchor',
			[leaf([inter.sha256, root.sha256]), inter],
			[root.sha256],
			0,
		],
		[
			'intermediate only in another file',
			[leaf([inter.sha256, root.sha256]), { ...inter, inputName: 'other.pem' }, root],
			[],
			1,
		],
		['leaf without its key (not deployed here)', [leaf([], { privateKeyInInput: false })], [], 0],
		['self-signed leaf', [leaf([], { selfIssued: true, selfSigned: true })], [], 0],
		// PKCS#12 from openssl/keytool: leaf + intermediate, the root left out as it should be
		['leaf + intermediate, root not supplied anywhere', [leaf([inter.sha256]), inter], [], 0],
		[
			'leaf + intermediate, root only in another file',
			[leaf([inter.sha256, root.sha256]), inter, { ...root, inputName: 'ca.pem' }],
			[],
			0,
		],
		[
			'leaf issued directly by a public root that is not supplied',
			[leaf([], { publicRoot: { name: 'ISRG Root X1', match: 'issuer' } })],
			[],
			0,
		],
	])('%s', (_n, certs, anchors, count) => {
		const hits = runRule(rule, facts({ certificates: certs, trustAnchors: anchors }));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect([h.severity, h.effect]).toEqual(['medium', 'cap B']);
	});
});
