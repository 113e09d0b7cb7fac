#!/usr/bin/env node
// Launcher of the command line (`npx wssec-analyzer`, package.json "bin"). It runs the build of
// src/cli (dist-cli/wssec-analyzer.mjs), which `npm ci` (the "prepare" script) and `npm run build`
// make. When that build is missing or older than the sources (a checkout where the sources changed
// since), it is made first, so the command line never runs other code than the page's engine.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist-cli');
const built = join(outDir, 'wssec-analyzer.mjs');
const config = join(root, 'vite.cli.config.ts');

/** Newest modification time of the files the build is made from (0 without sources). */
function newestSource() {
	let newest = 0;
	const visit = (path) => {
		const info = statSync(path, { throwIfNoEntry: false });
		if (!info) return;
		if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
		else if (!/\.test\.ts$/.test(path)) newest = Math.max(newest, info.mtimeMs);
	};
	for (const path of ['src', 'package.json', 'package-lock.json', 'vite.cli.config.ts'])
		visit(join(root, path));
	return newest;
}

function stale() {
	if (!existsSync(built)) return true;
	if (!existsSync(config)) return false; // an installed package: no sources to build from
	return newestSource() > statSync(built).mtimeMs;
}

if (stale()) {
	process.stderr.write('wssec-analyzer: building the command line from src/ (dist-cli/)…\n');
	const { build } = await import('vite');
	// Built beside, then each file renamed into place (the entry last): a run started meanwhile
	// never imports a half-written file, and two runs building at once do not clash.
	const tmp = join(root, `dist-cli.tmp-${process.pid}`);
	try {
		await build({ configFile: config, build: { outDir: tmp }, logLevel: 'warn' });
		mkdirSync(outDir, { recursive: true });
		for (const name of readdirSync(tmp).filter((n) => n !== 'wssec-analyzer.mjs'))
			renameSync(join(tmp, name), join(outDir, name));
		renameSync(join(tmp, 'wssec-analyzer.mjs'), built);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2));
