// The command line's work, apart from the operating system (src/cli/node.ts supplies files and
// streams): the page's analysis (src/analyze.ts) on the named files, with the passwords and trust
// anchors the options give, printed as the page exports it (src/core/report/export.ts).
import { Analyzer, type AnalysisRequest, type AnalysisResult } from '../analyze';
import { exportableReport, reportJson, reportSarif } from '../core/report/export';
import { rankOf } from '../core/report/grade';
import type { InputFile } from '../core/pipeline';
import { SEVERITIES, type GradeLetter, type Report } from '../core/report/report';
import { TOOL_VERSION } from '../core/report/sarif';
import { scrubSecrets } from '../core/share/share-link';
import { GRADES, parseArgs, USAGE, type CliOptions } from './args';
import { textReport } from './text';
import { reasonOf } from '../core/errors';

export const EXIT_OK = 0;
export const EXIT_THRESHOLD = 1;
export const EXIT_USAGE = 2;

/** A file as the operating system gave it. */
export interface ReadFile {
	/** The file's base name: the input's name in the report (never a path). */
	name: string;
	bytes: Uint8Array;
	/** Modification time (ms since epoch), like a dropped File's lastModified. */
	lastModified: number;
}

export interface CliIo {
	/** Reads a file named on the command line; throws an Error with a readable message. */
	readFile(path: string): Promise<ReadFile>;
	/** A canonical form of a path, to tell whether two arguments name the same file. */
	resolve(path: string): string;
	stdout(text: string): void;
	stderr(text: string): void;
}

interface Argument {
	path: string;
	resolved: string;
	file: InputFile | null;
}

const NAME = 'wssec-analyzer';

/** Runs the command line; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
	const parsed = parseArgs(argv);
	switch (parsed.kind) {
		case 'help':
			io.stdout(USAGE);
			return EXIT_OK;
		case 'version':
			io.stdout(`${NAME} ${TOOL_VERSION}\n`);
			return EXIT_OK;
		case 'usage-error':
			io.stderr(`${NAME}: ${parsed.message}\n\n${USAGE}`);
			return EXIT_USAGE;
		case 'run':
			return analyzeAndReport(parsed.options, io);
	}
}

async function analyzeAndReport(options: CliOptions, io: CliIo): Promise<number> {
	// every note passes the scrubber the report passes: no password reaches standard error
	let secrets: string[] = [];
	const note = (text: string) => io.stderr(`${NAME}: ${scrubSecrets(text, secrets)}\n`);
	// FILES in order, then any --trust file not among them (on the page: dropped after the others).
	const args: Argument[] = [];
	for (const path of [...options.files, ...options.trust]) {
		const resolved = io.resolve(path);
		if (!args.some((a) => a.resolved === resolved)) args.push({ path, resolved, file: null });
	}
	const passwordFor = splitPasswords(options.passwords, args, io);
	if (typeof passwordFor === 'string') {
		io.stderr(`${NAME}: ${passwordFor}\n\n${USAGE}`);
		return EXIT_USAGE;
	}
	secrets = [...passwordFor.values()];
	const unreadable: string[] = [];
	let count = 0;
	for (const arg of args) {
		try {
			const read = await io.readFile(arg.path);
			// The page numbers its inputs in1, in2, … in the order they were added.
			arg.file = {
				id: `in${++count}`,
				name: read.name,
				bytes: read.bytes,
				lastModified: read.lastModified,
			};
		} catch (error) {
			unreadable.push(arg.path);
			note(`cannot read ${arg.path}: ${reasonOf(error)}`);
		}
	}
	const files = args.flatMap((a) => (a.file ? [a.file] : []));
	if (files.length === 0) {
		note('no file could be read');
		return EXIT_USAGE;
	}
	const names = new Map<string, number>();
	for (const f of files) names.set(f.name, (names.get(f.name) ?? 0) + 1);
	for (const [name, n] of names) {
		if (n > 1) note(`${n} inputs are named ${name}: the report tells them apart by SHA-256 only`);
	}

	const passwords: Record<string, string> = {};
	for (const arg of args) {
		const password = passwordFor.get(arg);
		if (arg.file && password !== undefined) passwords[arg.file.id] = password;
	}
	const trusted = new Set(options.trust.map((p) => io.resolve(p)));
	const request: AnalysisRequest = {
		files,
		passwords,
		entryPasswords: {},
		settings: {
			trustAnchors: [],
			truststoreInputs: args.flatMap((a) => (a.file && trusted.has(a.resolved) ? [a.file.id] : [])),
			rawKeys: [],
			captureTime: null,
			connector: null,
		},
	};
	const result = await new Analyzer().run(
		request,
		progressPrinter(note),
		new AbortController().signal,
	);

	switch (options.format) {
		case 'json':
			io.stdout(`${reportJson(result.report, secrets)}\n`);
			break;
		case 'sarif':
			io.stdout(`${reportSarif(result.report, result.rules ?? [], secrets)}\n`);
			break;
		case 'text':
			io.stdout(textReport(exportableReport(result.report, secrets)));
			break;
	}
	explainInputs(result, args, note);
	// the report's own list (locked, failed; a file of no known kind is not missing evidence)
	return thresholds(
		result.report,
		options,
		[...result.report.grade.notAnalyzed, ...unreadable],
		note,
	);
}

/**
 * Splits each `FILE=PASSWORD` at the first '=' whose left side names a file argument (as given,
 * as the same path, or by its base name), so file names and passwords may both contain '='.
 */
function splitPasswords(
	values: readonly string[],
	args: readonly Argument[],
	io: CliIo,
): Map<Argument, string> | string {
	const out = new Map<Argument, string>();
	for (const value of values) {
		let matched = false;
		for (let at = value.indexOf('='); at > 0; at = value.indexOf('=', at + 1)) {
			const file = value.slice(0, at);
			const hits = args.filter(
				(a) => a.path === file || a.resolved === io.resolve(file) || baseName(a.path) === file,
			);
			if (hits.length === 0) continue;
			for (const hit of hits) out.set(hit, value.slice(at + 1));
			matched = true;
			break;
		}
		if (!matched) {
			const file = value.slice(0, value.indexOf('='));
			return `--password ${file}=…: ${file} is not one of the files to analyze`;
		}
	}
	return out;
}

function baseName(path: string): string {
	return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** How often a long step may repeat its progress on standard error. */
const PROGRESS_EVERY_MS = 2000;

/**
 * Progress on standard error: each step once when it starts, and a long step (key derivation,
 * a large document) again with its percentage at most every two seconds.
 */
export function progressPrinter(
	note: (text: string) => void,
	clock: () => number = Date.now,
): (label: string, fraction?: number) => void {
	let last = '';
	let printedAt = 0;
	return (label, fraction) => {
		const now = clock();
		if (label === last) {
			if (fraction === undefined || now - printedAt < PROGRESS_EVERY_MS) return;
			note(`${label} (${Math.round(fraction * 100)} %)`);
		} else note(label);
		last = label;
		printedAt = now;
	};
}

/** Notes on inputs the analysis could not use, and which option would change that. */
function explainInputs(
	result: AnalysisResult,
	args: readonly Argument[],
	note: (text: string) => void,
): void {
	for (const input of result.facts.inputs) {
		const arg = args.find((a) => a.file?.id === input.id);
		const path = arg?.path ?? input.name;
		if (input.status === 'locked') {
			// the engine's reason: "wrong password", "wrong password or damaged file", which
			// entry the password opens instead; it never quotes a password
			const why = input.lock ? `: ${input.lock.message}` : '';
			note(
				input.lock?.wrongPassword
					? `${path} is locked and was not analyzed, the password given does not open it${why} (--password ${path}=PASSWORD)`
					: `${path} is locked and was not analyzed${why}: give its password with --password ${path}=PASSWORD`,
			);
		} else if (input.status === 'error') {
			note(`${path} was not analyzed: ${input.error ?? 'unknown error'}`);
		}
		for (const entry of input.lockedEntries ?? []) {
			note(
				`${path}: entry "${entry.alias}" has a key password of its own that ${
					entry.wrongPassword ? 'the password given does not open' : 'was not given'
				}; its key was not analyzed (the page's entry password field opens it)`,
			);
		}
		// what the reader could not open or check in a file it read (the JSON's input notes)
		for (const n of input.notes ?? []) note(`${path}: ${n.level}: ${n.message}`);
	}
}

/** Exit 1 when a --fail-… threshold is crossed, saying why on standard error. */
function thresholds(
	report: Report,
	options: CliOptions,
	notAnalyzed: readonly string[],
	note: (text: string) => void,
): number {
	if (!options.failOn && !options.failUnder) return EXIT_OK;
	const reasons: string[] = [];
	if (options.failOn) {
		const limit = SEVERITIES.indexOf(options.failOn);
		const hits = report.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= limit);
		if (hits.length > 0) {
			reasons.push(
				`${hits.length} finding${hits.length === 1 ? '' : 's'} at ${options.failOn} or above (--fail-on ${options.failOn})`,
			);
		}
	}
	if (options.failUnder) {
		const overall: string = report.grade.overall;
		const letterRank =
			overall === 'T' || overall === 'M' || isLetter(overall) ? rankOf(overall) : -1;
		if (letterRank < 0) reasons.push(`no grade (${overall}) (--fail-under ${options.failUnder})`);
		else if (letterRank < rankOf(options.failUnder)) {
			reasons.push(
				`grade ${overall} is below ${options.failUnder} (--fail-under ${options.failUnder})`,
			);
		}
	}
	if (notAnalyzed.length > 0) {
		reasons.push(
			`not analyzed, so the threshold cannot be shown to hold: ${notAnalyzed.join(', ')}`,
		);
	}
	if (reasons.length === 0) return EXIT_OK;
	for (const reason of reasons) note(`threshold crossed: ${reason}`);
	return EXIT_THRESHOLD;
}

function isLetter(grade: string): grade is GradeLetter {
	return (GRADES as readonly string[]).includes(grade);
}
