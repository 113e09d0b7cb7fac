// The XML-security area of the engine, loaded when an XML input is read (index.ts): SOAP
// envelopes, WS-Security, SAML, XML-DSig and XML-Enc: the XML reader, the decryption stage and
// the signature stage.
import { parsers, stage as signatureStage } from '../core/soap/input';
import { stage as decryptionStage } from '../core/xmlenc/input';

export { decryptionStage, parsers, signatureStage };
