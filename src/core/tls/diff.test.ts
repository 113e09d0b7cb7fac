// The line diff keeps common lines and marks removed and added ones.
import { describe, expect, it } from 'vitest';
import { diffText, lineDiff } from './diff';

describe('lineDiff', () => {
	it('replaces one line in the middle', () => {
		const d = lineDiff('a\nb\nc', 'a\nB\nc');
		expect(diffText(d)).toBe(' a\n-b\n+B\n c');
	});
	it('inserts and deletes', () => {
		expect(diffText(lineDiff('a\nc', 'a\nb\nc'))).toBe(' a\n+b\n c');
		expect(diffText(lineDiff('a\nb\nc', 'a\nc'))).toBe(' a\n-b\n c');
	});
	it('handles identical and empty texts', () => {
		expect(lineDiff('x', 'x').every((l) => l.op === ' ')).toBe(true);
		expect(diffText(lineDiff('', 'y'))).toBe('-\n+y');
	});
	it('stays linear on large files and still reproduces both texts', () => {
		const before = Array.from({ length: 6000 }, (_, i) => `line ${i}`);
		const after = before.map((l, i) => (i % 500 === 0 ? `${l} changed` : l));
		after.splice(3000, 0, 'inserted');
		const d = lineDiff(before.join('\n'), after.join('\n'));
		expect(d.filter((l) => l.op !== '+').map((l) => l.line)).toEqual(before);
		expect(d.filter((l) => l.op !== '-').map((l) => l.line)).toEqual(after);
		expect(d.filter((l) => l.op === '+')).toHaveLength(13);
	});
});
