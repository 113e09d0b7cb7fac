// Turns certificates and keys found in one input into facts, key-ring material and detail views;
// shared by the PEM/DER/PKCS#7/key parsers and the keystore readers.
import type { DhParameters } from '../facts';
import { toHex } from '../bytes/encoding';
import type { CertificateMaterial, PrivateKeyMaterial, PrivateKeyAlgorithm } from '../keys/keyring';
import { certificateFactsAndTree } from './certificate-facts';
import { certificateView } from './certificate-view';
import type {
	CertificateFacts,
	CertificateView,
	CrlView,
	KeyView,
	OtherBlockView,
	PrivateKeyFacts,
} from './facts';
import type { PrivateKeyInfo } from './private-key';

const KEY_ALGS: readonly PrivateKeyAlgorithm[] = ['RSA', 'EC', 'Ed25519', 'Ed448', 'DSA', 'X25519'];

let keyCounter = 0;

/** Certificates read side by side at most (see InputCollector.prefetch). */
const MAX_PREFETCH = 512;

export class InputCollector {
	readonly certificates: CertificateFacts[] = [];
	readonly certMaterial: CertificateMaterial[] = [];
	readonly views: CertificateView[] = [];
	readonly keys: PrivateKeyFacts[] = [];
	readonly keyMaterial: PrivateKeyMaterial[] = [];
	readonly keyViews: KeyView[] = [];
	readonly others: OtherBlockView[] = [];
	readonly crls: CrlView[] = [];
	readonly dhParameters: DhParameters[] = [];
	private readonly seen = new Map<string, CertificateFacts>();
	private readonly pending = new Map<Uint8Array, ReturnType<typeof certificateFactsAndTree>>();

	constructor(readonly inputName: string) {}

	/**
	 * Starts reading many certificates at once (a truststore holds ~150): their signature checks
	 * and digests then run in WebCrypto side by side instead of one after the other. addCertificate
	 * picks the results up by the same Uint8Array.
	 */
	prefetch(ders: readonly Uint8Array[]): void {
		// Bounded: a hostile store with thousands of entries reads the rest one by one.
		for (const der of ders.slice(0, MAX_PREFETCH)) {
			if (this.pending.has(der)) continue;
			const work = certificateFactsAndTree(der, this.inputName, '');
			work.catch(() => {}); // reported when addCertificate awaits it
			this.pending.set(der, work);
		}
	}

	/** Adds a certificate (deduplicated by fingerprint); returns its facts. */
	async addCertificate(
		der: Uint8Array,
		source: string,
		extra: Partial<CertificateFacts> = {},
	): Promise<CertificateFacts> {
		const work = this.pending.get(der);
		this.pending.delete(der);
		const { facts, tree } = await (work ?? certificateFactsAndTree(der, this.inputName, source));
		facts.source = source;
		const known = this.seen.get(facts.sha256);
		if (known) {
			if (extra.pinned) known.pinned = true;
			return known;
		}
		Object.assign(facts, extra);
		this.seen.set(facts.sha256, facts);
		this.certificates.push(facts);
		this.certMaterial.push({ sha256: facts.sha256, der, inputName: this.inputName, source });
		this.views.push(certificateView(der, facts, tree));
		return facts;
	}

	/** Adds a readable private key; returns its facts. */
	addKey(
		info: PrivateKeyInfo,
		source: string,
		format: string,
		encrypted: boolean,
		protection: string | null,
		alias: string | null,
	): PrivateKeyFacts {
		const id = `key-${++keyCounter}-${toHex(new Uint8Array([keyCounter & 255]))}`;
		const algorithm: PrivateKeyAlgorithm = KEY_ALGS.includes(info.algorithm as PrivateKeyAlgorithm)
			? (info.algorithm as PrivateKeyAlgorithm)
			: 'unknown';
		this.keyMaterial.push({
			id,
			inputName: this.inputName,
			alias,
			algorithm,
			curve: info.curve,
			pkcs8: info.pkcs8,
			certSha256: [],
		});
		const certs = this.certificates.filter(
			(c) => info.publicKeyId && c.publicKeyId === info.publicKeyId,
		);
		for (const c of certs) c.privateKeyInInput = true;
		const facts: PrivateKeyFacts = {
			inputName: this.inputName,
			source,
			format,
			encrypted,
			status: 'parsed',
			keyAlgorithm: info.algorithm,
			keySize: info.keySize,
			curve: info.curve,
			matchesCertSha256: certs.map((c) => c.sha256),
			protection,
			publicKeyId: info.publicKeyId,
			keyId: id,
			alias,
		};
		this.keys.push(facts);
		this.keyViews.push({
			source,
			format,
			keyAlgorithm: info.algorithm,
			keySize: info.keySize,
			curve: info.curve,
			encrypted,
			status: 'parsed',
			...(protection ? { note: protection } : {}),
		});
		return facts;
	}

	/** A key that stays locked (or unreadable): listed without material. */
	addUnreadableKey(
		source: string,
		format: string,
		status: 'locked' | 'error',
		protection: string | null,
		note: string,
		alias: string | null,
	): PrivateKeyFacts {
		const facts: PrivateKeyFacts = {
			inputName: this.inputName,
			source,
			format,
			encrypted: status === 'locked' || protection !== null,
			status,
			keyAlgorithm: null,
			keySize: null,
			curve: null,
			matchesCertSha256: [],
			protection,
			publicKeyId: null,
			keyId: null,
			alias,
			...(status === 'error' ? { error: note } : {}),
		};
		this.keys.push(facts);
		this.keyViews.push({
			source,
			format,
			keyAlgorithm: null,
			keySize: null,
			curve: null,
			encrypted: facts.encrypted,
			status,
			note,
		});
		return facts;
	}

	/** Re-pairs keys with certificates of this input (certificates may come after keys). */
	pairWithinInput(): void {
		for (const k of this.keys) {
			if (!k.publicKeyId) continue;
			const certs = this.certificates.filter((c) => c.publicKeyId === k.publicKeyId);
			for (const c of certs) c.privateKeyInInput = true;
			k.matchesCertSha256 = certs.map((c) => c.sha256);
		}
	}
}
