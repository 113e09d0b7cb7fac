// Keystores written by keytool of a second JDK (Temurin 25: PKCS12, JKS, JCEKS with key entries,
// a chain of two, a trusted certificate and a secret key), each read back and compared with
// keytool's own `keytool -list -v` listing: aliases, entry types, chain lengths and every
// certificate's SHA-256 fingerprint. Fixtures: scripts/fixtures/keystores/make-jdk25.sh.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputKind } from '../report/report';
import { parsers } from './input';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/keystores/jdk25');
const PASSWORD = 'jdk25-Pass';

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

describe('keytool 25 keystores match keytool -list -v', () => {
	it('the generator ran keytool 25', () => {
		expect(readFileSync(resolve(DIR, 'keytool-version.txt'), 'utf8')).toMatch(/^keytool 25\./);
	});

	it.each([
		['keytool25.p12', 'pkcs12'],
		['keytool25.jks', 'jks'],
		['keytool25.jceks', 'jceks'],
	] as [string, InputKind][])('%s', async (name, kind) => {
		const parse = parsers[kind];
		if (!parse) throw new Error(`no ${kind} parser`);
		const out = await parse({
			file: { id: name, name, bytes: new Uint8Array(readFileSync(resolve(DIR, name))) },
			kind,
			text: null,
			password: PASSWORD,
			entryPasswords: new Map(),
			progress: () => {},
			signal: new AbortController().signal,
		});
		const ks = out.facts.keystores?.[0];
		if (!ks) throw new Error('no keystore facts');
		const want = listing(readFileSync(resolve(DIR, `${name}.keytool.txt`), 'utf8'));
		expect(want.size).toBe(kind === 'jks' ? 3 : 4);
		expect(ks.integrity.verified).toBe(true);
		const got = new Map(
			ks.entries.map((e) => [e.alias, { type: KT[e.type] ?? e.type, sha256: e.certSha256 }]),
		);
		expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
		expect(ks.entries.filter((e) => e.type === 'private-key').every((e) => !e.keyLocked)).toBe(
			true,
		);
	});
});
