// The certificate stage on real chains: each tests/fixtures/pki/chains case (python3-cryptography)
// gets openssl verify's verdict (expected.json; one case where openssl's path building stops early
// is stated there with the reason), completeness relative to the anchors, and roles.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { InputFile } from '../pipeline';

const PKI = resolve(import.meta.dirname, '../../../tests/fixtures/pki/chains');
const KEYSTORES = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');
const expected = JSON.parse(readFileSync(resolve(PKI, 'expected.json'), 'utf8')) as {
	attime: string;
	cases: Record<string, { valid: boolean; openssl: string[]; note?: string }>;
};

function file(dir: string, name: string, as = name): InputFile {
	return { id: as, name: as, bytes: new Uint8Array(readFileSync(resolve(dir, name))) };
}

async function analyze(
	files: InputFile[],
	opts: { now?: string; truststores?: string[]; passwords?: Record<string, string> } = {},
) {
	return new Analyzer().run(
		{
			files,
			passwords: opts.passwords ?? {},
			entryPasswords: {},
			settings: {
				now: opts.now ?? expected.attime,
				trustAnchors: [],
				truststoreInputs: opts.truststores ?? [],
				rawKeys: [],
			},
		},
		() => {},
		new AbortController().signal,
	);
}

describe('certificate stage: paths against openssl verify', () => {
	it.each(Object.entries(expected.cases))('%s', async (name, want) => {
		const dir = resolve(PKI, name);
		const { facts, report } = await analyze(
			[file(dir, 'root.pem'), file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')],
			{ truststores: ['root.pem'] },
		);
		const leaf = facts.certificates.find((c) => c.inputName === 'leaf.pem');
		expect(leaf?.chainValid, leaf?.chainError).toBe(want.valid);
		const untrusted = report.findings.filter(
			(f) => f.ruleId === 'CERT-UNTRUSTED-CHAIN' && f.inputName === 'leaf.pem',
		);
		expect(untrusted).toHaveLength(want.valid ? 0 : 1);
		if (want.valid) {
			// the validated path ends at the anchor, through an intermediate that is valid now
			// root.pem may hold several anchors (cross-signed-one-expired: both roots)
			const roots = facts.certificates.filter((c) => c.inputName === 'root.pem');
			expect(roots.map((r) => r.sha256)).toContain(leaf?.chain.at(-1));
			for (const sha of leaf?.chain ?? []) {
				const c = facts.certificates.find((x) => x.sha256 === sha);
				expect(Date.parse(c?.notAfter ?? '')).toBeGreaterThan(Date.parse(expected.attime));
			}
		} else {
			expect(leaf?.chainError).toBeTruthy();
		}
	});

	it('names why the other candidate paths failed', async () => {
		const dir = resolve(PKI, 'cross-signed-untrusted-and-trusted');
		const { facts } = await analyze(
			[file(dir, 'root.pem'), file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')],
			{ truststores: ['root.pem'] },
		);
		const leaf = facts.certificates.find((c) => c.inputName === 'leaf.pem');
		expect(leaf?.chainValid).toBe(true);
		// the path through the cross-sign ends at an untrusted root: never anchored, so not
		// "rejected" but also not the chosen path
		expect(leaf?.chain).toHaveLength(3);
		const expiredDir = resolve(PKI, 'inter-expired');
		const r = await analyze(
			[
				file(expiredDir, 'root.pem'),
				file(expiredDir, 'untrusted.pem'),
				file(expiredDir, 'leaf.pem'),
			],
			{ truststores: ['root.pem'] },
		);
		const l2 = r.facts.certificates.find((c) => c.inputName === 'leaf.pem');
		expect(l2?.chainError).toMatch(/Fixture Intermediate.* expired on 2026-01-01T00:00:00Z/);
	});
});

describe('certificate stage: completeness and roles', () => {
	it('leaf + intermediate without the root (openssl pkcs12) is complete', async () => {
		const { report } = await analyze([file(KEYSTORES, 'openssl3-default.p12')], {
			now: '2026-11-22T12:00:00Z',
			passwords: { 'openssl3-default.p12': 'storepass' },
		});
		expect(report.findings.map((f) => f.ruleId)).not.toContain('CERT-CHAIN-INCOMPLETE');
	});

	it('the same certificates as PEM without the intermediate are incomplete', async () => {
		const { report } = await analyze([file(KEYSTORES, 'leaf-cert-and-key.pem')], {
			now: '2026-11-22T12:00:00Z',
		});
		expect(report.findings.map((f) => f.ruleId)).toContain('CERT-CHAIN-INCOMPLETE');
	});

	it('a self-signed 1024-bit RSA / SHA-1 certificate alone is judged (openssl req -x509)', async () => {
		const { facts, report } = await analyze([file(KEYSTORES, 'rsa1024-sha1.pem')], {
			now: '2026-11-22T12:00:00Z',
		});
		expect(facts.certificates[0]?.role).toBe('leaf');
		const ids = report.findings.map((f) => f.ruleId);
		expect(ids).toEqual(
			expect.arrayContaining(['CERT-RSA-KEY-SIZE', 'CERT-WEAK-SIGNATURE', 'CERT-SELF-SIGNED']),
		);
		expect(report.grade.byArea.certificates).not.toBe('A+');
	});

	it('the same certificate marked as a truststore is a root: no leaf findings', async () => {
		const { facts, report } = await analyze([file(KEYSTORES, 'rsa1024-sha1.pem')], {
			now: '2026-11-22T12:00:00Z',
			truststores: ['rsa1024-sha1.pem'],
		});
		expect(facts.certificates[0]?.role).toBe('root');
		const ids = report.findings.map((f) => f.ruleId);
		expect(ids).not.toContain('CERT-SELF-SIGNED');
		expect(ids).not.toContain('CERT-WEAK-SIGNATURE');
	});
});

describe('profile deviations accepted with the verdict', () => {
	// The xmlsec interop suite's test CA (vendored with the XML encryption corpus keys): root and
	// second-level CA carry a non-critical basicConstraints cA (RFC 5280 4.2.1.9 wants it
	// critical); xmlsec states signatures over it valid, so the chain validates and says why not
	// cleanly (x509-limbo's root-non-critical-basic-constraints, see path.limbo.test.ts).
	it('xmlsec test CA: validates, with the non-critical basicConstraints named', async () => {
		const pem = readFileSync(
			resolve(
				import.meta.dirname,
				'../../../tests/fixtures/xmlenc/corpus-keys/xmlsec_keys_rsa_rsa-2048-key.p12.certs.pem',
			),
			'utf8',
		);
		const blocks =
			pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [];
		expect(blocks).toHaveLength(3);
		const [leafPem = '', secondPem = '', rootPem = ''] = blocks;
		const text = (name: string, s: string): InputFile => ({
			id: name,
			name,
			bytes: new TextEncoder().encode(s),
		});
		const { facts, report } = await analyze(
			[text('root.pem', rootPem), text('second.pem', secondPem), text('leaf.pem', leafPem)],
			{ now: '2026-06-01T00:00:00Z', truststores: ['root.pem'] },
		);
		const leaf = facts.certificates.find((c) => c.inputName === 'leaf.pem');
		expect(leaf?.chainValid, leaf?.chainError).toBe(true);
		// the deviations reach the JSON report, not only the page's card
		const reported = report.certificates.find((c) => c.inputName === 'leaf.pem');
		expect(reported?.chainVerdict).toBe('valid');
		expect(reported?.chainDeviations).toEqual(leaf?.chainDeviations);
		expect(leaf?.chain).toHaveLength(3);
		expect(leaf?.chainDeviations).toEqual([
			expect.stringMatching(
				/Second level CA.*basicConstraints is not marked critical \(RFC 5280 4\.2\.1\.9/,
			),
			expect.stringMatching(
				/Root CA.*basicConstraints is not marked critical \(RFC 5280 4\.2\.1\.9/,
			),
		]);
	});
});

describe('without trust anchors: the supplied chain', () => {
	// RFC 5280 §6 on the chain as supplied (untrusted.pem + leaf.pem, no root): what no anchor can
	// change fails the chain whatever anchor is added (the case is invalid with its root too);
	// a chain that passes cannot be verified, which blocks A+ and says what would settle it.
	it.each(Object.entries(expected.cases))('%s', async (name, want) => {
		const dir = resolve(PKI, name);
		const { report } = await analyze([file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')]);
		const leaf = report.certificates.find((c) => c.inputName === 'leaf.pem');
		const untrusted = report.findings.filter(
			(f) => f.ruleId === 'CERT-UNTRUSTED-CHAIN' && f.inputName === 'leaf.pem',
		);
		if (want.valid) {
			expect(leaf?.chainVerdict, leaf?.chainError).toBe('cannot-verify');
			expect(leaf?.chainError).toMatch(/no trust anchor supplied: supply the truststore/);
			expect(untrusted).toEqual([]);
			expect(report.grade.overall).not.toBe('A+');
			expect(report.grade.capReasons).toContainEqual(
				expect.stringMatching(/no trust anchor supplied.*caps the grade at A$/),
			);
		} else {
			expect(leaf?.chainVerdict, leaf?.chainError).toBe('invalid');
			expect(untrusted).toHaveLength(1);
			expect(untrusted[0]?.evidence).toMatch(/whatever trust anchor is added\)$/);
			expect(report.grade.overall).toBe('T');
		}
	});

	it('the root in the bundle is not a trust anchor: still cannot verify', async () => {
		const dir = resolve(PKI, 'valid');
		const { report } = await analyze([
			file(dir, 'root.pem'),
			file(dir, 'untrusted.pem'),
			file(dir, 'leaf.pem'),
		]);
		const leaf = report.certificates.find((c) => c.inputName === 'leaf.pem');
		expect(leaf?.chainVerdict).toBe('cannot-verify');
		expect(report.findings.map((f) => f.ruleId)).not.toContain('CERT-UNTRUSTED-CHAIN');
	});
});
describe('a broken hash is refused for what it is', () => {
	it('an MD5-signed intermediate is refused for its hash, not as "cannot be checked"', async () => {
		const dir = resolve(PKI, 'md5-intermediate');
		const { facts } = await analyze(
			[file(dir, 'root.pem'), file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')],
			{ truststores: ['root.pem'] },
		);
		const leaf = facts.certificates.find((c) => c.inputName === 'leaf.pem');
		expect(leaf?.chainValid).toBe(false);
		expect(leaf?.chainError).toMatch(
			/Fixture Intermediate, O=Fixture PKI is signed with a broken hash \(md5WithRSAEncryption\), which no client accepts/,
		);
		expect(leaf?.chainError).not.toMatch(/cannot be checked/);
	});
});

describe('roles: anchors are roots, issuers are CAs', () => {
	it('a version 1 self-signed trust anchor is a root: no leaf findings on it', async () => {
		const dir = resolve(PKI, 'v1-root');
		const { facts, report } = await analyze(
			[file(dir, 'root.pem'), file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')],
			{ truststores: ['root.pem'] },
		);
		expect(facts.certificates.find((c) => c.inputName === 'root.pem')?.role).toBe('root');
		expect(report.findings.filter((f) => f.inputName === 'root.pem')).toEqual([]);
	});
	it.each(['inter-no-basic-constraints', 'inter-ca-false'])(
		'%s: the certificate that issued the leaf is no leaf (no CERT-NO-SAN on it)',
		async (name) => {
			const dir = resolve(PKI, name);
			const { facts, report } = await analyze([file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')]);
			expect(facts.certificates.find((c) => c.inputName === 'untrusted.pem')?.role).toBe(
				'intermediate',
			);
			expect(
				report.findings.filter(
					(f) => f.ruleId === 'CERT-NO-SAN' && f.inputName === 'untrusted.pem',
				),
			).toEqual([]);
		},
	);
});

describe('extra certificates: on no leaf chain, not judged as deployed', () => {
	it('an expired cross-certificate beside a valid one is an extra certificate: no CERT-EXPIRED, no renewal finding', async () => {
		const dir = resolve(PKI, 'cross-signed-one-expired');
		for (const truststores of [['root.pem'], []]) {
			const files = [file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')];
			const { facts, report } = await analyze(
				truststores.length ? [file(dir, 'root.pem'), ...files] : files,
				{ truststores },
			);
			const expired = facts.certificates.find(
				(c) => c.inputName === 'untrusted.pem' && Date.parse(c.notAfter) < Date.parse(facts.now),
			);
			expect(expired).toBeDefined();
			const ids = report.findings.map((f) => f.ruleId);
			expect(ids).not.toContain('CERT-EXPIRED');
			expect(ids).not.toContain('CERT-UNTRUSTED-CHAIN');
			expect(ids).not.toContain('KEY-NOT-ROTATED-ON-RENEWAL');
			const leaf = facts.certificates.find((c) => c.inputName === 'leaf.pem');
			expect(leaf?.chain).not.toContain(expired?.sha256);
		}
	});
	it('the same expired intermediate sent alone with the leaf is judged', async () => {
		const dir = resolve(PKI, 'inter-expired');
		const { report } = await analyze([file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')]);
		expect(report.findings.map((f) => f.ruleId)).toContain('CERT-EXPIRED');
	});
});

describe('name constraints on a CN-only leaf, and an authorityKeyIdentifier naming another key', () => {
	it("a leaf without subjectAltName cannot leave its CA's DNS subtrees through the CN", async () => {
		const dir = resolve(PKI, 'nc-dns-cn-only-outside');
		const { facts } = await analyze(
			[file(dir, 'root.pem'), file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')],
			{ truststores: ['root.pem'] },
		);
		const leaf = facts.certificates.find((c) => c.inputName === 'leaf.pem');
		expect(leaf?.chainError).toMatch(
			/DNS evil\.example\.org of CN=evil\.example\.org, O=Fixture is outside the permitted names/,
		);
	});

	it('the AKI/SKI mismatch validates by its signature and is named as a deviation in the report', async () => {
		const dir = resolve(PKI, 'aki-not-issuer-ski');
		const { report } = await analyze(
			[file(dir, 'root.pem'), file(dir, 'untrusted.pem'), file(dir, 'leaf.pem')],
			{ truststores: ['root.pem'] },
		);
		const leaf = report.certificates.find((c) => c.inputName === 'leaf.pem');
		expect(leaf?.chainVerdict).toBe('valid');
		expect(leaf?.chainDeviations).toEqual([
			expect.stringMatching(
				/authorityKeyIdentifier of CN=api\.example\.com, O=Fixture is not the subjectKeyIdentifier of its issuer CN=Fixture Intermediate, O=Fixture PKI \(RFC 5280 4\.2\.1\.1/,
			),
		]);
	});
});
