// Types of the bench's envelope generator for the test that runs it (src/core/xmldsig/stream.test.ts).
/** A SOAP envelope of about `bytes` characters with an unsigned enveloped-signature template. */
export function envelope(bytes: number): string;
declare function run(ctx: unknown): Promise<Record<string, unknown>[]>;
export default run;
