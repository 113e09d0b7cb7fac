// The built engine's loader of its other scripts. The build (vite.config.ts) splits the engine
// into a base script and area scripts plus the scripts areas share, each a classic script that
// registers its exports in `self.__wssecChunks`, and rewrites every import() of an area into
// `__wssecImport(name)`, defined here. A Blob worker of a file:// page cannot load a script file
// itself, so it asks the page for each script's source (`need-module`, a Blob) and runs it from a
// Blob URL of its own, in the order the manifest gives (a script's dependencies first). The module
// a script shares is never in another script, so classes and caches stay single across areas.

/** Written by the build at the top of the base script. */
export interface ChunkManifest {
	/** Scripts the base script already holds. */
	loaded: string[];
	/** For each import()ed script: every script it needs, dependencies first, itself last. */
	needs: Record<string, string[]>;
	/** The global each script registers its exports under (`self.__wssecChunks[global]`). */
	globals: Record<string, string>;
}

interface ChunkScope {
	importScripts(...urls: string[]): void;
	__wssecChunkManifest?: ChunkManifest;
	/** Area scripts the page appended to the base script (they run right after it). */
	__wssecPreloaded?: string[];
	__wssecChunks?: Record<string, unknown>;
	__wssecImport?: (name: string) => Promise<unknown>;
}

/**
 * Installs `__wssecImport` in the worker: `source(name)` asks the page for a script, its text as
 * a Blob. Requests go out at once for every script an area needs; they run one after the other.
 */
export function installChunkLoader(source: (name: string) => Promise<Blob>): void {
	const scope = self as unknown as ChunkScope;
	const manifest = scope.__wssecChunkManifest;
	if (!manifest) return; // the development server's module worker imports areas itself
	// the page may have appended area scripts to the base (client.ts, startWorker): they ran too
	const ran = [...manifest.loaded, ...(scope.__wssecPreloaded ?? [])];
	const run = new Map<string, Promise<void>>(ran.map((n) => [n, Promise.resolve()]));
	let queue = Promise.resolve();
	const evaluate = (script: Promise<Blob>): Promise<void> => {
		// a failed load is reported when its turn comes, not as an unhandled rejection before
		script.catch(() => undefined);
		const step = queue.then(async () => {
			const url = URL.createObjectURL(await script);
			try {
				scope.importScripts(url);
			} finally {
				URL.revokeObjectURL(url);
			}
		});
		// the next script waits for this one, not for its success (it then fails on its own)
		queue = step.catch(() => undefined);
		return step;
	};
	scope.__wssecImport = async (name) => {
		const needs = manifest.needs[name];
		if (!needs) throw new TypeError(`the engine has no script ${name}`);
		const runs = needs.map((n) => {
			let done = run.get(n);
			if (!done) {
				done = evaluate(source(n));
				// a failed load is asked for again by the next import
				done.catch(() => run.delete(n));
				run.set(n, done);
			}
			return done;
		});
		await Promise.all(runs);
		const exports = scope.__wssecChunks?.[manifest.globals[name] ?? ''];
		if (!exports) throw new TypeError(`the engine script ${name} did not register its code`);
		return exports;
	};
}
