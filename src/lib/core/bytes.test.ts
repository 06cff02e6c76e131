import { describe, expect, it } from 'vitest';
import { isWholeBuffer } from './bytes';

describe('isWholeBuffer', () => {
	it('is true only for bytes that are all of their buffer', () => {
		const bytes = new Uint8Array(8);
		expect(isWholeBuffer(bytes)).toBe(true);
		expect(isWholeBuffer(bytes.subarray(1))).toBe(false);
		expect(isWholeBuffer(bytes.subarray(0, 7))).toBe(false);
		expect(isWholeBuffer(new Uint8Array(bytes.buffer, 0, 8))).toBe(true);
	});
});
