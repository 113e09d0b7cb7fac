// The report's findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format),
// for code-scanning tools: one result per finding, the rules from the catalog, each result located
// in its input file. Built from the exported (redacted) report, so it carries nothing the JSON
// report does not; the page's "Export SARIF" and the command line call this same function.
import { version as packageVersion } from '../../../package.json';
import type { GradeArea, Finding, Report, ReportInput, Severity } from './report';

export const SARIF_VERSION = '2.1.0';
/** The address OASIS gives the 2.1.0 schema (errata 01), as the schema's own `id`. */
export const SARIF_SCHEMA_URI =
	'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const TOOL_NAME = 'wssec-analyzer';
/** The package's version: the page and the command line are built from the same package.json. */
export const TOOL_VERSION: string = packageVersion;

/** A rule as the catalog describes it (src/rules `RuleMeta` has this shape). */
export interface SarifRuleSource {
	id: string;
	area: string;
	title: string;
	severities: readonly Severity[];
	remediation: string;
	references: readonly string[];
}

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

interface SarifMessage {
	text: string;
}

interface SarifArtifactLocation {
	uri: string;
	index?: number;
}

export interface SarifReportingDescriptor {
	id: string;
	shortDescription: SarifMessage;
	fullDescription: SarifMessage;
	help: SarifMessage;
	helpUri?: string;
	defaultConfiguration: { level: SarifLevel };
	properties: {
		tags: string[];
		/** GitHub code scanning reads this (0.0–10.0) to rank security results. */
		'security-severity': string;
		severities: Severity[];
		references: string[];
	};
}

export interface SarifResult {
	ruleId: string;
	ruleIndex: number;
	level: SarifLevel;
	message: SarifMessage;
	locations: {
		physicalLocation?: {
			artifactLocation: SarifArtifactLocation;
			region?: { startLine: number };
		};
		logicalLocations?: { name: string }[];
	}[];
	partialFingerprints: Record<string, string>;
	properties: {
		severity: Severity;
		subject: string;
		evidence: string;
		remediation: string;
		references: string[];
	};
}

export interface SarifLog {
	$schema: string;
	version: typeof SARIF_VERSION;
	runs: [
		{
			tool: {
				driver: {
					name: string;
					version: string;
					semanticVersion: string;
					rules: SarifReportingDescriptor[];
				};
			};
			invocations: {
				executionSuccessful: boolean;
				endTimeUtc: string;
				toolExecutionNotifications: {
					level: SarifLevel;
					message: SarifMessage;
					locations: { physicalLocation: { artifactLocation: SarifArtifactLocation } }[];
				}[];
			}[];
			artifacts: {
				location: SarifArtifactLocation;
				length: number;
				roles: ['analysisTarget'];
				hashes?: { 'sha-256': string };
				properties: { kind: string; status: string };
			}[];
			results: SarifResult[];
			properties: {
				grade: {
					overall: string;
					byArea: Partial<Record<GradeArea, string>>;
					capReasons: string[];
					complete: boolean;
					notAnalyzed: string[];
				};
			};
		},
	];
}

/** SARIF has three result levels; critical and high are errors, info a note. */
export function sarifLevel(severity: Severity): SarifLevel {
	switch (severity) {
		case 'critical':
		case 'high':
			return 'error';
		case 'medium':
			return 'warning';
		case 'low':
		case 'info':
			return 'note';
	}
}

/** GitHub's bands: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
const SECURITY_SEVERITY: Record<Severity, string> = {
	critical: '9.5',
	high: '8.0',
	medium: '5.5',
	low: '3.0',
	info: '0.0',
};

const ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function highest(severities: readonly Severity[]): Severity {
	return ORDER.find((s) => severities.includes(s)) ?? 'info';
}

/**
 * An input name as a relative URI reference: every reserved character escaped, so a name such as
 * "C:x.pem" or "a b.xml" is a path segment, never a scheme or an invalid URI.
 */
export function artifactUri(inputName: string): string {
	return encodeURIComponent(inputName);
}

/**
 * The line of the input a finding points at, when its text states one: "(line 12)" in the
 * subject (a directive of a configuration file), or "<input> line 12" in the evidence. Null when
 * the finding does not know a line (a keystore entry, a certificate, an XML element).
 */
export function findingLine(finding: Finding): number | null {
	const inSubject = /\bline (\d+)\b/.exec(finding.subject);
	if (inSubject) return positive(inSubject[1]);
	if (finding.inputName) {
		const name = finding.inputName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const inEvidence = new RegExp(`(?:^|[\\s(])${name} line (\\d+)\\b`).exec(finding.evidence);
		if (inEvidence) return positive(inEvidence[1]);
	}
	return null;
}

function positive(digits: string | undefined): number | null {
	const n = Number(digits);
	return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function firstHttpUri(references: readonly string[]): string | undefined {
	return references.find((r) => /^https?:\/\/[^\s]+$/.test(r));
}

function descriptor(
	id: string,
	source: SarifRuleSource | undefined,
	first: Finding,
): SarifReportingDescriptor {
	// A rule missing from the catalog (a report from another version) is described by its finding.
	const title = source?.title ?? first.title;
	const remediation = source?.remediation ?? first.remediation;
	const references = [...(source?.references ?? first.references)];
	const severities = source ? [...source.severities] : [first.severity];
	const area = source?.area ?? (typeof first.area === 'string' ? first.area : null);
	const helpUri = firstHttpUri(references);
	const help = references.length
		? `${remediation}\n\nReferences:\n${references.map((r) => `- ${r}`).join('\n')}`
		: remediation;
	return {
		id,
		shortDescription: { text: title },
		fullDescription: { text: `${title} (${id})` },
		help: { text: help },
		...(helpUri ? { helpUri } : {}),
		defaultConfiguration: { level: sarifLevel(highest(severities)) },
		properties: {
			tags: ['security', ...(area ? [area] : [])],
			'security-severity': SECURITY_SEVERITY[highest(severities)],
			severities,
			references,
		},
	};
}

/** Stable across runs: the report has one finding per rule, input and subject. */
function fingerprint(finding: Finding): string {
	return [finding.ruleId, finding.inputName ?? '', finding.subject].join('|');
}

function resultMessage(finding: Finding): string {
	const what = finding.subject ? `${finding.title}: ${finding.subject}` : finding.title;
	return finding.evidence ? `${what} (${finding.evidence})` : what;
}

function notification(input: ReportInput, index: number) {
	const text =
		input.status === 'locked'
			? `${input.name} is locked (no password opened it) and was not analyzed`
			: `${input.name} was not analyzed: ${input.error ?? 'it could not be read'}`;
	return {
		level: (input.status === 'locked' ? 'warning' : 'error') as SarifLevel,
		message: { text },
		locations: [
			{ physicalLocation: { artifactLocation: { uri: artifactUri(input.name), index } } },
		],
	};
}

/**
 * The SARIF log of one report. `catalog` gives the rules' catalog metadata (title, remediation,
 * references, severities); rules missing from it are described by their first finding.
 */
export function toSarif(report: Report, catalog: readonly SarifRuleSource[]): SarifLog {
	const byId = new Map(catalog.map((r) => [r.id, r]));
	const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
	const rules = ruleIds.map((id) =>
		descriptor(
			id,
			byId.get(id),
			report.findings.find((f) => f.ruleId === id)!,
		),
	);
	const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
	const artifactIndex = new Map<string, number>();
	report.inputs.forEach((input, i) => {
		if (!artifactIndex.has(input.name)) artifactIndex.set(input.name, i);
	});
	const results = report.findings.map((f): SarifResult => {
		const index = f.inputName === null ? undefined : artifactIndex.get(f.inputName);
		const line = findingLine(f);
		const physical = f.inputName
			? {
					physicalLocation: {
						artifactLocation: {
							uri: artifactUri(f.inputName),
							...(index === undefined ? {} : { index }),
						},
						...(line === null ? {} : { region: { startLine: line } }),
					},
				}
			: {};
		return {
			ruleId: f.ruleId,
			ruleIndex: ruleIndex.get(f.ruleId)!,
			level: sarifLevel(f.severity),
			message: { text: resultMessage(f) },
			locations: [
				{ ...physical, ...(f.subject ? { logicalLocations: [{ name: f.subject }] } : {}) },
			],
			partialFingerprints: { 'wssecFinding/v1': fingerprint(f) },
			properties: {
				severity: f.severity,
				subject: f.subject,
				evidence: f.evidence,
				remediation: f.remediation,
				references: [...f.references],
			},
		};
	});
	return {
		$schema: SARIF_SCHEMA_URI,
		version: SARIF_VERSION,
		runs: [
			{
				tool: {
					driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, rules },
				},
				invocations: [
					{
						// The analysis ran to its end; inputs it could not read are notifications.
						executionSuccessful: true,
						endTimeUtc: report.generatedAt,
						toolExecutionNotifications: report.inputs.flatMap((input, i) =>
							input.status === 'parsed' ? [] : [notification(input, i)],
						),
					},
				],
				artifacts: report.inputs.map((input) => ({
					location: { uri: artifactUri(input.name) },
					length: input.size,
					roles: ['analysisTarget'],
					...(input.sha256 ? { hashes: { 'sha-256': input.sha256 } } : {}),
					properties: { kind: input.kind, status: input.status },
				})),
				results,
				properties: {
					grade: {
						overall: report.grade.overall,
						byArea: { ...report.grade.byArea },
						capReasons: [...report.grade.capReasons],
						complete: report.grade.complete,
						notAnalyzed: [...report.grade.notAnalyzed],
					},
				},
			},
		],
	};
}

/** The SARIF log as the file the page downloads and the command line prints. */
export function sarifJson(log: SarifLog): string {
	return JSON.stringify(log, null, 2);
}
