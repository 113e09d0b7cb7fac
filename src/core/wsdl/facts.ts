// Facts about WSDL documents and their WS-Policy.
import type { ReportEndpoint, ReportPolicy } from '../report/report';
import type { CapturedMessage, PolicyAlternative } from '../policy/types';

export type { CapturedMessage, PolicyAlternative } from '../policy/types';

/** One port (WSDL 1.1) or endpoint (WSDL 2.0), with the names the contract row leaves out. */
export interface WsdlPort {
	service: string;
	port: string;
	address: string;
	/** URL scheme in lower case ("http", "https", "jms"…); "" when the address has none. */
	scheme: string;
	binding: string;
	/** The portType (1.1) or interface (2.0) the binding implements, when known. */
	interfaceName: string | null;
	bindingType: 'soap11' | 'soap12' | 'http' | 'unknown';
}

/** One direction of an operation, with its effective (merged and normalized) policy. */
export interface WsdlMessageSide {
	direction: 'input' | 'output';
	/** Explicit wsam:Action / wsaw:Action, or the WS-Addressing default action. */
	action: string | null;
	actionExplicit: boolean;
	/** Message parts: name and element or type as {namespace}local. */
	parts: { name: string; element: string | null; type: string | null }[];
	/** Body children this side may carry ({namespace}local): part elements, or the rpc wrapper. */
	bodyElements: string[];
	/** Policy attachment points that contributed, e.g. "binding (#UsernameTokenPolicy)". */
	attachedAt: string[];
	alternatives: PolicyAlternative[];
	/** Plain-words requirements, one per alternative. */
	requirements: string[];
}

export interface WsdlOperation {
	binding: string;
	interfaceName: string | null;
	name: string;
	soapAction: string | null;
	/** rpc or document (SOAP 1.1/1.2 bindings). */
	style: string | null;
	input: WsdlMessageSide | null;
	output: WsdlMessageSide | null;
}

export interface WsdlImport {
	/** The dropped file that declares it. */
	from: string;
	kind: 'wsdl:import' | 'wsdl:include' | 'xsd:import' | 'xsd:include' | 'xsd:redefine';
	namespace: string | null;
	location: string | null;
	/** The dropped file it resolved to, or null. */
	resolvedTo: string | null;
	status: 'resolved' | 'missing' | 'inline' | 'not-needed';
	/** Plain words: how it resolved or what is missing. */
	note: string;
}

export interface WsdlNote {
	level: 'error' | 'warning' | 'info';
	message: string;
}

export interface WsdlFacts {
	inputName: string;
	/**
	 * A WSDL (with the files it imports), a WCF <system.serviceModel> configuration read as policy,
	 * or a captured message seen without a matching WSDL.
	 */
	kind: 'wsdl' | 'wcf-config' | 'capture';
	version: '1.1' | '2.0' | null;
	targetNamespace: string | null;
	/** Other dropped WSDL files folded into this one through imports. */
	members: string[];
	endpoints: ReportEndpoint[];
	ports: WsdlPort[];
	policies: ReportPolicy[];
	operations: WsdlOperation[];
	imports: WsdlImport[];
	notes: WsdlNote[];
	/** Captured envelopes matched to this WSDL (or, for kind "capture", the one envelope). */
	messages: CapturedMessage[];
}

/** Detail view of a WSDL input: its own facts, or where they are shown when it is imported. */
export interface WsdlDetail {
	summary: string;
	/** Index into facts.wsdls of the WSDL this input belongs to, or null. */
	wsdlIndex: number | null;
	/** Set when another dropped WSDL imports this one. */
	importedBy: string | null;
}
