// Evidence and channel helpers the TLS, runtime and mail rules share (judgement stays in rules;
// core/tls computes the facts these read). Rules stay one file per id.
import type { AnalysisFacts } from '../../../core/facts';
import type { TlsVersion } from '../../../core/report/report';
import type { ScannerCategory, SuiteFact, TlsFacts } from '../../../core/tls/facts';
import type { Origin } from '../../../core/tls/model';
import { versionRank } from '../../../core/tls/versions';

/** Connectors with a TLS or STARTTLS channel and at least one protocol to judge. */
export function tlsChannels(facts: AnalysisFacts): TlsFacts[] {
	return facts.tls.filter((c) => c.channel !== 'PLAIN');
}

export const hasVersion = (c: TlsFacts, v: TlsVersion): boolean => c.protocols.includes(v);

export const hasAtLeast = (c: TlsFacts, v: TlsVersion): boolean =>
	c.protocols.some((p) => versionRank(p) >= versionRank(v));

export function where(o: Origin): string {
	if (o.directive === 'default') return `default (${o.value})`;
	return `${o.inputName ?? 'connector form'}${o.line ? ` line ${o.line}` : ''}: ${o.value}`;
}

/** RULES.md 4: a finding a stated runtime could change says so ("runtime not supplied: …"). */
export function caveat(c: TlsFacts, kind: keyof NonNullable<TlsFacts['caveats']>): string {
	return c.caveats && c.graded === 'declared' ? `; ${c.caveats[kind]}` : '';
}

const WEAK_CIPHERS = ['3DES', 'RC4', 'DES', 'RC2', 'IDEA', 'NULL'];

/** Evidence naming a few suites and where they came from. */
export function suiteEvidence(c: TlsFacts, suites: readonly SuiteFact[]): string {
	const names = suites.slice(0, 6).map((s) => s.iana);
	const more = suites.length > 6 ? ` and ${suites.length - 6} more` : '';
	const origins = [...new Set(suites.map((s) => where(s.origin)))].slice(0, 2).join('; ');
	const weak = suites.some(
		(s) => WEAK_CIPHERS.includes(s.cipher) || s.au === 'NULL' || (s.bits > 0 && s.bits < 112),
	);
	return `${names.join(', ')}${more} (${c.graded === 'observed' ? 'observed' : `from ${origins}`})${weak ? caveat(c, 'suites') : ''}`;
}

const LEGACY: readonly TlsVersion[] = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1'];

export function protocolEvidence(
	c: TlsFacts,
	versions: readonly TlsVersion[],
	withCaveat = true,
): string {
	const facts = c.protocolFacts.filter((p) => versions.includes(p.version));
	const origins = [...new Set(facts.map((p) => where(p.origin)))].join('; ');
	const legacy = versions.some((v) => LEGACY.includes(v));
	return `enabled: ${c.protocols.join(', ') || 'none'}${origins ? ` (${versions.join(', ')} from ${origins})` : ''}${legacy && withCaveat ? caveat(c, 'protocols') : ''}`;
}

/** A scanner category the suite rules may use: offered, with the scanner's evidence. */
export function offeredCategory(
	c: TlsFacts,
	...ids: ScannerCategory[]
): NonNullable<TlsFacts['scannerCategories']>[number] | null {
	return c.scannerCategories?.find((s) => s.offered && ids.includes(s.id)) ?? null;
}
