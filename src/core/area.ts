// The one vocabulary of the house: the areas of the rule catalog (shared/RULES.md "area" column).
// A rule's meta.area, its folder src/rules/<area>/, the ui folders src/ui/<area>/ and the detail
// tag InputDetail.area all use these names. Core folders keep the name of the format or spec they
// parse (x509, soap, xmldsig, xmlenc); AREAS below is the one table mapping them to areas, and
// tests/unit/house.test.ts fails when a folder of core or ui is in no area and not shared.
import type { GradeArea } from './report/report';

/** An area of the catalog: a rule's `meta.area`, the folder `src/rules/<area>/`, a ui folder. */
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
	/** Folders under src/ui with its detail views; each is named after an area. */
	ui: readonly string[];
}

/**
 * Where each area lives besides src/rules/<area>/. Core folders are named after their format
 * (x509 serves cert; soap, xmldsig and xmlenc serve message; tls serves tls, runtime and
 * mail, whose inputs are the same connector files); ui folders are named after the area whose
 * detail views they hold (runtime, mail and policy have no view of their own).
 */
export const AREAS: Readonly<Record<Area, AreaHome>> = {
	tls: { grade: 'tls', core: ['tls'], ui: ['tls'] },
	runtime: { grade: 'tls', core: ['tls'], ui: ['tls'] },
	mail: { grade: 'tls', core: ['tls'], ui: ['tls'] },
	cert: { grade: 'certificates', core: ['x509'], ui: ['cert'] },
	keystore: { grade: 'keystores', core: ['keystore'], ui: ['keystore'] },
	wsdl: { grade: 'wsdl', core: ['wsdl'], ui: ['wsdl'] },
	policy: { grade: 'wsdl', core: ['policy'], ui: ['wsdl'] },
	message: {
		grade: 'messages',
		core: ['soap', 'xmldsig', 'xmlenc'],
		ui: ['message'],
	},
};

/** Folders that belong to no area: shared building blocks (core) and the page's own parts (ui). */
export const SHARED_FOLDERS = {
	core: ['asn1', 'bytes', 'crypto', 'keys', 'xml', 'report', 'share'],
	ui: ['input', 'layout', 'report', 'settings', 'share', 'state'],
} as const;
