// The engine's rehearsal. V8 compiles a function when it first runs, so a worker that has only
// loaded its scripts still compiles the XML parser, the canonicalizer, the digest and signature
// code and the rules during the first drop, and runs them in the interpreter: measured, a third
// of a warm page's time for a 100 KB envelope and most of the spread of a 1 MB one. The idle
// prewarm (client.ts) therefore has the worker analyze two small signed documents made by real
// producers, once, on an Analyzer of its own whose result is dropped. A snapshot that arrives
// meanwhile aborts it (worker.ts): the user's drop never waits for more than its unwinding.
import { Analyzer, type AnalysisResult } from '../analyze';
import type { InputFile } from '../core/pipeline';
import { WSS4J_BST_ENVELOPE, XMLSEC1_ENVELOPED_KEYVALUE } from './rehearsal-samples';

/**
 * A WS-Security envelope (BinarySecurityToken, Timestamp, exc-c14n, RSA-SHA256) and an enveloped
 * XML-DSig document with a KeyValue: between them the path of the common first drop, a captured
 * SOAP request, and of a plain signed document.
 */
const SAMPLES: readonly (readonly [string, string])[] = [
	['rehearsal-wss4j-bst.xml', WSS4J_BST_ENVELOPE],
	['rehearsal-xmlsec1-keyvalue.xml', XMLSEC1_ENVELOPED_KEYVALUE],
];

/**
 * Analyzes the samples once, as a drop of them would be; resolves with the result (null when
 * aborted). Nothing is kept: the Analyzer is this call's own and the result goes to the caller.
 */
export async function rehearse(signal: AbortSignal): Promise<AnalysisResult | null> {
	const encoder = new TextEncoder();
	const files: InputFile[] = SAMPLES.map(([name, text], i) => ({
		id: `rehearsal-${i}`,
		name,
		bytes: encoder.encode(text),
	}));
	try {
		return await new Analyzer().run(
			{
				files,
				passwords: {},
				entryPasswords: {},
				settings: {
					trustAnchors: [],
					truststoreInputs: [],
					rawKeys: [],
					captureTime: null,
					connector: null,
				},
			},
			() => {},
			signal,
		);
	} catch (error) {
		if (signal.aborted) return null;
		throw error;
	}
}
