// Matches a captured envelope to a WSDL operation: its wsa:Action against each operation's
// explicit or default action, or against the operation's SOAPAction (WCF and CXF send the
// SOAPAction as wsa:Action), else by the Body's first element. The HTTP SOAPAction header itself is
// not part of a dropped envelope.
import type { WsdlFacts } from './facts';
import type { CapturedMessage, MessageMatch } from '../policy/types';

export function matchMessage(
	msg: CapturedMessage,
	wsdls: readonly WsdlFacts[],
): { match: MessageMatch | null; note: string } {
	const candidates: MessageMatch[] = [];
	if (msg.action) {
		for (const w of wsdls) {
			for (const op of w.operations) {
				for (const side of [op.input, op.output]) {
					if (!side) continue;
					const bySoapAction =
						side.direction === 'input' && !!op.soapAction && op.soapAction === msg.action;
					if (side.action === msg.action || bySoapAction)
						candidates.push({
							wsdl: w.inputName,
							binding: op.binding,
							operation: op.name,
							direction: side.direction,
							by: side.action === msg.action ? 'wsa:Action' : 'SOAPAction',
						});
				}
			}
		}
	}
	if (candidates.length === 0 && msg.bodyElement) {
		for (const w of wsdls) {
			for (const op of w.operations) {
				for (const side of [op.input, op.output]) {
					if (side?.bodyElements.includes(msg.bodyElement))
						candidates.push({
							wsdl: w.inputName,
							binding: op.binding,
							operation: op.name,
							direction: side.direction,
							by: 'Body element',
						});
				}
			}
		}
	}
	if (candidates.length === 0) {
		const what = [
			msg.action ? `wsa:Action ${msg.action}` : null,
			msg.bodyElement
				? `Body element ${msg.bodyElement}`
				: msg.bodyEncrypted
					? 'an encrypted Body (not decrypted)'
					: null,
		]
			.filter(Boolean)
			.join(' and ');
		return {
			match: null,
			note:
				wsdls.length === 0
					? 'no WSDL was dropped'
					: `no operation matches ${what || 'this envelope'}`,
		};
	}
	const first = candidates[0]!;
	const bindings = new Set(candidates.map((c) => `${c.wsdl}:${c.binding}`));
	const note = `matched ${first.binding}/${first.operation} ${first.direction} by ${first.by}${bindings.size > 1 ? ` (${bindings.size} bindings offer it; the first is used)` : ''}`;
	return { match: first, note };
}
