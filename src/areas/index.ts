// The engine's areas: which code reads which kind of input, loaded only when an input or a stage
// needs it, so a dropped certificate never compiles the XML-security, WSDL or TLS code. In Node
// (the command line, the tests) these are plain dynamic imports; the page's engine is built as a
// base script plus one script per area and per piece of code areas share (vite.config.ts), and its
// build turns each import() below into a request to the page for those scripts (engine/chunks.ts).
// Every module is in exactly one of them, so classes and caches shared across areas stay one.
import type { InputKind } from '../core/report/report';

const LOADERS = {
	pki: () => import('./pki'),
	'xml-security': () => import('./xml-security'),
	wsdl: () => import('./wsdl'),
	tls: () => import('./tls'),
};

export type AreaName = keyof typeof LOADERS;
export type AreaCode<A extends AreaName> = Awaited<ReturnType<(typeof LOADERS)[A]>>;

export const AREA_NAMES = Object.keys(LOADERS) as AreaName[];

/** The area whose parser reads each kind (`unknown` has none). */
export const KIND_AREA: Readonly<Record<Exclude<InputKind, 'unknown'>, AreaName>> = {
	pem: 'pki',
	'der-certificate': 'pki',
	pkcs7: 'pki',
	'private-key': 'pki',
	pkcs12: 'pki',
	jks: 'pki',
	jceks: 'pki',
	bks: 'pki',
	'soap-envelope': 'xml-security',
	'xml-signature': 'xml-security',
	xml: 'xml-security',
	wsdl: 'wsdl',
	'tls-config': 'tls',
	'scan-result': 'tls',
};

/**
 * Areas that are always needed together: every XML document goes through the signature stage
 * and the WSDL stage (a WSDL may be signed, an envelope is matched against the policies), so
 * loading one starts loading the other at once rather than when its stage comes.
 */
const TOGETHER: Partial<Record<AreaName, AreaName>> = {
	'xml-security': 'wsdl',
	wsdl: 'xml-security',
};

const loading = new Map<AreaName, Promise<unknown>>();

/** Loads an area once; a failed load is tried again by the next call. */
export function loadArea<A extends AreaName>(name: A): Promise<AreaCode<A>> {
	let p = loading.get(name);
	if (!p) {
		p = LOADERS[name]().catch((error: unknown) => {
			loading.delete(name);
			throw error;
		});
		loading.set(name, p);
		const other = TOGETHER[name];
		// its failure is reported by the stage that needs it, which loads it again
		if (other && !loading.has(other)) loadArea(other).catch(() => undefined);
	}
	return p as Promise<AreaCode<A>>;
}
