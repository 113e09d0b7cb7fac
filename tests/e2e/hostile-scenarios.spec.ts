// Every hostile scenario of the isolation issue, in the page: dropped beside an innocent
// certificate (the password typed where the scenario needs one), each ends on its own card with
// its specific message within 10 s of the drop or the password, the certificate analyzed. The
// regression fixtures are in tests/fixtures/hostile (their README says how they were made); the
// larger scenarios are written here.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { addFiles, card, exportReport, waitIdle, type PageFile } from '../support/page';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const hostile = (name: string): PageFile => ({
	name,
	buffer: readFileSync(resolve(FIXTURES, 'hostile', name)),
});
const certificate: PageFile = {
	name: 'innocent.pem',
	buffer: readFileSync(resolve(FIXTURES, 'detect/cert.pem')),
};
/** The acceptance bound of the issue, on the 2-core machine. */
const WITHIN_MS = 10_000;

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

/** 1 MB of unterminated `<!--` inside an envelope (the quadratic safety regexes ran past 45 s). */
const megabyteOfComments: PageFile = {
	name: 'unterminated-comment-1mb.xml',
	buffer: Buffer.from(`<soap:Envelope xmlns:soap="${SOAP}"><soap:Body>${'<!--'.repeat(262_144)}`),
};

/** 2,001 EncryptedData in 2 MB (took 58 s). */
const manyEncryptedData: PageFile = {
	name: 'encrypted-data-2001.xml',
	buffer: Buffer.from(
		`<soap:Envelope xmlns:soap="${SOAP}"><soap:Body>${`<xenc:EncryptedData xmlns:xenc="${XENC}" Type="${XENC}Element"><xenc:EncryptionMethod Algorithm="${XENC}aes128-cbc"/><xenc:CipherData><xenc:CipherValue>${'A'.repeat(940)}=</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`.repeat(2001)}</soap:Body></soap:Envelope>`,
	),
};

/** 255 references to the whole document, which is 4 MB (took 50 s). */
const wholeDocumentReferences: PageFile = {
	name: 'references-255-4mb.xml',
	buffer: Buffer.from(
		`<soap:Envelope xmlns:soap="${SOAP}"><soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><ds:Signature xmlns:ds="${DS}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>${`<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${DS}enveloped-signature"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</ds:DigestValue></ds:Reference>`.repeat(255)}</ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></wsse:Security></soap:Header><soap:Body>${`<p>${'x'.repeat(1000)}</p>`.repeat(4000)}</soap:Body></soap:Envelope>`,
	),
};

/** 100,000 nested SEQUENCEs with indefinite lengths in a PEM certificate (400 KB of DER). */
function deepCertificate(): PageFile {
	const levels = 100_000;
	const der = Buffer.alloc(4 * levels + 2);
	for (let i = 0; i < levels; i++) der.set([0x30, 0x80], 2 * i);
	der.set([0x05, 0x00], 2 * levels);
	const body = der.toString('base64').replace(/.{64}/g, '$&\n');
	return {
		name: 'deep-certificate.pem',
		buffer: Buffer.from(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`),
	};
}

interface Scenario {
	what: string;
	files: PageFile[];
	/** The card the scenario ends on. */
	name: string;
	password?: string;
	status: 'parsed' | 'locked' | 'error';
	/** The specific message, on the card (or, for a cross-file stage's verdict, on the page). */
	message: RegExp;
	onPage?: boolean;
}

const SCENARIOS: Scenario[] = [
	{
		what: 'non-ASCII element names nested 2,000 deep',
		files: [hostile('deep-ae-envelope.xml')],
		name: 'deep-ae-envelope.xml',
		status: 'error',
		message: /XML nesting deeper than 256 levels at line 1, column 844/,
	},
	{
		what: 'XML Encryption 1.1 PBKDF2 with 2^31-1 iterations',
		files: [{ name: 'master', buffer: Buffer.alloc(32, 7) }, hostile('xmlenc11-pbkdf2-max.xml')],
		name: 'xmlenc11-pbkdf2-max.xml',
		status: 'parsed',
		message: /PBKDF2-SHA-256 asks for 2,147,483,647 iterations/,
		onPage: true,
	},
	{
		what: 'BKS with 9,999,999 iterations',
		files: [hostile('bks-iterations-9999999.bks')],
		name: 'bks-iterations-9999999.bks',
		status: 'locked',
		message: /9,999,999 iterations: too many to try the default passwords/,
	},
	{
		what: 'PKCS#12 MAC with 2^31-1 iterations, its password typed',
		files: [hostile('pkcs12-mac-iterations-max.p12')],
		name: 'pkcs12-mac-iterations-max.p12',
		password: 'storepass',
		status: 'error',
		message: /asks for 2,147,483,647 iterations .* the limit for one key derivation is 10,000,000/,
	},
	{
		// refused before any password is tried: the count alone is past the limit
		what: 'PKCS#8 PBKDF2 with 2^31-1 iterations',
		files: [hostile('pkcs8-pbkdf2-iterations-max.der')],
		name: 'pkcs8-pbkdf2-iterations-max.der',
		status: 'error',
		message: /PBKDF2-SHA-256 asks for 2,147,483,647 iterations × 1 block/,
	},
	{
		what: 'JCEKS key sealed with 2^31-1 iterations, the store password typed',
		files: [hostile('jceks-key-iterations-max.jceks')],
		name: 'jceks-key-iterations-max.jceks',
		password: 'storepass',
		status: 'parsed',
		message: /JCEKS key uses 2,147,483,647 iterations, beyond the limit of 10,000,000/,
	},
	{
		what: '128 KB of unterminated comments',
		files: [hostile('unterminated-comment.xml')],
		name: 'unterminated-comment.xml',
		status: 'error',
		message: /XML comment opened at line 1, column 71 is never closed/,
	},
	{
		what: '1 MB of unterminated comments',
		files: [megabyteOfComments],
		name: megabyteOfComments.name,
		status: 'error',
		message: /XML comment opened at line 1, column \d+ is never closed/,
	},
	{
		what: '20 KB of blank lines in a .properties file',
		files: [hostile('blank-lines.properties')],
		name: 'blank-lines.properties',
		status: 'parsed',
		message: /TLSv1/,
	},
	{
		what: 'nginx braces nested 5,000 deep',
		files: [hostile('nginx-deep.conf')],
		name: 'nginx-deep.conf',
		status: 'error',
		message: /nested deeper than 64 levels \(line 4\)/,
	},
	{
		what: '2,001 EncryptedData in 2 MB',
		files: [manyEncryptedData],
		name: manyEncryptedData.name,
		status: 'parsed',
		message: /decrypts at most 256 per document/,
		onPage: true,
	},
	{
		what: '255 whole-document references over 4 MB',
		files: [wholeDocumentReferences],
		name: wholeDocumentReferences.name,
		status: 'parsed',
		message: /invalid signature/,
	},
	{
		what: 'a DOCTYPE after a processing instruction',
		files: [hostile('doctype-after-pi.xml')],
		name: 'doctype-after-pi.xml',
		status: 'error',
		message: /DOCTYPE or ENTITY declaration \(line 1, column 33\)/,
	},
	{
		what: 'a PKCS#7 whose certificate is damaged (was "Internal error")',
		files: [hostile('fuzz-000-insert-rsa-ca-and-crl.p7b')],
		name: 'fuzz-000-insert-rsa-ca-and-crl.p7b',
		status: 'error',
		message: /not a DER X\.509 certificate/,
	},
	{
		what: 'DER nested 100,000 deep',
		files: [deepCertificate()],
		name: 'deep-certificate.pem',
		status: 'error',
		message: /nested deeper than 64 levels \(element at byte offset 128\)/,
	},
];

/** Milliseconds from now until the card has its final status and the page is idle. */
async function settle(page: Page, name: string, status: string): Promise<number> {
	const started = Date.now();
	await expect(card(page, name)).toHaveAttribute('data-status', status, { timeout: 60_000 });
	await expect(page.locator('html')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
	return Date.now() - started;
}

for (const s of SCENARIOS) {
	test(`${s.what}: its own card, a specific message, within 10 s`, async ({ page }) => {
		const problems: string[] = [];
		page.on('pageerror', (e) => problems.push(e.message));
		await page.goto('/');
		await waitIdle(page);
		await addFiles(page, [...s.files, certificate]);
		let ms = await settle(page, s.name, s.password ? 'locked' : s.status);
		if (s.password) {
			const field = card(page, s.name).locator('input[type=password]').first();
			await field.fill(s.password);
			await field.press('Enter');
			// (pending for a moment only: the refusal comes before any work)
			ms = await settle(page, s.name, s.status);
		}
		console.log(`${s.what}: ${s.status} in ${ms} ms`);
		const where = s.onPage ? page.locator('main') : card(page, s.name);
		await expect(where.getByText(s.message).first()).toBeVisible();
		await expect(card(page, s.name)).not.toContainText(/internal error/i);
		await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
		expect(problems).toEqual([]);
		expect(ms).toBeLessThan(WITHIN_MS);
	});
}

test('a shared report with a 1,000,000-character file name and an https reference: bounded, text only, within 10 s', async ({
	page,
}) => {
	await page.goto('/');
	await addFiles(page, [certificate]);
	await waitIdle(page);
	const { json } = await exportReport(page);
	const report = structuredClone(json) as {
		inputs: { name: string }[];
		findings: { references: string[] }[];
	};
	report.inputs[0]!.name = 'A'.repeat(1_000_000);
	for (const f of report.findings) f.references = ['https://attacker.example/phish'];
	const fragment = `wssec1.z.${deflateRawSync(Buffer.from(JSON.stringify({ report, connector: null }))).toString('base64url')}`;
	expect(fragment.length).toBeLessThan(8_000);
	const started = Date.now();
	await page.goto(`/#${fragment}`);
	await waitIdle(page);
	await expect(page.locator('[data-testid="shared-banner"]')).toBeVisible();
	const ms = Date.now() - started;
	console.log(`shared report with a 1,000,000-character name: shown in ${ms} ms`);
	// the longest text of any element (the name is capped when the link is decoded)
	const longest = await page
		.locator('main *')
		.evaluateAll((els) => Math.max(0, ...els.map((e) => (e.textContent ?? '').length)));
	expect(longest).toBeLessThan(100_000);
	await expect(page.locator('a[href*="attacker.example"]')).toHaveCount(0);
	expect(ms).toBeLessThan(WITHIN_MS);
});
