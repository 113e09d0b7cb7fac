// Moves the reader from a finding to the input and subject it is about: scrolls the element into
// view and gives it focus (a programmatic target, tabindex -1), on the live and the shared page.
import { taggedCertificate } from '../core/report/certificate-tag';

function byData(selector: string, key: string, value: string): HTMLElement | null {
	// Compared in script, not in a CSS selector: input names are user data (quotes, markup).
	for (const el of document.querySelectorAll<HTMLElement>(selector)) {
		if (el.dataset[key] === value) return el;
	}
	return null;
}

function show(el: HTMLElement): void {
	if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
	el.scrollIntoView({ block: 'start' });
	el.focus({ preventScroll: true });
}

/** The element of an input: its card on the live page, its row on a shared page. */
export function inputElement(name: string): HTMLElement | null {
	return byData('[data-input-anchor]', 'inputAnchor', name);
}

/** Scrolls to the input (and inside it to the certificate the subject names, when shown). */
export function locate(inputName: string | null, subject = ''): boolean {
	const host = inputName ? inputElement(inputName) : null;
	const sha = taggedCertificate(subject);
	if (sha) {
		const scope: ParentNode = host ?? document;
		for (const el of scope.querySelectorAll<HTMLElement>('[data-testid="certificate"]')) {
			if ((el.dataset['sha256'] ?? '').startsWith(sha)) {
				show(el);
				return true;
			}
		}
	}
	if (host) {
		show(host);
		return true;
	}
	return false;
}

/** Scrolls to the first finding of a rule (from "Why not higher"). */
export function locateFinding(ruleId: string): boolean {
	const el = byData('[data-testid="finding"]', 'ruleId', ruleId);
	if (el) show(el);
	return el !== null;
}
