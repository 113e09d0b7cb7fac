// Must-flag / must-not-flag table for CERT-NO-SAN.
import { describe, expect, it } from 'vitest';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { certNoSan as rule } from './cert-no-san';

describe('CERT-NO-SAN', () => {
	it.each([
		['leaf without SAN', certFacts({ hasSan: false, subjectAltNames: [] }), 1],
		['leaf with SAN', certFacts(), 0],
		['CA without SAN', certFacts({ hasSan: false, role: 'intermediate', isCA: true }), 0],
	])('%s', (_n, c, count) => {
		const hits = runRule(rule, facts({ certificates: [c] }));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect([h.severity, h.effect]).toEqual(['medium', 'warn']);
	});
});
