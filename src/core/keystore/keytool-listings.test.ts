// Keystores compared with a producer's listing: aliases, entry types, chain lengths and every
// certificate's SHA-256 fingerprint as `keytool -list -v` prints them.
// - keytool of a second JDK (Temurin 25: PKCS12, JKS, JCEKS with key entries, a chain of two, a
//   trusted certificate and a secret key), scripts/fixtures/keystores/make-jdk25.sh;
// - PKCS#12 in the legacy shapes of Windows, old Java and python-cryptography (openssl 3 -legacy
//   PBEs, 3DES both, unencrypted certificates, RC2-128/RC4, nothing encrypted and no MAC),
//   scripts/fixtures/keystores/make-pkcs12-windows.sh, with JDK 17 keytool's listing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputKind } from '../report/report';
import { parsers } from './input';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');
const DIR = resolve(FIX, 'jdk25');
const WIN = resolve(FIX, 'pkcs12-windows');

const KT: Record<string, string> = {
	'private-key': 'PrivateKeyEntry',
	'trusted-certificate': 'trustedCertEntry',
	'secret-key': 'SecretKeyEntry',
};

/** keytool -list -v: per alias, its entry type and the SHA-256 fingerprints of its certificates. */
function listing(text: string): Map<string, { type: string; sha256: string[] }> {
	const out = new Map<string, { type: string; sha256: string[] }>();
	for (const block of text.split(/^Alias name: /m).slice(1)) {
		const alias = block.slice(0, block.indexOf('\n'));
		const type = /^Entry type: (\w+)/m.exec(block)?.[1] ?? '?';
		const sha256 = [...block.matchAll(/^\s*SHA256: ([0-9A-F:]+)$/gm)].map((m) =>
			(m[1] ?? '').replaceAll(':', '').toLowerCase(),
		);
		out.set(alias, { type, sha256 });
	}
	return out;
}

async function open(path: string, kind: InputKind, password: string) {
	const parse = parsers[kind];
	if (!parse) throw new Error(`no ${kind} parser`);
	const name = path.slice(path.lastIndexOf('/') + 1);
	const out = await parse({
		file: { id: name, name, bytes: new Uint8Array(readFileSync(path)) },
		kind,
		text: null,
		password,
		entryPasswords: new Map(),
		progress: () => {},
		signal: new AbortController().signal,
	});
	const ks = out.facts.keystores?.[0];
	if (!ks) throw new Error('no keystore facts');
	return { ks, keys: out.facts.keys ?? [] };
}

function entriesOf(ks: Awaited<ReturnType<typeof open>>['ks']) {
	return Object.fromEntries(
		ks.entries.map((e) => [e.alias, { type: KT[e.type] ?? e.type, sha256: e.certSha256 }]),
	);
}

describe('keytool 25 keystores match keytool -list -v', () => {
	it('the generator ran keytool 25', () => {
		expect(readFileSync(resolve(DIR, 'keytool-version.txt'), 'utf8')).toMatch(/^keytool 25\./);
	});

	it.each([
		['keytool25.p12', 'pkcs12'],
		['keytool25.jks', 'jks'],
		['keytool25.jceks', 'jceks'],
		// the same store under the JDK's PKCS#12 security properties
		['keytool25-legacy.p12', 'pkcs12'],
		['keytool25-nomac.p12', 'pkcs12'],
		['keytool25-sha512.p12', 'pkcs12'],
		['keytool25-iter1.p12', 'pkcs12'],
	] as [string, InputKind][])('%s', async (name, kind) => {
		const { ks } = await open(resolve(DIR, name), kind, 'jdk25-Pass');
		const want = listing(readFileSync(resolve(DIR, `${name}.keytool.txt`), 'utf8'));
		expect(want.size).toBe(kind === 'jks' ? 3 : 4);
		// no MAC: nothing to verify, and the store must not claim it was
		expect(ks.integrity.verified).toBe(name.includes('nomac') ? null : true);
		expect(entriesOf(ks)).toEqual(Object.fromEntries(want));
		expect(ks.entries.filter((e) => e.type === 'private-key').every((e) => !e.keyLocked)).toBe(
			true,
		);
	});
});

/** keytool's "Subject Public Key Algorithm" line as this analyzer names the key. */
function keytoolKey(line: string): string {
	const m = /^(?:(\d+)-bit )?([\w-]+)(?: \(\w+\))? key$/.exec(line.trim());
	if (!m) return `? ${line}`;
	// A RSASSA-PSS key is an RSA key here (its size is judged like any RSA key's).
	const alg = m[2] === 'RSASSA-PSS' ? 'RSA' : (m[2] ?? '');
	const bits: Record<string, string> = { Ed25519: '256', Ed448: '448' };
	return `${alg} ${m[1] ?? bits[alg] ?? '-'}`;
}

describe('keytool 25: one key entry per key algorithm', () => {
	it.each([
		['keytool25-algs.p12', 'pkcs12'],
		['keytool25-algs.jks', 'jks'],
	] as [string, InputKind][])(
		'%s: entries and key algorithms as keytool lists them',
		async (name, kind) => {
			const { ks, keys } = await open(resolve(DIR, name), kind, 'jdk25-Pass');
			const text = readFileSync(resolve(DIR, `${name}.keytool.txt`), 'utf8');
			const want = listing(text);
			expect(want.size).toBe(6);
			expect(entriesOf(ks)).toEqual(Object.fromEntries(want));
			const algs = Object.fromEntries(
				text
					.split(/^Alias name: /m)
					.slice(1)
					.map((b) => [
						b.slice(0, b.indexOf('\n')),
						keytoolKey(/^Subject Public Key Algorithm: (.*)$/m.exec(b)?.[1] ?? ''),
					]),
			);
			expect(algs.mldsa65).toBe('ML-DSA-65 -');
			expect(
				Object.fromEntries(keys.map((k) => [k.alias, `${k.keyAlgorithm} ${k.keySize ?? '-'}`])),
			).toEqual(algs);
			expect(keys.every((k) => k.status === 'parsed')).toBe(true);
		},
	);
});

describe('Windows-style and legacy PKCS#12 match keytool -list -v', () => {
	it.each([
		'win-xp.p12',
		'win-3des-both.p12',
		'certs-plain.p12',
		'rc2-128-certs.p12',
		'pyca-3des-chain.p12',
		'win-csp-lmk.p12',
		'noname.p12',
	])('%s', async (name) => {
		const { ks, keys } = await open(resolve(WIN, name), 'pkcs12', 'win-Pass1');
		const want = listing(readFileSync(resolve(WIN, `${name}.keytool.txt`), 'utf8'));
		// the key entry, under its friendly name or the name keytool gives an unnamed one
		expect(want.get(name === 'noname.p12' ? '1' : 'server')?.sha256).toHaveLength(2);
		expect(ks.integrity.verified).toBe(true);
		expect(entriesOf(ks)).toEqual(Object.fromEntries(want));
		expect(keys.map((k) => k.status)).toEqual(['parsed']);
	});

	it('all-plain-nomac.p12: keytool lists nothing (it skips plain key bags); openssl -info is the listing', async () => {
		expect(readFileSync(resolve(WIN, 'all-plain-nomac.p12.keytool.txt'), 'utf8')).toContain(
			'Your keystore contains 0 entries',
		);
		const info = readFileSync(resolve(WIN, 'all-plain-nomac.p12.openssl.txt'), 'utf8');
		const certs = [
			...info.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g),
		].map((m) =>
			createHash('sha256')
				.update(Buffer.from((m[1] ?? '').replace(/\s/g, ''), 'base64'))
				.digest('hex'),
		);
		expect(certs).toHaveLength(2);
		expect(info).toMatch(/Key bag\nBag Attributes\n\s+friendlyName: server/);
		const { ks, keys } = await open(resolve(WIN, 'all-plain-nomac.p12'), 'pkcs12', 'win-Pass1');
		expect(ks.entries.map((e) => [e.alias, e.type])).toEqual([['server', 'private-key']]);
		expect([...(ks.entries[0]?.certSha256 ?? [])].sort()).toEqual([...certs].sort());
		expect(keys.map((k) => [k.status, k.encrypted])).toEqual([['parsed', false]]);
	});

	it('plain-noname.p12: a plain key bag without friendly name is "1" as keytool names unnamed entries, not its localKeyId', async () => {
		expect(readFileSync(resolve(WIN, 'plain-noname.p12.openssl.txt'), 'utf8')).not.toContain(
			'friendlyName',
		);
		const { ks } = await open(resolve(WIN, 'plain-noname.p12'), 'pkcs12', 'win-Pass1');
		expect(ks.entries.map((e) => [e.alias, e.type, e.certSha256.length])).toEqual([
			['1', 'private-key', 1],
		]);
	});
});
