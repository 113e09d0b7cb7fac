// The two plug points every area implements: a parser per input kind, and a cross-file stage.
// `src/analyze.ts` composes them; areas never call each other's parsers directly.
import type { AnalysisFacts, AnalysisSettings, InputDetail, InputNote } from './facts';
import type { KeyRing } from './keys/keyring';
import type { InputKind } from './report/report';
import type { SafeXmlDocument } from './xml/safe-parse';

export interface InputFile {
	id: string;
	name: string;
	bytes: Uint8Array;
	/** File modification time (ms since epoch), when the browser gave one. */
	lastModified?: number;
}

/**
 * Reports progress of long work (key derivation, large XML); fraction in 0..1 when known.
 * Cross-file stages pass the id of the input they work on, so the page shows which input is
 * running (and Cancel stops that one) and an exception in the stage lands on that input's card.
 */
export type ProgressFn = (label: string, fraction?: number, inputId?: string) => void;

export interface ParseContext {
	file: InputFile;
	kind: InputKind;
	/** The file as UTF-8 text, or null when it is not valid UTF-8. */
	text: string | null;
	/** The password the user typed for this input, if any (tried before the default list). */
	password: string | null;
	/** Per-entry key passwords typed by the user, by alias. */
	entryPasswords: ReadonlyMap<string, string>;
	progress: ProgressFn;
	signal: AbortSignal;
}

/**
 * What parsing one input produced. Throw ParseError for bad input and LockedError when no
 * password opened it; return partial facts whenever something could still be read (a keystore's
 * certificates are readable while its keys stay locked), with `locked` set when the input as a
 * whole still needs its password (the LockedError it would have thrown, as data).
 */
export interface ParseOutcome {
	facts: Partial<
		Pick<AnalysisFacts, 'certificates' | 'keys' | 'keystores' | 'tls' | 'wsdls' | 'dhParameters'>
	>;
	material: Partial<KeyRing>;
	detail?: InputDetail;
	/** XML inputs keep their parsed document for the cross-file stages (signatures, decryption, WSDL). */
	xml?: SafeXmlDocument;
	/** Set when the input parsed but some entries need their own password. */
	lockedEntries?: { alias: string; wrongPassword: boolean }[];
	/** What the reader has to say about the input as a whole (see InputFacts.notes). */
	notes?: InputNote[];
	/**
	 * Locked, though part of it reads without the password (a JKS stores its certificates in
	 * clear): the input stays locked, with this reason, and what was read is still reported.
	 */
	locked?: { message: string; wrongPassword: boolean };
	/** A default password (RULES.md 3.6) opened it: KEYSTORE-DEFAULT-PASSWORD. */
	defaultPassword?: string | null;
}

export type Parser = (ctx: ParseContext) => Promise<ParseOutcome>;

/** A parsed input as the cross-file stages see it. */
export interface ParsedInput {
	file: InputFile;
	kind: InputKind;
	outcome: ParseOutcome;
}

/** An XML document the stages work on: an input as dropped, or one produced by decryption. */
export interface XmlDocumentRef {
	inputName: string;
	xml: SafeXmlDocument;
	origin: 'input' | 'decrypted';
}

export interface StageContext {
	inputs: readonly ParsedInput[];
	/** Every dropped file, also those no parser accepted (CipherReference targets, detached references). */
	files?: readonly InputFile[];
	/** Every XML document: the parsed XML inputs, then what the decryption stage appends. */
	documents: XmlDocumentRef[];
	keyring: KeyRing;
	settings: AnalysisSettings;
	progress: ProgressFn;
	signal: AbortSignal;
}

/**
 * A cross-file stage reads every parsed input and the key ring and writes its own sections of
 * `facts` (and may add detail to inputs). Stages run in a fixed order: certificates, encryption,
 * signatures and envelopes, WSDL and policy, TLS.
 */
export type Stage = (facts: AnalysisFacts, ctx: StageContext) => Promise<void>;
