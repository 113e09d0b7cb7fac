// Endpoints whose host a server certificate must name (connector URL, WSDL soap:address, mail
// host, scanned host) and the dropped certificates that claim to be that server's.
import type { AnalysisFacts } from '../../../core/facts';
import type { CertificateFacts } from '../../../core/x509/facts';
import { parseUrl } from '../../../core/tls/formats/text';

export interface EndpointHost {
	host: string;
	source: string;
	inputName: string | null;
	role: 'client' | 'server';
}

export function endpointHosts(facts: AnalysisFacts): EndpointHost[] {
	const out: EndpointHost[] = [];
	const add = (
		url: string,
		source: string,
		inputName: string | null,
		role: 'client' | 'server',
	) => {
		const u = parseUrl(url);
		if (u && u.scheme !== 'http' && !out.some((e) => e.host === u.host))
			out.push({ host: u.host, source, inputName, role });
	};
	if (facts.connector?.endpoint)
		add(facts.connector.endpoint, 'connector URL', null, facts.connector.role);
	for (const c of facts.tls) {
		const h = c.endpoint?.host;
		if (!h || c.channel === 'PLAIN' || h === 'localhost' || out.some((e) => e.host === h)) continue;
		const source = c.mail ? 'mail host' : c.observed ? 'scanned host' : 'endpoint';
		out.push({ host: h, source, inputName: c.inputName, role: c.role });
	}
	for (const w of facts.wsdls)
		for (const e of w.endpoints) add(e.address, 'WSDL soap:address', w.inputName, 'client');
	return out;
}

const CERT_KINDS = new Set(['pem', 'der-certificate', 'pkcs7', 'pkcs12', 'jks', 'jceks', 'bks']);

/** Leaf certificates dropped as certificate or keystore files, minus a client's own identity. */
export function serverCertificates(facts: AnalysisFacts, ep: EndpointHost): CertificateFacts[] {
	const kinds = new Map(facts.inputs.map((i) => [i.name, i.kind]));
	let certs = facts.certificates.filter(
		(c) => !c.isCA && CERT_KINDS.has(kinds.get(c.inputName) ?? 'unknown'),
	);
	const form = facts.connector;
	if (form && ep.source === 'connector URL') {
		if (form.role === 'server' && form.keystoreInput)
			certs = certs.filter((c) => c.inputName === form.keystoreInput);
		else if (form.role === 'client') {
			if (form.truststoreInput) certs = certs.filter((c) => c.inputName === form.truststoreInput);
			else if (form.keystoreInput) certs = certs.filter((c) => c.inputName !== form.keystoreInput);
		}
	}
	return certs;
}
