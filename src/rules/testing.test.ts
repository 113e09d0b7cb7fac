import { describe, expect, it } from 'vitest';
import type { Rule } from './rule';
import {
	deepFreeze,
	facts,
	matcherProblem,
	mutateHit,
	tableProblems,
	type RuleTable,
} from './testing';

const rule: Rule = {
	meta: {
		id: 'TEST-RULE',
		area: 'tls',
		title: 't',
		severities: ['high', 'low'],
		remediation: 'r',
		references: [],
	},
	check() {},
};

const hit = (severity: 'high' | 'low') =>
	({
		ruleId: 'TEST-RULE',
		severity,
		effect: 'cap B',
		subject: 'ssl_protocols',
		evidence: 'TLSv1',
	}) as const;

describe('RuleTester table checks', () => {
	it('accepts a table with valid and invalid rows covering every declared severity', () => {
		const table: RuleTable = {
			valid: [{ name: 'near miss', facts: facts() }],
			invalid: [
				{ name: 'high', facts: facts(), findings: [hit('high')] },
				{ name: 'low', facts: facts(), findings: [hit('low')] },
			],
		};
		expect(tableProblems(rule, table)).toEqual([]);
	});

	it('refuses a table without valid or invalid rows', () => {
		expect(tableProblems(rule, { valid: [], invalid: [] })).toEqual([
			'no valid row (a near miss that must not be flagged)',
			'no invalid row (an input that must be flagged)',
			'no invalid row reports the declared severity "high"',
			'no invalid row reports the declared severity "low"',
		]);
	});

	it('refuses rows that pin nothing, another rule, an undeclared severity or a duplicate name', () => {
		const table: RuleTable = {
			valid: [{ name: 'same', facts: facts() }],
			invalid: [
				{ name: 'same', facts: facts(), findings: [] },
				{
					name: 'wrong',
					facts: facts(),
					findings: [
						{ ...hit('high'), ruleId: 'OTHER' },
						{ ...hit('low'), severity: 'critical' },
					],
				},
			],
		};
		expect(tableProblems(rule, table)).toEqual([
			'row name used twice: same',
			'invalid row "same" expects no finding',
			'invalid row "wrong" expects ruleId OTHER, not TEST-RULE',
			'invalid row "wrong" expects severity critical, not in meta',
			'no invalid row reports the declared severity "low"',
		]);
	});

	it.each([
		[/.+/, true],
		[/./, true],
		[/[\s\S]*/, true],
		[/x|TLS/, true],
		[{ includes: '' }, true],
		[{ includes: 'x' }, true],
		[/^TLSv1(\.1)?$/, false],
		[{ includes: 'TLSv1' }, false],
		['exact', false],
	])('matcher %s is loose: %s', (matcher, loose) => {
		expect(matcherProblem(matcher) !== null).toBe(loose);
	});

	it('checks a pinned title or remediation like subject and evidence', () => {
		const table: RuleTable = {
			valid: [{ name: 'v', facts: facts() }],
			invalid: [
				{
					name: 'i',
					facts: facts(),
					findings: [{ ...hit('high'), remediation: { includes: '' } }, hit('low')],
				},
			],
		};
		expect(tableProblems(rule, table)).toEqual([
			'invalid row "i", remediation: matcher {"includes":""} accepts "", " ", "x", "0", "undefined", "null", "MUTATED"; pin the value',
		]);
	});

	it('reports a loose matcher as a table problem', () => {
		const table: RuleTable = {
			valid: [{ name: 'v', facts: facts() }],
			invalid: [
				{ name: 'i', facts: facts(), findings: [{ ...hit('high'), evidence: /.+/ }, hit('low')] },
			],
		};
		expect(tableProblems(rule, table)).toEqual([
			'invalid row "i", evidence: matcher /.+/ accepts " ", "x", "0", "undefined", "null", "MUTATED"; pin the value',
		]);
	});
});

describe('deepFreeze', () => {
	it('freezes nested objects and arrays so a rule cannot write to the facts', () => {
		const f = deepFreeze(facts({ trustAnchors: ['ab'] }));
		expect(Object.isFrozen(f)).toBe(true);
		expect(Object.isFrozen(f.trustAnchors)).toBe(true);
		expect(() => f.trustAnchors.push('cd')).toThrow(TypeError);
	});

	it('leaves byte arrays alone (they cannot be frozen) and survives cycles', () => {
		const cyclic: { self?: unknown; bytes: Uint8Array } = { bytes: new Uint8Array([1]) };
		cyclic.self = cyclic;
		expect(() => deepFreeze(cyclic)).not.toThrow();
		expect(Object.isFrozen(cyclic)).toBe(true);
	});
});

describe('mutations used by scripts/mutate-rules.mjs', () => {
	const base = {
		severity: 'high',
		effect: 'F',
		inputName: null,
		subject: 'ab',
		evidence: 'cd',
	} as const;
	it.each([
		['evidence-x', { evidence: 'x' }],
		['evidence-edit', { evidence: 'c' }],
		['subject-x', { subject: 'x' }],
		['subject-edit', { subject: 'a' }],
		['severity', { severity: 'low' }],
	] as const)('%s', (mutation, change) => {
		expect(mutateHit(rule, base, mutation)).toEqual({ ...base, ...change });
	});
});
