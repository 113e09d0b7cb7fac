// Rules of this folder, sorted by id.
import { runtimeDotnetProtocolOverride } from './runtime-dotnet-protocol-override';
import { runtimeJava7ClientTls10Default } from './runtime-java7-client-tls10-default';
import { runtimeJdkDisabledalgsWeakened } from './runtime-jdk-disabledalgs-weakened';
import { runtimeOpensslSeclevelLow } from './runtime-openssl-seclevel-low';
import type { Rule } from '../rule';

export const rules: readonly Rule[] = [
	runtimeDotnetProtocolOverride,
	runtimeJava7ClientTls10Default,
	runtimeJdkDisabledalgsWeakened,
	runtimeOpensslSeclevelLow,
];
