// Builds TlsFacts for rule tests and examples: a connector with sensible defaults, suites by name.
import type { TlsVersion } from '../report/report';
import { suiteFact } from './effective';
import type { ScannerCategory, TlsFacts } from './facts';
import type { Origin } from './model';
import { origin } from './model';
import { suiteByName } from './suites';
import { sortVersions } from './versions';

export interface ConnectorSpec extends Partial<
	Omit<TlsFacts, 'protocols' | 'suiteFacts' | 'tls13Facts'>
> {
	protocols?: TlsVersion[];
	suites?: string[];
	tls13?: string[];
}

export function tlsConnector(spec: ConnectorSpec = {}): TlsFacts {
	const o: Origin = origin('test.conf', 'ssl_ciphers', 3, 'test');
	const protocols = sortVersions(spec.protocols ?? ['TLSv1.2', 'TLSv1.3']);
	const rows = (names: string[]) =>
		names.map((n) => {
			const r = suiteByName(n);
			// a typo in a test's suite list, not a failure of the user's input
			if (!r) throw new RangeError(`unknown suite ${n}`);
			return suiteFact(r, o);
		});
	const suiteFacts = rows(
		spec.suites ?? [
			'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
			'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
		],
	);
	const tls13Facts = rows(
		spec.tls13 ??
			(protocols.includes('TLSv1.3') ? ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384'] : []),
	);
	const { suites: _s, tls13: _t, protocols: _p, ...rest } = spec;
	void _s;
	void _t;
	void _p;
	return {
		id: 'c1',
		name: 'test connector',
		inputName: 'test.conf',
		source: 'nginx',
		minVersion: protocols[0] ?? null,
		cipherSuites: [...suiteFacts, ...tls13Facts].map((s) => s.iana),
		scores: { protocol: 100, keyExchange: 90, cipher: 90 },
		role: 'server',
		channel: 'TLS',
		endpoint: { scheme: 'https', host: 'api.example.com', port: 443 },
		graded: 'declared',
		declared: null,
		observed: null,
		declaredMinVersion: null,
		runtime: { kind: 'openssl', label: 'OpenSSL 3', version: '3.0.0' },
		statedRuntime: 'OpenSSL 3.0.0',
		caveats: null,
		dh: null,
		curves: [{ name: 'X25519', bits: 253 }],
		certificate: null,
		validationDisabled: [],
		vulnerabilities: [],
		fallbackScsv: null,
		mail: null,
		inputs: ['test.conf'],
		notes: [],
		...rest,
		protocols,
		protocolFacts: protocols.map((version) => ({
			version,
			origin: origin('test.conf', 'ssl_protocols', 2, protocols.join(' ')),
		})),
		suiteFacts,
		tls13Facts,
	};
}

/** A connector graded on a scan that reported suite categories (testssl.sh `cipherlist_*`). */
export function scannedConnector(
	categories: Partial<Record<ScannerCategory, boolean>>,
	spec: ConnectorSpec = {},
): TlsFacts {
	return tlsConnector({
		graded: 'observed',
		source: 'testssl',
		inputName: 'scan.json',
		scannerCategories: Object.entries(categories).map(([id, offered]) => ({
			id: id as ScannerCategory,
			offered: offered === true,
			origin: origin(
				'scan.json',
				`cipherlist_${id}`,
				null,
				`cipherlist_${id}: ${offered ? 'offered (NOT ok)' : 'not offered'}`,
			),
		})),
		...spec,
	});
}
