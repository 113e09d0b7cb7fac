// extendedKeyUsage where the connector's role is known (RFC 5280 §4.2.1.12, CA/B BR 7.1.2.7): the
// TLS stage names each connector's certificate and whether it is the server or the client side,
// which the certificate stage, running first, cannot know. With trust anchors, this stage
// re-validates those certificates' paths with the role's key purpose, so a server certificate
// whose EKU lists only clientAuth (or a client certificate with only serverAuth) does not validate
// (CERT-UNTRUSTED-CHAIN). Without anchors there is no path to validate, but the purpose is judged
// all the same on the chain built from the dropped certificates: no anchor can make such a chain
// valid for that role (`purposeError`). A certificate without the extension is valid for any
// purpose, as in openssl verify -purpose.
import { isBug } from '../errors';
import type { AnalysisFacts } from '../facts';
import type { Stage, StageContext } from '../pipeline';
import {
	CertificatePool,
	EKU_CLIENT_AUTH,
	EKU_SERVER_AUTH,
	buildAndValidate,
	pathCertificate,
	purposeError,
	trustOf,
	type PathCert,
} from './path';

export async function checkConnectorEku(facts: AnalysisFacts, ctx: StageContext): Promise<void> {
	const anchors = new Set(facts.trustAnchors);
	const all = ctx.keyring.certificates.map((m) => ({ der: m.der, sha256: m.sha256 }));
	const time = Date.parse(facts.now);
	let pool: CertificatePool | null = null;
	for (const connector of facts.tls) {
		ctx.signal.throwIfAborted();
		const sha = connector.certificate?.sha256;
		const target = sha ? all.find((c) => c.sha256 === sha) : undefined;
		if (!target) continue;
		const eku = connector.role === 'server' ? EKU_SERVER_AUTH : EKU_CLIENT_AUTH;
		const use = `used as the ${connector.role} certificate of ${connector.name}`;
		if (anchors.size === 0) {
			if (!pool) {
				pool = new CertificatePool();
				for (const c of all) {
					try {
						pool.add(pathCertificate(c.der, c.sha256));
					} catch (error) {
						if (isBug(error)) throw error;
						// unreadable for path building: the certificate stage already said so
					}
				}
			}
			const leaf = pool.bySha.get(target.sha256);
			if (!leaf) continue;
			const built = await buildAndValidate(leaf, pool, anchors, { time });
			const path = built.path
				.map((s) => pool?.bySha.get(s))
				.filter((c): c is PathCert => c !== undefined);
			const top = path[path.length - 1];
			const error = purposeError(path, eku, top?.selfIssued === true);
			if (!error) continue;
			for (const c of facts.certificates)
				if (c.sha256 === target.sha256) c.purposeError = `${error} — ${use}`;
			continue;
		}
		// Only a chain that validated can be made invalid by the purpose; an invalid one keeps
		// its first reason.
		const certs = facts.certificates.filter((c) => c.sha256 === target.sha256 && c.chainValid);
		if (certs.length === 0) continue;
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
			c.chainError = `${verdict.error ?? 'chain validation failed'} — ${use}`;
			c.chain = verdict.path;
		}
	}
}

export const connectorEkuStage: Stage = (facts, ctx) => checkConnectorEku(facts, ctx);
