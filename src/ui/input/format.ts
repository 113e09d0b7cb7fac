// Small display helpers for cards and reports.

/** 1536 → "1.5 KB"; bytes below 1 KB stay exact. */
export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Plain-language names of the input kinds. */
export const KIND_LABELS: Record<string, string> = {
	pkcs12: 'PKCS#12 keystore',
	jks: 'JKS keystore',
	jceks: 'JCEKS keystore',
	bks: 'BKS keystore',
	pem: 'PEM',
	'der-certificate': 'DER certificate',
	pkcs7: 'PKCS#7 bundle',
	'private-key': 'Private key',
	wsdl: 'WSDL',
	'soap-envelope': 'SOAP envelope',
	'xml-signature': 'Signed XML',
	xml: 'XML',
	'tls-config': 'TLS configuration',
	'scan-result': 'Scanner result',
	unknown: 'Unknown',
};

/** Kinds that can hold trust anchors (offered "Use as truststore"). */
export const TRUSTSTORE_KINDS: ReadonlySet<string> = new Set([
	'pkcs12',
	'jks',
	'jceks',
	'bks',
	'pem',
	'pkcs7',
	'der-certificate',
]);
