// PKCS#12 in public-key privacy mode (EnvelopedData made by `openssl cms -encrypt`, see
// scripts/fixtures/keystores/make-enveloped.sh): the enveloped part is named as not supported,
// and the certificate bags beside it are still listed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPkcs12 } from './pkcs12';

const FILE = resolve(
	import.meta.dirname,
	'../../../tests/fixtures/keystores/enveloped/enveloped-key.p12',
);

describe('PKCS#12 with an EnvelopedData SafeContents', () => {
	it('names the unsupported bag and still lists the certificates', async () => {
		const bytes = new Uint8Array(readFileSync(FILE));
		const out = await readPkcs12({
			file: { id: 'e', name: 'enveloped-key.p12', bytes },
			kind: 'pkcs12',
			text: null,
			password: null,
			entryPasswords: new Map(),
			progress: () => {},
			signal: new AbortController().signal,
		});
		const ks = out.facts.keystores?.[0];
		expect(ks?.bags.filter((b) => b.kind === 'enveloped-safe')).toEqual([
			expect.objectContaining({
				unopened: true,
				note: 'not supported: EnvelopedData (public-key encrypted) bag',
			}),
		]);
		expect(ks?.bags.filter((b) => b.kind === 'certificate')).toHaveLength(2);
		expect(out.facts.certificates?.map((c) => c.subject).sort()).toEqual([
			'CN=Fixture Intermediate CA, O=Fixture CA, C=DE',
			'CN=api.example.com, O=Fixture, C=DE',
		]);
		expect(ks?.integrity.kind).toBe('none');
		const detail = out.detail?.area === 'keystore' ? out.detail.data : null;
		expect(detail?.summary).toContain('EnvelopedData');
	});
});
