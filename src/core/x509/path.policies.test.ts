// Certificate-policy processing (RFC 5280 §6.1) against OpenSSL's policy tree: chains made by
// python3-cryptography (scripts/fixtures/pki/make-policies.py, shaped after NIST PKITS 4.8–4.12)
// with `openssl verify -policy_check -policy anyPolicy [-explicit_policy]` as the expectation.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../bytes/digest';
import {
	CertificatePool,
	buildAndValidate,
	pathCertificate,
	validatePath,
	type PathCert,
} from './path';
import { splitPem } from './pem';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/pki/policies');
const expected = JSON.parse(readFileSync(resolve(DIR, 'expected.json'), 'utf8')) as {
	attime: string;
	cases: Record<string, { default: boolean; explicit: boolean; openssl: string[] }>;
};

async function certs(dir: string, file: string): Promise<PathCert[]> {
	const out: PathCert[] = [];
	for (const b of splitPem(readFileSync(resolve(DIR, dir, file), 'utf8')))
		out.push(pathCertificate(b.der, await sha256Hex(b.der)));
	return out;
}

async function verdict(dir: string, explicitPolicy: boolean) {
	const [root] = await certs(dir, 'root.pem');
	const [leaf] = await certs(dir, 'leaf.pem');
	if (!root || !leaf) throw new Error(`${dir}: missing root or leaf`);
	const pool = new CertificatePool();
	pool.add(root);
	for (const c of await certs(dir, 'untrusted.pem')) pool.add(c);
	return buildAndValidate(leaf, pool, new Set([root.sha256]), {
		time: Date.parse(expected.attime),
		explicitPolicy,
	});
}

describe('certificate policies agree with openssl verify -policy_check', () => {
	const cases = Object.entries(expected.cases);
	it('has the generated cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(20);
		// both verdicts occur in each mode, so a validator ignoring policies cannot pass
		for (const mode of ['default', 'explicit'] as const) {
			expect(cases.some(([, v]) => v[mode])).toBe(true);
			expect(cases.some(([, v]) => !v[mode])).toBe(true);
		}
	});
	for (const [name, want] of cases) {
		it(`${name}: ${want.default ? 'valid' : 'invalid'}, with an explicit policy ${want.explicit ? 'valid' : 'invalid'}`, async () => {
			const plain = await verdict(name, false);
			const explicit = await verdict(name, true);
			expect(
				{ default: plain.valid, explicit: explicit.valid },
				`${plain.error} / ${explicit.error}`,
			).toEqual({
				default: want.default,
				explicit: want.explicit,
			});
			for (const r of [plain, explicit])
				if (!r.valid) expect(r.error).toMatch(/RFC 5280 6\.1\.[345]/);
		});
	}
});

describe('policy tree bounds', () => {
	it('a path whose policies would blow the tree up is refused with the limit named', async () => {
		const [root] = await certs('same-policy', 'root.pem');
		const [inter] = await certs('same-policy', 'untrusted.pem');
		const [leaf] = await certs('same-policy', 'leaf.pem');
		if (!root || !inter || !leaf) throw new Error('fixture missing');
		// The parsed policies are swapped for 3000 distinct ones on both certificates (the
		// signatures were checked on the real bytes): 3000 × 3000 matching steps.
		const many = Array.from({ length: 3000 }, (_, i) => `1.3.6.1.4.1.55555.${i}`);
		const v = await validatePath(
			[{ ...leaf, policies: many }, { ...inter, policies: many }, root],
			{ time: Date.parse(expected.attime) },
		);
		expect(v.error).toMatch(/policy tree nodes or \d+ steps; refused/);
	});
});
