// The engine re-runs the analysis after every change on the page (a password typed, a truststore
// ticked) with its parse results cached; the command line runs once. A run's report must not
// depend on the runs before it, or the page's export and the command line's JSON would differ.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Analyzer, Turn, type AnalysisRequest } from './analyze';
import { isTextBacked } from './core/bytes/text-backed';
import { emptySettings, type AnalysisSettings } from './core/facts';
import type { Report } from './core/report/report';
import { MIX_DIR, mixPasswords } from '../tests/support/mix';
import { analyzeTexts } from '../tests/support/analyze-texts';

const FIXTURES = resolve(MIX_DIR, '..');
const signal = new AbortController().signal;

function files(paths: string[]): AnalysisRequest['files'] {
	return paths.map((path, i) => ({
		id: `in${i + 1}`,
		name: path.replace(/^.*\//, ''),
		bytes: new Uint8Array(readFileSync(resolve(FIXTURES, path))),
	}));
}

function settings(patch: Partial<AnalysisSettings> = {}): AnalysisSettings {
	return { ...emptySettings(), ...patch };
}

function stable(report: Report): unknown {
	const { generatedAt: _ignored, ...rest } = report;
	return rest;
}

describe('Analyzer: a result does not depend on earlier runs', () => {
	it('trusting a CA after a first run gives the report of a run that trusted it from the start', async () => {
		const input = files(['wss/wss4j-soap11-rsa-bst.xml', 'wss/tampered-body.xml', 'wss/ca.pem']);
		const now = '2026-12-01T00:00:00.000Z';
		const page = new Analyzer();
		const untrusted = await page.run(
			{ files: input, passwords: {}, entryPasswords: {}, settings: settings({ now }) },
			() => undefined,
			signal,
		);
		const trusted = {
			files: input,
			passwords: {},
			entryPasswords: {},
			settings: settings({ now, truststoreInputs: ['in3'] }),
		};
		const afterwards = await page.run(trusted, () => undefined, signal);
		const once = await new Analyzer().run(trusted, () => undefined, signal);
		expect(stable(afterwards.report)).toEqual(stable(once.report));
		// the CA, trusted, is a root: no leaf findings on it (dropped alone it would get them)
		expect(once.report.findings.filter((f) => f.inputName === 'ca.pem')).toEqual([]);
		// and the first run, without trust, is not what the second one reports
		expect(stable(untrusted.report)).not.toEqual(stable(once.report));
	});

	it('unlocking keystores one by one gives the report of one run with every password', async () => {
		const input = files([
			'mix/server-cert.pem',
			'mix/client.p12',
			'mix/partner.jks',
			'mix/client-key.pem',
		]);
		const pw = mixPasswords();
		const now = '2026-12-01T00:00:00.000Z';
		const page = new Analyzer();
		const passwords: Record<string, string> = {};
		for (const [id, name] of [
			['', ''],
			['in2', 'client.p12'],
			['in3', 'partner.jks'],
		] as const) {
			if (id) passwords[id] = pw[name]!;
			await page.run(
				{
					files: input,
					passwords: { ...passwords },
					entryPasswords: {},
					settings: settings({ now }),
				},
				() => undefined,
				signal,
			);
		}
		const request = { files: input, passwords, entryPasswords: {}, settings: settings({ now }) };
		const last = await page.run(request, () => undefined, signal);
		const once = await new Analyzer().run(request, () => undefined, signal);
		expect(stable(last.report)).toEqual(stable(once.report));
		expect(last.report.inputs.every((i) => i.status === 'parsed')).toBe(true);
	});
});

describe('Analyzer: one copy of an XML input', () => {
	it('decodes the input once (detection and parsing share it) and keeps its text, not its bytes', async () => {
		const input = files(['wss/wss4j-soap11-rsa-bst.xml', 'wss/ca.pem']);
		const [xml, pem] = input as [
			AnalysisRequest['files'][number],
			AnalysisRequest['files'][number],
		];
		const original = xml.bytes.slice();
		const decode = vi.spyOn(TextDecoder.prototype, 'decode');
		const now = '2026-12-01T00:00:00.000Z';
		const page = new Analyzer();
		const request = {
			files: input,
			passwords: {},
			entryPasswords: {},
			settings: settings({ now }),
		};
		const first = await page.run(request, () => undefined, signal);
		const wholeFile = decode.mock.calls.filter(
			([b]) => (b as Uint8Array).length === original.length,
		);
		decode.mockRestore();
		expect(wholeFile).toHaveLength(1);
		expect(isTextBacked(xml)).toBe(true);
		expect(isTextBacked(pem)).toBe(false);
		expect([...xml.bytes]).toEqual([...original]);
		expect(first.report.inputs.map((i) => i.status)).toEqual(['parsed', 'parsed']);
		// a settings change re-runs on the cached document; the result is a fresh run's
		const trusted = { ...request, settings: settings({ now, truststoreInputs: ['in2'] }) };
		const again = await page.run(trusted, () => undefined, signal);
		const fresh = files(['wss/wss4j-soap11-rsa-bst.xml', 'wss/ca.pem']);
		const once = await new Analyzer().run({ ...trusted, files: fresh }, () => undefined, signal);
		expect(stable(again.report)).toEqual(stable(once.report));
		expect(again.report.inputs[0]?.size).toBe(original.length);
	});

	it('keeps no decoded text for an input no parser reads (the engine holds its bytes already)', async () => {
		const page = new Analyzer();
		const notes = { id: 'n', name: 'notes.txt', bytes: new TextEncoder().encode('just words\n') };
		const request = { files: [notes], passwords: {}, entryPasswords: {}, settings: settings() };
		const result = await page.run(request, () => undefined, signal);
		expect(result.report.inputs[0]?.kind).toBe('unknown');
		expect((page as unknown as { texts: Map<string, unknown> }).texts.size).toBe(0);
		expect(isTextBacked(notes)).toBe(false);
	});
});

describe('Turn: when a run gives the event loop a turn', () => {
	/** A task posted to this thread now (as the page's message to the worker is); ran() says if it did. */
	function postedTask(): { ran: () => boolean } {
		let ran = false;
		const { port1, port2 } = new MessageChannel();
		port1.onmessage = () => {
			ran = true;
			port1.close();
			port2.close();
		};
		port2.postMessage(null);
		return { ran: () => ran };
	}

	it('every 50 ms by default: a task posted at once waits', async () => {
		const turn = new Turn();
		const task = postedTask();
		await turn.yield();
		expect(task.ran()).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(task.ran()).toBe(true);
	});

	it('at every step with 0 (the rehearsal): a task posted before it runs first, each time', async () => {
		const turn = new Turn(0);
		for (let step = 0; step < 3; step++) {
			const task = postedTask();
			await turn.yield();
			expect(task.ran(), `step ${step}`).toBe(true);
		}
	});
});

describe('Analyzer: no grade without evidence', () => {
	it('an nginx file with no TLS server and an unsigned plain XML document: N/A, not A+', async () => {
		const { report } = await analyzeTexts([
			[
				'nginx.conf',
				'http {\n  server {\n    listen 80;\n    server_name api.example.com;\n    return 301 https://$host$request_uri;\n  }\n}\n',
			],
			['note.xml', '<?xml version="1.0"?>\n<Orders><Note>ship today</Note></Orders>\n'],
		]);
		expect(report.inputs.map((i) => [i.name, i.kind, i.status])).toEqual([
			['nginx.conf', 'tls-config', 'parsed'],
			['note.xml', 'xml', 'parsed'],
		]);
		expect(report.findings).toEqual([]);
		expect(report.grade.overall).toBe('N/A');
		expect(report.grade.byInput).toEqual([
			{ name: 'nginx.conf', grade: 'N/A' },
			{ name: 'note.xml', grade: 'N/A' },
		]);
	});
});

describe('Analyzer: what a reader found wrong in a settings file reaches the report', () => {
	it('a duplicate directive nginx refuses and a truncated end are notes of the input, secrets scrubbed', async () => {
		const conf = [
			'http {',
			'  server {',
			'    listen 443 ssl;',
			'    server_name api.example.com;',
			'    ssl_protocols TLSv1.2 TLSv1.3;',
			'    ssl_protocols TLSv1 TLSv1.2;',
			'    ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256;',
			'    ssl_password_file s3cr3t-t0ken-value',
		].join('\n');
		const { report } = await analyzeTexts([['nginx.conf', conf]]);
		const [input] = report.inputs;
		expect(input?.status).toBe('parsed');
		const notes = input?.notes ?? [];
		expect(notes.some((n) => n.level === 'error' && /nginx refuses to start/.test(n.message))).toBe(
			true,
		);
		// a truncated file: the last directive has no ';' and the blocks are never closed
		const missing = notes.find((n) => n.message.includes('missing ";"'));
		expect(missing).toMatchObject({ level: 'error', line: 8 });
		expect(missing?.message).toContain('ssl_password_file [redacted]');
		expect(notes.some((n) => /never closed/.test(n.message))).toBe(true);
		expect(JSON.stringify(report)).not.toContain('s3cr3t-t0ken-value');
	});
});
