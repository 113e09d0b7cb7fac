// Rules of this folder, sorted by id.
import type { Rule } from '../rule';
import { keystoreDefaultPassword } from './keystore-default-password';
import { keystoreJksLegacyFormat } from './keystore-jks-legacy-format';
import { keystorePasswordPlaintext } from './keystore-password-plaintext';
import { keystorePkcs12WeakPbe } from './keystore-pkcs12-weak-pbe';
import { keystorePrivateKeyInTruststore } from './keystore-private-key-in-truststore';

export const rules: readonly Rule[] = [
	keystoreDefaultPassword,
	keystoreJksLegacyFormat,
	keystorePasswordPlaintext,
	keystorePkcs12WeakPbe,
	keystorePrivateKeyInTruststore,
];
