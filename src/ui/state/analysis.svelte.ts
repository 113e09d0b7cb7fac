// The page's analysis state: the inputs the user added, the engine's latest result, progress,
// settings (trust, raw keys, capture time, connector) and the UiActions detail views call.
import { pemToDer } from '../../core/x509/pem';
import type { AnalysisResult } from '../../analyze';
import type { AnalysisSettings, InputFacts } from '../../core/facts';
import type { InputFile } from '../../core/pipeline';
import { reconcileReport } from '../../core/report/build-report';
import { exportableReport, reportJson, reportSarif } from '../../core/report/export';
import type { Report } from '../../core/report/report';
import type { SharePayload } from '../../core/share/share-link';
import type { ConnectorForm } from '../../core/tls/facts';
import type { CertificateDescription } from '../../core/x509/facts';
import { EngineClient } from '../../engine/client';
import type { EngineEvent } from '../../engine/protocol';
import type { UiActions } from '../actions';
import { copyText } from '../clipboard';
import { sharedFixes } from './share-extras';

/** Below this many bytes in one drop, reading is instant and needs no progress. */
const READ_PROGRESS_BYTES = 1024 * 1024;

/** Unknown inputs up to this size may be offered as a raw symmetric key. */
export const RAW_KEY_MAX_BYTES = 512;
/** Bytes kept on the page for the offer: a 64-byte key written as hex text, plus line breaks. */
export const SMALL_INPUT_BYTES = 2 * RAW_KEY_MAX_BYTES + 4;

/** An input as the page knows it before (and besides) the engine's result. */
export interface PageInput {
	id: string;
	name: string;
	size: number;
	/** Request sequence number of the last change to this input (add, password). */
	touched: number;
	/** The bytes, kept only for small files (offered as raw keys, see RawKeyOffer). */
	small: Uint8Array | null;
}

export interface ProgressInfo {
	label: string;
	fraction: number | null;
	inputId: string | null;
}

export interface RawKeyInfo {
	id: string;
	name: string;
	algorithm: string;
	length: number;
}

function emptySettings(): AnalysisSettings {
	return {
		trustAnchors: [],
		truststoreInputs: [],
		rawKeys: [],
		captureTime: null,
		connector: null,
	};
}

export class AnalysisState implements UiActions {
	inputs = $state.raw<PageInput[]>([]);
	result = $state.raw<AnalysisResult | null>(null);
	settings = $state.raw<AnalysisSettings>(emptySettings());
	progress = $state.raw<ProgressInfo | null>(null);
	/** An unexpected engine failure (a bug), shown in a visible panel. */
	crash = $state<string | null>(null);
	/** A short confirmation (copied, added) for the live region. */
	notice = $state<string | null>(null);
	private sentSeq = $state(0);
	private resultSeq = $state(0);
	private cancelling = $state(false);
	/** Files being read into memory before they go to the engine (already pending work). */
	private reading = $state(0);
	/** Results of requests sent before the last "clear all" describe inputs that are gone. */
	private floorSeq = 0;
	private pasteCount = 0;
	private idCount = 0;
	private keyCount = 0;
	/** Passwords the user typed: redacted from anything exported, whatever a message quotes. */
	private secrets: string[] = [];
	private readonly engine: EngineClient;
	/** UiActions with bound methods, safe to pass to detail components (and to destructure). */
	readonly actions: UiActions;

	/** True until the engine has answered the last request: `html[data-state=busy]`. */
	busy = $derived(this.cancelling || this.reading > 0 || this.sentSeq > this.resultSeq);
	report = $derived<Report | null>(
		this.result ? reconcileReport(this.result.report, this.result.facts) : null,
	);
	rawKeys = $derived<RawKeyInfo[]>(
		this.settings.rawKeys.map((k) => ({
			id: k.id,
			name: k.name,
			algorithm: k.algorithm,
			length: k.bytes.length,
		})),
	);

	constructor(engine?: (onEvent: (event: EngineEvent) => void) => EngineClient) {
		const onEvent = (event: EngineEvent) => this.onEngineEvent(event);
		this.engine = engine ? engine(onEvent) : new EngineClient(onEvent);
		this.actions = {
			entryPassword: (id, alias, password) => this.entryPassword(id, alias, password),
			toggleTrustAnchor: (sha256) => this.toggleTrustAnchor(sha256),
			isTrustAnchor: (sha256) => this.isTrustAnchor(sha256),
			setTruststore: (id, on) => this.setTruststore(id, on),
			isTruststore: (id) => this.isTruststore(id),
			setCaptureTime: (iso) => this.setCaptureTime(iso),
			addRawKey: (name, algorithm, bytes) => this.addRawKey(name, algorithm, bytes),
			setConnector: (form) => this.setConnector(form),
			copy: (text, what) => this.copy(text, what),
			describeCertificate: (pem) => this.describeCertificate(pem),
		};
	}

	private onEngineEvent(event: EngineEvent): void {
		const seq = event.seq ?? 0;
		switch (event.type) {
			case 'busy':
				break;
			case 'progress':
				this.progress = {
					label: event.label,
					fraction: event.fraction ?? null,
					inputId: event.inputId,
				};
				break;
			case 'result':
				if (seq < this.resultSeq || seq < this.floorSeq) return;
				this.result = event.result;
				this.resultSeq = seq;
				this.crash = null;
				if (seq >= this.sentSeq) this.progress = null;
				break;
			case 'crash':
				if (seq < this.resultSeq) return;
				this.crash = event.message;
				this.resultSeq = Math.max(this.resultSeq, seq);
				this.progress = null;
				break;
		}
	}

	private sent(): number {
		this.sentSeq = this.engine.lastSeq;
		return this.sentSeq;
	}

	/** The engine's facts for one input, or null while it has not been analyzed yet. */
	factsOf(id: string): InputFacts | null {
		return this.result?.facts.inputs.find((i) => i.id === id) ?? null;
	}

	/** `pending` until a result answers the input's last change, then the engine's status. */
	statusOf(input: PageInput): InputFacts['status'] {
		const facts = this.factsOf(input.id);
		if (!facts || input.touched > this.resultSeq) return 'pending';
		return facts.status;
	}

	async addFiles(files: readonly File[]): Promise<void> {
		if (files.length === 0) return;
		this.reading++;
		try {
			const total = files.reduce((n, f) => n + f.size, 0);
			const read = { bytes: 0 };
			const loaded = [];
			// One after the other, so the progress bar moves with the bytes read.
			for (const f of files) {
				loaded.push({
					name: f.name || 'unnamed file',
					bytes: await this.readFile(f, read, total),
					lastModified: f.lastModified,
				});
			}
			this.addBytes(loaded);
		} catch (error) {
			this.say(
				`Could not read the file: ${error instanceof Error ? error.message : String(error)}`,
			);
		} finally {
			this.reading--;
		}
	}

	/**
	 * Reads a file in chunks and reports the share of all bytes read so far: a 30 MB file takes
	 * a visible moment, and the bar should not sit at 0 meanwhile.
	 */
	private async readFile(file: File, read: { bytes: number }, total: number): Promise<Uint8Array> {
		if (total < READ_PROGRESS_BYTES || typeof file.stream !== 'function') {
			read.bytes += file.size;
			return new Uint8Array(await file.arrayBuffer());
		}
		const chunks: Uint8Array[] = [];
		let length = 0;
		const reader = file.stream().getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			length += value.length;
			read.bytes += value.length;
			this.progress = {
				label: `Reading ${file.name || 'unnamed file'} (${Math.round(read.bytes / 1048576)} of ${Math.round(total / 1048576)} MB)`,
				fraction: Math.min(1, read.bytes / total),
				inputId: null,
			};
		}
		const bytes = new Uint8Array(length);
		let at = 0;
		for (const c of chunks) {
			bytes.set(c, at);
			at += c.length;
		}
		return bytes;
	}

	addText(text: string): void {
		if (text.trim() === '') return;
		this.addBytes([
			{ name: `Pasted text ${++this.pasteCount}`, bytes: new TextEncoder().encode(text) },
		]);
	}

	addBytes(files: readonly { name: string; bytes: Uint8Array; lastModified?: number }[]): void {
		if (files.length === 0) return;
		const inputFiles: InputFile[] = files.map((f) => ({
			id: `in${++this.idCount}`,
			name: f.name,
			bytes: f.bytes,
			...(f.lastModified === undefined ? {} : { lastModified: f.lastModified }),
		}));
		void this.engine.add(inputFiles);
		const seq = this.sent();
		this.inputs = [
			...this.inputs,
			...inputFiles.map((f) => ({
				id: f.id,
				name: f.name,
				size: f.bytes.length,
				touched: seq,
				small: f.bytes.length <= SMALL_INPUT_BYTES ? f.bytes.slice() : null,
			})),
		];
		this.say(`${files.length} input${files.length === 1 ? '' : 's'} added`);
	}

	remove(id: string): void {
		void this.engine.remove([id]);
		this.sent();
		this.inputs = this.inputs.filter((i) => i.id !== id);
		if (this.settings.truststoreInputs.includes(id)) {
			this.updateSettings({
				truststoreInputs: this.settings.truststoreInputs.filter((x) => x !== id),
			});
		}
	}

	clear(): void {
		void this.engine.clear();
		this.floorSeq = this.engine.lastSeq;
		this.inputs = [];
		this.result = null;
		this.crash = null;
		this.progress = null;
		this.secrets = [];
		this.settings = emptySettings();
		void this.engine.updateSettings(this.settings);
		this.sent();
	}

	unlock(id: string, password: string): void {
		if (password && !this.secrets.includes(password)) this.secrets.push(password);
		void this.engine.password(id, password);
		this.touch(id, this.sent());
	}

	entryPassword(inputId: string, alias: string, password: string): void {
		if (password && !this.secrets.includes(password)) this.secrets.push(password);
		void this.engine.entryPassword(inputId, alias, password);
		this.touch(inputId, this.sent());
	}

	private touch(id: string, seq: number): void {
		this.inputs = this.inputs.map((i) => (i.id === id ? { ...i, touched: seq } : i));
	}

	/** Ids of the inputs still being worked on (what Cancel stops). */
	inProgress(): string[] {
		const current = this.progress?.inputId;
		const pending = this.inputs.filter((i) => this.statusOf(i) === 'pending').map((i) => i.id);
		return current && !pending.includes(current) ? [...pending, current] : pending;
	}

	async cancel(): Promise<void> {
		const ids = this.inProgress();
		this.cancelling = true;
		try {
			await this.engine.cancel(ids);
			this.sent();
		} finally {
			this.cancelling = false;
		}
		this.say('Analysis cancelled');
	}

	private updateSettings(patch: Partial<AnalysisSettings>): void {
		this.settings = { ...this.settings, ...patch };
		void this.engine.updateSettings(this.settings);
		this.sent();
	}

	toggleTrustAnchor(sha256: string): void {
		const on = this.settings.trustAnchors.includes(sha256);
		this.updateSettings({
			trustAnchors: on
				? this.settings.trustAnchors.filter((s) => s !== sha256)
				: [...this.settings.trustAnchors, sha256],
		});
	}

	isTrustAnchor(sha256: string): boolean {
		return this.settings.trustAnchors.includes(sha256);
	}

	setTruststore(inputId: string, on: boolean): void {
		const rest = this.settings.truststoreInputs.filter((x) => x !== inputId);
		this.updateSettings({ truststoreInputs: on ? [...rest, inputId] : rest });
	}

	isTruststore(inputId: string): boolean {
		return this.settings.truststoreInputs.includes(inputId);
	}

	setCaptureTime(iso: string | null): void {
		this.updateSettings({ captureTime: iso });
	}

	addRawKey(name: string, algorithm: string, bytes: Uint8Array): void {
		if (bytes.length === 0) return;
		const key = { id: `key${++this.keyCount}`, name, algorithm, bytes: bytes.slice() };
		this.updateSettings({ rawKeys: [...this.settings.rawKeys, key] });
		this.say(`Key "${name}" added (${bytes.length} bytes)`);
	}

	removeRawKey(id: string): void {
		this.updateSettings({ rawKeys: this.settings.rawKeys.filter((k) => k.id !== id) });
	}

	setConnector(form: ConnectorForm | null): void {
		this.updateSettings({ connector: form });
	}

	describeCertificate(pem: string): Promise<CertificateDescription | null> {
		return this.engine.describeCertificate(pemToDer(pem));
	}

	copy(text: string, what: string): void {
		void copyText(text).then((ok) => this.say(ok ? `Copied ${what}` : `Could not copy ${what}`));
	}

	say(message: string): void {
		this.notice = message;
	}

	/** The report as it may leave the page (export, share): typed passwords scrubbed. */
	exportableReport(): Report | null {
		const report = this.report;
		return report ? exportableReport(report, this.secrets) : null;
	}

	/** The file Export JSON or Export SARIF downloads; the command line prints the same text. */
	exportFile(format: 'json' | 'sarif'): string | null {
		const result = this.result;
		const report = this.report;
		if (!result || !report) return null;
		// this.report, not result.report: it lists the inputs cancelled after the report was built.
		return format === 'json'
			? reportJson(report, this.secrets)
			: reportSarif(report, result.rules ?? [], this.secrets);
	}

	/** What a link or saved report carries: the redacted report, connector and corrected configs. */
	sharePayload(): SharePayload | null {
		const report = this.exportableReport();
		if (!report) return null;
		const fixes = sharedFixes(this.result?.facts ?? null, this.secrets);
		return {
			report,
			connector: this.settings.connector ?? null,
			...(fixes.length ? { fixes } : {}),
		};
	}

	/** Stops the engine (page teardown, tests). */
	dispose(): void {
		void this.engine.dispose();
	}
}
