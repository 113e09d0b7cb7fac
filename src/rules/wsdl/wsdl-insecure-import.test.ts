import { describe, expect, it } from 'vitest';
import type { WsdlImport } from '../../core/wsdl/facts';
import { wsdlFacts } from '../../core/wsdl/testing';
import { facts, runRule } from '../testing';
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

describe('WSDL-INSECURE-IMPORT', () => {
	it.each([
		['http schemaLocation', [imp('http://host/svc?xsd=xsd0')], 1],
		[
			'http location even when a dropped copy resolved it',
			[imp('HTTP://host/types.xsd', 'resolved')],
			1,
		],
		[
			'the same location twice is one finding',
			[imp('http://host/a.xsd'), imp('http://host/a.xsd')],
			1,
		],
		['https location', [imp('https://host/types.xsd')], 0],
		['relative location', [imp('types.xsd', 'resolved')], 0],
		['namespace-only import', [imp(null, 'not-needed')], 0],
	])('%s', (_name, imports, count) => {
		const hits = runRule(wsdlInsecureImport, facts({ wsdls: [wsdlFacts({ imports })] }));
		expect(hits).toHaveLength(count);
		for (const h of hits)
			expect(h).toMatchObject({ severity: 'low', effect: 'warn', inputName: 'service.wsdl' });
	});
});
