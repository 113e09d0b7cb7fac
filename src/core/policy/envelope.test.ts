// The policy check's reading of a captured envelope takes the Security headers' tokens from the
// one envelope reader (xml/envelope.ts) and the WS-Addressing versions from the one namespace
// table: every version the table lists is read, at any depth of wsse:Security as before.
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../facts';
import { readEnvelope } from '../xml/envelope';
import { WSA_NAMESPACES } from '../xml/namespaces';
import { parseXml } from '../xml/safe-parse';
import { readCapturedMessage } from './envelope';
import { WSA } from './namespaces';

const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';

const envelope = (wsa: string) =>
	parseXml(
		`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="${wsa}"><s:Header>` +
			`<a:Action>urn:x:Do</a:Action><a:To>https://x.example/</a:To>` +
			`<wsse:Security xmlns:wsse="${WSSE}" xmlns:wsu="${WSU}"><wsu:Timestamp wsu:Id="TS"/>` +
			`<wsse:UsernameToken><wsse:Username>alice</wsse:Username><wsse:Password>x</wsse:Password></wsse:UsernameToken>` +
			`<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:KeyInfo><wsse:SecurityTokenReference>` +
			`<wsse:KeyIdentifier ValueType="http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#ThumbprintSHA1">AAAA</wsse:KeyIdentifier>` +
			`</wsse:SecurityTokenReference></ds:KeyInfo></ds:Signature></wsse:Security>` +
			`</s:Header><s:Body><x:Do xmlns:x="urn:x"/></s:Body></s:Envelope>`,
	);

describe('the captured message as the policy check reads it', () => {
	it('the policy reader lists every WS-Addressing version of the one table', () => {
		expect([...WSA].sort()).toEqual([...WSA_NAMESPACES].sort());
		expect(WSA).toHaveLength(6);
	});
	it.each([...WSA_NAMESPACES])('reads wsa:Action and wsa:To in %s', (wsa) => {
		const xml = envelope(wsa);
		const msg = readCapturedMessage(
			{ inputName: 'm.xml', xml, origin: 'input' },
			emptyFacts('2026-12-07T00:00:00Z'),
			[],
		);
		expect(msg).toMatchObject({
			action: 'urn:x:Do',
			to: 'https://x.example/',
			usernameToken: { present: true, passwordType: 'text' },
			timestamp: { present: true, signed: false },
			x509Referenced: true,
			securityHeader: true,
		});
	});
	it('the token facts are the envelope reader’s (one walk of wsse:Security)', () => {
		const env = readEnvelope(envelope(NS_WSA).doc);
		expect(env?.security.usernameTokens).toHaveLength(1);
		expect(env?.security.keyIdentifiers).toHaveLength(1);
		expect(env?.security.signatures).toHaveLength(1);
		expect(env?.security.timestamps).toHaveLength(1);
	});
});

const NS_WSA = 'http://www.w3.org/2005/08/addressing';
