// The envelope model on hand-written SOAP 1.1 / 1.2 messages: security headers with actor/role,
// UsernameToken password types, SAML assertions, encrypted parts, duplicate structure.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/safe-parse';
import { buildIdMap } from '../xml/ids';
import { envelopeFacts } from './envelope';
import { keyNames } from './input';

const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const UTP = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';

function model(xml: string) {
	const doc = parseXml(xml).doc;
	return envelopeFacts(doc, {
		inputName: 'm.xml',
		origin: 'input',
		fileDate: null,
		idMap: buildIdMap(doc),
	});
}

describe('envelopeFacts', () => {
	it('reads a SOAP 1.2 message with two Security headers (role), tokens and a SAML assertion', () => {
		const env =
			model(`<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsse="${WSSE}" xmlns:wsu="${WSU}">
<s:Header>
 <a:To xmlns:a="http://www.w3.org/2005/08/addressing">http://svc.example/ws</a:To>
 <wsse:Security s:role="urn:proxy"><wsu:Timestamp wsu:Id="TS"><wsu:Created>2026-01-01T00:00:00Z</wsu:Created></wsu:Timestamp></wsse:Security>
 <wsse:Security s:mustUnderstand="true">
  <wsse:UsernameToken><wsse:Username>bob</wsse:Username><wsse:Password Type="${UTP}#PasswordDigest">x</wsse:Password><wsse:Nonce EncodingType="b64">n</wsse:Nonce><wsu:Created>2026-01-01T00:00:00Z</wsu:Created></wsse:UsernameToken>
  <wsse:UsernameToken><wsse:Username>eve</wsse:Username><wsse:Password>p</wsse:Password></wsse:UsernameToken>
  <saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="A1"><saml2:Issuer>idp</saml2:Issuer></saml2:Assertion>
 </wsse:Security>
</s:Header>
<s:Body><x:Op xmlns:x="urn:x"/><x:Extra xmlns:x="urn:x"/></s:Body></s:Envelope>`);
		expect(env?.soapVersion).toBe('1.2');
		expect(env?.wsa.to).toBe('http://svc.example/ws');
		expect(env?.securityHeaders.map((h) => h.actor)).toEqual(['urn:proxy', null]);
		expect(env?.securityHeaders[1]?.mustUnderstand).toBe('true');
		const [digest, text] = env?.securityHeaders[1]?.usernameTokens ?? [];
		expect(digest).toMatchObject({
			username: 'bob',
			passwordType: 'PasswordDigest',
			hasNonce: true,
			nonceEncodingType: 'b64',
		});
		expect(text).toMatchObject({
			username: 'eve',
			passwordType: 'PasswordText',
			passwordTypeUri: null,
			hasNonce: false,
			created: null,
		});
		expect(env?.securityHeaders[1]?.assertions[0]).toMatchObject({
			version: '2.0',
			id: 'A1',
			issuer: 'idp',
			signed: false,
		});
		expect(env?.securityHeaders[0]?.timestamps[0]).toMatchObject({
			id: 'TS',
			created: '2026-01-01T00:00:00Z',
			expires: null,
		});
		expect(env?.bodyChildCount).toBe(2);
		expect(env?.bodyFirstChild).toBe('{urn:x}Op');
	});

	it('counts duplicated Body/Header and notes an encrypted Body and duplicate IDs', () => {
		const env =
			model(`<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsu="${WSU}"><e:Header/><e:Header/>
<e:Body wsu:Id="b"><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Id="ED" Type="t"/></e:Body><e:Body wsu:Id="b"/></e:Envelope>`);
		expect(env).toMatchObject({
			soapVersion: '1.1',
			headerCount: 2,
			bodyCount: 2,
			bodyEncrypted: true,
		});
		expect(env?.encryptedData).toHaveLength(1);
		expect(env?.duplicateIds[0]?.id).toBe('b');
	});

	it('returns null for a document that is not a SOAP envelope', () => {
		expect(model('<Envelope xmlns="urn:not-soap"/>')).toBeNull();
	});
});

describe('keyNames', () => {
	it('offers the keystore alias of a leaf certificate and the file name', () => {
		expect(keyNames('alias rsa', 'signers.p12')).toEqual(
			expect.arrayContaining(['rsa', 'signers.p12', 'signers']),
		);
		expect(keyNames('alias rsa, chain 2', 'signers.p12')).not.toContain('rsa');
	});
});
