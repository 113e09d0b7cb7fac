// Bench case: drop-to-report for the common sizes on a cold page (?bench&cold: the
// engine is loaded, compiled and started by the drop, as before the prewarm), on a page
// dropped on as soon as it has loaded (its prewarm under way) and on a warm page (the
// page's prewarm, rehearsal included, has finished), beside `xmlsec1 --verify` on the same file in the
// same run; a cold certificate and TLS drop (what the engine split by area saves); plus the
// engine's peak heap against the input for 10 and 30 MB envelopes, cold and warm.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../lib/native.mjs';
import { envelope } from './signatures.mjs';

/** Fresh pages per measurement: each is one user opening the page and dropping the file. */
const PAGE_RUNS = 5;

function sign(ctx, key, name, bytes) {
	const tmpl = join(ctx.tmpDir, `${name}.tmpl.xml`);
	const signed = join(ctx.tmpDir, `${name}.xml`);
	writeFileSync(tmpl, envelope(bytes));
	execFileSync('xmlsec1', ['--sign', '--privkey-pem', key, '--output', signed, tmpl]);
	return signed;
}

function verdict(page, name) {
	const sig = page.report.signatures?.find((s) => s.inputName === name);
	return sig?.valid === true
		? 'signature valid'
		: `NOT VERIFIED: ${JSON.stringify(sig ?? null).slice(0, 80)}`;
}

async function pageRuns(ctx, path, warmth, runs, heapSampleMs) {
	const results = [];
	for (let i = 0; i < runs; i++)
		results.push(await ctx.analyzeInPage([{ path }], { warmth, heapSampleMs }));
	return summary(results);
}

function summary(results) {
	const peaks = results.map((r) => r.workerPeakMb).filter((v) => v !== null);
	const totals = results.map((r) => r.workerPeakTotalMb).filter((v) => v !== null);
	return {
		ms: median(results.map((r) => r.ms)),
		all: results.map((r) => Math.round(r.ms)),
		workerPeakMb: peaks.length > 0 ? Math.max(...peaks) : null,
		workerPeakTotalMb: totals.length > 0 ? Math.max(...totals) : null,
		longestTaskMs: Math.max(...results.map((r) => r.longestTaskMs)),
		last: results.at(-1),
	};
}

export default async function run(ctx) {
	const key = join(ctx.tmpDir, 'warm-sign.key');
	const pub = join(ctx.tmpDir, 'warm-sign.pub');
	execFileSync(
		'openssl',
		['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key],
		{ stdio: 'pipe' },
	);
	execFileSync('openssl', ['pkey', '-in', key, '-pubout', '-out', pub]);
	const rows = [];
	for (const [label, bytes] of [
		['100 KB', 100 * 1024],
		['1 MB', 1024 * 1024],
	]) {
		const name = `warm-${bytes}`;
		const signed = sign(ctx, key, name, bytes);
		const nativeArgs = ['--verify', '--pubkey-pem', pub, signed];
		const native = await ctx.timeNative('xmlsec1', nativeArgs, { runs: 5 });
		// cold: no prewarm at all; just opened: dropped as soon as the page has loaded, its
		// prewarm (worker, scripts, rehearsal) under way; warm: the prewarm is done
		const WHEN = { cold: 'cold page', 'as-is': 'page just opened', prewarmed: 'warm page' };
		for (const warmth of ['cold', 'as-is', 'prewarmed']) {
			const page = await pageRuns(ctx, signed, warmth, PAGE_RUNS);
			rows.push({
				case: `drop-to-report, ${WHEN[warmth]}: verify ${label} signed envelope`,
				ours_ms: Math.round(page.ms),
				native_ms: Math.round(native.ms),
				native_cmd: 'xmlsec1 --verify --pubkey-pem <key.pub> <file>',
				ratio: Number((page.ms / native.ms).toFixed(2)),
				worker_peak_mb: page.workerPeakMb,
				worker_total_mb: page.workerPeakTotalMb,
				longest_main_thread_block_ms: page.longestTaskMs,
				note: `median of ${PAGE_RUNS} fresh pages (${page.all.join(', ')} ms); ${verdict(page.last, `${name}.xml`)}`,
			});
		}
		// the same drops through the page's file input, until the report is on screen: what the
		// user waits for, with the file read, the page's own client and the rendering included
		for (const warmth of ['cold', 'as-is', 'prewarmed']) {
			const drops = [];
			for (let i = 0; i < PAGE_RUNS; i++) drops.push(await ctx.dropInPage([signed], { warmth }));
			const ms = median(drops.map((d) => d.ms));
			const painted = median(drops.map((d) => d.paintedMs));
			const errors = drops.flatMap((d) => d.pageErrors);
			rows.push({
				case: `drop-to-screen, ${WHEN[warmth]}: verify ${label} signed envelope`,
				ours_ms: Math.round(ms),
				native_ms: Math.round(native.ms),
				native_cmd: 'xmlsec1 --verify --pubkey-pem <key.pub> <file>',
				ratio: Number((ms / native.ms).toFixed(2)),
				note: `through the file input until the report is shown, median of ${PAGE_RUNS} fresh pages (${drops.map((d) => Math.round(d.ms)).join(', ')} ms); painted ${Math.round(painted)} ms${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`,
			});
		}
	}
	// A cold drop of another area: the engine split loads only that area's scripts (a certificate
	// never compiles the XML code, a TLS file never pkijs), so these show what the split saves.
	const mix = join(ctx.repoDir, 'tests/fixtures/mix');
	for (const [label, file, native] of [
		['certificate (server-cert.pem)', 'server-cert.pem', ['x509', '-noout', '-text', '-in']],
		['nginx configuration (nginx.conf)', 'nginx.conf', null],
	]) {
		const path = join(mix, file);
		const page = await pageRuns(ctx, path, 'cold', PAGE_RUNS);
		const nat = native ? await ctx.timeNative('openssl', [...native, path], { runs: 5 }) : null;
		const status = page.last.report.inputs?.[0]?.status ?? 'no input';
		rows.push({
			case: `drop-to-report, cold page: ${label}`,
			ours_ms: Math.round(page.ms),
			native_ms: nat ? Math.round(nat.ms) : null,
			native_cmd: native ? `openssl ${native.join(' ')} <file>` : '',
			ratio: nat ? Number((page.ms / nat.ms).toFixed(2)) : undefined,
			longest_main_thread_block_ms: page.longestTaskMs,
			note: `median of ${PAGE_RUNS} fresh pages (${page.all.join(', ')} ms); ${status}`,
		});
	}
	// The engine's heap against the input (target ≤ 3×), on a cold and on a warm page.
	const times = (mb, size) => (mb === null ? 'not sampled' : `${(mb / size).toFixed(1)}×`);
	for (const [label, bytes] of [
		['10 MB', 10 * 1024 * 1024],
		['30 MB', 30 * 1024 * 1024],
	]) {
		const name = `warm-${label.replace(' ', '').toLowerCase()}`;
		const big = sign(ctx, key, name, bytes);
		const size = readFileSync(big).length / 1024 / 1024;
		const nativeArgs = ['--verify', '--pubkey-pem', pub, big];
		for (const warmth of ['cold', 'prewarmed']) {
			// xmlsec1 timed right before and right after the page on a shared machine: the
			// load changes within a minute, and a ratio of two moments says little
			const before = await ctx.timeNative('xmlsec1', nativeArgs, { runs: 2 });
			const page = await pageRuns(ctx, big, warmth, 1);
			const after = await ctx.timeNative('xmlsec1', nativeArgs, { runs: 2 });
			const native = { ms: (before.ms + after.ms) / 2 };
			// the heap on a page of its own, sampled every 2 ms (browser.mjs, withWorkerHeap): a
			// peak of a few milliseconds is caught, and the timed run is not slowed by the sampling
			const memory = await pageRuns(ctx, big, warmth, 1, 2);
			rows.push({
				case: `drop-to-report, ${warmth === 'cold' ? 'cold' : 'warm'} page: verify ${size.toFixed(1)} MB signed envelope (engine heap)`,
				ours_ms: Math.round(page.ms),
				native_ms: Math.round(native.ms),
				native_cmd: 'xmlsec1 --verify --pubkey-pem <key.pub> <file>',
				ratio: Number((page.ms / native.ms).toFixed(2)),
				worker_peak_mb: memory.workerPeakMb,
				worker_total_mb: memory.workerPeakTotalMb,
				longest_main_thread_block_ms: page.longestTaskMs,
				note: `engine heap ${times(memory.workerPeakMb, size)} the input (target ≤ 3×), with external strings and buffers ${times(memory.workerPeakTotalMb, size)} (sampled every 2 ms); ${[...new Set([page, memory].map((r) => verdict(r.last, `${name}.xml`)))].join('; ')}`,
			});
		}
	}
	return rows;
}
