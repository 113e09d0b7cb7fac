// Must-flag / must-not-flag table for KEY-REUSED-ACROSS-PURPOSES.
import { describe, expect, it } from 'vitest';
import type { AnalysisFacts } from '../../core/facts';
import { sigFacts } from '../../core/soap/testing';
import { certFacts } from '../../core/x509/testing';
import { facts, runRule } from '../testing';
import { keyReusedAcrossPurposes as rule } from './key-reused-across-purposes';

const tls = certFacts({
	sha256: 't'.repeat(64),
	spkiSha256: 'k',
	extendedKeyUsage: ['serverAuth'],
});
const other = certFacts({ sha256: 'o'.repeat(64), spkiSha256: 'k2', extendedKeyUsage: [] });

describe('KEY-REUSED-ACROSS-PURPOSES', () => {
	it.each<[string, Partial<AnalysisFacts>, number]>([
		[
			'TLS key also signs messages',
			{ certificates: [tls], signatures: [sigFacts({ signerCertSha256: tls.sha256 })] },
			1,
		],
		[
			'signing with a separate key',
			{ certificates: [tls, other], signatures: [sigFacts({ signerCertSha256: other.sha256 })] },
			0,
		],
		['TLS only', { certificates: [tls] }, 0],
	])('%s', (_n, partial, count) => {
		const hits = runRule(rule, facts(partial));
		expect(hits).toHaveLength(count);
		for (const h of hits) expect([h.severity, h.effect]).toEqual(['medium', 'warn']);
	});
});
