// Facts about WSDL documents and their WS-Policy. Owned by issue #7.
import type { ReportEndpoint, ReportPolicy } from '../report/report';

export interface WsdlFacts {
	inputName: string;
	endpoints: ReportEndpoint[];
	policies: ReportPolicy[];
}

/** Detail view of a WSDL input (issue #7 shapes it). */
export interface WsdlDetail {
	summary: string;
}
