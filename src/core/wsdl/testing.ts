// Test support: runs the WSDL stage over in-memory files the way analyze.ts would (detect, safe
// parse, stage), without the other areas' stages. Used by unit tests only.
import { detectKind } from '../detect';
import { ParseError } from '../errors';
import { emptyFacts, type AnalysisFacts } from '../facts';
import type { XmlDocumentRef } from '../pipeline';
import { parseXml } from '../xml/safe-parse';
import { emptyAlternative } from '../policy/security-policy';
import type { CapturedMessage, PolicyAlternative } from '../policy/types';
import type { WsdlFacts, WsdlMessageSide, WsdlOperation, WsdlPort } from './facts';
import { runWsdlStage } from './input';

export interface NamedText {
	name: string;
	text: string;
}

export function runWsdlOnTexts(
	files: readonly NamedText[],
	extra: Partial<AnalysisFacts> = {},
): AnalysisFacts {
	const facts = { ...emptyFacts('2026-11-22T12:00:00Z'), ...extra };
	const documents: XmlDocumentRef[] = [];
	for (const { name, text } of files) {
		const bytes = new TextEncoder().encode(text);
		const detection = detectKind(name, bytes);
		const base = {
			id: name,
			name,
			size: bytes.length,
			sha256: '',
			kind: detection.kind,
			kindReason: detection.reason,
		};
		if (detection.kind === 'unknown') {
			facts.inputs.push({ ...base, status: 'error', error: detection.reason });
			continue;
		}
		try {
			documents.push({ inputName: name, xml: parseXml(text), origin: 'input' });
			facts.inputs.push({ ...base, status: 'parsed' });
		} catch (e) {
			if (!(e instanceof ParseError)) throw e;
			facts.inputs.push({ ...base, status: 'error', error: e.message });
		}
	}
	runWsdlStage(facts, documents);
	return facts;
}

/** A policy alternative with defaults (no binding), overridden by `partial`. */
export function alternative(partial: Partial<PolicyAlternative> = {}): PolicyAlternative {
	return { ...emptyAlternative(), origin: '#P', ...partial };
}

/** An operation whose input and output carry the given alternatives. */
export function operation(
	binding: string,
	name: string,
	alternatives: PolicyAlternative[],
	extra: Partial<WsdlOperation> = {},
): WsdlOperation {
	const side = (direction: 'input' | 'output'): WsdlMessageSide => ({
		direction,
		action: `urn:test:${name}${direction === 'input' ? '' : 'Response'}`,
		actionExplicit: true,
		parts: [],
		bodyElements: [`{urn:test}${name}${direction === 'input' ? '' : 'Response'}`],
		attachedAt: alternatives.length ? ['binding (#P)'] : [],
		alternatives: alternatives.map((a) => ({ ...a })),
		requirements: [],
	});
	return {
		binding,
		interfaceName: `${binding}PortType`,
		name,
		soapAction: null,
		style: 'document',
		input: side('input'),
		output: side('output'),
		...extra,
	};
}

export function port(binding: string, address: string, extra: Partial<WsdlPort> = {}): WsdlPort {
	return {
		service: 'Svc',
		port: `${binding}Port`,
		address,
		scheme: /^([a-z]+):/i.exec(address)?.[1]?.toLowerCase() ?? '',
		binding,
		interfaceName: `${binding}PortType`,
		bindingType: 'soap11',
		...extra,
	};
}

export function wsdlFacts(partial: Partial<WsdlFacts> = {}): WsdlFacts {
	return {
		inputName: 'service.wsdl',
		kind: 'wsdl',
		version: '1.1',
		targetNamespace: 'urn:test',
		members: [],
		endpoints: [],
		ports: [],
		policies: [],
		operations: [],
		imports: [],
		notes: [],
		messages: [],
		...partial,
	};
}

/** A captured message with everything absent, matched to `binding/operation input` when given. */
export function capturedMessage(
	partial: Partial<CapturedMessage> = {},
	match: { binding: string; operation: string; wsdl?: string } | null = null,
): CapturedMessage {
	return {
		inputName: 'request.xml',
		soapVersion: '1.1',
		action: null,
		to: null,
		bodyElement: '{urn:test}Op',
		bodyEncrypted: false,
		securityHeader: false,
		timestamp: { present: false, signed: false },
		usernameToken: null,
		binaryTokens: [],
		x509Referenced: false,
		saml: false,
		signedTargets: [],
		signatureAlgorithms: [],
		digestAlgorithms: [],
		dataAlgorithms: [],
		keyTransports: [],
		algorithmSource: 'none',
		match: match
			? {
					wsdl: match.wsdl ?? 'service.wsdl',
					binding: match.binding,
					operation: match.operation,
					direction: 'input',
					by: 'wsa:Action',
				}
			: null,
		matchNote: '',
		...partial,
	};
}
