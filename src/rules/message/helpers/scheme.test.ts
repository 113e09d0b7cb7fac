import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../../core/facts';
import { facts } from '../../testing';
import { messageScheme } from './scheme';

describe('messageScheme', () => {
	const view = { inputName: 'm.xml', bodyEncrypted: false, wsaTo: null };
	it('prefers wsa:To, then WSDL, then the connector', () => {
		const wsdls = [
			{ inputName: 'a.wsdl', kind: 'wsdl', ports: [{ address: 'https://w.example/' }] },
		] as unknown as AnalysisFacts['wsdls'];
		const connector = { endpoint: 'http://c.example/' } as unknown as AnalysisFacts['connector'];
		expect(
			messageScheme(facts({ wsdls, connector }), { ...view, wsaTo: 'http://t.example/' }),
		).toMatchObject({ scheme: 'http', source: 'wsa:To' });
		expect(messageScheme(facts({ wsdls, connector }), view)).toMatchObject({
			scheme: 'https',
			source: 'WSDL',
		});
		expect(messageScheme(facts({ connector }), view)).toMatchObject({
			scheme: 'http',
			source: 'connector',
		});
		expect(messageScheme(facts({ connector }), { ...view, wsaTo: 'urn:anonymous' })).toMatchObject({
			source: 'connector',
		});
		expect(messageScheme(facts(), view)).toBeNull();
	});
});
