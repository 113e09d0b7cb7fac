// The fixtures and mutations of the fuzz campaigns: `npm run fuzz` (scripts/fuzz/run.mjs, the
// analysis in Node) and `npm run fuzz:page` (scripts/fuzz/page.mjs, the built page in Chromium).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Small deterministic PRNG (mulberry32): a seed reproduces a campaign. */
function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
/** Every fixture of tests/fixtures up to 512 KB (those whose path contains `only`, when given). */
export function fixtures(only = null) {
	const out = [];
	const walk = (dir) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (!/\.(md|txt|ts|mjs|sh)$/i.test(name) || name === 'notes.txt')
				out.push({ path: relative(ROOT, path), name, bytes: readFileSync(path) });
		}
	};
	walk(join(ROOT, 'tests/fixtures'));
	return out.filter((f) => f.bytes.length <= 512 * 1024 && (!only || f.path.includes(only)));
}

const enc = new TextEncoder();

/**
 * A campaign: a seeded random source and the mutations drawing from it. `mutate(corpus)` picks a
 * fixture and a mutation and returns the mutant; the same seed gives the same mutants.
 */
export function campaign(seed) {
	const random = rng(seed);
	const int = (n) => Math.floor(random() * n);
	const pick = (list) => list[int(list.length)];
	/** Mutations: byte-level damage, structure-level repetition and nesting, numeric fields. */
	const MUTATORS = {
		flip(b) {
			const c = Uint8Array.from(b);
			for (let n = 1 + int(8); n > 0 && c.length; n--) c[int(c.length)] ^= 1 << int(8);
			return c;
		},
		truncate(b) {
			return b.subarray(0, int(b.length));
		},
		erase(b) {
			const at = int(b.length);
			return Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + int(64))]);
		},
		insert(b) {
			const at = int(b.length);
			const junk = Uint8Array.from({ length: 1 + int(32) }, () => int(256));
			return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
		},
		repeat(b) {
			// a slice repeated many times: quadratic scanners and unbounded loops show here
			const at = int(b.length);
			const slice = b.subarray(at, at + 1 + int(16));
			const times = 1000 + int(20_000);
			return Buffer.concat([b.subarray(0, at), ...Array(times).fill(slice), b.subarray(at)]);
		},
		bigNumber(b) {
			const text = Buffer.from(b).toString('latin1');
			const digits = [...text.matchAll(/\d+/g)];
			if (!digits.length) return MUTATORS.flip(b);
			const m = pick(digits);
			const big = pick(['2147483647', '4294967296', '99999999999999999999', '0', '-1']);
			return Buffer.from(
				text.slice(0, m.index) + big + text.slice(m.index + m[0].length),
				'latin1',
			);
		},
		derLength(b) {
			// an ASN.1 length octet made long or indefinite
			const c = Uint8Array.from(b);
			for (let n = 1 + int(3); n > 0 && c.length > 2; n--) {
				const at = 1 + int(c.length - 1);
				c[at] = pick([0x80, 0x84, 0x8f, 0xff, 0x7f]);
			}
			return c;
		},
		nest(b) {
			// deep nesting in the syntax of the file: XML elements, braces, brackets or DER SEQUENCEs
			const text = Buffer.from(b).toString('utf8');
			const depth = 500 + int(5000);
			const at = text.indexOf('>') + 1 || int(text.length);
			const [open, close] = pick([
				['<ä>', '</ä>'],
				['<a>', '</a>'],
				['{', '}'],
				['[', ']'],
				['a {', '}'],
			]);
			return enc.encode(
				text.slice(0, at) + open.repeat(depth) + close.repeat(depth) + text.slice(at),
			);
		},
		splice(b, other) {
			return Buffer.concat([b.subarray(0, int(b.length)), other.subarray(int(other.length))]);
		},
		unterminated(b) {
			const text = Buffer.from(b).toString('utf8');
			const at = int(text.length);
			const token = pick(['<!--', '<?', '<![CDATA[', '<!DOCTYPE a [', '"', '{', '<a ']);
			return enc.encode(text.slice(0, at) + token.repeat(1 + int(20_000)) + text.slice(at));
		},
	};
	function mutate(corpus) {
		const base = pick(corpus);
		const mutator = pick(Object.keys(MUTATORS));
		const bytes = Buffer.from(MUTATORS[mutator](base.bytes, pick(corpus).bytes));
		return { base, mutator, bytes };
	}
	return { random, int, pick, mutate, mutators: Object.keys(MUTATORS) };
}
