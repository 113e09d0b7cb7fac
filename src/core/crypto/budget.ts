// The key-derivation budget of one input: a hostile file chooses iteration counts, key lengths
// and how many derivations it asks for, so every password-based KDF charges its cost here
// before it starts, and an input that would exceed its budget fails with a BudgetError naming
// the bound instead of burning a core for minutes. The analysis runs one input at a time, so the
// budget in force is ambient (set by src/analyze.ts around each input and each stage's document).
import { BudgetError } from '../errors';

/**
 * Cost unit: one iteration of the underlying hash over one output block (PBKDF2 counts its HMAC
 * as one unit per iteration per block of the hash's output; the PKCS#12 KDF one per iteration
 * per block of its output; PBES1 one per iteration).
 */
export const KDF_BUDGET_PER_INPUT = 40_000_000;
/** One derivation may cost at most this (the old per-count limit, now over blocks too). */
export const KDF_MAX_PER_DERIVATION = 10_000_000;
/**
 * Default passwords (RULES.md 3.6) are tried only when one derivation costs at most this: a
 * store whose single derivation is expensive is asked for its password instead.
 */
export const KDF_DEFAULT_TRIAL_LIMIT = 1_000_000;

/**
 * Derivations costing more than this run in JavaScript, not WebCrypto: a WebCrypto job runs on
 * the browser's own threads and goes on after the worker that asked is terminated (Cancel), a
 * JavaScript loop stops with the worker.
 */
export const KDF_NATIVE_LIMIT = 2_000_000;

export class KdfBudget {
	spent = 0;
	constructor(readonly limit: number = KDF_BUDGET_PER_INPUT) {}

	/** Throws BudgetError before any work when this derivation does not fit. */
	charge(what: string, iterations: number, blocks: number): void {
		const cost = derivationCost(iterations, blocks);
		if (cost > KDF_MAX_PER_DERIVATION) {
			throw new BudgetError(
				'kdf/derivation-too-expensive',
				`${what} asks for ${fmt(iterations)} iterations × ${blocks} block${blocks === 1 ? '' : 's'} (${fmt(cost)} hash iterations); the limit for one key derivation is ${fmt(KDF_MAX_PER_DERIVATION)}: not derived`,
				KDF_MAX_PER_DERIVATION,
				cost,
			);
		}
		if (this.spent + cost > this.limit) {
			throw new BudgetError(
				'kdf/budget-exhausted',
				`key derivation budget of this input exhausted: ${what} (${fmt(cost)} hash iterations) would bring the total to ${fmt(this.spent + cost)}, above the limit of ${fmt(this.limit)} per input`,
				this.limit,
				this.spent + cost,
			);
		}
		this.spent += cost;
	}
}

function fmt(n: number): string {
	return n.toLocaleString('en');
}

/** Iterations × output blocks; non-integers and counts past 2^53 cost "infinitely" much. */
export function derivationCost(iterations: number, blocks: number): number {
	if (!Number.isFinite(iterations) || !Number.isFinite(blocks)) return Number.POSITIVE_INFINITY;
	return Math.max(1, iterations) * Math.max(1, Math.ceil(blocks));
}

let current: KdfBudget | null = null;

/** Runs `fn` with `budget` as the one every KDF charges (restored afterwards, also on throw). */
export async function withKdfBudget<T>(budget: KdfBudget, fn: () => Promise<T>): Promise<T> {
	const previous = current;
	current = budget;
	try {
		return await fn();
	} finally {
		current = previous;
	}
}

/**
 * Charges the budget in force. Outside an analysis (unit tests of one KDF) only the
 * per-derivation limit applies.
 */
export function chargeKdf(what: string, iterations: number, blocks: number): void {
	(current ?? new KdfBudget(Number.POSITIVE_INFINITY)).charge(what, iterations, blocks);
}

/** True when default-password trials are worth it: one derivation costs at most the trial limit. */
export function defaultTrialsAffordable(iterations: number, blocks: number): boolean {
	return derivationCost(iterations, blocks) <= KDF_DEFAULT_TRIAL_LIMIT;
}
