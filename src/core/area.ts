// The one vocabulary of the house: the areas of the rule catalog (shared/RULES.md "area" column)
// and, for each, where its code lives in core, rules and ui, and which report sub-grade its
// findings count in. tests/unit/house.test.ts fails when a folder is in none of these lists.
import type { GradeArea } from './report/report';

/** An area of the catalog; a rule's `meta.area` and the folder `src/rules/<area>/`. */
export type Area = 'tls' | 'runtime' | 'mail' | 'cert' | 'keystore' | 'wsdl' | 'policy' | 'message';

export const AREA_NAMES: readonly Area[] = [
	'tls',
	'runtime',
	'mail',
	'cert',
	'keystore',
	'wsdl',
	'policy',
	'message',
];

export interface AreaHome {
	/** Sub-grade of the report its findings count in (CGS-1 section 3.3; a few rules differ). */
	grade: GradeArea;
	/** Folders under src/core that parse its inputs and write its facts. */
	core: readonly string[];
	/** Folders under src/ui with its detail views. */
	ui: readonly string[];
}

/**
 * Where each area lives. Names differ where a folder is named after its format or spec rather
 * than the catalog area (x509 for cert, soap/xmldsig/xmlenc for message); xsw and xmlenc under
 * src/rules hold message rules until they move into src/rules/message.
 */
export const AREAS: Readonly<Record<Area, AreaHome>> = {
	tls: { grade: 'tls', core: ['tls'], ui: ['tls'] },
	runtime: { grade: 'tls', core: ['tls'], ui: ['tls'] },
	mail: { grade: 'tls', core: ['tls'], ui: ['tls'] },
	cert: { grade: 'certificates', core: ['x509', 'keys'], ui: ['x509'] },
	keystore: { grade: 'keystores', core: ['keystore'], ui: ['keystore'] },
	wsdl: { grade: 'wsdl', core: ['wsdl'], ui: ['wsdl'] },
	policy: { grade: 'wsdl', core: ['policy'], ui: ['wsdl'] },
	message: {
		grade: 'messages',
		core: ['soap', 'xmldsig', 'xmlenc'],
		ui: ['xml', 'xmlenc'],
	},
};

/**
 * Folders that belong to no area: shared building blocks (core), rule-set tooling (rules) and
 * the page's own parts (ui).
 */
export const SHARED_FOLDERS = {
	core: ['asn1', 'bytes', 'crypto', 'xml', 'report', 'share'],
	ui: ['input', 'layout', 'report', 'settings', 'share', 'state'],
} as const;
