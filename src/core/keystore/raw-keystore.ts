// The format-neutral result of reading a keystore, and its conversion into facts, key-ring
// material and the keystore detail view (shared by the PKCS#12, JKS/JCEKS and BKS readers).
import type { InputNote } from '../facts';
import type { ParseContext, ParseOutcome } from '../pipeline';
import type { SecretKeyMaterial } from '../keys/keyring';
import { InputCollector } from '../x509/collect';
import { analyzePkcs8 } from '../x509/private-key';
import { DEFAULT_PASSWORDS } from '../keys/default-passwords';
import type {
	KeystoreDetail,
	KeystoreEntryFacts,
	KeystoreFacts,
	KeystoreIntegrity,
	KeystoreRow,
	Pkcs12Bag,
} from './facts';
import { reasonOf } from '../errors';

export interface RawEntry {
	alias: string;
	type: 'private-key' | 'trusted-certificate' | 'secret-key';
	created: number | null;
	/** Certificate DERs, leaf first. */
	chain: Uint8Array[];
	pkcs8?: Uint8Array;
	secret?: { algorithm: string; bytes: Uint8Array };
	keyLocked: boolean;
	keyWrongPassword?: boolean;
	/**
	 * The key cannot be read whatever the password (damaged entry, unsupported protection): `note`
	 * says why, and no key password is asked for it.
	 */
	keyUnreadable?: boolean;
	keyProtection: string | null;
	note?: string;
}

export interface RawKeystore {
	type: KeystoreFacts['type'];
	formatVersion: string | null;
	entries: RawEntry[];
	integrity: KeystoreIntegrity;
	bags: Pkcs12Bag[];
	/** The password that opened the store, if any. */
	storePassword: string | null;
	storeLocked: boolean;
}

let secretCounter = 0;

function isoOrNull(ms: number | null): string | null {
	if (ms === null || !Number.isFinite(ms)) return null;
	const d = new Date(ms);
	return isNaN(d.getTime()) ? null : d.toISOString();
}

/** Builds the parse outcome of a keystore: facts, material, detail, locked entries. */
export async function keystoreOutcome(
	ctx: ParseContext,
	store: RawKeystore,
): Promise<ParseOutcome> {
	const name = ctx.file.name;
	const col = new InputCollector(name);
	const secrets: SecretKeyMaterial[] = [];
	const entries: KeystoreEntryFacts[] = [];
	const rows: KeystoreRow[] = [];
	const trusted = (e: RawEntry) => e.type === 'trusted-certificate';
	col.prefetch(store.entries.flatMap((e) => e.chain));
	for (const e of store.entries) {
		ctx.signal.throwIfAborted();
		const created = isoOrNull(e.created);
		const certs = [];
		for (const [i, der] of e.chain.entries()) {
			try {
				const f = await col.addCertificate(
					der,
					i === 0 ? `alias ${e.alias}` : `alias ${e.alias}, chain ${i + 1}`,
					{
						pinned: trusted(e),
						entryCreated: created,
					},
				);
				certs.push(f);
			} catch (error) {
				e.note = `certificate ${i + 1} unreadable: ${reasonOf(error)}`;
			}
		}
		let keyAlgorithm: string | null = certs[0]?.keyAlgorithm ?? null;
		let keySize: number | null = certs[0]?.keySize ?? null;
		let curve: string | null = certs[0]?.curve ?? null;
		if (e.type === 'private-key') {
			if (e.pkcs8) {
				try {
					const info = await analyzePkcs8(e.pkcs8);
					const k = col.addKey(
						info,
						`alias ${e.alias}`,
						`PKCS#8 in ${store.type}`,
						// a plain KeyBag / unsealed BKS key is stored in clear: not encrypted
						!/^none/.test(e.keyProtection ?? ''),
						e.keyProtection,
						e.alias,
					);
					keyAlgorithm = info.algorithm;
					keySize = info.keySize;
					curve = info.curve;
					if (certs[0] && k.publicKeyId && certs[0].publicKeyId !== k.publicKeyId) {
						e.note = 'the private key does not match the first certificate of its chain';
					}
				} catch (error) {
					e.note = `key unreadable: ${reasonOf(error)}`;
					col.addUnreadableKey(
						`alias ${e.alias}`,
						`PKCS#8 in ${store.type}`,
						'error',
						e.keyProtection,
						e.note,
						e.alias,
					);
				}
			} else {
				col.addUnreadableKey(
					`alias ${e.alias}`,
					`${store.type} key entry`,
					e.keyLocked && !e.keyUnreadable ? 'locked' : 'error',
					e.keyProtection,
					e.note ?? (e.keyWrongPassword ? 'wrong key password' : 'needs its key password'),
					e.alias,
				);
			}
		}
		if (e.type === 'secret-key' && e.secret) {
			keyAlgorithm = e.secret.algorithm;
			keySize = e.secret.bytes.length * 8;
			secrets.push({
				id: `secret-${++secretCounter}`,
				inputName: name,
				name: e.alias,
				algorithm: e.secret.algorithm,
				bytes: e.secret.bytes,
			});
		}
		const shas = certs.map((c) => c.sha256);
		entries.push({
			alias: e.alias,
			type: e.type,
			created,
			certSha256: shas,
			keyAlgorithm,
			keySize,
			keyLocked: e.keyLocked,
			keyProtection: e.keyProtection,
			curve,
			...(e.note ? { note: e.note } : {}),
		});
		rows.push({
			alias: e.alias,
			type: e.type,
			keyAlgorithm,
			keySize,
			curve,
			created,
			notAfter: certs[0]?.notAfter ?? null,
			certSha256: shas,
			keyLocked: e.keyLocked,
			keyProtection: e.keyProtection,
			...(e.note ? { note: e.note } : {}),
		});
	}
	col.pairWithinInput();
	const defaultPassword =
		store.storePassword !== null && DEFAULT_PASSWORDS.includes(store.storePassword)
			? store.storePassword
			: null;
	const keystore: KeystoreFacts = {
		inputName: name,
		type: store.type,
		status: 'parsed',
		entries,
		defaultPassword,
		integrity: store.integrity,
		bags: store.bags,
		storeLocked: store.storeLocked,
		...(store.formatVersion ? { formatVersion: store.formatVersion } : {}),
	};
	const counts = (t: RawEntry['type']) => store.entries.filter((e) => e.type === t).length;
	// Parts of the file that could not be read at all are named in the summary, not only in the bag list.
	const unsupported = [
		...new Set(store.bags.flatMap((b) => (b.note?.startsWith('not supported:') ? [b.note] : []))),
	];
	const summary = `${store.formatVersion ?? store.type}: ${store.entries.length} entr${store.entries.length === 1 ? 'y' : 'ies'} (${counts('private-key')} private key, ${counts('trusted-certificate')} trusted certificate, ${counts('secret-key')} secret key)${unsupported.map((u) => `; ${u}`).join('')}`;
	const detail: KeystoreDetail = {
		summary,
		type: store.type,
		formatVersion: store.formatVersion,
		integrity: store.integrity,
		bags: store.bags,
		rows,
		certificates: col.views,
		keys: col.keyViews,
		defaultPassword: defaultPassword !== null,
	};
	const locked = store.entries
		.filter((e) => e.keyLocked && !e.keyUnreadable)
		.map((e) => ({ alias: e.alias, wrongPassword: e.keyWrongPassword ?? false }));
	const notes = [integrityUnverified(store), defaultInstead(ctx, store, defaultPassword)].filter(
		(n): n is InputNote => n !== null,
	);
	return {
		facts: { certificates: col.certificates, keys: col.keys, keystores: [keystore] },
		material: { certificates: col.certMaterial, privateKeys: col.keyMaterial, secretKeys: secrets },
		detail: { area: 'keystore', data: detail },
		...(locked.length ? { lockedEntries: locked } : {}),
		...(notes.length ? { notes } : {}),
		defaultPassword,
	};
}

/**
 * The user typed a password that does not open the store, and a default one did: the store is
 * read (KEYSTORE-DEFAULT-PASSWORD says why that is bad), but the user must learn that what they
 * typed was not the store password. The default is named: it is public, not the user's secret.
 */
function defaultInstead(
	ctx: ParseContext,
	store: RawKeystore,
	defaultPassword: string | null,
): InputNote | null {
	if (ctx.password === null || defaultPassword === null || ctx.password === defaultPassword)
		return null;
	return {
		level: 'warning',
		message: `The password given does not open this ${store.type} store; the default password "${defaultPassword}" does (see KEYSTORE-DEFAULT-PASSWORD)`,
	};
}

/**
 * A JKS, JCEKS or BKS store read without its password (a truststore: certificates need none)
 * has its integrity digest unchecked: its certificates are listed and graded as they are, but
 * nothing shows they are what the owner wrote (keytool: "has NOT been verified"). RULES.md has
 * no rule for it, so it caps nothing; the note says so on the card, in the JSON and on the
 * command line, with what would change it.
 */
function integrityUnverified(store: RawKeystore): InputNote | null {
	const { kind, verified, algorithm } = store.integrity;
	if (verified !== null || (kind !== 'digest' && kind !== 'hmac')) return null;
	return {
		level: 'warning',
		message: `The integrity of this ${store.type} store was not verified: no password was given and none of the default passwords matches its ${algorithm ?? 'integrity'} ${kind === 'digest' ? 'digest' : 'check'}, so its content may have been altered since it was written. Give the store password to verify it`,
	};
}
