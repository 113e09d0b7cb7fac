// Conformance: every keystore / certificate / key file of the shared corpus (written by Santuario,
// WSS4J and xmlsec, checked by an independent oracle) opens with its password and lists the
// expected entries, certificate fingerprints, subjects and serials.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { utf8OrNull } from '../bytes/encoding';
import { detectKind } from '../detect';
import type { ParseOutcome } from '../pipeline';
import { parsers as x509Parsers } from '../x509/input';
import { parsers as keystoreParsers } from './input';
import { CORPUS } from '../../../tests/support/vectors';

const PARSERS = { ...x509Parsers, ...keystoreParsers };

interface ExpectedCert {
	sha256: string;
	subject: string;
	serial: string;
}
interface ExpectedEntry {
	alias?: string;
	type: 'privateKey' | 'trustedCert' | 'certificate' | 'crl' | 'certificateRequest';
	certChain?: ExpectedCert[];
	privateKeyMatchesFirstCert?: boolean;
	revokedSerials?: string[];
	subject?: string;
}
interface ManifestKeystore {
	id: string;
	file: string;
	password?: string | null;
	format: string;
	expect: { opens: boolean; entries: ExpectedEntry[] };
}

const manifest = JSON.parse(readFileSync(resolve(CORPUS, 'manifest.json'), 'utf8')) as {
	keystores: ManifestKeystore[];
};
let passed = 0;

async function open(k: ManifestKeystore): Promise<ParseOutcome> {
	const bytes = new Uint8Array(readFileSync(resolve(CORPUS, k.file)));
	const kind = detectKind(k.file, bytes).kind;
	const parser = PARSERS[kind];
	if (!parser) throw new Error(`${k.file}: detected as ${kind}, which has no parser`);
	return parser({
		file: { id: k.id, name: k.file.split('/').pop() ?? k.file, bytes },
		kind,
		text: utf8OrNull(bytes),
		password: k.password ?? null,
		entryPasswords: new Map(),
		progress: () => {},
		signal: new AbortController().signal,
	});
}

// The oracle prints emailAddress by OID; we print it as Java does.
const normalize = (dn: string) =>
	dn.replace(/,\s+/g, ',').replace(/EMAILADDRESS=/g, '1.2.840.113549.1.9.1=');

describe('keystore corpus', () => {
	afterAll(() => {
		console.log(`keystore corpus: ${passed}/${manifest.keystores.length} passed`);
	});

	it.each(manifest.keystores.map((k) => [k.file, k] as const))('%s', async (_file, k) => {
		const out = await open(k);
		const certs = out.facts.certificates ?? [];
		const store = out.facts.keystores?.[0];
		const detail = out.detail?.area === 'cert' ? out.detail.data : null;
		for (const e of k.expect.entries) {
			for (const c of e.certChain ?? []) {
				const got = certs.find((x) => x.sha256 === c.sha256);
				expect(got, `certificate ${c.sha256} of ${e.alias ?? e.type}`).toBeDefined();
				expect(normalize(got?.subject ?? '')).toBe(c.subject);
				expect(got?.serialNumber).toBe(c.serial);
			}
			if (e.type === 'privateKey') {
				if (store && store.type !== 'PEM') {
					const keys = store.entries.filter((x) => x.type === 'private-key');
					const entry =
						keys.find((x) => e.alias != null && x.alias.toLowerCase() === e.alias.toLowerCase()) ??
						keys.find(
							(x) => e.certChain?.[0] !== undefined && x.certSha256[0] === e.certChain[0].sha256,
						) ??
						(keys.length === 1 ? keys[0] : undefined);
					expect(entry, `private key entry ${e.alias}`).toBeDefined();
					expect(entry?.keyLocked).toBe(false);
					if (e.certChain?.[0]) expect(entry?.certSha256[0]).toBe(e.certChain[0].sha256);
				}
				const keys = (out.facts.keys ?? []).filter((x) => x.status === 'parsed');
				expect(keys.length, 'readable private keys').toBeGreaterThan(0);
				if (e.privateKeyMatchesFirstCert && e.certChain?.[0]) {
					const sha = e.certChain[0].sha256;
					expect(
						keys.some((x) => x.matchesCertSha256.includes(sha)),
						`a key matches ${sha}`,
					).toBe(true);
				}
			}
			if (e.type === 'trustedCert' && store && e.alias != null) {
				const alias = e.alias.toLowerCase();
				const entry = store.entries.find((x) => x.alias.toLowerCase() === alias);
				expect(entry?.type).toBe('trusted-certificate');
			}
			if (e.type === 'crl') {
				expect(
					detail?.others.some((o) =>
						o.description.includes(`${e.revokedSerials?.length ?? 0} revoked`),
					),
				).toBe(true);
			}
			if (e.type === 'certificateRequest' && e.subject) {
				expect(detail?.others.some((o) => normalize(o.description).includes(e.subject ?? ''))).toBe(
					true,
				);
			}
		}
		passed++;
	});
});
