// Facts about XML Encryption (EncryptedKey / EncryptedData). Owned by issue #5.
import type { ReportDecryption } from '../report/report';

export type DecryptionFacts = ReportDecryption;
