// Facts about declared and observed TLS settings, grouped by connector. Owned by issue #6.
import type { ChannelScores } from '../report/grade';
import type { ReportTlsSettings } from '../report/report';

export interface TlsFacts extends ReportTlsSettings {
	/** Section 3.2 step 4 category scores; null for a plain channel. */
	scores: ChannelScores | null;
}

/** The connector form of the page (issue #6); its values travel in the share link. */
export interface ConnectorForm {
	name: string;
	type: 'REST' | 'SOAP';
	endpoint: string;
	role: 'client' | 'server';
	lowestTlsVersion: 'TLSv1.3' | 'TLSv1.2' | 'TLSv1.1' | 'TLSv1' | 'SSLv3' | '';
	runtime: string;
	cipherSuites: string;
	keystoreInput: string;
	truststoreInput: string;
	wsSecurity: { sign: boolean; encrypt: boolean; timestamp: boolean; usernameToken: boolean };
}

/** Detail view of a TLS configuration or scanner input (issue #6 shapes it). */
export interface TlsDetail {
	summary: string;
}
