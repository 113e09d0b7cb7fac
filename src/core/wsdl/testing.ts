// Test support: runs the WSDL stage over in-memory files the way analyze.ts would (detect, safe
// parse, stage), without the other areas' stages. Used by unit tests only.
import { detectKind } from '../detect';
import { ParseError } from '../errors';
import { emptyFacts, type AnalysisFacts } from '../facts';
import type { XmlDocumentRef } from '../pipeline';
import { parseXml } from '../xml/safe-parse';
import { runWsdlStage } from './input';

export interface NamedText {
	name: string;
	text: string;
}

export function runWsdlOnTexts(
	files: readonly NamedText[],
	extra: Partial<AnalysisFacts> = {},
): AnalysisFacts {
	const facts = { ...emptyFacts('2026-11-22T12:00:00Z'), ...extra };
	const documents: XmlDocumentRef[] = [];
	for (const { name, text } of files) {
		const bytes = new TextEncoder().encode(text);
		const detection = detectKind(name, bytes);
		const base = {
			id: name,
			name,
			size: bytes.length,
			sha256: '',
			kind: detection.kind,
			kindReason: detection.reason,
		};
		if (detection.kind === 'unknown') {
			facts.inputs.push({ ...base, status: 'error', error: detection.reason });
			continue;
		}
		try {
			documents.push({ inputName: name, xml: parseXml(text), origin: 'input' });
			facts.inputs.push({ ...base, status: 'parsed' });
		} catch (e) {
			if (!(e instanceof ParseError)) throw e;
			facts.inputs.push({ ...base, status: 'error', error: e.message });
		}
	}
	runWsdlStage(facts, documents);
	return facts;
}
