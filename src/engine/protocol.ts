// Messages between the page and the analysis engine worker.
import type { AnalysisResult } from '../analyze';
import type { AnalysisSettings } from '../core/facts';
import type { InputFile } from '../core/pipeline';
import type { CertificateDescription } from '../core/x509/facts';

/**
 * Every request carries `seq` (increasing, set by the client); every event carries the highest
 * `seq` the worker had received when the run started, so the page knows a result is current
 * (`html[data-state=idle]` only when the result answers the last request it sent).
 */
export type EngineRequest = (
	| { type: 'add'; files: InputFile[] }
	| { type: 'remove'; ids: string[] }
	| { type: 'clear' }
	| { type: 'password'; id: string; password: string }
	| { type: 'entry-password'; id: string; alias: string; password: string }
	| { type: 'settings'; settings: AnalysisSettings }
	/** Inputs whose work the user cancelled: they get an error instead of being parsed again. */
	| { type: 'cancelled'; ids: string[] }
	/** A question, not a change: answered by `certificate-description`, never re-runs the analysis. */
	| { type: 'describe-certificate'; requestId: number; der: Uint8Array }
	/**
	 * The answer to `need-module`: the source of a lazily loaded library (assets/yaml.js), or why
	 * the page could not load it. Not a change of state: no sequence number, no re-run.
	 */
	| { type: 'module'; name: 'yaml'; source: string | null; error?: string }
) & { seq?: number };

export type EngineEvent = (
	| { type: 'busy'; runId: number }
	| { type: 'progress'; runId: number; inputId: string | null; label: string; fraction?: number }
	| { type: 'result'; runId: number; result: AnalysisResult }
	| { type: 'crash'; runId: number; message: string }
	| {
			type: 'certificate-description';
			requestId: number;
			description: CertificateDescription | null;
	  }
	/** The engine needs a library it does not carry (the YAML reader); answered by `module`. */
	| { type: 'need-module'; name: 'yaml' }
) & { seq?: number };
