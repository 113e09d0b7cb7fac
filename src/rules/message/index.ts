// Rules of this folder, sorted by id.
import type { Rule } from '../rule';
import { wssBodyNotSigned } from './wss-body-not-signed';
import { wssHmacOutputLength } from './wss-hmac-output-length';
import { wssKeyinfoRawKey } from './wss-keyinfo-raw-key';
import { wssSecurityHeaderMissing } from './wss-security-header-missing';
import { wssSha1Digest } from './wss-sha1-digest';
import { wssSignatureInvalid } from './wss-signature-invalid';
import { wssSignerUnknown } from './wss-signer-unknown';
import { wssSignerUntrusted } from './wss-signer-untrusted';
import { wssTimestampMissing } from './wss-timestamp-missing';
import { wssTimestampNotSigned } from './wss-timestamp-not-signed';
import { wssTimestampStale } from './wss-timestamp-stale';
import { wssUsernameDigest } from './wss-username-digest';
import { wssUsernameNoNonce } from './wss-username-no-nonce';
import { wssUsernamePlaintext } from './wss-username-plaintext';
import { wssUsernamePlaintextOverHttp } from './wss-username-plaintext-over-http';
import { wssWeakSignatureMethod } from './wss-weak-signature-method';

export const rules: readonly Rule[] = [
	wssBodyNotSigned,
	wssHmacOutputLength,
	wssKeyinfoRawKey,
	wssSecurityHeaderMissing,
	wssSha1Digest,
	wssSignatureInvalid,
	wssSignerUnknown,
	wssSignerUntrusted,
	wssTimestampMissing,
	wssTimestampNotSigned,
	wssTimestampStale,
	wssUsernameDigest,
	wssUsernameNoNonce,
	wssUsernamePlaintext,
	wssUsernamePlaintextOverHttp,
	wssWeakSignatureMethod,
];
