// Public SAML wrapping vectors with stated verdicts (boxyhq/saml20, MIT, see
// tests/fixtures/saml/public-boxyhq/README.md): every "invalid…" / "…Wrapped…" message is an
// attack a consumer must reject; the valid responses must verify without a wrapping finding.
// A wrapping vector counts as caught when its signature is invalid or an XSW finding is raised;
// "valid and no finding" would be the miss.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSignatureStage, type FixtureReader } from '../../core/soap/testing';
import { runRule } from '../testing';
import { rules as message } from './index';

/** The XML Signature Wrapping rules of the message area. */
const XSW = message.filter((r) => r.meta.id.startsWith('XSW-'));

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/saml/public-boxyhq');
const read: FixtureReader = (name) => new Uint8Array(readFileSync(resolve(DIR, name)));
const files = readdirSync(DIR).filter((f) => f.endsWith('.xml'));

async function run(file: string) {
	const { facts } = await runSignatureStage(read, [file]);
	const findings = XSW.flatMap((r) => runRule(r, facts).map(() => r.meta.id));
	return { sigs: facts.signatures, findings };
}

describe('public SAML wrapping vectors (boxyhq/saml20)', () => {
	it('holds the vectors', () => {
		expect(files.length).toBe(10);
	});
	it.each(files.filter((f) => /^saml20\.valid/.test(f)))('%s verifies, no wrapping', async (f) => {
		const { sigs, findings } = await run(f);
		expect(sigs.length).toBeGreaterThan(0);
		expect(sigs.every((s) => s.valid === true)).toBe(true);
		expect(findings).toEqual([]);
	});
	it.each(files.filter((f) => !/^saml20\.valid/.test(f)))('%s is caught', async (f) => {
		const { sigs, findings } = await run(f);
		const allValid = sigs.length > 0 && sigs.every((s) => s.valid === true);
		expect(
			!allValid || findings.length > 0,
			JSON.stringify({ findings, sigs: sigs.map((s) => [s.valid, s.error]) }),
		).toBe(true);
	});
});
