// Rules of this folder, sorted by id.
import type { Rule } from '../rule';
import { wssBodyNotEncryptedOverHttp } from './wss-body-not-encrypted-over-http';
import { wssCbcEncryption } from './wss-cbc-encryption';
import { wssDecryptionFailed } from './wss-decryption-failed';
import { wssRsa15KeyTransport } from './wss-rsa15-key-transport';

export const rules: readonly Rule[] = [
	wssBodyNotEncryptedOverHttp,
	wssCbcEncryption,
	wssDecryptionFailed,
	wssRsa15KeyTransport,
];
