// Rules of this folder, sorted by id.
import { mailPlaintext } from './mail-plaintext';
import { mailServerIdentityNotChecked } from './mail-server-identity-not-checked';
import { mailStarttlsInsteadOfImplicit } from './mail-starttls-instead-of-implicit';
import { mailStarttlsOpportunistic } from './mail-starttls-opportunistic';
import type { Rule } from '../rule';

export const rules: readonly Rule[] = [
	mailPlaintext,
	mailServerIdentityNotChecked,
	mailStarttlsInsteadOfImplicit,
	mailStarttlsOpportunistic,
];
