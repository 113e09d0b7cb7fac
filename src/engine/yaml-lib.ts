// Entry of the lazily loaded YAML chunk (assets/yaml.js, built by vite.config.ts): the parts of
// the library the Spring reader uses (src/core/tls/formats/yaml.ts's YamlLib).
import type { YamlLib } from '../core/tls/formats/yaml';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';

export { LineCounter, isMap, isScalar, isSeq, parseDocument };

// Checks at compile time that this entry provides everything YamlLib lists.
const _complete: YamlLib = { LineCounter, isMap, isScalar, isSeq, parseDocument };
void _complete;
