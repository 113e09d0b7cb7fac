// The whole engine (src/analyze.ts) run on texts a test gives, as the page runs it on dropped
// files: one place for the request's shape, so a test says only what it feeds and what it reads.
import { Analyzer, type AnalysisResult } from '../../src/analyze';
import { emptySettings, type AnalysisSettings } from '../../src/core/facts';

/** The analysis time of these runs, so that no verdict depends on the day a test runs. */
export const TEST_NOW = '2026-11-22T12:00:00Z';

/** Analyzes [name, text] pairs as inputs f0, f1, …; `settings` patches the empty settings. */
export function analyzeTexts(
	texts: readonly (readonly [string, string])[],
	settings: Partial<AnalysisSettings> = {},
): Promise<AnalysisResult> {
	return new Analyzer().run(
		{
			files: texts.map(([name, text], i) => ({
				id: `f${i}`,
				name,
				bytes: new TextEncoder().encode(text),
			})),
			passwords: {},
			entryPasswords: {},
			settings: { ...emptySettings(), now: TEST_NOW, ...settings },
		},
		() => undefined,
		new AbortController().signal,
	);
}
