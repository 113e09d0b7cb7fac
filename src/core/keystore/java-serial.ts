// A minimal, bounded reader of Java object serialization streams: enough for JCEKS sealed
// secret keys (SealedObjectForKeyProtector) and the SecretKeySpec / KeyRep they seal.
import { ParseError } from '../errors';
import { ByteReader } from './reader';

export type JavaValue =
	| null
	| string
	| number
	| boolean
	| Uint8Array
	| JavaValue[]
	| { className: string; fields: Record<string, JavaValue> }
	| { enumConstant: string };

interface ClassDesc {
	name: string;
	flags: number;
	fields: { type: string; name: string }[];
	superDesc: ClassDesc | null;
}

const MAX_DEPTH = 32;
const MAX_HANDLES = 10_000;

export class JavaStreamReader {
	private readonly handles: unknown[] = [];
	constructor(private readonly r: ByteReader) {}

	private fail(message: string): never {
		throw new ParseError(
			'jceks/serialization',
			`JCEKS sealed key: ${message} at byte ${this.r.offset}`,
		);
	}

	private newHandle<T>(v: T): T {
		if (this.handles.length >= MAX_HANDLES) this.fail('too many objects');
		this.handles.push(v);
		return v;
	}

	private ref(): unknown {
		const h = this.r.u32('a handle') - 0x7e0000;
		if (h < 0 || h >= this.handles.length) this.fail('bad back reference');
		return this.handles[h];
	}

	/** Reads the stream header (AC ED 00 05) then one object. */
	readStream(): JavaValue {
		if (this.r.u16('the stream magic') !== 0xaced) this.fail('not a Java serialization stream');
		this.r.u16('the stream version');
		return this.content(0);
	}

	private classDesc(depth: number): ClassDesc | null {
		const tc = this.r.u8('a class descriptor');
		if (tc === 0x70) return null;
		if (tc === 0x71) return this.ref() as ClassDesc;
		if (tc !== 0x72) this.fail(`unsupported class descriptor 0x${tc.toString(16)}`);
		const name = this.r.utf('a class name');
		this.r.take(8, 'a serialVersionUID');
		const desc: ClassDesc = { name, flags: 0, fields: [], superDesc: null };
		this.newHandle(desc);
		desc.flags = this.r.u8('class flags');
		const count = this.r.u16('a field count');
		for (let i = 0; i < count; i++) {
			const type = String.fromCharCode(this.r.u8('a field type'));
			const fname = this.r.utf('a field name');
			if (type === 'L' || type === '[') this.content(depth + 1); // the field's class name
			desc.fields.push({ type, name: fname });
		}
		this.skipAnnotations(depth);
		desc.superDesc = this.classDesc(depth + 1);
		return desc;
	}

	private skipAnnotations(depth: number): void {
		for (;;) {
			const tc = this.peek();
			if (tc === 0x78) {
				this.r.u8();
				return;
			}
			if (tc === 0x77) {
				this.r.u8();
				this.r.take(this.r.u8('a block length'), 'block data');
			} else if (tc === 0x7a) {
				this.r.u8();
				this.r.take(this.r.u32('a block length'), 'block data');
			} else this.content(depth + 1);
		}
	}

	private peek(): number {
		this.r.need(1, 'a type code');
		return this.r.bytes[this.r.offset] ?? 0;
	}

	private primitive(type: string): JavaValue {
		switch (type) {
			case 'B':
				return this.r.u8();
			case 'C':
			case 'S':
				return this.r.u16();
			case 'I':
				return this.r.i32();
			case 'F':
				return this.r.u32();
			case 'J':
			case 'D':
				return this.r.i64();
			case 'Z':
				return this.r.u8() !== 0;
			default:
				return this.fail(`unknown field type ${type}`);
		}
	}

	content(depth: number): JavaValue {
		if (depth > MAX_DEPTH) this.fail('nesting too deep');
		const tc = this.r.u8('a type code');
		switch (tc) {
			case 0x70:
				return null;
			case 0x71:
				return this.ref() as JavaValue;
			case 0x74:
				return this.newHandle(this.r.utf('a string'));
			case 0x7c: {
				const hi = this.r.u32();
				const lo = this.r.u32();
				if (hi !== 0) this.fail('string too long');
				return this.newHandle(new TextDecoder().decode(this.r.take(lo, 'a long string')));
			}
			case 0x75: {
				const desc = this.classDescAfterCode(depth);
				const n = this.r.u32('an array length');
				if (desc?.name === '[B') return this.newHandle(this.r.take(n, 'a byte array').slice());
				if (n > this.r.remaining) this.fail('array longer than the file');
				const arr: JavaValue[] = this.newHandle([]);
				const elem = desc?.name.slice(1, 2) ?? 'L';
				for (let i = 0; i < n; i++)
					arr.push(elem === 'L' || elem === '[' ? this.content(depth + 1) : this.primitive(elem));
				return arr;
			}
			case 0x7e: {
				this.classDescAfterCode(depth);
				const holder: { enumConstant: string } = this.newHandle({ enumConstant: '' });
				const name = this.content(depth + 1);
				holder.enumConstant = typeof name === 'string' ? name : '';
				return holder;
			}
			case 0x73: {
				const desc = this.classDescAfterCode(depth);
				const obj: { className: string; fields: Record<string, JavaValue> } = this.newHandle({
					className: desc?.name ?? '?',
					fields: {},
				});
				const chain: ClassDesc[] = [];
				for (let d = desc; d; d = d.superDesc) chain.unshift(d);
				for (const d of chain) {
					for (const f of d.fields) {
						obj.fields[f.name] =
							f.type === 'L' || f.type === '[' ? this.content(depth + 1) : this.primitive(f.type);
					}
					if (d.flags & 0x01) this.skipAnnotations(depth); // writeObject data
				}
				return obj;
			}
			default:
				return this.fail(`unsupported type code 0x${tc.toString(16)}`);
		}
	}

	/** A class descriptor in an object/array/enum position (the code byte not yet read). */
	private classDescAfterCode(depth: number): ClassDesc | null {
		return this.classDesc(depth + 1);
	}
}

export function fieldBytes(v: JavaValue, name: string): Uint8Array | null {
	if (v && typeof v === 'object' && 'fields' in v) {
		const f = v.fields[name];
		return f instanceof Uint8Array ? f : null;
	}
	return null;
}

export function fieldString(v: JavaValue, name: string): string | null {
	if (v && typeof v === 'object' && 'fields' in v) {
		const f = v.fields[name];
		return typeof f === 'string' ? f : null;
	}
	return null;
}
