// PBKDF2 for XML Encryption 1.1 derived keys: a derivation too costly for WebCrypto (it would go
// on after Cancel) runs in JavaScript, gives the same key, and is kept for the analysis re-runs
// that follow every change on the page, while the budget is still charged for it each time.
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KDF_NATIVE_LIMIT, KdfBudget, withKdfBudget } from './budget';
import { memoStats, pbkdf2 } from './kdf';

describe('pbkdf2', () => {
	it('a derivation past the native limit is computed once, reused, and charged each time', async () => {
		const password = new TextEncoder().encode('master key bytes');
		const salt = new TextEncoder().encode('salt-memo');
		const iterations = KDF_NATIVE_LIMIT + 1;
		const budget = new KdfBudget();
		const before = { ...memoStats };
		const [first, second] = await withKdfBudget(budget, async () => [
			await pbkdf2('SHA-256', password, salt, iterations, 32),
			await pbkdf2('SHA-256', password, salt, iterations, 32),
		]);
		const expected = new Uint8Array(pbkdf2Sync(password, salt, iterations, 32, 'sha256'));
		expect(first).toEqual(expected);
		expect(second).toEqual(expected);
		expect(memoStats.derived - before.derived).toBe(1);
		expect(memoStats.reused - before.reused).toBe(1);
		expect(budget.spent).toBe(2 * iterations);
		// a caller changing its copy does not change the kept key
		first.fill(0);
		expect(await pbkdf2('SHA-256', password, salt, iterations, 32)).toEqual(expected);
	});

	it('a WebCrypto derivation worth keeping is kept too', async () => {
		const before = { ...memoStats };
		const args = [
			new Uint8Array([9]),
			new TextEncoder().encode('salt-native'),
			200_000,
			32,
		] as const;
		const first = await pbkdf2('SHA-256', ...args);
		const second = await pbkdf2('SHA-256', ...args);
		expect(second).toEqual(first);
		expect(first).toEqual(new Uint8Array(pbkdf2Sync(...args, 'sha256')));
		expect([memoStats.derived - before.derived, memoStats.reused - before.reused]).toEqual([1, 1]);
	});

	it('cheap derivations go to WebCrypto and agree with Node', async () => {
		const out = await pbkdf2('SHA-1', new Uint8Array([1, 2, 3]), new Uint8Array([4, 5]), 1000, 20);
		expect(out).toEqual(
			new Uint8Array(
				pbkdf2Sync(new Uint8Array([1, 2, 3]), new Uint8Array([4, 5]), 1000, 20, 'sha1'),
			),
		);
	});
});
