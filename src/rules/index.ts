// The rule registry: every rule, from every area folder (src/rules/<area>/, named by the Area
// values of core/area.ts). Ids and severities come from shared/RULES.md; src/rules/index.test.ts
// checks them against the catalog, the sort order and that each rule's folder is its area.
import type { Area } from '../core/area';
import { rules as cert } from './cert';
import { rules as keystore } from './keystore';
import { rules as mail } from './mail';
import { rules as message } from './message';
import { rules as policy } from './policy';
import type { Rule, RuleMeta } from './rule';
import { rules as runtime } from './runtime';
import { rules as tls } from './tls';
import { rules as wsdl } from './wsdl';

/** Each area's rules, by area (= folder name), sorted; src/rules/index.test.ts checks the order. */
export const RULE_FOLDERS: Readonly<Record<Area, readonly Rule[]>> = {
	cert,
	keystore,
	mail,
	message,
	policy,
	runtime,
	tls,
	wsdl,
};

export const RULES: readonly Rule[] = Object.values(RULE_FOLDERS).flat();

const BY_ID = new Map<string, RuleMeta>(RULES.map((r) => [r.meta.id, r.meta]));

export function getRuleMeta(id: string): RuleMeta | undefined {
	return BY_ID.get(id);
}
