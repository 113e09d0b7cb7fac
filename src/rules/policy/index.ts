// Rules of this folder, sorted by id.
import { policyBodyNotEncrypted } from './policy-body-not-encrypted';
import { policyBodyNotSigned } from './policy-body-not-signed';
import { policyNoClientAuthentication } from './policy-no-client-authentication';
import { policyNoTimestamp } from './policy-no-timestamp';
import { policyOptionalSecurity } from './policy-optional-security';
import { policyRsa15Suite } from './policy-rsa15-suite';
import { policyUsernameTokenUnprotected } from './policy-username-token-unprotected';
import { policyWeakAlgorithmSuite } from './policy-weak-algorithm-suite';
import { policyWsaHeadersNotSigned } from './policy-wsa-headers-not-signed';
import type { Rule } from '../rule';

export const rules: readonly Rule[] = [
	policyBodyNotEncrypted,
	policyBodyNotSigned,
	policyNoClientAuthentication,
	policyNoTimestamp,
	policyOptionalSecurity,
	policyRsa15Suite,
	policyUsernameTokenUnprotected,
	policyWeakAlgorithmSuite,
	policyWsaHeadersNotSigned,
];
