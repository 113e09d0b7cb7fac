// Parsers for TLS configuration files and scanner results, and the TLS stage.
import { ParseError } from '../errors';
import type { Parser, Stage } from '../pipeline';
import type { InputKind } from '../report/report';
import type { TlsDetail } from './facts';
import { parseTlsText, sniffTlsFormat } from './formats';
import { isSpringYaml, loadYaml } from './formats/yaml';
import { runTlsStage } from './stage';

const parseTls: Parser = async (ctx) => {
	if (ctx.text === null)
		throw new ParseError('tls/not-text', 'a TLS configuration must be UTF-8 text');
	// The YAML library is loaded only for a Spring application.yml (formats/yaml.ts).
	if (sniffTlsFormat(ctx.text) === 'spring' && isSpringYaml(ctx.text)) await loadYaml();
	const parse = parseTlsText(ctx.text, ctx.file.name);
	const detail: TlsDetail = {
		summary: parse.format,
		format: parse.format,
		parse,
		connectors: [],
		fixes: [],
	};
	return { facts: {}, material: {}, detail: { area: 'tls', data: detail } };
};

export const parsers: Partial<Record<InputKind, Parser>> = {
	'tls-config': parseTls,
	'scan-result': parseTls,
};

export const stage: Stage = (facts, ctx) => {
	const decoder = new TextDecoder();
	const sources = ctx.inputs.flatMap((p) => {
		const d = p.outcome.detail;
		if (d?.area !== 'tls') return [];
		const inputIndex = facts.inputs.findIndex((i) => i.id === p.file.id);
		return [
			{
				inputName: p.file.name,
				inputIndex: inputIndex >= 0 ? inputIndex : null,
				// A copy: the stage resolves includes into it, and the parse outcome is cached across runs.
				parse: structuredClone(d.data.parse),
				text: decoder.decode(p.file.bytes),
			},
		];
	});
	const { connectors, details } = runTlsStage(facts, sources, facts.connector);
	facts.tls.push(...connectors);
	for (const [index, data] of details) {
		const input = facts.inputs[index];
		if (input) input.detail = { area: 'tls', data };
	}
	return Promise.resolve();
};
