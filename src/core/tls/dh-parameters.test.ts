// A DH parameter file the configuration names and the user drops too sets the DHE strength:
// openssl dhparam files at 1024 and 2048 bits beside an nginx server that points at one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/tls/dhparams');

async function analyze(files: string[]) {
	const result = await new Analyzer().run(
		{
			files: files.map((path, i) => ({
				id: `f${i}`,
				name: path.split('/').pop() ?? path,
				bytes: new Uint8Array(readFileSync(resolve(DIR, path))),
			})),
			passwords: {},
			entryPasswords: {},
			settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => undefined,
		new AbortController().signal,
	);
	const connector = result.facts.tls.find((t) => t.endpoint?.host === 'dhe.example.com');
	const weak = result.report.findings.filter((f) => f.ruleId === 'TLS-WEAK-KEY-EXCHANGE');
	return { result, connector, weak };
}

describe('DH parameter files named by the configuration', () => {
	it.each([
		['1024-bit dhparam.pem', 'weak/dhparam.pem', 1024, true],
		['2048-bit dhparam.pem', 'strong/dhparam.pem', 2048, false],
	])('%s', async (_name, dhFile, bits, flagged) => {
		const { result, connector, weak } = await analyze(['nginx-dhe.conf', dhFile]);
		expect(result.facts.dhParameters.map((d) => d.bits)).toEqual([bits]);
		expect(connector?.dh?.bits).toBe(bits);
		expect(connector?.dh?.origin.inputName).toBe('dhparam.pem');
		expect(weak.length > 0).toBe(flagged);
		const card = result.facts.inputs.find((i) => i.name === 'dhparam.pem');
		expect(card?.status).toBe('parsed');
	});

	it('without the file, the named parameters are not guessed from it', async () => {
		const { connector } = await analyze(['nginx-dhe.conf']);
		expect(connector?.dh?.origin.inputName ?? null).not.toBe('dhparam.pem');
	});
});
