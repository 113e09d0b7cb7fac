// Rules of this folder, sorted by id.
import type { Rule } from '../rule';
import { wssBodyNotEncryptedOverHttp } from './wss-body-not-encrypted-over-http';
import { wssBodyNotSigned } from './wss-body-not-signed';
import { wssCbcEncryption } from './wss-cbc-encryption';
import { wssDecryptionFailed } from './wss-decryption-failed';
import { wssHmacOutputLength } from './wss-hmac-output-length';
import { wssKeyinfoRawKey } from './wss-keyinfo-raw-key';
import { wssRsa15KeyTransport } from './wss-rsa15-key-transport';
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
import { xswDuplicateId } from './xsw-duplicate-id';
import { xswMultipleSecurityElements } from './xsw-multiple-security-elements';
import { xswNonBspSignatureStructure } from './xsw-non-bsp-signature-structure';
import { xswPartialBodySignature } from './xsw-partial-body-signature';
import { xswSignedElementRelocated } from './xsw-signed-element-relocated';

export const rules: readonly Rule[] = [
	wssBodyNotEncryptedOverHttp,
	wssBodyNotSigned,
	wssCbcEncryption,
	wssDecryptionFailed,
	wssHmacOutputLength,
	wssKeyinfoRawKey,
	wssRsa15KeyTransport,
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
	xswDuplicateId,
	xswMultipleSecurityElements,
	xswNonBspSignatureStructure,
	xswPartialBodySignature,
	xswSignedElementRelocated,
];
