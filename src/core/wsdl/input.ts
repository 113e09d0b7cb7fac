// Parser for WSDL inputs and the WSDL / WS-Policy stage (issue #7).
import type { InputKind } from '../report/report';
import type { Parser, Stage } from '../pipeline';
import { parseXmlInput } from '../xml/xml-input';

export const parsers: Partial<Record<InputKind, Parser>> = { wsdl: parseXmlInput };

export const stage: Stage = async () => {};
