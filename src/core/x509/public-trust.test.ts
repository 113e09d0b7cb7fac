// Public vs private issuers on real certificates: Debian's Mozilla roots, leaves naming ISRG Root
// X1 as issuer (python3-cryptography), and the openssl-made private chain of the fixtures.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import { digest } from '../bytes/digest';
import { toHex } from '../bytes/encoding';
import { certificateFacts, readRawCertificate } from './certificate-facts';
import { splitPem } from './pem';
import {
	knownSelfSignedRoot,
	publicRootByIssuer,
	publicRootByKey,
	publicRootCount,
} from './public-trust';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');
const NOW = '2026-11-22T12:00:00Z';

async function analyze(names: string[]) {
	return new Analyzer().run(
		{
			files: names.map((name) => ({
				id: name,
				name,
				bytes: new Uint8Array(readFileSync(resolve(FIX, name))),
			})),
			passwords: {},
			entryPasswords: {},
			settings: { now: NOW, trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => {},
		new AbortController().signal,
	);
}

function derOf(name: string): Uint8Array {
	const block = splitPem(readFileSync(resolve(FIX, name), 'latin1'))[0];
	if (!block) throw new Error(`no PEM block in ${name}`);
	return block.der;
}

describe('public root list', () => {
	it('holds the Mozilla roots and finds the copied Debian roots by public key', async () => {
		expect(publicRootCount()).toBeGreaterThan(100);
		for (const [file, name] of [
			['public/ISRG_Root_X1.crt', 'ISRG Root X1'],
			['public/ISRG_Root_X2.crt', 'ISRG Root X2'],
			['public/DigiCert_Global_Root_G2.crt', 'DigiCert Global Root G2'],
		] as const) {
			const raw = readRawCertificate(derOf(file));
			const spki = toHex(await digest('SHA-256', raw.spkiDer));
			expect(publicRootByKey(spki)?.name).toBe(name);
			const subject = toHex(
				await digest('SHA-256', new Uint8Array(raw.subject.valueBeforeDecodeView)),
			);
			expect(publicRootByIssuer(subject, null)?.name).toBe(name);
		}
	});

	it('does not know the private fixture CA, and a wrong key identifier does not match', async () => {
		const raw = readRawCertificate(derOf('root.pem'));
		expect(publicRootByKey(toHex(await digest('SHA-256', raw.spkiDer)))).toBeNull();
		const isrg = readRawCertificate(derOf('public/ISRG_Root_X1.crt'));
		const subject = toHex(
			await digest('SHA-256', new Uint8Array(isrg.subject.valueBeforeDecodeView)),
		);
		expect(publicRootByIssuer(subject, '00'.repeat(20))).toBeNull();
	});
});

describe('public trust in the analysis', () => {
	it('marks Debian roots as public (match by key) and a leaf naming ISRG Root X1 (by issuer)', async () => {
		const { facts, report } = await analyze([
			'public/DigiCert_Global_Root_G2.crt',
			'public/claims-isrg-397d.pem',
			'public/claims-isrg-k1.pem',
		]);
		const bySubject = (cn: string) => facts.certificates.find((c) => c.subject.includes(cn));
		expect(bySubject('DigiCert Global Root G2')?.publicRoot).toEqual({
			name: 'DigiCert Global Root G2',
			match: 'root',
		});
		expect(bySubject('public.example.com')?.publicRoot).toEqual({
			name: 'ISRG Root X1',
			match: 'issuer',
		});
		const validity = report.findings.filter((f) => f.ruleId === 'CERT-VALIDITY-TOO-LONG');
		// 398 days issued 2026-06-01: over the 200-day CA/B limit → medium (the private tier would be low)
		expect(validity.map((f) => [f.inputName, f.severity, f.effect])).toEqual([
			['public/claims-isrg-397d.pem', 'medium', 'warn'],
		]);
		expect(validity[0]?.evidence).toContain('200 days');
		const curve = report.findings.filter((f) => f.ruleId === 'CERT-EC-CURVE');
		expect(curve.map((f) => [f.inputName, f.severity])).toEqual([
			['public/claims-isrg-k1.pem', 'low'],
		]);
	});

	it('treats the openssl-made private chain and a private secp256k1 certificate as private', async () => {
		const { facts, report } = await analyze(['root.pem', 'inter.pem', 'leaf.pem', 'secp256k1.pem']);
		expect(facts.certificates.length).toBe(4);
		expect(facts.certificates.filter((c) => c.publicRoot)).toEqual([]);
		expect(report.findings.filter((f) => f.ruleId === 'CERT-EC-CURVE')).toEqual([]);
	});
});

describe('self-signature of known roots', () => {
	it('takes a byte-identical Mozilla root as self-signed, and checks an altered copy itself', async () => {
		const der = derOf('public/ISRG_Root_X2.crt');
		const good = await certificateFacts(der, 'x2', 'x2');
		expect(knownSelfSignedRoot(good.sha256)).toBe(true);
		expect(good.selfSigned).toBe(true);
		const bad = der.slice();
		bad[bad.length - 3] = (bad[bad.length - 3] ?? 0) ^ 0x01; // inside the ECDSA signature
		const altered = await certificateFacts(bad, 'x2', 'x2');
		expect(knownSelfSignedRoot(altered.sha256)).toBe(false);
		expect(altered.selfIssued).toBe(true);
		expect(altered.selfSigned).toBe(false);
	});
});
