import { describe, expect, it } from 'vitest';
import type { Area } from '../area';
import { grade, scoreTotal, type GradedFinding, type GradeEffect } from './grade';

const f = (ruleId: string, effect: GradeEffect, area: Area = 'tls'): GradedFinding => ({
	ruleId,
	area,
	effect,
});

describe('CGS-1 worked examples (RULES.md 3.7)', () => {
	it('1. nginx 1.18 defaults → B', () => {
		const scores = { protocol: 95, keyExchange: 90, cipher: 90 };
		expect(scoreTotal(scores)).toBe(91);
		const r = grade(
			[
				f('TLS-MIN-VERSION', 'cap B'),
				f('TLS-CBC-CIPHERS', 'cap A'),
				f('TLS-STATIC-RSA-KEX', 'cap A'),
				f('TLS-NO-TLS13', 'cap A'),
			],
			[scores],
		);
		expect(r.grade).toBe('B');
		expect(r.capReasons).toContain('TLS-MIN-VERSION caps the grade at B');
	});
	it('2. nginx ≥ 1.27.3 with Mozilla Intermediate 6.0 → A+', () => {
		const scores = { protocol: 100, keyExchange: 100, cipher: 90 };
		expect(scoreTotal(scores)).toBe(96);
		expect(grade([], [scores]).grade).toBe('A+');
	});
	it('3. Pega on JDK 8u202 → C', () => {
		const r = grade([
			f('TLS-MIN-VERSION', 'cap B'),
			f('TLS-NO-TLS13', 'cap A'),
			f('POLICY-WEAK-ALGORITHM-SUITE', 'cap B', 'policy'),
			f('POLICY-RSA15-SUITE', 'cap C', 'policy'),
			f('TLS-CBC-CIPHERS', 'cap A'),
			f('TLS-STATIC-RSA-KEX', 'cap A'),
			f('WSS-USERNAME-PLAINTEXT', 'warn', 'message'),
		]);
		expect(r.grade).toBe('C');
	});
	it('4. Pega on JDK 8u301 → C', () => {
		expect(
			grade([f('TLS-NO-TLS13', 'cap A'), f('POLICY-RSA15-SUITE', 'cap C', 'policy')]).grade,
		).toBe('C');
	});
	it('5. SMTP STARTTLS not required → C', () => {
		const r = grade([
			f('MAIL-STARTTLS-OPPORTUNISTIC', 'cap C', 'mail'),
			f('MAIL-SERVER-IDENTITY-NOT-CHECKED', 'cap C', 'mail'),
			f('MAIL-STARTTLS-INSTEAD-OF-IMPLICIT', 'cap A', 'mail'),
		]);
		expect(r.grade).toBe('C');
	});
	it('6. plain-HTTP SOAP with complete message-level protection → C', () => {
		const r = grade([
			f('WSDL-HTTP-ENDPOINT', 'cap C', 'wsdl'),
			f('WSS-CBC-ENCRYPTION', 'cap B', 'message'),
			f('POLICY-WEAK-ALGORITHM-SUITE', 'warn', 'policy'),
		]);
		expect(r.grade).toBe('C');
	});
});

describe('CGS-1 edge cases', () => {
	it('a cap A finding blocks A+ but keeps A', () =>
		expect(grade([f('TLS-NO-TLS13', 'cap A')]).grade).toBe('A'));
	it('a warning turns A into A-', () =>
		expect(grade([f('TLS-NO-FALLBACK-SCSV', 'warn')]).grade).toBe('A-'));
	it('a warning does not lower B', () =>
		expect(grade([f('TLS-MIN-VERSION', 'cap B'), f('X', 'warn')]).grade).toBe('B'));
	it('no findings and no scores is A+', () => expect(grade([]).grade).toBe('A+'));
	it('F wins over every cap', () =>
		expect(grade([f('TLS-SSLV2-ENABLED', 'F'), f('X', 'cap C')]).grade).toBe('F'));
	it('T is shown with the letter ignoring trust', () => {
		const r = grade([f('CERT-EXPIRED', 'T', 'cert'), f('TLS-NO-TLS13', 'cap A')]);
		expect(r.grade).toBe('T');
		expect(r.letter).toBe('A');
	});
	it('M overrides T', () => {
		expect(
			grade([f('CERT-EXPIRED', 'T', 'cert'), f('CERT-HOSTNAME-MISMATCH', 'M', 'cert')]).grade,
		).toBe('M');
		expect(
			grade([f('CERT-HOSTNAME-MISMATCH', 'M', 'cert'), f('CERT-EXPIRED', 'T', 'cert')]).grade,
		).toBe('M');
	});
	it('a zero category scores 0 → F', () => {
		expect(scoreTotal({ protocol: 100, keyExchange: 0, cipher: 100 })).toBe(0);
		expect(grade([], [{ protocol: 100, keyExchange: 0, cipher: 100 }]).grade).toBe('F');
	});
	it('the score letter caps at A and uses integer division', () => {
		expect(scoreTotal({ protocol: 95, keyExchange: 100, cipher: 100 })).toBe(98);
		expect(grade([], [{ protocol: 80, keyExchange: 80, cipher: 80 }]).grade).toBe('A+');
		expect(grade([], [{ protocol: 80, keyExchange: 40, cipher: 80 }]).grade).toBe('B');
	});
	it('info findings (effect none) never change the grade', () =>
		expect(grade([f('WSS-SIGNER-UNKNOWN', 'none', 'message')]).grade).toBe('A+'));
});
