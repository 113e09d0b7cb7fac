// Pure helpers for the WSDL and policy rules: every policy alternative of every operation side,
// and grouping of identical hits so one weak binding policy shared by fifty operations is one
// finding, not fifty.
import type { WsdlFacts, WsdlMessageSide, WsdlOperation } from '../../../core/wsdl/facts';
import { allVerdicts, type RequirementKind, type Unmet } from '../../../core/wsdl/compare-message';
import type { CapturedMessage, PolicyAlternative } from '../../../core/policy/types';

export interface AlternativeRef {
	wsdl: WsdlFacts;
	op: WsdlOperation;
	side: WsdlMessageSide;
	alt: PolicyAlternative;
	index: number;
	/** "Binding/operation input" plus "(alternative i of n)" when there are several. */
	subject: string;
}

export function sideSubject(op: WsdlOperation, side: WsdlMessageSide): string {
	return `${op.binding}/${op.name} ${side.direction}`;
}

export function eachAlternative(wsdls: readonly WsdlFacts[]): AlternativeRef[] {
	const out: AlternativeRef[] = [];
	for (const wsdl of wsdls) {
		if (wsdl.kind === 'capture') continue;
		for (const op of wsdl.operations) {
			for (const side of [op.input, op.output]) {
				if (!side) continue;
				const n = side.alternatives.length;
				side.alternatives.forEach((alt, index) => {
					const suffix = n > 1 ? ` (alternative ${index + 1} of ${n})` : '';
					out.push({ wsdl, op, side, alt, index, subject: `${sideSubject(op, side)}${suffix}` });
				});
			}
		}
	}
	return out;
}

/** Schemes of the ports that use a binding. */
export function bindingSchemes(wsdl: WsdlFacts, binding: string): string[] {
	return wsdl.ports.filter((p) => p.binding === binding).map((p) => p.scheme);
}

export interface GroupedHit {
	inputName: string | null;
	subject: string;
	evidence: string;
}

/** Merges hits that differ only by subject: "B/op1 input, B/op2 input". */
export function groupHits<T extends GroupedHit>(hits: readonly T[], keyOf: (h: T) => string): T[] {
	const groups = new Map<string, { first: T; subjects: string[] }>();
	for (const h of hits) {
		const key = `${h.inputName ?? ''}\u0000${h.evidence}\u0000${keyOf(h)}`;
		const g = groups.get(key);
		if (g) {
			if (!g.subjects.includes(h.subject)) g.subjects.push(h.subject);
		} else groups.set(key, { first: h, subjects: [h.subject] });
	}
	return [...groups.values()].map(({ first, subjects }) => ({
		...first,
		subject:
			subjects.length > 3
				? `${subjects.slice(0, 3).join(', ')} and ${subjects.length - 3} more`
				: subjects.join(', '),
	}));
}

export interface UnmetRef {
	msg: CapturedMessage;
	wsdl: WsdlFacts;
	/** The closest alternative the message was checked against. */
	alt: PolicyAlternative;
	unmet: Unmet;
	/** "message.xml vs Binding/op input". */
	subject: string;
	/** "policy: <assertion> | message: <observed>". */
	evidence: string;
}

/** Every unmet requirement of every matched captured message, filtered by kind. */
export function unmetOfKinds(
	wsdls: readonly WsdlFacts[],
	kinds: readonly RequirementKind[],
): UnmetRef[] {
	const out: UnmetRef[] = [];
	for (const { wsdl, msg, verdict } of allVerdicts(wsdls)) {
		const alt = verdict.side.alternatives[verdict.alternative];
		if (!alt) continue;
		for (const unmet of verdict.unmet) {
			if (!kinds.includes(unmet.kind)) continue;
			out.push({
				msg,
				wsdl,
				alt,
				unmet,
				subject: `${msg.inputName} vs ${sideSubject(verdict.operation, verdict.side)}`,
				evidence: `policy: ${unmet.assertion} | message: ${unmet.observed}`,
			});
		}
	}
	return out;
}
