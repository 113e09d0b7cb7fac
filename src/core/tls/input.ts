// Parsers for TLS configuration files and scanner results, and the TLS stage (issue #6).
import type { InputKind } from '../report/report';
import type { Parser, Stage } from '../pipeline';

export const parsers: Partial<Record<InputKind, Parser>> = {};

export const stage: Stage = async () => {};
