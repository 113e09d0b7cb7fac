// Passes the one AnalysisState instance (created in App.svelte) down to components.
import { getContext, setContext } from 'svelte';
import type { AnalysisState } from './state/analysis.svelte';

const KEY = Symbol('analysis');

export function setAnalysis(state: AnalysisState): AnalysisState {
	return setContext(KEY, state);
}

export function getAnalysis(): AnalysisState {
	const state = getContext<AnalysisState | undefined>(KEY);
	if (!state) throw new Error('getAnalysis() called outside App');
	return state;
}
