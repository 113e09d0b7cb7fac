// Test support: runs the signature stage over files of tests/fixtures/wss with a hand-built key
// ring, as analyze.ts would (certificate DER files become keyring certificates).
import { sha256Hex } from '../bytes/digest';
import { emptyFacts, type AnalysisFacts, type AnalysisSettings } from '../facts';
import { emptyKeyRing } from '../keys/keyring';
import type { ParsedInput, StageContext } from '../pipeline';
import type { InputKind } from '../report/report';
import { parseXml } from '../xml/safe-parse';
import { stage } from './input';

export interface StageRun {
	facts: AnalysisFacts;
	ctx: StageContext;
}

/** Reads a fixture file by name (the test passes a Node reader: src itself has no file access). */
export type FixtureReader = (name: string) => Uint8Array;

export async function runSignatureStage(
	read: FixtureReader,
	xmlFiles: string[],
	opts: {
		certs?: string[];
		secrets?: Record<string, string>;
		anchors?: string[];
		lastModified?: number;
	} = {},
): Promise<StageRun> {
	const facts = emptyFacts('2026-11-22T12:00:00Z');
	const keyring = emptyKeyRing();
	for (const c of opts.certs ?? []) {
		const der = read(c);
		keyring.certificates.push({ sha256: await sha256Hex(der), der, inputName: c, source: c });
	}
	for (const [name, file] of Object.entries(opts.secrets ?? {})) {
		const bytes = read(file);
		keyring.secretKeys.push({ id: name, inputName: file, name, algorithm: 'HMAC', bytes });
	}
	for (const a of opts.anchors ?? []) {
		const der = read(a);
		facts.trustAnchors.push(await sha256Hex(der));
	}
	const inputs: ParsedInput[] = [];
	for (const [i, f] of xmlFiles.entries()) {
		const bytes = read(f);
		const text = new TextDecoder().decode(bytes);
		const xml = parseXml(text);
		const kind: InputKind = text.includes('Envelope') ? 'soap-envelope' : 'xml-signature';
		inputs.push({
			file: {
				id: `in-${i}`,
				name: f,
				bytes,
				...(opts.lastModified ? { lastModified: opts.lastModified } : {}),
			},
			kind,
			outcome: { facts: {}, material: {}, xml },
		});
		facts.inputs.push({
			id: `in-${i}`,
			name: f,
			size: bytes.length,
			sha256: '',
			kind,
			kindReason: '',
			status: 'parsed',
		});
	}
	const settings: AnalysisSettings = { trustAnchors: [], truststoreInputs: [], rawKeys: [] };
	const ctx: StageContext = {
		inputs,
		documents: inputs.map((p) => ({
			inputName: p.file.name,
			xml: p.outcome.xml as NonNullable<typeof p.outcome.xml>,
			origin: 'input' as const,
		})),
		keyring,
		settings,
		progress: () => {},
		signal: new AbortController().signal,
	};
	await stage(facts, ctx);
	return { facts, ctx };
}
