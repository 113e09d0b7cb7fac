// The text summary names what a reader found wrong in an input it still read, under that input:
// a settings file its server would refuse to load must not read as clean on a CI log.
import { describe, expect, it } from 'vitest';
import { analyzeTexts } from '../../tests/support/analyze-texts';
import { textReport } from './text';

describe('textReport: the notes of an input', () => {
	it('lists the errors under the input, with their lines', async () => {
		const conf = [
			'server {',
			'    listen 443 ssl;',
			'    ssl_protocols TLSv1.2 TLSv1.3;',
			'    ssl_protocols TLSv1 TLSv1.2;',
			'}',
			'',
		].join('\n');
		const { report } = await analyzeTexts([['nginx.conf', conf]]);
		const lines = textReport(report).split('\n');
		const at = lines.findIndex((l) => /parsed +tls-config +nginx\.conf/.test(l));
		expect(at).toBeGreaterThanOrEqual(0);
		expect(lines[at + 1]).toMatch(
			/^ +error: line 4: ssl_protocols is set 2 times in one block .*nginx refuses to start/,
		);
	});
});
