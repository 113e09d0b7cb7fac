// sslyze JSON (RULES.md 4.18): accepted suites per protocol, certificate key and names, fallback
// SCSV, compression, renegotiation, Heartbleed/CCS/ROBOT, ephemeral key sizes. Two shapes, chosen
// by `sslyze_version` and checked against the document: 5.x/6.x (`server_location`, `scan_result`
// with a status per command) and 3.x/4.x (`server_info.server_location`, `scan_commands_results`
// holding the results directly, `scan_commands_errors`, camelCase certificate fields). Any other
// version or shape is an error on the card, never a grade.
import { ParseError } from '../../errors';
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
	const major = version ? Number(/^(\d+)\./.exec(version)?.[1] ?? NaN) : null;
	const servers = arr(root['server_scan_results']).map(obj);
	const legacyShape = (r: Json) => 'scan_commands_results' in r || 'server_info' in r;
	const modernShape = (r: Json) => 'scan_result' in r || 'server_location' in r;
	if (major !== null && ![3, 4, 5, 6].includes(major))
		throw new ParseError(
			'tls/sslyze-version',
			`sslyze ${version} JSON is not a version this analyzer reads (3.x–6.x): not graded`,
		);
	if (servers.some((r) => !legacyShape(r) && !modernShape(r)))
		throw new ParseError(
			'tls/sslyze-shape',
			`sslyze${version ? ` ${version}` : ''} JSON of an unknown shape: a server result has neither "server_location"/"scan_result" (5.x/6.x) nor "server_info"/"scan_commands_results" (3.x/4.x); not graded`,
		);
	const legacy = servers.some(legacyShape);
	const expectLegacy = major !== null && major < 5;
	if (major === null)
		parse.notes.push({
			level: 'warning',
			line: null,
			message: `no sslyze_version: read as ${legacy ? '3.x/4.x' : '5.x/6.x'} by its shape`,
		});
	else if (legacy !== expectLegacy)
		parse.notes.push({
			level: 'warning',
			line: null,
			message: `sslyze_version ${version} but the document has the ${legacy ? '3.x/4.x' : '5.x/6.x'} shape: read by its shape`,
		});
	// 3.x lists servers it could not reach at the top level.
	for (const e of arr(root['server_connectivity_errors']).map(obj))
		parse.notes.push({
			level: 'warning',
			line: null,
			message: `${str(obj(e['server_location'] ?? e)['hostname']) || str(e['server_string']) || '?'}: scan did not connect (${lastLine(str(e['error_message'] ?? e['connectivity_error_trace'] ?? ''))})`,
		});
	for (const r of servers) {
		const pre5 = legacyShape(r);
		const info = obj(r['server_info']);
		const loc = obj(pre5 ? info['server_location'] : r['server_location']);
		const o: ObservedEndpoint = {
			scanner: 'sslyze',
			host: typeof loc['hostname'] === 'string' ? loc['hostname'].toLowerCase() : null,
			port: Number(loc['port']) || null,
			starttls:
				str(
					obj(pre5 ? info['network_configuration'] : r['network_configuration'])[
						'tls_opportunistic_encryption'
					],
				) || null,
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
		const legacyResults = obj(r['scan_commands_results']);
		const legacyErrors = obj(r['scan_commands_errors']);
		const result = (name: string): Json | null => {
			if (pre5) {
				if (name in legacyErrors) return null;
				return name in legacyResults ? obj(legacyResults[name]) : null;
			}
			const c = obj(scan[name]);
			if (c['status'] !== undefined && c['status'] !== 'COMPLETED') return null;
			return c['result'] ? obj(c['result']) : null;
		};
		for (const [cmd, proto] of Object.entries(COMMANDS)) {
			const res = result(cmd);
			if (!res) {
				(o.unscanned ??= []).push(proto);
				if (scan[cmd] || cmd in legacyErrors)
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
		const deployment = obj(arr(cert?.['certificate_deployments'])[0]);
		// 3.x/4.x excerpts may carry only the verified chain: its leaf is the server's certificate.
		const leaf = obj(
			arr(deployment['received_certificate_chain'])[0] ??
				arr(obj(arr(deployment['path_validation_results'])[0])['verified_certificate_chain'])[0],
		);
		const pk = obj(leaf['public_key'] ?? leaf['publicKey']);
		if (pk['algorithm'])
			o.certKey = {
				keyAlgorithm: str(pk['algorithm'])
					.replace(/_?PublicKey$/i, '')
					.replace(/^_?(RSA|EllipticCurve)$/i, (m) => (/elliptic/i.test(m) ? 'EC' : 'RSA'))
					.toUpperCase(),
				keySize: Number(pk['key_size'] ?? pk['size']) || 0,
			};
		// 3.x writes `subjectAlternativeName.DNS`, 5.x `dns`, 6.x `dns_names`.
		const san = obj(leaf['subject_alternative_name'] ?? leaf['subjectAlternativeName']);
		o.certNames = arr(san['dns_names'] ?? san['dns'] ?? san['DNS']).map(String);
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
