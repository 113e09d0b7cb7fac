// The command line's entry in Node: files from the file system, the report on standard output,
// notes on standard error. bin/wssec-analyzer.mjs runs the build of this module (dist-cli/).
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { runCli, type CliIo, type ReadFile } from './run';
import { reasonOf } from '../core/errors';

const REASONS: Record<string, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied',
	EISDIR: 'it is a directory',
};

async function readInput(path: string): Promise<ReadFile> {
	try {
		const info = await stat(path);
		if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
		const data = await readFile(path);
		return {
			name: basename(path),
			// a plain copy: Buffer's slice() is a view, and the analysis expects Uint8Array semantics
			bytes: new Uint8Array(data),
			// what a browser gives a dropped file as File.lastModified (whole milliseconds)
			lastModified: Math.floor(info.mtimeMs),
		};
	} catch (error) {
		const code = (error as { code?: unknown }).code;
		const reason = typeof code === 'string' ? REASONS[code] : undefined;
		throw new Error(reason ?? reasonOf(error), {
			cause: error,
		});
	}
}

export const nodeIo: CliIo = {
	readFile: readInput,
	resolve: (path) => resolve(path),
	stdout: (text) => void process.stdout.write(text),
	stderr: (text) => void process.stderr.write(text),
};

/** Runs the command line with these arguments; resolves to the exit status. */
export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
	return runCli(argv, nodeIo);
}
