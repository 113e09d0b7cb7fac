// sslyze JSON 5.x and 6.x (RULES.md 4.18): accepted suites per protocol, certificate key and names,
// fallback SCSV, compression, renegotiation, Heartbleed/CCS/ROBOT, ephemeral key sizes.
import type { TlsVersion } from '../../report/report';
import { emptyParse, type ObservedEndpoint, type TlsParse } from '../model';
import { suiteByName } from '../suites';
import { curveBits } from './testssl';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string =>
	typeof v === 'string' || typeof v === 'number' ? String(v) : '';

const COMMANDS: Record<string, TlsVersion> = {
	ssl_2_0_cipher_suites: 'SSLv2',
	ssl_3_0_cipher_suites: 'SSLv3',
	tls_1_0_cipher_suites: 'TLSv1',
	tls_1_1_cipher_suites: 'TLSv1.1',
	tls_1_2_cipher_suites: 'TLSv1.2',
	tls_1_3_cipher_suites: 'TLSv1.3',
};

/** A Python traceback's last line names the error; the frames above hold the scanner's paths. */
const lastLine = (trace: string): string =>
	trace
		.trim()
		.split('\n')
		.filter((l) => l.trim())
		.pop() ?? trace;

export function parseSslyze(text: string): TlsParse {
	const parse = emptyParse('sslyze');
	const root = obj(JSON.parse(text));
	const version = typeof root['sslyze_version'] === 'string' ? root['sslyze_version'] : null;
	if (version && !/^[56]\./.test(version))
		parse.notes.push({
			level: 'warning',
			line: null,
			message: `sslyze ${version}: key names are read as in 5.x`,
		});
	for (const r of arr(root['server_scan_results']).map(obj)) {
		const loc = obj(r['server_location']);
		const o: ObservedEndpoint = {
			scanner: 'sslyze',
			host: typeof loc['hostname'] === 'string' ? loc['hostname'].toLowerCase() : null,
			port: Number(loc['port']) || null,
			starttls: str(obj(r['network_configuration'])['tls_opportunistic_encryption']) || null,
			protocols: [],
			suites: [],
			tls13: [],
			suitesListed: true,
			certKey: null,
			certNames: [],
			vulnerabilities: [],
			fallbackScsv: null,
			dhBits: [],
			curves: [],
			scannerGrade: null,
		};
		if (r['connectivity_status'] && r['connectivity_status'] !== 'COMPLETED') {
			parse.notes.push({
				level: 'warning',
				line: null,
				message: `${o.host ?? '?'}:${o.port ?? '?'}: scan did not connect (${lastLine(str(r['connectivity_error_trace'] ?? r['connectivity_status']))})`,
			});
			continue;
		}
		const scan = obj(r['scan_result']);
		const result = (name: string): Json | null => {
			const c = obj(scan[name]);
			if (c['status'] !== undefined && c['status'] !== 'COMPLETED') return null;
			return c['result'] ? obj(c['result']) : null;
		};
		for (const [cmd, proto] of Object.entries(COMMANDS)) {
			const res = result(cmd);
			if (!res) {
				if (scan[cmd])
					parse.notes.push({
						level: 'info',
						line: null,
						message: `${cmd} was not completed: protocol ${proto} not evaluated`,
					});
				continue;
			}
			const accepted = arr(res['accepted_cipher_suites']).map(obj);
			if (accepted.length > 0 || res['is_tls_version_supported'] === true) o.protocols.push(proto);
			for (const a of accepted) {
				const cs = obj(a['cipher_suite']);
				const row =
					suiteByName(str(cs['name'] ?? '')) ?? suiteByName(str(cs['openssl_name'] ?? ''));
				const list = proto === 'TLSv1.3' ? o.tls13 : o.suites;
				if (row && !list.includes(row.iana)) list.push(row.iana);
				const eph = obj(a['ephemeral_key']);
				const size = Number(eph['size']);
				if (
					/dh/i.test(str(eph['type_name'] ?? '')) &&
					!/ec/i.test(str(eph['type_name'] ?? '')) &&
					size
				)
					o.dhBits.push(size);
				else if (eph['curve_name'] && !o.curves.some((c) => c.name === str(eph['curve_name'])))
					o.curves.push({
						name: str(eph['curve_name']),
						bits: curveBits(str(eph['curve_name'])) || size,
					});
			}
		}
		const cert = result('certificate_info');
		const leaf = obj(
			arr(obj(arr(cert?.['certificate_deployments'])[0])['received_certificate_chain'])[0],
		);
		const pk = obj(leaf['public_key']);
		if (pk['algorithm'])
			o.certKey = {
				keyAlgorithm: str(pk['algorithm'])
					.replace(/_?PublicKey$/i, '')
					.replace(/^_?(RSA|EllipticCurve)$/i, (m) => (/elliptic/i.test(m) ? 'EC' : 'RSA'))
					.toUpperCase(),
				keySize: Number(pk['key_size']) || 0,
			};
		// 5.x writes `dns`, 6.x `dns_names` (with `ip_addresses` beside it).
		const san = obj(leaf['subject_alternative_name']);
		o.certNames = arr(san['dns_names'] ?? san['dns']).map(String);
		const scsv = result('tls_fallback_scsv');
		if (scsv) o.fallbackScsv = scsv['supports_fallback_scsv'] === true;
		const comp = result('tls_compression');
		if (comp?.['supports_compression'] === true)
			o.vulnerabilities.push({
				id: 'CRIME_TLS',
				tier: 'b',
				evidence: 'tls_compression: supports_compression true',
			});
		const hb = result('heartbleed');
		if (hb?.['is_vulnerable_to_heartbleed'] === true)
			o.vulnerabilities.push({
				id: 'heartbleed',
				tier: 'a',
				evidence: 'is_vulnerable_to_heartbleed true',
			});
		const ccs = result('openssl_ccs_injection');
		if (ccs?.['is_vulnerable_to_ccs_injection'] === true)
			o.vulnerabilities.push({
				id: 'CCS',
				tier: 'a',
				evidence: 'is_vulnerable_to_ccs_injection true',
			});
		const robot = result('robot');
		if (
			typeof robot?.['robot_result'] === 'string' &&
			robot['robot_result'].startsWith('VULNERABLE')
		)
			o.vulnerabilities.push({ id: 'ROBOT', tier: 'a', evidence: robot['robot_result'] });
		const reneg = result('session_renegotiation');
		if (reneg?.['is_vulnerable_to_client_renegotiation_dos'] === true)
			o.vulnerabilities.push({
				id: 'secure_client_renego',
				tier: 'a',
				evidence: 'is_vulnerable_to_client_renegotiation_dos true',
			});
		if (reneg?.['supports_secure_renegotiation'] === false)
			o.vulnerabilities.push({
				id: 'secure_renego',
				tier: 'c',
				evidence: 'supports_secure_renegotiation false',
			});
		// http_headers: a null header means the response had none; a not-run command says nothing.
		const headers = result('http_headers');
		if (headers) {
			const sts = headers['strict_transport_security_header'];
			const maxAge = Number(obj(sts)['max_age']);
			o.hsts =
				sts === null || sts === undefined
					? { maxAge: null, evidence: 'http_headers: no Strict-Transport-Security header' }
					: {
							maxAge: Number.isFinite(maxAge) ? maxAge : null,
							evidence: `http_headers: strict_transport_security_header max_age ${str(obj(sts)['max_age']) || 'missing'}`,
						};
		}
		const curves = result('elliptic_curves');
		for (const c of arr(curves?.['supported_curves']).map(obj)) {
			const name = str(c['name'] ?? '');
			if (!o.curves.some((x) => x.name === name)) o.curves.push({ name, bits: curveBits(name) });
		}
		parse.observed.push(o);
	}
	return parse;
}
