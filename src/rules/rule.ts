// The shape of a rule: catalog metadata (ids from shared/RULES.md) and a pure, synchronous check
// over the analysis facts. Rules never parse, never await, and never see key material.
import type { AnalysisFacts } from '../core/facts';
import type { Area } from '../core/area';
import type { GradeEffect } from '../core/report/grade';
import type { Severity } from '../core/report/report';

export interface RuleMeta {
	/** Stable id from shared/RULES.md, e.g. "TLS-MIN-VERSION". */
	id: string;
	area: Area;
	title: string;
	/** Every severity this rule can report (tiers), each as listed in the catalog. */
	severities: readonly Severity[];
	remediation: string;
	references: readonly string[];
}

/** One hit of a rule: the tier's severity and grade effect, and what exactly was seen. */
export interface RuleHit {
	severity: Severity;
	effect: GradeEffect;
	inputName: string | null;
	/** What exactly: alias, fingerprint, element path, directive. */
	subject: string;
	/** The value seen. */
	evidence: string;
	/** A sharper title or remediation for this hit, when the generic one would mislead. */
	title?: string;
	remediation?: string;
}

export interface Rule {
	meta: RuleMeta;
	check(facts: AnalysisFacts, report: (hit: RuleHit) => void): void;
}
