// Composition root: every input is detected and parsed (the one place where a parse error becomes
// that input's error), then the cross-file stages run, then the rules, the grade and the report.
// Runs inside the engine worker; parse outcomes are cached so adding a file does not redo the
// expensive work (key derivation) for the others.
import { detectKind, type Detection } from './core/detect';
import { InputError, LockedError } from './core/errors';
import {
	emptyFacts,
	type AnalysisFacts,
	type AnalysisSettings,
	type InputFacts,
} from './core/facts';
import { mergeKeyRings, type KeyRing } from './core/keys/keyring';
import { parsers as keystoreParsers } from './core/keystore/input';
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
import { utf8OrNull } from './core/bytes/encoding';
import { parsers as soapParsers, stage as signatureStage } from './core/soap/input';
import { parsers as tlsParsers, stage as tlsStage } from './core/tls/input';
import { parsers as wsdlParsers, stage as wsdlStage } from './core/wsdl/input';
import { parsers as x509Parsers, stage as certificateStage } from './core/x509/input';
import { stage as decryptionStage } from './core/xmlenc/input';
import { RULES } from './rules';
import { runRuleList } from './rules/run-rules';

const PARSERS: Partial<Record<InputKind, Parser>> = {
	...x509Parsers,
	...keystoreParsers,
	...soapParsers,
	...wsdlParsers,
	...tlsParsers,
};

/** Fixed order: keys and certificates first, decryption before signatures (sign-then-encrypt). */
const STAGES: readonly { name: string; run: Stage }[] = [
	{ name: 'certificates', run: certificateStage },
	{ name: 'decryption', run: decryptionStage },
	{ name: 'signatures', run: signatureStage },
	{ name: 'WSDL and policy', run: wsdlStage },
	{ name: 'TLS settings', run: tlsStage },
];

export interface AnalysisRequest {
	files: readonly InputFile[];
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

interface CachedInput {
	key: string;
	detection: Detection;
	sha256: string;
	outcome: ParseOutcome | null;
	error: { message: string; locked?: { wrongPassword: boolean } } | null;
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Keeps parse results between runs; one instance lives as long as the worker. */
export class Analyzer {
	private readonly cache = new Map<string, CachedInput>();

	/** Drops cached results of inputs that are gone. */
	forget(keepIds: ReadonlySet<string>): void {
		for (const id of this.cache.keys()) if (!keepIds.has(id)) this.cache.delete(id);
	}

	async run(
		request: AnalysisRequest,
		progress: ProgressFn,
		signal: AbortSignal,
	): Promise<AnalysisResult> {
		const now = request.settings.now ?? new Date().toISOString();
		const facts = emptyFacts(now);
		facts.captureTime = request.settings.captureTime ?? null;
		facts.connector = request.settings.connector ?? null;
		const parsed: ParsedInput[] = [];
		for (const [index, file] of request.files.entries()) {
			signal.throwIfAborted();
			progress(`Reading ${file.name}`, index / Math.max(1, request.files.length));
			const entry = await this.parseOne(file, request, progress, signal);
			facts.inputs.push(this.inputFacts(file, entry));
			if (entry.outcome) {
				parsed.push({ file, kind: entry.detection.kind, outcome: entry.outcome });
				mergePartialFacts(facts, entry.outcome);
			}
		}
		const keyring = this.keyRing(parsed, request.settings);
		facts.trustAnchors = trustAnchors(keyring, parsed, request.settings);
		const documents: XmlDocumentRef[] = parsed.flatMap((p) =>
			p.outcome.xml
				? [{ inputName: p.file.name, xml: p.outcome.xml, origin: 'input' as const }]
				: [],
		);
		const ctx: StageContext = {
			inputs: parsed,
			files: request.files,
			documents,
			keyring,
			settings: request.settings,
			progress,
			signal,
		};
		for (const stage of STAGES) {
			signal.throwIfAborted();
			progress(`Analyzing ${stage.name}`);
			await stage.run(facts, ctx);
		}
		const findings = runRules(facts);
		gradeRuntimeTables(facts);
		return { facts, report: buildReport(facts, findings, now), rules: catalogOf(findings) };
	}

	private async parseOne(
		file: InputFile,
		request: AnalysisRequest,
		progress: ProgressFn,
		signal: AbortSignal,
	): Promise<CachedInput> {
		const password = request.passwords[file.id] ?? null;
		const entryPasswords = request.entryPasswords[file.id] ?? {};
		const key = JSON.stringify([password, entryPasswords, file.bytes.length]);
		const cached = this.cache.get(file.id);
		if (cached && cached.key === key) return cached;
		const detection = cached?.detection ?? detectKind(file.name, file.bytes);
		const sha256 = cached?.sha256 ?? (await sha256Hex(file.bytes));
		const entry: CachedInput = { key, detection, sha256, outcome: null, error: null };
		const parser = PARSERS[detection.kind];
		if (detection.kind === 'unknown') {
			entry.error = { message: `Not a supported input: ${detection.reason}` };
		} else if (!parser) {
			entry.error = {
				message: `${detection.reason}: recognized, but this kind is not analyzed yet`,
			};
		} else {
			try {
				entry.outcome = await parser({
					file,
					kind: detection.kind,
					text: utf8OrNull(file.bytes),
					password,
					entryPasswords: new Map(Object.entries(entryPasswords)),
					progress: (label, fraction) => progress(`${file.name}: ${label}`, fraction),
					signal,
				});
			} catch (error) {
				if (signal.aborted) throw error;
				if (error instanceof LockedError) {
					entry.error = { message: error.message, locked: { wrongPassword: error.wrongPassword } };
				} else if (error instanceof InputError) {
					entry.error = { message: error.message };
				} else {
					// A bug, not bad input: say so plainly on the card instead of hiding it.
					entry.error = {
						message: `Internal error while reading this file (please report it): ${errorMessage(error)}`,
					};
				}
			}
		}
		this.cache.set(file.id, entry);
		return entry;
	}

	private inputFacts(file: InputFile, entry: CachedInput): InputFacts {
		const base: InputFacts = {
			id: file.id,
			name: file.name,
			size: file.bytes.length,
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
			};
		}
		if (entry.error) return { ...base, status: 'error', error: entry.error.message };
		const outcome = entry.outcome;
		return {
			...base,
			...(outcome?.detail ? { detail: outcome.detail } : {}),
			...(outcome?.lockedEntries?.length ? { lockedEntries: outcome.lockedEntries } : {}),
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
 * Issue #11, "what the runtime would change": each declared connector's hypothetical twins (one
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
