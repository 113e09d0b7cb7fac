// extendedKeyUsage where the connector's role is known (RFC 5280 §4.2.1.12, CA/B BR 7.1.2.7): the
// TLS stage names each connector's certificate and whether it is the server or the client side,
// which the certificate stage, running first, cannot know. This stage re-validates those
// certificates' paths with the role's key purpose, so a server certificate whose EKU lists only
// clientAuth (or a client certificate with only serverAuth) does not validate (CERT-UNTRUSTED-CHAIN).
// A certificate without the extension is valid for any purpose, as in openssl verify -purpose.
import { isBug } from '../errors';
import type { AnalysisFacts } from '../facts';
import type { Stage, StageContext } from '../pipeline';
import { EKU_CLIENT_AUTH, EKU_SERVER_AUTH, trustOf } from './path';

export async function checkConnectorEku(facts: AnalysisFacts, ctx: StageContext): Promise<void> {
	if (facts.trustAnchors.length === 0) return;
	const anchors = new Set(facts.trustAnchors);
	const all = ctx.keyring.certificates.map((m) => ({ der: m.der, sha256: m.sha256 }));
	const time = Date.parse(facts.now);
	for (const connector of facts.tls) {
		ctx.signal.throwIfAborted();
		const sha = connector.certificate?.sha256;
		const target = sha ? all.find((c) => c.sha256 === sha) : undefined;
		if (!target) continue;
		// Only a chain that validated can be made invalid by the purpose; an invalid one keeps
		// its first reason.
		const certs = facts.certificates.filter((c) => c.sha256 === target.sha256 && c.chainValid);
		if (certs.length === 0) continue;
		const eku = connector.role === 'server' ? EKU_SERVER_AUTH : EKU_CLIENT_AUTH;
		let verdict;
		try {
			verdict = await trustOf(target, all, anchors, { time, eku });
		} catch (error) {
			if (isBug(error)) throw error;
			continue; // unreadable for path validation: the certificate stage already said so
		}
		if (verdict.valid) continue;
		for (const c of certs) {
			c.chainValid = false;
			c.chainError = `${verdict.error ?? 'chain validation failed'} — used as the ${connector.role} certificate of ${connector.name}`;
			c.chain = verdict.path;
		}
	}
}

export const connectorEkuStage: Stage = (facts, ctx) => checkConnectorEku(facts, ctx);
