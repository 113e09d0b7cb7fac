// Damaged keystores (a deterministic, seeded mutation loop over real producers' files, opened with
// their right password): the error kind must be honest. With the right password a failure is
// "damaged" (with where) or "wrong password or damaged file" where the format cannot tell; never
// a plain "Wrong password", never "UBER" for a damaged BKS.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8OrNull } from '../bytes/encoding';
import { detectKind } from '../detect';
import { LockedError, ParseError } from '../errors';
import { parsers } from './input';

const FIX = resolve(import.meta.dirname, '../../../tests/fixtures/keystores');

/** mulberry32: a small seeded generator, so every run mutates the same bytes. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Outcome = 'opened' | 'damaged' | 'wrong-or-damaged' | 'wrong-password' | 'uber' | 'other';

async function attempt(name: string, bytes: Uint8Array, password: string): Promise<Outcome> {
	// the kind of the original file: a damaged store is still opened by its own reader
	const kind = detectKind(name, readFileSync(resolve(FIX, name))).kind;
	const parser = parsers[kind];
	if (!parser) return 'other';
	const lockedOutcome = (message: string): Outcome => {
		if (/^Wrong password or damaged file/.test(message)) return 'wrong-or-damaged';
		if (/^Wrong password/.test(message)) return 'wrong-password';
		return 'other';
	};
	try {
		const out = await parser({
			file: { id: name, name, bytes },
			kind,
			text: utf8OrNull(bytes),
			password,
			entryPasswords: new Map(),
			progress: () => {},
			signal: new AbortController().signal,
		});
		// a locked JKS/JCEKS still lists what reads without the password: locked all the same
		return out.locked ? lockedOutcome(out.locked.message) : 'opened';
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (/UBER/.test(message)) return 'uber';
		if (error instanceof LockedError) return lockedOutcome(message);
		if (error instanceof ParseError || /damaged|truncated|corrupt|malformed/i.test(message))
			return 'damaged';
		return 'other';
	}
}

const STORES: [string, string][] = [
	['keytool.jks', 'storepass'],
	['keytool.jceks', 'storepass'],
	['bks.bks', 'storepass'],
	['bks-v1.bks', 'storepass'],
	['openssl3-default.p12', 'storepass'],
	['keytool.p12', 'storepass'],
	['openssl-legacy.p12', 'storepass'],
];

const ROUNDS = 24;

describe('damaged keystores get an honest error', () => {
	it.each(STORES)(
		'%s: seeded mutations',
		async (name, password) => {
			const original = new Uint8Array(readFileSync(resolve(FIX, name)));
			expect(await attempt(name, original, password)).toBe('opened');
			const next = prng(0x5eed ^ original.length);
			const tally: Record<string, number> = {};
			const lies: string[] = [];
			for (let round = 0; round < ROUNDS; round++) {
				const bytes = original.slice();
				let what: string;
				if (round % 4 === 3) {
					const cut = 8 + Math.floor(next() * (bytes.length - 8));
					what = `truncated at ${cut}`;
					const out = await attempt(name, bytes.subarray(0, cut), password);
					tally[out] = (tally[out] ?? 0) + 1;
					if (out === 'wrong-password' || out === 'uber' || out === 'other')
						lies.push(`${what}: ${out}`);
					continue;
				}
				const at = 8 + Math.floor(next() * (bytes.length - 8));
				const flip = 1 + Math.floor(next() * 255);
				bytes[at] = (bytes[at] ?? 0) ^ flip;
				what = `byte ${at} ^ ${flip}`;
				const out = await attempt(name, bytes, password);
				tally[out] = (tally[out] ?? 0) + 1;
				if (out === 'wrong-password' || out === 'uber' || out === 'other')
					lies.push(`${what}: ${out}`);
			}
			console.log(`${name}: ${JSON.stringify(tally)}`);
			expect(lies).toEqual([]);
		},
		60_000,
	);

	it.each(STORES)('%s with a wrong password: never called damaged', async (name) => {
		const original = new Uint8Array(readFileSync(resolve(FIX, name)));
		expect(['wrong-password', 'wrong-or-damaged']).toContain(
			await attempt(name, original, 'not-the-password'),
		);
	});
});
