// CRL signature, freshness and revocation on CRLs made by `openssl ca -gencrl` (RSA and ECDSA),
// an altered copy, an impostor CA's CRL, and the WSS4J CA's CRL from the shared corpus.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import { CORPUS } from '../../../tests/support/vectors';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores/crl');
const WSS4J = resolve(CORPUS, 'wss4j/ws-security-common/keys');
const NOW = '2026-11-22T12:00:00Z';

async function analyze(names: string[], dir = FIX) {
	const { facts, report } = await new Analyzer().run(
		{
			files: names.map((name) => ({
				id: name,
				name,
				bytes: new Uint8Array(readFileSync(resolve(dir, name))),
			})),
			passwords: {},
			entryPasswords: {},
			settings: { now: NOW, trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => {},
		new AbortController().signal,
	);
	const crl = (name: string) => {
		const d = facts.inputs.find((i) => i.name === name)?.detail;
		return d?.area === 'cert' ? d.data.crls[0] : undefined;
	};
	const revoked = report.findings
		.filter((f) => f.ruleId === 'CERT-REVOKED')
		.map((f) => f.inputName)
		.sort();
	return { facts, report, crl, revoked };
}

describe('CRLs', () => {
	it.each([
		['RSA (PEM)', 'rsa.crl', 'rsa-ca.pem', 'rsa-revoked.pem'],
		['RSA (DER)', 'rsa-crl.der', 'rsa-ca.pem', 'rsa-revoked.pem'],
		['ECDSA P-256', 'ec.crl', 'ec-ca.pem', 'ec-revoked.pem'],
	])('%s: signature valid, listed leaf revoked', async (_n, crlFile, ca, leaf) => {
		const { crl, revoked, facts } = await analyze([crlFile, ca, leaf, 'rsa-good.pem']);
		expect(crl(crlFile)?.verdict?.status).toBe('valid');
		expect(crl(crlFile)?.verdict?.text).toContain('signature valid');
		expect(crl(crlFile)?.stale).toBe(false);
		expect(revoked).toEqual([leaf]);
		expect(facts.certificates.find((c) => c.inputName === leaf)?.revoked?.crlVerified).toBe(true);
	});

	it('an altered CRL is reported invalid and revokes nothing', async () => {
		const { crl, revoked } = await analyze(['rsa-tampered.crl', 'rsa-ca.pem', 'rsa-revoked.pem']);
		expect(crl('rsa-tampered.crl')?.verdict?.status).toBe('invalid');
		expect(crl('rsa-tampered.crl')?.verdict?.text).toContain('INVALID');
		expect(revoked).toEqual([]);
	});

	it('a CRL signed by another key under the CA name revokes nothing', async () => {
		const { crl, revoked } = await analyze(['impostor.crl', 'rsa-ca.pem', 'rsa-good.pem']);
		expect(crl('impostor.crl')?.revoked.length).toBe(1);
		expect(crl('impostor.crl')?.verdict?.status).toBe('invalid');
		expect(revoked).toEqual([]);
	});

	it('a CRL past its nextUpdate is stale but still revokes', async () => {
		const { crl, revoked } = await analyze(['rsa-stale.crl', 'rsa-ca.pem', 'rsa-revoked.pem']);
		expect(crl('rsa-stale.crl')?.verdict?.status).toBe('valid');
		expect(crl('rsa-stale.crl')?.stale).toBe(true);
		expect(crl('rsa-stale.crl')?.nextUpdate).toBe('2020-02-01T00:00:00Z');
		expect(revoked).toEqual(['rsa-revoked.pem']);
	});

	it('without the issuer certificate the CRL is unverified and the finding says so', async () => {
		const { crl, report } = await analyze(['rsa.crl', 'rsa-revoked.pem']);
		expect(crl('rsa.crl')?.verdict?.status).toBe('issuer-missing');
		const hit = report.findings.find((f) => f.ruleId === 'CERT-REVOKED');
		expect(hit?.evidence).toContain('could not be checked');
	});

	it.each([
		['DER PKCS#7 with the CA', ['rsa-ca-and-crl.p7b', 'rsa-revoked.pem'], 'rsa-revoked.pem'],
		[
			'PEM PKCS#7 with only the CRL',
			['ec-crl.p7b', 'ec-ca.pem', 'ec-revoked.pem'],
			'ec-revoked.pem',
		],
	])('CRL inside a %s (openssl crl2pkcs7)', async (_n, files, leaf) => {
		const bundle = files[0] ?? '';
		const { crl, revoked } = await analyze(files);
		expect(crl(bundle)?.verdict?.status).toBe('valid');
		expect(revoked).toEqual([leaf]);
	});

	it('WSS4J CA CRL verifies with the WSS4J CA certificate', async () => {
		const { crl, revoked } = await analyze(
			['wss40CACRL.pem', 'wss40CA.crt', 'wss40rev.crt', 'wss40.crt'],
			WSS4J,
		);
		expect(crl('wss40CACRL.pem')?.verdict?.status).toBe('valid');
		expect(revoked).toEqual(['wss40rev.crt']);
	});
});
