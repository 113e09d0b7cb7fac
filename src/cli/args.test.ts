// The command line's options as CONTRACT.md names them, and what is a usage error (exit 2).
import { describe, expect, it } from 'vitest';
import { parseArgs, parseGrade, type CliOptions } from './args';

function options(argv: string[]): CliOptions {
	const parsed = parseArgs(argv);
	if (parsed.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(parsed)}`);
	return parsed.options;
}

describe('parseArgs', () => {
	it('takes files and the defaults', () => {
		expect(options(['a.p12', 'b.wsdl'])).toEqual({
			files: ['a.p12', 'b.wsdl'],
			passwords: [],
			trust: [],
			format: 'json',
			failOn: null,
			failUnder: null,
		});
	});

	it('takes every option, repeated ones in order, as "--opt value" or "--opt=value"', () => {
		const o = options([
			'--password',
			'client.p12=s3cr=t',
			'--password=dir/store.jks=changeit',
			'--trust',
			'ca.pem',
			'--trust=truststore.jks',
			'--format',
			'sarif',
			'--fail-on=high',
			'--fail-under',
			'b',
			'client.p12',
			'dir/store.jks',
		]);
		expect(o.passwords).toEqual(['client.p12=s3cr=t', 'dir/store.jks=changeit']);
		expect(o.trust).toEqual(['ca.pem', 'truststore.jks']);
		expect(o.format).toBe('sarif');
		expect(o.failOn).toBe('high');
		expect(o.failUnder).toBe('B');
		expect(o.files).toEqual(['client.p12', 'dir/store.jks']);
	});

	it('takes files that look like options after --', () => {
		expect(options(['--', '--odd-name.pem', '-x']).files).toEqual(['--odd-name.pem', '-x']);
	});

	it('runs with only --trust files (they are inputs too)', () => {
		expect(options(['--trust', 'ca.pem']).trust).toEqual(['ca.pem']);
	});

	it.each([
		[['--help'], 'help'],
		[['-h', 'x.pem'], 'help'],
		[['--version'], 'version'],
		[['-V'], 'version'],
		// help wins over a usage problem later on the line only when it parses; here it does
		[['--format', 'text', '--help'], 'help'],
	])('%j → %s', (argv, kind) => {
		expect(parseArgs(argv).kind).toBe(kind);
	});

	it.each([
		[[], 'no input file given'],
		[['--format', 'xml', 'a.pem'], '--format takes json, sarif, text, not "xml"'],
		[['--format', 'json', '--format', 'text', 'a.pem'], '--format is given twice'],
		[['--fail-on', 'info', 'a.pem'], '--fail-on takes critical, high, medium, low, not "info"'],
		[['--fail-under', 'T', 'a.pem'], '--fail-under takes a grade (A+ A A- B C D E F), not "T"'],
		[['--fail-under', 'A++', 'a.pem'], '--fail-under takes a grade (A+ A A- B C D E F), not "A++"'],
		[['a.pem', '--password'], '--password needs a value'],
		[['--password', 'hunter22', 'a.pem'], '--password takes FILE=PASSWORD, not "h…"'],
		[['--password', '=pw', 'a.pem'], '--password takes FILE=PASSWORD, not "=…"'],
		[['--trust=', 'a.pem'], '--trust needs a file'],
		[['--fail-on'], '--fail-on needs a value'],
		[['--verbose', 'a.pem'], 'unknown option --verbose'],
		[['--password-file=x', 'a.pem'], 'unknown option --password-file'],
		[['-p', 'a.pem'], 'unknown option -p'],
		[[''], 'an empty file name was given'],
	])('%j is a usage error: %s', (argv, message) => {
		expect(parseArgs(argv)).toEqual({ kind: 'usage-error', message });
	});

	it('never repeats a malformed password in its message', () => {
		const parsed = parseArgs(['--password', 'correct horse battery', 'a.pem']);
		expect(JSON.stringify(parsed)).not.toContain('horse');
	});
});

describe('parseGrade', () => {
	it.each([
		['A+', 'A+'],
		['a-', 'A-'],
		[' b ', 'B'],
		['F', 'F'],
		['N/A', null],
		['M', null],
		['', null],
	])('%j → %j', (value, grade) => {
		expect(parseGrade(value)).toBe(grade);
	});
});
