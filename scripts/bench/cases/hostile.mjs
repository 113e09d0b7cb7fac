// Hostile and oversized inputs through the real engine in Chromium: how long each takes. The unit
// tests assert the deterministic side of each (the limit reached, the error code, the counts);
// the time they take is a speed figure and belongs here, never in `npm test`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const enc = (text) => new TextEncoder().encode(text);

function wideElement() {
	const attrs = Array.from({ length: 20_000 }, (_, i) => `a${i}="${i}"`).join(' ');
	return { name: 'wide.xml', bytes: enc(`<r ${attrs}/>`) };
}

function deepNesting() {
	const n = 100_000;
	return { name: 'deep.xml', bytes: enc('<a>'.repeat(n) + '</a>'.repeat(n)) };
}

function manyOperations(repoDir) {
	const base = readFileSync(resolve(repoDir, 'tests/fixtures/wsdl/wcf-service1.wsdl'), 'utf8');
	const n = 1000;
	const ops = Array.from(
		{ length: n },
		(_, i) =>
			`<wsdl:operation name="Op${i}"><wsdl:input wsaw:Action="urn:op${i}" message="tns:IBilling_Charge_InputMessage"/><wsdl:output message="tns:IBilling_Charge_OutputMessage"/></wsdl:operation>`,
	).join('');
	const bops = Array.from(
		{ length: n },
		(_, i) =>
			`<wsdl:operation name="Op${i}"><soap12:operation soapAction="urn:op${i}"/><wsdl:input><wsp:PolicyReference URI="#WSHttpBinding_IBilling_Charge_Input_policy"/><soap12:body use="literal"/></wsdl:input><wsdl:output><wsp:PolicyReference URI="#WSHttpBinding_IBilling_Charge_output_policy"/><soap12:body use="literal"/></wsdl:output></wsdl:operation>`,
	).join('');
	const text = base
		.replace('</wsdl:portType>', `${ops}</wsdl:portType>`)
		.replace('</wsdl:binding>', `${bops}</wsdl:binding>`);
	return { name: 'big.wsdl', bytes: enc(text) };
}

function manyAlternatives(repoDir) {
	const base = readFileSync(
		resolve(repoDir, 'tests/fixtures/wsdl/wss4j-transport-usernametoken.wsdl'),
		'utf8',
	);
	const optional = Array.from(
		{ length: 12 },
		(_, i) =>
			`<sp:SignedParts wsp:Optional="true"><sp:Header Name="H${i}" Namespace="urn:h"/></sp:SignedParts>`,
	).join('');
	const text = base.replace(
		'<sp:SignedSupportingTokens>',
		`${optional}<sp:SignedSupportingTokens>`,
	);
	return { name: 'many-alternatives.wsdl', bytes: enc(text) };
}

function quadraticXPath() {
	const items = '<i/>'.repeat(6000);
	const ref = `<Reference URI=""><Transforms><Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><XPath>count(//*) &gt; count(//*/..)</XPath></Transform></Transforms><DigestMethod Algorithm="${SHA256}"/><DigestValue>AAAA</DigestValue></Reference>`;
	const si = `<SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>${ref}</SignedInfo>`;
	const text = `<r>${items}<Signature xmlns="${DS}">${si}<SignatureValue>AAAA</SignatureValue></Signature></r>`;
	return { name: 'xpath.xml', bytes: enc(text) };
}

function manyEncryptedKeys(repoDir) {
	const text = readFileSync(
		resolve(repoDir, 'tests/fixtures/wss/wss4j-encryptedkey-unlinked.xml'),
		'utf8',
	);
	const ek = /<xenc:EncryptedKey[\s\S]*?<\/xenc:EncryptedKey>/.exec(text)?.[0] ?? '';
	const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	const copies = Array.from({ length: 2000 }, (_, i) =>
		ek
			.replace(/Id="[^"]+"/, `Id="EK-copy-${i}"`)
			.replace(/(<xenc:CipherValue>)../, `$1${B64[i % 64]}${B64[Math.floor(i / 64)]}`),
	);
	return { name: 'many-encrypted-keys.xml', bytes: enc(text.replace(ek, ek + copies.join(''))) };
}

export default async function run(ctx) {
	const r = ctx.repoDir;
	const cases = [
		['XML element with 20 000 attributes', [wideElement()]],
		['XML nested 100 000 deep (refused)', [deepNesting()]],
		['WSDL with 1000 operations sharing policies', [manyOperations(r)]],
		['WS-Policy with 2^12 alternatives (64 evaluated)', [manyAlternatives(r)]],
		['quadratic XPath transform (work budget)', [quadraticXPath()]],
		[
			'2001 EncryptedKeys with the recipient key',
			[manyEncryptedKeys(r), { path: resolve(r, 'tests/fixtures/wss/rsa-key.pem') }],
		],
		[
			'JKS claiming 2^31 - 1 entries (refused)',
			[{ path: resolve(r, 'tests/fixtures/keystores/million-entries.jks') }],
		],
	];
	const rows = [];
	for (const [label, files] of cases) {
		const page = await ctx.analyzeInPage(files, { passwords: {} });
		rows.push({
			case: label,
			ours_ms: Math.round(page.ms),
			note: `grade ${page.report.grade.overall}, ${page.report.findings?.length ?? 0} findings, longest main-thread block ${Math.round(page.longestTaskMs ?? 0)} ms`,
		});
	}
	return rows;
}
