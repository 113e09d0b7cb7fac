// pkijs is the fallback verifier of certificate and CRL signatures that our own verifiers leave
// undecided (signature.ts: algorithms WebCrypto is not called for directly). It is the largest
// library of the engine and no common input reaches it, so it is imported on first use: in the
// page it is an engine script of its own (vite.config.ts) that a certificate, keystore or
// envelope drop never loads, which keeps a cold drop from compiling and running it.
import { UnsupportedError } from '../errors';

export type Pkijs = typeof import('pkijs');

let loading: Promise<Pkijs> | null = null;

/**
 * pkijs, loaded once. A script that cannot load is an UnsupportedError (the signature stays
 * unchecked, not invalid), and the next call tries again.
 */
export function loadPkijs(): Promise<Pkijs> {
	loading ??= import('pkijs').catch((error: unknown) => {
		loading = null;
		throw new UnsupportedError(
			'x509/no-fallback-verifier',
			`the fallback signature verifier (pkijs) could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
			{},
			{ cause: error },
		);
	});
	return loading;
}
