// Builds the contract's JSON report from the facts, the findings and the grade. This is the
// redaction boundary: only the fields named here leave the engine.
import type { AnalysisFacts } from '../facts';
import { HSTS_MIN_AGE } from '../tls/scanner-evidence';
import {
	gradeAreaOf,
	grade,
	type ChannelScores,
	type GradedFinding,
	type GradeEffect,
} from './grade';
import type { Area } from '../area';
import { taggedCertificate } from './certificate-tag';
import { scrubConfigLine } from './config-secrets';
import {
	REPORT_FORMAT,
	REPORT_VERSION,
	SEVERITIES,
	type Finding,
	type FindingLocation,
	type GradeArea,
	type InputGrade,
	type Report,
	type ReportCertificate,
	type ReportGrade,
	type ReportInputNote,
	type ReportKeystore,
} from './report';

/** A finding as the engine keeps it: the contract's fields plus what grading needs. */
export interface EngineFinding extends Finding {
	area: Area;
	effect: GradeEffect;
}

function areaHasFacts(area: GradeArea, facts: AnalysisFacts): boolean {
	switch (area) {
		case 'tls':
			return facts.tls.length > 0 || facts.connector !== null;
		case 'certificates':
			return facts.certificates.length > 0;
		case 'keystores':
			// a private key file is key material of the keystore area (its rules are keystore rules)
			return (
				facts.keystores.some(keystoreIsEvidence) || facts.keys.some((k) => k.status !== 'locked')
			);
		case 'messages':
			return (
				facts.envelopes.length > 0 || facts.signatures.length > 0 || facts.decryptions.length > 0
			);
		case 'wsdl':
			return facts.wsdls.length > 0;
	}
}

/**
 * A keystore is evidence once something in it was read: a certificate, an opened key, or nothing
 * to open (an empty store). One whose every entry stayed shut (a two-password PKCS#12 given only
 * its MAC password) shows no more than its protection: grading it would claim its keys and
 * certificates sound when nobody saw them.
 */
function keystoreIsEvidence(k: AnalysisFacts['keystores'][number]): boolean {
	return k.entries.length === 0 || k.entries.some((e) => e.certSha256.length > 0 || !e.keyLocked);
}

const AREAS: readonly GradeArea[] = ['tls', 'certificates', 'keystores', 'messages', 'wsdl'];

/**
 * Inputs that were meant to be analyzed and were not: locked, failed (a recognized kind whose
 * parser gave up, including a cancelled read) or still pending. A file of kind `unknown` was
 * read and found to be no security artifact; it is not missing evidence.
 */
export function notAnalyzedInputs(facts: AnalysisFacts): string[] {
	return facts.inputs.filter(isNotAnalyzed).map((i) => i.name);
}

/**
 * A cancelled input was never detected (kind `unknown`), but it was meant to be analyzed. A
 * parsed input with keys or parts still locked (an entry's own key password, the encryption
 * password of a two-password PKCS#12) was not analyzed either: what stayed shut may hold what
 * would lower the grade.
 */
function isNotAnalyzed(i: AnalysisFacts['inputs'][number]): boolean {
	if (i.status === 'parsed')
		return (i.lockedEntries?.length ?? 0) > 0 || (i.notes ?? []).some((n) => n.level === 'error');
	if (i.status === 'error' && i.kind === 'unknown') return /cancel/i.test(i.error ?? '');
	return true;
}

/**
 * The report with every input of the facts in it. The engine adds cancelled inputs to the facts
 * after the report was built; they must still appear, and make the grade incomplete.
 */
export function reconcileReport(report: Report, facts: AnalysisFacts): Report {
	const listed = new Map<string, number>();
	for (const i of report.inputs) listed.set(i.name, (listed.get(i.name) ?? 0) + 1);
	const missing = facts.inputs.filter((i) => {
		const n = listed.get(i.name) ?? 0;
		if (n > 0) listed.set(i.name, n - 1);
		return n === 0 && i.status !== 'pending';
	});
	if (missing.length === 0) return report;
	const notAnalyzed = [
		...report.grade.notAnalyzed,
		...missing.filter(isNotAnalyzed).map((i) => i.name),
	];
	return {
		...report,
		inputs: [
			...report.inputs,
			...missing.map((i) => ({
				name: i.name,
				size: i.size,
				sha256: i.sha256,
				kind: i.kind,
				status: i.status === 'pending' ? ('error' as const) : i.status,
				...(i.error ? { error: i.error } : {}),
			})),
		],
		grade: {
			...report.grade,
			complete: notAnalyzed.length === 0,
			notAnalyzed,
			...(report.grade.byInput
				? {
						byInput: [
							...report.grade.byInput,
							...missing.map((i) => ({ name: i.name, grade: 'N/A' as const })),
						],
					}
				: {}),
		},
	};
}

/**
 * Evidence for a grade: the connector form, or facts or findings in one of the graded areas. An
 * input that was parsed but gave neither (an nginx file whose servers only listen on port 80, an
 * unsigned XML document that is no SOAP message) is no evidence: grading it A+ would claim that
 * something was examined and found sound when nothing was.
 */
function hasEvidence(facts: AnalysisFacts, findings: readonly EngineFinding[]): boolean {
	return (
		facts.connector !== null ||
		findings.length > 0 ||
		AREAS.some((area) => areaHasFacts(area, facts))
	);
}

/** Names of the inputs that gave a fact of some kind (the rest gave no evidence of their own). */
function inputsWithFacts(facts: AnalysisFacts): Set<string> {
	const names = new Set<string>();
	const lists: readonly (readonly { inputName: string }[])[] = [
		facts.certificates,
		facts.keys.filter((k) => k.status !== 'locked'),
		facts.keystores.filter(keystoreIsEvidence),
		facts.envelopes,
		facts.signatures,
		facts.decryptions,
		facts.wsdls,
		facts.encryptedKeys,
		facts.dhParameters,
		facts.declaredPasswords,
	];
	for (const list of lists) for (const f of list) names.add(f.inputName);
	for (const t of facts.tls) {
		// (a connector from the page's form has no input name)
		if (t.inputName !== null) names.add(t.inputName);
		for (const n of t.inputs) names.add(n);
	}
	return names;
}

export function gradeReport(facts: AnalysisFacts, findings: readonly EngineFinding[]): ReportGrade {
	const notAnalyzed = notAnalyzedInputs(facts);
	const complete = notAnalyzed.length === 0;
	const byArea: ReportGrade['byArea'] = {};
	if (!hasEvidence(facts, findings)) {
		// A grade is a claim: with nothing read there is nothing to claim, not an A+.
		for (const area of AREAS) byArea[area] = 'N/A';
		return {
			overall: 'N/A',
			byArea,
			capReasons: [],
			warnings: [],
			complete,
			notAnalyzed,
			byInput: facts.inputs.map((i) => ({ name: i.name, grade: 'N/A' })),
		};
	}
	const scores: ChannelScores[] = facts.tls.flatMap((t) => (t.scores ? [t.scores] : []));
	// CGS-1 3.6: a scan that read the HTTP headers and saw no HSTS of 180 days caps at A (no A+)
	const hstsCaps: GradedFinding[] = facts.tls
		.filter((t) => t.hsts && (t.hsts.maxAge === null || t.hsts.maxAge < HSTS_MIN_AGE))
		.slice(0, 1)
		.map(() => ({ ruleId: 'HSTS (CGS-1 3.6)', area: 'tls', effect: 'cap A' }));
	// A graded scan that did not test the protocols below TLS 1.2 cannot show they are off: the
	// set is unknown there, and an unknown never earns A+ (the connector's note says what to re-scan).
	const unscannedCaps: GradedFinding[] = facts.tls
		.filter((t) => t.unscanned?.length)
		.slice(0, 1)
		.map(() => ({ ruleId: 'protocols not scanned', area: 'tls', effect: 'cap A' }));
	const notes = [...hstsCaps, ...unscannedCaps, ...unverifiedTrust(facts)];
	const overall = grade([...findings, ...notes], scores);
	for (const area of AREAS) {
		const inArea = findings.filter((f) => gradeAreaOf(f) === area);
		if (!areaHasFacts(area, facts) && inArea.length === 0) {
			byArea[area] = 'N/A';
			continue;
		}
		const areaNotes = notes.filter((n) => gradeAreaOf(n) === area);
		byArea[area] = grade([...inArea, ...areaNotes], area === 'tls' ? scores : []).grade;
	}
	const result: ReportGrade = {
		overall: overall.grade,
		byArea,
		capReasons: overall.capReasons,
		warnings: overall.warnings,
		complete,
		notAnalyzed,
		byInput: gradeInputs(facts, findings),
	};
	if (overall.grade !== overall.letter) result.ignoringTrust = overall.letter;
	return result;
}

/**
 * A grade is never better than its evidence: a deployed certificate whose chain passes every check
 * that needs no anchor, with no anchor supplied, was never shown to be trusted. That is no trust
 * failure (T), but it blocks A+, as an unchecked HSTS header does (CGS-1 3.6), and the reason says
 * what would lift it. Self-issued certificates are left to CERT-SELF-SIGNED. With `inputName`,
 * only that input's certificates count (its own grade in `byInput`).
 */
function unverifiedTrust(facts: AnalysisFacts, inputName?: string): GradedFinding[] {
	if (facts.trustAnchors.length > 0) return [];
	const open = facts.certificates.some(
		(c) =>
			(inputName === undefined || c.inputName === inputName) &&
			c.role !== 'root' &&
			!c.extraCertificate &&
			!c.selfIssued &&
			!c.pinned &&
			c.chainValid === null &&
			c.chainNote !== undefined,
	);
	if (!open) return [];
	return [
		{
			ruleId:
				'Chain trust not verified (no trust anchor supplied: supply the truststore or CA certificate to lift this)',
			area: 'cert',
			effect: 'cap A',
		},
	];
}

/** The chain verdict of a certificate as the report states it (ReportCertificate). */
function chainFields(c: AnalysisFacts['certificates'][number]): Partial<ReportCertificate> {
	const out: Partial<ReportCertificate> = {
		chainVerdict:
			c.chainValid === true ? 'valid' : c.chainValid === false ? 'invalid' : 'cannot-verify',
	};
	const why = c.chainValid === null ? c.chainNote : c.chainError;
	if (why) out.chainError = why;
	if (c.chainDeviations?.length) out.chainDeviations = [...c.chainDeviations];
	if (c.purposeError) out.purposeError = c.purposeError;
	if (c.extraCertificate) out.extraCertificate = c.extraCertificate;
	return out;
}

/**
 * Each input's grade from the findings about it (and, for TLS inputs, the scores of the
 * connectors it contributes to). Inputs that were not parsed get `N/A`: they gave no evidence;
 * so does a parsed one that gave no fact and no finding.
 */
function gradeInputs(facts: AnalysisFacts, findings: readonly EngineFinding[]): InputGrade[] {
	const gaveFacts = inputsWithFacts(facts);
	return facts.inputs.map((i) => {
		if (i.status !== 'parsed') return { name: i.name, grade: 'N/A' };
		const own = findings.filter((f) => f.inputName === i.name);
		if (own.length === 0 && !gaveFacts.has(i.name)) return { name: i.name, grade: 'N/A' };
		const scores = facts.tls.flatMap((t) =>
			t.scores && (t.inputName === i.name || t.inputs.includes(i.name)) ? [t.scores] : [],
		);
		// the trust nobody checked caps the input that holds the certificate, as it caps the report
		return {
			name: i.name,
			grade: grade([...own, ...unverifiedTrust(facts, i.name)], scores).grade,
		};
	});
}

/**
 * One finding per rule, input and subject (CONTRACT.md): repeats of the same verdict become
 * `locations` of the first one. Three merges, all keeping the most severe hit in front:
 * the same certificate (by fingerprint) anywhere, the same input and subject, and the same
 * input with the same title and evidence on several subjects (six identical BSI notes).
 * Grading uses the findings before grouping, so a merge never changes the grade.
 */
export function groupFindings<T extends Finding>(sorted: readonly T[]): T[] {
	const out: T[] = [];
	const byKey = new Map<string, T>();
	for (const f of sorted) {
		const cert = taggedCertificate(f.subject);
		const keys = [
			cert ? `c\0${f.ruleId}\0${f.title}\0${cert}` : null,
			`s\0${f.ruleId}\0${f.inputName ?? ''}\0${f.subject}`,
			`e\0${f.ruleId}\0${f.severity}\0${f.inputName ?? ''}\0${f.title}\0${f.evidence}`,
		].filter((k): k is string => k !== null);
		const into = keys.map((k) => byKey.get(k)).find((g) => g !== undefined);
		if (into) {
			const place = { inputName: f.inputName, subject: f.subject, evidence: f.evidence };
			const same = (l: FindingLocation) =>
				l.inputName === place.inputName && l.subject === place.subject;
			const list = into.locations ?? [];
			const isHead = into.inputName === place.inputName && into.subject === place.subject;
			const repeat = list.some(same) || (isHead && place.evidence === into.evidence);
			if (!repeat) into.locations = [...list, place];
			for (const k of keys) if (!byKey.has(k)) byKey.set(k, into);
			continue;
		}
		const copy = { ...f };
		out.push(copy);
		for (const k of keys) byKey.set(k, copy);
	}
	return out;
}

export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
	return [...findings].sort(
		(a, b) =>
			SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
			a.ruleId.localeCompare(b.ruleId) ||
			(a.inputName ?? '').localeCompare(b.inputName ?? '') ||
			a.subject.localeCompare(b.subject),
	);
}

const KEYSTORE_TYPES: Partial<Record<string, ReportKeystore['type']>> = {
	pkcs12: 'PKCS12',
	jks: 'JKS',
	jceks: 'JCEKS',
	bks: 'BKS',
};

/**
 * Keystores no password opened or that failed to read: listed with their type and status and no
 * entries (CONTRACT.md), so a script sees every store, not only those that opened.
 */
function unopenedKeystores(facts: AnalysisFacts): ReportKeystore[] {
	const listed = new Set(facts.keystores.map((k) => k.inputName));
	return facts.inputs.flatMap((i) => {
		const type = KEYSTORE_TYPES[i.kind];
		if (!type || listed.has(i.name) || (i.status !== 'locked' && i.status !== 'error')) return [];
		return [{ inputName: i.name, type, status: i.status, entries: [] }];
	});
}

/**
 * The errors and warnings a reader left on the input's card, for the JSON and the command line
 * too: why a locked input stayed shut (a wrong password and a missing one need different
 * answers), what a keystore reader could not open or check, and a TLS settings file's notes (a
 * file its server would refuse to load must say so wherever it is graded). A TLS note may quote
 * the directive it is about, so secret-looking assignments lose their value. The engine's
 * messages never quote a password; the export scrubs the typed ones from every note anyway.
 */
function inputNotes(i: AnalysisFacts['inputs'][number]): { notes?: ReportInputNote[] } {
	const notes: ReportInputNote[] = [];
	if (i.status === 'locked' && i.lock)
		notes.push({ level: 'error', line: null, message: i.lock.message });
	for (const n of i.notes ?? []) notes.push({ level: n.level, line: null, message: n.message });
	if (i.detail?.area === 'tls')
		for (const n of i.detail.data.parse.notes)
			if (n.level !== 'info')
				notes.push({ level: n.level, line: n.line, message: scrubConfigLine(n.message) });
	return notes.length > 0 ? { notes } : {};
}

export function buildReport(
	facts: AnalysisFacts,
	findings: readonly EngineFinding[],
	generatedAt: string,
): Report {
	return {
		format: REPORT_FORMAT,
		version: REPORT_VERSION,
		generatedAt,
		grade: gradeReport(facts, findings),
		inputs: facts.inputs
			.filter((i) => i.status !== 'pending')
			.map((i) => ({
				name: i.name,
				size: i.size,
				sha256: i.sha256,
				kind: i.kind,
				status: i.status === 'pending' ? 'error' : i.status,
				...(i.status === 'error' && i.error ? { error: i.error } : {}),
				...inputNotes(i),
			})),
		certificates: facts.certificates.map((c) => ({
			inputName: c.inputName,
			sha256: c.sha256,
			subject: c.subject,
			issuer: c.issuer,
			serialNumber: c.serialNumber,
			notBefore: c.notBefore,
			notAfter: c.notAfter,
			keyAlgorithm: c.keyAlgorithm,
			keySize: c.keySize,
			curve: c.curve,
			signatureAlgorithm: c.signatureAlgorithm,
			selfSigned: c.selfSigned,
			isCA: c.isCA,
			subjectAltNames: [...c.subjectAltNames],
			...chainFields(c),
		})),
		keystores: [
			...facts.keystores.map((k) => ({
				inputName: k.inputName,
				type: k.type,
				status: k.status,
				entries: k.entries.map((e) => ({
					alias: e.alias,
					type: e.type,
					created: e.created,
					certSha256: [...e.certSha256],
					keyAlgorithm: e.keyAlgorithm,
					keySize: e.keySize,
					keyLocked: e.keyLocked,
				})),
			})),
			...unopenedKeystores(facts),
		],
		keys: facts.keys.map((k) => ({
			inputName: k.inputName,
			format: k.format,
			encrypted: k.encrypted,
			status: k.status,
			keyAlgorithm: k.keyAlgorithm,
			keySize: k.keySize,
			curve: k.curve,
			matchesCertSha256: [...k.matchesCertSha256],
		})),
		signatures: facts.signatures.map((s) => ({
			inputName: s.inputName,
			signatureId: s.signatureId,
			valid: s.valid,
			verdict:
				s.valid === true ? 'valid' : s.valid === false ? 'invalid' : ('cannot-verify' as const),
			signatureAlgorithm: s.signatureAlgorithm,
			references: s.references.map((r) => ({
				uri: r.uri,
				target: r.target,
				digestAlgorithm: r.digestAlgorithm,
				digestValid: r.digestValid,
				coversWholeTarget: !r.narrowedBy?.length,
			})),
			signerCertSha256: s.signerCertSha256,
			keySource: s.keySource,
			...(s.error ? { error: s.error } : {}),
			chainTrusted: s.chainTrusted ?? null,
			...(s.chainTrusted === false && s.chainError ? { chainError: s.chainError } : {}),
		})),
		decryptions: facts.decryptions.map((d) => ({
			inputName: d.inputName,
			encryptedDataId: d.encryptedDataId,
			dataAlgorithm: d.dataAlgorithm,
			keyTransport: d.keyTransport,
			status: d.status,
			...(d.plaintextSha256 ? { plaintextSha256: d.plaintextSha256 } : {}),
			...(d.error ? { error: d.error } : {}),
		})),
		endpoints: facts.wsdls.flatMap((w) => w.endpoints.map((e) => ({ ...e }))),
		policies: facts.wsdls.flatMap((w) =>
			w.policies.map((p) => ({
				...p,
				signedParts: [...p.signedParts],
				encryptedParts: [...p.encryptedParts],
				tokens: [...p.tokens],
			})),
		),
		tlsSettings: facts.tls.map((t) => ({
			inputName: t.inputName,
			source: t.source,
			minVersion: t.minVersion,
			protocols: [...t.protocols],
			cipherSuites: [...t.cipherSuites],
			runtime: t.statedRuntime ?? null,
			notes: [...t.notes],
		})),
		findings: groupFindings(sortFindings(findings)).map((f) => ({
			ruleId: f.ruleId,
			severity: f.severity,
			title: f.title,
			inputName: f.inputName,
			subject: f.subject,
			evidence: f.evidence,
			remediation: f.remediation,
			references: [...f.references],
			area: f.area,
			effect: f.effect,
			...(f.locations?.length ? { locations: f.locations.map((l) => ({ ...l })) } : {}),
		})),
	};
}
