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
import { blankComments } from './code-comments';
import { lineOf, parseUrl } from './text';

/** SecurityProtocolType / SslProtocols flag values (RULES.md 4.1). */
const FLAG_VALUES: Record<string, number> = {
	Ssl3: 48,
	Tls: 192,
	Tls11: 768,
	Tls12: 3072,
	Tls13: 12288,
};

/** The flag names a number stands for (an OR of the values above; 0 is SystemDefault). */
function flagNames(n: number): string[] {
	const names = Object.entries(FLAG_VALUES)
		.filter(([, v]) => (n & v) === v)
		.map(([k]) => k);
	return names.length ? names : ['SystemDefault'];
}

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

export function parseDotnet(source: string, inputName: string): TlsParse {
	const parse = emptyParse('dotnet');
	// The framework comes from project facts (targetFramework, <TargetFramework>), never from a
	// comment such as "// .NET Framework 4.8": a runtime is stated on the card or in the project.
	const decl: DotnetDecl = { framework: frameworkOf(source), validationDisabled: [] };
	// Only live code and configuration count: a commented-out `SecurityProtocolType.Ssl3` is none.
	const text = /^\s*</.test(source)
		? source.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' '))
		: blankComments(source, 'cs');
	// Flags named anywhere (`SecurityProtocolType.Tls12`, `SslProtocols.Tls13`, config values), and
	// numbers cast to the enum with what is OR-ed to them: `(SecurityProtocolType)3072 | 768 | 192`.
	// A flag after `~` is one being removed (`&= ~SecurityProtocolType.Ssl3`), not enabled.
	const named = [
		...text.matchAll(
			/(~\s*)?(?:System\.Net\.(?:Security\.)?)?(SecurityProtocolType|SslProtocols)\.(\w+)/g,
		),
	]
		.filter((m) => !m[1])
		.map((m) => ({ name: m[3] ?? '', index: m.index, text: m[0] }));
	const casts = [
		...text.matchAll(
			/\((?:System\.Net\.(?:Security\.)?)?(?:SecurityProtocolType|SslProtocols)\)\s*\(?\s*(0x[0-9a-f]+|\d+)(?:\s*\|\s*(?:\((?:System\.Net\.(?:Security\.)?)?(?:SecurityProtocolType|SslProtocols)\)\s*)?(?:0x[0-9a-f]+|\d+))*/gi,
		),
	].flatMap((m) =>
		[...m[0].matchAll(/\)\s*\(?\s*(0x[0-9a-f]+|\d+)|\|\s*(0x[0-9a-f]+|\d+)/gi)].flatMap((n) =>
			flagNames(Number(n[1] ?? n[2])).map((name) => ({ name, index: m.index, text: m[0] })),
		),
	);
	const flags = [...named, ...casts].sort((a, b) => a.index - b.index);
	if (flags.length > 0) {
		const first = flags[0];
		const assignments = [...text.matchAll(/\bSecurityProtocol\s*(\|=|&=|=(?!=))/g)];
		decl.flags = {
			value: [...new Set(flags.map((f) => f.name))],
			origin: origin(
				inputName,
				/SslProtocols/.test(first?.text ?? '') ? 'SslProtocols' : 'SecurityProtocolType',
				lineOf(text, first?.index ?? 0),
				[...new Set(flags.map((f) => f.text))].join(' | '),
			),
		};
		// `ServicePointManager.SecurityProtocol |= X` adds X to what the runtime already enables.
		if (assignments.length > 0 && assignments.every((a) => a[1] !== '=')) decl.flagsAdded = true;
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
	// SslStream.AuthenticateAsServer(Async) makes this code the TLS server of the connection.
	const server = /\.AuthenticateAsServer(?:Async)?\s*\(/.exec(text);
	if (server || parse.endpoints.length === 0) {
		const line = server ? lineOf(text, server.index) : null;
		parse.endpoints.push({
			label: server ? `.NET SslStream server (line ${line ?? ''})` : '.NET client',
			format: 'dotnet',
			role: server ? 'server' : 'client',
			scheme: 'https',
			host: null,
			port: null,
			line,
			product: '.NET',
			productVersion: decl.framework,
			stack: 'dotnet',
			validationDisabled: server ? [] : decl.validationDisabled,
			certificateFiles: [],
			defaults: { protocols: '.NET default by target framework', ciphers: 'Schannel (OS) default' },
		});
	}
	return parse;
}
