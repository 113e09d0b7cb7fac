// CGS-1 step 4 (RULES.md 3.2): protocol, key-exchange and cipher-strength category scores.
import type { ChannelScores } from '../report/grade';
import type { TlsVersion } from '../report/report';
import type { SuiteFact } from './facts';

const PROTOCOL_SCORE: Record<TlsVersion, number> = {
	SSLv2: 0,
	SSLv3: 80,
	TLSv1: 90,
	'TLSv1.1': 95,
	'TLSv1.2': 100,
	'TLSv1.3': 100,
};

export function protocolScore(protocols: readonly TlsVersion[]): number {
	if (protocols.length === 0) return 0;
	const scores = protocols.map((p) => PROTOCOL_SCORE[p]);
	return Math.floor((Math.max(...scores) + Math.min(...scores)) / 2);
}

/** RSA, DSA and DH sizes. */
export function rsaScore(bits: number): number {
	if (bits < 512) return 20;
	if (bits < 1024) return 40;
	if (bits < 2048) return 80;
	if (bits < 4096) return 90;
	return 100;
}

/** EC and EdDSA sizes (testssl.sh set_key_str_score). */
export function ecScore(bits: number): number {
	if (bits < 110) return 20;
	if (bits < 123) return 40;
	if (bits < 163) return 80;
	if (bits < 225) return 90;
	return 100;
}

export function bitScore(bits: number): number {
	if (bits === 0) return 0;
	if (bits < 128) return 20;
	if (bits < 256) return 80;
	return 100;
}

export interface KxInputs {
	suites: readonly SuiteFact[];
	tls13: readonly SuiteFact[];
	cert: { keyAlgorithm: string; keySize: number } | null;
	dhBits: number | null;
	curves: readonly { bits: number }[];
}

export function keyExchangeScore(k: KxInputs, notes: string[]): number {
	if (k.suites.some((s) => s.au === 'NULL')) {
		notes.push('key exchange 0: an anonymous suite is enabled');
		return 0;
	}
	let score: number;
	if (k.cert) {
		const ec = /^(EC|ECDSA|Ed25519|Ed448)$/i.test(k.cert.keyAlgorithm);
		score = ec ? ecScore(k.cert.keySize) : rsaScore(k.cert.keySize);
	} else {
		score = 90;
		notes.push('no certificate known for this connector: assumed RSA-2048 (key exchange 90)');
	}
	if (k.dhBits !== null && k.suites.some((s) => s.kx === 'DHE'))
		score = Math.min(score, rsaScore(k.dhBits));
	const ecdhe = k.suites.some((s) => s.kx === 'ECDHE') || k.tls13.length > 0;
	if (ecdhe && k.curves.length > 0)
		score = Math.min(score, ecScore(Math.min(...k.curves.map((c) => c.bits))));
	return score;
}

export function cipherScore(suites: readonly SuiteFact[], tls13: readonly SuiteFact[]): number {
	const bits = [...suites, ...tls13].map((s) => s.bits);
	if (bits.length === 0) return 0;
	return Math.floor((bitScore(Math.max(...bits)) + bitScore(Math.min(...bits))) / 2);
}

export function channelScores(
	protocols: readonly TlsVersion[],
	k: KxInputs,
	notes: string[],
): ChannelScores {
	return {
		protocol: protocolScore(protocols),
		keyExchange: keyExchangeScore(k, notes),
		cipher: cipherScore(k.suites, k.tls13),
	};
}
