// .NET (RULES.md 4.10): SecurityProtocolType / SslProtocols flags in code or config, the target
// framework, SchUseStrongCrypto / SystemDefaultTlsVersions and AppContext switches, validation
// callbacks that return true, and WCF endpoint addresses.
import {
	emptyParse,
	origin,
	type DeclaredEndpoint,
	type DotnetDecl,
	type TlsParse,
} from '../model';
import { lineOf, parseUrl } from './text';

export function frameworkOf(text: string): string | null {
	const m =
		/targetFramework\s*=\s*"(\d+\.\d+(?:\.\d+)?)"/i.exec(text) ??
		/\.NETFramework,Version=v(\d+\.\d+(?:\.\d+)?)/i.exec(text) ??
		/<TargetFramework>net(\d)(\d)(\d)?<\/TargetFramework>/i.exec(text);
	if (!m) {
		const core = /<TargetFramework>net(\d+\.\d+)<\/TargetFramework>|netcoreapp(\d+\.\d+)/i.exec(
			text,
		);
		return core ? `core-${core[1] ?? core[2] ?? ''}` : null;
	}
	return m[3] !== undefined || (m[2] !== undefined && !m[1]?.includes('.'))
		? [m[1], m[2], m[3]].filter(Boolean).join('.')
		: (m[1] ?? null);
}

export function parseDotnet(text: string, inputName: string): TlsParse {
	const parse = emptyParse('dotnet');
	const decl: DotnetDecl = { framework: frameworkOf(text), validationDisabled: [] };
	const flags = [...text.matchAll(/(SecurityProtocolType|SslProtocols)\.(\w+)/g)];
	if (flags.length > 0) {
		const first = flags[0];
		decl.flags = {
			value: [...new Set(flags.map((m) => m[2] ?? ''))],
			origin: origin(
				inputName,
				first?.[1] ?? 'SecurityProtocol',
				lineOf(text, first?.index ?? 0),
				flags.map((m) => m[0]).join(' | '),
			),
		};
	}
	const numeric = /SecurityProtocol\s*=\s*\(SecurityProtocolType\)\s*(\d+)/.exec(text);
	if (numeric) {
		const n = Number(numeric[1]);
		const names = Object.entries({ Ssl3: 48, Tls: 192, Tls11: 768, Tls12: 3072, Tls13: 12288 })
			.filter(([, v]) => (n & v) === v)
			.map(([k]) => k);
		decl.flags = {
			value: names.length ? names : ['SystemDefault'],
			origin: origin(inputName, 'SecurityProtocol', lineOf(text, numeric.index), numeric[0]),
		};
	}
	const strong =
		/(SchUseStrongCrypto|SystemDefaultTlsVersions)"?\s*=\s*dword:0*([01])|DontEnable(SchUseStrongCrypto|SystemDefaultTlsVersions)=(true|false)/i.exec(
			text,
		);
	if (strong) {
		const on = strong[2] !== undefined ? strong[2] === '1' : strong[4]?.toLowerCase() === 'false';
		decl.strongCrypto = {
			value: on,
			origin: origin(
				inputName,
				strong[1] ?? `DontEnable${strong[3] ?? ''}`,
				lineOf(text, strong.index),
				strong[0],
			),
		};
	}
	for (const m of text.matchAll(
		/(ServerCertificateValidationCallback|ServerCertificateCustomValidationCallback)\s*[+]?=\s*(?:\([^)]*\)|\w+)\s*=>\s*true|DangerousAcceptAnyServerCertificateValidator/g,
	)) {
		decl.validationDisabled.push(
			origin(
				inputName,
				m[1] ?? 'DangerousAcceptAnyServerCertificateValidator',
				lineOf(text, m.index ?? 0),
				m[0],
			),
		);
	}
	parse.dotnet = decl;
	const addresses = [...text.matchAll(/<endpoint\b[^>]*\baddress\s*=\s*"([^"]+)"/gi)];
	const urls = addresses.length
		? addresses
		: [...text.matchAll(/["'](https?:\/\/[^"'\s]+)["']/g)].slice(0, 1);
	for (const m of urls) {
		const u = parseUrl(m[1] ?? '');
		if (!u) continue;
		const ep: DeclaredEndpoint = {
			label: `.NET client to ${m[1] ?? ''}`,
			format: 'dotnet',
			role: 'client',
			scheme: u.scheme,
			host: u.host,
			port: u.port,
			line: lineOf(text, m.index ?? 0),
			product: '.NET',
			productVersion: decl.framework,
			stack: 'dotnet',
			validationDisabled: decl.validationDisabled,
			certificateFiles: [],
			defaults: { protocols: '.NET default by target framework', ciphers: 'Schannel (OS) default' },
		};
		parse.endpoints.push(ep);
	}
	if (parse.endpoints.length === 0) {
		parse.endpoints.push({
			label: '.NET client',
			format: 'dotnet',
			role: 'client',
			scheme: 'https',
			host: null,
			port: null,
			line: null,
			product: '.NET',
			productVersion: decl.framework,
			stack: 'dotnet',
			validationDisabled: decl.validationDisabled,
			certificateFiles: [],
			defaults: { protocols: '.NET default by target framework', ciphers: 'Schannel (OS) default' },
		});
	}
	return parse;
}
