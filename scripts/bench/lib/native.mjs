// ctx.timeNative: median wall time of a native command (openssl, keytool, xmlsec1…) over runs.
import { spawnSync } from 'node:child_process';

export async function timeNative(cmd, args = [], opts = {}) {
	const runs = opts.runs ?? 3;
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = process.hrtime.bigint();
		const result = spawnSync(cmd, args, {
			cwd: opts.cwd,
			input: opts.input,
			stdio: ['pipe', 'ignore', 'pipe'],
			maxBuffer: 64 * 1024 * 1024,
		});
		const ms = Number(process.hrtime.bigint() - start) / 1e6;
		if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
		if (result.status !== 0 && !opts.allowFailure) {
			throw new Error(
				`${cmd} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 300)}`,
			);
		}
		times.push(ms);
	}
	return { ms: median(times), runs: times };
}

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
