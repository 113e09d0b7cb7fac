// Serves dist/ on localhost with no dependencies (a static host stand-in for `npm start` and
// the end-to-end tests). Prints the URL.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg === -1 ? (process.env.PORT ?? 8080) : args[portArg + 1]);
const root = resolve(import.meta.dirname, '..', 'dist');
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.json': 'application/json',
};

createServer(async (req, res) => {
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
}).listen(port, '127.0.0.1', () => {
	console.log(`wssec-analyzer is served at http://127.0.0.1:${port}/`);
});
