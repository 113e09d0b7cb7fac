// Unwraps an EncryptedKey: RSA key transport (rsa-1_5, rsa-oaep-mgf1p, xmlenc11 rsa-oaep with any
// digest/MGF1 pair and OAEPparams) or symmetric key wrap (kw-aes*, kw-tripledes) under a key from
// the EncryptedKey's own KeyInfo (named secret key, key agreement, derived key).
import type { Element } from '@xmldom/xmldom';
import { fromBase64, NOT_BASE64 } from '../bytes/encoding';
import { aesKeyUnwrap } from '../crypto/aes';
import type { HashName } from '../crypto/hashes';
import { rsaDecryptKey, type RsaTransport } from '../crypto/rsa';
import { tripleDesKeyUnwrap } from '../crypto/tripledes';
import {
	DATA_ALGORITHMS,
	DIGESTS,
	KEY_WRAP_ALGORITHMS,
	MGFS,
	NS,
	RSA_15,
	RSA_OAEP_11,
	RSA_OAEP_MGF1P,
	shortName,
} from './algorithms';
import { certificateKeyOrNull } from '../x509/certificate-key';
import { cipherOctets } from './cipher-source';
import { decryptWithCipher } from './data-cipher';
import { child, rawText } from '../xml/dom';
import { idOf } from './dom';
import { isStructural, malformed, unsupported } from './errors';
import type { KeyUsedFacts } from './facts';
import { directKeys } from './key-agreement';
import { readKeyInfo } from './key-info';
import { findRecipient, orderPrivateKeys } from './key-match';
import { emptySourceInfo, type Attempt, type Env, type KeySourceInfo } from './decryption-run';
import { hasCode, isBug } from '../errors';

export interface ContentKey {
	key: Uint8Array;
	openedBy: KeyUsedFacts;
	source: KeySourceInfo;
}

function rsaParams(method: Element, alg: string, info: KeySourceInfo): RsaTransport[] {
	if (alg === RSA_15) return [{ kind: 'pkcs1v15' }];
	const digestUri = child(method, NS.ds, 'DigestMethod')?.getAttribute('Algorithm') ?? null;
	const mgfUri = child(method, NS.xenc11, 'MGF')?.getAttribute('Algorithm') ?? null;
	const digest: HashName | undefined = digestUri ? DIGESTS[digestUri] : 'SHA-1';
	if (!digest) throw unsupported(`RSA-OAEP with the unsupported DigestMethod ${digestUri}`);
	const mgf: HashName | undefined = mgfUri ? MGFS[mgfUri] : 'SHA-1';
	if (!mgf) throw unsupported(`RSA-OAEP with the unsupported MGF ${mgfUri}`);
	const paramsEl = child(method, NS.xenc, 'OAEPparams');
	let label: Uint8Array = new Uint8Array();
	if (paramsEl) {
		try {
			label = fromBase64(rawText(paramsEl));
		} catch (error) {
			if (!hasCode(error, NOT_BASE64)) throw error;
			throw malformed('OAEPparams is not valid base64', error);
		}
	}
	info.oaep = { digest, mgf, params: !!paramsEl };
	const out: RsaTransport[] = [{ kind: 'oaep', digest, mgf, label }];
	// rsa-oaep-mgf1p fixes MGF1-SHA1; some producers still write an MGF element: honour it first.
	if (alg === RSA_OAEP_MGF1P && mgf !== 'SHA-1')
		out.push({ kind: 'oaep', digest, mgf: 'SHA-1', label });
	return out;
}

/** Yields every content key this EncryptedKey opens with the available keys (usually one). */
export async function* unwrapEncryptedKey(
	ek: Element,
	expectedLength: number | null,
	env: Env,
	attempt: Attempt,
): AsyncGenerator<ContentKey> {
	const info = emptySourceInfo();
	info.encryptedKeyId = idOf(ek);
	attempt.sources.push(info);
	const method = child(ek, NS.xenc, 'EncryptionMethod');
	const alg = method?.getAttribute('Algorithm') ?? '';
	info.keyTransport = alg || null;
	const keyInfo = child(ek, NS.ds, 'KeyInfo');
	const hints = readKeyInfo(keyInfo, env.ids);
	const inline = hints.certificates
		.map((der) => certificateKeyOrNull(der))
		.filter((c) => c !== null);
	info.recipient = findRecipient(hints, env.index, inline);
	if (!method || !alg) throw malformed('EncryptedKey has no EncryptionMethod');
	const wrapped = cipherOctets(ek, env.ids, env.files, env.droppedNames).bytes;
	const fits = (key: Uint8Array): boolean =>
		expectedLength === null || key.length === expectedLength;

	if (alg === RSA_15 || alg === RSA_OAEP_MGF1P || alg === RSA_OAEP_11) {
		const params = rsaParams(method, alg, info);
		const keys = orderPrivateKeys(env.ring, env.index, 'RSA', info.recipient.certs, hints.keyNames);
		for (const { key } of keys) {
			attempt.tried++;
			for (const p of params) {
				let cek: Uint8Array;
				try {
					cek = await rsaDecryptKey(key.pkcs8, p, wrapped);
				} catch (error) {
					// wrong key or padding: try the next; the reason is collapsed on purpose (no padding oracle)
					if (isBug(error)) throw error;
					continue;
				}
				if (!fits(cek)) continue;
				const cert = env.index.certsOfKey(key)[0] ?? null;
				yield {
					key: cek,
					source: info,
					openedBy: {
						kind: 'private-key',
						id: key.id,
						inputName: key.inputName,
						alias: key.alias,
						certSha256: cert,
						certSubject: cert ? (env.index.bySha256(cert)?.info.subjectName ?? null) : null,
					},
				};
				break;
			}
		}
		return;
	}
	const block = DATA_ALGORITHMS[alg];
	if (block) {
		// xmlsec accepts a block cipher as the key-encryption method (its test vectors use it).
		info.keyWrap = alg;
		for await (const kek of directKeys(keyInfo, block.keyLength, env, attempt, info, true)) {
			let cek: Uint8Array;
			try {
				cek = await decryptWithCipher(block, kek.key, wrapped);
			} catch (error) {
				if (isStructural(error)) throw error;
				continue;
			}
			if (fits(cek)) yield { key: cek, openedBy: kek.openedBy, source: info };
		}
		return;
	}
	const wrap = KEY_WRAP_ALGORITHMS[alg];
	if (!wrap) {
		throw unsupported(`EncryptedKey uses the unsupported algorithm ${shortName(alg)} (${alg})`);
	}
	info.keyWrap = alg;
	info.keyTransport = alg;
	for await (const kek of directKeys(keyInfo, wrap.keyLength, env, attempt, info, true)) {
		let cek: Uint8Array;
		try {
			cek =
				wrap.kind === 'aes-kw'
					? await aesKeyUnwrap(kek.key, wrapped)
					: tripleDesKeyUnwrap(kek.key, wrapped);
		} catch (error) {
			// wrong key-encryption key: try the next; the reason is collapsed on purpose (no oracle)
			if (isBug(error)) throw error;
			continue;
		}
		if (fits(cek)) yield { key: cek, openedBy: kek.openedBy, source: info };
	}
}
