// The keystores-and-certificates area of the engine, loaded when an input or a stage needs it
// (index.ts): the certificate and key readers, the keystore readers, the certificate stage
// (chains, trust, key pairing), the connector key-purpose stage and the extension decoder of a
// certificate card. pkijs and asn1js come with it.
import { parsers as keystoreParsers } from '../core/keystore/input';
import { certificateExtensions } from '../core/x509/certificate-view';
import { connectorEkuStage } from '../core/x509/connector-eku';
import { parsers as x509Parsers, stage as certificateStage } from '../core/x509/input';

export const parsers = { ...x509Parsers, ...keystoreParsers };
export { certificateExtensions, certificateStage, connectorEkuStage };
