// The certificate stage: pairs private keys with certificates by public key across all inputs,
// checks dropped CRLs, builds and validates paths across all inputs and the trust anchors
// (RFC 5280 §6, path.ts), assigns roles, and marks chains reaching a public root.
import { digest } from '../bytes/digest';
import { toHex, utf8 } from '../bytes/encoding';
import { findDeclaredPasswords } from '../keys/declared-passwords';
import type { AnalysisFacts } from '../facts';
import type { Stage, StageContext } from '../pipeline';
import { readRawCertificate } from './certificate-facts';
import { checkCrls } from './crl-check';
import type { CertificateFacts } from './facts';
import { publicRootByIssuer, publicRootByKey } from './public-trust';
import {
	CertificatePool,
	SignatureCache,
	buildAndValidate,
	checkSuppliedChain,
	pathCertificate,
	type SuppliedChainResult,
	type TrustResult,
} from './path';
import { isBug } from '../errors';

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

/** Path-validation view of every unique certificate (an unreadable one is left out). */
function pathPool(
	unique: Map<string, { der: Uint8Array; facts: CertificateFacts[] }>,
): CertificatePool {
	const pool = new CertificatePool();
	for (const [sha, u] of unique) {
		try {
			pool.add(pathCertificate(u.der, sha));
		} catch (error) {
			if (isBug(error)) throw error;
			// not readable for path validation: it gets a one-element chain
		}
	}
	return pool;
}

/** A certificate's chain: with anchors the RFC 5280 verdict, without them the supplied chain's. */
type ChainResult =
	{ anchored: true; trust: TrustResult } | { anchored: false; supplied: SuppliedChainResult };

/**
 * Chains (leaf first) of every certificate: paths are built across all inputs and the anchors;
 * with anchors the validated path is kept, or the best failing one; without them the supplied
 * chain is checked for what no anchor can change (checkSuppliedChain).
 */
async function buildChains(
	unique: Map<string, { der: Uint8Array; facts: CertificateFacts[] }>,
	anchors: ReadonlySet<string>,
	now: number,
	signal: AbortSignal,
): Promise<{ results: Map<string, ChainResult>; issued: Set<string> }> {
	const results = new Map<string, ChainResult>();
	const pool = pathPool(unique);
	const sigs = new SignatureCache();
	const issued = new Set<string>();
	for (const [sha, u] of unique) {
		signal.throwIfAborted();
		const target = pool.bySha.get(sha);
		const f = u.facts[0];
		if (anchors.size > 0) {
			const trust: TrustResult = target
				? await buildAndValidate(target, pool, anchors, { time: now }, sigs)
				: {
						valid: false,
						path: [sha],
						error: 'not readable for path validation',
						rejected: [],
					};
			results.set(sha, { anchored: true, trust });
			continue;
		}
		// A root (or self-signed leaf) is its own chain; without anchors it is what an anchor would
		// be, so there is nothing to validate (a truststore of ~150 roots needs no path building).
		const supplied: SuppliedChainResult = !target
			? {
					outcome: 'unknown',
					path: [sha],
					error: 'not readable for path validation',
					deviations: [],
				}
			: f?.selfIssued
				? { outcome: 'unknown', path: [sha], error: null, deviations: [] }
				: await checkSuppliedChain(target, pool, { time: now }, sigs);
		results.set(sha, { anchored: false, supplied });
	}
	// Certificates whose key verifiably signed another certificate on a chain: they act as CAs
	// (assignRoles), whatever their extensions allow. A failing chain may hold a certificate that
	// merely bears the issuer's name, so the signature decides, not the position.
	for (const r of results.values()) {
		const path = r.anchored ? r.trust.path : r.supplied.path;
		for (let i = 0; i + 1 < path.length; i++) {
			const child = pool.bySha.get(path[i] ?? '');
			const issuer = pool.bySha.get(path[i + 1] ?? '');
			if (child && issuer && (await sigs.check(child, issuer, pool.bySha.get(path[i + 2] ?? ''))))
				issued.add(issuer.sha256);
		}
	}
	return { results, issued };
}

/** What an unknown anchor leaves open, and what would settle it (CLI option and page action). */
const NO_ANCHOR =
	'no trust anchor supplied: supply the truststore or CA certificate (--trust, or mark it trusted on the page) to validate the chain';

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
				} catch (error) {
					// unreadable issuer name: no hash to find the issuer by, which the null says
					if (isBug(error)) throw error;
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
	ctx.progress(anchors.size ? 'Validating certificate chains' : 'Building certificate chains');
	const { results, issued } = await buildChains(unique, anchors, Date.parse(facts.now), ctx.signal);
	const chains = new Map(
		[...results].map(([sha, r]) => [sha, r.anchored ? r.trust.path : r.supplied.path]),
	);
	for (const [sha, u] of unique) {
		const result = results.get(sha);
		for (const c of u.facts) {
			c.chain = chains.get(sha) ?? [sha];
			if (result && !result.anchored) judgeSupplied(c, result.supplied);
			if (!result?.anchored) continue;
			const r = result.trust;
			c.chainValid = r.valid;
			if (r.error) c.chainError = r.error;
			else delete c.chainError;
			// RFC 5280 6.1.3 (a)(3) with the dropped CRLs: an intermediate a verified CRL lists
			// breaks the path; a certificate whose CRL cannot be used has no established status.
			// (The certificate itself, when revoked, gets CERT-REVOKED.)
			if (r.valid && !c.pinned) {
				const below = r.path.slice(0, -1).map((s) => unique.get(s)?.facts[0]);
				const revokedCa = below.slice(1).find((x) => x?.revoked?.crlVerified);
				const unknown = below.find((x) => x?.revocationUnknown);
				if (revokedCa) {
					c.chainValid = false;
					c.chainError = `${revokedCa.subject} in the chain is revoked (CRL ${revokedCa.revoked?.crlInput ?? ''})`;
				} else if (unknown?.revocationUnknown) {
					c.chainValid = false;
					c.chainError =
						unknown === u.facts[0]
							? unknown.revocationUnknown
							: `${unknown.subject} in the chain: ${unknown.revocationUnknown}`;
				}
			}
			if (r.rejected.length > 0) c.rejectedPaths = r.rejected.slice(0, 8);
			if (r.valid && r.deviations?.length) c.chainDeviations = r.deviations;
			else delete c.chainDeviations;
		}
	}
	assignRoles(facts, anchors, issued);
	markExtraCertificates(facts);
	await markPublicTrust(unique, chains);
};

/**
 * CA certificates sent in a chain file but on no leaf's chain: an unused cross-certificate
 * or a stale intermediate (RFC 4158: path building picks among them, and SSL Labs lists such a
 * certificate as an extra one). They are not the deployed chain, so the rules do not judge them
 * as deployed; the report names them.
 */
function markExtraCertificates(facts: AnalysisFacts): void {
	const leaves = facts.certificates.filter((c) => c.role === 'leaf');
	const used = new Set(leaves.flatMap((c) => c.chain));
	// A chain file: one that holds a leaf or a certificate of a leaf's chain (the leaf and its
	// chain are often dropped as two files). A truststore's entries (pinned) are not a sent chain.
	const chainFiles = new Set(
		facts.certificates.filter((c) => used.has(c.sha256)).map((c) => c.inputName),
	);
	for (const c of facts.certificates) {
		if (c.role === 'leaf' || c.pinned || used.has(c.sha256) || !chainFiles.has(c.inputName))
			continue;
		c.extraCertificate = `sent in ${c.inputName} with a chain but on no leaf's chain (an extra certificate): not judged as deployed`;
	}
}

/**
 * Without anchors: a supplied chain that breaks RFC 5280 where no anchor can help is invalid
 * (CERT-UNTRUSTED-CHAIN says so); one that passes, or whose signature cannot be checked here,
 * cannot be verified, and `chainNote` says what would settle it. A self-issued certificate keeps
 * no note: it would be the anchor itself (CERT-SELF-SIGNED judges it where it is deployed).
 */
function judgeSupplied(c: CertificateFacts, s: SuppliedChainResult): void {
	c.chainValid = null;
	delete c.chainError;
	delete c.chainNote;
	delete c.chainDeviations;
	if (s.outcome === 'fails') {
		c.chainValid = false;
		c.chainError = `${s.error ?? 'chain validation failed'} (the supplied chain fails this whatever trust anchor is added)`;
		return;
	}
	if (c.selfIssued) return;
	c.chainNote =
		s.outcome === 'passes'
			? `cannot verify: ${NO_ANCHOR}; the supplied chain passes the RFC 5280 checks that need no anchor`
			: `cannot verify: ${s.error ?? 'a signature cannot be checked here'}; ${NO_ANCHOR}`;
	if (s.deviations.length > 0) c.chainDeviations = s.deviations;
}

/**
 * A self-signed CA certificate is judged as a root only where it acts as one: a trust anchor or
 * trusted entry, the issuer of another dropped certificate, one of several CA certificates of a
 * bundle without keys, or a known public root. Dropped alone (openssl req -x509 marks every
 * self-signed certificate CA:TRUE) it is the certificate being deployed, and gets the leaf
 * findings (key size, signature, self-signed).
 */
function assignRoles(
	facts: AnalysisFacts,
	anchors: ReadonlySet<string>,
	issued: ReadonlySet<string>,
): void {
	const issuers = new Set<string>();
	for (const c of facts.certificates) for (const s of c.chain.slice(1)) issuers.add(s);
	const rootsPerInput = new Map<string, number>();
	for (const c of facts.certificates)
		if (c.role === 'root')
			rootsPerInput.set(c.inputName, (rootsPerInput.get(c.inputName) ?? 0) + 1);
	const withKeys = new Set(facts.keys.map((k) => k.inputName));
	for (const c of facts.certificates) {
		// basicConstraints alone set the role (certificate-facts.ts): a v1 certificate, or one
		// without the extension, would be a leaf. A certificate that signed another of the set acts
		// as a CA, whatever its extensions allow (path validation judges that), and a self-signed
		// anchor that may be a CA is a root; an anchor marked CA:FALSE stays the pinned leaf.
		if (c.role === 'leaf') {
			const mayBeCa = !c.hasBasicConstraints || c.isCA;
			if (issued.has(c.sha256)) c.role = c.selfIssued ? 'root' : 'intermediate';
			else if (c.selfIssued && mayBeCa && anchors.has(c.sha256)) c.role = 'root';
		}
		if (c.role !== 'root') continue;
		const actsAsRoot =
			c.pinned ||
			anchors.has(c.sha256) ||
			issuers.has(c.sha256) ||
			publicRootByKey(c.spkiSha256) !== null ||
			((rootsPerInput.get(c.inputName) ?? 0) > 1 && !withKeys.has(c.inputName));
		if (!actsAsRoot) c.role = 'leaf';
	}
}
