// A smoke of the page campaign (`npm run fuzz:page`, scripts/fuzz/page.mjs): fixed mutants of
// real files of many kinds, dropped in one batch beside an innocent certificate. Every card ends
// with a result (none pending), none says "Internal error", the certificate is parsed, and the
// page raises no uncaught exception, console error or engine failure.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { addFiles, card, type PageFile } from '../support/page';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const read = (path: string) => readFileSync(resolve(FIXTURES, path));

/** Bytes with `count` bits flipped at spread, fixed offsets. */
function flip(bytes: Buffer, count: number): Buffer {
	const out = Buffer.from(bytes);
	for (let i = 1; i <= count; i++) {
		const at = Math.floor((out.length * i) / (count + 1));
		out[at] = (out[at] ?? 0) ^ (1 << (i % 8));
	}
	return out;
}

function insert(bytes: Buffer, at: number, what: string | Buffer): Buffer {
	const piece = typeof what === 'string' ? Buffer.from(what) : what;
	return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
}

/** After the first '>' (inside the root element of an XML file). */
const afterFirstTag = (bytes: Buffer) => bytes.indexOf('>') + 1;

const MUTANTS: PageFile[] = [
	{ name: 'truncated-half.p12', buffer: read('detect/keytool.p12').subarray(0, 900) },
	{ name: 'flipped.der', buffer: flip(read('detect/cert.der'), 6) },
	{ name: 'flipped.p12', buffer: flip(read('keystores/keytool.p12'), 4) },
	{ name: 'truncated.jks', buffer: read('keystores/keytool.jks').subarray(0, 700) },
	{ name: 'flipped.jceks', buffer: flip(read('detect/store.jceks'), 3) },
	{ name: 'flipped.bks', buffer: flip(read('keystores/bks.bks'), 5) },
	{ name: 'junk-inside.p7b', buffer: insert(read('detect/chain.p7b'), 40, Buffer.alloc(17, 0xa5)) },
	{
		name: 'half-body-crl.pem',
		buffer: Buffer.from(
			read('detect/crl.pem')
				.toString()
				.replace(/\n[A-Za-z0-9+/=]{64}\n/, '\n'),
		),
	},
	{
		name: 'deep-ae.xml',
		buffer: insert(
			read('detect/envelope11.xml'),
			afterFirstTag(read('detect/envelope11.xml')),
			`${'<ä>'.repeat(3000)}${'</ä>'.repeat(3000)}`,
		),
	},
	{
		name: 'open-comments.wsdl',
		buffer: insert(
			read('detect/service.wsdl'),
			afterFirstTag(read('detect/service.wsdl')),
			'<!--'.repeat(20_000),
		),
	},
	{
		name: 'doctype-inside.wsdl',
		buffer: insert(
			read('detect/service.wsdl'),
			afterFirstTag(read('detect/service.wsdl')),
			'<!DOCTYPE a [<!ENTITY e "x">]>',
		),
	},
	{ name: 'braces.conf', buffer: insert(read('detect/nginx.conf'), 10, 'a {'.repeat(20_000)) },
	{
		name: 'quotes.properties',
		buffer: insert(read('detect/application.properties'), 5, '"'.repeat(20_000)),
	},
	{ name: 'flipped-key.der', buffer: flip(read('detect/rsa-key-encrypted.der'), 4) },
	{
		name: 'big-count.xml',
		buffer: Buffer.from(
			read('detect/signed.xml').toString().replace(/\d+/, '99999999999999999999'),
		),
	},
];

test(`${MUTANTS.length} fixed mutants beside an innocent certificate: no pending card, no internal error, no uncaught exception`, async ({
	page,
}) => {
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
	});
	await page.goto('/');
	await addFiles(page, [...MUTANTS, { name: 'innocent.pem', buffer: read('detect/cert.pem') }]);
	await expect(page.locator('[data-testid="input-card"]')).toHaveCount(MUTANTS.length + 1);
	await expect(page.locator('html')).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
	await expect(card(page, 'innocent.pem')).toHaveAttribute('data-status', 'parsed');
	await expect(page.locator('[data-testid="input-card"][data-status="pending"]')).toHaveCount(0);
	await expect(page.locator('[data-testid="crash"]')).toHaveCount(0);
	for (const m of MUTANTS) {
		const c = card(page, m.name);
		await expect(c).not.toContainText(/internal error/i);
		// an error card says what went wrong
		if ((await c.getAttribute('data-status')) === 'error')
			await expect(c.locator('[data-testid="input-error"]')).not.toBeEmpty();
	}
	expect(problems).toEqual([]);
});
