// Runs rules over the facts, one at a time and isolated: a rule that throws, or reports a severity
// its catalog entry does not list, is an analyzer bug, and it shows in the report as an
// ANALYZER-RULE-FAILED finding instead of ending the run or hiding.
import type { AnalysisFacts } from '../core/facts';
import type { EngineFinding } from '../core/report/build-report';
import type { Rule, RuleHit } from './rule';

/** Id of the finding that stands for a rule that failed; it is not a catalog rule. */
export const RULE_FAILED_ID = 'ANALYZER-RULE-FAILED';

function toFinding(rule: Rule, hit: RuleHit): EngineFinding {
	return {
		ruleId: rule.meta.id,
		severity: hit.severity,
		title: hit.title ?? rule.meta.title,
		inputName: hit.inputName,
		subject: hit.subject,
		evidence: hit.evidence,
		remediation: hit.remediation ?? rule.meta.remediation,
		references: [...rule.meta.references],
		area: rule.meta.area,
		effect: hit.effect,
	};
}

/**
 * The finding that replaces a rule's missing verdict. It is `info` because it says nothing about
 * the inputs, and `warn` because the grade was computed without this rule, so it must not claim
 * A+ (CGS-1: a warning removes A+ and turns A into A-).
 */
export function ruleFailedFinding(rule: Rule, reason: string): EngineFinding {
	return {
		ruleId: RULE_FAILED_ID,
		severity: 'info',
		title: `Rule ${rule.meta.id} failed: this is a bug of the analyzer, not of your inputs`,
		inputName: null,
		subject: rule.meta.id,
		evidence: reason,
		remediation:
			'Report it with the exported JSON report. The grade does not include this rule, so read it as an upper bound.',
		references: [],
		area: rule.meta.area,
		effect: 'warn',
	};
}

/** Runs `rules` in order; each rule's hits keep their report order. Never throws for a rule's bug. */
export function runRuleList(rules: readonly Rule[], facts: AnalysisFacts): EngineFinding[] {
	const findings: EngineFinding[] = [];
	for (const rule of rules) {
		const declared = new Set(rule.meta.severities);
		try {
			rule.check(facts, (hit) => {
				findings.push(toFinding(rule, hit));
				if (!declared.has(hit.severity)) {
					findings.push(
						ruleFailedFinding(
							rule,
							`reported severity "${hit.severity}" for ${hit.subject}, which its catalog entry does not list (${rule.meta.severities.join(', ')})`,
						),
					);
				}
			});
		} catch (error) {
			const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			findings.push(ruleFailedFinding(rule, `threw ${reason}`));
		}
	}
	return findings;
}
