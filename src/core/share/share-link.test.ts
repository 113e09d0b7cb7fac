// Share links: round trip, passphrase protection (PBKDF2-SHA-256 ≥ 600 000), hostile fragments,
// and proof that a link made from real inputs carries no password, private key or secret bytes.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import { emptyFacts } from '../facts';
import type { InputFile } from '../pipeline';
import { buildReport } from '../report/build-report';
import type { Report } from '../report/report';
import { leakedSecrets, MIX_FILES, mixPasswords, readFixture } from '../../../tests/support/mix';
import {
	capStrings,
	decodeShareFragment,
	encodeShareFragment,
	MAX_FIELD_CHARS,
	MAX_FRAGMENT_CHARS,
	PBKDF2_ITERATIONS,
	redactSecrets,
	shareMode,
} from './share-link';
import { fromBase64Url } from '../bytes/encoding';

const NOW = '2026-11-22T12:00:00.000Z';

async function mixReport(): Promise<Report> {
	const passwords = mixPasswords();
	const files: InputFile[] = [...MIX_FILES, 'client-key.pem'].map((name, i) => ({
		id: `f${i}`,
		...readFixture(name),
	}));
	const result = await new Analyzer().run(
		{
			files,
			passwords: Object.fromEntries(
				files.filter((f) => passwords[f.name]).map((f) => [f.id, passwords[f.name]!]),
			),
			entryPasswords: {},
			settings: { now: NOW, trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => undefined,
		new AbortController().signal,
	);
	return result.report;
}

function emptyReport(): Report {
	return buildReport(emptyFacts(NOW), [], NOW);
}

describe('share link round trip', () => {
	it('a plain link decodes to the same report and connector', async () => {
		const report = await mixReport();
		const fragment = await encodeShareFragment({ report, connector: null });
		expect(shareMode(fragment)).toBe('plain');
		expect(fragment).toMatch(/^wssec1\.z\.[A-Za-z0-9_-]+$/);
		expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS);
		const decoded = await decodeShareFragment(`#${fragment}`);
		expect(decoded.report).toEqual(report);
		expect(decoded.connector).toBeNull();
	});

	it("an input's notes travel and come back as they were", async () => {
		const report = emptyReport();
		report.inputs.push({
			name: 'nginx.conf',
			size: 1,
			sha256: 'ab',
			kind: 'tls-config',
			status: 'parsed',
			notes: [
				{ level: 'error', line: 6, message: 'nginx refuses to start' },
				{ level: 'warning', line: null, message: 'include not dropped' },
			],
		});
		const decoded = await decodeShareFragment(
			await encodeShareFragment({ report, connector: null }),
		);
		expect(decoded.report).toEqual(report);
	});

	it('the plain body is raw deflate of the JSON (readable by zlib, not only by us)', async () => {
		const report = emptyReport();
		const fragment = await encodeShareFragment({ report, connector: null });
		const { inflateRawSync } = await import('node:zlib');
		const json = inflateRawSync(fromBase64Url(fragment.slice('wssec1.z.'.length))).toString();
		expect(JSON.parse(json)).toEqual({ report, connector: null });
	});

	it('a passphrase link needs the passphrase, rejects a wrong one, and opens with the right one', async () => {
		const report = emptyReport();
		const fragment = await encodeShareFragment({ report, connector: null }, 'correct horse');
		expect(shareMode(fragment)).toBe('encrypted');
		await expect(decodeShareFragment(fragment)).rejects.toMatchObject({
			code: 'share/needs-passphrase',
		});
		await expect(decodeShareFragment(fragment, 'wrong horse')).rejects.toMatchObject({
			code: 'share/wrong-passphrase',
		});
		expect((await decodeShareFragment(fragment, 'correct horse')).report).toEqual(report);
	});

	it('encryption is AES-256-GCM under PBKDF2-SHA-256 with 600 000 iterations (checked independently)', async () => {
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		const report = emptyReport();
		const fragment = await encodeShareFragment({ report, connector: null }, 'pass phrase');
		const bytes = fromBase64Url(fragment.slice('wssec1.e.'.length));
		const salt = bytes.subarray(0, 16);
		const iv = bytes.subarray(16, 28);
		const { pbkdf2Sync, createDecipheriv } = await import('node:crypto');
		const key = pbkdf2Sync('pass phrase', salt, 600_000, 32, 'sha256');
		const sealed = bytes.subarray(28);
		const decipher = createDecipheriv('aes-256-gcm', key, iv);
		decipher.setAuthTag(sealed.subarray(sealed.length - 16));
		const compressed = Buffer.concat([
			decipher.update(sealed.subarray(0, sealed.length - 16)),
			decipher.final(),
		]);
		const { inflateRawSync } = await import('node:zlib');
		expect(JSON.parse(inflateRawSync(compressed).toString()).report).toEqual(report);
	});
});

describe('a link never carries secrets from the inputs', () => {
	it('no password, PEM body or private key bytes in the decoded JSON or the raw URL', async () => {
		const report = await mixReport();
		// The inputs did hold the secrets: the needles are found in the files themselves.
		const keyFile = new TextDecoder().decode(readFixture('client-key.pem').bytes);
		expect(leakedSecrets(keyFile).length).toBeGreaterThan(10);
		const fragment = await encodeShareFragment({ report, connector: null });
		const url = `http://127.0.0.1/#${fragment}`;
		const decoded = JSON.stringify(await decodeShareFragment(fragment));
		expect(leakedSecrets(decoded)).toEqual([]);
		expect(leakedSecrets(url)).toEqual([]);
		expect(leakedSecrets(JSON.stringify(report))).toEqual([]);
	});

	it('redactSecrets removes a typed password quoted in any free-text field', () => {
		const report = emptyReport();
		report.findings.push({
			ruleId: 'KEYSTORE-DEFAULT-PASSWORD',
			severity: 'high',
			title: 'opened with Hunter2-Secret',
			inputName: 'a.p12',
			subject: 'store',
			evidence: 'password "Hunter2-Secret" opened it',
			remediation: 'change it',
			references: [],
		});
		report.inputs.push({
			name: 'b.p12',
			size: 1,
			sha256: 'ab',
			kind: 'pkcs12',
			status: 'error',
			error: 'Hunter2-Secret is wrong',
		});
		report.inputs.push({
			name: 'server.xml',
			size: 1,
			sha256: 'cd',
			kind: 'tls-config',
			status: 'parsed',
			notes: [{ level: 'warning', line: 3, message: 'unknown attribute "Hunter2-Secret"' }],
		});
		const text = JSON.stringify(redactSecrets(report, ['Hunter2-Secret']));
		expect(text).not.toContain('Hunter2-Secret');
		expect(text).toContain('[redacted]');
	});
});

describe('hostile fragments give a clear error, never a report', () => {
	const plain = (json: string) => `wssec1.z.${deflateRawSync(json).toString('base64url')}`;
	it.each([
		['empty', '', 'share/not-a-link'],
		['another format', 'something-else', 'share/not-a-link'],
		['bad characters', 'wssec1.z.<script>alert(1)</script>', 'share/corrupt'],
		['random base64url', 'wssec1.z.QUJDREVGR0hJSktMTU5PUA', 'share/corrupt'],
		['not JSON', plain('<img src=x onerror=alert(1)>'), 'share/corrupt'],
		[
			'JSON of another shape',
			plain('{"report":{"format":"x"},"connector":null}'),
			'share/bad-format',
		],
		['an array', plain('[1,2,3]'), 'share/bad-format'],
		['too long', `wssec1.z.${'A'.repeat(MAX_FRAGMENT_CHARS)}`, 'share/too-long'],
		['a truncated protected link', 'wssec1.e.AAAA', 'share/needs-passphrase'],
	])('%s', async (_label, fragment, code) => {
		await expect(decodeShareFragment(fragment)).rejects.toMatchObject({ code });
	});

	it('a truncated real link is rejected', async () => {
		const fragment = await encodeShareFragment({ report: emptyReport(), connector: null });
		const cut = fragment.slice(0, Math.floor(fragment.length * 0.6));
		await expect(decodeShareFragment(cut)).rejects.toMatchObject({ code: 'share/corrupt' });
	});

	it('a wrong field type anywhere is rejected (finding evidence as an object)', async () => {
		const report = emptyReport() as unknown as Record<string, unknown>;
		report['findings'] = [
			{
				ruleId: 'X',
				severity: 'high',
				title: 't',
				inputName: null,
				subject: 's',
				evidence: { toString: 'x' },
				remediation: 'r',
				references: [],
			},
		];
		await expect(
			decodeShareFragment(plain(JSON.stringify({ report, connector: null }))),
		).rejects.toMatchObject({ code: 'share/bad-format' });
	});

	it('a decompression bomb is stopped', async () => {
		const bomb = `wssec1.z.${deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x20)).toString('base64url')}`;
		expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
		await expect(decodeShareFragment(bomb)).rejects.toMatchObject({ code: 'share/too-long' });
	});

	it('markup inside a well-formed report is data, kept verbatim for text rendering', async () => {
		const report = emptyReport();
		report.grade.capReasons.push('<img src=x onerror=alert(1)>');
		const decoded = await decodeShareFragment(
			await encodeShareFragment({ report, connector: null }),
		);
		expect(decoded.report.grade.capReasons).toEqual(['<img src=x onerror=alert(1)>']);
	});

	it('a 1,000,000-character file name in a small link is cut to MAX_FIELD_CHARS when decoded', async () => {
		const report = emptyReport();
		report.inputs.push({
			name: 'a'.repeat(1_000_000),
			size: 1,
			sha256: 'ab',
			kind: 'unknown',
			status: 'error',
			error: 'x',
		});
		const json = JSON.stringify({ report, connector: null });
		const link = `wssec1.z.${deflateRawSync(Buffer.from(json)).toString('base64url')}`;
		expect(link.length).toBeLessThan(8 * 1024);
		const decoded = await decodeShareFragment(link);
		const name = decoded.report.inputs[0]!.name;
		expect(name.startsWith('a'.repeat(MAX_FIELD_CHARS) + '…')).toBe(true);
		expect(name).toContain('998,000 more characters cut');
		expect(name.length).toBeLessThan(MAX_FIELD_CHARS + 60);
	});

	it('unknown fields nested 100,000 deep are walked without recursion', () => {
		let deep: unknown = 'x'.repeat(5000);
		for (let i = 0; i < 100_000; i++) deep = [deep];
		const capped = capStrings({ deep }, 10);
		let inner: unknown = capped.deep;
		while (Array.isArray(inner)) inner = inner[0];
		expect(inner).toBe('xxxxxxxxxx… (4,990 more characters cut)');
	});
});
