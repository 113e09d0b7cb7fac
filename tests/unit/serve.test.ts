// `npm start`'s server (scripts/serve.mjs): the port it takes (PORT or --port), a free port when
// the default one is taken, and a one-line error when an explicitly requested port is busy.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SERVE = resolve(import.meta.dirname, '../../scripts/serve.mjs');
const started: ChildProcess[] = [];
const held: Server[] = [];

afterEach(() => {
	for (const c of started.splice(0)) c.kill();
	for (const s of held.splice(0)) s.close();
});

function start(args: readonly string[], extra: Record<string, string>): ChildProcess {
	const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
	if (!('PORT' in extra)) delete env.PORT;
	const child = spawn(process.execPath, [SERVE, ...args], { env });
	started.push(child);
	return child;
}

/** Starts serve.mjs and resolves with its URL and output once it listens. */
function serve(
	args: readonly string[] = [],
	extra: Record<string, string> = {},
): Promise<{ url: string; out: string }> {
	const child = start(args, extra);
	let out = '';
	return new Promise((done, failed) => {
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			const url = /served at (http:\/\/\S+)/.exec(out)?.[1];
			if (url) done({ url, out });
		});
		child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
		child.on('exit', (code) => failed(new Error(`serve.mjs exited with ${code}: ${out}`)));
	});
}

/** Runs serve.mjs expecting it to exit by itself. */
function runToExit(
	args: readonly string[],
	extra: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const child = start(args, extra);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
	return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
}

/** Listens on a free port of 127.0.0.1 picked by the system and keeps it. */
function holdFreePort(): Promise<number> {
	const server = createServer();
	held.push(server);
	return new Promise((done, failed) => {
		server.once('error', failed);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			if (typeof address === 'object' && address) done(address.port);
			else failed(new Error('no port'));
		});
	});
}

/** A port that was free a moment ago (held, then released). */
async function freePort(): Promise<number> {
	const port = await holdFreePort();
	const server = held.pop()!;
	await new Promise((r) => server.close(r));
	return port;
}

const portOf = (url: string) => Number(new URL(url).port);

describe('scripts/serve.mjs', () => {
	it('started twice on the default port, the second picks a free port and says so', async () => {
		const first = await serve();
		const second = await serve();
		expect(portOf(second.url)).not.toBe(portOf(first.url));
		expect(second.out).toContain('Port 8080 is in use; serving on a free port instead.');
		// the first one has 8080, or said it was taken (another program on this machine holds it)
		if (portOf(first.url) !== 8080) expect(first.out).toContain('Port 8080 is in use');
		for (const { url } of [first, second]) {
			const res = await fetch(url);
			expect([200, 404]).toContain(res.status); // 404 when dist/ is not built
		}
	});

	it('serves on the port given by --port, --port= or PORT', async () => {
		const [a, b, c] = [await freePort(), await freePort(), await freePort()];
		expect(portOf((await serve(['--port', String(a)])).url)).toBe(a);
		expect(portOf((await serve([`--port=${b}`])).url)).toBe(b);
		expect(portOf((await serve([], { PORT: String(c) })).url)).toBe(c);
	});

	it('a busy port asked for explicitly is a one-line error with no stack trace', async () => {
		const busy = await holdFreePort();
		const line = `serve: port ${busy} on 127.0.0.1 is already in use; choose another with --port N or PORT=N`;
		for (const run of [
			await runToExit(['--port', String(busy)]),
			await runToExit([], { PORT: String(busy) }),
		]) {
			expect(run.code).toBe(1);
			expect(run.stdout).toBe('');
			expect(run.stderr).toBe(`${line}\n`);
		}
	});

	it.each([
		[['--port', 'eighty'], {}, '--port must be a port number from 0 to 65535, not "eighty"'],
		[[], { PORT: '70000' }, 'PORT must be a port number from 0 to 65535, not "70000"'],
		[['--verbose'], {}, 'unknown argument "--verbose" (usage: serve.mjs [--port N])'],
	] as const)('usage error %j %j: exit 2 and one line', async (args, extra, message) => {
		const run = await runToExit(args, extra);
		expect(run.code).toBe(2);
		expect(run.stderr).toBe(`serve: ${message}\n`);
	});
});
