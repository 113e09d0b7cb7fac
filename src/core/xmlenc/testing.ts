// Test support for the decryption stage: key rings from PEM files and a stage run over one
// document, shared by the unit, fixture and corpus tests (never imported by production code).
import type { AnalysisFacts } from '../facts';
import { emptyFacts } from '../facts';
import { fromBase64, toHex } from '../bytes/encoding';
import { syncHash } from '../crypto/hashes';
import type { CertificateMaterial, KeyRing, PrivateKeyMaterial } from '../keys/keyring';
import { emptyKeyRing } from '../keys/keyring';
import type { ParsedInput, XmlDocumentRef } from '../pipeline';
import { parseXml } from '../xml/safe-parse';
import { stage } from './input';

export function pemBlocks(text: string, label: string): Uint8Array[] {
	const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
	return [...text.matchAll(re)].map((m) => fromBase64(m[1] ?? ''));
}

function hasBytes(hay: Uint8Array, needle: readonly number[]): boolean {
	outer: for (let i = 0; i + needle.length <= hay.length; i++) {
		for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}

/** Algorithm and curve of a PKCS#8 key, from the OIDs it contains. */
export function privateKeyMaterial(
	pkcs8: Uint8Array,
	id: string,
	inputName: string,
	alias: string | null,
	certSha256: string[] = [],
): PrivateKeyMaterial {
	const ec = hasBytes(pkcs8, [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]);
	const curve = !ec
		? null
		: hasBytes(pkcs8, [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07])
			? 'P-256'
			: hasBytes(pkcs8, [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22])
				? 'P-384'
				: 'P-521';
	return { id, inputName, alias, algorithm: ec ? 'EC' : 'RSA', curve, pkcs8, certSha256 };
}

export function certificateMaterial(
	der: Uint8Array,
	inputName: string,
	source: string,
): CertificateMaterial {
	return { sha256: toHex(syncHash('SHA-256').hash(der)), der, inputName, source };
}

export function ringFrom(parts: Partial<KeyRing>): KeyRing {
	return { ...emptyKeyRing(), ...parts };
}

/** Runs the decryption stage over one XML text with a key ring; returns facts and documents. */
export async function runStage(
	name: string,
	text: string,
	ring: KeyRing,
	others: { name: string; bytes: Uint8Array }[] = [],
	/** Files the user dropped that did not parse (their names reach the stage through facts). */
	unparsed: string[] = [],
): Promise<{ facts: AnalysisFacts; documents: XmlDocumentRef[] }> {
	const facts = emptyFacts('2026-11-22T12:00:00Z');
	for (const name of unparsed) {
		facts.inputs.push({
			id: name,
			name,
			size: 0,
			sha256: '',
			kind: 'unknown',
			kindReason: 'binary data',
			status: 'error',
		});
	}
	const xml = parseXml(text);
	const documents: XmlDocumentRef[] = [{ inputName: name, xml, origin: 'input' }];
	const inputs: ParsedInput[] = others.map((o, i) => ({
		file: { id: `f${i}`, name: o.name, bytes: o.bytes },
		kind: 'unknown',
		outcome: { facts: {}, material: {} },
	}));
	await stage(facts, {
		inputs,
		documents,
		keyring: ring,
		settings: { trustAnchors: [], truststoreInputs: [], rawKeys: [] },
		progress: () => {},
		signal: new AbortController().signal,
	});
	return { facts, documents };
}
