// The certificate and key parsers on files written by openssl and python3-cryptography
// (tests/fixtures/keystores, made by scripts/fixtures/keystores/make.sh).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateExtensions } from './certificate-view';
import { pemToDer } from './pem';
import { detectKind } from '../detect';
import { LockedError } from '../errors';
import type { ParseOutcome } from '../pipeline';
import { utf8OrNull } from '../bytes/encoding';
import { parsers } from './input';
import { decryptDekInfo } from './private-key';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');

async function parse(
	name: string,
	password: string | null = null,
	entryPasswords: Record<string, string> = {},
): Promise<ParseOutcome> {
	const bytes = new Uint8Array(readFileSync(resolve(FIX, name)));
	const kind = detectKind(name, bytes).kind;
	const parser = parsers[kind];
	if (!parser) throw new Error(`no x509 parser for ${kind} (${name})`);
	return parser({
		file: { id: name, name, bytes },
		kind,
		text: utf8OrNull(bytes),
		password,
		entryPasswords: new Map(Object.entries(entryPasswords)),
		progress: () => {},
		signal: new AbortController().signal,
	});
}

describe('certificate parsers', () => {
	it('reads a PEM certificate with its extensions', async () => {
		const out = await parse('leaf.pem');
		const [c] = out.facts.certificates ?? [];
		expect(c?.subject).toBe('CN=api.example.com, O=Fixture, C=DE');
		expect(c?.subjectAltNames).toEqual([
			'dns:api.example.com',
			'dns:www.example.com',
			'ip:192.0.2.1',
		]);
		expect(c?.extendedKeyUsage).toEqual(['serverAuth', 'clientAuth']);
		expect(c?.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
		expect(c?.isCA).toBe(false);
		expect(out.detail?.area).toBe('cert');
		if (out.detail?.area === 'cert') {
			const view = out.detail.data.certificates[0];
			const names = certificateExtensions(pemToDer(view?.pem ?? '')).map((e) => e.name);
			expect(names).toContain('Subject Alternative Name');
			expect(view?.extensionCount).toBe(names.length);
			expect(names.length).toBe(6);
			expect(out.detail.data.certificates[0]?.pem).toContain('BEGIN CERTIFICATE');
		}
	});

	it('decodes CRL distribution points, AIA, policies and name constraints', async () => {
		const out = await parse('inter.pem');
		if (out.detail?.area !== 'cert') throw new Error('no detail');
		const ext = certificateExtensions(pemToDer(out.detail.data.certificates[0]?.pem ?? ''));
		const text = (name: string) => ext.find((e) => e.name === name)?.lines.join('\n') ?? '';
		expect(text('CRL Distribution Points')).toContain('http://crl.example.com/inter.crl');
		expect(text('Authority Information Access')).toContain('http://ocsp.example.com');
		expect(text('Certificate Policies')).toContain('2.23.140.1.2.1');
		expect(text('Name Constraints')).toContain('example.com');
		expect(out.facts.certificates?.[0]?.keyAlgorithm).toBe('EC');
		expect(out.facts.certificates?.[0]?.curve).toBe('P-384');
	});

	it('reads an OpenSSL TRUSTED CERTIFICATE as a pinned certificate', async () => {
		const trusted = (await parse('root-trusted.pem')).facts.certificates?.[0];
		const plain = (await parse('root.pem')).facts.certificates?.[0];
		expect(trusted?.sha256).toBe(plain?.sha256);
		expect(trusted?.pinned).toBe(true);
	});

	it('reads a bundle with text around the blocks', async () => {
		const out = await parse('bundle.pem');
		expect(out.facts.certificates?.map((c) => c.subject)).toEqual([
			'CN=api.example.com, O=Fixture, C=DE',
			'CN=Fixture Intermediate CA, O=Fixture CA, C=DE',
		]);
	});

	it.each(['chain.p7b', 'chain-der.p7b'])('reads PKCS#7 %s', async (name) => {
		const out = await parse(name);
		expect(out.facts.certificates).toHaveLength(3);
		expect(out.facts.keystores?.[0]?.type).toBe(name === 'chain.p7b' ? 'PEM' : 'PKCS7');
	});

	it('reads a DER certificate, a CRL, a CSR and a public key', async () => {
		expect((await parse('leaf.der')).facts.certificates).toHaveLength(1);
		for (const [name, text] of [
			['root-crl.pem', '1 revoked certificate'],
			['leaf-csr.pem', 'Certificate request for CN=api.example.com'],
			['leaf-pub.pem', 'Public key: RSA 2048 bits'],
			['root-crl.der', '1 revoked certificate'],
			['leaf-csr.der', 'Certificate request for CN=api.example.com'],
		] as const) {
			const out = await parse(name);
			if (out.detail?.area !== 'cert') throw new Error('no detail');
			expect(out.detail.data.others[0]?.description).toContain(text);
		}
	});
});

describe('private key parsers', () => {
	it.each([
		['leaf.key', 'PKCS#8', false],
		['leaf-pkcs8.der', 'PKCS#8', false],
		['rsa-pkcs1.pem', 'PKCS#1', false],
		['ec-sec1.pem', 'SEC1', false],
		['ed25519.pem', 'PKCS#8', false],
		['dsa-traditional.pem', 'DSA (OpenSSL)', false],
		['dsa.pem', 'PKCS#8', false],
		['leaf-pkcs8-aes.pem', 'PKCS#8', true],
		['leaf-pkcs8-3des.pem', 'PKCS#8', true],
		['leaf-pkcs8-pbes1-sha1-3des.pem', 'PKCS#8', true],
		['leaf-pkcs8-pbes1-md5-des.pem', 'PKCS#8', true],
		['leaf-legacy-aes.pem', 'PKCS#1', true],
		['leaf-legacy-3des.pem', 'PKCS#1', true],
		['ec-sec1-3des.pem', 'SEC1', true],
	] as const)('%s opens as %s', async (name, format, encrypted) => {
		const out = await parse(name, encrypted ? 'storepass' : null);
		const [k] = out.facts.keys ?? [];
		expect(k?.status).toBe('parsed');
		expect(k?.format).toBe(format);
		expect(k?.encrypted).toBe(encrypted);
		expect(out.material.privateKeys?.[0]?.pkcs8.length).toBeGreaterThan(30);
		expect(k?.publicKeyId).toBeTruthy();
	});

	it('pairs the leaf key with the leaf certificate by public key', async () => {
		const cert = (await parse('leaf.pem')).facts.certificates?.[0];
		const key = (await parse('leaf-pkcs8-aes.pem', 'storepass')).facts.keys?.[0];
		expect(key?.publicKeyId).toBe(cert?.publicKeyId);
		const both = await parse('leaf-cert-and-key.pem');
		expect(both.facts.keys?.[0]?.matchesCertSha256).toEqual([cert?.sha256]);
	});

	it('pairs EC and Ed25519 keys through their public points', async () => {
		const ec = (await parse('ec-sec1.pem')).facts.keys?.[0];
		expect(ec?.curve).toBe('P-256');
		expect(ec?.publicKeyId).toMatch(/^ec:04[0-9a-f]{128}$/);
		const ed = (await parse('ed25519.pem')).facts.keys?.[0];
		expect(ed?.publicKeyId).toMatch(/^ed25519:[0-9a-f]{64}$/);
	});

	// scripts/fixtures/keystores/make-dek-info.sh: one key per DEK-Info scheme OpenSSL 3 writes
	// (legacy provider), password "Fixture-Pass-9"; schemes.txt is OpenSSL's list of them, followed
	// by the three IDEA schemes of OpenSSL 1.1 that make-dek-info-idea.py writes as OpenSSL 1.1 does.
	const schemes = readFileSync(resolve(FIX, 'dek-info/schemes.txt'), 'utf8')
		.split('\n')
		.slice(1)
		.filter(Boolean)
		.map((l) => l.split(' ')[1] ?? '');

	it('reads every DEK-Info scheme OpenSSL 3 writes, and the IDEA ones of OpenSSL 1.1', () => {
		expect(schemes.length).toBe(90);
		for (const n of [
			'BF-CBC',
			'DES-EDE-CBC',
			'RC2-40-CBC',
			'AES-256-CFB1',
			'AES-128-CTR',
			'CAMELLIA-192-CBC',
			'CAMELLIA-256-CFB1',
			'ARIA-128-CTR',
			'ARIA-192-CBC',
			'SM4-CBC',
			'SM4-OFB',
			'SEED-CFB',
			'CAST5-CBC',
			'IDEA-CBC',
			'IDEA-CFB',
			'IDEA-OFB',
		])
			expect(schemes).toContain(n);
	});

	it.each(schemes)(
		'legacy PEM DEK-Info %s opens with its password and refuses a wrong one',
		async (name) => {
			const file = `dek-info/${name.toLowerCase()}.pem`;
			const key = (await parse(file, 'Fixture-Pass-9')).facts.keys?.[0];
			expect(key?.status).toBe('parsed');
			expect(key?.keySize).toBe(1024);
			await expect(parse(file, 'wrong')).rejects.toMatchObject({ wrongPassword: true });
		},
	);

	it('names a DEK-Info cipher it has no implementation of (RC5, which OpenSSL disables by default)', async () => {
		await expect(
			decryptDekInfo('RC5-CBC,0011223344556677', 'x', new Uint8Array(16)),
		).rejects.toThrow(/OpenSSL legacy key encryption RC5-CBC is not supported/);
	});

	it.each(['explicit-ec/ec-explicit-sec1.pem', 'explicit-ec/ec-explicit-pkcs8.pem'])(
		'%s: explicit curve parameters get the size openssl reports (256 bits)',
		async (name) => {
			const key = (await parse(name)).facts.keys?.[0];
			expect(key?.status).toBe('parsed');
			expect(key?.keySize).toBe(256);
		},
	);

	it('locks an encrypted key without password and says so when the password is wrong', async () => {
		await expect(parse('leaf-pkcs8-aes.pem')).rejects.toBeInstanceOf(LockedError);
		await expect(parse('leaf-legacy-aes.pem', 'nope')).rejects.toMatchObject({
			wrongPassword: true,
		});
	});
});
