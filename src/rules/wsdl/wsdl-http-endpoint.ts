// WSDL-HTTP-ENDPOINT (RULES.md rule 43 and its amendment): a plain-HTTP endpoint, whether declared
// in a WSDL, typed in the connector form or seen as the wsa:To of a captured message. F, or cap C
// when message-level protection is complete (MLP-COMPLETE, section 3.4).
import { messageProtected, mlpCompleteForBinding, mlpCompleteOverall } from '../policy/helpers/mlp';
import type { Rule } from '../rule';

function isHttp(url: string): boolean {
	return /^http:/i.test(url.trim());
}

const CAPPED = ' (message-level protection is complete, so the grade is capped at C instead of F)';

export const wsdlHttpEndpoint: Rule = {
	meta: {
		id: 'WSDL-HTTP-ENDPOINT',
		area: 'wsdl',
		title: 'SOAP endpoint over plain HTTP',
		severities: ['high'],
		remediation: 'Publish and call only https endpoints.',
		references: [
			'OWASP Web Service Security Cheat Sheet (Transport Confidentiality)',
			'RFC 9325',
			'WS-SecurityPolicy TransportBinding/HttpsToken',
		],
	},
	check(facts, report) {
		for (const wsdl of facts.wsdls) {
			for (const port of wsdl.ports) {
				if (port.scheme !== 'http') continue;
				const mlp = mlpCompleteForBinding(facts, wsdl, port.binding);
				report({
					severity: 'high',
					effect: mlp ? 'cap C' : 'F',
					inputName: wsdl.inputName,
					subject: `${port.service}/${port.port}`,
					evidence: `${port.address}${mlp ? CAPPED : ''}`,
				});
			}
			for (const msg of wsdl.messages) {
				if (!msg.to || !isHttp(msg.to)) continue;
				const mlp = messageProtected(msg, facts);
				report({
					severity: 'high',
					effect: mlp ? 'cap C' : 'F',
					inputName: msg.inputName,
					subject: 'wsa:To of the captured message',
					evidence: `${msg.to}${mlp ? CAPPED : ''}`,
				});
			}
		}
		// A connector declared in a JSON file (the form's own is below): its endpoint URL.
		for (const c of facts.tls) {
			if (c.source !== 'connector' || c.endpoint?.scheme !== 'http' || !c.inputName) continue;
			const mlp = c.product === 'SOAP connector' && mlpCompleteOverall(facts);
			report({
				severity: 'high',
				effect: mlp ? 'cap C' : 'F',
				inputName: c.inputName,
				subject: `connector endpoint (${c.name})`,
				evidence: `${c.endpointUrl ?? `http://${c.endpoint.host ?? ''}`}${mlp ? CAPPED : ''}`,
			});
		}
		const endpoint = facts.connector?.endpoint ?? '';
		if (isHttp(endpoint)) {
			const mlp = facts.connector?.type === 'SOAP' && mlpCompleteOverall(facts);
			report({
				severity: 'high',
				effect: mlp ? 'cap C' : 'F',
				inputName: null,
				subject: `connector endpoint${facts.connector?.name ? ` (${facts.connector.name})` : ''}`,
				evidence: `${endpoint}${mlp ? CAPPED : ''}`,
			});
		}
	},
};
