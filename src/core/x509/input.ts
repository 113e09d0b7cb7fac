// Parsers for certificates and private keys (PEM, DER, PKCS#7, key files) and the cross-file
// certificate stage: pairing keys with certificates, chains across inputs, trust verdicts.
import * as asn1js from 'asn1js';
import { hasCode, LockedError, ParseError } from '../errors';
import type { AnalysisFacts } from '../facts';
import { DEFAULT_PASSWORDS } from '../keys/default-passwords';
import type { ParseContext, ParseOutcome, Parser } from '../pipeline';
import type { InputKind } from '../report/report';
import { InputCollector } from './collect';
import { NOT_A_CERTIFICATE } from './certificate-facts';
import { certificateStage } from './chain';
import { splitPem } from './pem';
import { parseDer } from './public-key';
import {
	addCrls,
	isKeyLabel,
	pkcs7Contents,
	readCrl,
	readKey,
	readPemBlocks,
	type KeyContext,
} from './read-blocks';

/**
 * A keystore's facts, named through the shared fact model: x509 lists PEM bundles and PKCS#7
 * files as keystores but must not import the keystore area, which builds on x509.
 */
type KeystoreFacts = AnalysisFacts['keystores'][number];

export function outcomeOf(
	col: InputCollector,
	kc: KeyContext,
	summary: string,
	keystore: KeystoreFacts | null,
): ParseOutcome {
	const defaultPassword = [...kc.usedPasswords].find((p) => DEFAULT_PASSWORDS.includes(p)) ?? null;
	if (defaultPassword !== null) {
		for (const k of col.keys)
			if (k.encrypted && k.status === 'parsed') k.defaultPassword = defaultPassword;
	}
	return {
		facts: {
			certificates: col.certificates,
			keys: col.keys,
			...(keystore ? { keystores: [keystore] } : {}),
			...(col.dhParameters.length ? { dhParameters: col.dhParameters } : {}),
		},
		material: { certificates: col.certMaterial, privateKeys: col.keyMaterial },
		detail: {
			area: 'cert',
			data: {
				summary,
				certificates: col.views,
				keys: col.keyViews,
				others: col.others,
				crls: col.crls,
			},
		},
		...(kc.locked.length > 0 ? { lockedEntries: kc.locked } : {}),
		...(defaultPassword !== null ? { defaultPassword } : {}),
	};
}

function summarize(col: InputCollector): string {
	const parts: string[] = [];
	if (col.certificates.length)
		parts.push(`${col.certificates.length} certificate${col.certificates.length > 1 ? 's' : ''}`);
	if (col.keys.length)
		parts.push(`${col.keys.length} private key${col.keys.length > 1 ? 's' : ''}`);
	if (col.others.length)
		parts.push(`${col.others.length} other block${col.others.length > 1 ? 's' : ''}`);
	return parts.join(', ') || 'nothing readable';
}

/** A PEM bundle or PKCS#7 file listed as a keystore (contract types PEM / PKCS7). */
function bundleKeystore(col: InputCollector, type: 'PEM' | 'PKCS7'): KeystoreFacts | null {
	if (type === 'PEM' && col.certificates.length < 2 && col.keys.length === 0) return null;
	return {
		inputName: col.inputName,
		type,
		status: 'parsed',
		entries: [
			...col.keys.map((k) => ({
				alias: k.source,
				type: 'private-key' as const,
				created: null,
				certSha256: k.matchesCertSha256,
				keyAlgorithm: k.keyAlgorithm,
				keySize: k.keySize,
				keyLocked: k.status === 'locked',
			})),
			...col.certificates
				.filter((c) => !c.privateKeyInInput)
				.map((c) => ({
					alias: c.source,
					type: 'trusted-certificate' as const,
					created: null,
					certSha256: [c.sha256],
					keyAlgorithm: c.keyAlgorithm,
					keySize: c.keySize,
					keyLocked: false,
				})),
		],
		defaultPassword: null,
		integrity: { kind: 'none', algorithm: null, iterations: null, verified: null },
		bags: [],
		storeLocked: false,
	};
}

function ensureText(ctx: ParseContext): string {
	if (ctx.text === null)
		throw new ParseError('pem/not-text', 'The file is neither PEM text nor DER this parser knows');
	return ctx.text;
}

function keyContext(ctx: ParseContext): KeyContext {
	return { ctx, usedPasswords: new Set(), locked: [] };
}

/** Every key block locked and nothing else readable: the whole input is locked. */
function throwIfOnlyLocked(col: InputCollector, kc: KeyContext): void {
	if (
		col.certificates.length === 0 &&
		col.keys.length > 0 &&
		col.keys.every((k) => k.status === 'locked')
	) {
		const wrong = kc.locked.some((l) => l.wrongPassword);
		throw new LockedError(
			wrong
				? 'Wrong password for this encrypted private key'
				: 'This private key is encrypted: enter its password',
			wrong,
		);
	}
}

const parsePem: Parser = async (ctx) => {
	const blocks = splitPem(ensureText(ctx));
	if (blocks.length === 0)
		throw new ParseError('pem/no-blocks', 'No PEM block (-----BEGIN …-----) found');
	const col = new InputCollector(ctx.file.name);
	const kc = keyContext(ctx);
	await readPemBlocks(col, kc, blocks);
	throwIfOnlyLocked(col, kc);
	return outcomeOf(col, kc, `PEM: ${summarize(col)}`, bundleKeystore(col, 'PEM'));
};

/** DER private key kinds by structure. */
function derKeyLabel(der: Uint8Array): string | null {
	const top = parseDer(der);
	if (!(top instanceof asn1js.Sequence)) return null;
	const v = top.valueBlock.value;
	if (v.length === 2 && v[0] instanceof asn1js.Sequence && v[1] instanceof asn1js.OctetString)
		return 'ENCRYPTED PRIVATE KEY';
	if (
		v[0] instanceof asn1js.Integer &&
		v[1] instanceof asn1js.Sequence &&
		v[2] instanceof asn1js.OctetString
	)
		return 'PRIVATE KEY';
	if (v.length === 9 && v.every((x) => x instanceof asn1js.Integer)) return 'RSA PRIVATE KEY';
	if (v.length === 6 && v.every((x) => x instanceof asn1js.Integer)) return 'DSA PRIVATE KEY';
	if (
		v[0] instanceof asn1js.Integer &&
		v[0].valueBlock.valueDec === 1 &&
		v[1] instanceof asn1js.OctetString
	)
		return 'EC PRIVATE KEY';
	return null;
}

const parseKey: Parser = async (ctx) => {
	const col = new InputCollector(ctx.file.name);
	const kc = keyContext(ctx);
	if (ctx.text !== null && ctx.text.includes('-----BEGIN ')) {
		await readPemBlocks(col, kc, splitPem(ctx.text));
	} else {
		const label = derKeyLabel(ctx.file.bytes);
		if (!label)
			throw new ParseError(
				'key/unknown',
				'Not a private key in any known DER encoding (PKCS#8, PKCS#1, SEC1)',
			);
		await readKey(col, kc, label, ctx.file.bytes, {}, `DER ${label.toLowerCase()}`);
	}
	if (col.keys.length === 0 && col.certificates.length === 0)
		throw new ParseError('key/empty', 'No private key found');
	throwIfOnlyLocked(col, kc);
	const errors = col.keys.filter((k) => k.status === 'error');
	if (errors.length === col.keys.length && col.certificates.length === 0) {
		throw new ParseError(
			'key/unreadable',
			`Private key unreadable: ${errors[0]?.error ?? 'unknown encoding'}`,
		);
	}
	return outcomeOf(col, kc, `Key file: ${summarize(col)}`, null);
};

const parseDerCertificate: Parser = async (ctx) => {
	const col = new InputCollector(ctx.file.name);
	const kc = keyContext(ctx);
	if (ctx.text !== null && ctx.text.includes('-----BEGIN ')) return parsePem(ctx);
	try {
		await col.addCertificate(ctx.file.bytes, 'DER certificate');
	} catch (error) {
		if (!hasCode(error, NOT_A_CERTIFICATE)) throw error;
		// CSR or CRL in DER: describe them through the PEM path.
		await readPemBlocks(col, kc, [
			{
				label: readCrl(ctx.file.bytes)?.thisUpdate ? 'X509 CRL' : 'CERTIFICATE REQUEST',
				headers: {},
				der: ctx.file.bytes,
				index: 1,
				line: 1,
			},
		]);
		if (col.others.every((o) => o.description.startsWith('unreadable'))) {
			throw new ParseError('x509/bad-der', `Not a readable DER certificate: ${error.message}`);
		}
	}
	return outcomeOf(col, kc, `DER: ${summarize(col)}`, null);
};

const parsePkcs7: Parser = async (ctx) => {
	if (ctx.text !== null && ctx.text.includes('-----BEGIN ')) {
		const out = await parsePem(ctx);
		return out;
	}
	const col = new InputCollector(ctx.file.name);
	const kc = keyContext(ctx);
	const { certificates: certs, crls } = pkcs7Contents(ctx.file.bytes);
	if (certs.length === 0 && crls.length === 0)
		throw new ParseError('pkcs7/empty', 'PKCS#7 bundle holds no certificate and no CRL');
	for (const [i, der] of certs.entries()) {
		const label = `PKCS#7 certificate ${i + 1}`;
		try {
			await col.addCertificate(der, label);
		} catch (error) {
			// say which certificate of the bundle is not one
			if (!hasCode(error, NOT_A_CERTIFICATE)) throw error;
			throw new ParseError(
				NOT_A_CERTIFICATE,
				`${label} of ${certs.length}: ${error.message}`,
				{},
				{ cause: error },
			);
		}
	}
	addCrls(col, crls);
	return outcomeOf(col, kc, `PKCS#7: ${summarize(col)}`, bundleKeystore(col, 'PKCS7'));
};

export const parsers: Partial<Record<InputKind, Parser>> = {
	pem: parsePem,
	'der-certificate': parseDerCertificate,
	pkcs7: parsePkcs7,
	'private-key': parseKey,
};

export { isKeyLabel };

/** Builds certificate and key facts from the key ring: pairing, chains, trust. */
export const stage = certificateStage;
