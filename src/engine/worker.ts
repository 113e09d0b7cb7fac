// The engine worker: holds the inputs, passwords and settings, and re-runs the analysis after
// every change (a newer change aborts the running one). All parsing, cryptography and XML work
// happens here, never on the page's thread.
import { Analyzer, type AnalysisRequest } from '../analyze';
import type { AnalysisSettings } from '../core/facts';
import type { InputFile } from '../core/pipeline';
import { certificateAsn1, certificateExtensions } from '../core/x509/certificate-view';
import type { CertificateDescription } from '../core/x509/facts';
import { setYamlLoader, type YamlLib } from '../core/tls/formats/yaml';
import type { EngineEvent, EngineRequest } from './protocol';

interface WorkerScope {
	postMessage(message: EngineEvent): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<EngineRequest>) => void): void;
	importScripts(...urls: string[]): void;
	/** Set by assets/yaml.js's source once imported (see vite.config.ts). */
	__wssecYaml?: YamlLib;
}

const scope = self as unknown as WorkerScope;

/**
 * The built engine is a Blob worker: it cannot import a chunk (a file:// page's worker may not
 * load file:// scripts), so it asks the page for the YAML library's source and runs it from a
 * Blob URL of its own. In development the worker is a module and imports it directly.
 */
let yamlAnswer: ((source: string | null, error?: string) => void) | null = null;
if (!import.meta.env.DEV) {
	setYamlLoader(
		() =>
			new Promise<YamlLib>((resolve, reject) => {
				yamlAnswer = (source, error) => {
					yamlAnswer = null;
					if (source === null) return reject(new Error(error ?? 'the page did not send it'));
					const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
					try {
						scope.importScripts(url);
					} catch (e) {
						return reject(e instanceof Error ? e : new Error(String(e)));
					} finally {
						URL.revokeObjectURL(url);
					}
					if (scope.__wssecYaml) resolve(scope.__wssecYaml);
					else reject(new Error('assets/yaml.js did not define the YAML library'));
				};
				post({ type: 'need-module', name: 'yaml' });
			}),
	);
}
const analyzer = new Analyzer();
let files: InputFile[] = [];
const passwords: Record<string, string> = {};
const entryPasswords: Record<string, Record<string, string>> = {};
const cancelledIds = new Set<string>();
let settings: AnalysisSettings = {
	trustAnchors: [],
	truststoreInputs: [],
	rawKeys: [],
	captureTime: null,
	connector: null,
};
let runId = 0;
/** Highest request sequence number received (see protocol.ts). */
let lastSeq = 0;
let current: AbortController | null = null;
let scheduled = false;

function post(event: EngineEvent): void {
	scope.postMessage(event);
}

function schedule(): void {
	current?.abort();
	if (scheduled) return;
	scheduled = true;
	queueMicrotask(() => {
		scheduled = false;
		void run();
	});
}

async function run(): Promise<void> {
	const id = ++runId;
	const seq = lastSeq;
	const controller = new AbortController();
	current = controller;
	post({ type: 'busy', runId: id, seq });
	const request: AnalysisRequest = {
		files: files.filter((f) => !cancelledIds.has(f.id)),
		passwords,
		entryPasswords,
		settings,
	};
	let inputId: string | null = null;
	try {
		const result = await analyzer.run(
			request,
			(label, fraction) => {
				const match = files.find(
					(f) => label.startsWith(`${f.name}:`) || label === `Reading ${f.name}`,
				);
				inputId = match?.id ?? inputId;
				post({
					type: 'progress',
					runId: id,
					inputId,
					label,
					seq,
					...(fraction === undefined ? {} : { fraction }),
				});
			},
			controller.signal,
		);
		if (controller.signal.aborted) return;
		for (const f of files) {
			if (!cancelledIds.has(f.id)) continue;
			result.facts.inputs.push({
				id: f.id,
				name: f.name,
				size: f.bytes.length,
				sha256: '',
				kind: 'unknown',
				kindReason: 'not analyzed',
				status: 'error',
				error:
					'Analysis cancelled before this file was finished; remove it and add it again to retry',
			});
		}
		post({ type: 'result', runId: id, result, seq });
	} catch (error) {
		if (controller.signal.aborted) return;
		post({
			type: 'crash',
			runId: id,
			seq,
			message: error instanceof Error ? error.message : String(error),
		});
	} finally {
		if (current === controller) current = null;
	}
}

function describe(requestId: number, der: Uint8Array): void {
	let description: CertificateDescription | null = null;
	try {
		description = { extensions: certificateExtensions(der), asn1: certificateAsn1(der) };
	} catch {
		// not a certificate the decoder can read: the card says so
	}
	post({ type: 'certificate-description', requestId, description });
}

scope.addEventListener('message', (event) => {
	const msg = event.data;
	if (msg.type === 'describe-certificate') {
		describe(msg.requestId, msg.der);
		return;
	}
	if (msg.type === 'module') {
		yamlAnswer?.(msg.source, msg.error);
		return;
	}
	if (msg.seq !== undefined) lastSeq = Math.max(lastSeq, msg.seq);
	switch (msg.type) {
		case 'add':
			files = [...files, ...msg.files];
			break;
		case 'remove': {
			const gone = new Set(msg.ids);
			files = files.filter((f) => !gone.has(f.id));
			for (const id of gone) {
				delete passwords[id];
				delete entryPasswords[id];
				cancelledIds.delete(id);
			}
			analyzer.forget(new Set(files.map((f) => f.id)));
			break;
		}
		case 'clear':
			files = [];
			for (const id of Object.keys(passwords)) delete passwords[id];
			for (const id of Object.keys(entryPasswords)) delete entryPasswords[id];
			cancelledIds.clear();
			analyzer.forget(new Set());
			break;
		case 'password':
			passwords[msg.id] = msg.password;
			break;
		case 'entry-password':
			entryPasswords[msg.id] = { ...(entryPasswords[msg.id] ?? {}), [msg.alias]: msg.password };
			break;
		case 'settings':
			settings = msg.settings;
			break;
		case 'cancelled':
			for (const id of msg.ids) cancelledIds.add(id);
			break;
	}
	schedule();
});
