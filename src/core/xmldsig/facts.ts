// Facts about XML signatures (in envelopes and plain XML-DSig documents). Owned by issue #4.
import type { ReportSignature } from '../report/report';

export type SignatureFacts = ReportSignature;
