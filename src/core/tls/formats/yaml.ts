// The YAML library, loaded only when a YAML file is read (Spring Boot application.yml): it is
// about 8 % of the engine and no other input needs it. The async TLS parser awaits loadYaml()
// before the synchronous readers run; spring.ts then takes the library from yamlLib().
// In Node (unit tests, the command line) the loader is a dynamic import; the page's engine, a
// Blob worker that cannot import a chunk from file://, installs a loader that gets the library's
// source from the page (src/engine/worker.ts, vite.config.ts).
import type * as YamlModule from 'yaml';
import { ParseError, reasonOf } from '../../errors';

export type YamlLib = Pick<
	typeof YamlModule,
	'LineCounter' | 'parseDocument' | 'isMap' | 'isSeq' | 'isScalar'
>;

let loader: () => Promise<YamlLib> = () => import('yaml');
let loading: Promise<YamlLib> | null = null;
let lib: YamlLib | null = null;

/** Replaces how the library is fetched (the engine worker asks the page for it). */
export function setYamlLoader(load: () => Promise<YamlLib>): void {
	loader = load;
	loading = null;
}

/** Loads the library once; a failed load is retried by the next call. */
export async function loadYaml(): Promise<YamlLib> {
	loading ??= loader().then(
		(l) => (lib = l),
		(error: unknown) => {
			loading = null;
			throw new ParseError(
				'tls/yaml-unavailable',
				`the YAML reader could not be loaded: ${reasonOf(error)}`,
			);
		},
	);
	return loading;
}

/** The loaded library; loadYaml() must have been awaited first. */
export function yamlLib(): YamlLib {
	if (!lib) throw new ParseError('tls/yaml-unavailable', 'the YAML reader is not loaded');
	return lib;
}

/** Whether spring.ts reads this text as YAML rather than as a .properties file. */
export function isSpringYaml(text: string): boolean {
	return /^[ \t]*[\w-]+:[ \t\r]*$/m.test(text) && !/^[ \t]*[\w.-]+\s*=/m.test(text);
}
