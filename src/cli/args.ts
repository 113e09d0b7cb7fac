// Command-line arguments, as shared/CONTRACT.md specifies them:
//   wssec-analyzer [--password FILE=PASSWORD]... [--trust FILE]... [--format json|sarif|text]
//                  [--fail-on critical|high|medium|low] [--fail-under GRADE] FILES...
// Pure: no file is read here; `FILE=PASSWORD` is split later, against the files actually named.
import type { GradeLetter, Severity } from '../core/report/report';

export type OutputFormat = 'json' | 'sarif' | 'text';
export type FailOnSeverity = Exclude<Severity, 'info'>;

export const FORMATS: readonly OutputFormat[] = ['json', 'sarif', 'text'];
export const FAIL_ON: readonly FailOnSeverity[] = ['critical', 'high', 'medium', 'low'];
export const GRADES: readonly GradeLetter[] = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F'];

export interface CliOptions {
	files: string[];
	/** `FILE=PASSWORD` as given (split once the files are known: names and passwords may hold '='). */
	passwords: string[];
	trust: string[];
	format: OutputFormat;
	failOn: FailOnSeverity | null;
	failUnder: GradeLetter | null;
}

export type ParsedArgs =
	| { kind: 'run'; options: CliOptions }
	| { kind: 'help' }
	| { kind: 'version' }
	| { kind: 'usage-error'; message: string };

export const USAGE = `Usage: wssec-analyzer [options] FILES...

Analyzes keystores, certificates, keys, WSDL, SOAP/WS-Security messages, SAML, XML signatures,
TLS settings, scanner results and connector or e-mail account declarations, with the same engine
as the wssec-analyzer page, offline. The report goes to standard output; progress and notes to
standard error.

Options:
  --password FILE=PASSWORD  store password of the keystore or key FILE (repeatable)
  --trust FILE              trust every certificate in FILE (a certificate file or keystore) as
                            a trust anchor; FILE is analyzed too (repeatable)
  --format json|sarif|text  json (default): the report the page exports; sarif: SARIF 2.1.0 for
                            code scanning; text: a readable summary
  --fail-on SEVERITY        exit 1 when a finding is at least this severe
                            (critical, high, medium or low)
  --fail-under GRADE        exit 1 when the overall grade is below GRADE (A+ A A- B C D E F);
                            a trust failure (T, M) or no grade at all is below every grade
  -h, --help                show this help
  -V, --version             show the version

With --fail-on or --fail-under, an input that could not be analyzed (locked for want of its
password, unreadable, not a supported kind) also exits 1: the threshold cannot be shown to hold.

Exit status: 0 all right; 1 a --fail-... threshold was crossed; 2 usage error, or no file could
be read.

Example (fail a CI step below grade B):
  npx wssec-analyzer --password client.p12="$P12_PASSWORD" --fail-under B \\
      config/client.p12 config/service.wsdl config/nginx.conf
`;

/** "a+" → "A+"; null for anything that is not one of the eight letters. */
export function parseGrade(value: string): GradeLetter | null {
	const upper = value.trim().toUpperCase();
	return GRADES.find((g) => g === upper) ?? null;
}

const VALUE_OPTIONS = ['--password', '--trust', '--format', '--fail-on', '--fail-under'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
	return (VALUE_OPTIONS as readonly string[]).includes(name);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
	const options: CliOptions = {
		files: [],
		passwords: [],
		trust: [],
		format: 'json',
		failOn: null,
		failUnder: null,
	};
	const seen = new Set<string>();
	let wantsHelp = false;
	let wantsVersion = false;
	let onlyFiles = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
			if (arg === '') return usage('an empty file name was given');
			options.files.push(arg);
			continue;
		}
		if (arg === '--') {
			onlyFiles = true;
			continue;
		}
		if (arg === '-h' || arg === '--help') {
			wantsHelp = true;
			continue;
		}
		if (arg === '-V' || arg === '--version') {
			wantsVersion = true;
			continue;
		}
		const eq = arg.indexOf('=');
		const name = eq > 0 ? arg.slice(0, eq) : arg;
		if (!isValueOption(name)) return usage(`unknown option ${name}`);
		let value: string;
		if (eq > 0) value = arg.slice(eq + 1);
		else {
			const next = argv[i + 1];
			if (next === undefined) return usage(`${name} needs a value`);
			value = next;
			i++;
		}
		switch (name) {
			case '--password':
				if (value.indexOf('=') <= 0)
					return usage(`--password takes FILE=PASSWORD, not "${mask(value)}"`);
				options.passwords.push(value);
				break;
			case '--trust':
				if (value === '') return usage('--trust needs a file');
				options.trust.push(value);
				break;
			case '--format': {
				if (seen.has(name)) return usage('--format is given twice');
				const format = FORMATS.find((f) => f === value);
				if (!format) return usage(`--format takes ${FORMATS.join(', ')}, not "${value}"`);
				options.format = format;
				break;
			}
			case '--fail-on': {
				if (seen.has(name)) return usage('--fail-on is given twice');
				const severity = FAIL_ON.find((s) => s === value.toLowerCase());
				if (!severity) return usage(`--fail-on takes ${FAIL_ON.join(', ')}, not "${value}"`);
				options.failOn = severity;
				break;
			}
			case '--fail-under': {
				if (seen.has(name)) return usage('--fail-under is given twice');
				const grade = parseGrade(value);
				if (!grade)
					return usage(`--fail-under takes a grade (${GRADES.join(' ')}), not "${value}"`);
				options.failUnder = grade;
				break;
			}
		}
		seen.add(name);
	}
	if (wantsHelp) return { kind: 'help' };
	if (wantsVersion) return { kind: 'version' };
	if (options.files.length === 0 && options.trust.length === 0) return usage('no input file given');
	return { kind: 'run', options };
}

/** Keeps a malformed --password value out of the message (it may be the password itself). */
function mask(value: string): string {
	return value.length <= 2 ? '…' : `${value.slice(0, 1)}…`;
}

function usage(message: string): ParsedArgs {
	return { kind: 'usage-error', message };
}
