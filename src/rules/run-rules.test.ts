import { describe, expect, it } from 'vitest';
import { buildReport } from '../core/report/build-report';
import { tlsConnector } from '../core/tls/testing';
import type { Rule } from './rule';
import { RULE_FAILED_ID, runRuleList } from './run-rules';
import { facts } from './testing';

const meta = (id: string): Rule['meta'] => ({
	id,
	area: 'tls',
	title: `${id} title`,
	severities: ['high', 'medium'],
	remediation: 'fix it',
	references: ['RFC 8996'],
});

const reporting = (id: string, severity: 'high' | 'low' = 'high'): Rule => ({
	meta: meta(id),
	check(_facts, report) {
		report({ severity, effect: 'cap B', inputName: 'a.conf', subject: 's', evidence: 'e' });
	},
});

const throwing: Rule = {
	meta: meta('TEST-THROWS'),
	check(_facts, report) {
		report({
			severity: 'medium',
			effect: 'warn',
			inputName: null,
			subject: 'before',
			evidence: 'e',
		});
		throw new TypeError("Cannot read properties of undefined (reading 'ports')");
	},
};

describe('runRuleList', () => {
	it('turns a throwing rule into a visible finding and runs the rules after it', () => {
		const findings = runRuleList([reporting('TEST-A'), throwing, reporting('TEST-B')], facts());
		expect(findings.map((f) => [f.ruleId, f.subject])).toEqual([
			['TEST-A', 's'],
			['TEST-THROWS', 'before'],
			[RULE_FAILED_ID, 'TEST-THROWS'],
			['TEST-B', 's'],
		]);
		const failed = findings[2]!;
		expect(failed.evidence).toBe(
			"threw TypeError: Cannot read properties of undefined (reading 'ports')",
		);
		expect(failed.title).toContain('TEST-THROWS');
		expect([failed.severity, failed.effect, failed.area]).toEqual(['info', 'warn', 'tls']);
	});

	it('keeps a thrown non-Error as its text', () => {
		const rule: Rule = {
			meta: meta('TEST-STRING'),
			check() {
				throw 'plain text'; // eslint-disable-line @typescript-eslint/only-throw-error
			},
		};
		expect(runRuleList([rule], facts()).map((f) => f.evidence)).toEqual(['threw plain text']);
	});

	it('flags a hit whose severity the rule does not declare, and keeps the hit', () => {
		const findings = runRuleList([reporting('TEST-LOW', 'low')], facts());
		expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
			['TEST-LOW', 'low'],
			[RULE_FAILED_ID, 'info'],
		]);
		expect(findings[1]!.evidence).toBe(
			'reported severity "low" for s, which its catalog entry does not list (high, medium)',
		);
	});

	it('copies meta into the finding unless the hit sharpens it', () => {
		const [f] = runRuleList([reporting('TEST-A')], facts());
		expect(f).toEqual({
			ruleId: 'TEST-A',
			severity: 'high',
			title: 'TEST-A title',
			inputName: 'a.conf',
			subject: 's',
			evidence: 'e',
			remediation: 'fix it',
			references: ['RFC 8996'],
			area: 'tls',
			effect: 'cap B',
		});
	});

	it('reaches the exported report as a finding, and the grade says it is incomplete', () => {
		const input = facts({ tls: [tlsConnector({})] });
		const report = buildReport(input, runRuleList([throwing], input), '2026-11-22T12:00:00Z');
		const failed = report.findings.filter((f) => f.ruleId === RULE_FAILED_ID);
		expect(failed.map((f) => [f.subject, f.severity])).toEqual([['TEST-THROWS', 'info']]);
		expect(report.grade.warnings).toContain(`${RULE_FAILED_ID} is a warning (no A+, A becomes A-)`);
	});
});
