// The one DN printer against the producers' own output: openssl 3 `-nameopt RFC2253,-esc_msb`
// and keytool (JDK 17) on certificates with e-mail, multi-valued RDNs, escapes, UTF8String and
// BMPString values (tests/fixtures/pki/names, scripts/fixtures/pki/make-names.py). Every area that
// prints a certificate's name (x509 facts, keystores, signatures, decryption) must agree.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../bytes/digest';
import { toHex } from '../bytes/encoding';
import { dnMatches, dnText } from '../xmldsig/keys';
import { certificateFacts, readRawCertificate } from './certificate-facts';
import { certificateKey } from './certificate-key';
import { nameText, nameTextFromDer } from './names';
import { pemToDer } from './pem';
import { computedSubjectKeyId, sha1Thumbprint, sha256Thumbprint } from './thumbprint';

const DIR = resolve(import.meta.dirname, '../../../tests/fixtures/pki/names');
const expected = JSON.parse(readFileSync(resolve(DIR, 'expected.json'), 'utf8')) as Record<
	string,
	{ openssl: string; keytool: string }
>;
const der = (file: string): Uint8Array => pemToDer(readFileSync(resolve(DIR, file), 'utf8'));

/** openssl's RFC 2253 keywords where keytool's (ours) differ; values and escapes are the same. */
const fromOpenssl = (dn: string): string =>
	dn.replace(
		/(^|[,+])(emailAddress|serialNumber)=/g,
		(_, sep: string, k: string) => sep + k.toUpperCase() + '=',
	);

describe('DN printer', () => {
	it('has the four producer certificates', () => {
		expect(Object.keys(expected)).toHaveLength(4);
	});

	for (const [file, want] of Object.entries(expected)) {
		it(`${file}: prints what openssl -nameopt RFC2253 prints (keytool keywords)`, () => {
			const raw = readRawCertificate(der(file));
			expect(nameText(raw.subject, ',')).toBe(fromOpenssl(want.openssl));
			expect(nameText(raw.issuer, ',')).toBe(fromOpenssl(want.openssl));
		});

		it(`${file}: x509 facts, keystores, signatures and decryption print the same name`, async () => {
			const d = der(file);
			const facts = await certificateFacts(d, file, 'test');
			const printed = nameText(readRawCertificate(d).subject);
			expect(facts.subject).toBe(printed);
			expect(facts.issuer).toBe(printed);
			// the certificate-key model signatures and decryption match KeyInfo hints against
			const model = certificateKey(d);
			expect(model.sha256).toBe(await sha256Hex(d));
			expect(model.subjectName).toBe(printed);
			expect(model.issuerName).toBe(printed);
			expect(dnText(model.subjectRdns)).toBe(printed);
			expect(nameTextFromDer(model.subjectDer)).toBe(printed);
			// what the printer writes, X509IssuerName / X509SubjectName matching reads back
			expect(dnMatches(printed, model.subjectRdns)).toBe(true);
		});
	}

	it('prints keytool’s Owner line exactly when no value needs quoting', () => {
		const want = expected['bmp-and-email.pem']?.keytool;
		expect(want).toBe('CN=Grüße, EMAILADDRESS=pki@example.jp, O=東京 Ünïcode, C=JP');
		expect(nameText(readRawCertificate(der('bmp-and-email.pem')).subject)).toBe(want);
	});

	it('names the common name of a BMPString/UTF8String subject for decryption hints', () => {
		const d = der('bmp-and-email.pem');
		expect(certificateKey(d).subjectCn).toBe('Grüße');
	});
});

describe('DN keywords read back', () => {
	it('keywords only the printer writes (SURNAME, ORGANIZATIONIDENTIFIER) match a certificate name', () => {
		const rdns = [
			{ oid: '2.5.4.97', value: 'VATDE-123' },
			{ oid: '2.5.4.4', value: 'Doe' },
		];
		expect(dnText(rdns)).toBe('SURNAME=Doe, ORGANIZATIONIDENTIFIER=VATDE-123');
		expect(dnMatches(dnText(rdns), rdns)).toBe(true);
	});
});

describe('thumbprints and SKI', () => {
	it('agrees with the x509 facts (keytool SHA-256 fingerprint) and computes the method-1 SKI', async () => {
		const d = der('openssl-req.pem');
		const facts = await certificateFacts(d, 'openssl-req.pem', 'test');
		expect(toHex(sha256Thumbprint(d))).toBe(facts.sha256);
		expect(toHex(sha1Thumbprint(d))).toBe(facts.sha1);
		// openssl req writes subjectKeyIdentifier by method 1 (hash of the key bits)
		const info = certificateKey(d);
		expect(info.skiExtension && toHex(info.skiExtension)).toBe(toHex(info.skiMethod1));
		expect(facts.subjectKeyId?.replace(/:/g, '').toLowerCase()).toBe(toHex(info.skiMethod1));
		expect(toHex(computedSubjectKeyId(new Uint8Array(0)))).not.toBe(toHex(info.skiMethod1));
	});
});

describe('report: one name per certificate across inputs', () => {
	it('the PEM files and the same certificates in a keytool PKCS#12 truststore print the same subject and issuer', async () => {
		const { Analyzer } = await import('../../analyze');
		const names = [...Object.keys(expected), 'names-truststore.p12'];
		const files = names.map((name, i) => ({
			id: `in${i + 1}`,
			name,
			bytes: new Uint8Array(readFileSync(resolve(DIR, name))),
		}));
		const { report } = await new Analyzer().run(
			{
				files,
				passwords: { [`in${names.length}`]: 'changeit' },
				entryPasswords: {},
				settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [], connector: null },
			},
			() => undefined,
			new AbortController().signal,
		);
		const fromStore = report.certificates.filter((c) => c.inputName === 'names-truststore.p12');
		expect(fromStore).toHaveLength(4);
		for (const [file, want] of Object.entries(expected)) {
			const pem = report.certificates.find((c) => c.inputName === file);
			const twin = fromStore.find((c) => c.sha256 === pem?.sha256);
			expect(pem?.subject).toBe(nameText(readRawCertificate(der(file)).subject));
			expect(pem?.subject.replace(/, /g, ',')).toBe(fromOpenssl(want.openssl).replace(/, /g, ','));
			expect(twin?.subject).toBe(pem?.subject);
			expect(twin?.issuer).toBe(pem?.issuer);
		}
	});
});
