// The key-derivation budget refuses before any work and names the bound; integers read exactly.
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { integerValue } from '../asn1/der';
import { BudgetError } from '../errors';
import {
	chargeKdf,
	defaultTrialsAffordable,
	KDF_DEFAULT_TRIAL_LIMIT,
	KDF_MAX_PER_DERIVATION,
	KdfBudget,
	withKdfBudget,
} from './budget';
import { pkcs12Kdf } from './legacy/pbe';

function thrown(fn: () => unknown): BudgetError {
	try {
		fn();
	} catch (e) {
		if (e instanceof BudgetError) return e;
		throw e;
	}
	throw new Error('no BudgetError');
}

describe('KDF budget', () => {
	it('a 2^31-1 iteration PKCS#12 KDF is refused before any work (it returns at all)', () => {
		const e = thrown(() =>
			pkcs12Kdf('SHA-1', new Uint8Array(2), new Uint8Array(8), 2 ** 31 - 1, 1, 24),
		);
		expect(e.code).toBe('kdf/derivation-too-expensive');
		// 24 bytes of SHA-1 output: two blocks
		expect([e.limit, e.seen]).toEqual([KDF_MAX_PER_DERIVATION, (2 ** 31 - 1) * 2]);
	});

	it('the per-input total is spent across derivations and the one that overflows it is named', async () => {
		const budget = new KdfBudget(2500);
		await withKdfBudget(budget, () => {
			chargeKdf('first', 1000, 1);
			chargeKdf('second', 1000, 1);
			const e = thrown(() => chargeKdf('third', 1000, 1));
			expect(e.code).toBe('kdf/budget-exhausted');
			expect(e.message).toContain('third (1,000 hash iterations) would bring the total to 3,000');
			expect([e.limit, e.seen]).toEqual([2500, 3000]);
			return Promise.resolve();
		});
		expect(budget.spent).toBe(2000);
		// outside an analysis only the per-derivation limit applies
		expect(() => chargeKdf('free', 1000, 1)).not.toThrow();
	});

	it('default-password trials are affordable only for cheap derivations', () => {
		expect(defaultTrialsAffordable(KDF_DEFAULT_TRIAL_LIMIT, 1)).toBe(true);
		expect(defaultTrialsAffordable(KDF_DEFAULT_TRIAL_LIMIT + 1, 1)).toBe(false);
		expect(defaultTrialsAffordable(600_000, 2)).toBe(false);
	});

	it.each([2 ** 23, 2 ** 24, 2 ** 31 - 1, 2 ** 32, 2 ** 40])(
		'INTEGER %d is read exactly (asn1js valueDec gave 0 from 2^24)',
		(n) => {
			const hex = n.toString(16);
			const bytes = Uint8Array.from(
				((hex.length % 2 ? '0' : '') + hex).match(/../g)!.map((h) => parseInt(h, 16)),
			);
			const body = (bytes[0] ?? 0) & 0x80 ? Uint8Array.of(0, ...bytes) : bytes;
			const der = new asn1js.Integer({ valueHex: body.buffer }).toBER();
			const parsed = asn1js.fromBER(der).result as asn1js.Integer;
			expect(integerValue(parsed)).toBe(n);
		},
	);
});
