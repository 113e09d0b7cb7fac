// Namespace URIs of WSDL, SOAP bindings, WS-Policy, WS-SecurityPolicy and WS-Addressing
// (shared/RULES.md 4.15, 4.16).

import { isWsa, NS, WSA_METADATA_NAMESPACES, WSA_NAMESPACES } from '../xml/namespaces';

export { isWsa, NS, WSA_METADATA_NAMESPACES };

export const WSP = [NS.wsp12, NS.wsp15] as const;
export const SP = [NS.sp11, NS.sp12, NS.sp13] as const;
/** Every WS-Addressing message namespace: the one table of xml/namespaces.ts. */
export const WSA: readonly string[] = [...WSA_NAMESPACES];

export function isWsp(ns: string | null): boolean {
	return ns === NS.wsp12 || ns === NS.wsp15;
}

export function isSp(ns: string | null): boolean {
	return ns === NS.sp11 || ns === NS.sp12 || ns === NS.sp13;
}
