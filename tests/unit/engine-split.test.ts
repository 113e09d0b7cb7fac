// The engine split by area (vite.config.ts, buildEngineScripts): built here as the page's build
// builds it, then checked for what the split must keep. A module shared by areas is in one script
// only (a second copy would be a second identity: `instanceof ParseError` failing across areas,
// two pkijs engines, two certificate caches); an area's scripts hold no other area's code; and
// the manifest the worker loads by names only scripts that exist.
import { beforeAll, describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
	asciiSource,
	buildEngineScripts,
	lazyHtmlEntities,
	type EngineScripts,
} from '../../vite.config';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Strings that occur once in one module: each must be in exactly one script. */
const MARKERS: Record<string, string> = {
	'src/core/errors.ts': 'The input is nested too deeply to analyze',
	'src/core/x509/path.ts': 'nameConstraints without any subtree',
	'src/core/xml/fast-parse.ts': 'not plain XML: left to the full parser',
	asn1js: 'Needlessly long format of SID encoding',
	pkijs: 'Error during initializing object from schema',
	'@xmldom/xmldom': 'prefix is non-null and namespace is null',
};

/** The scripts holding each marker, for markers not held by exactly one script. */
function duplicated(scripts: ReadonlyMap<string, string>): Record<string, string[]> {
	const wrong: Record<string, string[]> = {};
	for (const [module, marker] of Object.entries(MARKERS)) {
		const holders = [...scripts].filter(([, code]) => code.includes(marker)).map(([n]) => n);
		if (holders.length !== 1) wrong[module] = holders;
	}
	return wrong;
}

const allScripts = (e: EngineScripts) => new Map([['engine', e.base], ...e.chunks]);

let engine: EngineScripts;
beforeAll(async () => {
	engine = await buildEngineScripts(ROOT);
}, 180_000);

describe('the engine split by area', () => {
	it('holds every shared module once, across the base and the area scripts', () => {
		expect(duplicated(allScripts(engine))).toEqual({});
		// errors.ts is in the base, pkijs in a script of its own the certificate code imports
		const holder = (marker: string) =>
			[...allScripts(engine)].find(([, code]) => code.includes(marker))?.[0];
		expect(holder(MARKERS['src/core/errors.ts']!)).toBe('engine');
		expect(holder(MARKERS.pkijs!)).not.toBe('engine');
	});

	it('the check fails when a script carries a shared module a second time', () => {
		// what building each area as a bundle of its own would do: asn1js and errors.ts copied in
		const pki = engine.needs['engine-pki']!;
		const asn1Script = [...engine.chunks].find(([, c]) => c.includes(MARKERS.asn1js!))![0];
		const copied = new Map(engine.chunks);
		copied.set('engine-pki', `${engine.base}\n${engine.chunks.get(asn1Script)}`);
		expect(pki).toContain(asn1Script);
		expect(Object.keys(duplicated(new Map([['engine', engine.base], ...copied])))).toEqual(
			expect.arrayContaining(['src/core/errors.ts', 'src/core/x509/path.ts', 'asn1js']),
		);
	});

	it('loads by area: certificates need no XML, TLS no certificate code, no area pkijs', () => {
		const needs = engine.needs;
		expect(Object.keys(needs).sort()).toEqual([
			'engine-noble-aes',
			'engine-noble-polyval',
			'engine-pki',
			'engine-pkijs',
			'engine-tls',
			'engine-wsdl',
			'engine-xml-security',
		]);
		// @noble/ciphers' AES (its tables are built when it runs) is imported on first use too
		// (crypto/noble-aes.ts): no area loads it
		for (const area of ['engine-pki', 'engine-xml-security', 'engine-wsdl', 'engine-tls'])
			expect(needs[area], area).not.toContain('engine-noble-aes');
		const code = (names: string[]) => names.map((n) => engine.chunks.get(n) ?? '').join('\n');
		const pki = code(needs['engine-pki']!);
		expect(pki).toContain(MARKERS['src/core/x509/path.ts']);
		expect(pki).not.toContain(MARKERS['@xmldom/xmldom']);
		// pkijs, the fallback verifier, is imported on first use (x509/pkijs-fallback.ts): no area
		// loads it, and its script is loaded after the certificate code it runs beside
		for (const area of ['engine-pki', 'engine-xml-security', 'engine-wsdl', 'engine-tls'])
			expect(code(needs[area]!), area).not.toContain(MARKERS.pkijs);
		expect(code(needs['engine-pkijs']!)).toContain(MARKERS.pkijs);
		expect(needs['engine-pkijs']).toContain('engine-asn1js');
		expect(needs['engine-pki']).not.toEqual(
			expect.arrayContaining([expect.stringMatching(/xml-security|wsdl|tls/)]),
		);
		const tls = code(needs['engine-tls']!);
		expect(tls).not.toContain(MARKERS.asn1js);
		// signatures use the certificate code (the same script), not the area's parsers
		expect(code(needs['engine-xml-security']!)).toContain(MARKERS['src/core/x509/path.ts']);
		expect(needs['engine-xml-security']).not.toContain('engine-pki');
		// the base carries no area's parsers and none of the heavy libraries
		for (const marker of [MARKERS.pkijs, MARKERS.asn1js, MARKERS['@xmldom/xmldom']])
			expect(engine.base).not.toContain(marker);
	});

	it('names only scripts that exist, each area after the scripts it needs', () => {
		for (const [area, list] of Object.entries(engine.needs)) {
			expect(list.at(-1)).toBe(area);
			for (const name of list)
				expect(engine.chunks.has(name) || engine.baseChunks.includes(name)).toBe(true);
		}
		// every script that is not the base's is loaded by some import()
		const needed = new Set(Object.values(engine.needs).flat());
		for (const name of engine.chunks.keys()) expect(needed.has(name)).toBe(true);
		// no import() is left: a Blob worker of a file:// page could not run one
		for (const [name, code] of allScripts(engine))
			expect(/\bimport\s*\(/.test(code), name).toBe(false);
	});

	it('is ASCII throughout, so the worker holds and parses its source one byte a character', () => {
		// xmldom's name tables alone hold thousands of non-ASCII characters; the minifier keeps them
		for (const [name, code] of allScripts(engine))
			expect(/[\u0080-\uffff]/.test(code), name).toBe(false);
	});
});

describe('asciiSource', () => {
	/** Evaluates a snippet as the worker would run it. */
	const run = (code: string): unknown => runInNewContext(code);
	// each snippet's value shows a change of meaning; the characters are real ones (TS \u escapes)
	const snippets = [
		'"caf\u00e9 \u2026 \u00a7"',
		'`tmpl \u2264 ${1 + 1} \u2192`',
		"'\\\u00e9'", // a backslash escaping a character: the character
		"'\\\\\u00e9'", // an escaped backslash, then a character
		'/^[\u00b7\u0300-\u036f]+$/.test("\u00b7\u0301")',
		// a pattern built from another's source (xmldom builds its name patterns so)
		'new RegExp(/\u00e9+/.source + "x").test("\u00e9\u00e9x")',
		'"\ud83d\ude00".length', // a character beyond the BMP: two UTF-16 units
		'/^.$/u.test("\ud83d\ude00")',
		'(() => { const caf\u00e9 = 3; return caf\u00e9 * 2; })()',
		'/* \u00a7 a comment */ 1',
	];

	it('keeps the meaning of strings, templates, regular expressions, identifiers, comments', () => {
		for (const code of snippets) {
			expect(/[\u0080-\uffff]/.test(code), code).toBe(true);
			const escaped = asciiSource(code);
			expect(/[\u0080-\uffff]/.test(escaped), code).toBe(false);
			expect(run(escaped), code).toEqual(run(code));
		}
	});

	it('writes an escaped character as its \\u escape and keeps an escaped backslash', () => {
		expect(asciiSource('"\\\u00e9"')).toBe('"\\u00e9"');
		expect(asciiSource('"\\\\\u00e9"')).toBe('"\\\\\\u00e9"');
		expect(asciiSource('"\ud83d\ude00"')).toBe('"\\ud83d\\ude00"');
		expect(asciiSource('plain ASCII')).toBe('plain ASCII');
	});
});

describe('lazyHtmlEntities (xmldom entity tables)', () => {
	const file = createRequire(import.meta.url).resolve('@xmldom/xmldom/lib/entities.js');
	const source = readFileSync(file, 'utf8');
	/** Runs the module's code as CommonJS; counts the tables xmldom's freeze() builds. */
	function load(code: string): { exports: Record<string, unknown>; frozen: () => number } {
		let frozen = 0;
		const require = (id: string) => {
			if (id !== './conventions') throw new Error(`unexpected require ${id}`);
			return {
				freeze: (o: object) => {
					frozen++;
					return Object.freeze(Object.assign(Object.create(null) as object, o));
				},
			};
		};
		const exports: Record<string, unknown> = {};
		const run = runInNewContext(`(function (exports, require) {${code}\n})`) as (
			e: typeof exports,
			r: typeof require,
		) => void;
		run(exports, require);
		return { exports, frozen: () => frozen };
	}

	it('builds the HTML table on first read, the same table xmldom builds at load', () => {
		const eager = load(source);
		const lazy = load(lazyHtmlEntities(source));
		// at load: the XML table and the HTML one, against the XML one only
		expect(eager.frozen()).toBe(2);
		expect(lazy.frozen()).toBe(1);
		expect(lazy.exports.XML_ENTITIES).toEqual(eager.exports.XML_ENTITIES);
		const html = lazy.exports.HTML_ENTITIES as Record<string, string>;
		expect(lazy.frozen()).toBe(2);
		expect(Object.keys(html).length).toBeGreaterThan(2000);
		expect(html).toEqual(eager.exports.HTML_ENTITIES);
		expect(Object.isFrozen(html)).toBe(true);
		// read again, and through its alias: the one table, built once
		expect(lazy.exports.HTML_ENTITIES).toBe(html);
		expect(lazy.exports.entityMap).toBe(html);
		expect(lazy.frozen()).toBe(2);
		expect(Object.keys(lazy.exports).sort()).toEqual(Object.keys(eager.exports).sort());
	});

	it('fails the build when xmldom no longer writes the table as it expects', () => {
		expect(() =>
			lazyHtmlEntities(source.replace('exports.HTML_ENTITIES =', 'exports.X =')),
		).toThrow(/no longer reads/);
	});

	it('is what the engine carries', () => {
		const xmldom = [...engine.chunks.values()].find((c) => c.includes('HTML_ENTITIES'));
		expect(xmldom).toBeDefined();
		expect(xmldom).toMatch(/defineProperty\([\w$]+,\s*["'`]HTML_ENTITIES["'`]/);
	});
});
