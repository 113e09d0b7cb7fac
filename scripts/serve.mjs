// Serves dist/ on localhost with no dependencies (a static host stand-in for `npm start` and
// the end-to-end tests). Prints the URL.
//   node scripts/serve.mjs [--port N]      (or PORT=N; default 8080)
// When the default port is taken it serves on a free port the system picks and says so; a port
// asked for explicitly (--port or PORT) that is taken is a one-line error (exit 1), because the
// caller (a test runner, a bookmark) expects that exact port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const DEFAULT_PORT = 8080;
const HOST = '127.0.0.1';

function fail(message, code = 1) {
	console.error(`serve: ${message}`);
	process.exit(code);
}

/** The port asked for ({ port, explicit }), or a usage error. */
function requestedPort(args, env) {
	let value = env.PORT;
	let from = 'PORT';
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--port') {
			value = args[++i];
			from = '--port';
		} else if (a.startsWith('--port=')) {
			value = a.slice('--port='.length);
			from = '--port';
		} else {
			fail(`unknown argument ${JSON.stringify(a)} (usage: serve.mjs [--port N])`, 2);
		}
	}
	if (value === undefined || value === '') return { port: DEFAULT_PORT, explicit: false };
	const port = Number(value);
	if (!/^\d+$/.test(value) || port > 65535) {
		fail(`${from} must be a port number from 0 to 65535, not ${JSON.stringify(value)}`, 2);
	}
	return { port, explicit: true };
}

const { port, explicit } = requestedPort(process.argv.slice(2), process.env);
const root = resolve(import.meta.dirname, '..', 'dist');
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.json': 'application/json',
};

const server = createServer(async (req, res) => {
	try {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(root, path));
		if (!file.startsWith(root)) throw new Error('outside root');
		if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
		const body = await readFile(file);
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-store',
		});
		res.end(body);
	} catch {
		res.writeHead(404, { 'content-type': 'text/plain' });
		res.end('not found');
	}
});

/** Listens on `p`; resolves true, or false when the port is taken. Other errors are fatal. */
function listen(p) {
	return new Promise((done) => {
		const onError = (error) => {
			server.off('listening', onListening);
			if (error.code === 'EADDRINUSE') done(false);
			else fail(`cannot listen on ${HOST}:${p}: ${error.code ?? error.message}`);
		};
		const onListening = () => {
			server.off('error', onError);
			done(true);
		};
		server.once('error', onError);
		server.once('listening', onListening);
		server.listen(p, HOST);
	});
}

if (!(await listen(port))) {
	if (explicit)
		fail(`port ${port} on ${HOST} is already in use; choose another with --port N or PORT=N`);
	console.log(`Port ${port} is in use; serving on a free port instead.`);
	if (!(await listen(0))) fail(`no free port on ${HOST}`);
}
const hasDist = await stat(root).then(
	() => true,
	() => false,
);
if (!hasDist)
	console.log('Note: dist/ is missing: run `npm run build` first (or use `npm start`).');
console.log(`wssec-analyzer is served at http://${HOST}:${server.address().port}/`);
