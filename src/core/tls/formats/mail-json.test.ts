// The e-mail account declaration of CONTRACT.md through the whole engine: MAIL-* rules, RULES.md
// 3.7 worked example 5 written as JSON, and bad input named by field and line.
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../analyze';
import type { ConnectorForm } from '../facts';
import { parseMailJson } from './mail-json';

async function analyze(name: string, text: string, connector: ConnectorForm | null = null) {
	return new Analyzer().run(
		{
			files: name ? [{ id: 'f0', name, bytes: new TextEncoder().encode(text) }] : [],
			passwords: {},
			entryPasswords: {},
			settings: {
				now: '2026-11-22T12:00:00Z',
				connector,
				trustAnchors: [],
				truststoreInputs: [],
				rawKeys: [],
			},
		},
		() => {},
		new AbortController().signal,
	);
}

const account = (outgoing: object, incoming?: object, extra: object = {}) =>
	JSON.stringify(
		{
			emailAccount: {
				name: 'OrderNotifications',
				address: 'orders@example.test',
				outgoing,
				...(incoming ? { incoming } : {}),
				...extra,
			},
		},
		null,
		2,
	);

const MAIL = /^MAIL-/;

describe('e-mail account JSON', () => {
	it.each<[string, string, string[], string]>([
		[
			'worked example 5: SMTP 587, STARTTLS not required, JavaMail 1.6 without checkserveridentity → C',
			account({
				protocol: 'SMTP',
				host: 'smtp.example.test',
				port: 587,
				security: 'starttls',
				starttlsRequired: false,
				authentication: true,
				user: 'orders',
				runtime: 'Java 17.0.9',
			}),
			[
				'MAIL-SERVER-IDENTITY-NOT-CHECKED',
				'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
				'MAIL-STARTTLS-OPPORTUNISTIC',
			],
			'C',
		],
		[
			'SMTPS 465 and IMAPS 993, identity checked, TLS 1.2/1.3 on Java 17 → A',
			account(
				{
					protocol: 'SMTP',
					host: 'smtp.example.test',
					port: 465,
					security: 'ssl',
					authentication: true,
					checkServerIdentity: true,
					tlsProtocols: ['TLSv1.2', 'TLSv1.3'],
				},
				{
					protocol: 'IMAP',
					host: 'imap.example.test',
					port: 993,
					security: 'ssl',
					checkServerIdentity: true,
					tlsProtocols: ['TLSv1.2', 'TLSv1.3'],
				},
				{ runtime: 'Java 17.0.9' },
			),
			[],
			'A',
		],
		[
			'SMTP 587 with authentication and no TLS → MAIL-PLAINTEXT F',
			account({
				protocol: 'SMTP',
				host: 'smtp.example.test',
				port: 587,
				security: 'none',
				authentication: true,
			}),
			['MAIL-PLAINTEXT'],
			'F',
		],
		[
			'POP3 110 with STARTTLS required (STLS) → MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
			account(
				{
					protocol: 'SMTP',
					host: 'smtp.example.test',
					port: 465,
					security: 'ssl',
					checkServerIdentity: true,
				},
				{
					protocol: 'POP3',
					host: 'pop.example.test',
					port: 110,
					security: 'starttls',
					starttlsRequired: true,
					checkServerIdentity: true,
				},
				{ runtime: 'Java 17.0.9' },
			),
			['MAIL-STARTTLS-INSTEAD-OF-IMPLICIT'],
			'A',
		],
	])('%s', async (_name, text, mailIds, grade) => {
		const r = await analyze('mail.json', text);
		expect(r.facts.inputs[0]?.status, r.facts.inputs[0]?.error).toBe('parsed');
		expect(r.facts.inputs[0]?.kind).toBe('tls-config');
		const ids = [...new Set(r.report.findings.map((f) => f.ruleId).filter((i) => MAIL.test(i)))];
		expect(ids.sort()).toEqual([...mailIds].sort());
		expect(r.report.grade.overall).toBe(grade);
	});

	it('without a runtime, the mail connection is graded on the oldest JDK defaults and says so', async () => {
		const r = await analyze(
			'mail.json',
			account({
				protocol: 'SMTP',
				host: 'smtp.example.test',
				port: 465,
				security: 'ssl',
				checkServerIdentity: true,
			}),
		);
		const min = r.report.findings.find((f) => f.ruleId === 'TLS-MIN-VERSION');
		expect(min?.evidence).toMatch(/runtime not supplied/);
		expect(r.report.tlsSettings[0]?.runtime).toBeNull();
	});

	it('names the field and line of a wrong type, and notes unknown fields', () => {
		const text = account({
			protocol: 'SMTP',
			host: 'smtp.example.test',
			port: 'five-eight-seven',
			security: 'starttls',
			authentication: 'yes',
			colour: 'blue',
		});
		const parse = parseMailJson(text, 'mail.json');
		const lines = text.split('\n');
		const lineOf = (k: string) => lines.findIndex((l) => l.includes(`"${k}"`)) + 1;
		const port = parse.notes.find((n) => n.message.includes('outgoing.port'));
		expect(port?.level).toBe('error');
		expect(port?.line).toBe(lineOf('port'));
		const auth = parse.notes.find((n) => n.message.includes('outgoing.authentication'));
		expect(auth?.message).toMatch(/must be true or false \(found "yes"\)/);
		expect(auth?.line).toBe(lineOf('authentication'));
		expect(parse.notes.find((n) => n.message.includes('colour'))?.level).toBe('info');
		// The rest is still read.
		// "starttls" alone is JavaMail's opportunistic default.
		expect(parse.endpoints[0]?.mail?.mode).toBe('starttls-optional');
	});

	it("the connector form's E-mail account type: worked example 5 from the form alone → C", async () => {
		const r = await analyze('', '', {
			name: 'OrderNotifications',
			type: 'EMAIL',
			endpoint: 'smtp.example.test:587',
			role: 'client',
			lowestTlsVersion: '',
			runtime: 'Java 17.0.9',
			cipherSuites: '',
			keystoreInput: '',
			truststoreInput: '',
			wsSecurity: { sign: false, encrypt: false, timestamp: false, usernameToken: false },
			mail: {
				protocol: 'SMTP',
				security: 'starttls-optional',
				authentication: true,
				checkServerIdentity: false,
			},
		});
		const ids = [...new Set(r.report.findings.map((f) => f.ruleId))].sort();
		expect(ids).toEqual([
			'MAIL-SERVER-IDENTITY-NOT-CHECKED',
			'MAIL-STARTTLS-INSTEAD-OF-IMPLICIT',
			'MAIL-STARTTLS-OPPORTUNISTIC',
			'TLS-CBC-CIPHERS',
			'TLS-STATIC-RSA-KEX',
		]);
		expect(r.report.grade.overall).toBe('C');
		expect(r.facts.tls[0]?.source).toBe('form');
	});
});
