// A captured message against the effective policy of its operation: which requirements of the
// closest alternative it does not meet, each with the policy assertion and the message element
// side by side. Pure: rules and the view both call it.
import type { WsdlFacts, WsdlMessageSide, WsdlOperation } from './facts';
import { headerName } from '../policy/describe';
import { isWsa } from '../policy/namespaces';
import {
	algorithmName,
	ALG,
	cipherStrength,
	hashStrength,
	suiteAlgorithms,
} from '../policy/suites';
import type { CapturedMessage, PolicyAlternative } from '../policy/types';

export type RequirementKind =
	| 'security-header'
	| 'timestamp'
	| 'timestamp-signed'
	| 'body-signed'
	| 'body-encrypted'
	| 'header-signed'
	| 'digest'
	| 'signature'
	| 'encryption'
	| 'key-transport'
	| 'token';

export interface Unmet {
	kind: RequirementKind;
	/** The policy side: the assertion that demands it. */
	assertion: string;
	/** The message side: what the envelope shows instead. */
	observed: string;
	/** For algorithm mismatches: the algorithm URI used. */
	algorithm?: string;
}

/** Whether "{namespace}Name" names a WS-Addressing header (any version of the one table). */
function wsaHeader(h: string, name: string): boolean {
	const m = /^\{(.*)\}(.*)$/.exec(h);
	return !!m && m[2] === name && isWsa(m[1]);
}

const MESSAGE_LEVEL = new Set(['symmetric', 'asymmetric']);

function needsSecurityHeader(alt: PolicyAlternative): boolean {
	if (MESSAGE_LEVEL.has(alt.binding)) return true;
	if (alt.includeTimestamp) return true;
	return alt.tokens.some(
		(t) => t.type !== 'HttpsToken' && t.role !== 'transport' && t.includeToken !== 'Never',
	);
}

/** Unmet requirements of one alternative. */
export function unmetRequirements(msg: CapturedMessage, alt: PolicyAlternative): Unmet[] {
	const out: Unmet[] = [];
	const binding = alt.bindingAssertion ?? 'the policy';
	if (needsSecurityHeader(alt) && !msg.securityHeader) {
		out.push({
			kind: 'security-header',
			assertion: alt.bindingAssertion ?? alt.tokens[0]?.assertion ?? 'sp:IncludeTimestamp',
			observed: 'no wsse:Security header in soap:Header',
		});
		return out;
	}
	const messageLevel = MESSAGE_LEVEL.has(alt.binding);
	if (alt.includeTimestamp && !msg.timestamp.present) {
		out.push({
			kind: 'timestamp',
			assertion: `${binding}/sp:IncludeTimestamp`,
			observed: 'no wsu:Timestamp in wsse:Security',
		});
	} else if (alt.includeTimestamp && messageLevel && !msg.timestamp.signed) {
		out.push({
			kind: 'timestamp-signed',
			assertion: `${binding}/sp:IncludeTimestamp`,
			observed: 'wsu:Timestamp present but no signature reference covers it',
		});
	}
	if (messageLevel) {
		const signed = new Set(msg.signedTargets);
		const bodySignedReq = alt.signedParts.body || alt.signedElements.some((x) => /Body/.test(x));
		if (bodySignedReq && !signed.has('Body')) {
			out.push({
				kind: 'body-signed',
				assertion: 'sp:SignedParts/sp:Body',
				observed: signed.size
					? `soap:Body not signed (signed: ${[...signed].join(', ')})`
					: 'no signature covers soap:Body',
			});
		}
		const bodyEncReq = alt.encryptedParts.body || alt.encryptedElements.some((x) => /Body/.test(x));
		if (bodyEncReq && !msg.bodyEncrypted) {
			out.push({
				kind: 'body-encrypted',
				assertion: 'sp:EncryptedParts/sp:Body',
				observed: `soap:Body content is ${msg.bodyElement ?? 'not'} in clear (no xenc:EncryptedData)`,
			});
		}
		for (const h of alt.signedParts.headers) {
			if (
				!h.endsWith('}*') &&
				!signed.has(`Header ${h}`) &&
				!(msg.action === null && wsaHeader(h, 'Action')) &&
				!(msg.to === null && wsaHeader(h, 'To'))
			) {
				out.push({
					kind: 'header-signed',
					assertion: `sp:SignedParts/sp:Header ${headerName(h)}`,
					observed: `header ${headerName(h)} not signed`,
				});
			}
		}
		const suite = suiteAlgorithms(alt.algorithmSuite);
		if (suite) {
			for (const d of msg.digestAlgorithms) {
				if (hashStrength(d) < hashStrength(suite.digest))
					out.push({
						kind: 'digest',
						assertion: `sp:AlgorithmSuite ${suite.name} (digest ${algorithmName(suite.digest)})`,
						observed: `DigestMethod ${algorithmName(d)}`,
						algorithm: d,
					});
			}
			const expectedSig = alt.binding === 'symmetric' ? suite.symSignature : suite.asymSignature;
			for (const s of msg.signatureAlgorithms) {
				if (hashStrength(s) < hashStrength(expectedSig))
					out.push({
						kind: 'signature',
						assertion: `sp:AlgorithmSuite ${suite.name} (signature ${algorithmName(expectedSig)})`,
						observed: `SignatureMethod ${algorithmName(s)}`,
						algorithm: s,
					});
			}
			for (const e of msg.dataAlgorithms) {
				if (cipherStrength(e) < cipherStrength(suite.encryption))
					out.push({
						kind: 'encryption',
						assertion: `sp:AlgorithmSuite ${suite.name} (encryption ${algorithmName(suite.encryption)})`,
						observed: `EncryptionMethod ${algorithmName(e)}`,
						algorithm: e,
					});
			}
			for (const k of msg.keyTransports) {
				if (k === ALG.rsa15 && suite.asymKeyWrap !== ALG.rsa15)
					out.push({
						kind: 'key-transport',
						assertion: `sp:AlgorithmSuite ${suite.name} (key transport ${algorithmName(suite.asymKeyWrap)})`,
						observed: `EncryptedKey EncryptionMethod ${algorithmName(k)}`,
						algorithm: k,
					});
			}
		}
	}
	for (const t of alt.tokens) {
		if (t.includeToken === 'Never' || t.role === 'transport' || t.type === 'HttpsToken') continue;
		if (t.role === 'recipient') continue;
		if (t.role === 'protection' && alt.binding === 'symmetric') continue;
		const assertion = `${t.container}/${t.assertion}`;
		if (t.type === 'UsernameToken') {
			if (!msg.usernameToken)
				out.push({ kind: 'token', assertion, observed: 'no wsse:UsernameToken' });
			else if (t.options.includes('HashPassword') && msg.usernameToken.passwordType === 'text')
				out.push({
					kind: 'token',
					assertion: `${assertion}/sp:HashPassword`,
					observed: 'wsse:Password Type=PasswordText',
				});
		} else if (t.type === 'X509') {
			if (msg.binaryTokens.length === 0 && !msg.x509Referenced)
				out.push({
					kind: 'token',
					assertion,
					observed: 'no wsse:BinarySecurityToken and no X.509 key reference',
				});
		} else if (t.type === 'SAML' || (t.type === 'IssuedToken' && t.options.includes('SAML'))) {
			if (!msg.saml) out.push({ kind: 'token', assertion, observed: 'no SAML assertion' });
		}
	}
	return out;
}

export interface MessageVerdict {
	operation: WsdlOperation;
	side: WsdlMessageSide;
	/** Index of the closest alternative; -1 when the side has none. */
	alternative: number;
	unmet: Unmet[];
}

/** The operation side a message matched, and the unmet requirements of its closest alternative. */
export function checkMessage(wsdl: WsdlFacts, msg: CapturedMessage): MessageVerdict | null {
	const m = msg.match;
	if (!m || m.wsdl !== wsdl.inputName) return null;
	const operation = wsdl.operations.find((o) => o.binding === m.binding && o.name === m.operation);
	const side = operation?.[m.direction];
	if (!operation || !side) return null;
	let best: MessageVerdict | null = null;
	side.alternatives.forEach((alt, i) => {
		const unmet = unmetRequirements(msg, alt);
		if (!best || unmet.length < best.unmet.length)
			best = { operation, side, alternative: i, unmet };
	});
	return best ?? { operation, side, alternative: -1, unmet: [] };
}

/** Every verdict in the facts, for rules: the WSDL, the message and its verdict. */
export function allVerdicts(
	wsdls: readonly WsdlFacts[],
): { wsdl: WsdlFacts; msg: CapturedMessage; verdict: MessageVerdict }[] {
	const out: { wsdl: WsdlFacts; msg: CapturedMessage; verdict: MessageVerdict }[] = [];
	for (const w of wsdls) {
		for (const msg of w.messages) {
			const verdict = checkMessage(w, msg);
			if (verdict) out.push({ wsdl: w, msg, verdict });
		}
	}
	return out;
}
