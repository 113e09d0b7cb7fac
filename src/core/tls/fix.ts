export function fixesFor(..._a: unknown[]): never[] {
	return [];
}
