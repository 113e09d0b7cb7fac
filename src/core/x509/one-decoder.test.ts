// One certificate decoder (x509/certificate-facts.ts readRawCertificate): no other module builds a
// pkijs Certificate, except the three that hand one to pkijs to verify a signature (see the
// header of certificate-facts.ts), and the XML readers read certificates through it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		if (statSync(p).isDirectory()) return sources(p);
		return /\.(ts|svelte)$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
	});
}

describe('one certificate decoder', () => {
	const files = sources(SRC).map((p) => ({
		path: relative(SRC, p).replaceAll('\\', '/'),
		text: readFileSync(p, 'utf8'),
	}));

	it('pkijs certificates are built only to verify signatures with pkijs', () => {
		const builders = files
			.filter((f) => /Certificate\.fromBER|new (?:pkijs\.)?Certificate\(/.test(f.text))
			.map((f) => f.path)
			.sort();
		expect(builders).toEqual([
			'core/x509/certificate-facts.ts',
			'core/x509/crl-check.ts',
			'core/x509/path.ts',
		]);
	});

	it('the XML signature and encryption certificate readers go through readRawCertificate', () => {
		// both read the certificate-key model (certificate-key.ts), built by the decoder
		for (const path of ['core/x509/certificate-key.ts'])
			expect(files.find((f) => f.path === path)?.text).toContain('readRawCertificate(');
	});
});
