// The TLS-settings area of the engine, loaded when a configuration or scanner result is read or
// the connector form declares an endpoint (index.ts): the TLS readers and the TLS stage.
import { parsers, stage as tlsStage } from '../core/tls/input';

export { parsers, tlsStage };
