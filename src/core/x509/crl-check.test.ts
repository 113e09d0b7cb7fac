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
/** After make-crl.sh issued the RSA leaves and rsa.crl (2026-11-22T12:59:40Z), before its nextUpdate. */
const AFTER_ISSUE = '2026-11-23T00:00:00Z';

async function analyze(names: string[], dir = FIX, truststoreInputs: string[] = [], now = NOW) {
	const { facts, report } = await new Analyzer().run(
		{
			files: names.map((name) => ({
				id: name,
				name,
				bytes: new Uint8Array(readFileSync(resolve(dir, name))),
			})),
			passwords: {},
			entryPasswords: {},
			settings: { now, trustAnchors: [], truststoreInputs, rawKeys: [] },
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

	it.each([
		['rsa-stale.crl', /past its nextUpdate/],
		['rsa-tampered.crl', /does not verify with the CA's key/],
	])(
		'with the CA trusted, %s alone leaves an unlisted certificate with an unknown status',
		async (crlFile, why) => {
			const { facts } = await analyze(
				[crlFile, 'rsa-ca.pem', 'rsa-good.pem'],
				FIX,
				['rsa-ca.pem'],
				AFTER_ISSUE,
			);
			const good = facts.certificates.find((c) => c.inputName === 'rsa-good.pem');
			expect(good?.chainValid).toBe(false);
			expect(good?.chainError).toMatch(/^revocation status cannot be established: /);
			expect(good?.chainError).toMatch(why);
		},
	);

	it('a current CRL of the CA beside them establishes the status again', async () => {
		const { facts } = await analyze(
			['rsa-stale.crl', 'rsa-tampered.crl', 'rsa.crl', 'rsa-ca.pem', 'rsa-good.pem'],
			FIX,
			['rsa-ca.pem'],
			AFTER_ISSUE,
		);
		const good = facts.certificates.find((c) => c.inputName === 'rsa-good.pem');
		expect(good?.chainValid, good?.chainError).toBe(true);
	});

	it('the WSS4J CRL is version 1 (no CRL number): used, and no chain is refused for it', async () => {
		const { crl, revoked, facts } = await analyze(
			['wss40CACRL.pem', 'wss40CA.crt', 'wss40rev.crt', 'wss40.crt'],
			WSS4J,
			['wss40CA.crt'],
		);
		expect(crl('wss40CACRL.pem')?.verdict?.unusable).toBeUndefined();
		expect(revoked).toEqual(['wss40rev.crt']);
		const good = facts.certificates.find((c) => c.inputName === 'wss40.crt');
		expect(good?.revocationUnknown).toBeUndefined();
		expect(good?.chainValid, good?.chainError).toBe(true);
	});
});

describe('a revoked intermediate (tests/fixtures/pki/revoked-intermediate, openssl verify -crl_check_all)', () => {
	const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/pki/revoked-intermediate');
	const run = async (names: string[]) => {
		const { facts } = await new Analyzer().run(
			{
				files: names.map((name) => ({
					id: name,
					name,
					bytes: new Uint8Array(readFileSync(resolve(DIR, name))),
				})),
				passwords: {},
				entryPasswords: {},
				settings: {
					now: '2026-06-01T00:00:00Z',
					trustAnchors: [],
					truststoreInputs: ['root.pem'],
					rawKeys: [],
				},
			},
			() => {},
			new AbortController().signal,
		);
		return facts.certificates.find((c) => c.inputName === 'leaf.pem');
	};

	it('with the CRLs: the leaf chain is refused because the intermediate is revoked', async () => {
		expect(readFileSync(resolve(DIR, 'expected.txt'), 'utf8')).toContain(
			'error 23 at 1 depth lookup: certificate revoked',
		);
		const leaf = await run(['root.pem', 'inter.pem', 'leaf.pem', 'crls.pem']);
		expect(leaf?.chainValid).toBe(false);
		expect(leaf?.chainError).toMatch(
			/Revoked Intermediate.* in the chain is revoked \(CRL crls\.pem\)/,
		);
	});

	it('without them: valid, as openssl verify without CRL checking says', async () => {
		expect((await run(['root.pem', 'inter.pem', 'leaf.pem']))?.chainValid).toBe(true);
	});
});
