// ECDSA verification over the NIST curves with BigInt, for digests WebCrypto's ECDSA does not take
// (SHA-224): WebCrypto hashes internally and cannot verify a prehashed value.
import type { EcCurve } from '../x509/certificate-key';

interface Curve {
	p: bigint;
	n: bigint;
	gx: bigint;
	gy: bigint;
	size: number;
}

const CURVES: Record<EcCurve, Curve> = {
	'P-256': {
		p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
		n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
		gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
		gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
		size: 32,
	},
	'P-384': {
		p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
		n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
		gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
		gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
		size: 48,
	},
	'P-521': {
		p: (1n << 521n) - 1n,
		n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
		gx: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
		gy: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
		size: 66,
	},
};

type Point = { x: bigint; y: bigint } | null;

function mod(a: bigint, m: bigint): bigint {
	const r = a % m;
	return r < 0n ? r + m : r;
}

function inv(a: bigint, m: bigint): bigint {
	let [r0, r1] = [mod(a, m), m];
	let [s0, s1] = [1n, 0n];
	while (r1 !== 0n) {
		const q = r0 / r1;
		[r0, r1] = [r1, r0 - q * r1];
		[s0, s1] = [s1, s0 - q * s1];
	}
	return mod(s0, m);
}

function add(c: Curve, a: Point, b: Point): Point {
	if (!a) return b;
	if (!b) return a;
	if (a.x === b.x) {
		if (mod(a.y + b.y, c.p) === 0n) return null;
		// doubling, curve a = -3
		const l = mod((3n * a.x * a.x - 3n) * inv(2n * a.y, c.p), c.p);
		const x = mod(l * l - 2n * a.x, c.p);
		return { x, y: mod(l * (a.x - x) - a.y, c.p) };
	}
	const l = mod((b.y - a.y) * inv(b.x - a.x, c.p), c.p);
	const x = mod(l * l - a.x - b.x, c.p);
	return { x, y: mod(l * (a.x - x) - a.y, c.p) };
}

function mul(c: Curve, k: bigint, pt: Point): Point {
	let r: Point = null;
	let q = pt;
	for (let e = k; e > 0n; e >>= 1n) {
		if (e & 1n) r = add(c, r, q);
		q = add(c, q, q);
	}
	return r;
}

function big(bytes: Uint8Array): bigint {
	let v = 0n;
	for (const b of bytes) v = (v << 8n) | BigInt(b);
	return v;
}

/** Verifies r || s over a digest with an uncompressed public point (04 || x || y). */
export function verifyEcdsaDigest(
	curve: EcCurve,
	point: Uint8Array,
	digest: Uint8Array,
	sig: Uint8Array,
): boolean {
	const c = CURVES[curve];
	if (point[0] !== 4 || point.length !== 1 + 2 * c.size || sig.length !== 2 * c.size) return false;
	const q = { x: big(point.subarray(1, 1 + c.size)), y: big(point.subarray(1 + c.size)) };
	const r = big(sig.subarray(0, c.size));
	const s = big(sig.subarray(c.size));
	if (r <= 0n || r >= c.n || s <= 0n || s >= c.n) return false;
	const nBits = c.n.toString(2).length;
	let e = big(digest);
	if (digest.length * 8 > nBits) e >>= BigInt(digest.length * 8 - nBits);
	const w = inv(s, c.n);
	const x = add(c, mul(c, mod(e * w, c.n), { x: c.gx, y: c.gy }), mul(c, mod(r * w, c.n), q));
	return x !== null && mod(x.x, c.n) === r;
}
