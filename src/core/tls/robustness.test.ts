// Truncated and mangled inputs must either read (with notes) or fail with a ParseError, never
// with an internal error; the stage must digest whatever the readers return.
import { readdirSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors';
import { emptyFacts } from '../facts';
import { parseTlsText } from './formats';
import { runTlsStage } from './stage';

const ROOT = resolve(import.meta.dirname, '../../../tests/fixtures/tls');
const files = ['mozilla', 'legacy', 'distro', 'scans', 'worked'].flatMap((d) =>
	readdirSync(resolve(ROOT, d)).map((f) => `${d}/${f}`),
);

function tryOne(name: string, text: string): void {
	try {
		const parse = parseTlsText(text, name);
		const facts = emptyFacts('2026-11-22T12:00:00Z');
		facts.inputs.push({
			id: 'f0',
			name,
			size: text.length,
			sha256: '0',
			kind: 'tls-config',
			kindReason: 't',
			status: 'parsed',
		});
		runTlsStage(facts, [{ inputName: name, inputIndex: 0, parse, text }], null);
	} catch (e) {
		if (!(e instanceof ParseError)) throw e;
	}
}

describe('TLS readers on damaged input', () => {
	it.each(files)('%s survives truncation and line shuffling', (path) => {
		const text = readFileSync(resolve(ROOT, path), 'utf8');
		for (const cut of [0.1, 0.33, 0.5, 0.77, 0.95])
			expect(() => tryOne(path, text.slice(0, Math.floor(text.length * cut)))).not.toThrow();
		const lines = text.split('\n');
		const shuffled = lines.map((_, i) => lines[(i * 7) % lines.length] ?? '').join('\n');
		expect(() => tryOne(path, shuffled)).not.toThrow();
		expect(() => tryOne(path, text.replace(/[;:=]/g, ' '))).not.toThrow();
	});
});
