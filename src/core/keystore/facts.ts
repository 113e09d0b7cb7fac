// Facts about keystores (JKS, JCEKS, PKCS#12, BKS, PEM bundles). Owned by issue #3.
import type { ReportKeystore } from '../report/report';

export interface KeystoreFacts extends ReportKeystore {
	/** The store password is one of the default list (RULES.md 3.6), found without asking. */
	defaultPassword: string | null;
}

/** Detail view of a keystore input (issue #3 shapes it). */
export interface KeystoreDetail {
	summary: string;
}
