// The page's analysis state, the one place the engine's inputs live: the inputs the user added
// (with their bytes), typed passwords, settings (trust, raw keys, capture time, connector) and
// cancelled inputs, sent to the engine as a snapshot on every change; the engine's per-input
// results and latest full result, progress, and the UiActions detail views call.
import { pemToDer } from '../../core/x509/pem';
import type { AnalysisResult } from '../../analyze';
import {
	CANCELLED_MESSAGE,
	emptySettings,
	type AnalysisSettings,
	type InputFacts,
} from '../../core/facts';
import type { InputFile } from '../../core/pipeline';
import { reconcileReport } from '../../core/report/build-report';
import { exportableReport, reportJson, reportSarif } from '../../core/report/export';
import type { Report } from '../../core/report/report';
import type { SharePayload } from '../../core/share/share-link';
import type { ConnectorForm } from '../../core/tls/facts';
import type { CertificateDescription } from '../../core/x509/facts';
import { EngineClient } from '../../engine/client';
import type { EngineEvent, EngineSnapshot } from '../../engine/protocol';
import type { UiActions } from '../actions';
import { copyText } from '../clipboard';
import { sharedFixes } from './share-extras';

/** Below this many bytes in one drop, reading is instant and needs no progress. */
const READ_PROGRESS_BYTES = 1024 * 1024;

/** Per-input results arriving within this many ms are applied together. */
const INPUT_BATCH_MS = 50;
/** At most this many per-input results are applied in one task (see flushInputs). */
const INPUT_FLUSH_MAX = 150;

/** Unknown inputs up to this size may be offered as a raw symmetric key. */
export const RAW_KEY_MAX_BYTES = 512;
/** Bytes kept on the page for the offer: the largest raw key written as hex text, plus line breaks. */
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

export class AnalysisState implements UiActions {
	inputs = $state.raw<PageInput[]>([]);
	result = $state.raw<AnalysisResult | null>(null);
	/** Each input's facts as the engine posted them when its own step finished, with the run's seq. */
	private perInput = $state.raw<Record<string, { seq: number; facts: InputFacts }>>({});
	/** Inputs whose work the user cancelled (their cards offer Retry). */
	cancelled = $state.raw<string[]>([]);
	/** The full result's inputs by id (each card looks itself up: no scan per card). */
	private resultInputs = $derived<Record<string, InputFacts>>(
		Object.fromEntries((this.result?.facts.inputs ?? []).map((i) => [i.id, i])),
	);
	/** Per-input results received and not yet applied (see flushInputs). */
	private arrived: { seq: number; facts: InputFacts }[] = [];
	private flushTimer: ReturnType<typeof setTimeout> | null = null;
	settings = $state.raw<AnalysisSettings>(emptySettings());
	progress = $state.raw<ProgressInfo | null>(null);
	/** An unexpected engine failure (a bug), shown in a visible panel. */
	crash = $state<string | null>(null);
	/** A short confirmation (copied, added) for the live region. */
	notice = $state<string | null>(null);
	private sentSeq = $state(0);
	private resultSeq = $state(0);
	/** Inputs the last result left out: the derivation worker reads them (more results follow). */
	private waiting = $state.raw<string[]>([]);
	private cancelling = $state(false);
	/** Files being read into memory before they go to the engine (already pending work). */
	private reading = $state(0);
	/**
	 * Counts the Cancels pressed while files were being read: a read that sees it changed hands
	 * its files over as cancelled inputs (their cards offer Retry) instead of analyzing them.
	 */
	private readCancels = 0;
	/** Results of requests sent before the last "clear all" describe inputs that are gone. */
	private floorSeq = 0;
	private pasteCount = 0;
	private idCount = 0;
	private keyCount = 0;
	/** Passwords the user typed: redacted from anything exported, whatever a message quotes. */
	private secrets: string[] = [];
	/** The files (bytes) of the inputs: sent to each fresh engine worker once. */
	private files: InputFile[] = [];
	private passwords: Record<string, string> = {};
	private entryPasswords: Record<string, Record<string, string>> = {};
	private readonly engine: EngineClient;
	/** UiActions with bound methods, safe to pass to detail components (and to destructure). */
	readonly actions: UiActions;

	/** True until the engine has answered the last request: `html[data-state=busy]`. */
	busy = $derived(
		this.cancelling ||
			this.reading > 0 ||
			this.sentSeq > this.resultSeq ||
			this.waiting.some((id) => !this.cancelled.includes(id)),
	);
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
		if (
			event.type === 'certificate-description' ||
			event.type === 'need-module' ||
			event.type === 'warmed' ||
			event.type === 'rehearsed' ||
			event.type === 'delegate' ||
			event.type === 'read-done'
		)
			return;
		const seq = event.seq;
		switch (event.type) {
			case 'busy':
				break;
			case 'progress':
				if (seq < this.floorSeq) return;
				this.progress = {
					label: event.label,
					fraction: event.fraction ?? null,
					inputId: event.inputId,
				};
				break;
			case 'input': {
				if (seq < this.floorSeq) return;
				// batched: 2,000 inputs post 2,000 events, and each state change re-renders the cards
				this.arrived.push({ seq, facts: event.input });
				this.flushTimer ??= setTimeout(() => this.flushInputs(INPUT_FLUSH_MAX), INPUT_BATCH_MS);
				break;
			}
			case 'result':
				if (seq < this.resultSeq || seq < this.floorSeq) return;
				this.flushInputs();
				this.result = event.result;
				this.resultSeq = seq;
				this.waiting = event.waiting ?? [];
				this.crash = null;
				if (seq >= this.sentSeq) this.progress = null;
				break;
			case 'crash':
				if (seq < this.resultSeq) return;
				this.crash = event.message;
				this.resultSeq = Math.max(this.resultSeq, seq);
				this.waiting = [];
				this.progress = null;
				break;
		}
	}

	private snapshot(): EngineSnapshot {
		return {
			inputIds: this.files.map((f) => f.id),
			passwords: this.passwords,
			entryPasswords: this.entryPasswords,
			settings: this.settings,
			cancelled: this.cancelled,
		};
	}

	/** Sends the state to the engine; returns the snapshot's sequence number. */
	private sent(): number {
		this.sentSeq = this.engine.analyze(this.snapshot(), this.files);
		return this.sentSeq;
	}

	/**
	 * Applies the per-input results that arrived since the last flush, in one state change; from
	 * the batch timer (`limit`), at most that many, the rest in the next task (each one turns a
	 * pending card into a full one: 2,000 at once blocked the page).
	 */
	flushInputs(limit = Number.POSITIVE_INFINITY): void {
		if (this.flushTimer !== null) clearTimeout(this.flushTimer);
		this.flushTimer = null;
		if (this.arrived.length === 0) return;
		const batch = this.arrived.length > limit ? this.arrived.splice(0, limit) : this.arrived;
		if (batch === this.arrived) this.arrived = [];
		const next = { ...this.perInput };
		for (const { seq, facts } of batch) {
			const known = next[facts.id];
			if (seq < this.floorSeq || (known && known.seq > seq)) continue;
			next[facts.id] = { seq, facts };
		}
		this.perInput = next;
		if (this.arrived.length > 0)
			this.flushTimer = setTimeout(() => this.flushInputs(INPUT_FLUSH_MAX), 0);
	}

	/** The newest facts the engine gave for one input and the run they came from. */
	private latestOf(id: string): { seq: number; facts: InputFacts } | null {
		const own = this.perInput[id] ?? null;
		const full = this.resultInputs[id];
		if (full && (!own || this.resultSeq >= own.seq)) return { seq: this.resultSeq, facts: full };
		return own;
	}

	/** The engine's facts for one input, or null while it has not been analyzed yet. */
	factsOf(id: string): InputFacts | null {
		if (this.cancelled.includes(id)) {
			const input = this.inputs.find((i) => i.id === id);
			return {
				id,
				name: input?.name ?? id,
				size: input?.size ?? 0,
				sha256: '',
				kind: 'unknown',
				kindReason: 'not analyzed',
				status: 'error',
				error: CANCELLED_MESSAGE,
			};
		}
		return this.latestOf(id)?.facts ?? null;
	}

	/** True for an input the user cancelled: its card offers Retry. */
	isCancelled(id: string): boolean {
		return this.cancelled.includes(id);
	}

	/** `pending` until a result answers the input's last change, then the engine's status. */
	statusOf(input: PageInput): InputFacts['status'] {
		if (this.cancelled.includes(input.id)) return 'error';
		const latest = this.latestOf(input.id);
		if (!latest || input.touched > latest.seq) return 'pending';
		return latest.facts.status;
	}

	async addFiles(files: readonly File[]): Promise<void> {
		if (files.length === 0) return;
		this.reading++;
		const cancels = this.readCancels;
		const cancelled = () => this.readCancels !== cancels;
		try {
			const total = files.reduce((n, f) => n + f.size, 0);
			const read = { bytes: 0 };
			const loaded = [];
			// One after the other, so the progress bar moves with the bytes read.
			for (const f of files) {
				loaded.push({
					name: f.name || 'unnamed file',
					bytes: await this.readFile(f, read, total, cancelled),
					lastModified: f.lastModified,
				});
			}
			this.addBytes(loaded, { cancelled: cancelled() });
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
	private async readFile(
		file: File,
		read: { bytes: number },
		total: number,
		/** True once Cancel was pressed: the rest is read quietly, for Retry. */
		cancelled: () => boolean,
	): Promise<Uint8Array> {
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
			if (cancelled()) continue;
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

	/**
	 * Adds inputs and sends them to the engine. `cancelled`: Cancel was pressed while they were
	 * read, so they are added as cancelled (not analyzed; Retry analyzes them).
	 */
	addBytes(
		files: readonly { name: string; bytes: Uint8Array; lastModified?: number }[],
		{ cancelled = false }: { cancelled?: boolean } = {},
	): void {
		if (files.length === 0) return;
		const inputFiles: InputFile[] = files.map((f) => ({
			id: `in${++this.idCount}`,
			name: f.name,
			bytes: f.bytes,
			...(f.lastModified === undefined ? {} : { lastModified: f.lastModified }),
		}));
		this.files = [...this.files, ...inputFiles];
		if (cancelled) this.cancelled = [...this.cancelled, ...inputFiles.map((f) => f.id)];
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
		this.say(
			`${files.length} input${files.length === 1 ? '' : 's'} added${cancelled ? ', cancelled while read' : ''}`,
		);
	}

	remove(id: string): void {
		this.files = this.files.filter((f) => f.id !== id);
		this.inputs = this.inputs.filter((i) => i.id !== id);
		delete this.passwords[id];
		delete this.entryPasswords[id];
		this.cancelled = this.cancelled.filter((x) => x !== id);
		const { [id]: _gone, ...rest } = this.perInput;
		this.perInput = rest;
		if (this.settings.truststoreInputs.includes(id)) {
			this.settings = {
				...this.settings,
				truststoreInputs: this.settings.truststoreInputs.filter((x) => x !== id),
			};
		}
		this.sent();
	}

	clear(): void {
		this.files = [];
		this.passwords = {};
		this.entryPasswords = {};
		this.cancelled = [];
		this.arrived = [];
		this.perInput = {};
		this.waiting = [];
		this.inputs = [];
		this.result = null;
		this.crash = null;
		this.progress = null;
		this.secrets = [];
		this.settings = emptySettings();
		this.floorSeq = this.sent();
	}

	unlock(id: string, password: string): void {
		if (password && !this.secrets.includes(password)) this.secrets.push(password);
		this.passwords = { ...this.passwords, [id]: password };
		this.touch(id, this.sent());
	}

	entryPassword(inputId: string, alias: string, password: string): void {
		if (password && !this.secrets.includes(password)) this.secrets.push(password);
		this.entryPasswords = {
			...this.entryPasswords,
			[inputId]: { ...(this.entryPasswords[inputId] ?? {}), [alias]: password },
		};
		this.touch(inputId, this.sent());
	}

	private touch(id: string, seq: number): void {
		this.inputs = this.inputs.map((i) => (i.id === id ? { ...i, touched: seq } : i));
	}

	/**
	 * Stops what runs and only that (EngineClient.cancel): the input being derived and the one
	 * the analysis works on (when it works between inputs, every input still pending that is not
	 * waiting for a derivation). Their workers are terminated and replaced, so no derivation keeps
	 * a core busy; the other inputs keep their results, and the cancelled ones offer Retry.
	 */
	async cancel(): Promise<void> {
		this.cancelling = true;
		this.progress = null;
		// files still being read are stopped too: they arrive cancelled (addFiles)
		if (this.reading > 0) this.readCancels++;
		try {
			const stopped = await this.engine.cancel();
			const ids = [
				...stopped.inputs,
				...(stopped.between
					? this.inputs
							.filter((i) => this.statusOf(i) === 'pending' && !stopped.delegated.includes(i.id))
							.map((i) => i.id)
					: []),
			];
			this.cancelled = [
				...this.cancelled,
				...ids.filter((id, n) => !this.cancelled.includes(id) && ids.indexOf(id) === n),
			];
			this.sent();
		} finally {
			this.cancelling = false;
		}
		this.say('Analysis cancelled');
	}

	/** Analyzes a cancelled input again. */
	retry(id: string): void {
		if (!this.cancelled.includes(id)) return;
		this.cancelled = this.cancelled.filter((x) => x !== id);
		this.touch(id, this.sent());
	}

	private updateSettings(patch: Partial<AnalysisSettings>): void {
		this.settings = { ...this.settings, ...patch };
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
