// Signature wrapping judged by position over SAML from real signers (xmlsec1, the JDK 17 XML-DSig
// API, python-xmlsec; see tests/fixtures/saml/README.md): each variant moves, copies or nests
// elements of a genuinely signed message. The signed originals raise no XSW finding; every variant
// does.
import { existsSync, readFileSync } from 'node:fs';
import { Analyzer } from '../../analyze';
import type { InputFile } from '../../core/pipeline';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSignatureStage, type FixtureReader } from '../../core/soap/testing';
import { runRule } from '../testing';
import { rules as message } from './index';
import { xswSignedElementRelocated } from './xsw-signed-element-relocated';

/** The XML Signature Wrapping rules of the message area. */
const XSW = message.filter((r) => r.meta.id.startsWith('XSW-'));

const SAML = resolve(import.meta.dirname, '../../../tests/fixtures/saml');
const WSS = resolve(import.meta.dirname, '../../../tests/fixtures/wss');
const read: FixtureReader = (name) =>
	new Uint8Array(readFileSync(name === 'rsa.cer' ? resolve(WSS, name) : resolve(SAML, name)));

async function run(file: string) {
	const { facts } = await runSignatureStage(read, [file], { certs: ['rsa.cer'] });
	const ids = XSW.filter((r) => runRule(r, facts).length > 0).map((r) => r.meta.id);
	return { facts, ids, relocated: runRule(xswSignedElementRelocated, facts) };
}

describe('signed SAML as produced: no wrapping finding', () => {
	it.each([
		'saml2-response-signed-assertion.xml',
		'saml2-response-signed.xml',
		'saml2-assertion-signed.xml',
		'saml11-assertion-signed.xml',
		'soap-saml2-token.xml',
		'soap-saml11-token.xml',
		'saml2-logout-response-signed.xml',
		// the artifact binding: an unsigned ArtifactResponse carrying the signed Response
		'saml2-artifact-response-carrying-signed.xml',
		// WS-Trust: the STS-issued assertion in the Body of its answer
		'soap-wstrust-rstr-issued-assertion.xml',
	])('%s', async (file) => {
		const { facts, ids } = await run(file);
		expect(facts.signatures.map((s) => s.valid)).toEqual([true]);
		expect(ids).toEqual([]);
		const refs = facts.signatures[0]?.references ?? [];
		expect(refs.every((r) => r.atExpectedPosition === true)).toBe(true);
	});
});

describe('wrapping variants of those messages: XSW-SIGNED-ELEMENT-RELOCATED', () => {
	it.each([
		['saml2-xsw-response-in-statusdetail.xml', true, 'relocated', /samlp:StatusDetail/],
		['saml2-xsw-assertion-concealed.xml', true, 'relocated', /samlp:Extensions/],
		['saml2-xsw-assertion-doubled.xml', true, 'duplicated', /2 assertions .*_evil-assert/],
		['saml2-xsw-assertion-nested.xml', true, 'nested', /nested inside another assertion/],
		// the enveloped transform now removes the whole assertion: invalid and a wrapping
		['saml2-xsw-assertion-in-signature-object.xml', false, 'relocated', /ds:Object/],
		['soap-saml2-xsw-relocated.xml', true, 'relocated', /wrap:Wrapper/],
		['soap-saml11-xsw-doubled.xml', true, 'duplicated', /_evil-a11/],
		[
			'saml2-xsw-signature-in-status.xml',
			true,
			'relocated',
			/its ds:Signature sits under samlp:Status, not in the samlp:Response/,
		],
		[
			'saml2-xsw-logoutresponse-in-statusdetail.xml',
			true,
			'relocated',
			/samlp:StatusDetail\/samlp:LogoutResponse/,
		],
	])('%s', async (file, valid, variant, detail) => {
		const { facts, relocated } = await run(file);
		expect(facts.signatures.map((s) => s.valid)).toEqual([valid]);
		expect(relocated).toHaveLength(1);
		expect(relocated[0]).toMatchObject({ severity: 'critical', effect: 'F' });
		const ref = facts.signatures[0]?.references[0];
		expect(ref?.wrapping?.variant).toBe(variant);
		expect(relocated[0]?.evidence).toMatch(detail);
	});
});

describe('SAML assertions as first-class facts', () => {
	const samlOf = async (file: string) => {
		const { facts } = await run(file);
		const detail = facts.inputs.find((i) => i.name === file)?.detail;
		return detail?.area === 'message' ? (detail.data.saml ?? []) : [];
	};
	it.each([
		[
			'saml2-response-signed-assertion.xml',
			'2.0',
			'https://idp.example.org/metadata',
			'alice@example.com',
			'https://sp.example.com/metadata',
		],
		[
			'saml2-response-signed.xml',
			'2.0',
			'https://idp.example.org/metadata',
			'alice@example.com',
			'https://sp.example.com/metadata',
		],
		[
			'saml11-assertion-signed.xml',
			'1.1',
			'https://sts.example.org',
			'alice',
			'urn:example:orders',
		],
		['soap-saml11-token.xml', '1.1', 'https://sts.example.org', 'alice', 'urn:example:orders'],
		[
			'soap-saml2-token.xml',
			'2.0',
			'https://idp.example.org/metadata',
			'alice@example.com',
			'https://sp.example.com/metadata',
		],
	])('%s: issuer, subject, audience, signer', async (file, version, issuer, subject, audience) => {
		const [a, ...rest] = await samlOf(file);
		expect(rest).toHaveLength(0);
		expect(a).toMatchObject({ version, issuer, subject, audiences: [audience], effective: true });
		expect(a?.notOnOrAfter).toBe('2026-12-01T10:05:00Z');
		// the signer is the certificate of the rsa key (signed by itself or through the Response)
		expect(a?.signedBy).toMatch(/orders-client/);
	});
	it('the doubled variant: the consumer-read attacker assertion is not signed', async () => {
		const list = await samlOf('saml2-xsw-assertion-doubled.xml');
		expect(list.map((a) => [a.subject, a.effective, a.signedBy !== null])).toEqual([
			['admin@evil.example', true, false],
			['alice@example.com', true, true],
		]);
	});
});

// The same originals and variants from the other producers (files prefixed jdk-, pyxmlsec- and
// opensaml-); python-xmlsec signed the Response-level, SAML 1.1 and SAML 1.1-in-SOAP set only.
describe.each(['jdk-', 'pyxmlsec-', 'opensaml-'])('producer %s', (prefix) => {
	const present = (f: string): boolean => existsSync(resolve(SAML, prefix + f));
	const originals = [
		'saml2-response-signed-assertion.xml',
		'saml2-response-signed.xml',
		'saml2-assertion-signed.xml',
		'saml11-assertion-signed.xml',
		'soap-saml2-token.xml',
		'soap-saml11-token.xml',
		'saml2-artifact-response-carrying-signed.xml',
		'soap-wstrust-rstr-issued-assertion.xml',
	].filter(present);
	it('holds its signed originals', () => {
		expect(originals.length).toBeGreaterThanOrEqual(prefix === 'pyxmlsec-' ? 4 : 6);
	});
	it.each(originals)('%s verifies, no wrapping finding', async (f) => {
		const { facts, ids } = await run(prefix + f);
		expect(facts.signatures.map((s) => s.valid)).toEqual([true]);
		expect(ids).toEqual([]);
	});
	const variants = (
		[
			['saml2-xsw-response-in-statusdetail.xml', true, 'relocated'],
			['saml2-xsw-assertion-concealed.xml', true, 'relocated'],
			['saml2-xsw-assertion-doubled.xml', true, 'duplicated'],
			['saml2-xsw-assertion-nested.xml', true, 'nested'],
			['saml2-xsw-assertion-in-signature-object.xml', false, 'relocated'],
			['soap-saml2-xsw-relocated.xml', true, 'relocated'],
			['soap-saml11-xsw-doubled.xml', true, 'duplicated'],
			['saml2-xsw-signature-in-status.xml', true, 'relocated'],
		] as const
	).filter(([f]) => present(f));
	it('holds its variants', () => {
		expect(variants.length).toBeGreaterThanOrEqual(prefix === 'pyxmlsec-' ? 7 : 8);
	});
	it.each(variants)('%s is flagged', async (f, valid, variant) => {
		const { facts, relocated } = await run(prefix + f);
		expect(facts.signatures.map((s) => s.valid)).toEqual([valid]);
		expect(relocated).toHaveLength(1);
		expect(facts.signatures[0]?.references[0]?.wrapping?.variant).toBe(variant);
	});
});

describe('a WS-Security message signature over the Body and a SAML token (JDK XML-DSig API)', () => {
	it('as signed: valid, both references at their positions, the token first-class', async () => {
		const { facts, ids } = await run('jdk-soap-saml2-message-signed.xml');
		expect(facts.signatures.map((s) => s.valid)).toEqual([true]);
		expect(ids).toEqual([]);
		const refs = facts.signatures[0]?.references ?? [];
		expect(refs.map((r) => [r.target, r.atExpectedPosition])).toEqual([
			['soap:Body', true],
			['saml:Assertion', true],
		]);
		const detail = facts.inputs.find((i) => i.name === 'jdk-soap-saml2-message-signed.xml')?.detail;
		const saml = detail?.area === 'message' ? (detail.data.saml ?? []) : [];
		expect(saml).toMatchObject([
			{ version: '2.0', subject: 'alice@example.com', effective: true, signed: false },
		]);
		// signed by the message signature, not by a signature of its own
		expect(saml[0]?.signedBy).toMatch(/orders-client/);
	});
	it.each([
		['jdk-soap-saml2-message-xsw-assertion-relocated.xml', 'saml:Assertion', /wrap:Wrapper/],
		['jdk-soap-saml2-message-xsw-body-relocated.xml', 'soap:Body', /wrap:Wrapper\/soap:Body/],
	])('%s: valid and flagged', async (f, target, where) => {
		const { facts, relocated } = await run(f);
		expect(facts.signatures.map((s) => s.valid)).toEqual([true]);
		expect(relocated).toHaveLength(1);
		expect(relocated[0]?.subject).toContain(target);
		expect(relocated[0]?.evidence).toMatch(where);
	});
});

describe('a signed assertion in the saml:Advice of the signed assertion (JDK XML-DSig API)', () => {
	it('is signed content of the assertion the consumer reads: both valid, no wrapping finding', async () => {
		const { facts, ids } = await run('jdk-saml2-response-signed-assertion-advice.xml');
		expect(facts.signatures.map((s) => s.valid)).toEqual([true, true]);
		expect(ids).toEqual([]);
		expect(
			facts.signatures.flatMap((s) => s.references.map((r) => r.atExpectedPosition)),
		).not.toContain(false);
	});
});

describe('WS-Security SAML sender-vouches through the STR-Transform (Santuario + WSS4J transform)', () => {
	it('as signed: valid, the assertion signed through its SecurityTokenReference', async () => {
		const { facts, ids } = await run('wss4j-soap-saml2-str.xml');
		expect(facts.signatures.map((s) => s.valid)).toEqual([true]);
		expect(ids).toEqual([]);
		const refs = facts.signatures[0]?.references ?? [];
		expect(refs.map((r) => [r.uri, r.digestValid, r.atExpectedPosition])).toEqual([
			['#Body-5c1e', true, true],
			['#STR-saml', true, true],
		]);
		expect(refs[1]?.tokenPath).toBe('/soap:Envelope/soap:Header/wsse:Security/saml:Assertion');
		const detail = facts.inputs.find((i) => i.name === 'wss4j-soap-saml2-str.xml')?.detail;
		const saml = detail?.area === 'message' ? (detail.data.saml ?? []) : [];
		expect(saml[0]).toMatchObject({ subject: 'alice@example.com', effective: true, signed: false });
		expect(saml[0]?.signedBy).toMatch(/orders-client/);
	});
	it('the assertion changed after signing: invalid at the STR-Transform reference', async () => {
		const { facts } = await run('wss4j-soap-saml2-str-tampered.xml');
		expect(facts.signatures.map((s) => s.valid)).toEqual([false]);
		expect(facts.signatures[0]?.error).toMatch(/reference 2 \(#STR-saml\).*digest mismatch/);
	});
	it('the signed assertion moved out of wsse:Security: valid and flagged', async () => {
		const { facts, relocated } = await run('wss4j-soap-saml2-str-xsw-relocated.xml');
		expect(facts.signatures.map((s) => s.valid)).toEqual([true]);
		expect(relocated).toHaveLength(1);
		expect(relocated[0]?.evidence).toMatch(
			/^signed element sits at \/soap:Envelope\/soap:Header\/wrap:Wrapper\/saml:Assertion \(through the STR-Transform\) \(relocated: moved under wrap:Wrapper\)/,
		);
	});
});

describe('an encrypted signed assertion (python-xmlsec encrypts the xmlsec1-signed one)', () => {
	const drop = async (name: string) => {
		const files: InputFile[] = [
			{ id: name, name, bytes: new Uint8Array(readFileSync(resolve(SAML, name))) },
			{
				id: 'k',
				name: 'rsa-key.pem',
				bytes: new Uint8Array(readFileSync(resolve(WSS, 'rsa-key.pem'))),
			},
		];
		const { report } = await new Analyzer().run(
			{
				files,
				passwords: {},
				entryPasswords: {},
				settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
			},
			() => undefined,
			new AbortController().signal,
		);
		return {
			report,
			xsw: report.findings.filter((f) => f.ruleId.startsWith('XSW-')).map((f) => f.evidence),
		};
	};
	it('decrypted with the dropped key: valid, read inside saml:EncryptedAssertion, no wrapping', async () => {
		const { report, xsw } = await drop('saml2-response-encrypted-signed-assertion.xml');
		expect(report.decryptions.map((d) => d.status)).toEqual(['decrypted']);
		expect(report.signatures.map((s) => s.verdict)).toEqual(['valid']);
		expect(xsw).toEqual([]);
	});
	it('the EncryptedAssertion concealed in samlp:Extensions, an attacker assertion in clear: flagged', async () => {
		const { report, xsw } = await drop('saml2-xsw-encrypted-assertion-concealed.xml');
		expect(report.signatures.map((s) => s.verdict)).toEqual(['valid']);
		expect(xsw).toEqual([
			expect.stringMatching(
				/samlp:Extensions\/saml:EncryptedAssertion\/saml:Assertion \(relocated/,
			),
		]);
	});
});

// xmlsec1 signs an assertion with an XPath (or Filter 2.0 subtract) transform that leaves
// saml:Subject out (scripts/fixtures/saml/partial-signature.sh); the "-nameid-edited" copies have
// the NameID changed to admin@example.com after signing, which xmlsec1 still accepts. The
// signature verifies, but the assertion is not signed as a whole: it must not count as signed and
// the transform must be reported.
describe('assertion signed through a transform that leaves the Subject out', () => {
	const samlOf = async (file: string) => {
		const { facts } = await run(file);
		const detail = facts.inputs.find((i) => i.name === file)?.detail;
		return { facts, saml: detail?.area === 'message' ? (detail.data.saml ?? []) : [] };
	};
	it.each([
		[
			'xmlsec1-saml2-xpath-subject-unsigned.xml',
			'alice@example.com',
			/REC-xpath-19991116 \(not\(ancestor-or-self::saml:Subject\)\)/,
		],
		[
			'xmlsec1-saml2-xpath-subject-unsigned-nameid-edited.xml',
			'admin@example.com',
			/REC-xpath-19991116/,
		],
		[
			'xmlsec1-saml2-filter2-subject-unsigned.xml',
			'alice@example.com',
			/xmldsig-filter2 \(subtract \/\/saml:Subject\)/,
		],
		[
			'xmlsec1-saml2-filter2-subject-unsigned-nameid-edited.xml',
			'admin@example.com',
			/xmldsig-filter2/,
		],
	])('%s', async (file, subject, transform) => {
		const { facts, saml } = await samlOf(file);
		expect(facts.signatures.map((s) => s.valid)).toEqual([true]);
		expect(saml.map((a) => [a.subject, a.signedBy ?? null])).toEqual([[subject, null]]);
		const hits = runRule(
			message.find((r) => r.meta.id === 'XSW-NON-BSP-SIGNATURE-STRUCTURE')!,
			facts,
		);
		expect(hits).toHaveLength(1);
		expect(hits[0]).toMatchObject({ severity: 'medium', effect: 'cap B' });
		expect(hits[0]?.evidence).toMatch(transform);
		expect(hits[0]?.evidence).toMatch(/signs only part of saml:Assertion .*SAML core §5\.4\.4/);
	});
});
