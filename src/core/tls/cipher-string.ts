// OpenSSL cipher-string expansion (RULES.md 4.1): `HIGH:!aNULL:!MD5`, `ECDHE+AESGCM`, `DEFAULT`,
// prefixes `-` `!` `+`, `@STRENGTH`, `@SECLEVEL=n`, evaluated over the suites a given OpenSSL
// build has, in that build's default preference order, as ssl_cipher_process_rulestr does.
import { SUITE_ROWS, strengthBits, suiteByName, type SuiteRow } from './suites';

/**
 * Which OpenSSL the string is evaluated for; decides the suite universe and DEFAULT. `any`: the
 * library is not known, so every suite the string names counts (aliases keep their 1.1.1+ meaning).
 */
export type OpenSslProfile = '3' | '1.1.1' | '1.0.2' | '1.0.1' | 'any';

export interface CipherStringResult {
	suites: SuiteRow[];
	secLevel: number | null;
	/** Elements that matched no suite or alias (OpenSSL ignores them). */
	unknown: string[];
	notes: string[];
}

type Pred = (s: SuiteRow) => boolean;

const kx =
	(...k: string[]): Pred =>
	(s) =>
		k.includes(s.kx);
const au =
	(...a: string[]): Pred =>
	(s) =>
		a.includes(s.au);
const enc =
	(...e: string[]): Pred =>
	(s) =>
		e.includes(s.cipher);
const mac =
	(...m: string[]): Pred =>
	(s) =>
		m.includes(s.mac);
const and =
	(...p: Pred[]): Pred =>
	(s) =>
		p.every((f) => f(s));
const not =
	(p: Pred): Pred =>
	(s) =>
		!p(s);
const AES_ANY = enc('AES', 'AESGCM', 'AESCCM', 'AESCCM8');

/**
 * DEFAULT per build: OpenSSL 3 as measured; 1.1.x flags 3DES (and the suites 3.0 also flags)
 * SSL_NOT_DEFAULT; 1.0.x is ALL:!EXPORT:!LOW:!aNULL:!eNULL:!SSLv2.
 */
function inDefault(profile: OpenSslProfile): Pred {
	if (profile === '3' || profile === '1.1.1' || profile === 'any')
		return (s) => s.inDefault && s.cipher !== 'NULL';
	return (s) =>
		s.cipher !== 'NULL' && s.au !== 'NULL' && s.strength !== 'EXPORT' && s.strength !== 'LOW';
}

/** Before the SWEET32 fixes (1.0.2i/1.0.1u) 3DES was in HIGH. */
const strengthOf = (s: SuiteRow, profile: OpenSslProfile): string =>
	profile === '1.0.1' && s.cipher === '3DES' ? 'HIGH' : s.strength;

function aliases(profile: OpenSslProfile): Record<string, Pred> {
	const def = inDefault(profile);
	return {
		ALL: not(enc('NULL')),
		COMPLEMENTOFALL: enc('NULL'),
		COMPLEMENTOFDEFAULT: and(not(def), not(enc('NULL'))),
		HIGH: (s) => strengthOf(s, profile) === 'HIGH',
		MEDIUM: (s) => strengthOf(s, profile) === 'MEDIUM',
		LOW: (s) => s.strength === 'LOW',
		EXPORT: (s) => s.strength === 'EXPORT',
		EXP: (s) => s.strength === 'EXPORT',
		eNULL: enc('NULL'),
		NULL: enc('NULL'),
		aNULL: au('NULL'),
		kRSA: kx('RSA'),
		RSA: kx('RSA'),
		aRSA: au('RSA'),
		kEDH: kx('DHE'),
		kDHE: kx('DHE'),
		EDH: and(kx('DHE'), not(au('NULL'))),
		DHE: and(kx('DHE'), not(au('NULL'))),
		DH: kx('DHE'),
		ADH: and(kx('DHE'), au('NULL')),
		kEECDH: kx('ECDHE'),
		kECDHE: kx('ECDHE'),
		EECDH: and(kx('ECDHE'), not(au('NULL'))),
		ECDHE: and(kx('ECDHE'), not(au('NULL'))),
		ECDH: kx('ECDHE', 'ECDH'),
		kECDH: kx('ECDH'),
		AECDH: and(kx('ECDHE'), au('NULL')),
		aECDSA: au('ECDSA'),
		ECDSA: au('ECDSA'),
		aDSS: au('DSS'),
		DSS: au('DSS'),
		PSK: kx('PSK', 'DHEPSK', 'ECDHEPSK', 'RSAPSK'),
		kPSK: kx('PSK'),
		kDHEPSK: kx('DHEPSK'),
		kECDHEPSK: kx('ECDHEPSK'),
		kRSAPSK: kx('RSAPSK'),
		aPSK: au('PSK'),
		SRP: kx('SRP'),
		kSRP: kx('SRP'),
		aSRP: au('SRP'),
		AES: AES_ANY,
		AES128: and(AES_ANY, (s) => s.bits === 128),
		AES256: and(AES_ANY, (s) => s.bits === 256),
		AESGCM: enc('AESGCM'),
		AESCCM: enc('AESCCM', 'AESCCM8'),
		AESCCM8: enc('AESCCM8'),
		CAMELLIA: enc('CAMELLIA'),
		CAMELLIA128: and(enc('CAMELLIA'), (s) => s.bits === 128),
		CAMELLIA256: and(enc('CAMELLIA'), (s) => s.bits === 256),
		ARIA: enc('ARIAGCM'),
		ARIAGCM: enc('ARIAGCM'),
		ARIA128: and(enc('ARIAGCM'), (s) => s.bits === 128),
		ARIA256: and(enc('ARIAGCM'), (s) => s.bits === 256),
		CHACHA20: enc('CHACHA20'),
		SEED: enc('SEED'),
		IDEA: enc('IDEA'),
		'3DES': enc('3DES'),
		DES: enc('DES'),
		RC4: enc('RC4'),
		RC2: enc('RC2'),
		MD5: mac('MD5'),
		SHA1: mac('SHA1'),
		SHA: mac('SHA1'),
		SHA256: mac('SHA256'),
		SHA384: mac('SHA384'),
		AEAD: mac('AEAD'),
		CBC: (s) => s.mode === 'CBC',
		SSLv3: (s) => s.minVersion === 'SSLv3',
		TLSv1: (s) => s.minVersion === 'TLSv1',
		'TLSv1.0': (s) => s.minVersion === 'TLSv1',
		'TLSv1.2': (s) => s.minVersion === 'TLSv1.2',
	};
}

/** The suites (TLS ≤ 1.2) a build of OpenSSL has, in its default preference order. */
export function universe(profile: OpenSslProfile): SuiteRow[] {
	const tls12 = SUITE_ROWS.filter((s) => s.minVersion !== 'TLSv1.3');
	if (profile === '3') return tls12.filter((s) => s.openssl3);
	if (profile === '1.1.1') {
		// 1.1.0 removed SSLv2, EXPORT, single DES, RC2 and static ECDH; RC4 is not built by default.
		return tls12.filter(
			(s) =>
				s.openssl3 || (s.strength === 'MEDIUM' && s.cipher !== 'RC4' && s.kx !== 'ECDH') || false,
		);
	}
	return tls12;
}

/** The `DEFAULT` rule string of a build (OpenSSL 1.1.0+: ALL:!COMPLEMENTOFDEFAULT:!eNULL). */
const DEFAULT_RULES = 'ALL:!COMPLEMENTOFDEFAULT:!eNULL';

export function expandCipherString(
	text: string,
	profile: OpenSslProfile = '3',
): CipherStringResult {
	const table = aliases(profile);
	let list = universe(profile);
	const byName = new Map(list.flatMap((s) => [[s.openssl, s] as const, [s.iana, s] as const]));
	const active = new Set<SuiteRow>();
	const killed = new Set<SuiteRow>();
	const unknown: string[] = [];
	const notes: string[] = [];
	let secLevel: number | null = null;
	let rules = text.trim();
	if (rules.startsWith('DEFAULT')) rules = DEFAULT_RULES + rules.slice('DEFAULT'.length);
	const elements = rules.split(/[:, ;]+/).flatMap((e) => {
		const at = e.indexOf('@', 1);
		return at > 0 ? [e.slice(0, at), ...e.slice(at).split(/(?=@)/)] : [e];
	});
	for (const raw of elements) {
		if (!raw) continue;
		if (raw.startsWith('@')) {
			const m = /^@SECLEVEL=(\d)$/.exec(raw);
			if (m) secLevel = Number(m[1]);
			else if (raw === '@STRENGTH') {
				list = [...list].sort((a, b) => strengthBits(b) - strengthBits(a));
			} else unknown.push(raw);
			continue;
		}
		const op = raw[0] === '!' || raw[0] === '-' || raw[0] === '+' ? raw[0] : '';
		const body = op ? raw.slice(1) : raw;
		const exact = byName.get(body);
		let pred: Pred | null;
		if (exact) pred = (s) => s === exact;
		else {
			const parts = body.split('+').map((p) => table[p] ?? null);
			if (parts.some((p) => p === null)) {
				if (!suiteByName(body)) unknown.push(raw);
				else notes.push(`${body} is not built into OpenSSL ${profile}`);
				continue;
			}
			pred = and(...(parts as Pred[]));
		}
		const matching = list.filter((s) => pred(s));
		if (op === '') {
			const add = matching.filter((s) => !active.has(s) && !killed.has(s));
			list = [...list.filter((s) => !add.includes(s)), ...add];
			for (const s of add) active.add(s);
		} else if (op === '-') {
			for (const s of matching) active.delete(s);
		} else if (op === '!') {
			for (const s of matching) {
				active.delete(s);
				killed.add(s);
			}
		} else {
			const move = matching.filter((s) => active.has(s));
			list = [...list.filter((s) => !move.includes(s)), ...move];
		}
	}
	return { suites: list.filter((s) => active.has(s)), secLevel, unknown, notes };
}

/**
 * What a security level removes (SSL_CTX_set_security_level(3)): below 80 bits at level 1
 * (and MD5 MACs on OpenSSL 3), RC4 and below 112 bits at 2, non-forward-secret at 3, SHA-1 MACs at 4.
 */
export function allowedAtSecLevel(s: SuiteRow, level: number): boolean {
	if (level <= 0) return true;
	const bits = strengthBits(s);
	if (bits < 80 && s.cipher !== 'NULL') return false;
	if (s.cipher === 'NULL') return false;
	if (s.mac === 'MD5') return false;
	if (level >= 2 && (s.cipher === 'RC4' || bits < 112)) return false;
	if (level >= 3 && !['ECDHE', 'DHE', 'ECDHEPSK', 'DHEPSK', 'any'].includes(s.kx)) return false;
	if (level >= 3 && bits < 128) return false;
	if (level >= 4 && s.mac === 'SHA1') return false;
	if (level >= 4 && bits < 192) return false;
	return true;
}
