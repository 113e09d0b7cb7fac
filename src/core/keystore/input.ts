// Parsers for keystores: PKCS#12, JKS, JCEKS, BKS (issue #3).
import type { InputKind } from '../report/report';
import type { Parser } from '../pipeline';

export const parsers: Partial<Record<InputKind, Parser>> = {};
