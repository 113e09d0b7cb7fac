// Configuration text that travels (a corrected line in a share link, a reader's note quoting a
// directive in the report): an assignment whose name mentions a secret keeps its name and loses
// its value, so a keystore password written in a config file never leaves the machine.

/** `keystorePass="…"`, `password: …`, `ssl.key-store-password=…`: the value goes, the name stays. */
const SECRET_ASSIGNMENT =
	/(\b[\w.-]*(?:pass|secret|pwd|passphrase|token)[\w.-]*\s*(?:=|:|\s)\s*)("[^"]*"|'[^']*'|[^\s;,>]+)/gi;

/** A config line as it may travel: assignments whose name mentions a secret lose their value. */
export function scrubConfigLine(line: string): string {
	return line.replace(SECRET_ASSIGNMENT, '$1[redacted]');
}
