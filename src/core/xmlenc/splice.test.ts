// The decrypted document is assembled as octets and decoded once (replace.ts): these tests hold
// the byte-level steps to what the text-level ones did (TextDecoder's decoding, stripDeclaration),
// the slow path to the right text of each plaintext, and the memory rule itself: the plaintext
// is decoded once, inside the document, and its buffer is freed by the splice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { joinBytes, toBase64 } from '../bytes/encoding';
import { parseXml } from '../xml/safe-parse';
import { plaintextHead } from './data-cipher';
import {
	decodedLength,
	headOf,
	replaceDecrypted,
	spliceRoom,
	strippedOctets,
	type PlaintextText,
} from './replace';
import { ringFrom, runStage } from './testing';

const X = 'http://www.w3.org/2001/04/xmlenc#';
const GCM = 'http://www.w3.org/2009/xmlenc11#aes128-gcm';
const CBC = `${X}aes128-cbc`;
const KEY = new Uint8Array(16).fill(5);

/** The text-level rule the byte-level one replaces (replace.ts before the splice in octets). */
const stripDeclaration = (text: string) =>
	text.replace(/^\uFEFF/, '').replace(/^\s*<\?xml[^?]*\?>/, '');
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
	joinBytes(parts.map((p) => (typeof p === 'string' ? utf8(p) : new Uint8Array(p))));

/** A small deterministic generator (xorshift32): the same bytes on every run. */
function randomBytes(seed: number, length: number, alphabet?: number[]): Uint8Array {
	let s = seed >>> 0 || 1;
	const out = new Uint8Array(length);
	for (let i = 0; i < length; i++) {
		s ^= s << 13;
		s ^= s >>> 17;
		s ^= s << 5;
		s >>>= 0;
		out[i] = alphabet ? (alphabet[s % alphabet.length] ?? 0) : s & 0xff;
	}
	return out;
}

describe('decodedLength counts what TextDecoder makes', () => {
	const cases: [string, number[]][] = [
		['empty', []],
		['ASCII', [0x3c, 0x61, 0x2f, 0x3e]],
		['2-, 3- and 4-byte characters', [...utf8('ü€漢😀')]],
		['a lone continuation byte', [0x80, 0x41]],
		['overlong forms', [0xc0, 0x80, 0xe0, 0x80, 0x80, 0xf0, 0x80, 0x80, 0x80]],
		['an encoded surrogate', [0xed, 0xa0, 0x80]],
		['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80, 0xf5, 0x41]],
		['a sequence cut by ASCII', [0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98, 0x3c]],
		['a sequence cut by the end', [0x41, 0xf0, 0x9f, 0x98]],
		['a byte order mark inside', [0x41, 0xef, 0xbb, 0xbf, 0x42]],
	];
	it.each(cases)('%s', (_, input) => {
		const b = new Uint8Array(input);
		expect(decodedLength(b)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(b).length);
	});

	it('random octets, and random mixes of lead and continuation bytes', () => {
		const leads = [0x41, 0x80, 0xbf, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xa0, 0x90];
		for (let seed = 1; seed <= 200; seed++) {
			for (const b of [randomBytes(seed, 64), randomBytes(seed, 64, leads)]) {
				const expected = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b).length;
				expect(decodedLength(b), `seed ${seed}`).toBe(expected);
			}
		}
	});
});

describe('strippedOctets takes off what stripDeclaration took off the text', () => {
	const cases: [string, Uint8Array][] = [
		['no declaration', bytes('<a>x</a>')],
		['a declaration', bytes('<?xml version="1.0" encoding="UTF-8"?>\n<a/>')],
		['white space, then a declaration', bytes(' \r\n\t<?xml version="1.0"?><a/>')],
		['a byte order mark', bytes([0xef, 0xbb, 0xbf], '<a/>')],
		['two byte order marks', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], '<a/>')],
		['a byte order mark and a declaration', bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?><a/>')],
		['a declaration naming non-ASCII', bytes('<?xml version="1.0" standalone="ü€😀"?><a>é</a>')],
		[
			'octets that are not UTF-8 inside the declaration',
			bytes('<?xml a="', [0xff, 0xc3], '"?><a/>'),
		],
		['a declaration longer than the first look', bytes(`<?xml v="${'x'.repeat(700)}"?><a/>`)],
		['only white space', bytes('   \n  ')],
		['a non-breaking space before the declaration', bytes('\u00a0<?xml version="1.0"?><a/>')],
		['empty', new Uint8Array(0)],
	];
	it.each(cases)('%s', (_, octets) => {
		const expected = stripDeclaration(new TextDecoder().decode(octets));
		const kept = strippedOctets(octets);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(kept)).toBe(expected);
	});

	it('is a view of the plaintext, not a copy, when the start decodes cleanly', () => {
		const octets = bytes('<?xml version="1.0"?>', '<a>' + 'x'.repeat(1000) + '</a>');
		expect(strippedOctets(octets).buffer).toBe(octets.buffer);
	});
});

/**
 * The input length of every TextDecoder.decode call from now on, as it is at the call (the
 * document's octets are freed right after it); vi.restoreAllMocks ends the recording.
 */
function decodedLengths(): number[] {
	const lengths: number[] = [];
	// the original method, called below with the decoder it was called on
	// eslint-disable-next-line @typescript-eslint/unbound-method
	const decode = TextDecoder.prototype.decode;
	vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (
		this: TextDecoder,
		input?: AllowSharedBufferSource,
		options?: TextDecodeOptions,
	) {
		lengths.push(input?.byteLength ?? 0);
		return decode.call(this, input, options);
	});
	return lengths;
}

describe('plaintextHead: the start of the text the page shows', () => {
	afterEach(() => vi.restoreAllMocks());
	const head = (octets: Uint8Array, limit: number) =>
		plaintextHead({ octets, sha256: '', length: octets.length }, limit);

	it('is the first characters of the decoded text, and says whether there are more', () => {
		const inputs = [
			bytes(''),
			bytes('<a/>'),
			bytes([0xef, 0xbb, 0xbf], '<a>ü€漢😀</a>'),
			bytes('😀😀😀😀'),
			bytes('<a>', [0xf0, 0x9f], '</a>', [0xe2, 0x82]),
			...[1, 2, 3].map((seed) => randomBytes(seed, 50)),
		];
		for (const octets of inputs) {
			const all = new TextDecoder().decode(octets);
			for (const limit of [0, 1, 2, 3, 5, 8, 13, 40, 100]) {
				const what = `${Array.from(octets).join(',')} limit ${limit}`;
				expect(head(octets, limit), what).toEqual({
					text: all.slice(0, limit),
					truncated: all.length > limit,
				});
			}
		}
	});

	it('decodes about as many octets as characters it keeps, not three times as many', () => {
		const limit = 10_000;
		const octets = bytes('x'.repeat(10 * limit));
		const lengths = decodedLengths();
		expect(head(octets, limit)).toEqual({ text: 'x'.repeat(limit), truncated: true });
		// a window of 3 * limit octets decoded and sliced would keep its whole text alive
		expect(lengths.reduce((n, l) => n + l, 0)).toBeLessThanOrEqual(limit + 4);
	});
});

async function encryptedData(plaintext: Uint8Array): Promise<string> {
	const k = await crypto.subtle.importKey('raw', KEY.slice().buffer, 'AES-GCM', false, ['encrypt']);
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ct = new Uint8Array(
		await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k, plaintext.slice().buffer),
	);
	const all = new Uint8Array(12 + ct.length);
	all.set(iv);
	all.set(ct, 12);
	return `<xenc:EncryptedData xmlns:xenc="${X}" Type="${X}Content"><xenc:EncryptionMethod Algorithm="${GCM}"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:KeyName>k</ds:KeyName></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>${toBase64(all)}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`;
}

const ring = () =>
	ringFrom({ secretKeys: [{ id: 'a', inputName: 'k', name: 'k', algorithm: 'AES', bytes: KEY }] });

describe('the decrypted document', () => {
	afterEach(() => vi.restoreAllMocks());

	it('holds each plaintext as its text, declarations and byte order marks taken off', async () => {
		const first = bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?><ex:a>ü€漢😀</ex:a>');
		const second = bytes(' <ex:b q="😀">é</ex:b>');
		const doc = `<ex:root xmlns:ex="urn:example"><ex:one>${await encryptedData(first)}</ex:one><ex:two>${await encryptedData(second)}</ex:two></ex:root>`;
		const { facts, documents } = await runStage('m.xml', doc, ring());
		expect(facts.decryptions.map((d) => d.status)).toEqual(['decrypted', 'decrypted']);
		expect(documents[1]?.xml.text).toBe(
			'<ex:root xmlns:ex="urn:example"><ex:one><ex:a>ü€漢😀</ex:a></ex:one><ex:two> <ex:b q="😀">é</ex:b></ex:two></ex:root>',
		);
	});

	it('slow path: a broken plaintext is named, the others (after non-ASCII text) still replace', async () => {
		const good1 = bytes('<ex:a>ü€漢😀 and more: ', [0xff], '</ex:a>');
		const broken = bytes('<ex:b>€<unclosed></ex:b>');
		const good2 = bytes('<?xml version="1.0"?><ex:c>😀</ex:c>');
		const doc = `<ex:root xmlns:ex="urn:example"><ex:one>${await encryptedData(good1)}</ex:one><ex:two>${await encryptedData(broken)}</ex:two><ex:three>${await encryptedData(good2)}</ex:three></ex:root>`;
		const { facts, documents } = await runStage('m.xml', doc, ring());
		expect(facts.decryptions.map((d) => d.status)).toEqual(['decrypted', 'decrypted', 'decrypted']);
		expect(facts.decryptions.map((d) => Boolean(d.documentError))).toEqual([false, true, false]);
		const out = documents[1]?.xml.doc;
		const text = (name: string) => out?.getElementsByTagNameNS('urn:example', name)[0]?.textContent;
		expect(text('a')).toBe('ü€漢😀 and more: \uFFFD');
		expect(text('c')).toBe('😀');
		expect(out?.getElementsByTagNameNS('urn:example', 'b').length).toBe(0);
	});

	it('decodes the plaintext once, inside the document, and frees its octets', async () => {
		const plain = bytes('<ex:a>', 'x'.repeat(200_000), '</ex:a>');
		const original = parseXml(
			`<ex:root xmlns:ex="urn:example">${await encryptedData(plain)}</ex:root>`,
		);
		const octets = plain.slice();
		const lengths = decodedLengths();
		const { document, errors } = replaceDecrypted(original, [
			{ index: 0, octets, type: 'content' },
		]);
		expect(errors.size).toBe(0);
		expect(document?.text).toBe(
			`<ex:root xmlns:ex="urn:example">${'<ex:a>' + 'x'.repeat(200_000) + '</ex:a>'}</ex:root>`,
		);
		// one decoding as long as the plaintext: the document's (the plaintext on its own as well
		// would hold its text twice while the document is made)
		const long = lengths.filter((n) => n >= plain.length);
		expect(long).toHaveLength(1);
		// the plaintext's buffer is freed (detached), not left to a garbage collection
		expect(octets.byteLength).toBe(0);
	});

	it('the decryption stage decodes a plaintext only inside the document', async () => {
		// longer than the facts' head (DISPLAY_LIMIT characters, at most 3 octets each), so the
		// only decoding that covers it all is the document's
		const body = 'é'.repeat(1_700_000);
		const plain = bytes('<ex:a>', body, '</ex:a>');
		const doc = `<ex:root xmlns:ex="urn:example">${await encryptedData(plain)}</ex:root>`;
		const lengths = decodedLengths();
		const { facts, documents } = await runStage('m.xml', doc, ring());
		vi.restoreAllMocks();
		expect(facts.decryptions[0]?.plaintextTruncated).toBe(true);
		const text = documents[1]?.xml.text ?? '';
		expect(text).toBe(`<ex:root xmlns:ex="urn:example"><ex:a>${body}</ex:a></ex:root>`);
		// decoding the plaintext on its own (as text pieces joined into the document later) would
		// show here as a decoding of exactly its length
		expect(lengths.filter((n) => n >= plain.length)).toEqual([
			new TextEncoder().encode(text).length,
		]);
	});

	it('frees the octets of a plaintext the slow path takes too', async () => {
		const original = parseXml(
			`<ex:root xmlns:ex="urn:example">${await encryptedData(utf8('<x/>'))}</ex:root>`,
		);
		const octets = utf8('<ex:b><unclosed></ex:b>');
		const { document, errors } = replaceDecrypted(original, [
			{ index: 0, octets, type: 'content' },
		]);
		expect(document).toBeNull();
		expect(errors.get(0)).toContain('not well-formed');
		expect(octets.byteLength).toBe(0);
	});
});

/** Octets as decryptPlaintext leaves them with `room`: a view of the start of a larger buffer. */
function withRoom(octets: Uint8Array, room: number): Uint8Array {
	const buffer = new Uint8Array(octets.length + room);
	buffer.set(octets);
	return buffer.subarray(0, octets.length);
}

/**
 * The input of every TextDecoder.decode call as it is at the call: its length and the length of
 * the buffer under it (the buffer is freed right after).
 */
function decodeInputs(): { length: number; buffer: number; of: ArrayBufferLike }[] {
	const seen: { length: number; buffer: number; of: ArrayBufferLike }[] = [];
	// eslint-disable-next-line @typescript-eslint/unbound-method
	const decode = TextDecoder.prototype.decode;
	vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (
		this: TextDecoder,
		input?: AllowSharedBufferSource,
		options?: TextDecodeOptions,
	) {
		if (input && ArrayBuffer.isView(input))
			seen.push({ length: input.byteLength, buffer: input.buffer.byteLength, of: input.buffer });
		return decode.call(this, input, options);
	});
	return seen;
}

describe("a large plaintext takes the document in its own buffer (spliceRoom's room)", () => {
	afterEach(() => vi.restoreAllMocks());

	it('spliceRoom: room for the rest only when the plaintext is large and most of the document', () => {
		expect(spliceRoom(512 * 1024, 100)).toBe(0);
		expect(spliceRoom(10 * 1024 * 1024, 1000)).toBe(1250 + 4096);
		expect(spliceRoom(10 * 1024 * 1024, -5)).toBe(4096);
		// a rest as large as the plaintext: copied, no room reserved
		expect(spliceRoom(4 * 1024 * 1024, 4 * 1024 * 1024)).toBe(0);
	});

	// ancestors and neighbours with multi-byte characters before and after, plaintexts with a
	// byte order mark, a declaration (so the kept octets start inside the buffer) and multi-byte
	// characters at both ends
	const before = '<ex:root xmlns:ex="urn:example" note="ü€😀">漢 text <ex:one>';
	const after = '</ex:one> 😀 tail é</ex:root>';
	const cases: [string, Uint8Array][] = [
		['plain ASCII', bytes('<ex:a>' + 'x'.repeat(5000) + '</ex:a>')],
		['multi-byte at both ends', bytes('😀<ex:a>ü€漢</ex:a>é')],
		[
			'a byte order mark and a long declaration',
			bytes([0xef, 0xbb, 0xbf], `<?xml version="1.0" v="${'y'.repeat(400)}"?>`, '<ex:a>€</ex:a>'),
		],
		['a short declaration, then text', bytes('<?xml version="1.0"?>\n<ex:a>😀</ex:a>')],
	];

	it.each(cases)(
		'%s: the same document as when copied, built in the plaintext buffer',
		async (_, plain) => {
			const original = parseXml(`${before}${await encryptedData(plain)}${after}`);
			const expected = `${before}${stripDeclaration(new TextDecoder().decode(plain))}${after}`;
			const total = utf8(expected).length;
			// exactly enough room, more than enough, and one octet too little (copied then)
			for (const [room, inPlace] of [
				[Math.max(0, total - plain.length), true],
				[total + 100, true],
				[total - plain.length - 1, false],
			] as const) {
				if (room < 0) continue;
				const octets = withRoom(plain, room);
				const host = octets.buffer;
				const inputs = decodeInputs();
				const { document, errors } = replaceDecrypted(original, [
					{ index: 0, octets, type: 'content' },
				]);
				vi.restoreAllMocks();
				expect(errors.size).toBe(0);
				expect(document?.text, `room ${room}`).toBe(expected);
				const whole = inputs.filter((i) => i.length === total);
				expect(whole, `room ${room}`).toHaveLength(1);
				expect(whole[0]?.of === host, `room ${room}`).toBe(inPlace);
				// freed either way
				expect(octets.byteLength).toBe(0);
			}
		},
	);

	it('several plaintexts: the largest with room hosts, the others are copied in and freed; the slow path still gets each text', async () => {
		const first = bytes('<?xml version="1.0"?><ex:a>ü€漢😀</ex:a>');
		const big = bytes([0xef, 0xbb, 0xbf], '<ex:b>', '€'.repeat(3000), '</ex:b>');
		const smaller = bytes('<ex:c>', 'z'.repeat(1000), '</ex:c>');
		const broken = bytes('<ex:d>😀<unclosed></ex:d>');
		const last = bytes(' <ex:e q="😀">é</ex:e>');
		const parts = [first, big, smaller, broken, last];
		const eds = await Promise.all(parts.map((p) => encryptedData(p)));
		const doc = `<ex:root xmlns:ex="urn:example">é${eds.map((e, i) => `<ex:s${i}>€${e}😀</ex:s${i}>`).join('ü')}</ex:root>`;
		const original = parseXml(doc);
		for (const withBroken of [false, true]) {
			const octets = parts.map((p, i) => {
				if (i === 3 && !withBroken) return withRoom(bytes('<ex:d>ok</ex:d>'), 0);
				// the two largest have room for everything; the largest must host
				return withRoom(p, i === 1 || i === 2 ? 64 * 1024 : 0);
			});
			const hostBuffer = octets[1]?.buffer;
			const inputs = decodeInputs();
			const { document, errors } = replaceDecrypted(
				original,
				octets.map((o, index) => ({ index, octets: o, type: 'content' as const })),
			);
			vi.restoreAllMocks();
			const texts = parts.map((p, i) =>
				i === 3 && !withBroken ? '<ex:d>ok</ex:d>' : stripDeclaration(new TextDecoder().decode(p)),
			);
			const longest = inputs.reduce((a, b) => (b.length > a.length ? b : a));
			expect(longest.of).toBe(hostBuffer);
			for (const o of octets) expect(o.byteLength).toBe(0);
			if (!withBroken) {
				expect([...errors.values()]).toEqual([]);
				expect(document?.text).toBe(
					`<ex:root xmlns:ex="urn:example">é${texts.map((t, i) => `<ex:s${i}>€${t}😀</ex:s${i}>`).join('ü')}</ex:root>`,
				);
				continue;
			}
			// the spliced document does not parse: each fragment on its own, from its text within
			// the assembled one (offsets counted before the host's octets moved)
			expect([...errors.keys()]).toEqual([3]);
			const out = document?.doc;
			const text = (name: string) =>
				out?.getElementsByTagNameNS('urn:example', name)[0]?.textContent;
			expect(text('a')).toBe('ü€漢😀');
			expect(text('b')).toBe('€'.repeat(3000));
			expect(text('c')).toBe('z'.repeat(1000));
			expect(text('e')).toBe('é');
			expect(out?.getElementsByTagNameNS('urn:example', 'd').length).toBe(0);
		}
	});

	it.each(['aes128-cbc', 'aes128-gcm'])(
		'the decryption stage decrypts a large %s plaintext with room and splices it in place',
		async (alg) => {
			// 1.5 MB: CBC decrypted in two 1 MB chunks into one buffer with room for the envelope,
			// GCM in place over its ciphertext in such a buffer
			const body = '<ex:a>' + '<ex:i n="1">€ and ü</ex:i>\n'.repeat(60_000) + '</ex:a>';
			const plain = utf8(body);
			expect(plain.length).toBeGreaterThan(1024 * 1024);
			const gcm = alg.endsWith('gcm');
			const k = await crypto.subtle.importKey(
				'raw',
				KEY.slice().buffer,
				gcm ? 'AES-GCM' : 'AES-CBC',
				false,
				['encrypt'],
			);
			const iv = crypto.getRandomValues(new Uint8Array(gcm ? 12 : 16));
			// WebCrypto's PKCS#7 pad is one of the ISO 10126 pads XML Encryption accepts
			const ct = new Uint8Array(
				await crypto.subtle.encrypt(
					gcm ? { name: 'AES-GCM', iv } : { name: 'AES-CBC', iv },
					k,
					plain.slice().buffer,
				),
			);
			const all = new Uint8Array(iv.length + ct.length);
			all.set(iv);
			all.set(ct, iv.length);
			const uri = gcm ? 'http://www.w3.org/2009/xmlenc11#aes128-gcm' : CBC;
			const ed = `<xenc:EncryptedData xmlns:xenc="${X}" Type="${X}Content"><xenc:EncryptionMethod Algorithm="${uri}"/><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:KeyName>k</ds:KeyName></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>${toBase64(all)}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>`;
			const doc = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ex="urn:example">漢<soap:Body>${ed}</soap:Body>😀</soap:Envelope>`;
			const inputs = decodeInputs();
			const { facts, documents } = await runStage('m.xml', doc, ring());
			vi.restoreAllMocks();
			expect(facts.decryptions.map((d) => d.status + (d.error ?? ''))).toEqual(['decrypted']);
			const text = documents[1]?.xml.text ?? '';
			expect(text).toBe(
				`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ex="urn:example">漢<soap:Body>${body}</soap:Body>😀</soap:Envelope>`,
			);
			// the document's octets were the start of the plaintext's buffer (room left over), not a
			// buffer of exactly their length made beside it
			const whole = inputs.filter((i) => i.length === utf8(text).length);
			expect(whole).toHaveLength(1);
			expect(whole[0]?.buffer).toBeGreaterThan(whole[0]?.length ?? 0);
		},
	);
});

describe("the page's head of a spliced plaintext, from the decrypted document's text", () => {
	const head = (octets: Uint8Array, limit: number) =>
		plaintextHead({ octets, sha256: '', length: octets.length }, limit);
	const inputs: [string, Uint8Array][] = [
		['plain', bytes('<ex:a>ü€漢😀</ex:a>')],
		['a byte order mark', bytes([0xef, 0xbb, 0xbf], '<ex:a>x</ex:a>')],
		['two byte order marks', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], '<ex:a>x</ex:a>')],
		['white space and a declaration', bytes(' \n<?xml version="1.0"?>\n<ex:a>é</ex:a>')],
		['a declaration longer than some limits', bytes(`<?xml v="${'y'.repeat(300)}"?><ex:a/>`)],
		['octets that are not UTF-8 inside the declaration', bytes('<?xml a="', [0xff], '"?><ex:a/>')],
		['a character cut at the end', bytes('<ex:a>x</ex:a>', [0xf0, 0x9f])],
		['astral characters only', bytes('<ex:a>', '😀'.repeat(20), '</ex:a>')],
	];

	it.each(inputs)('%s: the same head as from its octets, at every limit', async (_, plain) => {
		for (const broken of [false, true]) {
			// a broken second plaintext sends the document to the slow path
			const other = broken ? bytes('<ex:b><unclosed></ex:b>') : bytes('<ex:b/>');
			const original = parseXml(
				`<ex:root xmlns:ex="urn:example">${await encryptedData(plain)}<ex:c>${await encryptedData(other)}</ex:c></ex:root>`,
			);
			const { texts } = replaceDecrypted(original, [
				{ index: 0, octets: plain.slice(), type: 'content' },
				{ index: 1, octets: other.slice(), type: 'content' },
				// no such EncryptedData: its text comes from its octets
				{ index: 7, octets: plain.slice(), type: 'content' },
			]);
			for (const index of [0, 7]) {
				const text = texts.get(index);
				expect(text, `index ${index}`).toBeDefined();
				for (const limit of [0, 1, 2, 5, 13, 40, 320, 1000]) {
					expect(headOf(text as PlaintextText, limit), `limit ${limit}, broken ${broken}`).toEqual(
						head(plain, limit),
					);
				}
			}
		}
	});

	it('the stage gives the head without decoding the plaintext on its own', async () => {
		const body = 'é'.repeat(1_700_000);
		const plain = bytes('<?xml version="1.0"?>\n<ex:a>', body, '</ex:a>');
		const doc = `<ex:root xmlns:ex="urn:example">${await encryptedData(plain)}</ex:root>`;
		const lengths = decodedLengths();
		const { facts } = await runStage('m.xml', doc, ring());
		vi.restoreAllMocks();
		const expected = head(plain, 1_000_000);
		expect(facts.decryptions[0]?.plaintext).toBe(expected.text);
		expect(facts.decryptions[0]?.plaintextTruncated).toBe(true);
		// no decoding of a million characters' worth of octets beside the document's own
		expect(lengths.filter((n) => n >= 1_000_000 && n < plain.length)).toEqual([]);
	});
});
