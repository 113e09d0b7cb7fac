// testssl.sh JSON (RULES.md 4.17), flat (-oj) and pretty (-oJ): protocols, accepted suites,
// certificate key, vulnerabilities and fallback SCSV as observed on the wire.
import { ParseError } from '../../errors';
import type { TlsVersion } from '../../report/report';
import { emptyParse, type ObservedEndpoint, type TlsParse } from '../model';
import { suiteByCode, suiteByName } from '../suites';

interface Finding {
	id?: string;
	ip?: string;
	port?: string;
	severity?: string;
	finding?: string;
}

const PROTOCOL_IDS: Record<string, TlsVersion> = {
	SSLv2: 'SSLv2',
	SSLv3: 'SSLv3',
	TLS1: 'TLSv1',
	TLS1_1: 'TLSv1.1',
	TLS1_2: 'TLSv1.2',
	TLS1_3: 'TLSv1.3',
};
const VULNS: Record<string, 'a' | 'b' | 'c' | 'd'> = {
	heartbleed: 'a',
	CCS: 'a',
	ticketbleed: 'a',
	ROBOT: 'a',
	DROWN: 'a',
	POODLE_TLS: 'a',
	GOLDENDOODLE: 'a',
	ZOMBIE_POODLE: 'a',
	SLEEPING_POODLE: 'a',
	'CVE-2016-2107': 'a',
	'CVE-2019-1559': 'a',
	secure_client_renego: 'a',
	CRIME_TLS: 'b',
	secure_renego: 'c',
	BEAST: 'd',
};

function present(f: Finding): boolean {
	const sev = (f.severity ?? '').toUpperCase();
	const finding = (f.finding ?? '').toLowerCase();
	if (sev === 'OK' || sev === 'INFO' || sev === 'DEBUG' || sev === 'WARN') return false;
	return !finding.startsWith('not vulnerable') && !finding.includes('not vulnerable');
}

function observe(findings: Finding[], host: string | null, port: number | null): ObservedEndpoint {
	const o: ObservedEndpoint = {
		scanner: 'testssl',
		host,
		port,
		starttls: null,
		protocols: [],
		suites: [],
		tls13: [],
		suitesListed: false,
		certKey: null,
		certNames: [],
		vulnerabilities: [],
		fallbackScsv: null,
		dhBits: [],
		curves: [],
		scannerGrade: null,
	};
	const tested = new Set<string>();
	for (const f of findings) {
		const id = f.id ?? '';
		const finding = f.finding ?? '';
		const proto = PROTOCOL_IDS[id];
		if (proto) {
			if (/^offered/i.test(finding)) o.protocols.push(proto);
			// a scanner problem (WARN, "local problem", "not tested") says nothing about the server
			else if ((f.severity ?? '').toUpperCase() === 'WARN' || !/not offered/i.test(finding))
				(o.unscanned ??= []).push(proto);
			tested.add(id);
			continue;
		}
		const suite = /^cipher(?:-tls1_3|-tls1_2|-tls1_1|-tls1|-ssl3|-ssl2)?_x([0-9a-f]+)/i.exec(id);
		if (suite?.[1]) {
			const row =
				suiteByCode(suite[1]) ??
				suiteByName(finding.split(/\s+/).find((w) => /^TLS_|^[A-Z0-9]+-/.test(w)) ?? '');
			const list = row?.minVersion === 'TLSv1.3' ? o.tls13 : o.suites;
			if (row && !list.includes(row.iana)) list.push(row.iana);
			continue;
		}
		const order = /^(cipherorder|supportedciphers)_(\w+)/.exec(id);
		if (order) {
			for (const w of finding.split(/\s+/)) {
				const row = suiteByName(w);
				if (!row) continue;
				const list = row.minVersion === 'TLSv1.3' ? o.tls13 : o.suites;
				if (!list.includes(row.iana)) list.push(row.iana);
			}
			continue;
		}
		if (id === 'cert_keySize' || /^cert_keySize /.test(id)) {
			const m = /(RSA|EC|ECDSA|DSA|Ed25519|Ed448)\s+(\d+)/i.exec(finding);
			if (m?.[1] && !o.certKey)
				o.certKey = {
					keyAlgorithm: m[1].toUpperCase().replace('ECDSA', 'EC'),
					keySize: Number(m[2]),
				};
		} else if (id.startsWith('cert_subjectAltName') || id.startsWith('cert_commonName')) {
			o.certNames.push(...finding.split(/\s+/).filter((w) => /^[\w*.-]+$/.test(w)));
		} else if (id === 'fallback_SCSV') {
			o.fallbackScsv =
				/supported/i.test(finding) && !/not supported|no fallback/i.test(finding)
					? true
					: /not supported/i.test(finding)
						? false
						: null;
		} else if (id === 'DH_groups' || id === 'LOGJAM-common_primes') {
			for (const m of finding.matchAll(/(\d{3,4})\s*bits?/g)) o.dhBits.push(Number(m[1]));
		} else if (id === 'FS_ECDHE_curves' || id === 'PFS_ECDHE_curves') {
			for (const c of finding.split(/\s+/).filter(Boolean))
				o.curves.push({ name: c, bits: curveBits(c) });
		} else if (id === 'overall_grade') {
			o.scannerGrade = finding;
		} else if (/^cipherlist_/.test(id)) {
			// "offered (NOT ok)", "not offered", "offered": the category test of `-s`/`--std`.
			// testssl.sh 3.0 calls the CBC group AVERAGE ("SEED + 128+256 Bit CBC"); 3.2 OBSOLETED.
			const raw = id.slice('cipherlist_'.length);
			const cat = raw === 'AVERAGE' ? 'OBSOLETED' : raw;
			if (/^offered/i.test(finding) || /^not offered/i.test(finding))
				(o.categories ??= {})[cat] = {
					offered: /^offered/i.test(finding),
					evidence: `${id}: ${finding}`,
				};
		} else if (id === 'SWEET32' || id === 'RC4') {
			// Vulnerability checks that name suite categories: 64-bit block ciphers and RC4.
			const cat = id === 'SWEET32' ? '3DES_IDEA' : 'RC4';
			const offered = present(f);
			const known = o.categories?.[cat];
			if (!known || (offered && !known.offered))
				(o.categories ??= {})[cat] = { offered, evidence: `${id}: ${finding}` };
		} else if (id === 'HSTS' || id === 'HSTS_time') {
			o.hsts = hstsOf(finding, o.hsts);
		} else if (id in VULNS) {
			if (id === 'secure_renego') {
				if (/not supported/i.test(finding))
					o.vulnerabilities.push({ id, tier: 'c', evidence: finding });
			} else if (present(f))
				o.vulnerabilities.push({ id, tier: VULNS[id] ?? 'a', evidence: `${id}: ${finding}` });
		}
	}
	o.suitesListed = o.suites.length + o.tls13.length > 0;
	// a protocol the run did not test (no -p, or a partial run) is unknown, not "not offered"
	for (const [id, proto] of Object.entries(PROTOCOL_IDS))
		if (!tested.has(id) && !o.unscanned?.includes(proto)) (o.unscanned ??= []).push(proto);
	return o;
}

/** testssl.sh `HSTS` / `HSTS_time`: "365 days (=31536000 s) …", "not offered", "… s". */
function hstsOf(
	finding: string,
	known: ObservedEndpoint['hsts'],
): NonNullable<ObservedEndpoint['hsts']> {
	if (/not offered|not set|missing/i.test(finding))
		return known?.maxAge ? known : { maxAge: null, evidence: `HSTS: ${finding}` };
	const m = /=\s*(\d+)\s*s\b/.exec(finding) ?? /(\d+)\s*(?:s|seconds)\b/.exec(finding);
	const days = /(\d+)\s*days?/.exec(finding);
	const maxAge = m?.[1] ? Number(m[1]) : days?.[1] ? Number(days[1]) * 86400 : null;
	return { maxAge: maxAge ?? known?.maxAge ?? null, evidence: `HSTS: ${finding}` };
}

export function curveBits(name: string): number {
	const n = name.toLowerCase();
	if (n.includes('25519')) return 253;
	if (n.includes('448')) return 448;
	const m = /(\d{3})/.exec(n);
	return m ? Number(m[1]) : 0;
}

export function parseTestssl(text: string): TlsParse {
	const parse = emptyParse('testssl');
	const value = JSON.parse(text) as unknown;
	if (Array.isArray(value)) {
		const groups = new Map<string, Finding[]>();
		for (const f of value as Finding[]) {
			const key = `${f.ip ?? ''}|${f.port ?? ''}`;
			groups.set(key, [...(groups.get(key) ?? []), f]);
		}
		for (const [key, findings] of groups) {
			const [ip = '', port = ''] = key.split('|');
			parse.observed.push(
				observe(findings, ip.split('/')[0]?.toLowerCase() || null, Number(port) || null),
			);
		}
	} else {
		const v = value as { scanResult?: unknown; version?: unknown };
		// testssl.sh 3.0–3.2 write the same pretty layout; another major or layout is not guessed at.
		const version = typeof v.version === 'string' ? v.version.trim() : null;
		if (version && !/^3\./.test(version))
			throw new ParseError(
				'tls/testssl-version',
				`testssl.sh ${version} JSON is not a version this analyzer reads (3.0–3.2): not graded`,
			);
		if (
			!Array.isArray(v.scanResult) ||
			v.scanResult.some((r) => typeof r !== 'object' || r === null)
		)
			throw new ParseError(
				'tls/testssl-shape',
				'testssl.sh pretty JSON of an unknown shape: "scanResult" is not a list of targets; not graded',
			);
		for (const r of v.scanResult as Record<string, unknown>[]) {
			const findings = Object.values(r).filter(Array.isArray).flat() as Finding[];
			const o = observe(
				findings,
				typeof r['targetHost'] === 'string' ? r['targetHost'].toLowerCase() : null,
				Number(r['port']) || null,
			);
			if (typeof r['service'] === 'string' && /smtp|imap|pop3/i.test(r['service']))
				o.starttls = r['service'];
			parse.observed.push(o);
		}
	}
	if (parse.observed.length === 0)
		parse.notes.push({
			level: 'warning',
			line: null,
			message: 'no scan result in this testssl.sh file',
		});
	return parse;
}
