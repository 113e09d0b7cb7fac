// An input that keeps the engine busy for as long as a test needs, whatever the machine: four
// EncryptedData keyed by PBKDF2 with 9,999,999 iterations (just within the limit of one
// derivation) from the raw key "master", 40 million iterations of HMAC-SHA-256 in JavaScript, tens
// of seconds of a core, within the budget of one input. Tests that press Cancel use it: a large
// document is analyzed in a fraction of a second on a warm engine, and can be done before the
// click lands.
import type { PageFile } from './page';

const XENC = 'http://www.w3.org/2001/04/xmlenc#';
const XENC11 = 'http://www.w3.org/2009/xmlenc11#';
const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';

/** The slow envelope's file name. */
export const SLOW_ENVELOPE = 'slow-pbkdf2.xml';

/** The raw key the slow envelope's derivations start from: without it, nothing is derived. */
export const masterKey: PageFile = { name: 'master', buffer: Buffer.alloc(32, 7) };

/** The envelope; its own parse is quick (parsed), the derivations run in the decryption stage. */
export function slowEnvelope(): PageFile {
	const one = (n: number) =>
		`<xenc:EncryptedData Type="${XENC}Content"><xenc:EncryptionMethod Algorithm="${XENC11}aes256-gcm"/><ds:KeyInfo><xenc11:DerivedKey><xenc11:KeyDerivationMethod Algorithm="${XENC11}pbkdf2"><xenc11:PBKDF2-params><xenc11:Salt><xenc11:Specified>${Buffer.from(`salt-${n}`).toString('base64')}</xenc11:Specified></xenc11:Salt><xenc11:IterationCount>9999999</xenc11:IterationCount><xenc11:KeyLength>32</xenc11:KeyLength><xenc11:PRF Algorithm="http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"/></xenc11:PBKDF2-params></xenc11:KeyDerivationMethod><xenc11:MasterKeyName>master</xenc11:MasterKeyName></xenc11:DerivedKey></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`;
	const body = [0, 1, 2, 3].map(one).join('');
	return {
		name: SLOW_ENVELOPE,
		buffer: Buffer.from(
			`<soap:Envelope xmlns:soap="${SOAP}" xmlns:xenc="${XENC}" xmlns:xenc11="${XENC11}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><soap:Body>${body}</soap:Body></soap:Envelope>`,
		),
	};
}
