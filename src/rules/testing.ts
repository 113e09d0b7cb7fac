// Test helpers: run one rule over hand-built facts.
import { emptyFacts, type AnalysisFacts } from '../core/facts';
import type { Rule, RuleHit } from './rule';

export const TEST_NOW = '2026-11-22T12:00:00Z';

export function facts(partial: Partial<AnalysisFacts> = {}): AnalysisFacts {
	return { ...emptyFacts(TEST_NOW), ...partial };
}

export function runRule(rule: Rule, input: AnalysisFacts): RuleHit[] {
	const hits: RuleHit[] = [];
	rule.check(input, (hit) => hits.push(hit));
	return hits;
}
