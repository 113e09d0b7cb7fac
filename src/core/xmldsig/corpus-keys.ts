// Test support for the corpus conformance test: certificates of a keystore file (JKS, PKCS#12),
// read through the keystore area's own parsers so the test uses the product's code path.
import { detectKind } from '../detect';
import { parsers } from '../keystore/input';
import { isBug } from '../errors';

export async function keystoreCertificates(
	bytes: Uint8Array,
	password: string | null,
): Promise<Uint8Array[]> {
	const kind = detectKind('keystore', bytes).kind;
	const parser = parsers[kind];
	if (!parser) return [];
	try {
		const outcome = await parser({
			file: { id: 'corpus', name: 'keystore', bytes },
			kind,
			text: null,
			password,
			entryPasswords: new Map(),
			progress: () => {},
			signal: new AbortController().signal,
		});
		return (outcome.material.certificates ?? []).map((c) => c.der);
	} catch (error) {
		// a keystore the corpus test cannot open gives no certificates; its case then fails visibly
		if (isBug(error)) throw error;
		return [];
	}
}
