// Parsers for SOAP envelopes and XML-DSig documents, and the signature stage: the
// envelope model of every XML document (dropped or decrypted) and verification of each signature
// against every key of every dropped file.
import type { Document, Element } from '@xmldom/xmldom';
import { effectiveAssertions } from '../xml/positions';
import { samlAssertions } from '../xml/saml';
import { elementPath } from '../xml/ids';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64, NOT_BASE64, toHex } from '../bytes/encoding';
import { describeFailure, hasCode, isBug } from '../errors';
import type { AnalysisFacts } from '../facts';
import type { InputKind } from '../report/report';
import type { Parser, Stage, StageContext } from '../pipeline';
import { certificateFacts } from '../x509/certificate-facts';
import { trimmedText } from '../xml/dom';
import { parseXmlInput } from '../xml/xml-input';
import { chainVerdict } from '../xmldsig/chain';
import { knownCerts, verifyDocument } from '../xmldsig/document';
import type { SignatureFacts } from '../xmldsig/facts';
import type { KnownSecret } from '../xmldsig/keyinfo';
import { envelopeFacts } from './envelope';
import type { EnvelopeFacts, SamlAssertionFacts, XmlDetail } from './facts';
import { signedTree } from './tree';

export const parsers: Partial<Record<InputKind, Parser>> = {
	'soap-envelope': parseXmlInput,
	'xml-signature': parseXmlInput,
	xml: parseXmlInput,
};

const MY_KINDS: ReadonlySet<InputKind> = new Set(['soap-envelope', 'xml-signature', 'xml']);

/** Whether each reference target sits where the receiver processes it (XSW-SIGNED-ELEMENT-RELOCATED). */
export function markPositions(sig: SignatureFacts, env: EnvelopeFacts | null): void {
	if (!env) return;
	const timestamps = new Set(env.securityHeaders.flatMap((s) => s.timestamps.map((t) => t.path)));
	for (const r of sig.references) {
		// a wrapping found on the DOM already (SAML, a doubled WS-Addressing header) stands
		if (!r.targetPath || r.wholeDocument || r.atExpectedPosition === false) continue;
		const parent = r.targetPath.slice(0, r.targetPath.lastIndexOf('/'));
		let ok: boolean | null = null;
		if (r.targetKind === 'body') ok = r.targetPath === env.bodyPath && env.bodyCount === 1;
		else if (r.targetKind === 'timestamp') ok = timestamps.has(r.targetPath);
		else if (r.targetKind === 'wsa-header') ok = parent === env.headerPath;
		// SAML positions were judged on the DOM already (xml/positions.ts)
		if (ok !== null || r.atExpectedPosition === undefined) r.atExpectedPosition = ok;
	}
}

function externalResolver(ctx: StageContext, self: string): (uri: string) => Uint8Array | null {
	return (uri) => {
		let clean: string;
		try {
			clean = decodeURIComponent(uri.replace(/^file:\/\//, '').split('#')[0] ?? '');
		} catch (error) {
			// a malformed %-escape names no dropped file, which the null says
			if (!(error instanceof URIError)) throw error;
			return null;
		}
		if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return null;
		const parts = clean.split('/').filter((p) => p && p !== '.' && p !== '..');
		// every dropped file, also those no parser accepted (a base64 text, raw octets)
		const candidates = (ctx.files ?? ctx.inputs.map((i) => i.file))
			.filter((f) => f.name !== self)
			.map((file) => ({ file }));
		// exact relative path first (folder drops keep it), then the bare file name
		const exact = candidates.find(
			(i) => i.file.name === parts.join('/') || i.file.name.endsWith('/' + parts.join('/')),
		);
		const base = parts[parts.length - 1] ?? '';
		const byName = candidates.filter(
			(i) => i.file.name === base || i.file.name.endsWith('/' + base),
		);
		const hit = exact ?? (byName.length === 1 ? byName[0] : undefined);
		return hit ? hit.file.bytes : null;
	};
}

/** Names a ds:KeyName may use for a certificate: its keystore alias (leaf only) or its file name. */
export function keyNames(source: string, inputName: string): string[] {
	const names = [source, inputName, inputName.replace(/\.[^.]*$/, '')];
	const alias = /^alias (.+)$/.exec(source);
	if (alias?.[1] && !/, chain \d+$/.test(alias[1])) names.push(alias[1]);
	return names;
}

function secretsOf(ctx: StageContext): KnownSecret[] {
	return ctx.keyring.secretKeys.map((s) => ({
		names: [s.name, s.id].filter((n): n is string => !!n),
		bytes: s.bytes,
		label: s.name ?? s.inputName,
	}));
}

interface DocResult {
	ref: StageContext['documents'][number];
	verification: Awaited<ReturnType<typeof verifyDocument>>;
	env: EnvelopeFacts | null;
}

type VerifiedSignature = DocResult['verification']['signatures'][number];

/**
 * A signature seen both in a dropped document and in its decrypted form is reported once: the
 * copy that verifies (the original for encrypt-then-sign, the decrypted one for sign-then-encrypt),
 * else the original as received.
 */
export function reconcile(results: readonly DocResult[]): Set<VerifiedSignature> {
	const dropped = new Set<VerifiedSignature>();
	const key = (s: VerifiedSignature): string => s.facts.signatureId ?? s.facts.path;
	for (const dec of results.filter((r) => r.ref.origin === 'decrypted')) {
		const orig = results.find(
			(r) => r.ref.origin === 'input' && r.ref.inputName === dec.ref.inputName,
		);
		if (!orig) continue;
		for (const d of dec.verification.signatures) {
			const o = orig.verification.signatures.find((x) => key(x) === key(d) && !dropped.has(x));
			if (!o) continue;
			if (o.facts.valid !== true && d.facts.valid === true) dropped.add(o);
			else dropped.add(d);
		}
	}
	return dropped;
}

/**
 * A signer known only by a bare public key the message carries (ds:KeyValue, DEREncodedKeyValue)
 * has no certificate, so it cannot chain to the trust anchors that were given: anyone can sign
 * with a key of their own and put it there. A key the user dropped ('uploaded') is pinned by that
 * choice and left alone.
 */
function bareKeyAgainstAnchors(s: SignatureFacts): void {
	if (s.keySource !== 'KeyValue' || s.signerCertSha256 !== null || s.chainTrusted !== null) return;
	s.chainTrusted = false;
	s.chainError =
		'the signer is a bare public key from ds:KeyValue with no certificate, so it cannot chain to the supplied trust anchors';
}

/** Envelope model and signature verification over every XML document (original and decrypted). */
export const stage: Stage = async (facts, ctx) => {
	// no XML dropped: no signature to check, and no reason to decode every certificate (cacerts)
	if (ctx.documents.length === 0) return;
	const certs = await knownCerts(
		ctx.keyring.certificates.map((c) => ({
			der: c.der,
			sha256: c.sha256,
			names: keyNames(c.source, c.inputName),
			label: `${c.inputName} (${c.source})`,
		})),
	);
	const secrets = secretsOf(ctx);
	const anchors = facts.trustAnchors;
	const details = new Map<string, XmlDetail>();
	const seenCerts = new Set(facts.certificates.map((c) => `${c.inputName}\u0000${c.sha256}`));
	const examine = async (
		ref: DocResult['ref'],
		lastModified: number | undefined,
	): Promise<DocResult> => {
		const doc = ref.xml.doc;
		const verification = await verifyDocument(doc, {
			inputName: ref.inputName,
			origin: ref.origin,
			certs,
			secrets,
			sessionKeys: ctx.keyring.sessionKeys.filter((k) => k.inputName === ref.inputName),
			external: externalResolver(ctx, ref.inputName),
			chain: (cert, all) => chainVerdict(cert, all, anchors, facts.now),
		});
		const messageShas = new Map(verification.messageCerts.map((m) => [m.der, m.sha256]));
		const certSha = (bst: Element): string | null => {
			try {
				const der = fromBase64(trimmedText(bst).replace(/\s+/g, ''));
				for (const [d, s] of messageShas)
					if (d.length === der.length && d.every((b, i) => b === der[i])) return s;
				return toHex(sha256(der));
			} catch (error) {
				// a token that is not base64 has no certificate hash; the signature reports the token
				if (!hasCode(error, NOT_BASE64)) throw error;
				return null;
			}
		};
		const fileDate = lastModified ? new Date(lastModified).toISOString() : null;
		const env = envelopeFacts(doc, {
			inputName: ref.inputName,
			origin: ref.origin,
			fileDate,
			idMap: verification.idMap,
			certSha,
		});
		return { ref, verification, env };
	};
	const failures = new Map<string, string>();
	const results: DocResult[] = [];
	for (const [docIndex, ref] of ctx.documents.entries()) {
		ctx.signal.throwIfAborted();
		const input = ctx.inputs.find((i) => i.file.name === ref.inputName);
		if (!input || !MY_KINDS.has(input.kind)) continue;
		ctx.progress(
			`Verifying signatures in ${ref.inputName}`,
			docIndex / Math.max(1, ctx.documents.length),
			input.file.id,
		);
		try {
			results.push(await examine(ref, input.file.lastModified));
		} catch (error) {
			if (ctx.signal.aborted) throw error;
			// a bug must not cost the other files their analysis: say so on this file's card
			failures.set(ref.inputName, describeFailure(error, 'verifying signatures').message);
		}
	}
	const dropped = reconcile(results);
	for (const { ref, verification, env } of results) {
		const doc = ref.xml.doc;
		if (env) facts.envelopes.push(env);
		const indexed: { index: number; facts: SignatureFacts }[] = [];
		const kept = verification.signatures.filter((s) => !dropped.has(s));
		for (const s of kept) {
			markPositions(s.facts, env);
			s.facts.duplicateIds = verification.idMap.duplicates;
			if (anchors.length) bareKeyAgainstAnchors(s.facts);
			indexed.push({ index: facts.signatures.length, facts: s.facts });
			facts.signatures.push(s.facts);
		}
		for (const m of verification.messageCerts) {
			const key = `${ref.inputName}\u0000${m.sha256}`;
			if (seenCerts.has(key)) continue;
			seenCerts.add(key);
			try {
				facts.certificates.push(await certificateFacts(m.der, ref.inputName, m.source));
			} catch (error) {
				if (isBug(error)) throw error;
				// unreadable certificate: the signature already says so
			}
		}
		const detail = details.get(ref.inputName) ?? {
			summary: '',
			trees: [],
			signatures: [],
			signatureIndexes: [],
		};
		details.set(ref.inputName, detail);
		const saml = samlFacts(
			doc,
			kept.map((s) => s.facts),
		);
		if (saml.length && (ref.origin === 'input' || !detail.saml?.length)) detail.saml = saml;
		for (const a of env?.securityHeaders.flatMap((h) => h.assertions) ?? []) {
			const judged = saml.find((x) => x.path === a.path);
			if (judged) Object.assign(a, { signedBy: judged.signedBy, effective: judged.effective });
		}
		const tree = signedTree(doc, indexed, env);
		if (tree)
			detail.trees.push({
				label:
					ref.origin === 'decrypted'
						? 'After decryption'
						: env
							? `SOAP ${env.soapVersion} envelope`
							: 'Document',
				origin: ref.origin,
				root: tree,
			});
		kept.forEach((s, i) => {
			const index = indexed[i]?.index ?? -1;
			detail.signatureIndexes.push(index);
			detail.signatures.push({
				index,
				signedInfoCanonical: s.canonical.signedInfo,
				references: s.canonical.references.map((r) => ({
					uri: r.uri,
					canonical: r.text,
					truncated: r.truncated,
				})),
			});
		});
	}
	for (const name of failures.keys()) {
		if (!details.has(name))
			details.set(name, { summary: '', trees: [], signatures: [], signatureIndexes: [] });
	}
	for (const [name, detail] of details) {
		const sigs = detail.signatureIndexes
			.map((i) => facts.signatures[i])
			.filter((s): s is SignatureFacts => !!s);
		detail.summary = summarize(sigs, facts, name);
		const failed = failures.get(name);
		if (failed) detail.summary += ` — a document of this file could not be verified: ${failed}`;
		const eks = facts.encryptedKeys.filter((k) => k.inputName === name);
		if (eks.length) detail.encryptedKeys = eks;
		const target = facts.inputs.find((i) => i.name === name);
		if (target) target.detail = { area: 'message', data: detail };
	}
};

/**
 * The document's SAML assertions with who signed them (a signature that verifies and covers the
 * assertion itself, an enclosing Response, or the whole document, with no transform that leaves
 * part of it out) and whether a consumer reads them; the same facts go to the envelope's assertions.
 */
export function samlFacts(doc: Document, sigs: readonly SignatureFacts[]): SamlAssertionFacts[] {
	const list = samlAssertions(doc);
	if (!list.length) return list;
	const eff = effectiveAssertions(doc);
	const effPaths = new Set((eff?.assertions ?? []).map((a) => elementPath(a)));
	for (const a of list) {
		a.effective = eff ? effPaths.has(a.path) : null;
		for (const s of sigs) {
			if (s.valid !== true) continue;
			const covers = s.references.some(
				(r) =>
					!r.inManifest &&
					// an XPath or Filter 2.0 transform may leave the Subject out: not the assertion signed
					!r.narrowedBy?.length &&
					(r.wholeDocument ||
						[r.targetPath, r.tokenPath].some(
							(p) => !!p && (a.path === p || a.path.startsWith(p + '/')),
						)),
			);
			if (covers) {
				a.signedBy = s.signerSubject ?? s.keyForm ?? 'a key from the dropped files';
				break;
			}
		}
	}
	return list;
}

function summarize(sigs: readonly SignatureFacts[], facts: AnalysisFacts, name: string): string {
	const env = facts.envelopes.find((e) => e.inputName === name);
	const kind = env ? `SOAP ${env.soapVersion} envelope` : 'XML document';
	if (sigs.length === 0) return `${kind} without XML signatures`;
	const valid = sigs.filter((s) => s.valid === true).length;
	const invalid = sigs.filter((s) => s.valid === false).length;
	const unchecked = sigs.length - valid - invalid;
	const parts = [
		`${valid} valid`,
		invalid ? `${invalid} invalid` : '',
		unchecked ? `${unchecked} not checked` : '',
	].filter(Boolean);
	return `${kind} with ${sigs.length} signature${sigs.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
