// CGS-1 3.6 in the report's grade: a scan that read the HTTP headers and found no HSTS of at
// least 180 days keeps the connector from A+ (cap A), overall and in the TLS sub-grade.
import { describe, expect, it } from 'vitest';
import { emptyFacts, type AnalysisFacts } from '../facts';
import { tlsConnector } from '../tls/testing';
import { certFacts } from '../x509/testing';
import { origin } from '../tls/model';
import { HSTS_MIN_AGE } from '../tls/scanner-evidence';
import {
	buildReport,
	gradeReport,
	groupFindings,
	reconcileReport,
	type EngineFinding,
} from './build-report';
import type { InputKind } from './report';

function withHsts(maxAge: number | null | 'not scanned'): AnalysisFacts {
	const facts = emptyFacts('2026-11-22T12:00:00Z');
	const hsts =
		maxAge === 'not scanned'
			? null
			: { maxAge, origin: origin('scan.json', 'HSTS', null, String(maxAge)) };
	facts.tls.push({
		...tlsConnector({ scores: { protocol: 100, keyExchange: 100, cipher: 100 } }),
		hsts,
	});
	return facts;
}

describe('gradeReport and HSTS', () => {
	it.each([
		['no header seen', null, 'A', true],
		['one second short of 180 days', HSTS_MIN_AGE - 1, 'A', true],
		['180 days', HSTS_MIN_AGE, 'A+', false],
		['two years', 63072000, 'A+', false],
		['headers not scanned (declared settings only)', 'not scanned' as const, 'A+', false],
	])('%s', (_name, maxAge, expected, capped) => {
		const g = gradeReport(withHsts(maxAge), []);
		expect(g.overall).toBe(expected);
		expect(g.byArea.tls).toBe(expected);
		expect(g.capReasons.some((r) => r.startsWith('HSTS'))).toBe(capped);
	});
});

function input(name: string, status: 'parsed' | 'locked' | 'error', kind: InputKind = 'jks') {
	return { id: name, name, size: 1, sha256: '00', kind, kindReason: '', status };
}

const finding = (over: Partial<EngineFinding>): EngineFinding => ({
	ruleId: 'CERT-SELF-SIGNED',
	severity: 'high',
	title: 'Self-signed certificate',
	inputName: 'a.p12',
	subject: 'alias a: CN=x [sha256 0123456789abcdef…]',
	evidence: 'issuer = subject',
	remediation: 'fix',
	references: [],
	area: 'cert',
	effect: 'T',
	...over,
});

describe('a grade only on evidence', () => {
	it('only locked inputs: N/A, incomplete, with their names', () => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.inputs.push(input('store.jks', 'locked'), input('client.p12', 'locked', 'pkcs12'));
		const g = gradeReport(facts, []);
		expect(g.overall).toBe('N/A');
		expect(Object.values(g.byArea).every((v) => v === 'N/A')).toBe(true);
		expect(g.capReasons).toEqual([]);
		expect(g.complete).toBe(false);
		expect(g.notAnalyzed).toEqual(['store.jks', 'client.p12']);
	});

	it('a parsed input grades; a failed and a locked one are named, an unknown file is not', () => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.certificates.push(certFacts({ inputName: 'a.pem' }));
		facts.inputs.push(
			input('a.pem', 'parsed', 'pem'),
			input('bad.p12', 'error', 'pkcs12'),
			input('notes.txt', 'error', 'unknown'),
			input('store.jks', 'locked'),
		);
		const g = gradeReport(facts, []);
		expect(g.overall).toBe('A+');
		expect(g.complete).toBe(false);
		expect(g.notAnalyzed).toEqual(['bad.p12', 'store.jks']);
		expect(g.byInput).toEqual([
			{ name: 'a.pem', grade: 'A+' },
			{ name: 'bad.p12', grade: 'N/A' },
			{ name: 'notes.txt', grade: 'N/A' },
			{ name: 'store.jks', grade: 'N/A' },
		]);
	});

	it.each([
		['an nginx file whose servers only listen on port 80', 'nginx.conf', 'tls-config' as const],
		['an unsigned XML document that is no SOAP message', 'note.xml', 'xml' as const],
	])('a parsed input that gave no fact and no finding (%s): N/A, not A+', (_what, name, kind) => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.inputs.push(input(name, 'parsed', kind));
		const g = gradeReport(facts, []);
		expect(g.overall).toBe('N/A');
		expect(Object.values(g.byArea).every((v) => v === 'N/A')).toBe(true);
		expect(g.byInput).toEqual([{ name, grade: 'N/A' }]);
		expect(g.complete).toBe(true);
	});

	it('beside a graded input, one that gave nothing is N/A on its own', () => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.certificates.push(certFacts({ inputName: 'a.pem' }));
		facts.inputs.push(input('a.pem', 'parsed', 'pem'), input('plain.conf', 'parsed', 'tls-config'));
		const g = gradeReport(facts, []);
		expect(g.overall).toBe('A+');
		expect(g.byArea.certificates).toBe('A+');
		expect(g.byInput).toEqual([
			{ name: 'a.pem', grade: 'A+' },
			{ name: 'plain.conf', grade: 'N/A' },
		]);
	});

	it('trust nobody checked caps the input holding the certificate too, not only the report', () => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.inputs.push(input('leaf.pem', 'parsed', 'pem'), input('other.pem', 'parsed', 'pem'));
		facts.certificates.push(
			certFacts({
				inputName: 'leaf.pem',
				chainValid: null,
				chainNote: 'no trust anchor supplied',
			}),
			certFacts({ inputName: 'other.pem', sha256: 'ab'.repeat(32) }),
		);
		const g = gradeReport(facts, []);
		expect(g.overall).toBe('A');
		expect(g.byInput).toEqual([
			{ name: 'leaf.pem', grade: 'A' },
			{ name: 'other.pem', grade: 'A+' },
		]);
		// with an anchor supplied, the question was asked: no cap
		facts.trustAnchors.push('cd'.repeat(32));
		expect(gradeReport(facts, []).byInput).toEqual([
			{ name: 'leaf.pem', grade: 'A+' },
			{ name: 'other.pem', grade: 'A+' },
		]);
	});

	it('a private key file alone is evidence of the keystore area', () => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.inputs.push(input('key.pem', 'parsed', 'private-key'));
		const g = gradeReport(facts, [
			finding({
				ruleId: 'KEYSTORE-DEFAULT-PASSWORD',
				inputName: 'key.pem',
				area: 'keystore',
				effect: 'cap B',
			}),
		]);
		expect(g.overall).toBe('B');
		expect(g.byArea.keystores).toBe('B');
	});

	it('"Why not higher" starts with the cap that sets the grade', () => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.inputs.push(input('a.conf', 'parsed', 'tls-config'));
		const g = gradeReport(facts, [
			finding({ ruleId: 'TLS-NO-TLS13', effect: 'cap A', area: 'tls' }),
			finding({ ruleId: 'TLS-MIN-VERSION', effect: 'cap B', area: 'tls' }),
			finding({ ruleId: 'WSDL-HTTP-ENDPOINT', effect: 'F', area: 'wsdl' }),
			finding({ ruleId: 'POLICY-RSA15-SUITE', effect: 'cap C', area: 'policy' }),
		]);
		expect(g.overall).toBe('F');
		expect(g.capReasons).toEqual([
			'WSDL-HTTP-ENDPOINT sets the grade to F',
			'POLICY-RSA15-SUITE caps the grade at C',
			'TLS-MIN-VERSION caps the grade at B',
			'TLS-NO-TLS13 caps the grade at A',
		]);
	});
});

describe('one finding per rule, input and subject', () => {
	it('the same certificate in three inputs is one finding with two further places', () => {
		const grouped = groupFindings([
			finding({ inputName: 'a.p12' }),
			finding({ inputName: 'b.pem', subject: 'PEM block 1: CN=x [sha256 0123456789abcdef…]' }),
			finding({ inputName: 'c.pem', subject: 'PEM block 1: CN=x [sha256 0123456789abcdef…]' }),
		]);
		expect(grouped).toHaveLength(1);
		expect(grouped[0]?.inputName).toBe('a.p12');
		expect(grouped[0]?.locations?.map((l) => l.inputName)).toEqual(['b.pem', 'c.pem']);
	});

	it('identical notes on several subjects of one input are one finding', () => {
		const note = {
			ruleId: 'CERT-RSA-KEY-SIZE',
			severity: 'info' as const,
			effect: 'none' as const,
		};
		const grouped = groupFindings(
			['1', '2', '3', '4', '5', '6'].map((n) =>
				finding({ ...note, subject: `alias ${n}: CN=${n} [sha256 ${n.repeat(16)}…]` }),
			),
		);
		expect(grouped).toHaveLength(1);
		expect(grouped[0]?.locations).toHaveLength(5);
	});

	it('different certificates, rules or evidence stay apart; a repeat of the same place is dropped', () => {
		const grouped = groupFindings([
			finding({}),
			finding({}),
			finding({ subject: 'alias b: CN=y [sha256 fedcba9876543210…]', evidence: 'other' }),
			finding({ ruleId: 'CERT-NO-SAN' }),
		]);
		expect(grouped).toHaveLength(3);
		expect(grouped[0]?.locations).toBeUndefined();
	});
});

describe('reconcileReport', () => {
	it('a cancelled input added after the report makes it incomplete and is listed', () => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.inputs.push(input('a.pem', 'parsed', 'pem'));
		const report = buildReport(facts, [], '2026-11-22T12:00:00Z');
		expect(report.grade.complete).toBe(true);
		facts.inputs.push({
			...input('big.xml', 'error', 'unknown'),
			error: 'Analysis cancelled before this file was finished',
		});
		const r = reconcileReport(report, facts);
		expect(r.inputs.map((i) => i.name)).toEqual(['a.pem', 'big.xml']);
		expect(r.grade.complete).toBe(false);
		expect(r.grade.notAnalyzed).toEqual(['big.xml']);
		expect(reconcileReport(r, facts)).toBe(r);
	});
});
