// The form's WS-Security profile against real WSS4J messages: each declared part missing from a
// message, and each part a message carries undeclared, becomes a note on the form's connector.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analyze';
import type { ConnectorForm } from './facts';

const WSS = resolve(import.meta.dirname, '../../../tests/fixtures/wss');

function form(
	wsSecurity: Partial<ConnectorForm['wsSecurity']>,
	endpoint = 'https://orders.example.com/ws',
): ConnectorForm {
	return {
		name: 'Orders',
		type: 'SOAP',
		endpoint,
		role: 'client',
		lowestTlsVersion: 'TLSv1.2',
		runtime: '',
		cipherSuites: '',
		keystoreInput: '',
		truststoreInput: '',
		wsSecurity: {
			sign: false,
			encrypt: false,
			timestamp: false,
			usernameToken: false,
			...wsSecurity,
		},
	};
}

async function notes(files: string[], connector: ConnectorForm): Promise<string[]> {
	const result = await new Analyzer().run(
		{
			files: files.map((name, i) => ({
				id: `f${i}`,
				name,
				bytes: new Uint8Array(readFileSync(resolve(WSS, name))),
			})),
			passwords: {},
			entryPasswords: {},
			settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [], connector },
		},
		() => undefined,
		new AbortController().signal,
	);
	return result.facts.tls
		.filter((t) => t.declared?.inputs.includes('form'))
		.flatMap((t) => t.notes);
}

describe('WS-Security profile of the connector form', () => {
	it.each([
		[
			'signed message, sign + timestamp declared: matches',
			['wss4j-soap11-rsa-bst.xml'],
			{ sign: true, timestamp: true },
			[/wss4j-soap11-rsa-bst\.xml: matches the declared WS-Security profile \(sign, timestamp\)/],
			[/declares/, /does not declare/],
		],
		[
			'signed message, encryption declared too: the Body is not encrypted',
			['wss4j-soap11-rsa-bst.xml'],
			{ sign: true, encrypt: true, timestamp: true },
			[/declares "encrypt" but the message has no encrypted Body/],
			[/matches/],
		],
		[
			'signed message, nothing declared: the signature and Timestamp are undeclared',
			['wss4j-soap11-rsa-bst.xml'],
			{},
			[/carries a signature over the Body, which the form/, /carries a Timestamp, which the form/],
			[/matches/],
		],
		[
			'username token over http without timestamp: declared timestamp is missing',
			['wss4j-soap11-username-http-no-timestamp.xml'],
			{ usernameToken: true, timestamp: true },
			[/declares "timestamp" but the message has no Timestamp/],
			[/declares "username token"/],
		],
		[
			'no message dropped: the profile is listed and a capture is asked for',
			[],
			{ sign: true },
			[/declared in the form: sign; drop a captured request/],
			[/matches/],
		],
	])('%s', async (_name, files, profile, present, absent) => {
		const got = (await notes(files, form(profile))).join('\n');
		for (const p of present) expect(got).toMatch(p);
		for (const a of absent) expect(got).not.toMatch(a);
	});

	it('warns that plain HTTP without encryption leaves every Body readable', async () => {
		const got = await notes([], form({ sign: true }, 'http://orders.example.com/ws'));
		expect(got.join('\n')).toMatch(/plain HTTP without message encryption/);
		const encrypted = await notes(
			[],
			form({ sign: true, encrypt: true }, 'http://orders.example.com/ws'),
		);
		expect(encrypted.join('\n')).not.toMatch(/plain HTTP/);
	});
});
