// Hostile inputs stay on their own card: each scenario of tests/fixtures/hostile (made by
// scripts/fixtures/hostile/make.mjs, plus crashes `npm run fuzz` found) is analyzed beside an
// innocent certificate. The certificate is always analyzed; the hostile input ends with its
// specific message, and the row checks the bound that stopped it (never a time).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer, type AnalysisResult } from './analyze';
import { KDF_MAX_PER_DERIVATION } from './core/crypto/budget';
import { CANCELLED_MESSAGE, type AnalysisSettings } from './core/facts';
import { MAX_NGINX_DEPTH } from './core/tls/formats/nginx';
import { MAX_XML_DEPTH } from './core/xml/safe-parse';
import { MAX_ENCRYPTED_DATA } from './core/xmlenc/input';

const DIR = resolve(import.meta.dirname, '../tests/fixtures/hostile');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(DIR, name)));
const CERT = new Uint8Array(
	readFileSync(resolve(import.meta.dirname, '../tests/fixtures/detect/cert.pem')),
);

const settings: AnalysisSettings = {
	trustAnchors: [],
	truststoreInputs: [],
	// a secret key named as the derived key's master key, so a derivation is attempted
	rawKeys: [{ id: 'k1', name: 'master', algorithm: 'AES', bytes: new Uint8Array(32) }],
	captureTime: null,
	connector: null,
};

async function beside(name: string, password: string | null = null): Promise<AnalysisResult> {
	const result = await new Analyzer().run(
		{
			files: [
				{ id: 'hostile', name, bytes: fixture(name) },
				{ id: 'cert', name: 'innocent.pem', bytes: CERT },
			],
			passwords: password === null ? {} : { hostile: password },
			entryPasswords: {},
			settings,
		},
		() => {},
		new AbortController().signal,
	);
	const cert = result.facts.inputs.find((i) => i.id === 'cert');
	expect(cert?.status).toBe('parsed');
	expect(result.facts.certificates.some((c) => c.inputName === 'innocent.pem')).toBe(true);
	return result;
}

function hostile(result: AnalysisResult) {
	const input = result.facts.inputs.find((i) => i.id === 'hostile')!;
	expect(input.error ?? '').not.toMatch(/internal error/i);
	return input;
}

const fmt = (n: number) => n.toLocaleString('en');

describe('hostile inputs end on their own card, the innocent certificate analyzed', () => {
	it.each<[string, string | null, 'error' | 'locked' | 'parsed', RegExp]>([
		[
			'deep-ae-envelope.xml',
			null,
			'error',
			new RegExp(`XML nesting deeper than ${MAX_XML_DEPTH} levels at line 1, column 844`),
		],
		['doctype-after-pi.xml', null, 'error', /DOCTYPE or ENTITY declaration \(line 1, column 33\)/],
		[
			'unterminated-comment.xml',
			null,
			'error',
			/XML comment opened at line 1, column 71 is never closed/,
		],
		[
			'nginx-deep.conf',
			null,
			'error',
			new RegExp(`nested deeper than ${MAX_NGINX_DEPTH} levels \\(line 4\\)`),
		],
		[
			'pkcs12-mac-iterations-max.p12',
			null,
			'locked',
			/MAC HMAC-SHA-256, 2,147,483,647 iterations; too many iterations to try the default passwords/,
		],
		[
			'pkcs12-mac-iterations-max.p12',
			'storepass',
			'error',
			new RegExp(
				`PKCS#12 key derivation \\(SHA-256\\) asks for 2,147,483,647 iterations .* the limit for one key derivation is ${fmt(KDF_MAX_PER_DERIVATION)}`,
			),
		],
		[
			'pkcs8-pbkdf2-iterations-max.der',
			'fixture-pass',
			'error',
			/PBKDF2-SHA-256 asks for 2,147,483,647 iterations × 1 block/,
		],
		[
			'bks-iterations-9999999.bks',
			null,
			'locked',
			/9,999,999 iterations: too many to try the default passwords/,
		],
		['bks-iterations-500000.bks', null, 'locked', /none of the default passwords opens it/],
		[
			'fuzz-000-insert-rsa-ca-and-crl.p7b',
			null,
			'error',
			/PKCS#7 certificate \d+ of \d+: not a DER X\.509 certificate/,
		],
	])('%s (password %s): %s with a specific message', async (name, password, status, message) => {
		const input = hostile(await beside(name, password));
		expect(input.status).toBe(status);
		expect(input.error ?? input.lock?.message).toMatch(message);
	});

	it('blank-lines.properties: 20 KB of blank lines read, the setting after them found', async () => {
		const result = await beside('blank-lines.properties');
		expect(hostile(result).status).toBe('parsed');
		expect(JSON.stringify(result.facts.tls)).toContain('TLSv1');
	});

	it('xmlenc11-pbkdf2-max.xml: the derivation is refused before any work, naming the bound', async () => {
		const result = await beside('xmlenc11-pbkdf2-max.xml');
		expect(hostile(result).status).toBe('parsed');
		const [d] = result.facts.decryptions;
		expect(d?.status).toBe('failed');
		expect(d?.error).toMatch(
			new RegExp(
				`PBKDF2-SHA-256 asks for 2,147,483,647 iterations .* ${fmt(KDF_MAX_PER_DERIVATION)}`,
			),
		);
	});

	it(`many-encrypted-data.xml: ${MAX_ENCRYPTED_DATA} of 300 EncryptedData tried, the rest named`, async () => {
		const result = await beside('many-encrypted-data.xml');
		expect(hostile(result).status).toBe('parsed');
		const skipped = result.facts.decryptions.filter((d) =>
			d.error?.includes(`decrypts at most ${MAX_ENCRYPTED_DATA} per document`),
		);
		expect(result.facts.decryptions).toHaveLength(300);
		expect(skipped).toHaveLength(300 - MAX_ENCRYPTED_DATA);
	});

	it('every fixture of the folder has a row here', () => {
		const covered = new Set([
			'deep-ae-envelope.xml',
			'doctype-after-pi.xml',
			'unterminated-comment.xml',
			'nginx-deep.conf',
			'pkcs12-mac-iterations-max.p12',
			'pkcs8-pbkdf2-iterations-max.der',
			'bks-iterations-9999999.bks',
			'bks-iterations-500000.bks',
			'blank-lines.properties',
			'xmlenc11-pbkdf2-max.xml',
			'many-encrypted-data.xml',
			'fuzz-000-insert-rsa-ca-and-crl.p7b',
		]);
		const files = readdirSync(DIR).filter((f) => f !== 'README.md');
		expect(files.filter((f) => !covered.has(f))).toEqual([]);
	});
});

describe('isolation', () => {
	it('a cancelled input is recorded before the report is built (the exported report lists it)', async () => {
		const result = await new Analyzer().run(
			{
				files: [
					{ id: 'slow', name: 'slow.p12', bytes: fixture('pkcs12-mac-iterations-max.p12') },
					{ id: 'cert', name: 'innocent.pem', bytes: CERT },
				],
				cancelled: ['slow'],
				passwords: {},
				entryPasswords: {},
				settings,
			},
			() => {},
			new AbortController().signal,
		);
		expect(result.facts.inputs.map((i) => [i.name, i.status])).toEqual([
			['slow.p12', 'error'],
			['innocent.pem', 'parsed'],
		]);
		const listed = result.report.inputs.find((i) => i.name === 'slow.p12');
		expect(listed?.error).toBe(CANCELLED_MESSAGE);
	});

	it('each input is posted as soon as its step is done, quick kinds before key derivation', async () => {
		const posted: string[] = [];
		const progressIds = new Set<string>();
		await new Analyzer().run(
			{
				files: [
					{ id: 'p12', name: 'store.p12', bytes: fixture('pkcs12-mac-iterations-max.p12') },
					{ id: 'cert', name: 'innocent.pem', bytes: CERT },
				],
				passwords: {},
				entryPasswords: {},
				settings,
			},
			(_label, _fraction, inputId) => {
				if (inputId) progressIds.add(inputId);
			},
			new AbortController().signal,
			(input) => posted.push(input.id),
		);
		expect(posted).toEqual(['cert', 'p12']);
		expect([...progressIds].sort()).toEqual(['cert', 'p12']);
	});
});

describe('source guard', () => {
	it('no line-anchored regular expression lets \\s run across lines (quadratic on blank lines)', () => {
		const offenders: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = resolve(dir, entry.name);
				if (entry.isDirectory()) walk(path);
				else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
					readFileSync(path, 'utf8')
						.split('\n')
						.forEach((line, n) => {
							if (/\/[gisuy]*m[gisuy]*\b/.test(line) && /\^\\s[*+]/.test(line))
								offenders.push(`${path}:${n + 1}`);
						});
				}
			}
		};
		walk(resolve(import.meta.dirname, 'core'));
		expect(offenders).toEqual([]);
	});
});
