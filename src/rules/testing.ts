// Test helpers for rules. RuleTester.run(rule, { valid, invalid }) is the one way to test a rule
// (like ESLint's RuleTester): valid rows must produce no finding, invalid rows pin every finding's
// ruleId, severity, effect, subject and evidence, in report order. facts()/runRule() serve tests
// beyond a rule's table (fixture walks, extra checks).
import { describe, expect, it } from 'vitest';
import { emptyFacts, type AnalysisFacts } from '../core/facts';
import type { EngineFinding } from '../core/report/build-report';
import type { GradeEffect } from '../core/report/grade';
import { SEVERITIES, type Severity } from '../core/report/report';
import { tlsConnector } from '../core/tls/testing';
import type { MailFacts } from '../core/tls/model';
import { origin } from '../core/tls/model';
import type { Rule, RuleHit } from './rule';
import { runRuleList } from './run-rules';

export const TEST_NOW = '2026-11-22T12:00:00Z';

export function facts(partial: Partial<AnalysisFacts> = {}): AnalysisFacts {
	return { ...emptyFacts(TEST_NOW), ...partial };
}

/** Runs one rule directly (no isolation, no ruleId); prefer RuleTester.run for new tests. */
export function runRule(rule: Rule, input: AnalysisFacts): RuleHit[] {
	const hits: RuleHit[] = [];
	mutated(rule).check(input, (hit) => hits.push(hit));
	return hits;
}

/**
 * How an expected subject or evidence is matched. Prefer the exact string. `{ includes }` and a
 * RegExp are for values with a volatile part (a date, a digest); either must reject every string
 * in CANARIES, so a matcher that any non-empty value satisfies (`/.+/`, `{ includes: '' }`) is
 * refused by the tester itself.
 */
export type TextMatcher = string | RegExp | { readonly includes: string };

/** Values a real matcher must reject: what a broken rule could report. */
export const CANARIES: readonly string[] = ['', ' ', 'x', '0', 'undefined', 'null', 'MUTATED'];

/** One finding an invalid row expects, in the order the rule reports them. */
export interface ExpectedFinding {
	ruleId: string;
	severity: Severity;
	effect: GradeEffect;
	subject: TextMatcher;
	evidence: TextMatcher;
	/** Pinned when given; `null` means the finding is about no input (connector form, settings). */
	inputName?: string | null;
	/** Pinned when given: a hit's sharper title or remediation (RuleHit.title/remediation). */
	title?: TextMatcher;
	remediation?: TextMatcher;
}

export interface ValidRow {
	/** A near miss: says why this must not be flagged. */
	name: string;
	facts: AnalysisFacts;
}

export interface InvalidRow {
	name: string;
	facts: AnalysisFacts;
	findings: readonly ExpectedFinding[];
}

export interface RuleTable {
	valid: readonly ValidRow[];
	invalid: readonly InvalidRow[];
}

function matches(matcher: TextMatcher, value: string): boolean {
	if (typeof matcher === 'string') return value === matcher;
	if (matcher instanceof RegExp) {
		matcher.lastIndex = 0;
		return matcher.test(value);
	}
	return value.includes(matcher.includes);
}

/** What is wrong with a matcher, or null: a loose matcher would let a broken rule pass. */
export function matcherProblem(matcher: TextMatcher): string | null {
	if (typeof matcher === 'string') return null;
	const loose = CANARIES.filter((c) => matches(matcher, c));
	return loose.length > 0
		? `matcher ${String(matcher instanceof RegExp ? matcher : JSON.stringify(matcher))} accepts ${loose.map((c) => JSON.stringify(c)).join(', ')}; pin the value`
		: null;
}

function asymmetric(matcher: TextMatcher): unknown {
	if (typeof matcher === 'string') return matcher;
	if (matcher instanceof RegExp) return expect.stringMatching(matcher);
	return expect.stringContaining(matcher.includes);
}

/**
 * A deep-frozen copy of a row's facts: a rule that writes to them throws (and fails its row),
 * while the row's own objects, which other test files may share (unit tests run with
 * isolate: false), stay as they were. Facts are structured-cloneable (they cross the worker
 * boundary), so the copy is exact.
 */
function frozenCopy(facts: AnalysisFacts): AnalysisFacts {
	return deepFreeze(structuredClone(facts));
}

/** Freezes `value` and everything reachable from it (byte arrays excepted). */
export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
	if (value === null || typeof value !== 'object' || seen.has(value)) return value;
	seen.add(value);
	// Typed arrays cannot be frozen while they have elements; their bytes are not facts rules read.
	if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
	for (const key of Reflect.ownKeys(value)) {
		deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
	}
	if (value instanceof Map) {
		for (const [k, v] of value as Map<unknown, unknown>) {
			deepFreeze(k, seen);
			deepFreeze(v, seen);
		}
	} else if (value instanceof Set) {
		for (const v of value as Set<unknown>) deepFreeze(v, seen);
	}
	return Object.freeze(value);
}

function project(finding: EngineFinding, expected: ExpectedFinding | undefined): unknown {
	const out: Record<string, unknown> = {
		ruleId: finding.ruleId,
		severity: finding.severity,
		effect: finding.effect,
		subject: finding.subject,
		evidence: finding.evidence,
	};
	if (expected && 'inputName' in expected) out.inputName = finding.inputName;
	if (expected?.title !== undefined) out.title = finding.title;
	if (expected?.remediation !== undefined) out.remediation = finding.remediation;
	// A failed rule's own finding always shows its reason, so the row's diff explains itself.
	if (finding.ruleId !== expected?.ruleId) out.why = finding.evidence;
	return out;
}

function expectation(expected: ExpectedFinding): unknown {
	const out: Record<string, unknown> = {
		ruleId: expected.ruleId,
		severity: expected.severity,
		effect: expected.effect,
		subject: asymmetric(expected.subject),
		evidence: asymmetric(expected.evidence),
	};
	if ('inputName' in expected) out.inputName = expected.inputName;
	if (expected.title !== undefined) out.title = asymmetric(expected.title);
	if (expected.remediation !== undefined) out.remediation = asymmetric(expected.remediation);
	return out;
}

/** Problems of the table itself; the tester fails on any, before running a row. */
export function tableProblems(rule: Rule, table: RuleTable): string[] {
	const problems: string[] = [];
	if (table.valid.length === 0)
		problems.push('no valid row (a near miss that must not be flagged)');
	if (table.invalid.length === 0) problems.push('no invalid row (an input that must be flagged)');
	const names = [...table.valid, ...table.invalid].map((r) => r.name);
	for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
		problems.push(`row name used twice: ${name}`);
	}
	const tiers = new Set<Severity>();
	for (const row of table.invalid) {
		if (row.findings.length === 0) problems.push(`invalid row "${row.name}" expects no finding`);
		for (const f of row.findings) {
			tiers.add(f.severity);
			if (f.ruleId !== rule.meta.id) {
				problems.push(`invalid row "${row.name}" expects ruleId ${f.ruleId}, not ${rule.meta.id}`);
			}
			if (!rule.meta.severities.includes(f.severity)) {
				problems.push(`invalid row "${row.name}" expects severity ${f.severity}, not in meta`);
			}
			for (const field of ['subject', 'evidence', 'title', 'remediation'] as const) {
				const m = f[field];
				const problem = m === undefined ? null : matcherProblem(m);
				if (problem) problems.push(`invalid row "${row.name}", ${field}: ${problem}`);
			}
		}
	}
	for (const s of rule.meta.severities) {
		if (!tiers.has(s)) problems.push(`no invalid row reports the declared severity "${s}"`);
	}
	return problems;
}

/** Registers the rule's tests with vitest; call once per rule test file. */
export const RuleTester = {
	run(rule: Rule, table: RuleTable): void {
		describe(rule.meta.id, () => {
			it('has a sound table: valid and invalid rows, every declared severity, pinned values', () => {
				expect(tableProblems(rule, table)).toEqual([]);
			});
			for (const row of table.valid) {
				it(`valid: ${row.name}`, () => {
					const findings = runRuleList([mutated(rule)], frozenCopy(row.facts));
					expect(findings.map((f) => project(f, undefined))).toEqual([]);
				});
			}
			for (const row of table.invalid) {
				it(`invalid: ${row.name}`, () => {
					const findings = runRuleList([mutated(rule)], frozenCopy(row.facts));
					expect(findings.map((f, i) => project(f, row.findings[i]))).toEqual(
						row.findings.map(expectation),
					);
				});
			}
		});
	},
} as const;

// ---- mutation testing (scripts/mutate-rules.mjs) ----

/** The mutations scripts/mutate-rules.mjs applies, one per run, to every rule's hits. */
export const MUTATIONS = [
	'evidence-x',
	'evidence-edit',
	'subject-x',
	'subject-edit',
	'severity',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

function edit(text: string): string {
	return text.length > 1 ? text.slice(0, -1) : `${text}?`;
}

/** Another severity: a different tier the rule declares if it has one, else the next level. */
function otherSeverity(rule: Rule, severity: Severity): Severity {
	const tier = rule.meta.severities.find((s) => s !== severity);
	if (tier) return tier;
	return SEVERITIES[(SEVERITIES.indexOf(severity) + 1) % SEVERITIES.length] ?? 'info';
}

export function mutateHit(rule: Rule, hit: RuleHit, mutation: Mutation): RuleHit {
	switch (mutation) {
		case 'evidence-x':
			return { ...hit, evidence: 'x' };
		case 'evidence-edit':
			return { ...hit, evidence: edit(hit.evidence) };
		case 'subject-x':
			return { ...hit, subject: 'x' };
		case 'subject-edit':
			return { ...hit, subject: edit(hit.subject) };
		case 'severity':
			return { ...hit, severity: otherSeverity(rule, hit.severity) };
	}
}

/** The rule, or under WSSEC_RULE_MUTATION the rule with every hit mutated; tests only. */
function mutated(rule: Rule): Rule {
	const mutation = (globalThis.process?.env.WSSEC_RULE_MUTATION ?? '') as Mutation | '';
	if (!mutation) return rule;
	if (!MUTATIONS.includes(mutation)) throw new Error(`unknown WSSEC_RULE_MUTATION ${mutation}`);
	return {
		meta: rule.meta,
		check: (input, report) => rule.check(input, (hit) => report(mutateHit(rule, hit, mutation))),
	};
}

/** The channel a mail connection has in each mode (RULES.md 4.12). */
const CHANNEL = {
	implicit: 'TLS',
	plain: 'PLAIN',
	'starttls-required': 'STARTTLS',
	'starttls-optional': 'STARTTLS',
} as const;

/** One client mail connector for the MAIL-* tables: SMTP submission with authentication unless a row says otherwise. */
export function mailFacts(mail: Partial<MailFacts> = {}): AnalysisFacts {
	const settings: MailFacts = {
		protocol: 'smtp',
		host: 'smtp.example.com',
		port: 587,
		mode: 'starttls-optional',
		auth: true,
		checkServerIdentity: null,
		trustAll: false,
		origin: origin('mail.properties', 'mail.smtp.starttls.enable', 5, 'x'),
		...mail,
	};
	return facts({
		tls: [tlsConnector({ role: 'client', channel: CHANNEL[settings.mode], mail: settings })],
	});
}
