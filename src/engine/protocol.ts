// Messages between the page and the analysis engine worker, and the typed channel they travel on.
// The page holds the state (inputs, passwords, settings, cancelled inputs) and sends a snapshot
// of it with every change; the worker holds only the analysis cache (the bytes of the files it
// was given and their parse results) and answers per input as each finishes.
// Two workers run the same script: the analysis worker, and the derivation worker that reads
// the inputs whose reading derives keys (keystores, encrypted keys) one at a time, so a slow
// derivation holds back no other input and Cancel can stop it alone. The analysis worker asks
// for that with `delegate`; the page relays the input to the derivation worker (`read`) and
// its answer back (`adopt`).
import type { AnalysisResult, DelegatedInput, ParsedEntry } from '../analyze';
import type { AreaName } from '../areas';
import type { AnalysisSettings, InputFacts } from '../core/facts';
import type { InputFile } from '../core/pipeline';
import type { CertificateDescription } from '../core/x509/facts';

/** Everything the analysis depends on, by input id; file bytes travel separately (once). */
export interface EngineSnapshot {
	/** Input ids in the order the user added them. */
	inputIds: string[];
	/** Store passwords the user typed, by input id. */
	passwords: Record<string, string>;
	/** Entry key passwords the user typed, by input id then alias. */
	entryPasswords: Record<string, Record<string, string>>;
	settings: AnalysisSettings;
	/** Inputs whose work the user cancelled: recorded with an error, not parsed. */
	cancelled: string[];
}

/**
 * Every `analyze` carries `seq` (increasing, set by the client); every event of the run it starts
 * carries that `seq`, so the page knows whether an answer is current.
 */
export type EngineRequest =
	| {
			type: 'analyze';
			seq: number;
			snapshot: EngineSnapshot;
			/** Files this worker has not been given yet (the client tracks which it has). */
			files: InputFile[];
	  }
	/** A question, not a change: answered by `certificate-description`, never re-runs the analysis. */
	| { type: 'describe-certificate'; requestId: number; der: Uint8Array }
	/**
	 * The answer to `need-module`: the source of a lazily loaded script (an engine area's, see
	 * engine/chunks.ts, or assets/yaml.js), or why the page could not load it. Not a change of
	 * state: no sequence number, no re-run. A Blob, not a string: the worker runs it from a URL
	 * of its own and never holds its text, which as a string stayed in the engine's heap as
	 * garbage (1.2 MB for all areas) until a full collection.
	 */
	| { type: 'module'; name: string; source: Blob | null; error?: string }
	/** Load and compile these areas' code now (the prewarm); answered by `warmed`. */
	| { type: 'warm'; requestId: number; areas: AreaName[] }
	/** To the derivation worker: read this input (answered by `read-done`). */
	| { type: 'read'; jobId: number; input: DelegatedInput }
	/** To the analysis worker: an input the derivation worker read; re-runs the analysis. */
	| { type: 'adopt'; inputId: string; entry: ParsedEntry };

export type EngineEvent =
	| { type: 'busy'; runId: number; seq: number }
	| {
			type: 'progress';
			runId: number;
			seq: number;
			/** The input being worked on, when the step belongs to one. */
			inputId: string | null;
			label: string;
			fraction?: number;
	  }
	/** One input's own step is done (its result before the cross-file stages refine it). */
	| { type: 'input'; runId: number; seq: number; input: InputFacts }
	| {
			type: 'result';
			runId: number;
			seq: number;
			result: AnalysisResult;
			/** Inputs left out of this result: being read by the derivation worker (more results follow). */
			waiting?: string[];
	  }
	/** From the analysis worker: read this input in the derivation worker (see `read`). */
	| { type: 'delegate'; input: DelegatedInput }
	/** From the derivation worker: what reading the input of job `jobId` left. */
	| { type: 'read-done'; jobId: number; inputId: string; entry: ParsedEntry }
	| { type: 'crash'; runId: number; seq: number; message: string }
	| {
			type: 'certificate-description';
			requestId: number;
			description: CertificateDescription | null;
	  }
	/**
	 * The engine needs a script it does not carry (an area's code, the YAML reader), by name:
	 * `yaml` or an engine script's name (assets/<name>.js); answered by `module`.
	 */
	| { type: 'need-module'; name: string }
	/** The areas a `warm` named are loaded (or failed to: the inputs that need them say why). */
	| {
			type: 'warmed';
			requestId: number;
			/** The rehearsal's result, when this answer follows a rehearsal that was done (ui/report/rehearsal.ts). */
			rehearsal?: AnalysisResult;
	  }
	/**
	 * After `warmed`, to the prewarm: the rehearsal's large-document rounds are over (done, given
	 * way to a drop, or not run); the bench hook's "prewarmed" waits for it.
	 */
	| { type: 'rehearsed'; requestId: number };

/** One side of a typed message channel (the worker's global scope or a Worker object). */
export interface Channel<Send, Receive> {
	send(message: Send): void;
	listen(handler: (message: Receive) => void): void;
}

interface MessagePort<Send, Receive> {
	postMessage(message: Send): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<Receive>) => void): void;
}

/** The page's end: sends requests, receives events. */
export function pageChannel(worker: Worker): Channel<EngineRequest, EngineEvent> {
	const port = worker as unknown as MessagePort<EngineRequest, EngineEvent>;
	return {
		send: (message) => port.postMessage(message),
		listen: (handler) => port.addEventListener('message', (e) => handler(e.data)),
	};
}

/** The worker's end: sends events, receives requests. */
export function workerChannel(scope: unknown): Channel<EngineEvent, EngineRequest> {
	const port = scope as MessagePort<EngineEvent, EngineRequest>;
	return {
		send: (message) => port.postMessage(message),
		listen: (handler) => port.addEventListener('message', (e) => handler(e.data)),
	};
}
