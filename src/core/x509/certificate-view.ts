// The detail view of one certificate: names, dates, key and PEM; its extensions as text lines
// (certificateExtensions) are built when the page opens them. The raw ASN.1 view is built in the
// page from the PEM (ui/cert/asn1-view.ts), with offsets and lengths this tree never had.
import * as asn1js from 'asn1js';
import { isBug } from '../errors';
import { readRawCertificate } from './certificate-facts';
import type { CertificateFacts, CertificateView, ExtensionView } from './facts';
import { toPem } from './pem';
import { extensionLines, extensionName, readExtensions } from './extensions';

/** Every extension decoded to text lines, built when the page opens the extensions. */
export function certificateExtensions(der: Uint8Array): ExtensionView[] {
	let tbs: asn1js.Sequence;
	try {
		tbs = readRawCertificate(der).tbs;
	} catch (error) {
		if (isBug(error)) throw error;
		return []; // not a certificate: its card already says why
	}
	return readExtensions(tbs).map((e) => ({
		oid: e.oid,
		name: extensionName(e.oid),
		critical: e.critical,
		lines: extensionLines(e),
	}));
}

/** Number of extensions: the children of the TBSCertificate's [3] wrapper, nothing decoded. */
function extensionCount(tree: asn1js.AsnType | undefined): number {
	const tbs = tree instanceof asn1js.Sequence ? tree.valueBlock.value[0] : null;
	if (!(tbs instanceof asn1js.Sequence)) return 0;
	const wrapper = tbs.valueBlock.value.find(
		(v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 3,
	);
	const list = wrapper instanceof asn1js.Constructed ? wrapper.valueBlock.value[0] : null;
	return list instanceof asn1js.Sequence ? list.valueBlock.value.length : 0;
}

/** `tree` is the certificate as certificateFactsAndTree decoded it (decoded here when absent). */
export function certificateView(
	der: Uint8Array,
	f: CertificateFacts,
	tree?: asn1js.Sequence,
): CertificateView {
	let root: asn1js.Sequence | undefined = tree;
	try {
		root ??= readRawCertificate(der).root;
	} catch (error) {
		if (isBug(error)) throw error;
		root = undefined; // not a certificate: no extensions to count, its card says why
	}
	return {
		sha256: f.sha256,
		sha1: f.sha1,
		source: f.source,
		subject: f.subject,
		issuer: f.issuer,
		serialHex: f.serialNumber,
		serialDecimal: f.serialDecimal,
		notBefore: f.notBefore,
		notAfter: f.notAfter,
		keyAlgorithm: f.keyAlgorithm,
		keySize: f.keySize,
		curve: f.curve,
		signatureAlgorithm: f.signatureAlgorithm,
		extensionCount: extensionCount(root),
		pem: toPem('CERTIFICATE', der),
	};
}
