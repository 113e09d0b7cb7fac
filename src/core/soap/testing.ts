// Test support: runs the signature stage over files of tests/fixtures/wss with a hand-built key
// ring, as analyze.ts would (certificate DER files become keyring certificates).
import { sha256Hex } from '../bytes/digest';
import { ParseError } from '../errors';
import { emptyFacts, type AnalysisFacts, type AnalysisSettings } from '../facts';
import { emptyKeyRing } from '../keys/keyring';
import type { ParsedInput, StageContext } from '../pipeline';
import type { InputKind } from '../report/report';
import { parseXml } from '../xml/safe-parse';
import type { ReferenceFacts, SignatureFacts } from '../xmldsig/facts';
import type { EnvelopeFacts, SecurityHeaderFacts, UsernameTokenFacts } from './facts';
import { stage as decryptionStage } from '../xmlenc/input';
import { pemBlocks, privateKeyMaterial } from '../xmlenc/testing';
import { stage } from './input';

export interface StageRun {
	facts: AnalysisFacts;
	ctx: StageContext;
}

/** Reads a fixture file by name (the test passes a Node reader: src itself has no file access). */
export type FixtureReader = (name: string) => Uint8Array;

export async function runSignatureStage(
	read: FixtureReader,
	xmlFiles: string[],
	opts: {
		certs?: string[];
		secrets?: Record<string, string>;
		anchors?: string[];
		lastModified?: number;
		/** PKCS#8 PEM files: dropped private keys; the decryption stage then runs first, as in analyze.ts. */
		privateKeys?: string[];
	} = {},
): Promise<StageRun> {
	const facts = emptyFacts('2026-11-22T12:00:00Z');
	const keyring = emptyKeyRing();
	for (const c of opts.certs ?? []) {
		const der = read(c);
		keyring.certificates.push({ sha256: await sha256Hex(der), der, inputName: c, source: c });
	}
	for (const [name, file] of Object.entries(opts.secrets ?? {})) {
		const bytes = read(file);
		keyring.secretKeys.push({ id: name, inputName: file, name, algorithm: 'HMAC', bytes });
	}
	for (const [i, pem] of (opts.privateKeys ?? []).entries()) {
		const der = pemBlocks(new TextDecoder().decode(read(pem)), 'PRIVATE KEY')[0];
		if (!der) throw new ParseError('pem/no-private-key', `${pem} holds no PRIVATE KEY block`);
		keyring.privateKeys.push(privateKeyMaterial(der, `key-${i}`, pem, pem.replace(/\.pem$/, '')));
	}
	for (const a of opts.anchors ?? []) {
		const der = read(a);
		facts.trustAnchors.push(await sha256Hex(der));
	}
	const inputs: ParsedInput[] = [];
	for (const [i, f] of xmlFiles.entries()) {
		const bytes = read(f);
		const text = new TextDecoder().decode(bytes);
		const xml = parseXml(text);
		const kind: InputKind = text.includes('Envelope') ? 'soap-envelope' : 'xml-signature';
		inputs.push({
			file: {
				id: `in-${i}`,
				name: f,
				bytes,
				...(opts.lastModified ? { lastModified: opts.lastModified } : {}),
			},
			kind,
			outcome: { facts: {}, material: {}, xml },
		});
		facts.inputs.push({
			id: `in-${i}`,
			name: f,
			size: bytes.length,
			sha256: '',
			kind,
			kindReason: '',
			status: 'parsed',
		});
	}
	const settings: AnalysisSettings = { trustAnchors: [], truststoreInputs: [], rawKeys: [] };
	const ctx: StageContext = {
		inputs,
		documents: inputs.map((p) => ({
			inputName: p.file.name,
			xml: p.outcome.xml as NonNullable<typeof p.outcome.xml>,
			origin: 'input' as const,
		})),
		keyring,
		settings,
		progress: () => {},
		signal: new AbortController().signal,
	};
	if (opts.privateKeys) await decryptionStage(facts, ctx);
	await stage(facts, ctx);
	return { facts, ctx };
}

/** A signature fact with defaults for rule tests. */
export function sigFacts(partial: Partial<SignatureFacts> = {}): SignatureFacts {
	return {
		inputName: 'msg.xml',
		signatureId: 'SIG-1',
		valid: true,
		cryptoValid: true,
		signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
		references: [refFacts()],
		signerCertSha256: 'ab'.repeat(32),
		keySource: 'BinarySecurityToken',
		path: '/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature',
		documentOrigin: 'input',
		overDecrypted: false,
		canonicalizationMethod: 'http://www.w3.org/2001/10/xml-exc-c14n#',
		inclusivePrefixes: [],
		hmacOutputLength: null,
		keyInfoForms: ['wsse:SecurityTokenReference/wsse:Reference'],
		keyForm: 'BinarySecurityToken X509v3',
		rawKeyInKeyInfo: false,
		signerSubject: 'CN=client',
		chainTrusted: null,
		parent: 'wsse:Security',
		inSecurityHeader: true,
		inAssertion: false,
		enveloping: false,
		manifests: 0,
		...partial,
	};
}

/** A reference to the Body by default. */
export function refFacts(partial: Partial<ReferenceFacts> = {}): ReferenceFacts {
	return {
		uri: '#Body-1',
		target: 'soapenv:Body',
		targetKind: 'body',
		targetPath: '/soapenv:Envelope/soapenv:Body',
		wholeDocument: false,
		digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
		digestValid: true,
		transforms: ['http://www.w3.org/2001/10/xml-exc-c14n#'],
		declaredDigest: 'x',
		computedDigest: 'x',
		atExpectedPosition: true,
		...partial,
	};
}

export const TS_PATH = '/soapenv:Envelope/soapenv:Header/wsse:Security/wsu:Timestamp';

export function tsRef(partial: Partial<ReferenceFacts> = {}): ReferenceFacts {
	return refFacts({
		uri: '#TS-1',
		target: 'wsu:Timestamp',
		targetKind: 'timestamp',
		targetPath: TS_PATH,
		...partial,
	});
}

/** A SOAP 1.1 envelope fact with one Security header holding a Timestamp, for rule tests. */
export function envFacts(
	partial: Partial<EnvelopeFacts> = {},
	security: Partial<SecurityHeaderFacts> = {},
): EnvelopeFacts {
	return {
		inputName: 'msg.xml',
		soapVersion: '1.1',
		documentOrigin: 'input',
		fileDate: null,
		envelopePath: '/soapenv:Envelope',
		headerPath: '/soapenv:Envelope/soapenv:Header',
		headerCount: 1,
		bodyPath: '/soapenv:Envelope/soapenv:Body',
		bodyCount: 1,
		bodyId: 'Body-1',
		bodyFirstChild: '{urn:x}Op',
		bodyFirstChildName: 'ex:Op',
		bodyChildCount: 1,
		bodyEncrypted: false,
		headerBlocks: [],
		wsa: { to: null, action: null, messageId: null, replyTo: null },
		securityHeaders: [
			{
				path: '/soapenv:Envelope/soapenv:Header/wsse:Security',
				actor: null,
				mustUnderstand: '1',
				children: ['wsu:Timestamp', 'ds:Signature'],
				timestamps: [
					{
						path: TS_PATH,
						id: 'TS-1',
						created: '2026-11-22T11:59:00Z',
						expires: '2026-11-22T12:04:00Z',
					},
				],
				usernameTokens: [],
				binarySecurityTokens: [],
				signaturePaths: ['/soapenv:Envelope/soapenv:Header/wsse:Security/ds:Signature'],
				encryptedKeys: 0,
				referenceLists: 0,
				signatureConfirmations: 0,
				assertions: [],
				...security,
			},
		],
		encryptedData: [],
		encryptedHeaders: 0,
		duplicateIds: [],
		usernameTokens: [],
		...partial,
	};
}

export function utFacts(partial: Partial<UsernameTokenFacts> = {}): UsernameTokenFacts {
	return {
		path: '/soapenv:Envelope/soapenv:Header/wsse:Security/wsse:UsernameToken',
		id: null,
		username: 'alice',
		passwordTypeUri: null,
		passwordType: 'PasswordText',
		hasNonce: true,
		nonceEncodingType: null,
		created: '2026-11-22T11:59:00Z',
		protectedByEncryption: false,
		...partial,
	};
}
