// Signature wrapping at the positions a WS-SecurityPolicy names, as the page gets it: the WSDL
// (orders-signed-parts.wsdl), a WSS4J-signed message and, for the encrypted one, the recipient's key
// dropped together (scripts/fixtures/wsdl/generate-positions.sh). The signed originals raise no XSW
// finding; every variant (moved, doubled, nested; nothing re-signed, WSS4J's engine accepts each)
// is flagged at the position the policy names.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { InputFile } from '../pipeline';
import { parseXml } from '../xml/safe-parse';
import { alternative } from './testing';
import { policyPositions } from './policy-positions';
import { allVerdicts } from './compare-message';

const WSDL = resolve(import.meta.dirname, '../../../tests/fixtures/wsdl');
const WSS = resolve(import.meta.dirname, '../../../tests/fixtures/wss');

function file(dir: string, name: string): InputFile {
	return { id: name, name, bytes: new Uint8Array(readFileSync(resolve(dir, name))) };
}

async function analyze(envelope: string, withWsdl: boolean | 'policy only' = true) {
	const files = [
		file(resolve(WSDL, 'envelopes'), envelope),
		file(WSS, 'rsa-key.pem'),
		...(withWsdl === true ? [file(WSDL, 'orders-signed-parts.wsdl')] : []),
		...(withWsdl === 'policy only' ? [file(WSDL, 'orders-input-policy.xml')] : []),
	];
	const { facts, report } = await new Analyzer().run(
		{
			files,
			passwords: {},
			entryPasswords: {},
			settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		},
		() => undefined,
		new AbortController().signal,
	);
	// the policy signs one Body element, not the Body: XSW-PARTIAL-BODY-SIGNATURE holds for every
	// message (the order's items are unsigned) and is not what these tests are about
	const partial = report.findings.filter((f) => f.ruleId === 'XSW-PARTIAL-BODY-SIGNATURE');
	const xsw = report.findings.filter(
		(f) => f.ruleId.startsWith('XSW-') && f.ruleId !== 'XSW-PARTIAL-BODY-SIGNATURE',
	);
	return { facts, report, xsw, partial };
}

describe('signed as the policy says: no wrapping finding', () => {
	it.each(['orders-signed-parts.xml', 'orders-signed-parts-encrypted.xml'])('%s', async (f) => {
		const { facts, report, xsw, partial } = await analyze(f);
		expect(report.signatures.map((s) => s.verdict)).toEqual(['valid']);
		expect(xsw).toEqual([]);
		expect(partial.map((p) => p.subject)).toEqual([
			expect.stringMatching(/^\/soapenv:Envelope\/soapenv:Body\/ex:PlaceOrder\/ex:payment /),
		]);
		// the matched operation and every reference judged at its position
		expect(facts.wsdls[0]?.messages[0]?.match?.operation).toBe('PlaceOrder');
		const refs = facts.signatures[0]?.references ?? [];
		const byTarget = Object.fromEntries(refs.map((r) => [r.target, r.atExpectedPosition]));
		expect(byTarget).toMatchObject({
			'ex:CustomerId': true,
			'ex:payment': true,
			'wsa:To': true,
			'wsa:Action': true,
		});
	});
});

describe('wrapping variants at the policy positions: XSW-SIGNED-ELEMENT-RELOCATED', () => {
	it.each([
		['orders-xsw-header-relocated.xml', 'ex:CustomerId', 'relocated', /moved under wrap:Wrapper/],
		[
			'orders-xsw-header-in-security.xml',
			'ex:CustomerId',
			'relocated',
			/moved under wsse:Security/,
		],
		['orders-xsw-header-doubled.xml', 'ex:CustomerId', 'duplicated', /2 ex:CustomerId elements/],
		['orders-xsw-header-nested.xml', 'ex:CustomerId', 'nested', /nested inside the unsigned/],
		['orders-xsw-wsa-to-doubled.xml', 'wsa:To', 'duplicated', /2 wsa:To header blocks/],
		['orders-xsw-element-relocated.xml', 'ex:payment', 'relocated', /sp:SignedElements/],
		['orders-xsw-element-doubled.xml', 'ex:payment', 'duplicated', /2 ex:payment elements/],
		['orders-xsw-element-nested.xml', 'ex:payment', 'nested', /nested inside the unsigned/],
		[
			'orders-xsw-encrypted-element-relocated.xml',
			'ex:payment',
			'relocated',
			/moved under wrap:Wrapper/,
		],
	])('%s', async (f, target, variant, detail) => {
		const { facts, report, xsw } = await analyze(f);
		// the signature still verifies: only the position gives the attack away
		expect(report.signatures.map((s) => s.verdict)).toEqual(['valid']);
		expect(xsw.map((x) => x.ruleId)).toEqual(['XSW-SIGNED-ELEMENT-RELOCATED']);
		expect(xsw[0]).toMatchObject({ severity: 'critical' });
		expect(xsw[0]?.subject).toContain(target);
		expect(xsw[0]?.evidence).toMatch(detail);
		const ref = facts.signatures[0]?.references.find((r) => r.target === target);
		expect(ref?.wrapping?.variant).toBe(variant);
	});

	it.each([
		['orders-signed-parts.xml', []],
		['orders-xsw-header-relocated.xml', ['sp:SignedParts/sp:Header CustomerId']],
		['orders-xsw-header-doubled.xml', ['sp:SignedParts/sp:Header CustomerId']],
		['orders-xsw-wsa-to-doubled.xml', ['sp:SignedParts/sp:Header wsa:To']],
	])('%s: the policy check agrees with the wrapping finding', async (f, unmet) => {
		const { facts } = await analyze(f);
		const got = allVerdicts(facts.wsdls).flatMap((v) =>
			v.verdict.unmet.filter((u) => u.kind === 'header-signed').map((u) => u.assertion),
		);
		expect(got).toEqual(unmet);
	});

	it('without the WSDL the element-level variants are not judged (no position is known)', async () => {
		const { xsw } = await analyze('orders-xsw-element-doubled.xml', false);
		expect(xsw).toEqual([]);
	});
	it('without the WSDL a doubled WS-Addressing header is still flagged (the first is read)', async () => {
		const { xsw } = await analyze('orders-xsw-wsa-to-doubled.xml', false);
		expect(xsw.map((x) => [x.ruleId, x.evidence])).toEqual([
			['XSW-SIGNED-ELEMENT-RELOCATED', expect.stringMatching(/duplicated: 2 wsa:To header blocks/)],
		]);
	});
});

describe('policyPositions', () => {
	const env = (header: string, body = '<ex:Op xmlns:ex="urn:ex"/>') =>
		parseXml(
			`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`,
		).doc;
	it('a namespace-wide header part holds top elements of that namespace, not their content', () => {
		const doc = env(
			'<a:ReplyTo xmlns:a="http://www.w3.org/2005/08/addressing"><a:Address>x</a:Address></a:ReplyTo>',
		);
		const alt = alternative({
			signedParts: {
				body: false,
				allHeaders: false,
				headers: ['{http://www.w3.org/2005/08/addressing}*'],
				attachments: false,
			},
		});
		const [pos] = policyPositions(doc, [alt]).positions;
		const replyTo = doc.getElementsByTagName('a:ReplyTo')[0]!;
		const address = doc.getElementsByTagName('a:Address')[0]!;
		expect(pos?.effective).toEqual([replyTo]);
		expect(pos?.holds(replyTo)).toBe(true);
		expect(pos?.holds(address)).toBe(false);
	});
	it('an empty sp:SignedParts makes every header block a position', () => {
		const doc = env('<x:A xmlns:x="urn:x">1</x:A><x:B xmlns:x="urn:x"><x:A>nested</x:A></x:B>');
		const alt = alternative({
			signedParts: { body: true, allHeaders: true, headers: [], attachments: false },
		});
		const [pos] = policyPositions(doc, [alt]).positions;
		const [a, nested] = [...doc.getElementsByTagName('x:A')];
		expect(pos?.effective.map((e) => e.tagName)).toEqual(['x:A', 'x:B']);
		expect(pos?.holds(nested!)).toBe(true);
		expect(pos?.effective.includes(nested!)).toBe(false);
		expect(pos?.effective.includes(a!)).toBe(true);
	});
	it('an XPath it cannot evaluate is a note, never an empty position', () => {
		const alt = alternative({
			elementXPaths: [
				{ assertion: 'sp:SignedElements', xpath: '//q:Missing', namespaces: {}, version: 'XPath' },
			],
		});
		const out = policyPositions(env(''), [alt]);
		expect(out.positions).toEqual([]);
		expect(out.notes[0]).toMatch(/sp:SignedElements \/\/q:Missing was not evaluated.*prefix q/);
	});
	it('an XPath names the kind by its last step even when nothing is at the position', () => {
		const alt = alternative({
			elementXPaths: [
				{
					assertion: 'sp:EncryptedElements',
					xpath: '/s:Envelope/s:Body/ex:Op/ex:card',
					namespaces: { s: 'http://schemas.xmlsoap.org/soap/envelope/', ex: 'urn:ex' },
					version: 'XPath',
				},
			],
		});
		const doc = env('<ex:card xmlns:ex="urn:ex"/>');
		const [pos] = policyPositions(doc, [alt]).positions;
		expect(pos?.effective).toEqual([]);
		expect(pos?.holds(doc.getElementsByTagName('ex:card')[0]!)).toBe(true);
	});
});

describe('a policy dropped on its own (no WSDL): its positions apply to the message', () => {
	it('the signed original: no wrapping finding, the note says which policy was applied', async () => {
		const { facts, xsw } = await analyze('orders-signed-parts.xml', 'policy only');
		expect(xsw).toEqual([]);
		const notes = facts.wsdls.flatMap((w) => w.notes.map((n) => n.message));
		expect(notes).toContain(
			'Signed elements judged at the positions orders-input-policy.xml names (no WSDL operation matched)',
		);
	});
	it.each([
		['orders-xsw-header-doubled.xml', 'duplicated'],
		['orders-xsw-element-nested.xml', 'nested'],
		['orders-xsw-element-relocated.xml', 'relocated'],
	])('%s is flagged', async (f, variant) => {
		const { facts, xsw } = await analyze(f, 'policy only');
		expect(xsw.map((x) => x.ruleId)).toEqual(['XSW-SIGNED-ELEMENT-RELOCATED']);
		expect(facts.signatures[0]?.references.some((r) => r.wrapping?.variant === variant)).toBe(true);
	});
});

describe('UsernameToken and Timestamp where the service reads them (no policy needed)', () => {
	it('as signed (UsernameToken, Timestamp, Body, WS-Addressing): no wrapping finding', async () => {
		const { report, xsw } = await analyze('orders-signed-username.xml', false);
		expect(report.signatures.map((s) => s.verdict)).toEqual(['valid']);
		expect(xsw).toEqual([]);
	});
	it.each([
		[
			'orders-xsw-username-relocated.xml',
			'wsse:UsernameToken',
			'relocated',
			/moved under wrap:Wrapper/,
		],
		['orders-xsw-username-doubled.xml', 'wsse:UsernameToken', 'duplicated', /not signed \(admin\)/],
		[
			'orders-xsw-timestamp-other-actor.xml',
			'wsu:Timestamp',
			'relocated',
			/moved under wsse:Security.*ultimate receiver/,
		],
	])('%s', async (f, target, variant, detail) => {
		const { facts, report, xsw } = await analyze(f, false);
		expect(report.signatures.map((s) => s.verdict)).toEqual(['valid']);
		expect(xsw.map((x) => x.ruleId)).toEqual(['XSW-SIGNED-ELEMENT-RELOCATED']);
		expect(xsw[0]?.subject).toContain(target);
		expect(xsw[0]?.evidence).toMatch(detail);
		const ref = facts.signatures[0]?.references.find((r) => r.target === target);
		expect(ref?.wrapping?.variant).toBe(variant);
	});
});
