// Composition root: every input is detected and parsed in its own guarded step (the one place
// where any exception becomes that input's error, naming the step, and never another input's),
// then the cross-file stages run, each guarded the same way, then the rules, the grade and the
// report. Runs inside the engine worker; parse outcomes are cached so adding a file does not redo
// the expensive work (key derivation) for the others.
import { KIND_AREA, loadArea, type AreaCode, type AreaName } from './areas';
import { detectKind, type Detection } from './core/detect';
import { KdfBudget, withKdfBudget } from './core/crypto/budget';
import { describeFailure, LockedError } from './core/errors';
import {
	CANCELLED_MESSAGE,
	emptyFacts,
	emptySettings,
	type AnalysisFacts,
	type AnalysisSettings,
	type InputFacts,
} from './core/facts';
import { findDeclaredPasswords } from './core/keys/declared-passwords';
import { mergeKeyRings, type KeyRing } from './core/keys/keyring';
import type {
	InputFile,
	ParsedInput,
	ParseOutcome,
	Parser,
	ProgressFn,
	Stage,
	StageContext,
	XmlDocumentRef,
} from './core/pipeline';
import { buildReport, type EngineFinding } from './core/report/build-report';
import { grade } from './core/report/grade';
import type { InputKind, Report } from './core/report/report';
import type { SarifRuleSource } from './core/report/sarif';
import { sha256Hex } from './core/bytes/digest';
import { utf8, utf8OrNull } from './core/bytes/encoding';
import { byteLength, textBacked } from './core/bytes/text-backed';
import { rawKeysFromFile } from './core/xmlenc/raw-key-file';
import { RULES } from './rules';
import { runRuleList } from './rules/run-rules';

/** The parser of a kind, from its area's code (loaded on first need: src/areas). */
async function parserFor(kind: InputKind): Promise<Parser | undefined> {
	if (kind === 'unknown') return undefined;
	const parsers: Partial<Record<InputKind, Parser>> = (await loadArea(KIND_AREA[kind])).parsers;
	return parsers[kind];
}

type Wanted = (facts: AnalysisFacts, ctx: StageContext) => boolean;

/**
 * A stage of an area: it runs, and its area's code is loaded, only when `wanted` says the stage
 * has something to do. `wanted` must be true whenever the stage would change the facts, so a
 * result never depends on which areas are loaded (src/analyze.stages.test.ts runs every stage
 * regardless and compares).
 */
function areaStage<A extends AreaName>(
	area: A,
	pick: (code: AreaCode<A>) => Stage,
	wanted: Wanted,
): { run: Stage; wanted: Wanted } {
	return { run: async (facts, ctx) => pick(await loadArea(area))(facts, ctx), wanted };
}

const hasXml = (_: AnalysisFacts, ctx: StageContext) => ctx.documents.length > 0;

/** Fixed order: keys and certificates first, decryption before signatures (sign-then-encrypt). */
const STAGES: readonly { name: string; run: Stage; wanted: Wanted }[] = [
	{ name: 'certificates', ...areaStage('pki', (a) => a.certificateStage, needsCertificateStage) },
	// both return at once without an XML document
	{ name: 'decryption', ...areaStage('xml-security', (a) => a.decryptionStage, hasXml) },
	{ name: 'signatures', ...areaStage('xml-security', (a) => a.signatureStage, hasXml) },
	{
		name: 'WSDL and policy',
		...areaStage(
			'wsdl',
			(a) => a.wsdlStage,
			// XML documents, or a .NET configuration declaring WS-Security (what the stage reads)
			(facts, ctx) =>
				hasXml(facts, ctx) ||
				ctx.inputs.some(
					(i) =>
						i.kind === 'tls-config' &&
						(utf8OrNull(i.file.bytes) ?? '').includes('<system.serviceModel'),
				),
		),
	},
	{
		name: 'TLS settings',
		...areaStage(
			'tls',
			(a) => a.tlsStage,
			// the stage's sources: TLS inputs and the connector form
			(facts, ctx) =>
				facts.connector !== null || ctx.inputs.some((i) => i.outcome.detail?.area === 'tls'),
		),
	},
	// after the TLS stage: it names each connector's certificate and role
	{
		name: 'certificate purposes',
		...areaStage(
			'pki',
			(a) => a.connectorEkuStage,
			(facts) => facts.tls.some((c) => c.certificate?.sha256),
		),
	},
];

/**
 * The certificate stage pairs keys with certificates, validates chains against the CRLs and
 * anchors, and records keystore passwords declared in TLS configuration files: without any of
 * these it has nothing to do (a TLS file alone does not load the certificate code).
 */
function needsCertificateStage(facts: AnalysisFacts, ctx: StageContext): boolean {
	return (
		facts.certificates.length > 0 ||
		facts.keys.length > 0 ||
		facts.keystores.length > 0 ||
		ctx.keyring.certificates.length > 0 ||
		ctx.inputs.some(
			(i) =>
				(i.kind !== 'unknown' && KIND_AREA[i.kind] === 'pki') ||
				(i.kind === 'tls-config' && findDeclaredPasswords(utf8(i.file.bytes)).length > 0),
		)
	);
}

export interface AnalysisRequest {
	files: readonly InputFile[];
	/**
	 * Inputs whose work the user cancelled: recorded with an error (before the report is built,
	 * so the exported report lists them) and not parsed.
	 */
	cancelled?: readonly string[];
	/** Store passwords the user typed, by input id. */
	passwords: Readonly<Record<string, string>>;
	/** Entry key passwords the user typed, by input id then alias. */
	entryPasswords: Readonly<Record<string, Readonly<Record<string, string>>>>;
	settings: AnalysisSettings;
}

export interface AnalysisResult {
	facts: AnalysisFacts;
	report: Report;
	/** Catalog entries of the rules that reported a finding: SARIF lists them as its rules (absent
	 * from results made by hand in tests; SARIF then describes a rule by its first finding). */
	rules?: SarifRuleSource[];
}

/** Receives each input's facts as soon as its own step is done (before the cross-file stages). */
export type InputListener = (input: InputFacts) => void;

/**
 * What reading one input left: the page's engine moves it between workers (a keystore read in
 * the derivation worker is adopted by the analysis worker), so it is plain, cloneable data.
 */
export interface ParsedEntry {
	/** The passwords and size it was read with: a cached entry is reused only for the same key. */
	key: string;
	detection: Detection;
	sha256: string;
	outcome: ParseOutcome | null;
	error: { message: string; locked?: { wrongPassword: boolean } } | null;
}

/** An input whose reading may derive keys, handed to another worker instead of read here. */
export interface DelegatedInput {
	file: InputFile;
	key: string;
	password: string | null;
	entryPasswords: Readonly<Record<string, string>>;
}

/**
 * Reads SLOW_KINDS elsewhere (the page's derivation worker) so a slow key derivation holds back
 * no other input; the input is left out of this run and adopted (Analyzer.adopt) when read.
 */
export type Delegate = (input: DelegatedInput) => void;

/**
 * Kinds read last (or, in the page, in the derivation worker): those whose parsing derives keys
 * from passwords can take seconds, and the results of the others are posted before them (a slow
 * keystore does not hold back a certificate dropped with it); PEM files holding an encrypted key
 * count as one. The report keeps the order the files were added in.
 */
const SLOW_KINDS: ReadonlySet<InputKind> = new Set<InputKind>([
	'pkcs12',
	'jks',
	'jceks',
	'bks',
	'private-key',
]);

type CachedInput = ParsedEntry;

function cacheKey(
	password: string | null,
	entryPasswords: Readonly<Record<string, string>>,
	file: InputFile,
): string {
	return JSON.stringify([password, entryPasswords, byteLength(file)]);
}

/** Keeps parse results between runs; one instance lives as long as the worker. */
export class Analyzer {
	private readonly cache = new Map<string, CachedInput>();
	private readonly detections = new Map<string, Detection>();
	/** Texts decoded for detection, handed to the parser that reads the same input next. */
	private readonly texts = new Map<string, string | null>();

	/**
	 * `everyStage`: run each stage even when it has nothing to do (tests of the stage gates).
	 * `turnMs`: how long the run may go before it gives the event loop a turn (Turn); the
	 * rehearsal's 0 lets a drop in between any two steps.
	 */
	constructor(private readonly options: { everyStage?: boolean; turnMs?: number } = {}) {}

	/** Drops cached results of inputs that are gone. */
	forget(keepIds: ReadonlySet<string>): void {
		for (const id of this.cache.keys()) if (!keepIds.has(id)) this.cache.delete(id);
		for (const id of this.detections.keys()) if (!keepIds.has(id)) this.detections.delete(id);
		for (const id of this.texts.keys()) if (!keepIds.has(id)) this.texts.delete(id);
	}

	/** Takes an input read elsewhere (see Delegate) into the cache; the next run uses it. */
	adopt(inputId: string, entry: ParsedEntry): void {
		this.cache.set(inputId, entry);
		this.detections.set(inputId, entry.detection);
	}

	/** Reads one input on its own (the derivation worker's whole job). */
	async readAlone(
		input: DelegatedInput,
		progress: ProgressFn,
		signal: AbortSignal,
	): Promise<ParsedEntry> {
		const request: AnalysisRequest = {
			files: [input.file],
			passwords: input.password === null ? {} : { [input.file.id]: input.password },
			entryPasswords: { [input.file.id]: input.entryPasswords },
			settings: emptySettings(),
		};
		return this.parseOne(input.file, request, progress, signal);
	}

	/**
	 * `delegate`: when given, inputs of SLOW_KINDS not read yet with their current passwords are
	 * handed to it and left out of this run (neither in the facts nor posted); they come back
	 * through `adopt` and the next run.
	 */
	async run(
		request: AnalysisRequest,
		progress: ProgressFn,
		signal: AbortSignal,
		onInput: InputListener = () => {},
		delegate?: Delegate,
	): Promise<AnalysisResult> {
		const now = request.settings.now ?? new Date().toISOString();
		const facts = emptyFacts(now);
		facts.captureTime = request.settings.captureTime ?? null;
		facts.connector = request.settings.connector ?? null;
		const cancelled = new Set(request.cancelled ?? []);
		const active = request.files.filter((f) => !cancelled.has(f.id));
		const order = [...active.entries()].sort(
			([a, fa], [b, fb]) => this.slowness(fa) - this.slowness(fb) || a - b,
		);
		// The code of every input's area starts loading now (the page's engine asks for all their
		// scripts at once); a failed load is reported by the input's own step, which loads again.
		// (The sort above detected every input.)
		for (const file of active) {
			const kind = this.detections.get(file.id)?.kind;
			if (kind && kind !== 'unknown') loadArea(KIND_AREA[kind]).catch(() => undefined);
		}
		const done = new Map<string, { facts: InputFacts; entry: CachedInput }>();
		const elsewhere = new Set<string>();
		const turn = new Turn(this.options.turnMs);
		for (const [n, [, file]] of order.entries()) {
			await turn.yield();
			signal.throwIfAborted();
			if (delegate && this.slowness(file) === 1) {
				const password = request.passwords[file.id] ?? null;
				const entryPasswords = request.entryPasswords[file.id] ?? {};
				const key = cacheKey(password, entryPasswords, file);
				if (this.cache.get(file.id)?.key !== key) {
					delegate({ file, key, password, entryPasswords });
					elsewhere.add(file.id);
					continue;
				}
			}
			progress(`Reading ${file.name}`, n / Math.max(1, active.length), file.id);
			const entry = await this.parseOne(file, request, progress, signal);
			const input = this.inputFacts(file, entry);
			done.set(file.id, { facts: input, entry });
			onInput(input);
		}
		const parsed: ParsedInput[] = [];
		for (const file of request.files) {
			if (elsewhere.has(file.id)) continue;
			const one = done.get(file.id);
			if (!one) {
				facts.inputs.push(cancelledFacts(file));
				continue;
			}
			facts.inputs.push(one.facts);
			const outcome = one.entry.outcome;
			if (outcome) {
				parsed.push({ file, kind: one.entry.detection.kind, outcome });
				mergePartialFacts(facts, outcome);
			}
		}
		const keyring = this.keyRing(parsed, request.settings);
		for (const file of request.files) {
			// an unrecognized small file may be a raw HMAC/AES key: a candidate wherever one is wanted
			if (this.cache.get(file.id)?.detection.kind !== 'unknown') continue;
			for (const [i, raw] of rawKeysFromFile(file.bytes).entries())
				keyring.secretKeys.push({
					id: `file:${file.id}#${i}`,
					inputName: file.name,
					name: file.name,
					algorithm: `raw (${raw.encoding})`,
					bytes: raw.bytes,
				});
		}
		facts.trustAnchors = trustAnchors(keyring, parsed, request.settings);
		const documents: XmlDocumentRef[] = parsed.flatMap((p) =>
			p.outcome.xml
				? [{ inputName: p.file.name, xml: p.outcome.xml, origin: 'input' as const }]
				: [],
		);
		/** The input a stage last said it works on: an exception in the stage is that input's. */
		const stageState: { working: string | null } = { working: null };
		const ctx: StageContext = {
			inputs: parsed,
			files: request.files,
			documents,
			keyring,
			settings: request.settings,
			progress: (label, fraction, inputId) => {
				if (inputId) stageState.working = inputId;
				progress(label, fraction, inputId);
			},
			signal,
		};
		for (const stage of STAGES) {
			await turn.yield();
			signal.throwIfAborted();
			stageState.working = null;
			progress(`Analyzing ${stage.name}`);
			if (!this.options.everyStage && !stage.wanted(facts, ctx)) continue;
			try {
				await withKdfBudget(new KdfBudget(), () => stage.run(facts, ctx));
			} catch (error) {
				if (signal.aborted) throw error;
				const { message } = describeFailure(error, `analyzing ${stage.name}`);
				const blamed = stageState.working;
				const targets = blamed
					? facts.inputs.filter((i) => i.id === blamed)
					: // no input named: every input the stage reads keeps its facts and gets the note
						facts.inputs.filter((i) => i.status === 'parsed');
				for (const input of targets) {
					input.status = 'error';
					input.error = `${stage.name} stage failed: ${message}`;
				}
			}
		}
		// a text detection decoded for an input not parsed here (delegated, cached) is not kept
		this.texts.clear();
		const findings = runRules(facts);
		gradeRuntimeTables(facts);
		return { facts, report: buildReport(facts, findings, now), rules: catalogOf(findings) };
	}

	/** 0 for inputs read quickly, 1 for those that may derive keys (see SLOW_KINDS). */
	private slowness(file: InputFile): number {
		try {
			const kind = this.detect(file).kind;
			if (SLOW_KINDS.has(kind)) return 1;
			// a PEM file holding an encrypted key derives keys too (default passwords, typed one)
			return kind === 'pem' && hasEncryptedPem(file.bytes) ? 1 : 0;
			// Only the order is decided here: parseOne detects again inside its per-input guard and
			// puts this failure, reason included, on the input's card (a bug too), so it is not lost.
			// eslint-disable-next-line @typescript-eslint/no-unused-vars
		} catch (error) {
			return 0;
		}
	}

	/** Detection is cheap but not free (2,000 files): kept per input id. */
	private detect(file: InputFile): Detection {
		const known = this.detections.get(file.id);
		if (known) return known;
		// decoded once: detection reads the text the parser then gets (takeText)
		const text = utf8OrNull(file.bytes);
		const detection = detectKind(file.name, file.bytes, text);
		this.detections.set(file.id, detection);
		this.texts.set(file.id, text);
		return detection;
	}

	/** The input's text, decoded by detection or now; not kept here past this call. */
	private takeText(file: InputFile): string | null {
		const text = this.texts.has(file.id)
			? (this.texts.get(file.id) ?? null)
			: utf8OrNull(file.bytes);
		this.texts.delete(file.id);
		return text;
	}

	private async parseOne(
		file: InputFile,
		request: AnalysisRequest,
		progress: ProgressFn,
		signal: AbortSignal,
	): Promise<CachedInput> {
		const password = request.passwords[file.id] ?? null;
		const entryPasswords = request.entryPasswords[file.id] ?? {};
		const key = cacheKey(password, entryPasswords, file);
		const cached = this.cache.get(file.id);
		if (cached && cached.key === key) return cached;
		const entry: CachedInput = {
			key,
			detection: { kind: 'unknown', reason: 'not analyzed' },
			sha256: '',
			outcome: null,
			error: null,
		};
		let step = 'detecting the kind of file';
		try {
			entry.detection = cached?.detection ?? this.detect(file);
			step = 'computing the SHA-256';
			entry.sha256 = cached?.sha256 ?? (await sha256Hex(file.bytes));
			const detection = entry.detection;
			step = `loading the code that reads ${detection.kind} files`;
			const parser = await parserFor(detection.kind);
			step = `reading the ${detection.kind} file`;
			if (detection.kind === 'unknown') {
				const raw = rawKeysFromFile(file.bytes)[0];
				entry.error = {
					message: `Not a supported input: ${detection.reason}${raw ? `; tried as a raw HMAC/AES key (${raw.bytes.length} bytes${raw.encoding === 'binary' ? '' : ` written as ${raw.encoding}`}) wherever a secret key is wanted` : ''}`,
				};
			} else if (!parser) {
				entry.error = {
					message: `${detection.reason}: recognized, but this kind is not analyzed yet`,
				};
			} else {
				const text = this.takeText(file);
				entry.outcome = await withKdfBudget(new KdfBudget(), () =>
					parser({
						file,
						kind: detection.kind,
						text,
						password,
						entryPasswords: new Map(Object.entries(entryPasswords)),
						progress: (label, fraction) => progress(`${file.name}: ${label}`, fraction, file.id),
						signal,
					}),
				);
				// the document keeps the text: the bytes are rebuilt from it when asked (one copy)
				if (text !== null && entry.outcome.xml?.text === text) textBacked(file, text);
				// locked, with what reads without the password (a JKS's entries and certificates)
				const locked = entry.outcome.locked;
				if (locked)
					entry.error = {
						message: locked.message,
						locked: { wrongPassword: locked.wrongPassword },
					};
			}
		} catch (error) {
			if (signal.aborted) throw error;
			if (error instanceof LockedError) {
				entry.error = { message: error.message, locked: { wrongPassword: error.wrongPassword } };
			} else {
				// input errors keep their message; library failures get a specific one; bugs say so
				entry.error = { message: describeFailure(error, step).message };
			}
		}
		this.cache.set(file.id, entry);
		return entry;
	}

	private inputFacts(file: InputFile, entry: CachedInput): InputFacts {
		const base: InputFacts = {
			id: file.id,
			name: file.name,
			size: byteLength(file),
			sha256: entry.sha256,
			kind: entry.detection.kind,
			kindReason: entry.detection.reason,
			status: 'parsed',
		};
		if (entry.error?.locked) {
			return {
				...base,
				status: 'locked',
				lock: { message: entry.error.message, wrongPassword: entry.error.locked.wrongPassword },
				// what a locked store shows without its password (a JKS's entries and certificates)
				...(entry.outcome?.detail ? { detail: entry.outcome.detail } : {}),
			};
		}
		if (entry.error) return { ...base, status: 'error', error: entry.error.message };
		const outcome = entry.outcome;
		return {
			...base,
			...(outcome?.detail ? { detail: outcome.detail } : {}),
			...(outcome?.lockedEntries?.length ? { lockedEntries: outcome.lockedEntries } : {}),
			...(outcome?.notes?.length ? { notes: outcome.notes } : {}),
		};
	}

	private keyRing(parsed: readonly ParsedInput[], settings: AnalysisSettings): KeyRing {
		const ring = mergeKeyRings(parsed.map((p) => p.outcome.material));
		for (const raw of settings.rawKeys) {
			ring.secretKeys.push({
				id: raw.id,
				inputName: raw.name,
				name: raw.name,
				algorithm: raw.algorithm,
				bytes: raw.bytes,
			});
		}
		return ring;
	}
}

const ENCRYPTED = new TextEncoder().encode('ENCRYPTED');

/**
 * True when the bytes contain "ENCRYPTED" (a BEGIN ENCRYPTED PRIVATE KEY line or a legacy
 * Proc-Type: 4,ENCRYPTED header): one linear pass, no decoding.
 */
function hasEncryptedPem(bytes: Uint8Array): boolean {
	const first = ENCRYPTED[0];
	outer: for (let i = bytes.indexOf(first ?? 0); i !== -1; i = bytes.indexOf(first ?? 0, i + 1)) {
		for (let k = 1; k < ENCRYPTED.length; k++) if (bytes[i + k] !== ENCRYPTED[k]) continue outer;
		return true;
	}
	return false;
}

/** Certificates the user marked, plus every certificate of the inputs marked as truststores. */
function trustAnchors(
	ring: KeyRing,
	parsed: readonly ParsedInput[],
	settings: AnalysisSettings,
): string[] {
	const anchors = new Set(settings.trustAnchors);
	const ids = new Set(settings.truststoreInputs);
	const truststoreNames = new Set(parsed.filter((p) => ids.has(p.file.id)).map((p) => p.file.name));
	for (const cert of ring.certificates) {
		if (truststoreNames.has(cert.inputName)) anchors.add(cert.sha256);
	}
	return [...anchors];
}

/**
 * Gives the worker's event loop a turn now and then: awaiting promises alone never lets a new
 * message in, so a newer snapshot could not abort this run (its AbortSignal would stay unset)
 * until the whole analysis ended. `everyMs` 0 gives it a turn at every step (the rehearsal's:
 * a drop that arrives while it runs then waits for one step of it, not for up to 50 ms of it).
 */
export class Turn {
	private last = Date.now();
	constructor(private readonly everyMs = 50) {}
	async yield(): Promise<void> {
		if (this.everyMs > 0 && Date.now() - this.last < this.everyMs) return;
		await nextTask();
		this.last = Date.now();
	}
}

/**
 * Resolves in a task of its own, queued behind the messages already posted to this thread: a
 * message port's task, not a timer's, since timers nested this deep wait at least 4 ms each.
 */
function nextTask(): Promise<void> {
	if (typeof MessageChannel !== 'function') return new Promise((r) => setTimeout(r, 0));
	return new Promise((resolve) => {
		const { port1, port2 } = new MessageChannel();
		port1.onmessage = () => {
			port1.close();
			port2.close();
			resolve();
		};
		port2.postMessage(null);
	});
}

function cancelledFacts(file: InputFile): InputFacts {
	return {
		id: file.id,
		name: file.name,
		size: byteLength(file),
		sha256: '',
		kind: 'unknown',
		kindReason: 'not analyzed',
		status: 'error',
		error: CANCELLED_MESSAGE,
	};
}

/**
 * The stages refine the parsed facts in place (a certificate's role, a key's matches). Each run
 * gets its own copy of the cached ones, so a result never depends on the runs before it: the page
 * re-runs after every password and trust change, the command line runs once, and both must agree.
 */
function mergePartialFacts(facts: AnalysisFacts, outcome: ParseOutcome): void {
	const f = structuredClone(outcome.facts);
	if (f.certificates) facts.certificates.push(...f.certificates);
	if (f.keys) facts.keys.push(...f.keys);
	if (f.keystores) facts.keystores.push(...f.keystores);
	if (f.tls) facts.tls.push(...f.tls);
	if (f.wsdls) facts.wsdls.push(...f.wsdls);
	if (f.dhParameters) facts.dhParameters.push(...f.dhParameters);
}

/**
 * "What the runtime would change": each declared connector's hypothetical twins (one
 * per runtime that matters for its stack, made by the TLS stage) graded by the TLS and runtime
 * rules, beside the connector as graded now.
 */
function gradeRuntimeTables(facts: AnalysisFacts): void {
	// Only the TLS and runtime rules: the others do not read the connector and may be costly.
	const transport = RULES.filter((r) => /^(TLS|RUNTIME)-/.test(r.meta.id));
	const gradeOf = (c: AnalysisFacts['tls'][number]) =>
		grade(runRuleList(transport, { ...facts, tls: [c] }), c.scores ? [c.scores] : []).grade;
	for (const c of facts.tls) {
		const twins = c.whatIf;
		delete c.whatIf;
		if (!twins?.length) continue;
		c.runtimeTable = [
			{
				runtime: c.statedRuntime ?? 'not stated (configured set)',
				protocols: [...c.protocols],
				dropped: [],
				grade: gradeOf(c),
				current: true,
			},
			...twins
				.filter((t) => t.runtime !== c.statedRuntime)
				.map(({ runtime, connector }) => ({
					runtime,
					protocols: [...connector.protocols],
					dropped: c.cipherSuites.filter((s) => !connector.cipherSuites.includes(s)),
					grade: gradeOf(connector),
					current: false,
				})),
		];
	}
}

/** The catalog metadata of the rules behind these findings, by rule id. */
function catalogOf(findings: readonly EngineFinding[]): SarifRuleSource[] {
	const ids = new Set(findings.map((f) => f.ruleId));
	return RULES.filter((r) => ids.has(r.meta.id)).map((r) => ({
		id: r.meta.id,
		area: r.meta.area,
		title: r.meta.title,
		severities: [...r.meta.severities],
		remediation: r.meta.remediation,
		references: [...r.meta.references],
	}));
}

/** Runs every registered rule, each isolated (src/rules/run-rules.ts): a rule's bug is a finding. */
export function runRules(facts: AnalysisFacts): EngineFinding[] {
	return runRuleList(RULES, facts);
}
