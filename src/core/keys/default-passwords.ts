// RULES.md section 3.6: passwords tried locally before asking; a store that opens with one
// raises KEYSTORE-DEFAULT-PASSWORD.
export const DEFAULT_PASSWORDS: readonly string[] = [
	'changeit',
	'changeme',
	'password',
	'secret',
	'keystore',
	'',
	'WebAS',
	'DemoIdentityKeyStorePassPhrase',
	'DemoTrustKeyStorePassPhrase',
	'DemoIdentityPassPhrase',
	'DemoFidelityKeyStorePassPhrase',
];

/** The user's password first (when given), then the default list, without duplicates. */
export function candidatePasswords(userPassword: string | null): string[] {
	const out = userPassword === null ? [] : [userPassword];
	for (const p of DEFAULT_PASSWORDS) if (!out.includes(p)) out.push(p);
	return out;
}
