// Facts about WSDL documents and their WS-Policy. Owned by issue #7.
import type { ReportEndpoint, ReportPolicy } from '../report/report';

export interface WsdlFacts {
	inputName: string;
	endpoints: ReportEndpoint[];
	policies: ReportPolicy[];
}
