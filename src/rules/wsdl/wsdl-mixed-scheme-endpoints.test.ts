import type { WsdlPort } from '../../core/wsdl/facts';
import { port, wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { wsdlMixedSchemeEndpoints } from './wsdl-mixed-scheme-endpoints';

const withPorts = (...ports: WsdlPort[]) => facts({ wsdls: [wsdlFacts({ ports })] });
const hit = (subject: string, evidence: string) =>
	({
		ruleId: 'WSDL-MIXED-SCHEME-ENDPOINTS',
		severity: 'medium',
		effect: 'cap B',
		inputName: 'service.wsdl',
		subject,
		evidence,
	}) as const;

RuleTester.run(wsdlMixedSchemeEndpoints, {
	valid: [
		{ name: 'only https', facts: withPorts(port('B', 'https://a/'), port('B', 'https://b/')) },
		{ name: 'only http (WSDL-HTTP-ENDPOINT covers it)', facts: withPorts(port('B', 'http://a/')) },
		{
			name: 'different services',
			facts: withPorts(
				port('B', 'http://a/', { service: 'S1' }),
				port('B', 'https://a/', { service: 'S2' }),
			),
		},
		{
			name: 'different portTypes',
			facts: withPorts(port('B1', 'http://a/'), port('B2', 'https://a/')),
		},
		{
			name: 'jms beside https is not a plain-HTTP downgrade',
			facts: withPorts(port('B', 'jms:queue:orders'), port('B', 'https://a/')),
		},
	],
	invalid: [
		{
			name: 'same binding on http and https',
			facts: withPorts(port('B', 'http://a/'), port('B', 'https://a/')),
			findings: [hit('Svc: portType BPortType', 'http: http://a/; https: https://a/')],
		},
		{
			name: 'same portType through two bindings',
			facts: withPorts(
				port('B1', 'http://a/', { interfaceName: 'PT' }),
				port('B2', 'https://b/', { interfaceName: 'PT' }),
			),
			findings: [hit('Svc: portType PT', 'http: http://a/; https: https://b/')],
		},
		{
			name: 'a port without portType is grouped by binding, every address listed',
			facts: withPorts(
				port('B', 'http://a/', { interfaceName: null }),
				port('B', 'http://c/', { interfaceName: null }),
				port('B', 'https://a/', { interfaceName: null }),
			),
			findings: [hit('Svc: binding B', 'http: http://a/, http://c/; https: https://a/')],
		},
	],
});
