// The certificate stage: pairs private keys with certificates by public key across all inputs,
// checks dropped CRLs, builds chains across all inputs (@peculiar/x509 X509ChainBuilder), marks
// chains reaching a public root, and validates each against the trust anchors (pkijs).
import * as pkijs from 'pkijs';
import { digest } from '../bytes/digest';
import { toArrayBuffer, toHex, utf8 } from '../bytes/encoding';
import { findDeclaredPasswords } from '../keystore/declared-passwords';
import type { AnalysisFacts } from '../facts';
import type { Stage, StageContext } from '../pipeline';
import { readRawCertificate } from './certificate-facts';
import { checkCrls } from './crl-check';
import type { CertificateFacts } from './facts';
import { publicRootByIssuer, publicRootByKey } from './public-trust';
import { X509Certificate, X509ChainBuilder } from './x509-lib';

/** Chains longer than this are cut (a hostile drop could hold a long loop of cross-signatures). */
const MAX_CHAIN = 12;

function pairKeys(facts: AnalysisFacts, ctx: StageContext): void {
	const byKey = new Map<string, CertificateFacts[]>();
	for (const c of facts.certificates) {
		if (!c.publicKeyId) continue;
		const list = byKey.get(c.publicKeyId) ?? [];
		list.push(c);
		byKey.set(c.publicKeyId, list);
	}
	for (const k of facts.keys) {
		if (!k.publicKeyId) continue;
		const certs = byKey.get(k.publicKeyId) ?? [];
		const shas = [...new Set(certs.map((c) => c.sha256))];
		k.matchesCertSha256 = shas;
		for (const c of certs) c.role = 'leaf';
		const material = ctx.keyring.privateKeys.find((m) => m.id === k.keyId);
		if (material) material.certSha256 = shas;
	}
}

async function buildChains(
	unique: Map<string, { der: Uint8Array; facts: CertificateFacts[] }>,
): Promise<Map<string, string[]>> {
	const chains = new Map<string, string[]>();
	// A root (or self-signed leaf) is its own chain. The library decodes every certificate it is
	// given a second time, so it only sees the others and, transitively, the certificates whose
	// subject names their issuer (a truststore of ~150 roots needs none of it).
	const bySubject = new Map<string, string[]>();
	const need: string[] = [];
	for (const [sha, u] of unique) {
		const f = u.facts[0];
		if (!f) continue;
		bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), sha]);
		if (f.selfIssued) chains.set(sha, [sha]);
		else need.push(sha);
	}
	if (need.length === 0) return chains;
	const pool = new Set<string>();
	const queue = [...need];
	for (let sha = queue.pop(); sha !== undefined; sha = queue.pop()) {
		if (pool.has(sha)) continue;
		pool.add(sha);
		const f = unique.get(sha)?.facts[0];
		if (f && !f.selfIssued) queue.push(...(bySubject.get(f.issuer) ?? []));
	}
	const libCerts = new Map<string, X509Certificate>();
	for (const sha of pool) {
		const u = unique.get(sha);
		if (!u) continue;
		try {
			libCerts.set(sha, new X509Certificate(toArrayBuffer(u.der)));
		} catch {
			// unparsable for the library: it gets a one-element chain
		}
	}
	const shaOf = new Map<X509Certificate, string>();
	for (const [sha, c] of libCerts) shaOf.set(c, sha);
	const builder = new X509ChainBuilder({ certificates: [...libCerts.values()] });
	for (const sha of need) {
		const cert = libCerts.get(sha);
		let chain: string[] = [sha];
		if (cert) {
			try {
				const built = await builder.build(cert);
				chain = [...built]
					.slice(0, MAX_CHAIN)
					.map((c, i) => (i === 0 ? sha : (shaOf.get(c) ?? '')))
					.filter((s) => s !== '');
			} catch {
				chain = [sha]; // circular cross-signatures: keep the certificate alone
			}
		}
		chains.set(sha, chain);
	}
	return chains;
}

function pkijsCert(der: Uint8Array): pkijs.Certificate | null {
	try {
		return pkijs.Certificate.fromBER(toArrayBuffer(der));
	} catch {
		return null;
	}
}

const RESULT_TEXT: Record<number, string> = {
	2: 'no trusted issuer found among the trust anchors and dropped certificates',
	8: 'a certificate of the chain is expired or not yet valid',
	10: 'issuer names do not chain',
	11: 'revoked',
	13: 'revocation data missing',
};

/**
 * Certificates whose chain reaches a publicly trusted root: one of the chain's certificates is
 * the root itself (by public key), or the chain's last certificate names it as its issuer.
 */
async function markPublicTrust(
	unique: Map<string, { der: Uint8Array; facts: CertificateFacts[] }>,
	chains: Map<string, string[]>,
): Promise<void> {
	const issuerHash = new Map<string, string | null>();
	for (const [sha, u] of unique) {
		const chain = chains.get(sha) ?? [sha];
		let found: CertificateFacts['publicRoot'] | undefined;
		for (const s of chain) {
			const root = publicRootByKey(unique.get(s)?.facts[0]?.spkiSha256 ?? '');
			if (root) {
				found = { name: root.name, match: 'root' };
				break;
			}
		}
		const last = unique.get(chain[chain.length - 1] ?? sha);
		const top = last?.facts[0];
		if (!found && last && top && !top.selfIssued) {
			const key = chain[chain.length - 1] ?? sha;
			if (!issuerHash.has(key)) {
				let hash: string | null;
				try {
					const issuer = readRawCertificate(last.der).issuer;
					hash = toHex(await digest('SHA-256', new Uint8Array(issuer.valueBeforeDecodeView)));
				} catch {
					hash = null;
				}
				issuerHash.set(key, hash);
			}
			const hash = issuerHash.get(key);
			const root = hash ? publicRootByIssuer(hash, top.authorityKeyId) : null;
			if (root) found = { name: root.name, match: 'issuer' };
		}
		if (found) for (const c of u.facts) c.publicRoot = found;
	}
}

/** Keystore passwords declared in dropped configuration files, attached to the stores they name. */
function attachDeclaredPasswords(facts: AnalysisFacts, ctx: StageContext): void {
	for (const p of ctx.inputs) {
		if (p.kind !== 'tls-config') continue;
		for (const d of findDeclaredPasswords(utf8(p.file.bytes))) {
			facts.declaredPasswords.push({ ...d, inputName: p.file.name });
			for (const k of facts.keystores) {
				if (d.keystoreFile === null || k.inputName.replace(/^.*[/\\]/, '') !== d.keystoreFile)
					continue;
				(k.declaredPasswords ??= []).push({ ...d, inputName: p.file.name });
			}
		}
	}
}

export const certificateStage: Stage = async (facts, ctx) => {
	pairKeys(facts, ctx);
	attachDeclaredPasswords(facts, ctx);
	await checkCrls(facts, ctx);
	const anchors = new Set(facts.trustAnchors);
	const unique = new Map<string, { der: Uint8Array; facts: CertificateFacts[] }>();
	const derOf = new Map(ctx.keyring.certificates.map((m) => [m.sha256, m.der]));
	for (const c of facts.certificates) {
		if (anchors.has(c.sha256)) c.pinned = true;
		const der = derOf.get(c.sha256);
		if (!der) continue;
		const u = unique.get(c.sha256) ?? { der, facts: [] };
		u.facts.push(c);
		unique.set(c.sha256, u);
	}
	ctx.progress('Building certificate chains');
	const chains = await buildChains(unique);
	for (const [sha, u] of unique) for (const c of u.facts) c.chain = chains.get(sha) ?? [sha];
	await markPublicTrust(unique, chains);
	if (anchors.size === 0) return;
	ctx.progress('Validating certificate chains');
	const trusted = [...anchors]
		.map((a) => derOf.get(a))
		.flatMap((d) => (d ? [pkijsCert(d)] : []))
		.filter((c): c is pkijs.Certificate => c !== null);
	const checkDate = new Date(facts.now);
	for (const [sha, u] of unique) {
		ctx.signal.throwIfAborted();
		if (anchors.has(sha)) {
			for (const c of u.facts) {
				c.chainValid = true;
				delete c.chainError;
			}
			continue;
		}
		const chain = (chains.get(sha) ?? [sha])
			.map((s) => derOf.get(s))
			.flatMap((d) => (d ? [pkijsCert(d)] : []))
			.filter((c): c is pkijs.Certificate => c !== null);
		let valid = false;
		let error: string | undefined;
		try {
			const engine = new pkijs.CertificateChainValidationEngine({
				trustedCerts: trusted,
				certs: chain,
				checkDate,
			});
			const r = await engine.verify({ passedWhenNotRevValues: true });
			valid = r.result;
			if (!valid) error = RESULT_TEXT[r.resultCode] ?? r.resultMessage;
		} catch (e) {
			const r = e as { resultMessage?: string; resultCode?: number; message?: string };
			error = RESULT_TEXT[r.resultCode ?? -1] ?? r.resultMessage ?? r.message ?? String(e);
		}
		for (const c of u.facts) {
			c.chainValid = valid;
			if (error) c.chainError = error;
		}
	}
};
