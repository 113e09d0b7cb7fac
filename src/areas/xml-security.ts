// The XML-security area of the engine, loaded when an XML input is read (index.ts): SOAP
// envelopes, WS-Security, SAML, XML-DSig and XML-Enc: the XML reader, the decryption stage and
// the signature stage; and the skeleton canonicalization the engine's rehearsal runs.
import { parsers, stage as signatureStage } from '../core/soap/input';
import { canonicalLengthAsSkeleton } from '../core/xmldsig/skeleton-canonical';
import { stage as decryptionStage } from '../core/xmlenc/input';

export { canonicalLengthAsSkeleton, decryptionStage, parsers, signatureStage };
