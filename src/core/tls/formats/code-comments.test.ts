import { describe, expect, it } from 'vitest';
import { blankComments } from './code-comments';

describe('blankComments', () => {
	it('blanks JavaScript comments and keeps strings, template literals and regular expressions', () => {
		const js = `a = 'x // y'; // gone
b = "/* kept */"; /* gone
   too */ c = \`// kept \${d}\`;
e = /\\/\\/[/*]/g; f = g / h; // gone
`;
		const out = blankComments(js, 'js');
		expect(out.length).toBe(js.length);
		expect(out.split('\n').length).toBe(js.split('\n').length);
		expect(out).not.toMatch(/gone|too/);
		expect(out).toContain("'x // y'");
		expect(out).toContain('"/* kept */"');
		expect(out).toContain('`// kept ${d}`');
		expect(out).toContain('/\\/\\/[/*]/g');
		expect(out).toContain('f = g / h;');
	});

	it('knows C# verbatim strings and char literals', () => {
		const cs = `var p = @"C:\\dir\\"; // gone
var q = @"say ""//"" here"; char c = '"'; /* gone */ var r = "a\\"//b";
`;
		const out = blankComments(cs, 'cs');
		expect(out).not.toMatch(/gone/);
		expect(out).toContain('@"C:\\dir\\"');
		expect(out).toContain('@"say ""//"" here"');
		expect(out).toContain("'\"'");
		expect(out).toContain('"a\\"//b"');
	});
});
