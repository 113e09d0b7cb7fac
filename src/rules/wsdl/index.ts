// Rules of this folder, sorted by id.
import type { Rule } from '../rule';
import { wsdlHttpEndpoint } from './wsdl-http-endpoint';
import { wsdlInsecureImport } from './wsdl-insecure-import';
import { wsdlMixedSchemeEndpoints } from './wsdl-mixed-scheme-endpoints';
import { wsdlNoSecurityPolicy } from './wsdl-no-security-policy';

export const rules: readonly Rule[] = [
	wsdlHttpEndpoint,
	wsdlInsecureImport,
	wsdlMixedSchemeEndpoints,
	wsdlNoSecurityPolicy,
];
