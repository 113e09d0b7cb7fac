// WS-Policy normalization: ExactlyOne / All / Optional into alternatives, references by id and
// by wsp:Name, WS-Policy 1.2 and 1.5, and WS-SecurityPolicy interpretation of an alternative.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/safe-parse';
import { normalizePolicy, PolicyRegistry } from './normalize';
import { interpretAlternative } from './security-policy';

const NS = (wsp: string) =>
	`xmlns:wsp="${wsp}" xmlns:sp="http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702" xmlns:sp13="http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200802" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"`;
const W15 = 'http://www.w3.org/ns/ws-policy';
const W12 = 'http://schemas.xmlsoap.org/ws/2004/09/policy';

function alternatives(body: string, wsp = W15) {
	const doc = parseXml(`<wsp:Policy ${NS(wsp)} wsu:Id="root">${body}</wsp:Policy>`).doc;
	const registry = new PolicyRegistry([{ inputName: 'p.xml', root: doc.documentElement! }]);
	const raw = normalizePolicy(doc.documentElement!, 'p.xml', registry);
	return {
		raw,
		registry,
		alts: raw.map((a) => interpretAlternative(a, 'p.xml', registry, () => '#root')),
	};
}

describe('normalization', () => {
	it.each([
		['a plain policy is one alternative', '<sp:IncludeTimestamp/>', 1],
		[
			'ExactlyOne of two',
			'<wsp:ExactlyOne><wsp:All><sp:Wss10/></wsp:All><wsp:All><sp:Wss11/></wsp:All></wsp:ExactlyOne>',
			2,
		],
		['Optional doubles', '<sp:Wss10 wsp:Optional="true"/><sp:Trust13 wsp:Optional="true"/>', 4],
		[
			'All distributes over ExactlyOne',
			'<wsp:ExactlyOne><sp:Wss10/><sp:Wss11/></wsp:ExactlyOne><wsp:ExactlyOne><sp:Trust10/><sp:Trust13/><sp:Wss10/></wsp:ExactlyOne>',
			6,
		],
		['an empty ExactlyOne admits nothing', '<wsp:ExactlyOne/>', 0],
		['an empty All is one empty alternative', '<wsp:ExactlyOne><wsp:All/></wsp:ExactlyOne>', 1],
	])('%s', (_name, body, count) => {
		expect(alternatives(body).raw).toHaveLength(count);
		expect(alternatives(body, W12).raw).toHaveLength(count);
	});

	it('resolves a reference by wsp:Name', () => {
		const doc = parseXml(
			`<root ${NS(W15)}><wsp:Policy Name="urn:policy:ts"><sp:IncludeTimestamp/></wsp:Policy><wsp:Policy wsu:Id="main"><wsp:PolicyReference URI="urn:policy:ts"/></wsp:Policy></root>`,
		).doc;
		const registry = new PolicyRegistry([{ inputName: 'p.xml', root: doc.documentElement! }]);
		const main = doc.documentElement!.getElementsByTagNameNS(W15, 'Policy')[1]!;
		const raw = normalizePolicy(main, 'p.xml', registry);
		expect(raw[0]?.map((e) => e.localName)).toEqual(['IncludeTimestamp']);
		expect(registry.notes).toEqual([]);
	});
});

describe('WS-SecurityPolicy interpretation', () => {
	it('reads a 1.2 transport binding with a client certificate and HTTP basic authentication', () => {
		const [alt] = alternatives(
			'<sp:TransportBinding><wsp:Policy><sp:TransportToken><wsp:Policy><sp:HttpsToken><wsp:Policy><sp:RequireClientCertificate/><sp:HttpBasicAuthentication/></wsp:Policy></sp:HttpsToken></wsp:Policy></sp:TransportToken><sp:AlgorithmSuite><wsp:Policy><sp:Basic256Sha256/><sp:InclusiveC14N/></wsp:Policy></sp:AlgorithmSuite><sp:Layout><wsp:Policy><sp:LaxTsFirst/></wsp:Policy></sp:Layout></wsp:Policy></sp:TransportBinding>',
		).alts;
		expect(alt).toMatchObject({
			binding: 'transport',
			algorithmSuite: 'Basic256Sha256',
			suiteOptions: ['InclusiveC14N'],
			layout: 'LaxTsFirst',
			includeTimestamp: false,
		});
		expect(alt?.tokens[0]).toMatchObject({
			type: 'HttpsToken',
			role: 'transport',
			options: ['RequireClientCertificate', 'HttpBasicAuthentication'],
		});
	});

	it('reads 1.3 split initiator tokens, SAML, Kerberos and UsernameToken options', () => {
		const [alt] = alternatives(
			'<sp:AsymmetricBinding><wsp:Policy><sp:InitiatorSignatureToken><wsp:Policy><sp:X509Token/></wsp:Policy></sp:InitiatorSignatureToken><sp:RecipientEncryptionToken><wsp:Policy><sp:X509Token/></wsp:Policy></sp:RecipientEncryptionToken><sp:EncryptBeforeSigning/><sp:EncryptSignature/><sp:ProtectTokens/></wsp:Policy></sp:AsymmetricBinding>' +
				'<sp:SignedEncryptedSupportingTokens><wsp:Policy><sp:UsernameToken><wsp:Policy><sp:HashPassword/><sp13:Created/><sp13:Nonce/></wsp:Policy></sp:UsernameToken></wsp:Policy></sp:SignedEncryptedSupportingTokens>' +
				'<sp:EndorsingSupportingTokens><wsp:Policy><sp:KerberosToken/></wsp:Policy></sp:EndorsingSupportingTokens>' +
				'<sp:SupportingTokens><wsp:Policy><sp:SamlToken/></wsp:Policy></sp:SupportingTokens>',
		).alts;
		expect(alt).toMatchObject({
			binding: 'asymmetric',
			encryptBeforeSigning: true,
			encryptSignature: true,
			protectTokens: true,
		});
		expect(alt?.tokens.map((t) => [t.type, t.role])).toEqual([
			['X509', 'initiator'],
			['X509', 'recipient'],
			['UsernameToken', 'signed-encrypted-supporting'],
			['Kerberos', 'endorsing'],
			['SAML', 'supporting'],
		]);
		expect(alt?.tokens[2]?.options).toEqual(['HashPassword', 'Created', 'Nonce']);
	});

	it('an empty SignedParts signs the Body and every header; named headers and elements', () => {
		const [alt] = alternatives(
			'<sp:SignedParts/><sp:EncryptedParts><sp:Header Name="Secret" Namespace="urn:h"/><sp:Attachments/></sp:EncryptedParts><sp:SignedElements><sp:XPath>//wsa:ReplyTo</sp:XPath></sp:SignedElements>',
		).alts;
		expect(alt?.signedParts).toEqual({
			body: true,
			allHeaders: true,
			headers: [],
			attachments: false,
		});
		expect(alt?.encryptedParts).toEqual({
			body: false,
			allHeaders: false,
			headers: ['{urn:h}Secret'],
			attachments: true,
		});
		expect(alt?.signedElements).toEqual(['//wsa:ReplyTo']);
	});

	it('keeps unknown assertions by name instead of dropping them', () => {
		const [alt] = alternatives('<sp:FancyBinding/><x:Custom xmlns:x="urn:x"/>').alts;
		expect(alt?.unknownAssertions).toEqual(['sp:FancyBinding', 'x:Custom {urn:x}']);
	});
});
