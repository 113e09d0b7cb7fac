// Rules of this folder, sorted by id.
import type { Rule } from '../rule';
import { certChainIncomplete } from './cert-chain-incomplete';
import { certEcCurve } from './cert-ec-curve';
import { certExpired } from './cert-expired';
import { certExpiringSoon } from './cert-expiring-soon';
import { certHostnameMismatch } from './cert-hostname-mismatch';
import { certKeyAlgorithm } from './cert-key-algorithm';
import { certNoSan } from './cert-no-san';
import { certRevoked } from './cert-revoked';
import { certRsaKeySize } from './cert-rsa-key-size';
import { certSelfSigned } from './cert-self-signed';
import { certUntrustedChain } from './cert-untrusted-chain';
import { certValidityTooLong } from './cert-validity-too-long';
import { certWeakSignature } from './cert-weak-signature';
import { keyNotRotatedOnRenewal } from './key-not-rotated-on-renewal';
import { keyReusedAcrossPurposes } from './key-reused-across-purposes';
import { keyRotationAge } from './key-rotation-age';

export const rules: readonly Rule[] = [
	certChainIncomplete,
	certEcCurve,
	certExpired,
	certExpiringSoon,
	certHostnameMismatch,
	certKeyAlgorithm,
	certNoSan,
	certRevoked,
	certRsaKeySize,
	certSelfSigned,
	certUntrustedChain,
	certValidityTooLong,
	certWeakSignature,
	keyNotRotatedOnRenewal,
	keyReusedAcrossPurposes,
	keyRotationAge,
];
