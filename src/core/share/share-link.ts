// Share links: the redacted report (and the connector form) in a URL fragment, deflate-compressed
// and base64url-encoded, optionally encrypted with AES-GCM under a PBKDF2-SHA-256 passphrase key.
// The fragment never leaves the browser (it is not sent in requests); decoding treats it as hostile.
import {
	concatBytes,
	fromBase64Url,
	NOT_BASE64,
	NOT_BASE64URL,
	fromUtf8,
	toArrayBuffer,
	toBase64Url,
	utf8,
} from '../bytes/encoding';
import { hasCode, isBug, ParseError } from '../errors';
import type { ConnectorForm } from '../tls/facts';
import type { Report } from '../report/report';
import { isConnectorForm, isReport, isSharedFixes, withCompleteness } from './report-guard';

/** Fragment prefix: format name and version. A new wire format gets a new prefix. */
export const SHARE_PREFIX = 'wssec1';
/** Longest fragment we make or accept: fits every browser's URL limit and bounds decoding work. */
export const MAX_FRAGMENT_CHARS = 32 * 1024;
/** Deflate expands at most ~1000×; stop reading well before a crafted link could exhaust memory. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;
/** OWASP 2023 minimum for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** What a link carries: the redacted JSON report and the connector form. Never files or keys. */
export interface SharePayload {
	report: Report;
	connector: ConnectorForm | null;
	/** The corrected TLS configurations as changed lines (added in wssec1, optional). */
	fixes?: SharedFix[];
	/** Report sections left out so the link stays under MAX_FRAGMENT_CHARS, largest first. */
	omitted?: string[];
}

/** One corrected configuration: only the changed lines, with secret-looking values redacted. */
export interface SharedFix {
	inputName: string;
	profile: string;
	lines: { op: '+' | '-'; line: string }[];
}

/** Sections a link may drop to fit, never the grade, inputs or findings. */
export const DROPPABLE_SECTIONS = [
	'fixes',
	'certificates',
	'keystores',
	'keys',
	'signatures',
	'decryptions',
	'endpoints',
	'policies',
	'tlsSettings',
] as const;
export type DroppableSection = (typeof DROPPABLE_SECTIONS)[number];

/** How many items a droppable section holds (for the "left out" note). */
export function sectionSize(payload: SharePayload, section: DroppableSection): number {
	return section === 'fixes' ? (payload.fixes?.length ?? 0) : payload.report[section].length;
}

/** The payload without one section (its items gone, its name recorded in `omitted`). */
export function withoutSection(payload: SharePayload, section: DroppableSection): SharePayload {
	const omitted = [...(payload.omitted ?? []), section];
	if (section === 'fixes') return { ...payload, fixes: [], omitted };
	return { ...payload, report: { ...payload.report, [section]: [] }, omitted };
}

/**
 * Encodes the payload, dropping the largest detail sections first until the fragment fits
 * MAX_FRAGMENT_CHARS. Returns null when even grade, inputs and findings alone do not fit.
 */
export async function encodeWithinLimit(
	payload: SharePayload,
	passphrase: string | null = null,
	crypto: Crypto = globalThis.crypto,
): Promise<{ fragment: string; payload: SharePayload } | { fragment: null; length: number }> {
	let current = payload;
	for (;;) {
		const fragment = await encodeShareFragment(current, passphrase, crypto);
		if (fragment.length <= MAX_FRAGMENT_CHARS) return { fragment, payload: current };
		const sizes = DROPPABLE_SECTIONS.filter(
			(s) => sectionSize(current, s) > 0 && !(current.omitted ?? []).includes(s),
		).map((s) => ({
			s,
			bytes: JSON.stringify(s === 'fixes' ? current.fixes : current.report[s]).length,
		}));
		const largest = sizes.sort((a, b) => b.bytes - a.bytes)[0];
		if (!largest) return { fragment: null, length: fragment.length };
		current = withoutSection(current, largest.s);
	}
}

export { scrubConfigLine } from '../report/config-secrets';

export type ShareMode = 'plain' | 'encrypted';

const MODE_CHAR: Record<ShareMode, string> = { plain: 'z', encrypted: 'e' };

/** True if a location hash (with or without '#') looks like one of our share links. */
export function isShareFragment(hash: string): boolean {
	return hash.replace(/^#/, '').startsWith(`${SHARE_PREFIX}.`);
}

/** The mode of a share fragment, or null if it is not one. Never throws. */
export function shareMode(hash: string): ShareMode | null {
	const body = hash.replace(/^#/, '');
	if (body.startsWith(`${SHARE_PREFIX}.z.`)) return 'plain';
	if (body.startsWith(`${SHARE_PREFIX}.e.`)) return 'encrypted';
	return null;
}

/**
 * Builds the fragment (without '#'). With a passphrase the compressed JSON is encrypted:
 * salt (16) ‖ iv (12) ‖ AES-256-GCM ciphertext+tag. The caller checks MAX_FRAGMENT_CHARS.
 */
export async function encodeShareFragment(
	payload: SharePayload,
	passphrase: string | null = null,
	crypto: Crypto = globalThis.crypto,
): Promise<string> {
	const json = JSON.stringify({
		report: payload.report,
		connector: payload.connector,
		...(payload.fixes?.length ? { fixes: payload.fixes } : {}),
		...(payload.omitted?.length ? { omitted: payload.omitted } : {}),
	});
	const compressed = await deflate(fromUtf8(json));
	if (!passphrase) return `${SHARE_PREFIX}.${MODE_CHAR.plain}.${toBase64Url(compressed)}`;
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const key = await deriveKey(passphrase, salt, crypto);
	const sealed = new Uint8Array(
		await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, toArrayBuffer(compressed)),
	);
	return `${SHARE_PREFIX}.${MODE_CHAR.encrypted}.${toBase64Url(concatBytes(salt, iv, sealed))}`;
}

/**
 * Decodes a fragment (with or without '#'). Throws ParseError with a plain message for anything
 * that is not an intact link of this version: `share/too-long`, `share/not-a-link`,
 * `share/needs-passphrase`, `share/wrong-passphrase`, `share/corrupt`, `share/bad-format`.
 */
export async function decodeShareFragment(
	hash: string,
	passphrase: string | null = null,
	crypto: Crypto = globalThis.crypto,
): Promise<SharePayload> {
	const body = hash.replace(/^#/, '');
	if (body.length > MAX_FRAGMENT_CHARS) {
		throw new ParseError('share/too-long', 'This link is too long to be a report from this tool.');
	}
	const mode = shareMode(body);
	if (!mode) {
		throw new ParseError(
			'share/not-a-link',
			'This link does not carry a report from this version of the tool.',
		);
	}
	let bytes: Uint8Array;
	try {
		bytes = fromBase64Url(body.slice(SHARE_PREFIX.length + 3));
	} catch (error) {
		if (!hasCode(error, NOT_BASE64URL, NOT_BASE64)) throw error;
		throw new ParseError(
			'share/corrupt',
			'This link is damaged (it is not valid base64url).',
			{},
			{ cause: error },
		);
	}
	if (mode === 'encrypted') {
		if (!passphrase) {
			throw new ParseError('share/needs-passphrase', 'This report is protected by a passphrase.');
		}
		bytes = await decrypt(bytes, passphrase, crypto);
	}
	let data: unknown;
	try {
		data = JSON.parse(utf8(await inflate(bytes)));
	} catch (error) {
		if (error instanceof ParseError) throw error;
		throw new ParseError(
			'share/corrupt',
			'This link is damaged or truncated; copy it again from the report.',
			{},
			{ cause: error },
		);
	}
	if (!isSharePayload(data)) {
		throw new ParseError('share/bad-format', 'This link does not contain a valid report.');
	}
	const capped = capStrings(data, MAX_FIELD_CHARS);
	return { ...capped, report: withCompleteness(capped.report) };
}

/**
 * Longest text field kept from a decoded link. A 7 KB link inflating to a 1,000,000-character
 * file name took 46 s to lay out; no field of a real report comes near this.
 */
export const MAX_FIELD_CHARS = 2000;

/**
 * Every string anywhere in `value` cut to `max` characters (with "…", and the count cut).
 * Iterative: unknown fields of a hostile payload can nest arbitrarily deep.
 */
export function capStrings<T>(value: T, max: number): T {
	const cap = (s: string) =>
		s.length > max
			? `${s.slice(0, max)}… (${(s.length - max).toLocaleString('en')} more characters cut)`
			: s;
	if (typeof value === 'string') return cap(value) as T;
	const stack: unknown[] = [value];
	for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
		if (typeof node !== 'object' || node === null) continue;
		const record = node as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const v = record[key];
			if (typeof v === 'string') record[key] = cap(v);
			else if (typeof v === 'object' && v !== null) stack.push(v);
		}
	}
	return value;
}

/** A payload from another untrusted place (a saved report's data block), or null. */
export function parseSharePayload(data: unknown): SharePayload | null {
	return isSharePayload(data) ? { ...data, report: withCompleteness(data.report) } : null;
}

function isSharePayload(value: unknown): value is SharePayload {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const v = value as Record<string, unknown>;
	return (
		isReport(v['report']) &&
		(v['connector'] === null || isConnectorForm(v['connector'])) &&
		(v['fixes'] === undefined || isSharedFixes(v['fixes'])) &&
		(v['omitted'] === undefined ||
			(Array.isArray(v['omitted']) &&
				v['omitted'].every((o) => (DROPPABLE_SECTIONS as readonly unknown[]).includes(o))))
	);
}

async function deriveKey(passphrase: string, salt: Uint8Array, crypto: Crypto): Promise<CryptoKey> {
	const base = await crypto.subtle.importKey(
		'raw',
		toArrayBuffer(fromUtf8(passphrase)),
		'PBKDF2',
		false,
		['deriveKey'],
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: toArrayBuffer(salt), iterations: PBKDF2_ITERATIONS },
		base,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt'],
	);
}

async function decrypt(bytes: Uint8Array, passphrase: string, crypto: Crypto): Promise<Uint8Array> {
	if (bytes.length < SALT_BYTES + IV_BYTES + 16) {
		throw new ParseError('share/corrupt', 'This protected link is truncated.');
	}
	const salt = bytes.subarray(0, SALT_BYTES);
	const iv = toArrayBuffer(bytes.subarray(SALT_BYTES, SALT_BYTES + IV_BYTES));
	const key = await deriveKey(passphrase, salt, crypto);
	try {
		return new Uint8Array(
			await crypto.subtle.decrypt(
				{ name: 'AES-GCM', iv },
				key,
				toArrayBuffer(bytes.subarray(SALT_BYTES + IV_BYTES)),
			),
		);
	} catch (error) {
		if (isBug(error)) throw error;
		// GCM cannot tell a wrong passphrase from a damaged link; the passphrase is far likelier.
		throw new ParseError(
			'share/wrong-passphrase',
			'Wrong passphrase (or the link was damaged in transit).',
		);
	}
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new CompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates with a hard output bound, so a crafted link cannot expand into gigabytes. */
async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new DecompressionStream('deflate-raw'));
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > MAX_JSON_BYTES) {
			await reader.cancel();
			throw new ParseError(
				'share/too-long',
				'This link expands to more data than a report can hold.',
			);
		}
		chunks.push(value);
	}
	return concatBytes(...chunks);
}

/** Strings the user typed (passwords) must never travel; replaced wherever a text field holds one. */
const MIN_SECRET_LENGTH = 4;

/** `text` with every given secret (of MIN_SECRET_LENGTH characters or more) replaced. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
	return secrets
		.filter((s) => s.length >= MIN_SECRET_LENGTH)
		.reduce((acc, secret) => acc.split(secret).join('[redacted]'), text);
}

/**
 * A copy of the report with every occurrence of the given secrets (the passwords the user typed)
 * removed from its free-text fields. The engine's report builder already leaves key material out;
 * this is the second line of defence for messages that might quote what the user typed.
 */
export function redactSecrets(report: Report, secrets: readonly string[]): Report {
	const list = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
	if (list.length === 0) return report;
	const scrub = (text: string): string => scrubSecrets(text, list);
	return {
		...report,
		grade: {
			...report.grade,
			capReasons: report.grade.capReasons.map(scrub),
			notAnalyzed: report.grade.notAnalyzed.map(scrub),
		},
		inputs: report.inputs.map((i) => ({
			...i,
			...(i.error ? { error: scrub(i.error) } : {}),
			...(i.notes ? { notes: i.notes.map((n) => ({ ...n, message: scrub(n.message) })) } : {}),
		})),
		signatures: report.signatures.map((s) => (s.error ? { ...s, error: scrub(s.error) } : s)),
		decryptions: report.decryptions.map((d) => (d.error ? { ...d, error: scrub(d.error) } : d)),
		findings: report.findings.map((f) => ({
			...f,
			title: scrub(f.title),
			subject: scrub(f.subject),
			evidence: scrub(f.evidence),
			remediation: scrub(f.remediation),
			...(f.locations
				? {
						locations: f.locations.map((l) => ({
							...l,
							subject: scrub(l.subject),
							evidence: scrub(l.evidence),
						})),
					}
				: {}),
		})),
	};
}
