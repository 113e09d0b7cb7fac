// WCF <system.serviceModel> read as policy: bindings, their security modes and suites, endpoints.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../facts';
import { parseXml } from '../xml/safe-parse';
import { runWsdlStage } from './input';
import { wcfConfigFacts } from './wcf-config';

const text = readFileSync(
	resolve(import.meta.dirname, '../../../tests/fixtures/wsdl/wcf/client-app.config'),
	'utf8',
);

describe('WCF client configuration', () => {
	const w = wcfConfigFacts('client-app.config', parseXml(text).doc.documentElement!)!;
	it('lists the client endpoints', () => {
		expect(w.endpoints.map((e) => [e.port, e.address, e.secure, e.binding])).toEqual([
			[
				'WSHttpBinding_IBilling',
				'http://billing.contoso.example/BillingService.svc',
				false,
				'soap12',
			],
			['BasicHttpBinding_IOrders', 'https://orders.contoso.example/Orders.svc', true, 'soap11'],
			['CustomBinding_ILegacy', 'http://legacy.contoso.example/Legacy.svc', false, 'soap11'],
			['Weather', 'http://weather.contoso.example/Weather.asmx', false, 'soap11'],
		]);
	});
	it('maps each binding configuration to a policy', () => {
		expect(
			w.policies.map((p) => [p.subject, p.binding, p.algorithmSuite, p.includeTimestamp, p.tokens]),
		).toEqual([
			['wsHttpBinding/WSHttpBinding_IBilling', 'symmetric', 'Basic128', true, ['X509Token']],
			[
				'basicHttpBinding/BasicHttpBinding_IOrders',
				'transport',
				'Basic256',
				true,
				['HttpsToken', 'UsernameToken'],
			],
			[
				'customBinding/CustomBinding_ILegacy',
				'asymmetric',
				'Basic256Sha256Rsa15',
				false,
				['X509Token'],
			],
			['basicHttpBinding (defaults)', 'none', null, false, []],
		]);
		expect(w.operations[0]?.input?.requirements[0]).toBe(
			'Requests must carry a signed Timestamp, a Body signed with HMAC-SHA1 and encrypted with AES-128-CBC under RSA-OAEP, an X.509 certificate as protection token and an X.509 certificate (endorsing the signature), over plain HTTP.',
		);
	});
	it('is picked up by the stage from a TLS configuration input', () => {
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		runWsdlStage(facts, [], [{ inputName: 'client-app.config', text }]);
		expect(facts.wsdls.map((x) => [x.kind, x.inputName])).toEqual([
			['wcf-config', 'client-app.config'],
		]);
	});
	it('ignores a configuration without serviceModel', () => {
		expect(
			wcfConfigFacts(
				'x.config',
				parseXml('<configuration><appSettings/></configuration>').doc.documentElement!,
			),
		).toBeNull();
	});
});
