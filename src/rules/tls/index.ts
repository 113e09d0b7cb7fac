// Rules of this folder, sorted by id.
import { tls3desCipher } from './tls-3des-cipher';
import { tlsCbcCiphers } from './tls-cbc-ciphers';
import { tlsCertValidationDisabled } from './tls-cert-validation-disabled';
import { tlsDeclaredObservedMismatch } from './tls-declared-observed-mismatch';
import { tlsKnownVulnerability } from './tls-known-vulnerability';
import { tlsMinVersion } from './tls-min-version';
import { tlsNoAead } from './tls-no-aead';
import { tlsNoFallbackScsv } from './tls-no-fallback-scsv';
import { tlsNoForwardSecrecy } from './tls-no-forward-secrecy';
import { tlsNoTls12 } from './tls-no-tls12';
import { tlsNoTls13 } from './tls-no-tls13';
import { tlsRc4Cipher } from './tls-rc4-cipher';
import { tlsSslv2Enabled } from './tls-sslv2-enabled';
import { tlsSslv3Enabled } from './tls-sslv3-enabled';
import { tlsStaticRsaKex } from './tls-static-rsa-kex';
import { tlsWeakCipher } from './tls-weak-cipher';
import { tlsWeakKeyExchange } from './tls-weak-key-exchange';
import type { Rule } from '../rule';

export const rules: readonly Rule[] = [
	tls3desCipher,
	tlsCbcCiphers,
	tlsCertValidationDisabled,
	tlsDeclaredObservedMismatch,
	tlsKnownVulnerability,
	tlsMinVersion,
	tlsNoAead,
	tlsNoFallbackScsv,
	tlsNoForwardSecrecy,
	tlsNoTls12,
	tlsNoTls13,
	tlsRc4Cipher,
	tlsSslv2Enabled,
	tlsSslv3Enabled,
	tlsStaticRsaKex,
	tlsWeakCipher,
	tlsWeakKeyExchange,
];
