// Rules of this folder, sorted by id.
import type { Rule } from '../rule';

export const rules: readonly Rule[] = [];
