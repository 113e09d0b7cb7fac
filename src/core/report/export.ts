// What leaves the analyzer as a file: the page's Export JSON / Export SARIF buttons and the command
// line's output are made by these functions from the same engine result, so they are equal for the
// same inputs and passwords (apart from generatedAt).
import { redactSecrets } from '../share/share-link';
import type { Report } from './report';
import { sarifJson, toSarif, type SarifRuleSource } from './sarif';

/** The report as it may leave: every password the user gave scrubbed from its texts. */
export function exportableReport(report: Report, passwords: readonly string[]): Report {
	return redactSecrets(report, passwords);
}

/** The exported JSON report file (the page's download, the command line's `--format json`). */
export function reportJson(report: Report, passwords: readonly string[]): string {
	return JSON.stringify(exportableReport(report, passwords), null, 2);
}

/** The exported SARIF 2.1.0 file (the page's download, the command line's `--format sarif`). */
export function reportSarif(
	report: Report,
	rules: readonly SarifRuleSource[],
	passwords: readonly string[],
): string {
	return sarifJson(toSarif(exportableReport(report, passwords), rules));
}
