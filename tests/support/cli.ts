// Runs the built command line (bin/wssec-analyzer.mjs, which imports dist-cli/ made by
// `npm run build`) as a child process, the way a CI step runs it.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const LAUNCHER = resolve(REPO, 'bin/wssec-analyzer.mjs');

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

export function runBuiltCli(args: readonly string[], cwd = REPO): Promise<CliRun> {
	return new Promise((done, fail) => {
		execFile(
			process.execPath,
			[LAUNCHER, ...args],
			{ cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
			(error, stdout, stderr) => {
				if (error && typeof error.code !== 'number') {
					fail(new Error(`cannot run the CLI: ${error.message}`, { cause: error }));
					return;
				}
				done({ code: error ? Number(error.code) : 0, stdout, stderr });
			},
		);
	});
}
