import type { WsdlImport } from '../../core/wsdl/facts';
import { wsdlFacts } from '../../core/wsdl/testing';
import { facts, RuleTester } from '../testing';
import { wsdlInsecureImport } from './wsdl-insecure-import';

const imp = (location: string | null, status: WsdlImport['status'] = 'missing'): WsdlImport => ({
	from: 'service.wsdl',
	kind: 'xsd:import',
	namespace: 'urn:types',
	location,
	resolvedTo: null,
	status,
	note: '',
});
const withImports = (...imports: WsdlImport[]) => facts({ wsdls: [wsdlFacts({ imports })] });
const hit = (evidence: string) =>
	({
		ruleId: 'WSDL-INSECURE-IMPORT',
		severity: 'low',
		effect: 'warn',
		inputName: 'service.wsdl',
		subject: 'xsd:import of urn:types',
		evidence,
	}) as const;

RuleTester.run(wsdlInsecureImport, {
	valid: [
		{ name: 'https location', facts: withImports(imp('https://host/types.xsd')) },
		{ name: 'relative location', facts: withImports(imp('types.xsd', 'resolved')) },
		{ name: 'namespace-only import', facts: withImports(imp(null, 'not-needed')) },
		{ name: 'no WSDL at all', facts: facts() },
	],
	invalid: [
		{
			name: 'http schemaLocation',
			facts: withImports(imp('http://host/svc?xsd=xsd0')),
			findings: [hit('http://host/svc?xsd=xsd0')],
		},
		{
			name: 'http location even when a dropped copy resolved it',
			facts: withImports(imp('HTTP://host/types.xsd', 'resolved')),
			findings: [hit('HTTP://host/types.xsd')],
		},
		{
			name: 'the same location twice is one finding',
			facts: withImports(imp('http://host/a.xsd'), imp('http://host/a.xsd')),
			findings: [hit('http://host/a.xsd')],
		},
		{
			name: 'a wsdl:import without namespace names only its kind',
			facts: withImports({ ...imp('http://host/b.wsdl'), kind: 'wsdl:import', namespace: null }),
			findings: [{ ...hit('http://host/b.wsdl'), subject: 'wsdl:import' }],
		},
	],
});
