// Plain names of the report sections a link may leave out.
export const SECTION_LABELS: Record<string, string> = {
	fixes: 'corrected configurations',
	certificates: 'certificates',
	keystores: 'keystores',
	keys: 'private keys',
	signatures: 'signatures',
	decryptions: 'decryptions',
	endpoints: 'endpoints',
	policies: 'policies',
	tlsSettings: 'TLS settings',
};
