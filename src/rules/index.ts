// The rule registry: every rule, from every folder. Ids and severities come from shared/RULES.md;
// src/rules/index.test.ts checks them against the catalog.
import { rules as cert } from './cert';
import { rules as input } from './input';
import { rules as keystore } from './keystore';
import { rules as mail } from './mail';
import { rules as message } from './message';
import { rules as policy } from './policy';
import type { Rule, RuleMeta } from './rule';
import { rules as runtime } from './runtime';
import { rules as tls } from './tls';
import { rules as wsdl } from './wsdl';
import { rules as xmlenc } from './xmlenc';
import { rules as xsw } from './xsw';

/** Each rule folder's list, by folder name (sorted); src/rules/index.test.ts checks the order. */
export const RULE_FOLDERS: Readonly<Record<string, readonly Rule[]>> = {
	cert,
	input,
	keystore,
	mail,
	message,
	policy,
	runtime,
	tls,
	wsdl,
	xmlenc,
	xsw,
};

export const RULES: readonly Rule[] = Object.values(RULE_FOLDERS).flat();

const BY_ID = new Map<string, RuleMeta>(RULES.map((r) => [r.meta.id, r.meta]));

export function getRuleMeta(id: string): RuleMeta | undefined {
	return BY_ID.get(id);
}
