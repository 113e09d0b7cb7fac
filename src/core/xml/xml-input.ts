// The common first step for every XML input: safe parse, kept for the cross-file stages.
import { ParseError } from '../errors';
import type { ParseContext, ParseOutcome } from '../pipeline';
import { parseXml } from './safe-parse';

export async function parseXmlInput(ctx: ParseContext): Promise<ParseOutcome> {
	if (ctx.text === null)
		throw new ParseError('xml/not-utf8', 'The file is not UTF-8 text, so it cannot be XML');
	return Promise.resolve({ facts: {}, material: {}, xml: parseXml(ctx.text) });
}
