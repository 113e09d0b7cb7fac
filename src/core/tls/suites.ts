// Cipher-suite lookup by any of its names (IANA, OpenSSL, legacy JSSE `SSL_…`) and the
// classification the rules need (forward secrecy, AEAD, weak, 64-bit block).
import { SUITE_ROWS } from './suite-table';
import type { SuiteRow } from './suite-types';

export type { SuiteRow } from './suite-types';
export { SUITE_ROWS, OPENSSL_TABLE_VERSION } from './suite-table';

const BY_NAME = new Map<string, SuiteRow>();
for (const row of SUITE_ROWS) {
	BY_NAME.set(row.iana.toUpperCase(), row);
	BY_NAME.set(row.openssl.toUpperCase(), row);
	if (row.iana.startsWith('TLS_')) BY_NAME.set(`SSL_${row.iana.slice(4)}`.toUpperCase(), row);
}
// OpenSSL 1.0.2 spelled a few legacy DHE suites with EDH; JSSE kept SSL_ names for old suites.
const ALIASES: Record<string, string> = {
	'EDH-RSA-DES-CBC3-SHA': 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA',
	'EDH-DSS-DES-CBC3-SHA': 'TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA',
	'DHE-RSA-DES-CBC-SHA': 'TLS_DHE_RSA_WITH_DES_CBC_SHA',
	SSL_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA: 'TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA',
	TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
	TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
};
for (const [alias, iana] of Object.entries(ALIASES)) {
	const row = BY_NAME.get(iana);
	if (row) BY_NAME.set(alias, row);
}

export function suiteByName(name: string): SuiteRow | undefined {
	return BY_NAME.get(name.trim().toUpperCase());
}

export function suiteByCode(code: string): SuiteRow | undefined {
	const c = code
		.toLowerCase()
		.replace(/^0x/, '')
		.replace(/[^0-9a-f]/g, '');
	return SUITE_ROWS.find((r) => r.code === c.padStart(4, '0'));
}

export const TLS13_DEFAULT = [
	'TLS_AES_256_GCM_SHA384',
	'TLS_CHACHA20_POLY1305_SHA256',
	'TLS_AES_128_GCM_SHA256',
];

export const isTls13Suite = (s: SuiteRow): boolean => s.minVersion === 'TLSv1.3';
export const isForwardSecret = (s: SuiteRow): boolean =>
	s.kx === 'ECDHE' || s.kx === 'DHE' || s.kx === 'ECDHEPSK' || s.kx === 'DHEPSK' || s.kx === 'any';
export const isAnonymous = (s: SuiteRow): boolean => s.au === 'NULL';
export const isAead = (s: SuiteRow): boolean => s.mode === 'AEAD';
export const isCbc = (s: SuiteRow): boolean => s.mode === 'CBC';
export const isStaticRsa = (s: SuiteRow): boolean => s.kx === 'RSA';
export const isRc4 = (s: SuiteRow): boolean => s.cipher === 'RC4';
export const is64BitBlock = (s: SuiteRow): boolean => s.cipher === '3DES' || s.cipher === 'IDEA';
/** Effective strength in bits (3DES counts as 112, as OpenSSL and SSL Labs do). */
export const strengthBits = (s: SuiteRow): number => (s.cipher === '3DES' ? 112 : s.bits);
