// The one element-path format of src/core. Every fact that locates an element (reference targets,
// Security header children, SAML assertions, EncryptedData, duplicate IDs, the policy that supplied
// a binding, the "what is signed" tree) writes it the same way:
//
//   /soapenv:Envelope/soapenv:Header/wsse:Security[2]/ds:Signature
//
// one step per element from the document element down, each step the element's qualified name as
// written (prefix:local), followed by [n] (1-based, among the siblings with that same qualified
// name) only when the parent has more than one such child. The format is unambiguous inside one
// document (elementAtPath inverts it), stable under attribute changes, and readable without the
// document; a name attribute is not part of it (two wsdl:operation elements may share a name).
import type { Document, Element, Node } from '@xmldom/xmldom';
import { childElements, isElement } from './dom';

/** Child-index path from the root, e.g. /soapenv:Envelope/soapenv:Body or …/wsse:Security[2]. */
export function elementPath(el: Node): string {
	const parts: string[] = [];
	for (let e: Node | null = el; isElement(e); e = e.parentNode) {
		let index = 1;
		let count = 0;
		const parent: Node | null = e.parentNode;
		if (parent) {
			for (let s: Node | null = parent.firstChild; s; s = s.nextSibling) {
				if (!isElement(s) || s.tagName !== e.tagName) continue;
				count++;
				if (s === e) index = count;
			}
		}
		parts.push(count > 1 ? `${e.tagName}[${index}]` : e.tagName);
	}
	return '/' + parts.reverse().join('/');
}

/** The element a path of elementPath names in doc, or null when the document has none there. */
export function elementAtPath(doc: Document, path: string): Element | null {
	if (!path.startsWith('/')) return null;
	const steps = path.slice(1).split('/');
	let here: Node = doc;
	for (const step of steps) {
		const m = /^(.*?)(?:\[(\d+)\])?$/.exec(step);
		const name = m?.[1] ?? step;
		const want = m?.[2] ? Number(m[2]) : 1;
		let n = 0;
		let found: Element | null = null;
		for (const c of childElements(here)) {
			if (c.tagName !== name) continue;
			n++;
			if (n === want) {
				found = c;
				break;
			}
		}
		if (!found) return null;
		here = found;
	}
	return isElement(here) ? here : null;
}
