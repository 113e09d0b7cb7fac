// Rules of this folder, sorted by id.
import type { Rule } from '../rule';
import { xswDuplicateId } from './xsw-duplicate-id';
import { xswMultipleSecurityElements } from './xsw-multiple-security-elements';
import { xswNonBspSignatureStructure } from './xsw-non-bsp-signature-structure';
import { xswPartialBodySignature } from './xsw-partial-body-signature';
import { xswSignedElementRelocated } from './xsw-signed-element-relocated';

export const rules: readonly Rule[] = [
	xswDuplicateId,
	xswMultipleSecurityElements,
	xswNonBspSignatureStructure,
	xswPartialBodySignature,
	xswSignedElementRelocated,
];
