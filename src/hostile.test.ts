// Hostile inputs stay on their own card: each scenario of tests/fixtures/hostile (made by
// scripts/fixtures/hostile/make.mjs, plus crashes `npm run fuzz` found) is analyzed beside an
// innocent certificate. The certificate is always analyzed; the hostile input ends with its
// specific message, and the row checks the bound that stopped it (never a time).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer, type AnalysisResult, type DelegatedInput } from './analyze';
import { KDF_MAX_PER_DERIVATION } from './core/crypto/budget';
import { CANCELLED_MESSAGE, type AnalysisSettings } from './core/facts';
import { MAX_BER_DEPTH } from './core/asn1/der';
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

async function beside(
	name: string,
	password: string | null = null,
	bytes: Uint8Array = fixture(name),
): Promise<AnalysisResult> {
	const result = await new Analyzer().run(
		{
			files: [
				{ id: 'hostile', name, bytes },
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
			'jceks-key-iterations-max.jceks',
			null,
			'locked',
			/needs its store password \(4 entries, 3 with keys; none of the default passwords opens it\)/,
		],
		[
			'pkcs12-kdf-9999999.p12',
			null,
			'locked',
			/needs its password \(none of the default passwords verifies its MAC/,
		],
		[
			'fuzz-000-insert-rsa-ca-and-crl.p7b',
			null,
			'error',
			/PKCS#7 certificate \d+ of \d+: not a DER X\.509 certificate/,
		],
		[
			'fuzz-001-repeat-chain-der.p7b',
			null,
			'error',
			/a UTCTime or GeneralizedTime value is not a valid time \(the ASN\.1 structure is corrupt\) \(while reading the pkcs7 file\)/,
		],
	])('%s (password %s): %s with a specific message', async (name, password, status, message) => {
		const input = hostile(await beside(name, password));
		expect(input.status).toBe(status);
		expect(input.error ?? input.lock?.message).toMatch(message);
	});

	it('jceks-key-iterations-max.jceks: the store opens, the key sealed at 2^31-1 iterations is not derived', async () => {
		const input = hostile(await beside('jceks-key-iterations-max.jceks', 'storepass'));
		expect(input.status).toBe('parsed');
		const rows = input.detail?.area === 'keystore' ? input.detail.data.rows : [];
		const rsa = rows.find((r) => r.alias === 'rsa');
		expect(rsa?.keyLocked).toBe(true);
		expect(rsa?.note).toMatch(
			/JCEKS key uses 2,147,483,647 iterations, beyond the limit of 10,000,000: not derived/,
		);
		// one hostile entry is that entry's problem: the other keys of the store still open
		expect(rows.find((r) => r.alias === 'hmac')?.keyLocked).toBe(false);
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
			'pkcs12-kdf-9999999.p12',
			'jceks-key-iterations-max.jceks',
			'blank-lines.properties',
			'xmlenc11-pbkdf2-max.xml',
			'many-encrypted-data.xml',
			'fuzz-000-insert-rsa-ca-and-crl.p7b',
			'fuzz-001-repeat-chain-der.p7b',
		]);
		const files = readdirSync(DIR).filter((f) => f !== 'README.md');
		expect(files.filter((f) => !covered.has(f))).toEqual([]);
	});
});

/** `levels` SEQUENCEs with indefinite lengths around a NULL (100,000 levels: 400 KB). */
function deepBer(levels: number, prefix: number[] = []): Uint8Array {
	const out = new Uint8Array(prefix.length + 4 * levels + 2);
	out.set(prefix);
	for (let i = 0; i < levels; i++) out.set([0x30, 0x80], prefix.length + 2 * i);
	out.set([0x05, 0x00], prefix.length + 2 * levels);
	return out;
}

/** One DER TLV (definite length, long form when needed). */
function tlv(tag: number, ...body: Uint8Array[]): Uint8Array {
	const content = new Uint8Array(Buffer.concat(body));
	const n = content.length;
	const length = n < 0x80 ? [n] : [0x83, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
	return new Uint8Array(Buffer.concat([new Uint8Array([tag, ...length]), content]));
}

function pem(label: string, der: Uint8Array): Uint8Array {
	const body = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
	return new TextEncoder().encode(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`);
}

/** A JKS holding one trusted certificate entry whose DER is `cert` (digest left zero). */
function jksWith(cert: Uint8Array): Uint8Array {
	const alias = new TextEncoder().encode('deep');
	const type = new TextEncoder().encode('X.509');
	const parts = [
		[0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2],
		[0, alias.length, ...alias],
		[0, 0, 0, 0, 0, 0, 0, 0],
		[0, type.length, ...type],
		[
			(cert.length >>> 24) & 0xff,
			(cert.length >>> 16) & 0xff,
			(cert.length >>> 8) & 0xff,
			cert.length & 0xff,
		],
	].map((p) => new Uint8Array(p));
	return new Uint8Array(Buffer.concat([...parts, cert, new Uint8Array(20)]));
}

describe('DER/BER nested 100,000 deep is refused before asn1js recurses, at every entry point', () => {
	const deep = deepBer(100_000);
	const offset = (n: number) =>
		new RegExp(`nested deeper than ${MAX_BER_DEPTH} levels \\(element at byte offset ${fmt(n)}\\)`);
	// PFX { version 3, ContentInfo … }: sniffed as PKCS#12, the depth is inside it
	const pfx = deepBer(100_000, [0x30, 0x80, 0x02, 0x01, 0x03]);
	// a well-formed PFX whose authSafe content (parsed on its own) is the deep value
	const data = new Uint8Array([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]);
	const authSafe = tlv(0x30, data, tlv(0xa0, tlv(0x04, deep)));
	const pfxInside = tlv(0x30, new Uint8Array([0x02, 0x01, 0x03]), authSafe);
	it.each<[string, Uint8Array, RegExp]>([
		['deep.der', deep, offset(2 * MAX_BER_DEPTH)],
		['deep.p12', pfx, offset(5 + 2 * (MAX_BER_DEPTH - 1))],
		['deep-authsafe.p12', pfxInside, offset(2 * MAX_BER_DEPTH)],
		['deep-cert.pem', pem('CERTIFICATE', deep), offset(2 * MAX_BER_DEPTH)],
		['deep-trusted.pem', pem('TRUSTED CERTIFICATE', deep), offset(2 * MAX_BER_DEPTH)],
		['deep-pkcs7.pem', pem('PKCS7', deep), offset(2 * MAX_BER_DEPTH)],
		['deep-crl.pem', pem('X509 CRL', deep), offset(2 * MAX_BER_DEPTH)],
		['deep-csr.pem', pem('CERTIFICATE REQUEST', deep), offset(2 * MAX_BER_DEPTH)],
		['deep-key.pem', pem('PRIVATE KEY', deep), offset(2 * MAX_BER_DEPTH)],
		['deep-encrypted-key.pem', pem('ENCRYPTED PRIVATE KEY', deep), offset(2 * MAX_BER_DEPTH)],
		['deep-rsa-key.pem', pem('RSA PRIVATE KEY', deep), offset(2 * MAX_BER_DEPTH)],
		['deep-cert.jks', jksWith(deep), offset(2 * MAX_BER_DEPTH)],
	])('%s', async (name, bytes, message) => {
		const result = await beside(name, null, bytes);
		const input = hostile(result);
		console.log(
			name,
			input.status,
			input.kind,
			JSON.stringify([input.error, input.detail]).slice(0, 300),
		);
		expect(JSON.stringify([input.error, input.detail])).toMatch(message);
	});
});

describe('bounds proportional to the input, not fixed counts', () => {
	it('a CRL of 6,000 revoked certificates is read (asn1js stops at 10,000 elements by default)', async () => {
		const utc = (t: string) => tlv(0x17, new TextEncoder().encode(t));
		const int = (n: number) => tlv(0x02, new Uint8Array([(n >> 8) & 0x7f, n & 0xff]));
		const sha256WithEcdsa = tlv(
			0x30,
			tlv(0x06, new Uint8Array([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02])),
		);
		const cn = new Uint8Array([0x55, 0x04, 0x03]);
		const issuer = tlv(
			0x30,
			tlv(0x31, tlv(0x30, tlv(0x06, cn), tlv(0x0c, new TextEncoder().encode('Big CRL CA')))),
		);
		const entries = Array.from({ length: 6000 }, (_, i) =>
			tlv(0x30, int(1000 + i), utc('260101000000Z')),
		);
		const tbs = tlv(
			0x30,
			int(1),
			sha256WithEcdsa,
			issuer,
			utc('260101000000Z'),
			utc('260131000000Z'),
			tlv(0x30, ...entries),
		);
		const crl = tlv(0x30, tbs, sha256WithEcdsa, tlv(0x03, new Uint8Array(9)));
		const input = hostile(await beside('big.crl.pem', null, pem('X509 CRL', crl)));
		expect(input.status).toBe('parsed');
		const crls = input.detail?.area === 'cert' ? input.detail.data.crls : [];
		expect(crls[0]?.revoked).toHaveLength(6000);
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

describe('delegation to the derivation worker', () => {
	const request = (passwords: Record<string, string> = {}) => ({
		files: [
			{ id: 'bks', name: 'store.bks', bytes: fixture('bks-iterations-500000.bks') },
			{ id: 'cert', name: 'innocent.pem', bytes: CERT },
		],
		passwords,
		entryPasswords: {},
		settings,
	});
	const signal = new AbortController().signal;

	it('keystores are handed over and left out; once adopted, the next run has them', async () => {
		const analysis = new Analyzer();
		const delegated: DelegatedInput[] = [];
		const posted: string[] = [];
		const first = await analysis.run(
			request(),
			() => {},
			signal,
			(i) => posted.push(i.id),
			(input) => delegated.push(input),
		);
		expect(delegated.map((d) => d.file.id)).toEqual(['bks']);
		expect(posted).toEqual(['cert']);
		expect(first.facts.inputs.map((i) => i.id)).toEqual(['cert']);
		// the derivation worker's side: another Analyzer reads it on its own
		const entry = await new Analyzer().readAlone(delegated[0]!, () => {}, signal);
		expect(entry.error?.locked).toEqual({ wrongPassword: false });
		analysis.adopt('bks', structuredClone(entry));
		const again: DelegatedInput[] = [];
		const second = await analysis.run(
			request(),
			() => {},
			signal,
			undefined,
			(input) => again.push(input),
		);
		expect(again).toEqual([]);
		expect(second.facts.inputs.map((i) => [i.id, i.status])).toEqual([
			['bks', 'locked'],
			['cert', 'parsed'],
		]);
		// a typed password is a new read: handed over again, with the password
		await analysis.run(
			request({ bks: 'changeit' }),
			() => {},
			signal,
			undefined,
			(input) => again.push(input),
		);
		expect(again.map((d) => [d.file.id, d.password])).toEqual([['bks', 'changeit']]);
	});
});

describe('what is delegated', () => {
	it('keystores, keys and PEM bundles with an encrypted key; not certificates or plain bundles', async () => {
		const read = (p: string) =>
			new Uint8Array(readFileSync(resolve(import.meta.dirname, '../tests/fixtures', p)));
		const bundle = new Uint8Array([...CERT, ...read('detect/rsa-key-encrypted.pem')]);
		const files = [
			{ id: 'key', name: 'key.pem', bytes: read('detect/rsa-key-encrypted.pem') },
			{ id: 'encrypted-bundle', name: 'bundle.pem', bytes: bundle },
			{ id: 'plain-bundle', name: 'key-and-cert.pem', bytes: read('detect/key-and-cert.pem') },
			{ id: 'cert', name: 'innocent.pem', bytes: CERT },
			{ id: 'jks', name: 'store.jks', bytes: read('detect/store.jks') },
		];
		const delegated: string[] = [];
		await new Analyzer().run(
			{ files, passwords: {}, entryPasswords: {}, settings },
			() => {},
			new AbortController().signal,
			undefined,
			(input) => delegated.push(input.file.id),
		);
		expect(delegated.sort()).toEqual(['encrypted-bundle', 'jks', 'key']);
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
