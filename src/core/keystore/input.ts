// Parsers for keystores: PKCS#12, JKS, JCEKS, BKS (UBER detected and refused by name).
import type { Parser } from '../pipeline';
import type { InputKind } from '../report/report';
import { readBks } from './bks';
import { readJks } from './jks';
import { readPkcs12 } from './pkcs12';

export const parsers: Partial<Record<InputKind, Parser>> = {
	pkcs12: readPkcs12,
	jks: readJks,
	jceks: readJks,
	bks: readBks,
};
