// Keys the decryption stage unwrapped from EncryptedKeys, handed to the signature stage of the same
// run (WS-Security symmetric binding: an HMAC signature keyed by an EncryptedKey or a key derived
// from it), plus what became of every EncryptedKey. Kept per run (keyed by that run's KeyRing
// object) inside the worker: the secret bytes never enter facts, the report or a share link.
import type { KeyRing } from '../keys/keyring';
import type { EncryptedKeyFacts } from './facts';

export interface SessionKey {
	inputName: string;
	/** Base64 SHA-1 of the EncryptedKey's cipher octets (the WSS 1.1 EncryptedKeySHA1). */
	sha1: string;
	bytes: Uint8Array;
	/** Which key unwrapped it, in words (alias / file), for the signature's key form. */
	label: string;
}

interface RunRecord {
	keys: SessionKey[];
	encryptedKeys: EncryptedKeyFacts[];
}

const runs = new WeakMap<KeyRing, RunRecord>();

function record(ring: KeyRing): RunRecord {
	let r = runs.get(ring);
	if (!r) {
		r = { keys: [], encryptedKeys: [] };
		runs.set(ring, r);
	}
	return r;
}

export function addSessionKey(ring: KeyRing, key: SessionKey): void {
	const r = record(ring);
	if (!r.keys.some((k) => k.sha1 === key.sha1 && k.inputName === key.inputName)) r.keys.push(key);
}

export function sessionKeys(ring: KeyRing, inputName: string): SessionKey[] {
	return (runs.get(ring)?.keys ?? []).filter((k) => k.inputName === inputName);
}

export function addEncryptedKeyFacts(ring: KeyRing, facts: EncryptedKeyFacts): void {
	record(ring).encryptedKeys.push(facts);
}

export function encryptedKeyFacts(ring: KeyRing, inputName: string): EncryptedKeyFacts[] {
	return (runs.get(ring)?.encryptedKeys ?? []).filter((k) => k.inputName === inputName);
}
