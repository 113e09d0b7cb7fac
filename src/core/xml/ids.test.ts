// One ID rule and one WS-Addressing table for every stage: the same documents go through the
// signature verifier, the decryption stage's fragment resolution, the policy check's envelope
// reader and the envelope model, and every consumer gives the same answer.
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../facts';
import { readCapturedMessage } from '../policy/envelope';
import { envelopeFacts } from '../soap/envelope';
import { refFacts, sigFacts } from '../soap/testing';
import { verifyDocument } from '../xmldsig/document';
import { buildIdIndex, resolveFragment as xmlencResolve } from '../xmlenc/dom';
import { buildIdMap, lookupId } from './ids';
import { parseXml } from './safe-parse';

const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

/** A SOAP 1.1 envelope whose Body carries `bodyId` and whose header may repeat it. */
function envelope(bodyId: string, headerExtra = '', wsa = 'http://www.w3.org/2005/08/addressing') {
	return `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsu="${WSU}" xmlns:wsa="${wsa}"><soap:Header><wsa:To>http://svc.example/ws</wsa:To>${headerExtra}<ds:Signature xmlns:ds="${DS}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI="#b1"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></soap:Header><soap:Body ${bodyId}><p>x</p></soap:Body></soap:Envelope>`;
}

const CASES: [string, string, string | null][] = [
	['wsu:Id', envelope('wsu:Id="b1"'), 'Body'],
	['Id', envelope('Id="b1"'), 'Body'],
	['ID', envelope('ID="b1"'), 'Body'],
	['lowercase id', envelope('id="b1"'), 'Body'],
	['xml:id', envelope('xml:id="b1"'), 'Body'],
	[
		'duplicate ID (header copy)',
		envelope('wsu:Id="b1"', '<x:W xmlns:x="urn:x" wsu:Id="b1"/>'),
		null,
	],
	[
		'duplicate across attribute kinds',
		envelope('wsu:Id="b1"', '<x:W xmlns:x="urn:x" Id="b1"/>'),
		null,
	],
	// the Body comes first in document order here: "first one wins" would call the Body signed
	['duplicate inside the Body', envelope('wsu:Id="b1"').replace('<p>', '<p wsu:Id="b1">'), null],
	['absent', envelope('wsu:Id="other"'), null],
];

describe('every consumer resolves #b1 the same way (RULES.md 4.16)', () => {
	it.each(CASES)('%s', async (_, text, expected) => {
		const doc = parseXml(text).doc;
		const local = (el: { localName?: string | null } | null | undefined) => el?.localName ?? null;
		// the shared index
		const found = lookupId(buildIdMap(doc), 'b1');
		const shared = found.ok ? local(found.element) : null;
		// the signature verifier
		const verified = await verifyDocument(doc, {
			inputName: 'msg.xml',
			origin: 'input',
			certs: [],
			secrets: [],
		});
		const ref = verified.signatures[0]?.facts.references[0];
		const bySignature = ref?.targetPath
			? ref.targetPath.endsWith(':Body')
				? 'Body'
				: ref.targetPath
			: null;
		// the decryption stage (DataReference / CipherReference resolution)
		const byDecryption = local(xmlencResolve(buildIdIndex(doc), '#b1'));
		// the policy check's reader, from the same signature facts
		const facts = emptyFacts('2026-12-01T00:00:00Z');
		facts.signatures.push(
			sigFacts({ references: [refFacts({ uri: '#b1', target: null, targetKind: null })] }),
		);
		const captured = readCapturedMessage(
			{ inputName: 'msg.xml', xml: parseXml(text), origin: 'input' },
			facts,
			[],
		);
		const byPolicy = captured?.signedTargets.includes('Body') ? 'Body' : null;
		expect([shared, bySignature, byDecryption, byPolicy]).toEqual([
			expected,
			expected,
			expected,
			expected,
		]);
	});
});

describe('every WS-Addressing version is read by both envelope readers', () => {
	it.each([
		'http://www.w3.org/2005/08/addressing',
		'http://schemas.xmlsoap.org/ws/2004/08/addressing',
		'http://schemas.xmlsoap.org/ws/2004/03/addressing',
		'http://www.w3.org/2005/03/addressing',
	])('%s', (wsa) => {
		const text = envelope('wsu:Id="b1"', '', wsa);
		const doc = parseXml(text).doc;
		const env = envelopeFacts(doc, {
			inputName: 'msg.xml',
			origin: 'input',
			fileDate: null,
			idMap: buildIdMap(doc),
		});
		const captured = readCapturedMessage(
			{ inputName: 'msg.xml', xml: parseXml(text), origin: 'input' },
			emptyFacts('2026-12-01T00:00:00Z'),
			[],
		);
		expect([env?.wsa.to, captured?.to]).toEqual(['http://svc.example/ws', 'http://svc.example/ws']);
	});
});
