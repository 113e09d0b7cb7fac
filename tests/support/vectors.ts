// Where the tests find the vendored public conformance material, so no test reads outside the
// repository (a fresh clone with nothing beside it runs every test). See tests/vectors/README.md.
import { resolve } from 'node:path';

/** The public XML-DSig / XML-Enc / keystore conformance corpus (xmlsec, Santuario, WSS4J). */
export const CORPUS = resolve(import.meta.dirname, '../vectors/corpus');

/** A copy of the shared rule catalog, read by the rule registry test. */
export const RULES_MD = resolve(import.meta.dirname, '../vectors/catalog/RULES.md');
