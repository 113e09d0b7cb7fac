// The fix, not only the verdict: for a failing configuration file, the same file corrected in
// its own syntax to Mozilla's Intermediate profile (guideline 6.0) or Modern on request, as a
// line diff against the user's text.
import { lineDiff } from './diff';
import type { TlsFacts, TlsFix } from './facts';
import {
	defaultCertpathDisabled,
	defaultDisabledAlgorithms,
	parseJavaVersion,
} from './java-defaults';
import type { TlsParse } from './model';

export type Profile = 'intermediate' | 'modern';

/** Mozilla Server Side TLS 6.0 Intermediate: the six ECDHE AEAD suites (OpenSSL and IANA names). */
export const INTERMEDIATE_OPENSSL =
	'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';
export const INTERMEDIATE_IANA = [
	'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
	'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
	'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
	'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
	'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
	'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
];
const TLS13_SUITES = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256';
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** Whether a connector already meets Intermediate (nothing to fix). */
export function compliant(c: TlsFacts): boolean {
	if (c.channel === 'PLAIN') return false;
	const okProtocols =
		c.protocols.length > 0 &&
		c.protocols.every((p) => p === 'TLSv1.2' || p === 'TLSv1.3') &&
		c.protocols.includes('TLSv1.3');
	const okSuites = c.suiteFacts.every(
		(s) =>
			INTERMEDIATE_IANA.includes(s.iana) ||
			(s.mode === 'AEAD' && (s.kx === 'ECDHE' || s.kx === 'DHE')),
	);
	const okMail =
		!c.mail ||
		(c.mail.mode === 'implicit' && c.mail.checkServerIdentity === true && !c.mail.trustAll);
	const okRuntime =
		!c.runtime.disabledAlgorithms?.missing.length &&
		!(c.runtime.secLevel && !c.runtime.secLevel.implicit && c.runtime.secLevel.level < 2);
	return (
		okProtocols &&
		okSuites &&
		okMail &&
		okRuntime &&
		c.validationDisabled.length === 0 &&
		c.vulnerabilities.length === 0
	);
}

const indentOf = (line: string) => /^\s*/.exec(line)?.[0] ?? '';

function replaceLines(
	lines: string[],
	re: RegExp,
	make: (indent: string, m: RegExpExecArray) => string | null,
): boolean {
	let hit = false;
	for (let i = 0; i < lines.length; i++) {
		const m = re.exec(lines[i] ?? '');
		if (!m) continue;
		hit = true;
		const next = make(indentOf(lines[i] ?? ''), m);
		if (next === null) lines.splice(i--, 1);
		else lines[i] = next;
	}
	return hit;
}

function fixNginx(text: string, p: Profile): string {
	const lines = text.split('\n');
	const protocols = p === 'modern' ? 'TLSv1.3' : 'TLSv1.2 TLSv1.3';
	const hasProtocols = replaceLines(
		lines,
		/^\s*ssl_protocols\b[^;]*;/,
		(ind) => `${ind}ssl_protocols ${protocols};`,
	);
	const hasCiphers = replaceLines(lines, /^\s*ssl_ciphers\b[^;]*;/, (ind) =>
		p === 'modern' ? null : `${ind}ssl_ciphers ${INTERMEDIATE_OPENSSL};`,
	);
	replaceLines(
		lines,
		/^\s*ssl_prefer_server_ciphers\s+on\s*;/,
		(ind) => `${ind}ssl_prefer_server_ciphers off;`,
	);
	replaceLines(
		lines,
		/^\s*proxy_ssl_protocols\b[^;]*;/,
		(ind) => `${ind}proxy_ssl_protocols ${protocols};`,
	);
	replaceLines(
		lines,
		/^\s*proxy_ssl_ciphers\b[^;]*;/,
		(ind) => `${ind}proxy_ssl_ciphers ${INTERMEDIATE_OPENSSL};`,
	);
	const hasVerify = replaceLines(
		lines,
		/^\s*proxy_ssl_verify\s+off\s*;/,
		(ind) => `${ind}proxy_ssl_verify on;`,
	);
	replaceLines(lines, /^\s*starttls\s+on\s*;/, (ind) => `${ind}starttls only;`);
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i] ?? '';
		const ind = indentOf(l);
		if (
			/^\s*listen\s+[^;]*\bssl\b[^;]*;/.test(l) &&
			!/^\s*listen\s+[^;]*\bssl\b/.test(lines[i - 1] ?? '')
		) {
			const add: string[] = [];
			if (!hasProtocols) add.push(`${ind}ssl_protocols ${protocols};`);
			if (!hasCiphers && p === 'intermediate')
				add.push(`${ind}ssl_ciphers ${INTERMEDIATE_OPENSSL};`);
			let j = i + 1;
			while (/^\s*listen\b/.test(lines[j] ?? '')) j++;
			lines.splice(j, 0, ...add);
			i = j + add.length - 1;
		}
		if (/^\s*proxy_pass\s+https:\/\//.test(l)) {
			const add = [
				...(/proxy_ssl_protocols/.test(text) ? [] : [`${ind}proxy_ssl_protocols ${protocols};`]),
				...(hasVerify || text.includes('proxy_ssl_verify on')
					? []
					: [
							`${ind}proxy_ssl_verify on;`,
							`${ind}proxy_ssl_trusted_certificate ${CA_BUNDLE};`,
							`${ind}proxy_ssl_server_name on;`,
						]),
			];
			lines.splice(i + 1, 0, ...add);
			i += add.length;
		}
	}
	return lines.join('\n');
}

function fixApache(text: string, p: Profile): string {
	const lines = text.split('\n');
	const protocol =
		p === 'modern' ? 'SSLProtocol -all +TLSv1.3' : 'SSLProtocol -all +TLSv1.2 +TLSv1.3';
	const has = replaceLines(lines, /^\s*SSLProtocol\b/i, (ind) => `${ind}${protocol}`);
	const hasCiphers = replaceLines(lines, /^\s*SSLCipherSuite\b(?!\s+TLSv1\.3)/i, (ind) =>
		p === 'modern' ? null : `${ind}SSLCipherSuite ${INTERMEDIATE_OPENSSL}`,
	);
	replaceLines(
		lines,
		/^\s*SSLProxyProtocol\b/i,
		(ind) => `${ind}${protocol.replace('SSLProtocol', 'SSLProxyProtocol')}`,
	);
	replaceLines(
		lines,
		/^\s*SSLProxyCipherSuite\b/i,
		(ind) => `${ind}SSLProxyCipherSuite ${INTERMEDIATE_OPENSSL}`,
	);
	replaceLines(lines, /^\s*SSLHonorCipherOrder\s+on/i, (ind) => `${ind}SSLHonorCipherOrder off`);
	replaceLines(lines, /^\s*SSLCompression\s+on/i, (ind) => `${ind}SSLCompression off`);
	replaceLines(
		lines,
		/^\s*SSLInsecureRenegotiation\s+on/i,
		(ind) => `${ind}SSLInsecureRenegotiation off`,
	);
	replaceLines(
		lines,
		/^\s*SSLProxyVerify\s+(none|optional_no_ca)/i,
		(ind) => `${ind}SSLProxyVerify require`,
	);
	replaceLines(
		lines,
		/^\s*SSLProxyCheckPeerName\s+off/i,
		(ind) => `${ind}SSLProxyCheckPeerName on`,
	);
	replaceLines(
		lines,
		/^\s*SSLOpenSSLConfCmd\s+MinProtocol\b.*/i,
		(ind) => `${ind}SSLOpenSSLConfCmd MinProtocol ${p === 'modern' ? 'TLSv1.3' : 'TLSv1.2'}`,
	);
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i] ?? '';
		if (/^\s*SSLEngine\s+on/i.test(l) && (!has || (!hasCiphers && p === 'intermediate'))) {
			const ind = indentOf(l);
			const add = [
				...(has ? [] : [`${ind}${protocol}`]),
				...(!hasCiphers && p === 'intermediate'
					? [`${ind}SSLCipherSuite ${INTERMEDIATE_OPENSSL}`, `${ind}SSLHonorCipherOrder off`]
					: []),
			];
			lines.splice(i + 1, 0, ...add);
			i += add.length;
		}
		if (/^\s*SSLProxyEngine\s+on/i.test(l)) {
			const ind = indentOf(l);
			const add = [
				...(/SSLProxyProtocol/i.test(text)
					? []
					: [`${ind}${protocol.replace('SSLProtocol', 'SSLProxyProtocol')}`]),
				...(/SSLProxyVerify/i.test(text)
					? []
					: [`${ind}SSLProxyVerify require`, `${ind}SSLProxyCACertificateFile ${CA_BUNDLE}`]),
			];
			lines.splice(i + 1, 0, ...add);
			i += add.length;
		}
	}
	return lines.join('\n');
}

function fixHaproxy(text: string, p: Profile): string {
	const lines = text.split('\n');
	const options = `ssl-default-bind-options prefer-client-ciphers ssl-min-ver ${p === 'modern' ? 'TLSv1.3' : 'TLSv1.2'} no-tls-tickets`;
	const globals = [
		...(p === 'intermediate' ? [`ssl-default-bind-ciphers ${INTERMEDIATE_OPENSSL}`] : []),
		`ssl-default-bind-ciphersuites ${TLS13_SUITES}`,
		options,
		...(p === 'intermediate' ? [`ssl-default-server-ciphers ${INTERMEDIATE_OPENSSL}`] : []),
		`ssl-default-server-options ssl-min-ver ${p === 'modern' ? 'TLSv1.3' : 'TLSv1.2'} no-tls-tickets`,
	];
	const keys = globals.map((g) => g.split(' ')[0] ?? '');
	replaceLines(
		lines,
		/^\s*(ssl-default-(bind|server)-(ciphers|ciphersuites|options))\b/,
		() => null,
	);
	replaceLines(lines, /^\s*ssl-server-verify\s+none/, (ind) => `${ind}ssl-server-verify required`);
	// A security level below 2 (the generator's "old" sets 0 for TLS 1.0/1.1 on OpenSSL 3).
	replaceLines(lines, /^\s*ssl-security-level\s+[01]\b/, (ind) => `${ind}ssl-security-level 2`);
	const g = lines.findIndex((l) => /^\s*global\b/.test(l));
	const ind = indentOf(lines[g + 1] ?? '    ') || '    ';
	if (g >= 0) lines.splice(g + 1, 0, ...globals.map((x) => `${ind}${x}`));
	else lines.unshift('global', ...globals.map((x) => `${ind}${x}`), '');
	void keys;
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i] ?? '';
		if (!/^\s*(bind|server|default-server)\b.*\bssl\b/.test(l)) continue;
		let out = l
			.replace(/\s(ssl-min-ver|ssl-max-ver|ciphers|ciphersuites)\s+\S+/g, '')
			.replace(/\s(no-sslv3|no-tlsv1[0-3]|force-(sslv3|tlsv1[0-3]))\b/g, '');
		out = out.replace(/\sverify\s+none\b/, ` verify required ca-file ${CA_BUNDLE}`);
		lines[i] = out;
	}
	return lines.join('\n');
}

function fixTomcat(text: string, p: Profile): string {
	const protocols = p === 'modern' ? 'TLSv1.3' : 'TLSv1.2+TLSv1.3';
	let out = text.replace(/<SSLHostConfig\b[^>]*>/g, (tag) => {
		let t = tag;
		t = /\sprotocols\s*=\s*"[^"]*"/.test(t)
			? t.replace(/\sprotocols\s*=\s*"[^"]*"/, ` protocols="${protocols}"`)
			: t.replace('<SSLHostConfig', `<SSLHostConfig protocols="${protocols}"`);
		if (p === 'modern') t = t.replace(/\sciphers\s*=\s*"[^"]*"/, '');
		else
			t = /\sciphers\s*=\s*"[^"]*"/.test(t)
				? t.replace(/\sciphers\s*=\s*"[^"]*"/, ` ciphers="${INTERMEDIATE_OPENSSL}"`)
				: t.replace(/(\sprotocols="[^"]*")/, `$1 ciphers="${INTERMEDIATE_OPENSSL}"`);
		t = t.replace(/\shonorCipherOrder\s*=\s*"true"/, ' honorCipherOrder="false"');
		return t;
	});
	out = out.replace(/<Connector\b[^>]*>/g, (tag) => {
		if (!/SSLEnabled\s*=\s*"true"/i.test(tag)) return tag;
		let t = tag.replace(
			/\s(sslEnabledProtocols|SSLProtocol)\s*=\s*"[^"]*"/,
			(_m, name: string) =>
				` ${name}="${p === 'modern' ? 'TLSv1.3' : name === 'SSLProtocol' ? 'TLSv1.2+TLSv1.3' : 'TLSv1.2,TLSv1.3'}"`,
		);
		if (p === 'intermediate')
			t = t.replace(/\sciphers\s*=\s*"[^"]*"/, ` ciphers="${INTERMEDIATE_OPENSSL}"`);
		const hasHostConfig =
			text.slice(text.indexOf(tag)).split('</Connector>')[0]?.includes('<SSLHostConfig') ?? false;
		if (!hasHostConfig && !/sslEnabledProtocols|SSLProtocol/.test(t))
			t = t.replace(
				/(SSLEnabled\s*=\s*"true")/i,
				`$1 sslEnabledProtocols="${p === 'modern' ? 'TLSv1.3' : 'TLSv1.2,TLSv1.3'}"`,
			);
		return t;
	});
	return out;
}

function fixJava(text: string, p: Profile, parse: TlsParse): string {
	const v = parseJavaVersion(parse.java?.version ?? null);
	let out = text;
	const extra = p === 'modern' ? ['TLSv1.2'] : [];
	const restore = (value: string, defaults: string) => {
		const have = value
			.split(',')
			.map((e) => e.trim())
			.filter(Boolean);
		const want = [...defaults.split(',').map((e) => e.trim()), 'TLSv1', 'TLSv1.1', ...extra];
		for (const w of want) if (!have.some((h) => h.toLowerCase() === w.toLowerCase())) have.push(w);
		return have.join(', ');
	};
	out = out.replace(
		/^(jdk\.tls\.disabledAlgorithms\s*[=:]\s*)((?:[^\n]*\\\r?\n)*[^\n]*)/m,
		(_m, key: string, value: string) =>
			`${key}${restore(value.replace(/\\\r?\n\s*/g, ' '), defaultDisabledAlgorithms(v))}`,
	);
	out = out.replace(
		/^(jdk\.certpath\.disabledAlgorithms\s*[=:]\s*)((?:[^\n]*\\\r?\n)*[^\n]*)/m,
		(_m, key: string, value: string) => {
			const have = value
				.replace(/\\\r?\n\s*/g, ' ')
				.split(',')
				.map((e) => e.trim())
				.filter(Boolean);
			for (const w of defaultCertpathDisabled(v)
				.split(',')
				.map((e) => e.trim()))
				if (!have.includes(w)) have.push(w);
			return `${key}${have.join(', ')}`;
		},
	);
	const protocols = p === 'modern' ? 'TLSv1.3' : 'TLSv1.2,TLSv1.3';
	out = out.replace(
		/(-D(?:jdk\.tls\.client\.protocols|jdk\.tls\.server\.protocols|https\.protocols)=)("[^"]*"|\S+)/g,
		`$1${protocols}`,
	);
	out = out.replace(
		/^((?:jdk\.tls\.client\.protocols|jdk\.tls\.server\.protocols|https\.protocols)\s*=\s*).*$/gm,
		`$1${protocols}`,
	);
	out = out.replace(/\s?-Djdk\.internal\.httpclient\.disableHostnameVerification(=\S*)?/g, '');
	if (/-D[\w.]+=/.test(text) && !/jdk\.tls\.client\.protocols/.test(text)) {
		const lines = out.split('\n');
		const last = lines.reduce((acc, l, i) => (/^\s*(export\s+)?JAVA_OPTS=/.test(l) ? i : acc), -1);
		const flag = `-Djdk.tls.client.protocols=${protocols}`;
		if (last >= 0) lines.splice(last + 1, 0, `JAVA_OPTS="$JAVA_OPTS ${flag}"`);
		else lines.push(flag);
		out = lines.join('\n');
	}
	out = out.replace(/(-Djdk\.tls\.ephemeralDHKeySize=)(\d+|legacy)/g, (m, k: string, n: string) =>
		n === 'legacy' || Number(n) < 2048 ? `${k}2048` : m,
	);
	return out;
}

function fixSpring(text: string, p: Profile): string {
	const protocols = p === 'modern' ? 'TLSv1.3' : 'TLSv1.2,TLSv1.3';
	const lines = text.split('\n');
	const yaml = /^[ \t]*[\w-]+:[ \t\r]*$/m.test(text) && !/^[ \t]*[\w.-]+\s*=/m.test(text);
	if (!yaml) {
		const hasP = replaceLines(
			lines,
			/^\s*server\.ssl\.enabled[-_]?protocols\s*[=:]/i,
			(ind) => `${ind}server.ssl.enabled-protocols=${protocols}`,
		);
		replaceLines(lines, /^\s*server\.ssl\.enabled[-_]?protocols\[\d+\]/i, () => null);
		const hasC = replaceLines(lines, /^\s*server\.ssl\.ciphers\s*[=:]/i, (ind) =>
			p === 'modern' ? null : `${ind}server.ssl.ciphers=${INTERMEDIATE_IANA.join(',')}`,
		);
		const first = lines.findIndex((l) => /^\s*server\.ssl\./.test(l));
		if (first >= 0) {
			const add = [
				...(hasP ? [] : [`server.ssl.enabled-protocols=${protocols}`]),
				...(hasC || p === 'modern' ? [] : [`server.ssl.ciphers=${INTERMEDIATE_IANA.join(',')}`]),
			];
			lines.splice(first + 1, 0, ...add);
		}
		replaceLines(
			lines,
			/^\s*spring\.mail\.port\s*[=:]\s*(25|587)\s*$/,
			(ind) => `${ind}spring.mail.port=465`,
		);
		return fixMailLines(lines.join('\n'), p, 'spring.mail.properties.');
	}
	const sslAt = lines.findIndex(
		(l) =>
			/^\s+ssl:\s*$/.test(l) &&
			lines.slice(0, lines.indexOf(l)).some((x) => /^server:\s*$/.test(x)),
	);
	const setKey = (key: RegExp, name: string, value: string | null) => {
		const i = lines.findIndex((l) => key.test(l));
		if (i >= 0) {
			const ind = indentOf(lines[i] ?? '');
			let j = i + 1;
			while (
				j < lines.length &&
				/^\s*-\s/.test(lines[j] ?? '') &&
				indentOf(lines[j] ?? '').length >= ind.length
			)
				j++;
			lines.splice(i, j - i, ...(value === null ? [] : [`${ind}${name}: ${value}`]));
		} else if (sslAt >= 0 && value !== null) {
			lines.splice(sslAt + 1, 0, `${indentOf(lines[sslAt] ?? '')}  ${name}: ${value}`);
		}
	};
	setKey(/^\s+enabled[-_]?protocols:/i, 'enabled-protocols', protocols);
	setKey(/^\s+ciphers:/i, 'ciphers', p === 'modern' ? null : INTERMEDIATE_IANA.join(','));
	// spring.mail.port under `mail:` → the implicit-TLS port.
	const mailAt = lines.findIndex((l) => /^\s+mail:\s*$/.test(l));
	const portAt =
		mailAt >= 0 ? lines.findIndex((l, i) => i > mailAt && /^\s+port:\s*(25|587)\s*$/.test(l)) : -1;
	if (portAt >= 0) lines[portAt] = (lines[portAt] ?? '').replace(/(25|587)\s*$/, '465');
	return fixMailLines(lines.join('\n'), p, '', ': ');
}

function fixOpenssl(text: string, p: Profile): string {
	const lines = text.split('\n');
	const wanted = [
		`MinProtocol = ${p === 'modern' ? 'TLSv1.3' : 'TLSv1.2'}`,
		'CipherString = DEFAULT@SECLEVEL=2',
	];
	const section = (name: string) =>
		lines.findIndex((l) =>
			new RegExp(`^\\s*\\[\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\]`).test(l),
		);
	const valueOf = (key: string) =>
		lines.map((l) => new RegExp(`^\\s*${key}\\s*=\\s*(\\S+)`).exec(l)?.[1]).find(Boolean);
	const init = valueOf('openssl_conf');
	const sslConf = init
		? lines
				.slice(section(init) + 1)
				.map((l) => /^\s*ssl_conf\s*=\s*(\S+)/.exec(l)?.[1])
				.find(Boolean)
		: undefined;
	const sys = sslConf
		? lines
				.slice(section(sslConf) + 1)
				.map((l) => /^\s*system_default\s*=\s*(\S+)/.exec(l)?.[1])
				.find(Boolean)
		: undefined;
	if (sys && section(sys) >= 0) {
		const at = section(sys);
		let end = lines.findIndex((l, i) => i > at && /^\s*\[/.test(l));
		if (end < 0) end = lines.length;
		const body = lines
			.slice(at + 1, end)
			.filter((l) => !/^\s*(MinProtocol|CipherString)\s*=/.test(l));
		lines.splice(at + 1, end - at - 1, ...wanted, ...body);
		return lines.join('\n');
	}
	if (!init) lines.unshift('openssl_conf = openssl_init', '');
	const initName = init ?? 'openssl_init';
	if (section(initName) < 0) lines.push('', `[${initName}]`);
	lines.splice(section(initName) + 1, 0, 'ssl_conf = ssl_configuration');
	lines.push(
		'',
		'[ssl_configuration]',
		'system_default = tls_system_default',
		'',
		'[tls_system_default]',
		...wanted,
		'',
	);
	return lines.join('\n');
}

function fixNode(text: string, p: Profile): string {
	const min = p === 'modern' ? 'TLSv1.3' : 'TLSv1.2';
	return text
		.replace(
			/\b(minVersion|DEFAULT_MIN_VERSION)(\s*[:=]\s*)(['"`])TLSv1(\.[01])?\3/g,
			`$1$2$3${min}$3`,
		)
		.replace(/secureProtocol\s*:\s*(['"`])\w+\1/g, `minVersion: '${min}'`)
		.replace(/rejectUnauthorized\s*:\s*false/g, 'rejectUnauthorized: true')
		.replace(
			/^.*NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['"]?0['"]?.*$/gm,
			'// removed: NODE_TLS_REJECT_UNAUTHORIZED=0 turned off certificate checks for the whole process',
		)
		.replace(/--tls-min-v1\.[01]/g, `--tls-min-v${min.slice(4)}`)
		.replace(
			/(\bciphers\s*:\s*)(['"`])[^'"`]*\2/,
			(_m, k: string, q: string) =>
				`${k}${q}${p === 'modern' ? TLS13_SUITES : INTERMEDIATE_OPENSSL}${q}`,
		);
}

function fixDotnet(text: string): string {
	return text
		.replace(
			/(SecurityProtocolType\.\w+)(\s*\|\s*SecurityProtocolType\.\w+)*/g,
			'SecurityProtocolType.SystemDefault',
		)
		.replace(/(SslProtocols\.\w+)(\s*\|\s*SslProtocols\.\w+)*/g, 'SslProtocols.None')
		.replace(/targetFramework\s*=\s*"4\.[0-6](\.\d)?"/g, 'targetFramework="4.8"')
		.replace(
			/(SchUseStrongCrypto|SystemDefaultTlsVersions)("?\s*=\s*dword:)0+/g,
			'$1$2' + '00000001',
		)
		.replace(
			/^.*(ServerCertificateValidationCallback|ServerCertificateCustomValidationCallback)\s*[+]?=\s*(\([^)]*\)|\w+)\s*=>\s*true.*$/gm,
			(l) => `${indentOf(l)}// removed: a validation callback that accepted every certificate`,
		)
		.replace(
			/DangerousAcceptAnyServerCertificateValidator/g,
			'null /* removed DangerousAcceptAnyServerCertificateValidator */',
		);
}

const IMPLICIT: Record<string, string> = { smtp: '465', imap: '993', pop3: '995' };

function fixMailLines(text: string, p: Profile, prefix = '', sep = '='): string {
	const lines = text.split('\n');
	const pre = prefix.replace(/\./g, '\\.');
	const protos = new Set<string>();
	for (const l of lines) {
		const m = new RegExp(`^\\s*${pre}mail\\.(smtp|imap|pop3)s?\\.`).exec(l);
		if (m?.[1]) protos.add(m[1]);
	}
	const tlsProtocols = p === 'modern' ? 'TLSv1.3' : 'TLSv1.2 TLSv1.3';
	for (const proto of protos) {
		const name = (k: string) => `${prefix}mail.${proto}.${k}${sep}`;
		const key = (k: string) =>
			new RegExp(`^\\s*${pre}mail\\.${proto}s?\\.${k.replace(/\./g, '\\.')}\\s*[=:]`);
		replaceLines(lines, key('starttls.enable'), (ind) => `${ind}${name('ssl.enable')}true`);
		replaceLines(lines, key('starttls.required'), () => null);
		replaceLines(lines, key('port'), (ind) => `${ind}${name('port')}${IMPLICIT[proto] ?? ''}`);
		replaceLines(lines, key('ssl.trust'), () => null);
		const hasCheck = replaceLines(
			lines,
			key('ssl.checkserveridentity'),
			(ind) => `${ind}${name('ssl.checkserveridentity')}true`,
		);
		const hasSsl = lines.some((l) => key('ssl.enable').test(l));
		const hasProtocols = replaceLines(
			lines,
			key('ssl.protocols'),
			(ind) => `${ind}${name('ssl.protocols')}${tlsProtocols}`,
		);
		const last = lines.reduce(
			(acc, l, i) => (new RegExp(`^\\s*${pre}mail\\.${proto}s?\\.`).test(l) ? i : acc),
			-1,
		);
		const ind = indentOf(lines[last] ?? '');
		const add = [
			...(hasSsl ? [] : [`${ind}${name('ssl.enable')}true`]),
			...(hasCheck ? [] : [`${ind}${name('ssl.checkserveridentity')}true`]),
			...(hasProtocols ? [] : [`${ind}${name('ssl.protocols')}${tlsProtocols}`]),
		];
		lines.splice(last + 1, 0, ...add);
	}
	return lines.join('\n');
}

function fixConnector(text: string, p: Profile): string {
	const min = p === 'modern' ? 'TLSv1.3' : 'TLSv1.2';
	let out = text.replace(/("lowest(?:Allowable)?TlsVersion"\s*:\s*)"[^"]*"/, `$1"${min}"`);
	if (out === text && !/"lowest(?:Allowable)?TlsVersion"/.test(text)) {
		out = out.replace(
			/(\n(\s*)"endpoint"\s*:\s*"[^"]*")(,?)/,
			(_m, line: string, ind: string, comma: string) =>
				`${line},\n${ind}"lowestAllowableTlsVersion": "${min}"${comma}`,
		);
	}
	out = out.replace(/("endpoint"\s*:\s*")http:\/\//, '$1https://');
	out = out.replace(
		/("cipherSuites"\s*:\s*)("[^"]*"|\[[^\]]*\])/,
		`$1${JSON.stringify(INTERMEDIATE_IANA.join(','))}`,
	);
	return out;
}

export function fixedText(parse: TlsParse, text: string, p: Profile): string | null {
	switch (parse.format) {
		case 'nginx':
			return fixNginx(text, p);
		case 'apache':
			return fixApache(text, p);
		case 'haproxy':
			return fixHaproxy(text, p);
		case 'tomcat':
			return fixTomcat(text, p);
		case 'java':
			return fixJava(text, p, parse);
		case 'spring':
			return fixSpring(text, p);
		case 'openssl':
			return fixOpenssl(text, p);
		case 'node':
			return fixNode(text, p);
		case 'dotnet':
			return fixDotnet(text);
		case 'mail':
			return fixMailLines(
				text,
				p,
				/^[ \t]*spring\.mail\.properties\./m.test(text) ? 'spring.mail.properties.' : '',
			);
		case 'connector':
			return fixConnector(text, p);
		default:
			return null;
	}
}

/** Both profiles for a file whose connectors are not already Intermediate-compliant. */
export function fixesFor(parse: TlsParse, text: string, connectors: readonly TlsFacts[]): TlsFix[] {
	if (parse.observed.length > 0 || connectors.length === 0 || connectors.every(compliant))
		return [];
	const out: TlsFix[] = [];
	for (const profile of ['intermediate', 'modern'] as const) {
		const fixed = fixedText(parse, text, profile);
		if (fixed === null || fixed === text) continue;
		out.push({ profile, text: fixed, diff: lineDiff(text, fixed) });
	}
	return out;
}
