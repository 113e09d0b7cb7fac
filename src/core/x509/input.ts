// Parsers and the cross-file stage for certificates and private keys (issue #3).
import type { InputKind } from '../report/report';
import type { Parser, Stage } from '../pipeline';

export const parsers: Partial<Record<InputKind, Parser>> = {};

/** Builds certificate and key facts from the key ring: pairing, chains, trust. */
export const stage: Stage = async () => {};
