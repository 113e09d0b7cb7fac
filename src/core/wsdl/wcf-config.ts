// WCF (.NET) <system.serviceModel> configuration as a policy source (RULES.md rule 47 names WCF
// algorithmSuite / defaultAlgorithmSuite): each binding configuration becomes one policy
// alternative, each client or service endpoint a port. WCF defaults: wsHttpBinding uses Message
// security (symmetric, Windows credentials), basicHttpBinding None, algorithm suite Default =
// Basic256, Timestamps always included.
import type { Element } from '@xmldom/xmldom';
import { emptyAlternative } from '../policy/security-policy';
import { describeAlternative } from '../policy/describe';
import type { PolicyAlternative, PolicyToken, TokenRole, TokenType } from '../policy/types';
import type { ReportEndpoint, ReportPolicy } from '../report/report';
import { attr, descendants, kid, kids } from '../xml/ns-dom';
import type { WsdlFacts, WsdlOperation, WsdlPort } from './facts';

const HTTP_BINDINGS = new Set([
	'basicHttpBinding',
	'wsHttpBinding',
	'ws2007HttpBinding',
	'basicHttpsBinding',
	'wsFederationHttpBinding',
	'ws2007FederationHttpBinding',
	'customBinding',
]);

function suiteName(value: string | null): string {
	if (!value || value === 'Default') return 'Basic256';
	return value;
}

function token(
	type: TokenType,
	role: TokenRole,
	container: string,
	options: string[] = [],
): PolicyToken {
	return {
		type,
		assertion: `WCF ${type}`,
		role,
		container,
		includeToken: 'AlwaysToRecipient',
		options,
	};
}

const BOTH = { body: true, allHeaders: false, headers: [], attachments: false };

/** Message-level credential → supporting token (TransportWithMessageCredential / *OverTransport). */
function credentialToken(kind: string | null, role: TokenRole): PolicyToken | null {
	switch ((kind ?? '').toLowerCase()) {
		case 'username':
		case 'usernameovertransport':
			return token('UsernameToken', role, 'WCF message clientCredentialType');
		case 'certificate':
		case 'certificateovertransport':
			return token(
				'X509',
				role === 'signed-encrypted-supporting' ? 'endorsing' : role,
				'WCF message clientCredentialType',
			);
		case 'issuedtoken':
		case 'issuedtokenovertransport':
			return token('IssuedToken', role, 'WCF message clientCredentialType');
		case 'windows':
		case 'kerberosovertransport':
			return token('SpnegoContext', role, 'WCF message clientCredentialType');
		default:
			return null;
	}
}

function fromStandardBinding(kind: string, el: Element | null): PolicyAlternative {
	const security = el ? kid(el, [''], 'security') : null;
	const defaultMode =
		kind === 'basicHttpBinding' ? 'None' : kind === 'basicHttpsBinding' ? 'Transport' : 'Message';
	const mode = (security ? attr(security, 'mode') : null) ?? defaultMode;
	const message = security ? kid(security, [''], 'message') : null;
	const transport = security ? kid(security, [''], 'transport') : null;
	const alt = emptyAlternative();
	alt.origin = `${kind}${el && attr(el, 'name') ? `/${attr(el, 'name')}` : ' (defaults)'}`;
	const credential =
		(message ? attr(message, 'clientCredentialType') : null) ??
		(kind === 'basicHttpBinding' ? 'UserName' : 'Windows');
	const https = token('HttpsToken', 'transport', 'WCF transport');
	const transportCredential = transport ? attr(transport, 'clientCredentialType') : null;
	if (transportCredential === 'Certificate') https.options.push('RequireClientCertificate');
	if (transportCredential === 'Basic') https.options.push('HttpBasicAuthentication');
	if (transportCredential === 'Digest') https.options.push('HttpDigestAuthentication');
	if (mode === 'None') return alt;
	alt.algorithmSuite = suiteName(message ? attr(message, 'algorithmSuite') : null);
	alt.includeTimestamp = true;
	if (mode === 'Transport') {
		alt.binding = 'transport';
		alt.bindingAssertion = 'WCF security mode Transport';
		alt.includeTimestamp = false;
		alt.tokens.push(https);
	} else if (mode === 'TransportWithMessageCredential') {
		alt.binding = 'transport';
		alt.bindingAssertion = 'WCF security mode TransportWithMessageCredential';
		alt.tokens.push(https);
		const t = credentialToken(credential, 'signed-encrypted-supporting');
		if (t) alt.tokens.push(t);
	} else {
		alt.binding = kind === 'basicHttpBinding' ? 'asymmetric' : 'symmetric';
		alt.bindingAssertion = `WCF security mode ${mode}`;
		alt.signedParts = { ...BOTH };
		alt.encryptedParts = { ...BOTH };
		alt.tokens.push(
			token(
				'X509',
				alt.binding === 'asymmetric' ? 'recipient' : 'protection',
				'WCF service certificate',
			),
		);
		const t = credentialToken(
			credential,
			alt.binding === 'asymmetric' ? 'initiator' : 'signed-encrypted-supporting',
		);
		if (t) alt.tokens.push(t);
	}
	return alt;
}

function fromCustomBinding(el: Element): PolicyAlternative {
	const alt = emptyAlternative();
	alt.origin = `customBinding/${attr(el, 'name') ?? ''}`;
	const security = kid(el, [''], 'security');
	const https = kid(el, [''], 'httpsTransport');
	const httpsToken = token('HttpsToken', 'transport', 'WCF httpsTransport');
	if (https && attr(https, 'requireClientCertificate') === 'true')
		httpsToken.options.push('RequireClientCertificate');
	if (!security) {
		if (https) {
			alt.binding = 'transport';
			alt.bindingAssertion = 'WCF httpsTransport';
			alt.tokens.push(httpsToken);
		}
		return alt;
	}
	const mode = attr(security, 'authenticationMode') ?? 'SspiNegotiated';
	alt.algorithmSuite = suiteName(attr(security, 'defaultAlgorithmSuite'));
	alt.includeTimestamp = attr(security, 'includeTimestamp') !== 'false';
	alt.bindingAssertion = `WCF security authenticationMode ${mode}`;
	if (/OverTransport$/.test(mode)) {
		alt.binding = 'transport';
		alt.tokens.push(httpsToken);
		const t = credentialToken(mode, 'signed-encrypted-supporting');
		if (t) alt.tokens.push(t);
		return alt;
	}
	alt.signedParts = { ...BOTH };
	alt.encryptedParts = { ...BOTH };
	if (mode === 'MutualCertificate' || mode === 'MutualCertificateDuplex') {
		alt.binding = 'asymmetric';
		alt.tokens.push(
			token('X509', 'initiator', 'WCF MutualCertificate'),
			token('X509', 'recipient', 'WCF MutualCertificate'),
		);
	} else {
		alt.binding = 'symmetric';
		alt.tokens.push(token('X509', 'protection', 'WCF service certificate'));
		if (mode === 'UserNameForCertificate' || mode === 'UserNameForSslNegotiated')
			alt.tokens.push(token('UsernameToken', 'signed-encrypted-supporting', alt.bindingAssertion));
		else if (mode === 'IssuedTokenForCertificate' || mode === 'IssuedToken')
			alt.tokens.push(token('IssuedToken', 'endorsing', alt.bindingAssertion));
		else if (mode === 'SspiNegotiated' || mode === 'Kerberos')
			alt.tokens.push(token('SpnegoContext', 'endorsing', alt.bindingAssertion));
		else if (mode === 'MutualSslNegotiated')
			alt.tokens.push(token('X509', 'endorsing', alt.bindingAssertion));
	}
	return alt;
}

function schemeOf(address: string): string {
	return /^([a-z][a-z0-9+.-]*):/i.exec(address.trim())?.[1]?.toLowerCase() ?? '';
}

/** Reads a .NET configuration file; null when it has no HTTP bindings or endpoints. */
export function wcfConfigFacts(inputName: string, root: Element): WsdlFacts | null {
	const model = descendants(root).find((e) => e.localName === 'system.serviceModel');
	if (!model) return null;
	const bindingsEl = kid(model, [''], 'bindings');
	const configured = new Map<string, { kind: string; el: Element | null }>();
	for (const group of bindingsEl ? kids(bindingsEl) : []) {
		const kind = group.localName ?? '';
		if (!HTTP_BINDINGS.has(kind)) continue;
		for (const b of kids(group, [''], 'binding'))
			configured.set(`${kind}\u0000${attr(b, 'name') ?? ''}`, { kind, el: b });
	}
	const ports: WsdlPort[] = [];
	const used = new Map<string, { kind: string; el: Element | null; name: string }>();
	const endpoints = [
		...descendants(model).filter(
			(e) => e.localName === 'endpoint' && (e.parentNode as Element | null)?.localName === 'client',
		),
		...descendants(model).filter(
			(e) =>
				e.localName === 'endpoint' && (e.parentNode as Element | null)?.localName === 'service',
		),
	];
	for (const ep of endpoints) {
		const kind = attr(ep, 'binding') ?? '';
		if (!HTTP_BINDINGS.has(kind)) continue;
		const configName = attr(ep, 'bindingConfiguration') ?? '';
		const found = configured.get(`${kind}\u0000${configName}`);
		const name = configName ? `${kind}/${configName}` : `${kind} (defaults)`;
		used.set(name, { kind, el: found?.el ?? null, name });
		const address = attr(ep, 'address') ?? '';
		const custom =
			kind === 'customBinding' && found?.el ? kid(found.el, [''], 'textMessageEncoding') : null;
		const soap11 =
			kind === 'basicHttpBinding' ||
			kind === 'basicHttpsBinding' ||
			(custom ? /Soap11/.test(attr(custom, 'messageVersion') ?? '') : false);
		const service =
			(ep.parentNode as Element | null)?.localName === 'client'
				? 'client'
				: (attr(ep.parentNode as Element, 'name') ?? 'service');
		ports.push({
			service,
			port: attr(ep, 'name') ?? attr(ep, 'contract') ?? 'endpoint',
			address,
			scheme: schemeOf(address),
			binding: name,
			interfaceName: attr(ep, 'contract'),
			bindingType: soap11 ? 'soap11' : 'soap12',
		});
	}
	for (const [key, c] of configured) {
		const name = `${c.kind}/${key.split('\u0000')[1] ?? ''}`;
		if (!used.has(name)) used.set(name, { ...c, name });
	}
	if (used.size === 0) return null;
	const operations: WsdlOperation[] = [];
	for (const b of used.values()) {
		const alt =
			b.kind === 'customBinding' && b.el
				? fromCustomBinding(b.el)
				: fromStandardBinding(b.kind, b.el);
		const schemes = ports.filter((p) => p.binding === b.name).map((p) => p.scheme);
		operations.push({
			binding: b.name,
			interfaceName: null,
			name: '(every operation)',
			soapAction: null,
			style: null,
			input: {
				direction: 'input',
				action: null,
				actionExplicit: false,
				parts: [],
				bodyElements: [],
				attachedAt: [`WCF binding configuration ${b.name}`],
				alternatives: [alt],
				requirements: [describeAlternative(alt, 'input', schemes)],
			},
			output: null,
		});
	}
	const endpointsOut: ReportEndpoint[] = ports.map((p) => ({
		inputName,
		service: p.service,
		port: p.port,
		address: p.address,
		secure: p.scheme === 'https',
		binding: p.bindingType === 'soap11' ? 'soap11' : 'soap12',
	}));
	const policies: ReportPolicy[] = operations.map((op) => {
		const alt = op.input!.alternatives[0]!;
		return {
			inputName,
			subject: op.binding,
			binding: alt.binding,
			algorithmSuite: alt.algorithmSuite,
			includeTimestamp: alt.includeTimestamp,
			signedParts: alt.signedParts.body ? ['Body'] : [],
			encryptedParts: alt.encryptedParts.body ? ['Body'] : [],
			tokens: [
				...new Set(
					alt.tokens.map((t) =>
						t.type === 'X509' ? 'X509Token' : t.type === 'SAML' ? 'SamlToken' : t.type,
					),
				),
			],
		};
	});
	return {
		inputName,
		kind: 'wcf-config',
		version: null,
		targetNamespace: null,
		members: [],
		endpoints: endpointsOut,
		ports,
		policies,
		operations,
		imports: [],
		notes: [],
		messages: [],
	};
}
