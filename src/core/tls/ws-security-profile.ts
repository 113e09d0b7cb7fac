// The connector form's declared WS-Security profile (sign, encrypt, timestamp, username token)
// set beside what the dropped SOAP messages actually carry, as plain notes on the form's
// connector: a declaration nobody checked is how "we sign everything" outlives the code that did.
import type { AnalysisFacts } from '../facts';
import type { EnvelopeFacts } from '../soap/facts';
import type { ConnectorForm } from './facts';

type Part = keyof ConnectorForm['wsSecurity'];

const LABEL: Record<Part, string> = {
	sign: 'a signature over the Body',
	encrypt: 'an encrypted Body',
	timestamp: 'a Timestamp',
	usernameToken: 'a UsernameToken',
};

const FORM_WORD: Record<Part, string> = {
	sign: 'sign',
	encrypt: 'encrypt',
	timestamp: 'timestamp',
	usernameToken: 'username token',
};

/** Messages compared at most (each adds up to four notes). */
const MAX_MESSAGES = 5;

function observed(facts: AnalysisFacts, env: EnvelopeFacts): Record<Part, boolean> {
	const signatures = facts.signatures.filter((s) => s.inputName === env.inputName);
	return {
		sign: signatures.some((s) =>
			s.references.some((r) => r.wholeDocument || r.targetKind === 'body'),
		),
		encrypt: facts.envelopes.some((e) => e.inputName === env.inputName && e.bodyEncrypted),
		timestamp: env.securityHeaders.some((h) => h.timestamps.length > 0),
		usernameToken: env.usernameTokens.length > 0,
	};
}

export function wsSecurityProfileNotes(form: ConnectorForm, facts: AnalysisFacts): string[] {
	const parts = Object.keys(LABEL) as Part[];
	const declared = parts.filter((p) => form.wsSecurity[p]);
	if (form.type !== 'SOAP' && declared.length === 0) return [];
	const listed = declared.length
		? declared.map((p) => FORM_WORD[p]).join(', ')
		: 'nothing (no message-level security)';
	const notes: string[] = [];
	const plainHttp = /^http:/i.test(form.endpoint.trim());
	if (plainHttp && !form.wsSecurity.encrypt)
		notes.push(
			'over plain HTTP without message encryption, every Body travels readable on the wire',
		);
	const messages = facts.envelopes.filter((e) => e.documentOrigin === 'input');
	if (messages.length === 0) {
		notes.push(
			`WS-Security profile declared in the form: ${listed}; drop a captured request or response to check it against the real message`,
		);
		return notes;
	}
	for (const env of messages.slice(0, MAX_MESSAGES)) {
		const seen = observed(facts, env);
		const missing = parts.filter((p) => form.wsSecurity[p] && !seen[p]);
		const extra = parts.filter((p) => !form.wsSecurity[p] && seen[p]);
		for (const p of missing)
			notes.push(
				`${env.inputName}: the form declares "${FORM_WORD[p]}" but the message has no ${LABEL[p].replace(/^an? /, '')}`,
			);
		for (const p of extra)
			notes.push(
				`${env.inputName}: the message carries ${LABEL[p]}, which the form's WS-Security profile does not declare`,
			);
		if (missing.length === 0 && extra.length === 0)
			notes.push(`${env.inputName}: matches the declared WS-Security profile (${listed})`);
	}
	if (messages.length > MAX_MESSAGES)
		notes.push(`${messages.length - MAX_MESSAGES} more message(s) not compared with the profile`);
	return notes;
}
