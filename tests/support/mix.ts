// The mixed fixture drop (tests/fixtures/mix, made by scripts/fixtures/mix/make.sh) and its
// secrets, for unit and end-to-end tests that must prove no secret reaches a report or a link.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const MIX_DIR = resolve(import.meta.dirname, '../fixtures/mix');
export const DETECT_DIR = resolve(import.meta.dirname, '../fixtures/detect');

export const MIX_FILES = [
	'server-cert.pem',
	'client.p12',
	'partner.jks',
	'orders.wsdl',
	'envelope.xml',
	'nginx.conf',
	'random.bin',
] as const;

export const MARKUP_NAME = '<img src=x onerror=alert(1)>.pem';

export interface FixtureFile {
	name: string;
	bytes: Uint8Array;
}

export function readFixture(name: string, dir = MIX_DIR): FixtureFile {
	return { name, bytes: new Uint8Array(readFileSync(resolve(dir, name))) };
}

/** The passwords that open the mix's keystores (not on the default-password list). */
export function mixPasswords(): Record<string, string> {
	const read = (f: string) => readFileSync(resolve(MIX_DIR, f), 'utf8').trim();
	return {
		'client.p12': read('client.p12.password'),
		'partner.jks': read('partner.jks.password'),
		'two-passwords.jks': read('two-passwords.jks.password'),
	};
}

/** The key password of entry "signer" in two-passwords.jks (the store password differs). */
export function entryPassword(): string {
	return readFileSync(resolve(MIX_DIR, 'two-passwords.jks.signer.password'), 'utf8').trim();
}

/**
 * Every form in which secret material from the mix could show up in text: the passwords, the
 * private key's PEM body lines, and windows of its DER in hex, base64 and base64url.
 */
export function mixSecretNeedles(): string[] {
	const pem = readFileSync(resolve(MIX_DIR, 'client-key.pem'), 'utf8');
	const body = pem.split(/\r?\n/).filter((l) => l && !l.startsWith('-----'));
	const der = Buffer.from(body.join(''), 'base64');
	const needles = [
		...Object.values(mixPasswords()),
		entryPassword(),
		...body.map((l) => l.slice(0, 40)),
	];
	// 24-byte windows across the whole key (the private exponent and primes sit in the middle).
	for (let at = 0; at + 24 <= der.length; at += 48) {
		const window = der.subarray(at, at + 24);
		needles.push(window.toString('hex'), window.toString('base64'), window.toString('base64url'));
	}
	return needles;
}

/** The needles (see mixSecretNeedles) found in `text`; empty when nothing leaked. */
export function leakedSecrets(text: string, needles = mixSecretNeedles()): string[] {
	const lower = text.toLowerCase();
	return needles.filter((n) => text.includes(n) || lower.includes(n.toLowerCase()));
}
