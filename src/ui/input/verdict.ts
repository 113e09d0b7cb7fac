// The verdict a card's status pill shows: not only whether parsing succeeded, but what the input
// turned out to be (an invalid signature, syntax errors, partly read). data-status keeps the
// contract's four values; this is the words and the tone beside it.
import type { AnalysisFacts, InputFacts } from '../../core/facts';
import type { InputStatus } from '../../core/report/report';

export type VerdictTone = 'ok' | 'warn' | 'bad' | 'muted';

export interface Verdict {
	label: string;
	tone: VerdictTone;
	/** A longer sentence for the pill's accessible description. */
	detail: string;
}

export function verdictOf(
	status: InputStatus,
	input: InputFacts | null,
	facts: AnalysisFacts | null,
): Verdict {
	if (status === 'pending' || !input) {
		return { label: 'analyzing', tone: 'muted', detail: 'Still being analyzed' };
	}
	if (status === 'locked') {
		// a locked JKS/JCEKS still shows its entries and certificates (stored in clear)
		return {
			label: 'locked',
			tone: 'warn',
			detail: input.detail
				? 'Needs its password; only what reads without it is shown'
				: 'Needs a password; not analyzed yet',
		};
	}
	if (status === 'error') {
		if (input.kind === 'unknown') {
			return {
				label: 'not supported',
				tone: 'muted',
				detail: input.error ?? 'Not a supported input',
			};
		}
		if (/cancel/i.test(input.error ?? '')) {
			return { label: 'cancelled', tone: 'warn', detail: input.error ?? 'Analysis cancelled' };
		}
		return { label: 'unreadable', tone: 'bad', detail: input.error ?? 'Could not be read' };
	}
	const name = input.name;
	const signatures = facts?.signatures.filter((s) => s.inputName === name) ?? [];
	const invalid = signatures.filter((s) => s.valid === false).length;
	if (invalid > 0) {
		return {
			label: invalid === 1 ? 'invalid signature' : `${invalid} invalid signatures`,
			tone: 'bad',
			detail: 'Read, but a signature in it does not verify',
		};
	}
	const tlsErrors =
		input.detail?.area === 'tls'
			? input.detail.data.parse.notes.filter((n) => n.level === 'error').length
			: 0;
	if (tlsErrors > 0) {
		return {
			label: tlsErrors === 1 ? 'syntax error' : `${tlsErrors} syntax errors`,
			tone: 'bad',
			detail: 'Read with syntax errors: the settings shown may not be what the server runs',
		};
	}
	if (input.lockedEntries?.length) {
		return {
			label: 'partially read',
			tone: 'warn',
			detail: `${input.lockedEntries.length} entr${input.lockedEntries.length === 1 ? 'y needs its' : 'ies need their'} own key password`,
		};
	}
	const failed = facts?.decryptions.filter((d) => d.inputName === name && d.status !== 'decrypted');
	if (failed && failed.length > 0) {
		return {
			label: 'not decrypted',
			tone: 'warn',
			detail: 'Read, but encrypted content could not be opened with the keys given',
		};
	}
	if (signatures.some((s) => s.valid === null)) {
		return {
			label: 'signature not checked',
			tone: 'warn',
			detail: "Read; a signature could not be checked (the signer's key is missing)",
		};
	}
	if (signatures.length > 0) {
		return { label: 'signature valid', tone: 'ok', detail: 'Read; every signature verifies' };
	}
	return { label: 'parsed', tone: 'ok', detail: 'Read completely' };
}
