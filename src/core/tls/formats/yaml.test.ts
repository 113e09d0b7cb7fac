// The YAML library is loaded only when a Spring application.yml is parsed, once, and a loader
// that fails gives the file a clear error and is retried next time.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Parser } from '../../pipeline';
import type * as YamlModule from './yaml';

let yaml: typeof YamlModule;
let tlsParser: Parser;
let loads: number;

beforeEach(async () => {
	vi.resetModules(); // a fresh module state (nothing loaded yet) for every test
	yaml = await import('./yaml');
	tlsParser = (await import('../input')).parsers['tls-config']!;
	loads = 0;
	const real = await import('yaml');
	yaml.setYamlLoader(() => {
		loads++;
		return Promise.resolve(real);
	});
});

function parse(name: string, text: string) {
	return tlsParser({
		file: { id: name, name, bytes: new TextEncoder().encode(text) },
		kind: 'tls-config',
		text,
		password: null,
		entryPasswords: new Map(),
		progress: () => undefined,
		signal: new AbortController().signal,
	});
}

const YML = 'server:\n  port: 8443\n  ssl:\n    enabled-protocols: TLSv1.1,TLSv1.2\n';

describe('lazy YAML', () => {
	it('is not loaded for nginx or a Spring .properties file', async () => {
		await parse('nginx.conf', 'server {\n  listen 443 ssl;\n  ssl_protocols TLSv1.2;\n}\n');
		await parse('application.properties', 'server.ssl.enabled-protocols=TLSv1.1,TLSv1.2\n');
		expect(loads).toBe(0);
		expect(() => yaml.yamlLib()).toThrow(/YAML reader is not loaded/);
	});

	it('is loaded once for application.yml files, and the YAML is read', async () => {
		const first = await parse('application.yml', YML);
		await parse('other.yml', YML);
		expect(loads).toBe(1);
		expect(JSON.stringify(first.detail)).toContain('TLSv1.1');
	});

	it('a loader that fails is a clear error on the file, and is tried again next time', async () => {
		const real = await import('yaml');
		let fail = true;
		yaml.setYamlLoader(() =>
			fail ? Promise.reject(new Error('chunk missing')) : Promise.resolve(real),
		);
		await expect(parse('application.yml', YML)).rejects.toThrow(
			'the YAML reader could not be loaded: chunk missing',
		);
		fail = false;
		await expect(parse('application.yml', YML)).resolves.toBeDefined();
	});

	it('a YAML file nested past the bound is refused with the limit, not a stack overflow', async () => {
		const deep = `server:\n  ssl:\n    enabled-protocols: ${'['.repeat(20_000)}\n`;
		await expect(parse('application.yml', deep)).rejects.toThrow(
			/YAML nested more than 64 levels deep \(line 3\); refused before parsing/,
		);
	});
});
